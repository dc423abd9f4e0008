//! RO1-CPTS-005 `cpts-organization-finess`.
//!
//! The CPTS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 1 + FINESS (^1\[0-9\]{9}$).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-CPTS-005 `cpts-organization-finess`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-005",
    name: "cpts-organization-finess",
    severity: Severity::Error,
    scope: Scope::CPTS,
    source: "sas-cpts-organization-aggregator (FINESS-invariant); IG CPTS nomenclature — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-organization-aggregator.html",
    summary_fr: "L'Organization CPTS a exactement un identifiant : système urn:oid:1.2.250.1.71.4.2.2, type IDNST, valeur 1 + FINESS (^1[0-9]{9}$).",
    summary_en: "The CPTS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 1 + FINESS (^1[0-9]{9}$).",
    doc: RuleDoc {
        what_fr: "Vérifie que l'Organization CPTS a un seul identifier, de système urn:oid:1.2.250.1.71.4.2.2, de type IDNST et de valeur conforme à ^1[0-9]{9}$ (FINESS préfixé).",
        why_fr: "sas-cpts-organization-aggregator (invariant FINESS-invariant) et nomenclature CPTS ; vérifié par le kit (validate_cpts_id). Lectures AMB-10 (trois systèmes de code acceptés pour IDNST) et AMB-13 (profil CPTS, pas SOS). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"resourceType":"Organization","identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.2","value":"950047225",…}]}"#,
        fix_fr: "Envoyez un seul identifiant, FINESS préfixé par 1 (1950047225), avec le système et le type IDNST.",
        what_en: "Checks that the CPTS Organization has a single identifier, with system urn:oid:1.2.250.1.71.4.2.2, type IDNST and a value matching ^1[0-9]{9}$ (prefixed FINESS).",
        why_en: "sas-cpts-organization-aggregator (FINESS-invariant) and CPTS nomenclature; checked by the kit (validate_cpts_id). Readings AMB-10 (three code systems accepted for IDNST) and AMB-13 (CPTS profile, not SOS). Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Organization","identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.2","value":"950047225",…}]}"#,
        fix_en: "Send a single identifier, the FINESS prefixed with 1 (1950047225), with the IDNST system and type.",
    },
};
