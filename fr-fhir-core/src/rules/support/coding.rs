//! Codings and declared profiles read the same way by rules of several
//! folders: the v3-ActCode and CPTS serviceType codings (the SLOT rules and
//! the CPTS rules on Slot) and the `meta.profile` expectations
//! (RO1-META-001, RO1-CPTS-009).

use super::terminology::{self as term, is_tre_r66_like};
use crate::finding::RuleMeta;
use crate::json::Span;
use crate::model::{Coding, Meta};
use crate::rules::{Emitter, Scope};

/// A coding of the CPTS serviceType: TRE_R66 (any spelling of the system,
/// CPTS-002 reports non-canonical ones) or a bare `604`.
pub(crate) fn is_cpts_coding(c: &Coding<'_>) -> bool {
    match &c.system {
        Some(sys) => is_tre_r66_like(sys.as_str()),
        None => c.code.as_ref().is_some_and(|k| k == term::TRE_R66_CPTS),
    }
}

/// True for a v3-ActCode coding: the TypeConsultation slice of a Slot's
/// serviceType (RO1-SLOT-008 to 011, RO1-CPTS-002).
pub(crate) fn is_act_code(c: &Coding<'_>) -> bool {
    c.system.as_ref().is_some_and(|sys| sys == term::V3_ACT_CODE)
}

/// A canonical without its `|version` suffix.
fn canonical(url: &str) -> &str {
    url.split('|').next().unwrap_or(url)
}

/// True when `meta.profile` declares one of `expected` (any version).
pub(crate) fn declares_profile(meta: Option<&Meta<'_>>, expected: &[&str]) -> bool {
    meta.is_some_and(|m| m.profile.iter().any(|p| expected.contains(&canonical(p.as_str()))))
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
