//! RO1-SLOT-015 `slot-comment-booking-url`.
//!
//! Slot.comment is present, not blank and an absolute http(s) URL when appointmentType is ROUTINE (warning when WALKIN or absent).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::support::presence::missing;
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// RO1-SLOT-015 `slot-comment-booking-url`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-015",
    name: "slot-comment-booking-url",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "agg-psindiv #25; FAQ 'URL dans comment'; SOS FSH note; PS example slot 2 (WALKIN) has no comment — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-slot-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.comment est présent, non blanc et une URL http(s) absolue quand appointmentType vaut ROUTINE (avertissement si WALKIN ou absent).",
    summary_en: "Slot.comment is present, not blank and an absolute http(s) URL when appointmentType is ROUTINE (warning when WALKIN or absent).",
    doc: RuleDoc {
        what_fr: "Vérifie que Slot.comment existe, n'est pas blanc et se lit comme une URL http ou https absolue ; c'est une erreur pour un créneau ROUTINE, un avertissement pour un créneau WALKIN ou sans appointmentType.",
        why_fr: "Exigence agg-psindiv #25 et FAQ « URL dans comment » : l'URL de prise de rendez-vous ; le kit l'exige sur tout Slot, mais les profils laissent comment 0..1 et l'exemple PS WALKIN n'en a pas (lecture AMB-06). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"appointmentType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0276\",\"code\":\"ROUTINE\"}]},\"comment\":\"Prendre RDV sur notre site\"}",
        fix_fr: "Mettez dans comment l'URL de l'agenda du praticien, par exemple https://rdv.editeur.example/agenda/810101215225.",
        what_en: "Checks that Slot.comment exists, is not blank and parses as an absolute http or https URL; it is an error for a ROUTINE slot, a warning for a WALKIN slot or one without appointmentType.",
        why_en: "Requirement agg-psindiv #25 and FAQ 'URL dans comment': the booking URL; the kit requires it on every Slot, but the profiles keep comment 0..1 and the PS WALKIN example has none (reading AMB-06). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"appointmentType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0276\",\"code\":\"ROUTINE\"}]},\"comment\":\"Prendre RDV sur notre site\"}",
        fix_en: "Put the practitioner's agenda URL in comment, for example https://rdv.editeur.example/agenda/810101215225.",
    },
};

/// The booking URL: error for a ROUTINE slot, warning otherwise (AMB-06).
pub(crate) fn check(s: &Slot<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let src = e.src;
    let routine = s
        .appointment_type
        .iter()
        .flat_map(|at| &at.coding)
        .any(|c| c.code.as_ref().is_some_and(|k| k == term::ROUTINE));
    let sev = if routine { Severity::Error } else { Severity::Warning };
    let Some(c) = &s.comment else {
        missing(
            em,
            src,
            Scope::ALL,
            &RULE,
            Some(sev),
            s.span,
            "comment",
            "Slot.comment est absent : l'URL de prise de rendez-vous (agenda du praticien) est attendue".into(),
            "Slot.comment is missing: the booking URL (the practitioner's agenda) is expected".into(),
        );
        return;
    };
    let text = c.as_str();
    let (fr, en) = if text.trim().is_empty() {
        (
            "Slot.comment est vide : l'URL de prise de rendez-vous est attendue".into(),
            "Slot.comment is blank: the booking URL is expected".into(),
        )
    } else if !is_http_url(text) {
        (
            format!(
                "Slot.comment {} n'est pas une URL http(s) absolue de prise de rendez-vous",
                quote(text)
            ),
            format!("Slot.comment {} is not an absolute http(s) booking URL", quote(text)),
        )
    } else {
        return;
    };
    em.at_sev(Scope::ALL, &RULE, sev, c.span, fr, en);
}

/// `http://` or `https://` (any case), a non-empty host, no whitespace or
/// control character.
pub(super) fn is_http_url(s: &str) -> bool {
    let lower_starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let rest = if lower_starts("https://") {
        s.get(8..)
    } else if lower_starts("http://") {
        s.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else { return false };
    let host_len = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    host_len > 0 && !rest.starts_with(':') && !has_space_or_control(s)
}

/// Unicode whitespace or control character. Runs on every Slot's URL:
/// the branch-free ASCII pass settles nearly all of them, characters are
/// decoded only when a space, a control or a non-ASCII byte is present.
fn has_space_or_control(s: &str) -> bool {
    let odd = s.bytes().fold(false, |any, b| any | (b <= b' ') | (b >= 0x7f));
    odd && s.chars().any(|c| c.is_whitespace() || c.is_control())
}
