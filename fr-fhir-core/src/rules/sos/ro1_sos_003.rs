//! RO1-SOS-003 `sos-location-identifier`.
//!
//! The SOS Location has a complete identifier of type INTRN with a vendor system; an IDNST with urn:oid:1.2.250.1.71.4.2.2 is accepted with a warning.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SOS-003 `sos-location-identifier`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-003",
    name: "sos-location-identifier",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-location-aggregator pattern INTRN vs IG SOS nomenclature (AMB-11) — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html",
    summary_fr: "Le Location SOS a un identifiant complet de type INTRN avec un système éditeur ; un IDNST avec urn:oid:1.2.250.1.71.4.2.2 est accepté avec un avertissement.",
    summary_en: "The SOS Location has a complete identifier of type INTRN with a vendor system; an IDNST with urn:oid:1.2.250.1.71.4.2.2 is accepted with a warning.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Location SOS a un identifier avec type, system et value, de type INTRN (motif 1.1.0) et d'un système de l'éditeur ; un identifiant de type IDNST, de système urn:oid:1.2.250.1.71.4.2.2 et de valeur préfixée est accepté mais signalé en avertissement.",
        why_fr: "sas-sos-location-aggregator impose le motif INTRN alors que la nomenclature SOS de l'IG permet l'IDNST quand le lieu en a un ; lecture AMB-11 : les deux sont acceptés, avertissement sur IDNST. Kit officiel ANS : non vérifié.",
        example_fr: r#"{"resourceType":"Location","identifier":[{"value":"PFG-RENNES-1"}]}"#,
        fix_fr: r#"Envoyez {"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type","code":"INTRN"}]},"system":"<OID ou URL éditeur>","value":"<id>"}."#,
        what_en: "Checks that every SOS Location has an identifier with type, system and value, of type INTRN (1.1.0 pattern) and a vendor system; an identifier of type IDNST, with system urn:oid:1.2.250.1.71.4.2.2 and a prefixed value is accepted but reported as a warning.",
        why_en: "sas-sos-location-aggregator imposes the INTRN pattern while the IG SOS nomenclature allows IDNST when the place has one; reading AMB-11: both are accepted, warning on IDNST. Official ANS kit: not checked.",
        example_en: r#"{"resourceType":"Location","identifier":[{"value":"PFG-RENNES-1"}]}"#,
        fix_en: r#"Send {"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type","code":"INTRN"}]},"system":"<vendor OID or URL>","value":"<id>"}."#,
    },
};
