//! RO1-ROLE-003 `role-practitioner-resolves`.
//!
//! PractitionerRole.practitioner.reference is present and points to a Practitioner of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;
use crate::rules::index::RefField;
use crate::rules::support::graph::Expect;

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

/// `PractitionerRole.practitioner` (PS, CPTS; in SOS a broken one is
/// RO1-REF-001's): present, with a `reference` naming a Practitioner entry.
pub(crate) static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::PS_CPTS,
    field: RefField::RolePractitioner,
    what: "PractitionerRole.practitioner",
    rtype: Some("Practitioner"),
};
