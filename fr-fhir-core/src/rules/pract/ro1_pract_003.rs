//! RO1-PRACT-003 `practitioner-identifier-system-oid`.
//!
//! Each Practitioner identifier.system is urn:oid:1.2.250.1.71.4.2.1.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::OID_IDNPS;
use crate::model::Identifier;
use crate::rules::{Emitter, Scope, quote};

/// RO1-PRACT-003 `practitioner-identifier-system-oid`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-003",
    name: "practitioner-identifier-system-oid",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitionerAgregateur pattern — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque identifier.system du Practitioner vaut urn:oid:1.2.250.1.71.4.2.1.",
    summary_en: "Each Practitioner identifier.system is urn:oid:1.2.250.1.71.4.2.1.",
    doc: RuleDoc {
        what_fr: "Vérifie que le système de chaque identifiant du Practitioner est l'OID des identifiants nationaux de personnes, écrit urn:oid:1.2.250.1.71.4.2.1.",
        why_fr: "Motif de FrPractitionerAgregateur ; la FAQ demande d'écrire les OID sous la forme urn:oid:. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"identifier\":[{\"system\":\"https://rpps.esante.gouv.fr\",\"value\":\"10101215225\",…}]}",
        fix_fr: "Utilisez \"system\":\"urn:oid:1.2.250.1.71.4.2.1\" avec la valeur préfixée (810101215225).",
        what_en: "Checks that the system of every Practitioner identifier is the OID of national person identifiers, written urn:oid:1.2.250.1.71.4.2.1.",
        why_en: "FrPractitionerAgregateur pattern; the FAQ asks for OIDs written as urn:oid:. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"identifier\":[{\"system\":\"https://rpps.esante.gouv.fr\",\"value\":\"10101215225\",…}]}",
        fix_en: "Use \"system\":\"urn:oid:1.2.250.1.71.4.2.1\" with the prefixed value (810101215225).",
    },
};

/// Checks the system of a practitioner identifier: the IDNPS OID. A missing
/// system is RO1-PRACT-001's.
pub(crate) fn check_system(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    if let Some(s) = &id.system
        && s != OID_IDNPS
    {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            s.span,
            format!("système d'identifiant {}, attendu {OID_IDNPS}", quote(s.as_str())),
            format!("identifier system {}, expected {OID_IDNPS}", quote(s.as_str())),
        );
    }
}
