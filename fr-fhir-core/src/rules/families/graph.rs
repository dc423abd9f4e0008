//! Cross-resource rules on the index: references and cardinalities between
//! resources (SPEC §1.2–1.4 reference graphs).
//!
//! Every reference is resolved once; each rule then reads the resolved
//! targets. A broken reference is reported once, under the most specific
//! rule of its field (RO1-SLOT-006 for `Slot.schedule`...), RO1-REF-001
//! being the fallback for the fields no other rule covers in the use case.
//! Everything is linear in the number of entries and references.

use std::collections::HashMap;

use crate::finding::{Cause, Finding, Message, RuleMeta, Severity};
use crate::json::{Span, Str};
use crate::rules::cpts::ro1_cpts_003;
use crate::rules::cpts::ro1_cpts_004;
use crate::rules::cpts::ro1_cpts_007;
use crate::rules::index::{
    CONTAINED, EntryType, Index, NOT_FOUND, RefField, RefForm, RefInfo, restful_tail, split_type_id,
};
use crate::rules::pract::ro1_pract_006;
use crate::rules::r#ref::ro1_ref_001;
use crate::rules::r#ref::ro1_ref_002;
use crate::rules::r#ref::ro1_ref_004;
use crate::rules::role::ro1_role_003;
use crate::rules::sched::ro1_sched_001;
use crate::rules::sched::ro1_sched_002;
use crate::rules::sched::ro1_sched_004;
use crate::rules::sched::ro1_sched_005;
use crate::rules::sched::ro1_sched_006;
use crate::rules::slot::ro1_slot_006;
use crate::rules::sos::ro1_sos_001;
use crate::rules::{Emitter, Finish, Scope, UseCase, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[
    &ro1_slot_006::RULE,
    &ro1_sched_001::RULE,
    &ro1_sched_002::RULE,
    &ro1_sched_004::RULE,
    &ro1_sched_005::RULE,
    &ro1_sched_006::RULE,
    &ro1_pract_006::RULE,
    &ro1_role_003::RULE,
    &ro1_cpts_003::RULE,
    &ro1_cpts_004::RULE,
    &ro1_cpts_007::RULE,
    &ro1_sos_001::RULE,
    &ro1_ref_001::RULE,
    &ro1_ref_002::RULE,
    &ro1_ref_004::RULE,
];

/// The index with every reference resolved.
struct Graph<'f, 'a> {
    ix: &'f Index<'a>,
    uc: UseCase,
    /// Per reference: the entry it resolves to, [`NOT_FOUND`] or [`CONTAINED`].
    target: std::borrow::Cow<'f, [u32]>,
}

impl<'a> Graph<'_, 'a> {
    fn rtype(&self, target: u32) -> Option<&str> {
        self.ix.entry(target).map(|e| self.ix.rtype(e))
    }

    fn entry_no(&self, pos: u32) -> u32 {
        self.ix.entry(pos).map_or(pos, |e| e.index)
    }

    /// The resource type a reference names: its target's, or the `Type` of its text.
    fn named_type(&self, r: &RefInfo, target: u32) -> Option<Str<'a>> {
        match target {
            CONTAINED => None,
            NOT_FOUND => match self.ix.ref_text(r)? {
                Str::Borrowed(text) => split_type_id(text)
                    .or_else(|| restful_tail(text))
                    .map(|(t, _)| Str::Borrowed(t)),
                Str::Owned(text) => split_type_id(&text)
                    .or_else(|| restful_tail(&text))
                    .map(|(t, _)| Str::Owned(Box::new(t.to_string()))),
            },
            p => self.ix.entry(p).map(|e| Str::Borrowed(self.ix.rtype(e))),
        }
    }
}

/// Runs every cross-resource rule.
pub fn check_graph(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let ix = f.index;
    let g = Graph { ix, uc: f.use_case, target: ix.targets() };
    check_references(&g, em);
    check_missing(&g, f.src, em);
    if g.uc == UseCase::SOS {
        check_sos_schedules(&g, em);
    } else {
        let unnamed_roles = check_ps_schedules(&g, em);
        check_practitioners(&g, em);
        if g.uc == UseCase::CPTS {
            check_cpts_services(&g, f, em);
        }
        check_reachability(&g, &unnamed_roles, em);
        return;
    }
    check_reachability(&g, &[], em);
}

/// What a field's reference must resolve to, and the rule saying so.
struct Expect {
    rule: &'static RuleMeta,
    scope: Scope,
    rtype: &'static str,
    what: &'static str,
}

/// Which rule covers a reference of this field in the use case (None: RO1-REF-001).
fn expectation(field: RefField, uc: UseCase) -> Option<Expect> {
    let (rule, scope, rtype, what): (&'static RuleMeta, Scope, &'static str, &'static str) =
        match (field, uc) {
            (RefField::SlotSchedule, _) => {
                (&ro1_slot_006::RULE, Scope::ALL, "Schedule", "Slot.schedule")
            }
            (RefField::RolePractitioner, UseCase::PS | UseCase::CPTS) => (
                &ro1_role_003::RULE,
                Scope::PS_CPTS,
                "Practitioner",
                "PractitionerRole.practitioner",
            ),
            (RefField::ProvidedBy, UseCase::CPTS) => {
                (&ro1_cpts_004::RULE, Scope::CPTS, "Organization", "HealthcareService.providedBy")
            }
            (RefField::ManagingOrganization, UseCase::SOS) => {
                (&ro1_sos_001::RULE, Scope::SOS, "Organization", "Location.managingOrganization")
            }
            (RefField::ServiceTypeExtension, UseCase::CPTS) => (
                &ro1_cpts_003::RULE,
                Scope::CPTS,
                "HealthcareService",
                "Slot.serviceType.extension.valueReference",
            ),
            _ => return None,
        };
    Some(Expect { rule, scope, rtype, what })
}

/// Per reference: form (REF-002), resolution under the field's rule or REF-001.
fn check_references(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    let here = g.uc.scope();
    for (r, &t) in g.ix.refs.iter().zip(g.target.iter()) {
        // Read back only when a finding quotes it: the input is cold by now.
        let text = || g.ix.ref_text(r).unwrap_or_default();
        if matches!(r.form, RefForm::Absolute | RefForm::Other) {
            em.at_sev(
                Scope::ALL,
                &ro1_ref_002::RULE,
                Severity::Warning,
                r.span,
                format!("référence {} : la forme relative `Type/id` est attendue", quote(&text())),
                format!("reference {}: the relative form `Type/id` is expected", quote(&text())),
            );
        }
        match r.field {
            RefField::ScheduleActor => {
                if t == NOT_FOUND || t == CONTAINED {
                    em.at(
                        Scope::ALL,
                        &ro1_sched_002::RULE,
                        r.span,
                        format!(
                            "Schedule.actor {} ne correspond à aucune entrée du Bundle",
                            quote(&text())
                        ),
                        format!("Schedule.actor {} matches no entry of the Bundle", quote(&text())),
                    );
                }
                continue;
            }
            // PS/CPTS: the contained Location is RO1-ROLE-002's business.
            RefField::RoleLocation if g.uc != UseCase::SOS => continue,
            _ => {}
        }
        match expectation(r.field, g.uc) {
            Some(x) => {
                if t == NOT_FOUND || t == CONTAINED {
                    let text = text();
                    let message = Message::new(
                        format!(
                            "{} {} ne correspond à aucune entrée {} du Bundle",
                            x.what,
                            quote(&text),
                            x.rtype
                        ),
                        format!(
                            "{} {} matches no {} entry of the Bundle",
                            x.what,
                            quote(&text),
                            x.rtype
                        ),
                    );
                    let mut finding = Finding::body(x.rule, r.span, message);
                    if let Some(cause) = missing_target(r.field, x.rtype, &text) {
                        finding = finding.caused_by(cause);
                    }
                    em.push(x.scope, finding);
                } else if let Some(found) = g.rtype(t).filter(|found| *found != x.rtype) {
                    em.at(
                        x.scope,
                        x.rule,
                        r.span,
                        format!(
                            "{} {} désigne une ressource {found} : {} attendu",
                            x.what,
                            quote(&text()),
                            x.rtype
                        ),
                        format!(
                            "{} {} names a {found} resource: {} expected",
                            x.what,
                            quote(&text()),
                            x.rtype
                        ),
                    );
                }
            }
            None if t == NOT_FOUND => em.at(
                here,
                &ro1_ref_001::RULE,
                r.span,
                format!("la référence {} ne correspond à aucune entrée du Bundle", quote(&text())),
                format!("reference {} matches no entry of the Bundle", quote(&text())),
            ),
            None => {}
        }
    }
}

/// The cause of a broken reference that every slot of a schedule (or of a
/// service) repeats: the one missing resource. Its text depends on the
/// reference only, so the slots pointing at the same missing `Schedule/x`
/// group under it (SPEC §10). `None` for fields that are not per slot.
fn missing_target(field: RefField, rtype: &str, text: &str) -> Option<Cause> {
    if !matches!(field, RefField::SlotSchedule | RefField::ServiceTypeExtension) {
        return None;
    }
    Some(Cause::new(Message::new(
        format!("ressource {rtype} {} absente du Bundle", quote(text)),
        format!("{rtype} resource {} is not in the Bundle", quote(text)),
    )))
}

const BIT_SCHEDULE: u8 = 1;
const BIT_ACTOR: u8 = 2;
const BIT_PRACTITIONER: u8 = 4;
const BIT_ORGANIZATION: u8 = 8;

fn field_bit(field: RefField) -> u8 {
    match field {
        RefField::SlotSchedule => BIT_SCHEDULE,
        RefField::ScheduleActor => BIT_ACTOR,
        RefField::RolePractitioner => BIT_PRACTITIONER,
        RefField::ManagingOrganization => BIT_ORGANIZATION,
        _ => 0,
    }
}

/// Reference elements without `reference`, and mandatory reference elements
/// that are absent altogether.
fn check_missing(g: &Graph<'_, '_>, src: &str, em: &mut Emitter<'_>) {
    let ps_cpts = g.uc != UseCase::SOS;
    let mut seen = vec![0u8; g.ix.entries.len()];
    let fields = g.ix.refs.iter().map(|r| (r.from, r.field));
    for (from, field) in fields.chain(g.ix.missing_refs.iter().map(|m| (m.from, m.field))) {
        if let Some(s) = seen.get_mut(from as usize) {
            *s |= field_bit(field);
        }
    }
    for m in &g.ix.missing_refs {
        let (rule, scope, what) = match m.field {
            RefField::SlotSchedule => (&ro1_slot_006::RULE, Scope::ALL, "Slot.schedule"),
            RefField::ScheduleActor => (&ro1_sched_002::RULE, Scope::ALL, "Schedule.actor"),
            RefField::RolePractitioner if ps_cpts => {
                (&ro1_role_003::RULE, Scope::PS_CPTS, "PractitionerRole.practitioner")
            }
            RefField::ManagingOrganization if !ps_cpts => {
                (&ro1_sos_001::RULE, Scope::SOS, "Location.managingOrganization")
            }
            _ => continue,
        };
        em.missing(
            scope,
            rule,
            m.element,
            "reference",
            format!("{what} n'a pas de `reference` : une référence littérale vers une entrée du Bundle est attendue"),
            format!("{what} has no `reference`: a literal reference to an entry of the Bundle is expected"),
        );
    }
    for (e, &bits) in g.ix.entries.iter().zip(&seen) {
        let rtype = g.ix.rtype(e);
        let (rule, scope, child, bit): (&'static RuleMeta, Scope, &'static str, u8) = match rtype {
            "Slot" => (&ro1_slot_006::RULE, Scope::ALL, "schedule", BIT_SCHEDULE),
            "Schedule" if ps_cpts => (&ro1_sched_001::RULE, Scope::PS_CPTS, "actor", BIT_ACTOR),
            "Schedule" => (&ro1_sched_005::RULE, Scope::SOS, "actor", BIT_ACTOR),
            "PractitionerRole" if ps_cpts => {
                (&ro1_role_003::RULE, Scope::PS_CPTS, "practitioner", BIT_PRACTITIONER)
            }
            "Location" if !ps_cpts => {
                (&ro1_sos_001::RULE, Scope::SOS, "managingOrganization", BIT_ORGANIZATION)
            }
            _ => continue,
        };
        if bits & bit == 0 && !crate::rules::support::presence::has_key(src, e.span, child, None) {
            em.missing(
                scope,
                rule,
                e.span,
                child,
                format!("{rtype}.{child} est absent"),
                format!("{rtype}.{child} is missing"),
            );
        }
    }
}

/// RO1-SCHED-001, RO1-SCHED-004, RO1-SCHED-006 (PS, CPTS). Returns the
/// PractitionerRole entries no Schedule names (reported here, not again as
/// orphans by RO1-REF-004).
fn check_ps_schedules(g: &Graph<'_, '_>, em: &mut Emitter<'_>) -> Vec<bool> {
    let ix = g.ix;
    let n = ix.entries.len();
    // The Practitioner each PractitionerRole entry names (when it resolves to one).
    let mut role_pract = vec![NOT_FOUND; n];
    for (r, &t) in ix.refs.iter().zip(g.target.iter()) {
        if r.field == RefField::RolePractitioner
            && g.rtype(t) == Some("Practitioner")
            && let Some(slot) = role_pract.get_mut(r.from as usize)
        {
            *slot = t;
        }
    }
    let mut role_count = vec![0u32; n];
    let mut role_last = vec![NOT_FOUND; n];
    let mut state = SchedState::default();
    let actors =
        ix.refs.iter().zip(g.target.iter()).filter(|(r, _)| r.field == RefField::ScheduleActor);
    for (r, &t) in actors {
        if state.from != Some(r.from) {
            state.finish(g, &role_pract, em);
            state.start(r.from);
        }
        match g.named_type(r, t).as_deref() {
            Some("Practitioner") => {
                state.practitioners += 1;
                if t != NOT_FOUND {
                    state.practitioner = Some(t);
                }
                if state.practitioners == 2 {
                    em.at(
                        Scope::PS_CPTS,
                        &ro1_sched_001::RULE,
                        r.element,
                        "second Practitioner dans Schedule.actor : un agenda appartient à un seul praticien".into(),
                        "second Practitioner in Schedule.actor: a schedule belongs to one practitioner".into(),
                    );
                }
            }
            Some("PractitionerRole") => {
                state.roles += 1;
                if t == NOT_FOUND {
                    continue;
                }
                state.role_actors.push((t, r.element));
                let (Some(count), Some(last)) =
                    (role_count.get_mut(t as usize), role_last.get_mut(t as usize))
                else {
                    continue;
                };
                if *last != r.from {
                    *last = r.from;
                    *count += 1;
                    if *count == 2 {
                        em.at_sev(
                            Scope::PS_CPTS,
                            &ro1_sched_004::RULE,
                            Severity::Warning,
                            r.element,
                            format!("{} est déjà l'acteur d'un autre Schedule : un agenda par lieu d'exercice", quote(&g.ix.ref_text(r).unwrap_or_default())),
                            format!("{} is already the actor of another Schedule: one schedule per place of practice", quote(&g.ix.ref_text(r).unwrap_or_default())),
                        );
                    }
                }
            }
            Some(other) => em.at(
                Scope::PS_CPTS,
                &ro1_sched_001::RULE,
                r.element,
                format!("acteur de type {other} : Schedule.actor désigne un Practitioner et un PractitionerRole"),
                format!("actor of type {other}: Schedule.actor names one Practitioner and one PractitionerRole"),
            ),
            None => {}
        }
    }
    state.finish(g, &role_pract, em);
    let mut unnamed = vec![false; n];
    for ((e, &count), flag) in ix.entries.iter().zip(&role_count).zip(unnamed.iter_mut()) {
        if e.kind == EntryType::PractitionerRole && count == 0 {
            *flag = true;
            em.at_sev(
                Scope::PS_CPTS,
                &ro1_sched_004::RULE,
                Severity::Warning,
                e.span,
                "aucun Schedule ne désigne ce PractitionerRole : un agenda par lieu d'exercice est attendu".into(),
                "no Schedule names this PractitionerRole: one schedule per place of practice is expected".into(),
            );
        }
    }
    unnamed
}

/// The actors of the Schedule being read (its references are contiguous).
#[derive(Debug, Default)]
struct SchedState {
    from: Option<u32>,
    practitioners: u32,
    practitioner: Option<u32>,
    roles: u32,
    /// Resolved PractitionerRole actors and their element spans (buffer reused).
    role_actors: Vec<(u32, Span)>,
}

impl SchedState {
    fn start(&mut self, from: u32) {
        self.from = Some(from);
        self.practitioners = 0;
        self.practitioner = None;
        self.roles = 0;
        self.role_actors.clear();
    }

    fn finish(&mut self, g: &Graph<'_, '_>, role_pract: &[u32], em: &mut Emitter<'_>) {
        let Some(e) = self.from.and_then(|f| g.ix.entry(f)) else { return };
        for (count, t) in [(self.practitioners, "Practitioner"), (self.roles, "PractitionerRole")] {
            if count == 0 {
                em.missing(
                    Scope::PS_CPTS,
                    &ro1_sched_001::RULE,
                    e.span,
                    "actor",
                    format!("Schedule.actor ne désigne aucun {t} (un Practitioner et un PractitionerRole attendus)"),
                    format!("Schedule.actor names no {t} (one Practitioner and one PractitionerRole expected)"),
                );
            }
        }
        // RO1-SCHED-006: only with exactly one Practitioner (otherwise SCHED-001 said it).
        let (1, Some(p)) = (self.practitioners, self.practitioner) else { return };
        for &(role, element) in &self.role_actors {
            let q = role_pract.get(role as usize).copied().unwrap_or(NOT_FOUND);
            if q != NOT_FOUND && q != p {
                em.at(
                    Scope::PS_CPTS,
                    &ro1_sched_006::RULE,
                    element,
                    format!(
                        "le PractitionerRole de l'entrée {} appartient au Practitioner de l'entrée {}, pas à celui du Schedule (entrée {})",
                        g.entry_no(role),
                        g.entry_no(q),
                        g.entry_no(p)
                    ),
                    format!(
                        "the PractitionerRole of entry {} belongs to the Practitioner of entry {}, not to the Schedule's (entry {})",
                        g.entry_no(role),
                        g.entry_no(q),
                        g.entry_no(p)
                    ),
                );
            }
        }
    }
}

/// RO1-SCHED-005: one actor per SOS Schedule, a Location of the Bundle.
fn check_sos_schedules(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    // The first actor element of each Schedule (with or without a reference).
    let mut first = vec![u32::MAX; g.ix.entries.len()];
    let actors =
        g.ix.refs
            .iter()
            .filter(|r| r.field == RefField::ScheduleActor)
            .map(|r| (r.from, r.element));
    let missing = g.ix.missing_refs.iter().filter(|m| m.field == RefField::ScheduleActor);
    let all = || actors.clone().chain(missing.clone().map(|m| (m.from, m.element)));
    for (from, el) in all() {
        if let Some(f) = first.get_mut(from as usize) {
            *f = (*f).min(el.start);
        }
    }
    for (from, el) in all() {
        if first.get(from as usize).is_some_and(|&f| f != el.start) {
            em.at(
                Scope::SOS,
                &ro1_sched_005::RULE,
                el,
                "acteur supplémentaire : un Schedule SOS a un seul acteur, son lieu fixe de consultation".into(),
                "extra actor: a SOS Schedule has a single actor, its fixed consultation place".into(),
            );
        }
    }
    for (r, &t) in g.ix.refs.iter().zip(g.target.iter()) {
        if r.field != RefField::ScheduleActor
            || first.get(r.from as usize).is_some_and(|&f| f != r.element.start)
        {
            continue;
        }
        if let Some(found) = g.rtype(t).filter(|found| *found != "Location") {
            em.at(
                Scope::SOS,
                &ro1_sched_005::RULE,
                r.span,
                format!(
                    "Schedule.actor {} désigne une ressource {found} : Location attendu",
                    quote(&g.ix.ref_text(r).unwrap_or_default())
                ),
                format!(
                    "Schedule.actor {} names a {found} resource: Location expected",
                    quote(&g.ix.ref_text(r).unwrap_or_default())
                ),
            );
        }
    }
}

/// RO1-PRACT-006: one Practitioner entry per national identifier.
fn check_practitioners(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for id in &g.ix.practitioner_ids {
        let first = *seen.entry(&id.value).or_insert(id.from);
        if first == id.from {
            continue;
        }
        // The same resource included twice is RO1-BUNDLE-008's.
        let same = match (g.ix.entry(first), g.ix.entry(id.from)) {
            (Some(a), Some(b)) => {
                let id = g.ix.id(a);
                id.is_some() && id == g.ix.id(b)
            }
            _ => false,
        };
        if !same {
            em.at(
                Scope::PS_CPTS,
                &ro1_pract_006::RULE,
                id.span,
                format!("l'identifiant {} est déjà celui du Practitioner de l'entrée {} : un seul Practitioner par praticien", quote(&id.value), g.entry_no(first)),
                format!("identifier {} already belongs to the Practitioner of entry {}: one Practitioner per practitioner", quote(&id.value), g.entry_no(first)),
            );
        }
    }
}

/// RO1-CPTS-007: one HealthcareService per CPTS Organization.
fn check_cpts_services(g: &Graph<'_, '_>, f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let count = |t: EntryType| g.ix.entries.iter().filter(|e| e.kind == t).count();
    let (hs, org) = (count(EntryType::HealthcareService), count(EntryType::Organization));
    if hs != org {
        let fr =
            format!("{hs} HealthcareService pour {org} Organization : une offre par CPTS attendue");
        let en =
            format!("{hs} HealthcareService for {org} Organization: one service per CPTS expected");
        match f.bundle.entry_span {
            Some(sp) => em.at_sev(Scope::CPTS, &ro1_cpts_007::RULE, Severity::Warning, sp, fr, en),
            None => em.at_sev(
                Scope::CPTS,
                &ro1_cpts_007::RULE,
                Severity::Warning,
                f.bundle.span,
                fr,
                en,
            ),
        }
    }
    let mut providers: HashMap<u32, u32> = HashMap::new();
    for (r, &t) in g.ix.refs.iter().zip(g.target.iter()) {
        if r.field != RefField::ProvidedBy || g.rtype(t) != Some("Organization") {
            continue;
        }
        let first = *providers.entry(t).or_insert(r.from);
        if first != r.from {
            em.at_sev(
                Scope::CPTS,
                &ro1_cpts_007::RULE,
                Severity::Warning,
                r.span,
                format!(
                    "{} est déjà l'Organization du HealthcareService de l'entrée {}",
                    quote(&g.ix.ref_text(r).unwrap_or_default()),
                    g.entry_no(first)
                ),
                format!(
                    "{} is already the Organization of the HealthcareService of entry {}",
                    quote(&g.ix.ref_text(r).unwrap_or_default()),
                    g.entry_no(first)
                ),
            );
        }
    }
}

/// RO1-REF-004: every included entry is reachable from a match, every
/// Schedule has a Slot. `skip`: entries already reported as unreachable.
fn check_reachability(g: &Graph<'_, '_>, skip: &[bool], em: &mut Emitter<'_>) {
    let ix = g.ix;
    let n = ix.entries.len();
    let searched = if g.uc == UseCase::SOS { EntryType::Schedule } else { EntryType::Slot };
    let any_match = ix.entries.iter().any(|e| ix.mode(e) == Some("match"));
    // Forward edges: the references of each entry are contiguous.
    let mut first_ref = vec![0u32; n + 1];
    for r in &ix.refs {
        if let Some(c) = first_ref.get_mut(r.from as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..first_ref.len() {
        let prev = first_ref.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = first_ref.get_mut(i) {
            *c += prev;
        }
    }
    // Reverse Slot -> Schedule edges (a SOS Slot is reached from its Schedule).
    let mut slots_of = vec![0u32; n + 1];
    let slot_refs = || {
        ix.refs
            .iter()
            .zip(g.target.iter())
            .filter(|(r, t)| r.field == RefField::SlotSchedule && (**t as usize) < n)
            .map(|(r, &t)| (r.from, t))
    };
    for (_, t) in slot_refs() {
        if let Some(c) = slots_of.get_mut(t as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..slots_of.len() {
        let prev = slots_of.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = slots_of.get_mut(i) {
            *c += prev;
        }
    }
    let mut fill = slots_of.clone();
    let mut rev = vec![0u32; slots_of.last().copied().unwrap_or(0) as usize];
    for (from, t) in slot_refs() {
        if let Some(at) = fill.get_mut(t as usize) {
            if let Some(x) = rev.get_mut(*at as usize) {
                *x = from;
            }
            *at += 1;
        }
    }
    let mut seen = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    for (pos, e) in ix.entries.iter().enumerate() {
        let root = if any_match { ix.mode(e) == Some("match") } else { e.kind == searched };
        if root {
            if let Some(s) = seen.get_mut(pos) {
                *s = true;
            }
            stack.push(u32::try_from(pos).unwrap_or(NOT_FOUND));
        }
    }
    while let Some(p) = stack.pop() {
        let i = p as usize;
        let fwd = first_ref.get(i).copied().unwrap_or(0) as usize
            ..first_ref.get(i + 1).copied().unwrap_or(0) as usize;
        let back = slots_of.get(i).copied().unwrap_or(0) as usize
            ..slots_of.get(i + 1).copied().unwrap_or(0) as usize;
        let next =
            g.target.get(fwd).unwrap_or_default().iter().chain(rev.get(back).unwrap_or_default());
        for &q in next {
            if let Some(s) = seen.get_mut(q as usize)
                && !*s
            {
                *s = true;
                stack.push(q);
            }
        }
    }
    for (pos, e) in ix.entries.iter().enumerate() {
        if e.span == e.entry_span || ix.mode(e) == Some("outcome") {
            continue;
        }
        let no_slot = e.kind == EntryType::Schedule && slots_of.get(pos) == slots_of.get(pos + 1);
        if no_slot {
            em.at_sev(
                Scope::ALL,
                &ro1_ref_004::RULE,
                Severity::Warning,
                e.entry_span,
                "Schedule sans aucun Slot dans le Bundle".into(),
                "Schedule without any Slot in the Bundle".into(),
            );
        } else if !seen.get(pos).copied().unwrap_or(true)
            && !skip.get(pos).copied().unwrap_or(false)
        {
            em.at_sev(
                Scope::ALL,
                &ro1_ref_004::RULE,
                Severity::Warning,
                e.entry_span,
                format!(
                    "entrée {} inutile : aucun résultat (`match`) n'y mène par les références",
                    ix.rtype(e)
                ),
                format!("useless {} entry: no match leads to it through references", ix.rtype(e)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{
        CPTS, E, EMPTY, PS, SOS, W, at, doc, of_rule, patch, run, set, text,
    };

    #[test]
    fn valid_examples_are_clean_for_graph_rules() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            let bad: Vec<_> = run(src, Some(uc))
                .into_iter()
                .filter(|f| super::RULES.iter().any(|r| r.id == f.0))
                .collect();
            assert!(bad.is_empty(), "{uc:?}: {bad:?}");
        }
    }

    #[test]
    fn slot_006_schedule() {
        let src =
            patch(PS, "/entry/0/resource/schedule/reference", Some(json!("Schedule/inconnu")));
        assert_eq!(
            of_rule(&src, None, "RO1-SLOT-006"),
            at("Bundle.entry[0].resource.schedule.reference", E)
        );
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
        let report = crate::rules::validate(&src, &crate::rules::Options::default()).unwrap();
        let cause = report.findings.iter().find_map(|f| f.cause.as_ref()).unwrap();
        assert_eq!(cause.message.en, "Schedule resource `Schedule/inconnu` is not in the Bundle");
        assert_eq!(cause.message.fr, "ressource Schedule `Schedule/inconnu` absente du Bundle");
        let src = patch(
            PS,
            "/entry/0/resource/schedule/reference",
            Some(json!("Practitioner/prat-4821")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SLOT-006"),
            at("Bundle.entry[0].resource.schedule.reference", E)
        );
        let src = patch(PS, "/entry/0/resource/schedule", Some(json!({"display": "agenda"})));
        assert_eq!(
            of_rule(&src, None, "RO1-SLOT-006"),
            at("Bundle.entry[0].resource.schedule.reference", E)
        );
        let src = patch(SOS, "/entry/2/resource/schedule", None);
        assert_eq!(of_rule(&src, None, "RO1-SLOT-006"), at("Bundle.entry[2].resource.schedule", E));
        // Wrong JSON type: RO1-FHIR-001 only.
        let src =
            patch(PS, "/entry/0/resource/schedule", Some(json!("Schedule/agenda-4821-lyon3")));
        assert!(of_rule(&src, None, "RO1-SLOT-006").is_empty());
    }

    #[test]
    fn sched_001_actors() {
        let src = patch(PS, "/entry/8/resource/actor/0", None);
        assert_eq!(of_rule(&src, None, "RO1-SCHED-001"), at("Bundle.entry[8].resource.actor", E));
        let actors = json!([{"reference": "Practitioner/prat-4821"}, {"reference": "Practitioner/prat-5307"},
            {"reference": "PractitionerRole/role-4821-lyon3"}]);
        let src = patch(PS, "/entry/8/resource/actor", Some(actors));
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-001"),
            at("Bundle.entry[8].resource.actor[1]", E)
        );
        let src = patch(PS, "/entry/8/resource/actor", None);
        assert_eq!(of_rule(&src, None, "RO1-SCHED-001"), at("Bundle.entry[8].resource.actor", E));
        // Not a SOS rule.
        assert!(of_rule(&src, Some(UseCase::SOS), "RO1-SCHED-001").is_empty());
    }

    #[test]
    fn sched_002_actor_resolves() {
        let src = patch(
            PS,
            "/entry/8/resource/actor/1/reference",
            Some(json!("PractitionerRole/ancien")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-002"),
            at("Bundle.entry[8].resource.actor[1].reference", E)
        );
        assert!(of_rule(&src, None, "RO1-SCHED-001").is_empty());
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
        let src = patch(SOS, "/entry/0/resource/actor/0", Some(json!({"display": "lieu"})));
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-002"),
            at("Bundle.entry[0].resource.actor[0].reference", E)
        );
    }

    #[test]
    fn sched_004_one_schedule_per_role() {
        let src = patch(
            PS,
            "/entry/9/resource/actor/1/reference",
            Some(json!("PractitionerRole/role-4821-lyon3")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-004"),
            [
                ("Bundle.entry[9].resource.actor[1]".to_string(), W),
                ("Bundle.entry[14].resource".to_string(), W)
            ]
        );
        // The unnamed role is not reported again as an orphan.
        assert!(of_rule(&src, None, "RO1-REF-004").is_empty());
    }

    #[test]
    fn sched_005_sos_actor() {
        let mut v = doc(SOS);
        v["entry"][0]["resource"]["actor"]
            .as_array_mut()
            .unwrap()
            .push(json!({"reference": "Location/lieu-sos-montauban"}));
        assert_eq!(
            of_rule(&text(&v), None, "RO1-SCHED-005"),
            at("Bundle.entry[0].resource.actor[1]", E)
        );
        let src = patch(
            SOS,
            "/entry/0/resource/actor/0/reference",
            Some(json!("Organization/org-sos-broceliande")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-005"),
            at("Bundle.entry[0].resource.actor[0].reference", E)
        );
        let src = patch(SOS, "/entry/0/resource/actor", None);
        assert_eq!(of_rule(&src, None, "RO1-SCHED-005"), at("Bundle.entry[0].resource.actor", E));
    }

    #[test]
    fn sched_006_role_of_another_practitioner() {
        let src = patch(
            PS,
            "/entry/8/resource/actor/1/reference",
            Some(json!("PractitionerRole/role-5307-lyon7")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-006"),
            at("Bundle.entry[8].resource.actor[1]", E)
        );
        // Broken role link: not reported again.
        let src = patch(
            PS,
            "/entry/15/resource/practitioner/reference",
            Some(json!("Practitioner/inconnu")),
        );
        assert!(of_rule(&src, None, "RO1-SCHED-006").is_empty());
    }

    #[test]
    fn pract_006_one_practitioner_per_identifier() {
        let src = patch(PS, "/entry/12/resource/identifier/0/value", Some(json!("810103874524")));
        assert_eq!(
            of_rule(&src, None, "RO1-PRACT-006"),
            at("Bundle.entry[12].resource.identifier[0].value", E)
        );
        assert!(of_rule(&src, Some(UseCase::SOS), "RO1-PRACT-006").is_empty());
    }

    #[test]
    fn role_003_practitioner() {
        let src = patch(PS, "/entry/13/resource/practitioner", None);
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner", E)
        );
        let src = patch(PS, "/entry/13/resource/practitioner", Some(json!({"display": "Dr X"})));
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
        let src = patch(
            PS,
            "/entry/13/resource/practitioner/reference",
            Some(json!("PractitionerRole/role-4821-vlb")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
        let src = patch(
            PS,
            "/entry/13/resource/practitioner/reference",
            Some(json!("Practitioner/inconnu")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
        // SOS: no such rule, the broken reference is RO1-REF-001's.
        assert!(of_rule(&src, Some(UseCase::SOS), "RO1-ROLE-003").is_empty());
        assert_eq!(
            of_rule(&src, Some(UseCase::SOS), "RO1-REF-001"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
    }

    #[test]
    fn cpts_003_service_type_target() {
        let p = "/entry/0/resource/serviceType/1/extension/0/valueReference/reference";
        let src = patch(CPTS, p, Some(json!("HealthcareService/inconnu")));
        let path = "Bundle.entry[0].resource.serviceType[1].extension[0].valueReference.reference";
        assert_eq!(of_rule(&src, None, "RO1-CPTS-003"), at(path, E));
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
        assert_eq!(of_rule(&src, Some(UseCase::PS), "RO1-REF-001"), at(path, E));
        let src = patch(CPTS, p, Some(json!("Organization/org-cpts-loire-erdre")));
        assert_eq!(of_rule(&src, None, "RO1-CPTS-003"), at(path, E));
    }

    #[test]
    fn cpts_004_provided_by() {
        let src = patch(
            CPTS,
            "/entry/6/resource/providedBy/reference",
            Some(json!("Organization/inconnue")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-CPTS-004"),
            at("Bundle.entry[6].resource.providedBy.reference", E)
        );
    }

    #[test]
    fn cpts_007_one_service_per_organization() {
        let mut v = doc(CPTS);
        let mut hs = v["entry"][6].clone();
        set(&mut hs, "/resource/id", Some(json!("hs-2")));
        set(
            &mut hs,
            "/fullUrl",
            Some(json!("https://agenda.exemple-editeur.fr/fhir/HealthcareService/hs-2")),
        );
        v["entry"].as_array_mut().unwrap().push(hs);
        set(
            &mut v,
            "/entry/1/resource/serviceType/2/extension/0/valueReference/reference",
            Some(json!("HealthcareService/hs-2")),
        );
        assert_eq!(
            of_rule(&text(&v), None, "RO1-CPTS-007"),
            [
                ("Bundle.entry".to_string(), W),
                ("Bundle.entry[8].resource.providedBy.reference".to_string(), W)
            ]
        );
    }

    #[test]
    fn sos_001_managing_organization() {
        let src = patch(
            SOS,
            "/entry/6/resource/managingOrganization/reference",
            Some(json!("Organization/inconnue")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SOS-001"),
            at("Bundle.entry[6].resource.managingOrganization.reference", E)
        );
        let src = patch(SOS, "/entry/6/resource/managingOrganization", None);
        assert_eq!(
            of_rule(&src, None, "RO1-SOS-001"),
            at("Bundle.entry[6].resource.managingOrganization", E)
        );
    }

    #[test]
    fn ref_001_other_references() {
        let src = patch(
            PS,
            "/entry/13/resource/healthcareService",
            Some(json!([{"reference": "HealthcareService/x"}])),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-REF-001"),
            at("Bundle.entry[13].resource.healthcareService[0].reference", E)
        );
        let src =
            patch(PS, "/entry/13/resource/healthcareService", Some(json!([{"display": "x"}])));
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
    }

    #[test]
    fn ref_002_relative_form() {
        let url = "https://agenda.exemple-editeur.fr/fhir/Schedule/agenda-4821-lyon3";
        let src = patch(PS, "/entry/0/resource/schedule/reference", Some(json!(url)));
        assert_eq!(
            of_rule(&src, None, "RO1-REF-002"),
            at("Bundle.entry[0].resource.schedule.reference", W)
        );
        assert!(of_rule(&src, None, "RO1-SLOT-006").is_empty());
    }

    #[test]
    fn ref_004_orphans_and_empty_schedules() {
        let mut v = doc(PS);
        for i in 5..8 {
            set(
                &mut v,
                &format!("/entry/{i}/resource/schedule/reference"),
                Some(json!("Schedule/agenda-4821-vlb")),
            );
        }
        assert_eq!(
            of_rule(&text(&v), None, "RO1-REF-004"),
            [
                ("Bundle.entry[10]".to_string(), W),
                ("Bundle.entry[12]".to_string(), W),
                ("Bundle.entry[15]".to_string(), W)
            ]
        );
        // SOS: Slots are reached backwards from their Schedule.
        let src = patch(SOS, "/entry/2/search", None);
        assert!(of_rule(&src, None, "RO1-REF-004").is_empty());
    }
}
