//! Slicing: which slice an item of a sliced array belongs to.
//!
//! A [`Slicer`] is built once per sliced element (the element carrying
//! `slicing`): it collects the slices (the elements whose id is
//! `<sliced id>:<name>`) and, for each slice and discriminator, what the
//! discriminator requires, read from the slice's own descendants in the
//! snapshot:
//! - `value` / `pattern` at `P`: the fixed or pattern value of the element
//!   `<slice id>.P` (`Practitioner.identifier:IdentifiantNatPS.system`); for
//!   `url` on an extension slice whose `url` element has no fixed value, the
//!   slice's type profile (`types[0].profiles[0]`) is the expected url; when
//!   the element has no fixed or pattern value of its own (`$this` on
//!   `Slot.serviceType` of the CPTS slot), the fixed and pattern values of
//!   its descendants combined into one pattern — the IG publisher's reading
//!   of a pattern discriminator on a slice that declares no pattern;
//! - `type` at `$this` (choice slices, `value[x]:valueReference`): the type
//!   of the slice, matched against the JSON key's type suffix (see
//!   [`Slicer::classify_choice`]); `type` at `P` (`resource` of
//!   `Bundle.entry` slices): the type code of `<slice id>.P`, matched
//!   against the value's `resourceType`;
//! - `profile` at `P`: the type and profiles of `<slice id>.P`, matched
//!   against the resource's `resourceType` and `meta.profile` (see
//!   [`Slicer::classify`] for a resource without a matching `meta.profile`);
//! - `exists` at `P`: `<slice id>.P` required (min ≥ 1: present) or
//!   prohibited (max 0: absent).
//!
//! A slice that says nothing for a discriminator (no fixed value found, a
//! path with a FHIRPath function such as `resolve()` or `ofType()`, which
//! are not supported) matches any value for that discriminator.
//!
//! Classification reads the item with the pull reader (no tree): the keys on
//! the discriminator's path are followed, everything else skipped (at the
//! top level, reading stops once the key is found). `serde_json` is used only
//! to compare a complex value (a CodeableConcept pattern, a combined
//! pattern).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::Value;

use super::fixed::{self, short_form};
use crate::conformance::Definitions;
use crate::conformance::table::{
    DiscriminatorKind, FixedMode, FixedValue, Max, SlicingRules, StructureTable,
};
use crate::json::{Kind, Reader};

/// One slice of a sliced element.
///
/// ```
/// use fr_fhir_core::conformance::Definitions;
/// use fr_fhir_core::conformance::table::Max;
/// use fr_fhir_core::conformance::walk::slicing::{SliceInfo, Slicer};
/// let defs = Definitions::builtin();
/// let p = defs.structure("https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul").unwrap();
/// let sliced = p.elements.iter().position(|e| e.id == "Practitioner.identifier").unwrap();
/// let slicer = Slicer::new(&defs, p, sliced);
/// let nat: &SliceInfo = slicer.slices().iter().find(|s| s.name == "IdentifiantNatPS").unwrap();
/// assert_eq!(p.elements[nat.index].id, "Practitioner.identifier:IdentifiantNatPS");
/// assert_eq!((nat.min, nat.max), (0, Max::One));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SliceInfo {
    /// Index of the slice element in `structure.elements`.
    pub index: usize,
    /// Slice name.
    pub name: String,
    /// Minimum cardinality of the slice.
    pub min: u32,
    /// Maximum cardinality of the slice.
    pub max: Max,
}

/// Which slice an item belongs to.
///
/// ```
/// use fr_fhir_core::conformance::Definitions;
/// use fr_fhir_core::conformance::walk::slicing::{Classified, Slicer};
/// let defs = Definitions::builtin();
/// let p = defs.structure("https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul").unwrap();
/// let sliced = p.elements.iter().position(|e| e.id == "Practitioner.identifier").unwrap();
/// let slicer = Slicer::new(&defs, p, sliced);
/// let rpps = r#"{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}"#;
/// let Classified::Slice(at) = slicer.classify(rpps) else { panic!() };
/// assert_eq!(p.elements[at].slice_name, "IdentifiantNatPS");
/// let Classified::Unmatched { reason_en, .. } = slicer.classify(r#"{"system":"urn:x","value":"1"}"#)
/// else { panic!() };
/// assert!(reason_en.starts_with("system `urn:x` matches no slice"), "{reason_en}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Classified {
    /// Index of the slice element in `structure.elements`.
    Slice(usize),
    /// No slice matched; which discriminator failed, the actual value and
    /// what each slice expects.
    Unmatched {
        /// Reason, in French.
        reason_fr: String,
        /// Reason, in English.
        reason_en: String,
    },
}

/// What one slice requires for one discriminator.
#[derive(Debug, Clone)]
enum Expect {
    /// Nothing: any value matches.
    Any,
    /// A string value (a fixed or pattern uri, code, string), compared as
    /// decoded text.
    Str(String),
    /// Any other fixed or pattern value.
    Json(Value, FixedMode),
    /// Presence (`true`) or absence (`false`).
    Exists(bool),
    /// One of these type codes.
    Types(Vec<TypeCode>),
    /// One of these resource types, declaring one of these profiles.
    Profile { types: Vec<TypeCode>, profiles: Vec<String> },
}

/// A type code with what an observed type is compared with, computed once
/// (classifying must not allocate).
#[derive(Debug, Clone)]
struct TypeCode {
    /// As written (`string`, `Reference`, `Practitioner`).
    code: String,
    /// First letter upper-cased: a choice key suffix (`String`).
    upper: String,
    /// `Resource` or `DomainResource`: any resource matches.
    any: bool,
}

impl TypeCode {
    fn new(code: &str) -> TypeCode {
        TypeCode {
            code: code.to_string(),
            upper: upper_first(code),
            any: matches!(code, "Resource" | "DomainResource"),
        }
    }

    /// A type code against an observed type: a resource type, or a choice
    /// key suffix (`Reference`, `String` for `string`).
    fn matches(&self, seen: &str) -> bool {
        self.code == seen || self.any || self.upper == seen
    }
}

/// One discriminator, its path split into JSON keys.
#[derive(Debug, Clone)]
struct Disc {
    kind: DiscriminatorKind,
    /// The path as written, for messages.
    path: String,
    /// The keys to follow; empty for `$this`.
    keys: Vec<String>,
    /// False for a path with a FHIRPath function: ignored.
    supported: bool,
}

/// The slices of one sliced element and what their discriminators require.
///
/// ```
/// use std::borrow::Cow;
/// use fr_fhir_core::conformance::Definitions;
/// use fr_fhir_core::conformance::table::*;
/// use fr_fhir_core::conformance::walk::slicing::{Classified, Slicer};
/// let el = |id: &'static str, path: &'static str| ElementTable { id: Cow::Borrowed(id), path: Cow::Borrowed(path), ..ElementTable::EMPTY };
/// let uri = |v: &'static str| Some(FixedValue { mode: FixedMode::Pattern, type_name: Cow::Borrowed("Uri"), json: Cow::Borrowed(v) });
/// let disc = [Discriminator { kind: DiscriminatorKind::Value, path: Cow::Borrowed("system") }];
/// let elements = vec![
///     el("Practitioner", "Practitioner"),
///     ElementTable { slicing: Some(Slicing { discriminators: Cow::Owned(disc.to_vec()), rules: SlicingRules::Open, ordered: false }), ..el("Practitioner.identifier", "Practitioner.identifier") },
///     ElementTable { slice_name: Cow::Borrowed("IdentifiantNatPS"), max: Max::One, ..el("Practitioner.identifier:IdentifiantNatPS", "Practitioner.identifier") },
///     ElementTable { fixed: uri(r#""urn:oid:1.2.250.1.71.4.2.1""#), ..el("Practitioner.identifier:IdentifiantNatPS.system", "Practitioner.identifier.system") },
/// ];
/// let table = StructureTable {
///     url: Cow::Borrowed("urn:example"), version: Cow::Borrowed(""), name: Cow::Borrowed("P"), type_name: Cow::Borrowed("Practitioner"),
///     kind: StructureKind::Resource, base: Cow::Borrowed(""), is_profile: true, is_abstract: false, elements: Cow::Owned(elements),
/// };
/// let slicer = Slicer::new(&Definitions::new(), &table, 1);
/// assert_eq!(slicer.classify(r#"{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}"#), Classified::Slice(2));
/// let Classified::Unmatched { reason_en, .. } = slicer.classify(r#"{"system":"urn:x","value":"1"}"#) else { panic!() };
/// assert_eq!(reason_en, "system `urn:x` matches no slice (IdentifiantNatPS: urn:oid:1.2.250.1.71.4.2.1)");
/// ```
#[derive(Debug, Clone)]
pub struct Slicer {
    slices: Vec<SliceInfo>,
    rules: SlicingRules,
    discs: Vec<Disc>,
    /// Per slice, per discriminator.
    expects: Vec<Vec<Expect>>,
    /// The sliced element's name without `[x]` (`value` for `value[x]`).
    choice_prefix: Option<String>,
}

impl Slicer {
    /// Builds the slicer of `structure.elements[sliced]` (the element
    /// carrying `slicing`). An index out of range or an element without
    /// slicing gives a slicer with no slice (every item unmatched, open).
    /// `defs` is not read today (kept for definitions a discriminator may
    /// need, such as the elements of an extension's own definition).
    pub fn new(defs: &Definitions, structure: &StructureTable, sliced: usize) -> Slicer {
        let _ = defs;
        let elements: &[crate::conformance::table::ElementTable] = &structure.elements;
        let Some(root) = elements.get(sliced) else {
            return Slicer::empty();
        };
        let Some(slicing) = root.slicing.as_ref() else {
            return Slicer::empty();
        };
        let discs: Vec<Disc> =
            slicing.discriminators.iter().map(|d| parse_disc(d.kind, &d.path)).collect();
        let is_extension = matches!(root.name(), "extension" | "modifierExtension");
        let mut slices = Vec::new();
        let mut expects = Vec::new();
        for (index, e) in elements.iter().enumerate().skip(sliced + 1) {
            if e.slice_name.is_empty() || e.path != root.path {
                continue;
            }
            let Some(name) = e.id.strip_prefix(&*root.id).and_then(|rest| rest.strip_prefix(':'))
            else {
                continue;
            };
            if name != e.slice_name {
                continue; // a re-slice (`identifier:a/b`) or a slice of another sliced element
            }
            slices.push(SliceInfo { index, name: name.to_string(), min: e.min, max: e.max });
            expects
                .push(discs.iter().map(|d| expect_of(elements, index, d, is_extension)).collect());
        }
        let choice_prefix =
            root.is_choice().then(|| root.name().trim_end_matches("[x]").to_string());
        Slicer { slices, rules: slicing.rules, discs, expects, choice_prefix }
    }

    fn empty() -> Slicer {
        Slicer {
            slices: Vec::new(),
            rules: SlicingRules::Open,
            discs: Vec::new(),
            expects: Vec::new(),
            choice_prefix: None,
        }
    }

    /// The slice `item_json` (raw JSON of one item of the sliced array)
    /// belongs to: the first slice, in snapshot order, whose every
    /// discriminator holds.
    ///
    /// A `profile` discriminator matches a resource whose `meta.profile`
    /// names the slice's profile; a resource that declares no
    /// `meta.profile`, or none of the profiles of the slices, matches by
    /// its type alone (it is then validated against the slice's profile,
    /// which is what the discriminator means: conformance, not
    /// declaration).
    ///
    /// For a choice element sliced by type (`value[x]`), the type is in the
    /// JSON key: use [`Slicer::classify_choice`].
    pub fn classify(&self, item_json: &str) -> Classified {
        self.classify_inner(None, item_json)
    }

    /// [`Slicer::classify`] for the value of a choice element, whose JSON
    /// key (`valueReference`) tells its type.
    pub fn classify_choice(&self, json_key: &str, item_json: &str) -> Classified {
        self.classify_inner(Some(json_key), item_json)
    }

    /// The slice `item_json` belongs to, as [`Slicer::classify`] says, but
    /// without the reason when it is in none: allocates nothing (unless a
    /// compared string holds escapes or a complex pattern is compared), for
    /// the walk, which needs the reason only for a closed slicing.
    ///
    /// `item_json` may run past the item (the rest of the document): the
    /// item is read from its start and nothing after its end is looked at,
    /// so the walk need not find the item's end first.
    pub fn slice_of(&self, item_json: &str) -> Option<usize> {
        self.slice_of_inner(None, item_json)
    }

    /// [`Slicer::slice_of`] for the value of a choice element (see
    /// [`Slicer::classify_choice`]).
    pub fn slice_of_choice(&self, json_key: &str, item_json: &str) -> Option<usize> {
        self.slice_of_inner(Some(json_key), item_json)
    }

    fn slice_of_inner(&self, json_key: Option<&str>, item_json: &str) -> Option<usize> {
        if self.slices.is_empty() {
            return None;
        }
        if self.discs.len() > MAX_DISCS {
            let seen: Vec<Seen<'_>> =
                self.discs.iter().map(|d| self.observe(d, json_key, item_json)).collect();
            return self.first_match(&seen);
        }
        let mut seen: [Seen<'_>; MAX_DISCS] = std::array::from_fn(|_| Seen::Nothing);
        for (d, slot) in self.discs.iter().zip(seen.iter_mut()) {
            *slot = self.observe(d, json_key, item_json);
        }
        self.first_match(seen.get(..self.discs.len()).unwrap_or_default())
    }

    /// The first slice whose every discriminator holds.
    fn first_match(&self, seen: &[Seen<'_>]) -> Option<usize> {
        let profile_declared = self.profile_declared(seen);
        self.slices
            .iter()
            .zip(&self.expects)
            .find(|(_, ex)| ex.iter().zip(seen).all(|(e, s)| matches(e, s, profile_declared)))
            .map(|(s, _)| s.index)
    }

    fn classify_inner(&self, json_key: Option<&str>, item_json: &str) -> Classified {
        if self.slices.is_empty() {
            return Classified::Unmatched {
                reason_fr: "aucune tranche n'est définie".to_string(),
                reason_en: "no slice is defined".to_string(),
            };
        }
        if let Some(index) = self.slice_of_inner(json_key, item_json) {
            return Classified::Slice(index);
        }
        let seen: Vec<Seen<'_>> =
            self.discs.iter().map(|d| self.observe(d, json_key, item_json)).collect();
        let profile_declared = self.profile_declared(&seen);
        // pass[slice][discriminator], to say which discriminator failed.
        let pass: Vec<Vec<bool>> = self
            .expects
            .iter()
            .map(|ex| ex.iter().zip(&seen).map(|(e, s)| matches(e, s, profile_declared)).collect())
            .collect();
        self.unmatched(&seen, &pass, profile_declared)
    }

    /// True when the item declares, in `meta.profile`, a profile that one of
    /// the slices expects (then profiles decide, else types alone).
    fn profile_declared(&self, seen: &[Seen<'_>]) -> bool {
        seen.iter().enumerate().any(|(d, s)| {
            let Seen::Resource { profiles, .. } = s else { return false };
            self.expects.iter().any(|ex| match ex.get(d) {
                Some(Expect::Profile { profiles: want, .. }) => {
                    profiles.iter().any(|p| want.iter().any(|w| profile_is(p, w)))
                }
                _ => false,
            })
        })
    }

    /// What the item holds for one discriminator.
    fn observe<'a>(&self, d: &Disc, json_key: Option<&'a str>, item: &'a str) -> Seen<'a> {
        if !d.supported {
            return Seen::Nothing;
        }
        match d.kind {
            DiscriminatorKind::Value | DiscriminatorKind::Pattern | DiscriminatorKind::Exists => {
                let mut out = Vals::default();
                values_at(&mut Reader::new(item), &d.keys, true, &mut out);
                Seen::Values(out)
            }
            DiscriminatorKind::Type => {
                if d.keys.is_empty()
                    && let (Some(key), Some(prefix)) = (json_key, self.choice_prefix.as_deref())
                {
                    return Seen::Type(key.strip_prefix(prefix).map(Cow::Borrowed));
                }
                let mut profiles = Vals::default();
                Seen::Type(first_resource(item, &d.keys, None, &mut profiles))
            }
            DiscriminatorKind::Profile => {
                let mut profiles = Vals::default();
                let type_name = first_resource(item, &d.keys, Some(()), &mut profiles);
                if type_name.is_none() {
                    profiles = Vals::default();
                }
                Seen::Resource { type_name, profiles }
            }
        }
    }

    fn unmatched(
        &self,
        seen: &[Seen<'_>],
        pass: &[Vec<bool>],
        profile_declared: bool,
    ) -> Classified {
        let failed = (0..self.discs.len())
            .find(|&d| pass.iter().all(|p| !p.get(d).copied().unwrap_or(true)));
        let Some((d, disc, s)) = failed.and_then(|d| Some((d, self.discs.get(d)?, seen.get(d)?)))
        else {
            let paths = self.discs.iter().map(|d| d.path.as_str()).collect::<Vec<_>>().join(", ");
            return Classified::Unmatched {
                reason_fr: format!(
                    "aucune tranche ne satisfait tous les discriminants ({paths}) à la fois"
                ),
                reason_en: format!("no slice satisfies every discriminator ({paths}) at once"),
            };
        };
        let list = |fr: bool| {
            let mut listed: Vec<String> = self
                .slices
                .iter()
                .zip(&self.expects)
                .take(SLICES_SHOWN)
                .map(|(sl, ex)| {
                    let want = ex.get(d).map_or_else(
                        || "*".to_string(),
                        |e| describe_expect(e, profile_declared, fr),
                    );
                    if fr {
                        format!("{} : {want}", sl.name)
                    } else {
                        format!("{}: {want}", sl.name)
                    }
                })
                .collect();
            if self.slices.len() > SLICES_SHOWN {
                listed.push("…".to_string());
            }
            listed.join(", ")
        };
        let (list_fr, list_en) = (list(true), list(false));
        let label = if disc.keys.is_empty() { None } else { Some(disc.path.as_str()) };
        let (fr, en) = match s {
            Seen::Values(v) if v.is_empty() => match label {
                Some(p) => (
                    format!("{p} absent : aucune tranche ne correspond"),
                    format!("no {p}: matches no slice"),
                ),
                None => (
                    "valeur absente : aucune tranche ne correspond".to_string(),
                    "no value: matches no slice".to_string(),
                ),
            },
            Seen::Values(v) => {
                let actual = v
                    .iter()
                    .map(|raw| format!("`{}`", describe_raw(raw)))
                    .collect::<Vec<_>>()
                    .join(", ");
                match (disc.kind, label) {
                    (DiscriminatorKind::Exists, Some(p)) => (
                        format!("{p} présent : aucune tranche ne correspond"),
                        format!("{p} present: matches no slice"),
                    ),
                    (_, Some(p)) => (
                        format!("{p} {actual} ne correspond à aucune tranche"),
                        format!("{p} {actual} matches no slice"),
                    ),
                    (_, None) => (
                        format!("la valeur {actual} ne correspond à aucune tranche"),
                        format!("value {actual} matches no slice"),
                    ),
                }
            }
            Seen::Type(Some(t)) => (
                format!("le type `{t}` ne correspond à aucune tranche"),
                format!("type `{t}` matches no slice"),
            ),
            Seen::Type(None) => (
                "type inconnu : aucune tranche ne correspond".to_string(),
                "unknown type: matches no slice".to_string(),
            ),
            Seen::Resource { type_name, profiles } => {
                let t = type_name.as_deref().unwrap_or("?");
                let p = if profiles.is_empty() {
                    String::new()
                } else {
                    let list: Vec<String> = profiles.iter().map(|p| profile_text(p)).collect();
                    format!(" (meta.profile {})", list.join(", "))
                };
                (
                    format!("la ressource `{t}`{p} ne correspond à aucune tranche"),
                    format!("resource `{t}`{p} matches no slice"),
                )
            }
            Seen::Nothing => {
                ("aucune tranche ne correspond".to_string(), "matches no slice".to_string())
            }
        };
        Classified::Unmatched {
            reason_fr: format!("{fr} ({list_fr})"),
            reason_en: format!("{en} ({list_en})"),
        }
    }

    /// The slices, in snapshot order.
    pub fn slices(&self) -> &[SliceInfo] {
        &self.slices
    }

    /// Slicing rules (closed, open, open at end).
    pub fn rules(&self) -> SlicingRules {
        self.rules
    }

    /// True when classifying reads only a few keys of the item and compares
    /// strings: every discriminator is `value`/`pattern` on a path (not
    /// `$this`) whose expected values are all strings, or `exists` (the
    /// extension `url`, `system`, `coding.system` slicings). False when a
    /// complex value is compared (`serde_json`), or for `type`/`profile`.
    pub fn is_simple(&self) -> bool {
        self.discs.iter().enumerate().all(|(d, disc)| match disc.kind {
            DiscriminatorKind::Exists => true,
            DiscriminatorKind::Value | DiscriminatorKind::Pattern => {
                !disc.keys.is_empty()
                    && self
                        .expects
                        .iter()
                        .all(|ex| matches!(ex.get(d), Some(Expect::Str(_) | Expect::Any) | None))
            }
            DiscriminatorKind::Type | DiscriminatorKind::Profile => false,
        })
    }
}

/// How many slices an unmatched reason lists.
const SLICES_SHOWN: usize = 8;

/// What an item holds for one discriminator (borrowed from the item:
/// observing allocates nothing unless a string holds escapes or a path
/// reaches more than [`INLINE`] values).
#[derive(Debug)]
enum Seen<'a> {
    /// The raw JSON of every value at the path (arrays flattened).
    Values(Vals<'a>),
    /// The type: a choice key's suffix, or a resource's `resourceType`.
    Type(Option<Cow<'a, str>>),
    /// A resource's type and `meta.profile` (raw JSON strings, versions
    /// still there: compared with [`profile_is`]).
    Resource { type_name: Option<Cow<'a, str>>, profiles: Vals<'a> },
    /// Not observed (unsupported path).
    Nothing,
}

/// How many values a [`Vals`] holds without allocating.
const INLINE: usize = 8;

/// Raw JSON values, the first [`INLINE`] kept inline.
#[derive(Debug, Default)]
struct Vals<'a> {
    inline: [&'a str; INLINE],
    len: usize,
    more: Vec<&'a str>,
}

impl<'a> Vals<'a> {
    fn push(&mut self, v: &'a str) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = v;
                self.len += 1;
            }
            None => self.more.push(v),
        }
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn iter(&self) -> impl Iterator<Item = &&'a str> {
        self.inline.get(..self.len).unwrap_or_default().iter().chain(self.more.iter())
    }
}

/// Discriminators observed without allocating (more use a `Vec`).
const MAX_DISCS: usize = 4;

fn parse_disc(kind: DiscriminatorKind, path: &str) -> Disc {
    let supported = !path.contains(['(', ')', '[', ']']);
    let keys = if path == "$this" {
        Vec::new()
    } else {
        path.strip_prefix("$this.").unwrap_or(path).split('.').map(str::to_string).collect()
    };
    Disc { kind, path: path.to_string(), keys, supported }
}

/// What slice `slice` (an index in `elements`) requires for `d`.
fn expect_of(
    elements: &[crate::conformance::table::ElementTable],
    slice: usize,
    d: &Disc,
    is_extension: bool,
) -> Expect {
    if !d.supported {
        return Expect::Any;
    }
    let Some(slice_el) = elements.get(slice) else { return Expect::Any };
    let target_id = if d.keys.is_empty() {
        slice_el.id.to_string()
    } else {
        format!("{}.{}", slice_el.id, d.keys.join("."))
    };
    let target = find(elements, slice, &target_id)
        .or_else(|| find(elements, slice, &format!("{target_id}[x]")));
    match d.kind {
        DiscriminatorKind::Value | DiscriminatorKind::Pattern => {
            if let Some(f) = target.and_then(|i| elements.get(i)).and_then(|e| e.fixed.as_ref()) {
                return expect_fixed(f);
            }
            if is_extension
                && d.path == "url"
                && let Some(url) = slice_el.types.first().and_then(|t| t.profiles.first())
            {
                return Expect::Str(url.split('|').next().unwrap_or(url).to_string());
            }
            match combined_pattern(elements, slice, &target_id) {
                Some(v) => Expect::Json(v, FixedMode::Pattern),
                None => Expect::Any,
            }
        }
        DiscriminatorKind::Exists => match target.and_then(|i| elements.get(i)) {
            Some(e) if e.max == Max::Zero => Expect::Exists(false),
            Some(e) if e.min > 0 => Expect::Exists(true),
            _ => Expect::Any,
        },
        DiscriminatorKind::Type => match target.and_then(|i| elements.get(i)) {
            Some(e) if !e.types.is_empty() => {
                Expect::Types(e.types.iter().map(|t| TypeCode::new(&t.code)).collect())
            }
            _ => Expect::Any,
        },
        DiscriminatorKind::Profile => match target.and_then(|i| elements.get(i)) {
            Some(e) if !e.types.is_empty() => Expect::Profile {
                types: e.types.iter().map(|t| TypeCode::new(&t.code)).collect(),
                profiles: e
                    .types
                    .iter()
                    .flat_map(|t| t.profiles.iter())
                    .map(|p| p.split('|').next().unwrap_or(p).to_string())
                    .collect(),
            },
            _ => Expect::Any,
        },
    }
}

fn expect_fixed(f: &FixedValue) -> Expect {
    if let Some(s) = fixed::read_string(&f.json) {
        return Expect::Str(s.as_str().to_string());
    }
    match serde_json::from_str::<Value>(&f.json) {
        Ok(v) => Expect::Json(v, f.mode),
        // A broken table value can match nothing.
        Err(_) => Expect::Json(
            Value::String(format!("\u{0}invalid table value {}", f.json)),
            FixedMode::Fixed,
        ),
    }
}

/// The index of the element with this id, searched from `from`.
fn find(
    elements: &[crate::conformance::table::ElementTable],
    from: usize,
    id: &str,
) -> Option<usize> {
    elements.iter().enumerate().skip(from).find(|(_, e)| e.id == id).map(|(i, _)| i)
}

/// A node of a pattern combined from descendants.
#[derive(Debug, Default)]
struct PNode {
    leaf: Option<Value>,
    /// key → (repeating, items by slice name; `""` for the unsliced item).
    children: BTreeMap<String, (bool, BTreeMap<String, PNode>)>,
}

impl PNode {
    fn into_value(self) -> Value {
        if let Some(v) = self.leaf {
            return v;
        }
        let mut o = serde_json::Map::new();
        for (k, (many, items)) in self.children {
            let mut vals: Vec<Value> = items.into_values().map(PNode::into_value).collect();
            let v = if many {
                Value::Array(vals)
            } else if vals.is_empty() {
                continue;
            } else {
                vals.swap_remove(0)
            };
            o.insert(k, v);
        }
        Value::Object(o)
    }
}

/// The fixed and pattern values of the descendants of `root_id` combined
/// into one pattern (`{"coding":[{"system":"…"}]}`), `None` when there is
/// none. Descendants under a prohibited element (max 0) are left out: they
/// say what must not be there, not what is.
fn combined_pattern(
    elements: &[crate::conformance::table::ElementTable],
    from: usize,
    root_id: &str,
) -> Option<Value> {
    let prefix = format!("{root_id}.");
    let mut root = PNode::default();
    let mut any = false;
    'elements: for e in elements.iter().skip(from) {
        let Some(f) = e.fixed.as_ref() else { continue };
        let Some(rel) = e.id.strip_prefix(&prefix) else { continue };
        let Ok(leaf) = serde_json::from_str::<Value>(&f.json) else { continue };
        let segs: Vec<&str> = rel.split('.').collect();
        let mut node = &mut root;
        let mut id = root_id.to_string();
        for (k, seg) in segs.iter().enumerate() {
            id.push('.');
            id.push_str(seg);
            let el = find(elements, from, &id).and_then(|i| elements.get(i));
            if el.is_some_and(|e| e.max == Max::Zero) {
                continue 'elements;
            }
            let (name, slice) = seg.split_once(':').unwrap_or((seg, ""));
            let (key, slice, many) = match name.strip_suffix("[x]") {
                // `value[x]:valueReference`: the slice name is the JSON key.
                Some(_) if !slice.is_empty() => (slice.to_string(), "", false),
                Some(prefix) => match el.map(|e| e.types.as_ref()) {
                    Some([t]) => (format!("{prefix}{}", upper_first(&t.code)), "", false),
                    _ => continue 'elements,
                },
                None => (name.to_string(), slice, el.is_some_and(|e| e.base_many)),
            };
            if node.leaf.is_some() {
                continue 'elements; // a fixed value above covers it
            }
            let entry = node.children.entry(key).or_insert_with(|| (many, BTreeMap::new()));
            node = entry.1.entry(slice.to_string()).or_default();
            if k + 1 == segs.len() {
                node.leaf = Some(leaf.clone());
                any = true;
            }
        }
    }
    any.then(|| root.into_value())
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Pushes the raw JSON of every value at `keys` under the value at the
/// reader (arrays are flattened at every step, as FHIRPath does). Malformed
/// JSON ends the search (the walker reports it). At the top level, reading
/// stops once the key is found.
fn values_at<'a>(r: &mut Reader<'a>, keys: &[String], top: bool, out: &mut Vals<'a>) -> Option<()> {
    let Some((first, rest)) = keys.split_first() else {
        if r.peek().ok()? == Kind::Array {
            let mut arr = r.array().ok()?;
            while r.next_item(&mut arr).ok()?.is_some() {
                out.push(r.raw_value().ok()?.0);
            }
        } else {
            out.push(r.raw_value().ok()?.0);
        }
        return Some(());
    };
    match r.peek().ok()? {
        Kind::Array => {
            let mut arr = r.array().ok()?;
            while r.next_item(&mut arr).ok()?.is_some() {
                values_at(r, keys, false, out)?;
            }
        }
        Kind::Object => {
            let mut obj = r.object().ok()?;
            while let Some((key, _)) = r.next_key(&mut obj).ok()? {
                if key.as_str() == first {
                    values_at(r, rest, false, out)?;
                    if top {
                        return Some(());
                    }
                } else {
                    r.skip_value().ok()?;
                }
            }
        }
        _ => {
            r.skip_value().ok()?;
        }
    }
    Some(())
}

/// `resourceType` and `meta.profile` (raw JSON strings, into `profiles`,
/// when asked) of the resource at `keys` under the item (the item itself
/// for `$this`; the first item of an array on the way). Reads in place and
/// stops once `resourceType` (and, when `profiles` is asked, `meta`) has
/// been read: these come first in practice, so a large entry is not
/// scanned to its end.
fn first_resource<'a>(
    item: &'a str,
    keys: &[String],
    want_profiles: Option<()>,
    profiles: &mut Vals<'a>,
) -> Option<Cow<'a, str>> {
    resource_at(&mut Reader::new(item), keys, want_profiles.is_some(), profiles)
}

fn resource_at<'a>(
    r: &mut Reader<'a>,
    keys: &[String],
    want_profiles: bool,
    profiles: &mut Vals<'a>,
) -> Option<Cow<'a, str>> {
    if let Some((first, rest)) = keys.split_first() {
        return match r.peek().ok()? {
            Kind::Object => {
                let mut obj = r.object().ok()?;
                while let Some((key, _)) = r.next_key(&mut obj).ok()? {
                    if key.as_str() == first {
                        return resource_at(r, rest, want_profiles, profiles);
                    }
                    r.skip_value().ok()?;
                }
                None
            }
            Kind::Array => {
                let mut arr = r.array().ok()?;
                r.next_item(&mut arr).ok()??;
                resource_at(r, keys, want_profiles, profiles)
            }
            _ => None,
        };
    }
    let mut obj = r.object().ok()?;
    let mut type_name = None;
    let mut meta_seen = !want_profiles;
    while let Some((key, _)) = r.next_key(&mut obj).ok()? {
        match key.as_str() {
            "resourceType" if r.peek().ok()? == Kind::String => {
                type_name = Some(r.string().ok()?.0.into_cow())
            }
            "meta" if want_profiles && r.peek().ok()? == Kind::Object => {
                meta_seen = true;
                let mut m = r.object().ok()?;
                while let Some((mk, _)) = r.next_key(&mut m).ok()? {
                    if mk.as_str() == "profile" && r.peek().ok()? == Kind::Array {
                        let mut arr = r.array().ok()?;
                        while r.next_item(&mut arr).ok()?.is_some() {
                            if r.peek().ok()? == Kind::String {
                                profiles.push(r.raw_value().ok()?.0);
                            } else {
                                r.skip_value().ok()?;
                            }
                        }
                    } else {
                        r.skip_value().ok()?;
                    }
                }
            }
            _ => {
                r.skip_value().ok()?;
            }
        }
        if meta_seen && type_name.is_some() {
            break;
        }
    }
    type_name
}

/// Whether what the item holds meets what a slice expects.
fn matches(e: &Expect, s: &Seen<'_>, profile_declared: bool) -> bool {
    match (e, s) {
        (Expect::Any, _) | (_, Seen::Nothing) => true,
        (Expect::Str(want), Seen::Values(vals)) => vals.iter().any(|v| fixed::string_is(v, want)),
        (Expect::Json(want, mode), Seen::Values(vals)) => vals.iter().any(|v| {
            serde_json::from_str::<Value>(v).is_ok_and(|got| match mode {
                FixedMode::Fixed => fixed::equals(want, &got),
                FixedMode::Pattern => fixed::contains(want, &got),
            })
        }),
        (Expect::Exists(want), Seen::Values(vals)) => vals.is_empty() != *want,
        (Expect::Types(types), Seen::Type(Some(t))) => types.iter().any(|c| c.matches(t)),
        (Expect::Types(types), Seen::Resource { type_name: Some(t), .. }) => {
            types.iter().any(|c| c.matches(t))
        }
        (
            Expect::Profile { types, profiles: want },
            Seen::Resource { type_name: Some(t), profiles },
        ) => {
            let type_ok = types.iter().any(|c| c.matches(t));
            if profile_declared && !want.is_empty() {
                type_ok && profiles.iter().any(|p| want.iter().any(|w| profile_is(p, w)))
            } else {
                type_ok
            }
        }
        (Expect::Profile { types, .. }, Seen::Type(Some(t))) => types.iter().any(|c| c.matches(t)),
        _ => false,
    }
}

/// Whether the raw JSON string `raw` of a `meta.profile` item names
/// `want` (its `|version` removed).
fn profile_is(raw: &str, want: &str) -> bool {
    match fixed::plain_string(raw) {
        Some(p) => p.split('|').next().unwrap_or_default() == want,
        None => fixed::read_string(raw)
            .is_some_and(|p| p.as_str().split('|').next().unwrap_or_default() == want),
    }
}

/// The decoded text of a raw JSON string, `|version` removed (messages).
fn profile_text(raw: &str) -> String {
    let s = fixed::read_string(raw).map(|s| s.as_str().to_string()).unwrap_or_default();
    s.split('|').next().unwrap_or_default().to_string()
}

fn describe_expect(e: &Expect, profile_declared: bool, fr: bool) -> String {
    match e {
        Expect::Any => "*".to_string(),
        Expect::Str(s) => fixed::abbreviate(s),
        Expect::Json(v, _) => short_form(v),
        Expect::Exists(true) => if fr { "présent" } else { "present" }.to_string(),
        Expect::Exists(false) => "absent".to_string(),
        Expect::Types(t) => codes(t),
        Expect::Profile { types, profiles } if profile_declared && !profiles.is_empty() => {
            format!("{} {}", codes(types), profiles.join(" | "))
        }
        Expect::Profile { types, .. } => codes(types),
    }
}

fn codes(types: &[TypeCode]) -> String {
    types.iter().map(|t| t.code.as_str()).collect::<Vec<_>>().join(" | ")
}

fn describe_raw(raw: &str) -> String {
    if let Some(s) = fixed::read_string(raw) {
        return fixed::abbreviate(&s);
    }
    match serde_json::from_str::<Value>(raw) {
        Ok(v) => short_form(&v),
        Err(_) => fixed::abbreviate(raw.trim()),
    }
}

#[cfg(test)]
#[path = "slicing_tests.rs"]
mod tests;
