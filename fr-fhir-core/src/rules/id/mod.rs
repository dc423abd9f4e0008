//! RO1-ID-*: French national identifiers.

use crate::finding::RuleMeta;
use crate::finding::Severity;
use crate::ids::{IDNPS, IDNST, OID_IDNPS, OID_IDNST};
use crate::json::Span;
use crate::model::{CodeableConcept, Identifier};
use crate::rules::{Emitter, Scope, quote};

pub mod ro1_id_001;
pub mod ro1_id_002;
pub mod ro1_id_003;
pub mod ro1_id_004;
pub mod ro1_id_005;
pub mod ro1_id_006;
pub mod ro1_id_007;
pub mod ro1_id_008;
pub mod ro1_id_009;
pub mod ro1_id_010;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_id_001::RULE,
    &ro1_id_002::RULE,
    &ro1_id_003::RULE,
    &ro1_id_004::RULE,
    &ro1_id_005::RULE,
    &ro1_id_006::RULE,
    &ro1_id_007::RULE,
    &ro1_id_008::RULE,
    &ro1_id_009::RULE,
    &ro1_id_010::RULE,
];

/// The national kinds whose values have a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A person: `8` + RPPS, `0` + ADELI.
    Idnps,
    /// A structure: `1` + FINESS, `3` + SIRET, `4` + RPPS-rang, `0` + ADELI-rang.
    Idnst,
}

/// Which national identifier `id` holds, decided by `system` (the national
/// OIDs, also written without `urn:oid:`), or by the type code when `system`
/// is absent. A value under another system is not a national identifier here:
/// the resource rules report the system.
pub(crate) fn national_kind(id: &Identifier<'_>) -> Option<Kind> {
    match id.system.as_ref().map(|s| strip_urn(s.as_str())) {
        Some(s) if s == strip_urn(OID_IDNPS) => Some(Kind::Idnps),
        Some(s) if s == strip_urn(OID_IDNST) => Some(Kind::Idnst),
        Some(_) => None,
        None => type_codes(id.type_.as_ref()).find_map(|c| match c {
            IDNPS => Some(Kind::Idnps),
            IDNST => Some(Kind::Idnst),
            _ => None,
        }),
    }
}

fn strip_urn(s: &str) -> &str {
    s.strip_prefix("urn:oid:").unwrap_or(s)
}

fn type_codes<'t>(ty: Option<&'t CodeableConcept<'_>>) -> impl Iterator<Item = &'t str> {
    ty.into_iter().flat_map(|t| t.coding.iter()).filter_map(|c| c.code.as_ref().map(|c| c.as_str()))
}

/// Reports a malformed value or a wrong key for `rule` (RO1-ID-002..009
/// share this message), at `sev` or the rule's severity.
pub(super) fn form_error(
    em: &mut Emitter<'_>,
    rule: &'static RuleMeta,
    sev: Option<Severity>,
    span: Span,
    v: &str,
    e: crate::ids::IdError,
) {
    let m = e.message();
    let sev = sev.unwrap_or(rule.severity);
    em.at_sev(
        Scope::ALL,
        rule,
        sev,
        span,
        format!("identifiant {} : {}", quote(v), m.fr),
        format!("identifier {}: {}", quote(v), m.en),
    );
}

/// Which part of a prefixed national value a RO1-ID rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// The form: reported at the rule's severity.
    Form,
    /// The check digit: a warning, an error under `--strict`.
    Key,
}

/// Reports `rule` on a value `v` that starts with `prefix` when `check`
/// finds a fault: RO1-ID-002..008 differ only in prefix, registry and part.
pub(super) fn check_prefixed(
    em: &mut Emitter<'_>,
    rule: &'static RuleMeta,
    prefix: char,
    part: Part,
    (v, span): (&str, Span),
    check: impl FnOnce(&str) -> Result<(), crate::ids::IdError>,
) {
    if !v.starts_with(prefix) {
        return;
    }
    if let Err(e) = check(v) {
        let sev = match part {
            Part::Form => None,
            Part::Key => Some(em.check_digit_severity()),
        };
        form_error(em, rule, sev, span, v, e);
    }
}

#[cfg(test)]
mod tests;
