//! RO1-ROLE-007 `role-phone-international`.
//!
//! The PractitionerRole.telecom phone is in +33XXXXXXXXX form.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::ContactPoint;
use crate::rules::support::phone::check_phone;
use crate::rules::{Emitter, Scope};

/// RO1-ROLE-007 `role-phone-international`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-007",
    name: "role-phone-international",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "FAQ PS #2; kit ps_validate_phone (optional test, reads PractitionerRole) — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Le téléphone de PractitionerRole.telecom est au format +33XXXXXXXXX.",
    summary_en: "The PractitionerRole.telecom phone is in +33XXXXXXXXX form.",
    doc: RuleDoc {
        what_fr: "Pour chaque PractitionerRole.telecom de system phone, vérifie que value vaut +33 (ou +262, +590, +594, +596) suivi de 9 chiffres.",
        why_fr: "FAQ PS n° 2 et test facultatif du kit (ps_validate_phone, qui lit PractitionerRole) ; lecture AMB-18. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"telecom\":[{\"system\":\"phone\",\"value\":\"0123456789\"}]}",
        fix_fr: "Écrivez le numéro au format international : +33123456789.",
        what_en: "For every PractitionerRole.telecom with system phone, checks that value is +33 (or +262, +590, +594, +596) followed by 9 digits.",
        why_en: "PS FAQ #2 and the kit's optional test (ps_validate_phone, which reads PractitionerRole); reading AMB-18. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"telecom\":[{\"system\":\"phone\",\"value\":\"0123456789\"}]}",
        fix_en: "Write the number in international form: +33123456789.",
    },
};

/// Checks that a phone telecom is in the international form.
pub(crate) fn check_telecom(t: &ContactPoint<'_>, em: &mut Emitter<'_>) {
    check_phone(t, Scope::PS_CPTS, &RULE, em);
}
