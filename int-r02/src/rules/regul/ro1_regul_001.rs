//! RO1-REGUL-001 `regul-meta-source-sas`.
//!
//! The regulator Practitioner meta.source is urn:oid:1.2.250.1.213.3.6.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REGUL-001 `regul-meta-source-sas`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REGUL-001",
    name: "regul-meta-source-sas",
    severity: Severity::Error,
    scope: Scope::REGUL,
    source: "FrPractitionerRegul pattern — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "meta.source du Practitioner régulateur vaut urn:oid:1.2.250.1.213.3.6.",
    summary_en: "The regulator Practitioner meta.source is urn:oid:1.2.250.1.213.3.6.",
    doc: RuleDoc {
        what_fr: "Vérifie que le Practitioner reçu du SAS pour un compte régulateur porte meta.source = urn:oid:1.2.250.1.213.3.6.",
        why_fr: "Motif de FrPractitionerRegul ; le kit l'envoie toujours. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"meta\":{\"source\":\"urn:oid:1.2.250.1.71.4.2.1\"}}",
        fix_fr: "Attendez et conservez meta.source = urn:oid:1.2.250.1.213.3.6 dans les ressources régulateur.",
        what_en: "Checks that the Practitioner received from the SAS for a regulator account carries meta.source = urn:oid:1.2.250.1.213.3.6.",
        why_en: "FrPractitionerRegul pattern; the kit always sends it. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Practitioner\",\"meta\":{\"source\":\"urn:oid:1.2.250.1.71.4.2.1\"}}",
        fix_en: "Expect and keep meta.source = urn:oid:1.2.250.1.213.3.6 in regulator resources.",
    },
};

use fr_fhir_core::model::Practitioner;
use fr_fhir_core::rules::Emitter;
use fr_fhir_core::vocab::systems::OID_SAS_INTRN;

const S: Scope = Scope::REGUL;

/// meta.source is the SAS OID.
pub(crate) fn check(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    let Some(meta) = &p.meta else {
        em.missing(
            S,
            &RULE,
            p.span,
            "meta",
            format!("meta absent : meta.source = {OID_SAS_INTRN} attendu (le SAS est la source du compte)"),
            format!("no meta: meta.source = {OID_SAS_INTRN} expected (the SAS is the source of the account)"),
        );
        return;
    };
    match &meta.source {
        None => em.missing(
            S,
            &RULE,
            meta.span,
            "source",
            format!("meta.source absent, attendu {OID_SAS_INTRN}"),
            format!("meta.source is missing, expected {OID_SAS_INTRN}"),
        ),
        Some(s) if s.as_str() != OID_SAS_INTRN => em.at(
            S,
            &RULE,
            s.span,
            format!("meta.source {}, attendu {OID_SAS_INTRN}", s.as_str()),
            format!("meta.source {}, expected {OID_SAS_INTRN}", s.as_str()),
        ),
        Some(_) => {}
    }
}
