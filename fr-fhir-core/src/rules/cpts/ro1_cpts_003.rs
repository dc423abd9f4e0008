//! RO1-CPTS-003 `cpts-healthcare-service-resolves`.
//!
//! Each valueReference of the serviceType extension points to a HealthcareService entry of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;
use crate::rules::index::RefField;
use crate::rules::support::graph::Expect;

/// RO1-CPTS-003 `cpts-healthcare-service-resolves`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-003",
    name: "cpts-healthcare-service-resolves",
    severity: Severity::Error,
    scope: Scope::CPTS,
    source: "FAQ; kit two_slot/single_slot groups — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Chaque valueReference de l'extension serviceType désigne un HealthcareService du Bundle.",
    summary_en: "Each valueReference of the serviceType extension points to a HealthcareService entry of the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que la référence portée par chaque extension serviceType R5 se résout vers une entrée HealthcareService du Bundle.",
        why_fr: "FAQ et scénarios single_slot/two_slot du kit ; la requête CPTS demande l'inclusion Slot:service-type-reference. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"extension\":[{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType\",\"valueReference\":{\"reference\":\"HealthcareService/cpts-absente\"}}]}",
        fix_fr: "Incluez dans le Bundle le HealthcareService de chaque CPTS référencée.",
        what_en: "Checks that the reference carried by every R5 serviceType extension resolves to a HealthcareService entry of the Bundle.",
        why_en: "FAQ and the kit's single_slot/two_slot scenarios; the CPTS request asks for the Slot:service-type-reference include. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"extension\":[{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType\",\"valueReference\":{\"reference\":\"HealthcareService/cpts-absente\"}}]}",
        fix_en: "Include in the Bundle the HealthcareService of every referenced CPTS.",
    },
};

/// A Slot's service type extension reference (CPTS; in PS a broken one is
/// RO1-REF-001's) names a HealthcareService entry.
pub(crate) static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::CPTS,
    field: RefField::ServiceTypeExtension,
    what: "Slot.serviceType.extension.valueReference",
    rtype: Some("HealthcareService"),
};
