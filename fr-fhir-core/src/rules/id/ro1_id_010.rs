//! RO1-ID-010 `identifier-national-prefix`.
//!
//! National identifiers are returned with their prefix, never a bare RPPS, FINESS or SIRET.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::{Adeli, Rpps, Siret};
use crate::json::Span;
use crate::rules::{Emitter, Scope, quote};

/// RO1-ID-010 `identifier-national-prefix`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-010",
    name: "identifier-national-prefix",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FAQ PS #1, SOS #1 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Les identifiants nationaux sont renvoyés avec leur préfixe, jamais un RPPS, FINESS ou SIRET nu.",
    summary_en: "National identifiers are returned with their prefix, never a bare RPPS, FINESS or SIRET.",
    doc: RuleDoc {
        what_fr: "Repère les valeurs sous les OID nationaux qui ressemblent à un numéro nu (11 chiffres pour un RPPS, 9 pour un FINESS, 14 pour un SIRET) et avertit qu'il manque le préfixe.",
        why_fr: "FAQ PS n° 1 et SOS n° 1 (« gestion des préfixes ») : le préfixe est ajouté même si l'éditeur stocke le numéro nu. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"10101215225\"}",
        fix_fr: "Ajoutez le préfixe au moment de produire la réponse : 8 + RPPS, 1 + FINESS, 3 + SIRET.",
        what_en: "Spots values under the national OIDs that look like a bare number (11 digits for an RPPS, 9 for a FINESS, 14 for a SIRET) and warns that the prefix is missing.",
        why_en: "PS FAQ #1 and SOS FAQ #1 ('gestion des préfixes'): the prefix is added even when the vendor stores the bare number. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"10101215225\"}",
        fix_en: "Add the prefix when building the answer: 8 + RPPS, 1 + FINESS, 3 + SIRET.",
    },
};

/// Checks an IDNPS value without a national prefix (`8` or `0`): a keyed
/// RPPS or an ADELI number is reported as a bare number rather than as a
/// malformed prefixed value.
pub(crate) fn check_idnps(v: &str, span: Span, em: &mut Emitter<'_>) {
    if matches!(v.as_bytes().first(), Some(b'8' | b'0')) {
        return;
    }
    let bare = if Rpps::parse_form(v).is_ok_and(|r| r.check_key().is_ok()) {
        Some(("RPPS", "8"))
    } else if Adeli::parse_form(v).is_ok() {
        Some(("ADELI", "0"))
    } else {
        None
    };
    if let Some((what, prefix)) = bare {
        bare_number(em, span, v, what, prefix);
    }
}

/// Checks an IDNST value without a national prefix (`1`, `3`, `4` or `0`):
/// a keyed FINESS or SIRET is reported as a bare number. SIREN (`2`) and
/// unknown prefixes are left to the resource rules, which know whether the
/// structure may be one.
pub(crate) fn check_idnst(v: &str, span: Span, em: &mut Emitter<'_>) {
    if matches!(v.as_bytes().first(), Some(b'1' | b'3' | b'4' | b'0')) {
        return;
    }
    let bare = if is_keyed::<9>(v) {
        Some(("FINESS", "1"))
    } else if Siret::parse_form(v).is_ok_and(|s| s.check_key().is_ok()) {
        Some(("SIRET", "3"))
    } else {
        None
    };
    if let Some((what, prefix)) = bare {
        bare_number(em, span, v, what, prefix);
    }
}

/// `N` ASCII digits passing Luhn.
fn is_keyed<const N: usize>(v: &str) -> bool {
    v.len() == N
        && v.bytes().all(|b| b.is_ascii_digit())
        && crate::ids::luhn::is_valid(v.as_bytes())
}

fn bare_number(em: &mut Emitter<'_>, span: Span, v: &str, what: &str, prefix: &str) {
    em.at(
        Scope::ALL,
        &RULE,
        span,
        format!(
            "{} ressemble à un numéro {what} sans préfixe national : envoyer {prefix}{v}",
            quote(v)
        ),
        format!(
            "{} looks like a bare {what} number without its national prefix: send {prefix}{v}",
            quote(v)
        ),
    );
}
