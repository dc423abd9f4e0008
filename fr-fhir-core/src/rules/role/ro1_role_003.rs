//! RO1-ROLE-003 `role-practitioner-resolves`.
//!
//! PractitionerRole.practitioner.reference is present and points to a Practitioner of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{EntryInfo, MissingRef, RefField, RefInfo};
use crate::rules::support::graph::{
    Expect, FieldsSeen, Graph, check_resolves, no_reference, reference_element_absent,
};
use crate::rules::{Emitter, Scope, UseCase};

/// RO1-ROLE-003 `role-practitioner-resolves`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-003",
    name: "role-practitioner-resolves",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "aggregation referenced+bundled; agg-psindiv #21 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.practitioner.reference est présent et désigne un Practitioner du Bundle.",
    summary_en: "PractitionerRole.practitioner.reference is present and points to a Practitioner of the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque PractitionerRole porte practitioner.reference et que celle-ci se résout vers une entrée Practitioner.",
        why_fr: "Agrégation referenced + bundled du profil et exigence agg-psindiv #21 ; le kit vérifie la référence (validate_ref). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"practitioner\":{\"display\":\"Dr MARTIN\"}}",
        fix_fr: "Ajoutez \"practitioner\":{\"reference\":\"Practitioner/<id>\"} et incluez ce Practitioner.",
        what_en: "Checks that every PractitionerRole carries practitioner.reference and that it resolves to a Practitioner entry.",
        why_en: "Referenced + bundled aggregation of the profile and requirement agg-psindiv #21; the kit checks the reference (validate_ref). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"practitioner\":{\"display\":\"Dr MARTIN\"}}",
        fix_en: "Add \"practitioner\":{\"reference\":\"Practitioner/<id>\"} and include that Practitioner.",
    },
};

static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::PS_CPTS,
    rtype: "Practitioner",
    what: "PractitionerRole.practitioner",
};

/// A `PractitionerRole.practitioner` reference (PS, CPTS) that names no
/// Practitioner entry; true when the reference is this rule's (in SOS it is
/// RO1-REF-001's).
pub(crate) fn check_graph_reference(
    g: &Graph<'_, '_>,
    r: &RefInfo,
    t: u32,
    em: &mut Emitter<'_>,
) -> bool {
    if r.field != RefField::RolePractitioner || !matches!(g.uc, UseCase::PS | UseCase::CPTS) {
        return false;
    }
    check_resolves(g, r, t, &EXPECT, em);
    true
}

/// A `PractitionerRole.practitioner` element without `reference` (PS, CPTS).
pub(crate) fn check_graph_bare_reference(g: &Graph<'_, '_>, m: &MissingRef, em: &mut Emitter<'_>) {
    if m.field == RefField::RolePractitioner && g.uc != UseCase::SOS {
        no_reference(m, Scope::PS_CPTS, &RULE, EXPECT.what, em);
    }
}

/// A PractitionerRole entry without `practitioner` (PS, CPTS).
pub(crate) fn check_graph_entry(
    g: &Graph<'_, '_>,
    seen: &FieldsSeen,
    pos: usize,
    e: &EntryInfo,
    em: &mut Emitter<'_>,
) {
    if g.uc != UseCase::SOS && g.ix.rtype(e) == "PractitionerRole" {
        let field = RefField::RolePractitioner;
        reference_element_absent(g, seen, pos, e, field, "practitioner", Scope::PS_CPTS, &RULE, em);
    }
}
