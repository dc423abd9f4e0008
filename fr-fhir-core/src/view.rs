//! A joined view of a searchset: each Slot with the resources it points at.
//!
//! Users aggregating vendors' answers all re-write the same walk: Slot →
//! Schedule → Practitioner / PractitionerRole → the Location contained in
//! the role (PS, CPTS), the CPTS HealthcareService named by the R5
//! `serviceType` extension and its `providedBy` Organization (SPEC §2.7),
//! or, for SOS, Schedule → actor Location → `managingOrganization`
//! Organization (SPEC §2.8). [`SearchsetView`] does it once.
//!
//! References are resolved by the validator's own algorithm
//! (`engine::index`, [`crate::rules::index::Index::resolve`]): `#id` into
//! the referencing resource's `contained`; an absolute URL equal to an
//! entry's `fullUrl` (else, for an entry without one, its `Type/id`); a
//! relative `Type/id` first against the RESTful base of the referencing
//! entry's `fullUrl`, then by resource type and id. So the view follows
//! exactly the links the validator accepts. Only the lookups differ: the
//! index reads ids and fullUrls back from the source text through spans,
//! while a view may be over a Bundle built in memory (no source text); its
//! two hash tables are keyed the index's way (a keyed 64-bit hash of the
//! parts, confirmed on the strings), built in one pass, so every lookup is
//! O(1) and a relative reference is looked up against a base without
//! building the URL.
//!
//! Nothing panics on a broken Bundle: a link that does not resolve is left
//! `None` and reported as an [`Unresolved`].
//!
//! ```
//! use fr_fhir_core::model::{parse_resource, Resource};
//! use fr_fhir_core::view::SearchsetView;
//! let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/valid/cpts-one-cpts.json"))?;
//! let (Resource::Bundle(bundle), _) = parse_resource(&src)? else { unreachable!() };
//! let view = SearchsetView::new(&bundle);
//! let slot = view.free_slots().next().unwrap();
//! assert_eq!(slot.rpps(), Some("10102468377"));
//! assert_eq!(slot.location.unwrap().address.as_ref().unwrap().postal_code.as_ref().unwrap().as_str(), "44800");
//! assert!(slot.healthcare_service.is_some() && slot.organization.is_some());
//! assert!(view.unresolved().is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

use crate::engine::index::{Lookup, Resolution, hash_parts, is_concat, resolve_in, restful_base};
use crate::engine::keyhash::{BuildU64Identity, random_seed};
use crate::ids::{IdError, Idnps, OID_IDNPS};
use crate::model::{
    Bundle, HealthcareService, Location, Organization, Practitioner, PractitionerRole, Reference,
    Resource, Schedule, Slot, Value,
};

/// URL of the R5 extension by which a CPTS Slot's `serviceType` names its
/// HealthcareService (SPEC §2.7).
pub const SERVICE_TYPE_R5: &str =
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType";

/// Which link of the walk a reference belongs to.
///
/// ```
/// use fr_fhir_core::view::Link;
/// assert_eq!(Link::SlotSchedule.to_string(), "Slot.schedule");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Link {
    /// `Slot.schedule`.
    SlotSchedule,
    /// `Schedule.actor[k]`.
    ScheduleActor,
    /// `PractitionerRole.practitioner` (looked at when no actor is a Practitioner).
    RolePractitioner,
    /// `PractitionerRole.location[k]`.
    RoleLocation,
    /// The R5 extension `valueReference` on `Slot.serviceType` (CPTS).
    ServiceType,
    /// `HealthcareService.providedBy` (CPTS).
    ProvidedBy,
    /// `Location.managingOrganization` (SOS).
    ManagingOrganization,
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Link::SlotSchedule => "Slot.schedule",
            Link::ScheduleActor => "Schedule.actor",
            Link::RolePractitioner => "PractitionerRole.practitioner",
            Link::RoleLocation => "PractitionerRole.location",
            Link::ServiceType => "Slot.serviceType.extension",
            Link::ProvidedBy => "HealthcareService.providedBy",
            Link::ManagingOrganization => "Location.managingOrganization",
        })
    }
}

/// A link that did not resolve: the Slot's entry position, the link, and the
/// reference text (empty when the element, or its `reference`, is absent).
///
/// ```
/// use fr_fhir_core::view::{Link, Unresolved};
/// let u = Unresolved { slot_entry: 0, link: Link::SlotSchedule, reference: "Schedule/x" };
/// assert_eq!(u.to_string(), "entry 0: Slot.schedule `Schedule/x` does not resolve");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unresolved<'b> {
    /// Position of the Slot in `Bundle.entry`.
    pub slot_entry: usize,
    /// The link.
    pub link: Link,
    /// The reference as written.
    pub reference: &'b str,
}

impl fmt::Display for Unresolved<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {}: {} `{}` does not resolve", self.slot_entry, self.link, self.reference)
    }
}

/// The Practitioner's national identifier (the first with the IDNPS system):
/// the form and the check digit are separate verdicts, as SAS treats them
/// (a wrong key is a warning, SPEC §3.2).
///
/// ```
/// use fr_fhir_core::view::NationalId;
/// let id = NationalId::new("810002909371");
/// assert_eq!(id.form.as_ref().unwrap().registry_number(), "10002909371");
/// assert_eq!(id.key, Some(Ok(())));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalId<'b> {
    /// `identifier.value` as written.
    pub text: &'b str,
    /// The value read with [`Idnps::parse_form`].
    pub form: Result<Idnps, IdError>,
    /// [`Idnps::check_key`] of a well-formed value (`None` when the form failed).
    pub key: Option<Result<(), IdError>>,
}

impl<'b> NationalId<'b> {
    /// Checks the form, then the key of a well-formed value.
    ///
    /// ```
    /// use fr_fhir_core::view::NationalId;
    /// assert!(NationalId::new("8100035447").form.is_err());
    /// assert!(NationalId::new("810002909370").key.unwrap().is_err());
    /// ```
    pub fn new(text: &'b str) -> Self {
        let form = Idnps::parse_form(text);
        let key = form.as_ref().ok().map(Idnps::check_key);
        NationalId { text, form, key }
    }
}

/// One Slot entry with what it links to. `None` (or an empty `roles`) means
/// absent or unresolved; the latter is listed in `unresolved`.
///
/// ```
/// use fr_fhir_core::model::{parse_resource, Resource};
/// use fr_fhir_core::view::SearchsetView;
/// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[
///   {"resource":{"resourceType":"Slot","id":"s","status":"free","schedule":{"reference":"Schedule/gone"}}}]}"#;
/// let (Resource::Bundle(bundle), _) = parse_resource(src)? else { unreachable!() };
/// let slot = SearchsetView::new(&bundle).free_slots().next().unwrap();
/// assert!(slot.schedule.is_none());
/// assert_eq!(slot.unresolved[0].reference, "Schedule/gone");
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone)]
pub struct FreeSlot<'b, 'a> {
    /// Position of the Slot in `Bundle.entry`.
    pub entry: usize,
    /// The Slot.
    pub slot: &'b Slot<'a>,
    /// `Slot.schedule`.
    pub schedule: Option<&'b Schedule<'a>>,
    /// The Practitioner among `Schedule.actor` (else `PractitionerRole.practitioner`).
    pub practitioner: Option<&'b Practitioner<'a>>,
    /// The PractitionerRoles among `Schedule.actor`.
    pub roles: Vec<&'b PractitionerRole<'a>>,
    /// The Practitioner's IDNPS identifier.
    pub national_id: Option<NationalId<'b>>,
    /// The place: the first role's `location` (PS, CPTS) or the Location
    /// among `Schedule.actor` (SOS).
    pub location: Option<&'b Location<'a>>,
    /// CPTS: the HealthcareService named by the `serviceType` R5 extension.
    pub healthcare_service: Option<&'b HealthcareService<'a>>,
    /// CPTS: the HealthcareService's `providedBy`; SOS: the Location's
    /// `managingOrganization`.
    pub organization: Option<&'b Organization<'a>>,
    /// The links of this Slot that did not resolve.
    pub unresolved: Vec<Unresolved<'b>>,
}

impl FreeSlot<'_, '_> {
    /// The RPPS number (11 digits, without the `8` prefix) of a well-formed
    /// IDNPS of RPPS form, whatever its key.
    ///
    /// ```
    /// use fr_fhir_core::model::{parse_resource, Resource};
    /// use fr_fhir_core::view::SearchsetView;
    /// let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/valid/sos-two-places.json"))?;
    /// let (Resource::Bundle(bundle), _) = parse_resource(&src)? else { unreachable!() };
    /// assert!(SearchsetView::new(&bundle).free_slots().all(|s| s.rpps().is_none())); // SOS: no practitioner
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rpps(&self) -> Option<&str> {
        match &self.national_id.as_ref()?.form {
            Ok(id @ Idnps::Rpps(_)) => Some(id.registry_number()),
            _ => None,
        }
    }
}

/// A resolved reference: the resource and the entry holding it (the
/// container's entry for a contained resource), whose fullUrl gives the base
/// of the references it makes.
#[derive(Clone, Copy)]
struct Found<'b, 'a> {
    entry: usize,
    resource: &'b Resource<'a>,
}

/// Lookup maps over the entries of a parsed searchset Bundle.
///
/// ```
/// use fr_fhir_core::model::{parse_resource, Resource};
/// use fr_fhir_core::view::SearchsetView;
/// let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/valid/ps-two-practitioners.json"))?;
/// let (Resource::Bundle(bundle), _) = parse_resource(&src)? else { unreachable!() };
/// let view = SearchsetView::new(&bundle);
/// for slot in view.free_slots() {
///     let place = slot.location.and_then(|l| l.name.as_ref()).map(|n| n.as_str());
///     println!("{:?} {:?} {:?}", slot.slot.start, slot.rpps(), place);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct SearchsetView<'b, 'a> {
    bundle: &'b Bundle<'a>,
    /// Keys the hash tables (random per view: crafted collisions are out of reach).
    seed: u64,
    /// Hash of a `fullUrl` → entry position (the first one when repeated).
    by_full_url: HashMap<u64, u32, BuildU64Identity>,
    /// Hash of `resourceType/id` → entry position (the first one when repeated).
    by_type_id: HashMap<u64, u32, BuildU64Identity>,
}

impl<'b, 'a> SearchsetView<'b, 'a> {
    /// Indexes the entries of `bundle` (one pass).
    ///
    /// ```
    /// use fr_fhir_core::model::Bundle;
    /// use fr_fhir_core::view::SearchsetView;
    /// let bundle = Bundle::default();
    /// assert_eq!(SearchsetView::new(&bundle).free_slots().count(), 0);
    /// ```
    pub fn new(bundle: &'b Bundle<'a>) -> Self {
        let seed = random_seed();
        let n = bundle.entry.len();
        let mut view = SearchsetView {
            bundle,
            seed,
            by_full_url: HashMap::with_capacity_and_hasher(n, BuildU64Identity::default()),
            by_type_id: HashMap::with_capacity_and_hasher(n, BuildU64Identity::default()),
        };
        // Entry positions are u32, as in the index: a Bundle holding more
        // entries than that cannot be parsed from a u32-addressed text.
        for (pos, e) in (0u32..).zip(&bundle.entry) {
            if let Some(url) = &e.full_url {
                let k = hash_parts(seed, &[url.as_str()]);
                if let Entry::Vacant(v) = view.by_full_url.entry(k) {
                    v.insert(pos);
                }
            }
            if let Some(r) = &e.resource
                && let Some(id) = r.id()
            {
                let k = hash_parts(seed, &[r.resource_type(), "/", id.as_str()]);
                if let Entry::Vacant(v) = view.by_type_id.entry(k) {
                    v.insert(pos);
                }
            }
        }
        view
    }

    /// Every Slot entry, in entry order, joined with what it links to.
    /// `Slot.status` is not filtered: a SAS searchset holds only free slots,
    /// and the validator, not this view, reports any other status.
    ///
    /// ```
    /// use fr_fhir_core::model::{parse_resource, Resource};
    /// use fr_fhir_core::view::SearchsetView;
    /// let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/valid/sos-two-places.json"))?;
    /// let (Resource::Bundle(bundle), _) = parse_resource(&src)? else { unreachable!() };
    /// let names: Vec<_> = SearchsetView::new(&bundle).free_slots()
    ///     .map(|s| s.organization.and_then(|o| o.name.as_ref()).map(|n| n.as_str().to_string()))
    ///     .collect();
    /// assert_eq!(names.len(), 4);
    /// assert!(names.iter().all(Option::is_some));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn free_slots(&self) -> impl Iterator<Item = FreeSlot<'b, 'a>> + '_ {
        self.bundle.entry.iter().enumerate().filter_map(|(i, e)| match &e.resource {
            Some(Resource::Slot(slot)) => Some(self.join(i, slot)),
            _ => None,
        })
    }

    /// The links of every Slot that did not resolve, in entry order.
    ///
    /// ```
    /// use fr_fhir_core::model::Bundle;
    /// use fr_fhir_core::view::SearchsetView;
    /// assert!(SearchsetView::new(&Bundle::default()).unresolved().is_empty());
    /// ```
    pub fn unresolved(&self) -> Vec<Unresolved<'b>> {
        self.free_slots().flat_map(|s| s.unresolved).collect()
    }

    fn join(&self, entry: usize, slot: &'b Slot<'a>) -> FreeSlot<'b, 'a> {
        let mut out = FreeSlot {
            entry,
            slot,
            schedule: None,
            practitioner: None,
            roles: Vec::new(),
            national_id: None,
            location: None,
            healthcare_service: None,
            organization: None,
            unresolved: Vec::new(),
        };
        let schedule = self.follow(
            &mut out,
            entry,
            &slot.contained,
            slot.schedule.as_ref(),
            Link::SlotSchedule,
        );
        let sched = schedule.and_then(|f| match f.resource {
            Resource::Schedule(s) => Some((f.entry, &**s)),
            _ => None,
        });
        if let Some((sched_entry, sched)) = sched {
            out.schedule = Some(sched);
            let mut role_entries = Vec::new();
            for actor in &sched.actor {
                let found = self.follow(
                    &mut out,
                    sched_entry,
                    &sched.contained,
                    Some(actor),
                    Link::ScheduleActor,
                );
                match found.map(|f| (f.entry, f.resource)) {
                    Some((_, Resource::Practitioner(p))) => {
                        out.practitioner = out.practitioner.or(Some(&**p));
                    }
                    Some((e, Resource::PractitionerRole(r))) => {
                        out.roles.push(r);
                        role_entries.push((e, &**r));
                    }
                    Some((e, Resource::Location(l))) => {
                        out.location = out.location.or(Some(&**l));
                        if out.organization.is_none() {
                            out.organization = self.organization(
                                &mut out,
                                e,
                                &**l,
                                l.managing_organization.as_ref(),
                                Link::ManagingOrganization,
                            );
                        }
                    }
                    _ => {}
                }
            }
            for (e, role) in role_entries {
                if out.practitioner.is_none() && role.practitioner.is_some() {
                    let found = self.follow(
                        &mut out,
                        e,
                        &role.contained,
                        role.practitioner.as_ref(),
                        Link::RolePractitioner,
                    );
                    if let Some(Resource::Practitioner(p)) = found.map(|f| f.resource) {
                        out.practitioner = Some(&**p);
                    }
                }
                if out.location.is_none() {
                    for loc in &role.location {
                        let found = self.follow(
                            &mut out,
                            e,
                            &role.contained,
                            Some(loc),
                            Link::RoleLocation,
                        );
                        if let Some(Resource::Location(l)) = found.map(|f| f.resource) {
                            out.location = Some(&**l);
                            break;
                        }
                    }
                }
            }
        }
        out.national_id = out.practitioner.and_then(|p| {
            let id = p
                .identifier
                .iter()
                .find(|id| id.system.as_ref().is_some_and(|s| s == OID_IDNPS))?;
            Some(NationalId::new(id.value.as_ref()?.as_str()))
        });
        self.cpts_service(&mut out, entry, slot);
        out
    }

    /// CPTS: the HealthcareService named by the R5 extension on a
    /// `serviceType`, then its `providedBy` Organization.
    fn cpts_service(&self, out: &mut FreeSlot<'b, 'a>, entry: usize, slot: &'b Slot<'a>) {
        let ext = slot
            .service_type
            .iter()
            .flat_map(|st| &st.extension)
            .find(|x| x.url.as_ref().is_some_and(|u| u == SERVICE_TYPE_R5));
        let Some(ext) = ext else { return };
        // Not `Value::as_reference`: its elided lifetime would shorten `'a`.
        let reference = match &ext.value {
            Some(Value::Reference(r)) => Some(&**r),
            _ => None,
        };
        let found = self.follow(out, entry, &slot.contained, reference, Link::ServiceType);
        if let Some(Found { entry: hs_entry, resource: Resource::HealthcareService(hs) }) = found {
            out.healthcare_service = Some(&**hs);
            if out.organization.is_none() {
                out.organization = self.organization(
                    out,
                    hs_entry,
                    &**hs,
                    hs.provided_by.as_ref(),
                    Link::ProvidedBy,
                );
            }
        }
    }

    /// Follows an Organization reference made by `holder` (a Location or a
    /// HealthcareService), only when the reference is present.
    fn organization<T: HasContained<'a>>(
        &self,
        out: &mut FreeSlot<'b, 'a>,
        entry: usize,
        holder: &'b T,
        reference: Option<&'b Reference<'a>>,
        link: Link,
    ) -> Option<&'b Organization<'a>> {
        reference?;
        match self.follow(out, entry, holder.contained(), reference, link)?.resource {
            Resource::Organization(o) => Some(o),
            _ => None,
        }
    }

    /// Resolves `reference` made from entry `from` (whose resource has
    /// `contained`), recording it in `out.unresolved` when it does not.
    fn follow(
        &self,
        out: &mut FreeSlot<'b, 'a>,
        from: usize,
        contained: &'b [Resource<'a>],
        reference: Option<&'b Reference<'a>>,
        link: Link,
    ) -> Option<Found<'b, 'a>> {
        let text = reference.and_then(|r| r.reference.as_ref()).map_or("", |t| t.as_str());
        let found = self.resolve(from, contained, text);
        if found.is_none() {
            out.unresolved.push(Unresolved { slot_entry: out.entry, link, reference: text });
        }
        found
    }

    fn resolve(
        &self,
        from: usize,
        contained: &'b [Resource<'a>],
        text: &'b str,
    ) -> Option<Found<'b, 'a>> {
        if let Some(id) = text.strip_prefix('#') {
            let resource = contained.iter().find(|r| r.id().is_some_and(|i| i.as_str() == id))?;
            return Some(Found { entry: from, resource });
        }
        let base = self
            .bundle
            .entry
            .get(from)
            .and_then(|e| e.full_url.as_ref())
            .and_then(|u| restful_base(u.as_str()));
        let Resolution::Entry(pos) = resolve_in(self, text, base) else { return None };
        let entry = usize::try_from(pos).ok()?;
        let resource = self.bundle.entry.get(entry)?.resource.as_ref()?;
        Some(Found { entry, resource })
    }

    fn entry_at(&self, pos: u32) -> Option<&'b crate::model::BundleEntry<'a>> {
        self.bundle.entry.get(usize::try_from(pos).ok()?)
    }
}

/// The lookups of the validator's reference resolution, over parsed models.
impl Lookup for SearchsetView<'_, '_> {
    fn by_full_url_parts(&self, parts: &[&str]) -> Option<u32> {
        let &pos = self.by_full_url.get(&hash_parts(self.seed, parts))?;
        let url = self.entry_at(pos)?.full_url.as_ref()?;
        is_concat(url.as_str(), parts).then_some(pos)
    }

    fn by_type_and_id(&self, rtype: &str, id: &str) -> Option<u32> {
        let &pos = self.by_type_id.get(&hash_parts(self.seed, &[rtype, "/", id]))?;
        let r = self.entry_at(pos)?.resource.as_ref()?;
        (r.resource_type() == rtype && r.id().is_some_and(|i| i.as_str() == id)).then_some(pos)
    }

    fn has_full_url(&self, pos: u32) -> bool {
        self.entry_at(pos).is_some_and(|e| e.full_url.is_some())
    }
}

/// The `contained` of a resource model (only the holders the walk needs).
trait HasContained<'a> {
    fn contained(&self) -> &[Resource<'a>];
}

impl<'a> HasContained<'a> for Location<'a> {
    fn contained(&self) -> &[Resource<'a>] {
        &self.contained
    }
}

impl<'a> HasContained<'a> for HealthcareService<'a> {
    fn contained(&self) -> &[Resource<'a>] {
        &self.contained
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::parse_resource;

    fn example(name: &str) -> String {
        let path = format!("{}/../examples/valid/{name}.json", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap()
    }

    fn bundle(src: &str) -> Bundle<'_> {
        let Ok((Resource::Bundle(b), _)) = parse_resource(src) else { panic!("not a Bundle") };
        *b
    }

    /// Slots per IDNPS and per postal code, every Slot fully resolved.
    fn counts(src: &str) -> (usize, BTreeMap<String, usize>, BTreeMap<String, usize>) {
        let b = bundle(src);
        let view = SearchsetView::new(&b);
        assert_eq!(view.unresolved(), []);
        let (mut per_ps, mut per_cp, mut n) = (BTreeMap::new(), BTreeMap::new(), 0);
        for s in view.free_slots() {
            n += 1;
            assert!(s.schedule.is_some() && s.location.is_some(), "entry {}", s.entry);
            if let Some(id) = &s.national_id {
                assert!(id.form.is_ok() && s.practitioner.is_some() && !s.roles.is_empty());
                *per_ps.entry(id.text.to_string()).or_insert(0) += 1;
            }
            let cp = s.location.and_then(|l| l.address.as_ref()?.postal_code.as_ref());
            *per_cp.entry(cp.unwrap().as_str().to_string()).or_insert(0) += 1;
        }
        (n, per_ps, per_cp)
    }

    fn map(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
        pairs.iter().map(|&(k, v)| (k.to_string(), v)).collect()
    }

    #[test]
    fn ps_two_practitioners() {
        let (n, ps, cp) = counts(&example("ps-two-practitioners"));
        assert_eq!(n, 8);
        assert_eq!(ps, map(&[("810103874524", 5), ("810005987317", 3)]));
        assert_eq!(cp, map(&[("69003", 3), ("69100", 2), ("69007", 3)]));
    }

    #[test]
    fn cpts_one_cpts() {
        let src = example("cpts-one-cpts");
        let (n, ps, cp) = counts(&src);
        assert_eq!((n, ps, cp), (3, map(&[("810102468377", 3)]), map(&[("44800", 3)])));
        let b = bundle(&src);
        let view = SearchsetView::new(&b);
        let with_service: Vec<_> = view
            .free_slots()
            .map(|s| (s.healthcare_service.is_some(), s.organization.is_some()))
            .collect();
        // The third Slot is a plain PS slot: no serviceType extension.
        assert_eq!(with_service, [(true, true), (true, true), (false, false)]);
    }

    #[test]
    fn sos_two_places() {
        let src = example("sos-two-places");
        let (n, ps, cp) = counts(&src);
        assert_eq!((n, ps.len(), cp), (4, 0, map(&[("56800", 2), ("35360", 2)])));
        let b = bundle(&src);
        assert!(SearchsetView::new(&b).free_slots().all(|s| s.organization.is_some()));
    }

    #[test]
    fn missing_links_are_reported() {
        let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
          {"fullUrl":"https://x.fr/fhir/Slot/a","resource":{"resourceType":"Slot","id":"a","schedule":{"reference":"Schedule/gone"}}},
          {"fullUrl":"https://x.fr/fhir/Slot/b","resource":{"resourceType":"Slot","id":"b","schedule":{"reference":"https://x.fr/fhir/Schedule/s"}}},
          {"resource":{"resourceType":"Slot","id":"c"}},
          {"fullUrl":"https://x.fr/fhir/Schedule/s","resource":{"resourceType":"Schedule","id":"s","actor":[
            {"reference":"Practitioner/nobody"},{"reference":"PractitionerRole/r"}]}},
          {"fullUrl":"https://x.fr/fhir/PractitionerRole/r","resource":{"resourceType":"PractitionerRole","id":"r",
            "practitioner":{"reference":"Practitioner/nobody"},"location":[{"reference":"#nowhere"}]}}]}"##;
        let b = bundle(src);
        let view = SearchsetView::new(&b);
        let slots: Vec<_> = view.free_slots().collect();
        assert_eq!(slots.len(), 3);
        assert!(slots[0].schedule.is_none());
        assert!(slots[1].schedule.is_some() && slots[1].roles.len() == 1);
        assert!(slots[1].practitioner.is_none() && slots[1].location.is_none());
        let got: Vec<_> =
            view.unresolved().iter().map(|u| (u.slot_entry, u.link, u.reference)).collect();
        assert_eq!(
            got,
            [
                (0, Link::SlotSchedule, "Schedule/gone"),
                (1, Link::ScheduleActor, "Practitioner/nobody"),
                (1, Link::RolePractitioner, "Practitioner/nobody"),
                (1, Link::RoleLocation, "#nowhere"),
                (2, Link::SlotSchedule, ""),
            ]
        );
    }

    #[test]
    fn reference_forms() {
        // The same id on two bases: a relative reference takes its own entry's base first.
        let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[
          {"fullUrl":"https://b.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1","schedule":{"reference":"Schedule/s"}}},
          {"fullUrl":"https://a.fr/fhir/Schedule/s","resource":{"resourceType":"Schedule","id":"s","comment":"a"}},
          {"fullUrl":"https://b.fr/fhir/Schedule/s","resource":{"resourceType":"Schedule","id":"s","comment":"b"}},
          {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Slot","id":"2","schedule":{"reference":"urn:uuid:3"}}},
          {"fullUrl":"urn:uuid:3","resource":{"resourceType":"Schedule","id":"t","comment":"c"}}]}"#;
        let b = bundle(src);
        let view = SearchsetView::new(&b);
        let comments: Vec<_> = view
            .free_slots()
            .map(|s| s.schedule.and_then(|x| x.comment.as_ref()).map(|c| c.as_str().to_string()))
            .collect();
        assert_eq!(comments, [Some("b".to_string()), Some("c".to_string())]);
    }

    /// The view resolves what the validator's index resolves, reference by
    /// reference (the same algorithm, `index::resolve_in`): an absolute URL
    /// naming an entry without fullUrl, a relative one on another base, a
    /// URN, a contained `#id`, and what resolves nowhere.
    #[test]
    fn links_resolve_as_the_validator_resolves_them() {
        use crate::rules::index::Index;
        let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
          {"fullUrl":"https://b.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1","schedule":{"reference":"https://a.fr/fhir/Schedule/s"}}},
          {"resource":{"resourceType":"Schedule","id":"s","actor":[{"reference":"Practitioner/p"},{"reference":"PractitionerRole/r"}]}},
          {"fullUrl":"https://a.fr/fhir/Practitioner/p","resource":{"resourceType":"Practitioner","id":"p"}},
          {"fullUrl":"urn:uuid:r","resource":{"resourceType":"PractitionerRole","id":"r","contained":[{"resourceType":"Location","id":"l"}],"location":[{"reference":"#l"}]}},
          {"fullUrl":"https://b.fr/fhir/Slot/2","resource":{"resourceType":"Slot","id":"2","schedule":{"reference":"Schedule/none"}}},
          {"fullUrl":"https://b.fr/fhir/Slot/3","resource":{"resourceType":"Slot","id":"3","schedule":{"reference":"urn:uuid:nothing"}}}]}"##;
        let b = bundle(src);
        let view = SearchsetView::new(&b);
        let mut index = Index::new(src);
        for (i, e) in (0u32..).zip(&b.entry) {
            index.add(i, e);
        }
        let texts = ["https://a.fr/fhir/Schedule/s", "Practitioner/p", "PractitionerRole/r"];
        let texts = texts.iter().chain(&["Schedule/none", "urn:uuid:nothing", "Slot/1", "x"]);
        for &text in texts {
            for from in 0..b.entry.len() {
                let base = b.entry[from].full_url.as_ref().and_then(|u| restful_base(u.as_str()));
                let by_view = resolve_in(&view, text, base);
                assert_eq!(by_view, index.resolve(from as u32, text), "{text} from entry {from}");
            }
        }
        let slots: Vec<_> = view.free_slots().collect();
        let first = &slots[0];
        assert!(first.schedule.is_some() && first.practitioner.is_some());
        assert_eq!(first.roles.len(), 1);
        assert!(first.location.is_some() && first.unresolved.is_empty());
        let gone: Vec<_> = view.unresolved().iter().map(|u| (u.slot_entry, u.reference)).collect();
        assert_eq!(gone, [(4, "Schedule/none"), (5, "urn:uuid:nothing")]);
    }
}
