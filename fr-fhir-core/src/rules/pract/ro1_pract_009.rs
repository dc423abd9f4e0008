//! RO1-PRACT-009 `practitioner-phone-international`.
//!
//! Practitioner phone numbers use the international form +33 followed by 9 digits (overseas +262, +590, +594, +596).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::ContactPoint;
use crate::rules::support::phone::check_phone;
use crate::rules::{Emitter, Scope};

/// RO1-PRACT-009 `practitioner-phone-international`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-009",
    name: "practitioner-phone-international",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "FAQ PS #2; agg-psindiv #34 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Les téléphones du Practitioner sont au format international +33 suivi de 9 chiffres (outre-mer +262, +590, +594, +596).",
    summary_en: "Practitioner phone numbers use the international form +33 followed by 9 digits (overseas +262, +590, +594, +596).",
    doc: RuleDoc {
        what_fr: "Pour chaque Practitioner.telecom de system phone, vérifie que value vaut +33, +262, +590, +594 ou +596 suivi de 9 chiffres, sans espace ni point.",
        why_fr: "FAQ PS n° 2 et exigence agg-psindiv #34 ; le kit lit le téléphone sur PractitionerRole.telecom (lecture AMB-18 : les deux sont vérifiés, en avertissement). Kit officiel ANS : non vérifié.",
        example_fr: "{\"telecom\":[{\"system\":\"phone\",\"value\":\"01 23 45 67 89\"}]}",
        fix_fr: "Écrivez le numéro au format international : +33123456789.",
        what_en: "For every Practitioner.telecom with system phone, checks that value is +33, +262, +590, +594 or +596 followed by 9 digits, with no spaces or dots.",
        why_en: "PS FAQ #2 and requirement agg-psindiv #34; the kit reads the phone on PractitionerRole.telecom (reading AMB-18: both are checked, as warnings). Official ANS kit: not checked.",
        example_en: "{\"telecom\":[{\"system\":\"phone\",\"value\":\"01 23 45 67 89\"}]}",
        fix_en: "Write the number in international form: +33123456789.",
    },
};

/// Checks that a phone telecom is in the international form.
pub(crate) fn check_telecom(t: &ContactPoint<'_>, em: &mut Emitter<'_>) {
    check_phone(t, Scope::PS_CPTS, &RULE, em);
}
