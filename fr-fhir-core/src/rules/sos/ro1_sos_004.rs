//! RO1-SOS-004 `sos-organization-siret`.
//!
//! The SOS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 3 + SIRET (^3\[0-9\]{14}$).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SOS-004 `sos-organization-siret`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-004",
    name: "sos-organization-siret",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-organization-aggregator SIRET-invariant — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-organization-aggregator.html",
    summary_fr: "L'Organization SOS a exactement un identifiant : système urn:oid:1.2.250.1.71.4.2.2, type IDNST, valeur 3 + SIRET (^3[0-9]{14}$).",
    summary_en: "The SOS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 3 + SIRET (^3[0-9]{14}$).",
    doc: RuleDoc {
        what_fr: "Vérifie que l'Organization SOS a un seul identifier, de système urn:oid:1.2.250.1.71.4.2.2, de type IDNST et de valeur conforme à ^3[0-9]{14}$ (SIRET préfixé).",
        why_fr: "Profil sas-sos-organization-aggregator (invariant SIRET-invariant) ; lecture AMB-10 pour le système de code du type IDNST. Kit officiel ANS : non vérifié.",
        example_fr: r#"{"resourceType":"Organization","identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.2","value":"34173748400020",…}]}"#,
        fix_fr: "Envoyez le SIRET de l'association préfixé par 3 (334173748400020), avec le système et le type IDNST.",
        what_en: "Checks that the SOS Organization has a single identifier, with system urn:oid:1.2.250.1.71.4.2.2, type IDNST and a value matching ^3[0-9]{14}$ (prefixed SIRET).",
        why_en: "sas-sos-organization-aggregator profile (SIRET-invariant); reading AMB-10 for the code system of the IDNST type. Official ANS kit: not checked.",
        example_en: r#"{"resourceType":"Organization","identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.2","value":"34173748400020",…}]}"#,
        fix_en: "Send the association's SIRET prefixed with 3 (334173748400020), with the IDNST system and type.",
    },
};
