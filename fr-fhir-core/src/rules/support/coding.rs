//! Codings and declared profiles read the same way by rules of several
//! folders: the v3-ActCode and CPTS serviceType codings (the SLOT rules and
//! the CPTS rules on Slot) and the `meta.profile` expectations
//! (RO1-META-001, RO1-CPTS-009), a repeated serviceCategory (RO1-SLOT-016,
//! RO1-SCHED-003) and a coding judged by system then code (RO1-SLOT-013,
//! RO1-CPTS-002).

use super::terminology::{self as term, is_tre_r66_like};
use crate::finding::RuleMeta;
use crate::json::Span;
use crate::model::{CodeableConcept, Coding, Meta};
use crate::rules::{Emitter, Scope, quote};

/// A coding of the CPTS serviceType: TRE_R66 (any spelling of the system,
/// CPTS-002 reports non-canonical ones) or a bare `604`.
#[inline]
pub(crate) fn is_cpts_coding(c: &Coding<'_>) -> bool {
    match &c.system {
        // Most serviceType codings are v3-ActCode: an equality (a length
        // test first) settles them without the search for `TRE`.
        Some(sys) => sys != term::V3_ACT_CODE && is_tre_r66_like(sys.as_str()),
        None => c.code.as_ref().is_some_and(|k| k == term::TRE_R66_CPTS),
    }
}

/// True for a v3-ActCode coding: the TypeConsultation slice of a Slot's
/// serviceType (RO1-SLOT-008 to 011, RO1-CPTS-002).
#[inline]
pub(crate) fn is_act_code(c: &Coding<'_>) -> bool {
    c.system.as_ref().is_some_and(|sys| sys == term::V3_ACT_CODE)
}

/// A canonical without its `|version` suffix.
fn canonical(url: &str) -> &str {
    // `|` is ASCII: the byte position is a char boundary. memchr: this runs
    // on every profile of every resource, once per use case.
    memchr::memchr(b'|', url.as_bytes()).and_then(|i| url.get(..i)).unwrap_or(url)
}

/// True when `meta.profile` declares one of `expected` (any version).
pub(crate) fn declares_profile(meta: Option<&Meta<'_>>, expected: &[&str]) -> bool {
    // The usual profile is written without a version and equals an expected
    // one: then it is its own canonical (the expected have no `|`), and the
    // scan for `|` is skipped.
    meta.is_some_and(|m| m.profile.iter().any(|p| declared_in(p.as_str(), expected)))
}

/// True when the profile `p` (any version) is one of `expected`.
fn declared_in(p: &str, expected: &[&str]) -> bool {
    expected.contains(&p) || expected.contains(&canonical(p))
}

/// Reports where the expected profile is missing: the first declared
/// profile, or the absent `meta.profile`.
pub(crate) fn report_profile(
    em: &mut Emitter<'_>,
    scope: Scope,
    rule: &'static RuleMeta,
    span: Span,
    meta: Option<&Meta<'_>>,
    fr: String,
    en: String,
) {
    match meta {
        None => em.missing(scope, rule, span, "meta.profile", fr, en),
        Some(m) => match m.profile.first() {
            None => em.missing(scope, rule, m.span, "profile", fr, en),
            Some(p) => em.at(scope, rule, p.span, fr, en),
        },
    }
}

/// RO1-SLOT-016 / RO1-SCHED-003: each `serviceCategory` after the first,
/// reported under `rule` against the FR Core profile of `resource` (`Fr…`).
pub(crate) fn repeated_service_category(
    categories: &[CodeableConcept<'_>],
    resource: &str,
    rule: &'static RuleMeta,
    em: &mut Emitter<'_>,
) {
    let n = categories.len();
    for sc in categories.iter().skip(1) {
        em.at(
            Scope::ALL,
            rule,
            sc.span,
            format!("{resource}.serviceCategory répété ({n} éléments) : FR Core Fr{resource} en permet au plus un"),
            format!("{resource}.serviceCategory repeated ({n} elements): FR Core Fr{resource} allows at most one"),
        );
    }
}

/// What is wrong with a coding judged by [`check_coding`]; a wrong system
/// or code comes quoted.
pub(crate) enum CodingDefect {
    /// No system.
    NoSystem,
    /// Another system than the expected one.
    System(String),
    /// No code.
    NoCode,
    /// A code the rule does not allow.
    Code(String),
}

/// RO1-SLOT-013 / RO1-CPTS-002: a coding in `system` with a code `allowed`
/// passes; otherwise its defect, worded by `words`, is reported under the
/// rule (a missing system or code on the coding, a wrong one on itself).
pub(crate) fn check_coding(
    c: &Coding<'_>,
    (scope, rule): (Scope, &'static RuleMeta),
    system: &str,
    allowed: impl Fn(&str) -> bool,
    words: fn(CodingDefect) -> (String, String),
    em: &mut Emitter<'_>,
) {
    let (span, child, defect) = match (&c.system, &c.code) {
        (None, _) => (c.span, Some("system"), CodingDefect::NoSystem),
        (Some(sys), _) if sys.as_str() != system => {
            (sys.span, None, CodingDefect::System(quote(sys.as_str())))
        }
        (Some(_), None) => (c.span, Some("code"), CodingDefect::NoCode),
        (Some(_), Some(k)) if !allowed(k.as_str()) => {
            (k.span, None, CodingDefect::Code(quote(k.as_str())))
        }
        _ => return,
    };
    let (fr, en) = words(defect);
    match child {
        Some(child) => em.missing(scope, rule, span, child, fr, en),
        None => em.at(scope, rule, span, fr, en),
    }
}

#[cfg(test)]
mod profile_tests {
    use super::*;
    use crate::engine::UseCase;
    use crate::rules::profiles::expected_profiles;

    /// The v3-ActCode shortcut of `is_cpts_coding` holds.
    #[test]
    fn act_code_system_is_not_tre_r66_like() {
        assert!(!is_tre_r66_like(term::V3_ACT_CODE));
    }

    /// The exact-match shortcut of `declared_in` holds because no expected
    /// profile has a version; the answers equal those of the canonical
    /// comparison alone.
    #[test]
    fn exact_match_shortcut_agrees_with_canonical_comparison() {
        let types = [
            "Bundle",
            "Slot",
            "Schedule",
            "Practitioner",
            "PractitionerRole",
            "Location",
            "HealthcareService",
            "Organization",
            "Other",
        ];
        let mut all: Vec<&str> = Vec::new();
        for t in types {
            for uc in [UseCase::PS, UseCase::CPTS, UseCase::SOS] {
                for contained in [false, true] {
                    let expected = expected_profiles(t, uc, contained);
                    assert!(expected.iter().all(|e| !e.contains('|')), "{expected:?}");
                    all.extend(expected);
                }
            }
        }
        let before = |p: &str, expected: &[&str]| {
            let c =
                p.as_bytes().iter().position(|&b| b == b'|').and_then(|i| p.get(..i)).unwrap_or(p);
            expected.contains(&c)
        };
        let mut probes: Vec<String> = Vec::new();
        for p in &all {
            probes.extend([
                p.to_string(),
                format!("{p}|1.0"),
                format!("{p}|"),
                format!("{p}x"),
                format!("|{p}"),
            ]);
            probes.push(p.get(..p.len() - 1).unwrap_or_default().to_string());
        }
        probes.extend(["", "|", "http://x|y"].map(String::from));
        for t in types {
            for uc in [UseCase::PS, UseCase::CPTS, UseCase::SOS] {
                let expected = expected_profiles(t, uc, false);
                for p in &probes {
                    assert_eq!(declared_in(p, expected), before(p, expected), "{p} / {expected:?}");
                }
            }
        }
    }
}
