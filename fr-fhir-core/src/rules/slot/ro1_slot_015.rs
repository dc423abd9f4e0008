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
    // Blank: `trim().is_empty()`, stopping at the first other character
    // instead of trimming both ends.
    let (fr, en) = if text.chars().all(char::is_whitespace) {
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
    // A non-empty host: only its first byte needs a look (scanning for its
    // end was half the rule's time).
    let has_host = rest.bytes().next().is_some_and(|b| !matches!(b, b'/' | b'?' | b'#'));
    has_host && !rest.starts_with(':') && !has_space_or_control(s)
}

/// Unicode whitespace or control character. Runs on every Slot's URL:
/// the branch-free ASCII pass settles nearly all of them, characters are
/// decoded only when a space, a control or a non-ASCII byte is present.
fn has_space_or_control(s: &str) -> bool {
    let b = s.as_bytes();
    let mut words = b.chunks_exact(8);
    let mut odd = false;
    for w in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        odd |= odd_word(u64::from_le_bytes(a));
    }
    odd |= words.remainder().iter().fold(false, |any, &b| any | (b <= b' ') | (b >= 0x7f));
    odd && s.chars().any(|c| c.is_whitespace() || c.is_control())
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// True when one of the 8 bytes of `w` is at most `b' '` or at least 0x7f,
/// eight bytes at a time (a URL is read word by word rather than byte by
/// byte). Exact: for 0x7f and above, `(x & 0x7f) + 1` carries into the high
/// bit of its own byte only; for the low bytes, the lowest byte under 0x21
/// always shows (no borrow reaches it from below), and without one no byte
/// borrows at all.
#[inline]
fn odd_word(w: u64) -> bool {
    let high = (((w & !HIGH) + ONES) | w) & HIGH;
    let low = w.wrapping_sub(ONES * 0x21) & !w & HIGH;
    (high | low) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time pre-filter the word version replaced.
    fn has_space_or_control_before(s: &str) -> bool {
        let odd = s.bytes().fold(false, |any, b| any | (b <= b' ') | (b >= 0x7f));
        odd && s.chars().any(|c| c.is_whitespace() || c.is_control())
    }

    /// The word filter never misses a byte the byte filter sees, at any
    /// position of a word, for every byte value.
    #[test]
    fn word_filter_sees_every_odd_byte() {
        for v in 0u8..=255 {
            for at in 0..8 {
                for fill in [b'a', b'~', 0x21, 0x7e, 0x00, 0xff] {
                    let mut a = [fill; 8];
                    a[at] = v;
                    let byte_odd = a.iter().any(|&b| b <= b' ' || b >= 0x7f);
                    if byte_odd {
                        assert!(odd_word(u64::from_le_bytes(a)), "{a:?}");
                    } else {
                        assert!(!odd_word(u64::from_le_bytes(a)), "{a:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn blank_test_agrees_with_trim() {
        for t in ["", " ", "\t\n", "\u{a0}", "\u{2028} ", "a", " a ", "https://x", "\u{200b}"] {
            assert_eq!(t.chars().all(char::is_whitespace), t.trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn same_answer_as_the_byte_filter() {
        let cases = [
            "https://www.agenda-sante.example.fr/rdv/dr-1?creneau=1000034&src=sas",
            "https://a.fr/x y",
            "https://a.fr/\u{7f}",
            "https://a.fr/\u{a0}abc",
            "https://a.fr/\u{2028}",
            "https://a.fr/é/àbcdefgh",
            "https://a.fr/\tabcdefghijk",
            "https://a.fr/abcdefgh\n",
            "",
            "~~~~~~~~!!!!!!!!",
        ];
        for c in cases {
            assert_eq!(has_space_or_control(c), has_space_or_control_before(c), "{c:?}");
        }
    }

    /// The host test reads one byte where the scan for the host's end was.
    fn is_http_url_before(s: &str) -> bool {
        let lower_starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
        let rest = if lower_starts("https://") {
            s.get(8..)
        } else if lower_starts("http://") {
            s.get(7..)
        } else {
            None
        };
        let Some(rest) = rest else { return false };
        let host_len =
            rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
        host_len > 0 && !rest.starts_with(':') && !has_space_or_control_before(s)
    }

    #[test]
    fn url_test_agrees_with_the_host_scan() {
        for c in [
            "https://a.fr/x",
            "https://",
            "https:///x",
            "https://?q",
            "https://#f",
            "https://:80/",
            "HTTP://A",
            "http://a b",
            "ftp://a",
            "https:/a",
            "http://é",
            "https://a/\u{7f}",
            "",
        ] {
            assert_eq!(is_http_url(c), is_http_url_before(c), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn url_test_agrees_on_any_text(s in "(https?|HTTPS?|ftp)(:|://)[a-z/?#: \\t\\u{a0}é.]{0,12}") {
            proptest::prop_assert_eq!(is_http_url(&s), is_http_url_before(&s));
        }

        #[test]
        fn same_answer_on_any_text(s in "\\PC{0,40}|[ -~\\t\\x7f\\u{a0}\\u{2028}]{0,40}") {
            proptest::prop_assert_eq!(has_space_or_control(&s), has_space_or_control_before(&s));
        }
    }
}
