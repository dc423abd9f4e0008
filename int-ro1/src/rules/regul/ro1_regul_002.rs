//! RO1-REGUL-002 `regul-identifier-idnps-or-intrn`.
//!
//! The regulator has a national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) or SAS technical (INTRN, urn:oid:1.2.250.1.213.3.6, UUID) identifier, at most one of each.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REGUL-002 `regul-identifier-idnps-or-intrn`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REGUL-002",
    name: "regul-identifier-idnps-or-intrn",
    severity: Severity::Error,
    scope: Scope::REGUL,
    source: "FrPractitionerRegul slices — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "Le régulateur a un identifiant national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) ou technique SAS (INTRN, urn:oid:1.2.250.1.213.3.6, UUID), au plus un de chaque.",
    summary_en: "The regulator has a national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) or SAS technical (INTRN, urn:oid:1.2.250.1.213.3.6, UUID) identifier, at most one of each.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque identifiant est soit national (type IDNPS, système urn:oid:1.2.250.1.71.4.2.1), soit technique SAS (type INTRN, système urn:oid:1.2.250.1.213.3.6, valeur UUID), et qu'il n'y en a pas deux du même genre.",
        why_fr: "Tranches IdentifiantNatPS et IdentifiantInterne de FrPractitionerRegul ; lecture AMB-26 (l'exemple 1.1.0 utilisait à tort 4.2.2). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"INTRN\"}]},\"system\":\"urn:oid:1.2.250.1.213.3.6\",\"value\":\"12345\"}]}",
        fix_fr: "Utilisez un UUID pour l'identifiant technique et l'OID 4.2.1 pour l'IDNPS.",
        what_en: "Checks that every identifier is either national (type IDNPS, system urn:oid:1.2.250.1.71.4.2.1) or SAS technical (type INTRN, system urn:oid:1.2.250.1.213.3.6, UUID value), and that there are not two of the same kind.",
        why_en: "IdentifiantNatPS and IdentifiantInterne slices of FrPractitionerRegul; reading AMB-26 (the 1.1.0 example wrongly used 4.2.2). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"INTRN\"}]},\"system\":\"urn:oid:1.2.250.1.213.3.6\",\"value\":\"12345\"}]}",
        fix_en: "Use a UUID for the technical identifier and the 4.2.1 OID for the IDNPS.",
    },
};
