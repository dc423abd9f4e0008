//! RO1-SLOT-*: Slot.

use crate::finding::RuleMeta;
use crate::json::Span;
use crate::model::{Code, Coding, Instant};
use crate::primitives::{SasInstantError, Scanned, sas_form, scan_instant};
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, EntryCx, Scope, quote};

pub mod ro1_slot_001;
pub mod ro1_slot_002;
pub mod ro1_slot_003;
pub mod ro1_slot_004;
pub mod ro1_slot_005;
pub mod ro1_slot_006;
pub mod ro1_slot_007;
pub mod ro1_slot_008;
pub mod ro1_slot_009;
pub mod ro1_slot_010;
pub mod ro1_slot_011;
pub mod ro1_slot_012;
pub mod ro1_slot_013;
pub mod ro1_slot_014;
pub mod ro1_slot_015;
pub mod ro1_slot_016;
pub mod ro1_slot_017;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_slot_001::RULE,
    &ro1_slot_002::RULE,
    &ro1_slot_003::RULE,
    &ro1_slot_004::RULE,
    &ro1_slot_005::RULE,
    &ro1_slot_006::RULE,
    &ro1_slot_007::RULE,
    &ro1_slot_008::RULE,
    &ro1_slot_009::RULE,
    &ro1_slot_010::RULE,
    &ro1_slot_011::RULE,
    &ro1_slot_012::RULE,
    &ro1_slot_013::RULE,
    &ro1_slot_014::RULE,
    &ro1_slot_015::RULE,
    &ro1_slot_016::RULE,
    &ro1_slot_017::RULE,
];

/// A valid instant of a Slot, read once by RO1-SLOT-003/004: its fields
/// are what RO1-SLOT-005/017 compare, so nothing is parsed again.
#[derive(Clone, Copy)]
pub(crate) struct Checked<'v, 'a> {
    /// The instant as written.
    pub(crate) value: &'v Instant<'a>,
    /// Its fields as scanned (offset included).
    pub(crate) at: Scanned,
}

/// Checks one of start/end: present (RO1-SLOT-002), a FHIR instant
/// (RO1-SLOT-003), in the SAS form (RO1-SLOT-004). One reading of the value
/// decides which of the three reports, so an invalid instant is reported
/// once. Returns it when it is a valid FHIR instant, with its scanned
/// fields for RO1-SLOT-005/017.
pub(crate) fn check_instant<'v, 'a>(
    v: Option<&'v Instant<'a>>,
    name: &'static str,
    slot: Span,
    e: &EntryCx<'_, '_>,
    em: &mut Emitter<'_>,
) -> Option<Checked<'v, 'a>> {
    let Some(v) = v else {
        ro1_slot_002::report_missing(name, slot, e, em);
        return None;
    };
    let at = match scan_instant(v.as_str()) {
        Ok(at) => at,
        Err(err) => {
            report_instant(&ro1_slot_003::RULE, v, name, &SasInstantError::NotInstant(err), em);
            return None;
        }
    };
    if let Err(err) = sas_form(&at) {
        report_instant(&ro1_slot_004::RULE, v, name, &err, em);
    }
    Some(Checked { value: v, at })
}

/// Reports Slot.`name` under `rule`: not a FHIR instant (RO1-SLOT-003) or
/// outside the SAS form (RO1-SLOT-004), in the words of `err`.
fn report_instant(
    rule: &'static RuleMeta,
    v: &Instant<'_>,
    name: &str,
    err: &SasInstantError,
    em: &mut Emitter<'_>,
) {
    let m = err.message_with_value(v.as_str());
    em.at(
        Scope::ALL,
        rule,
        v.span,
        format!("Slot.{name} : {}", m.fr),
        format!("Slot.{name}: {}", m.en),
    );
}

/// RO1-SLOT-008 / 009: the code of a v3-ActCode serviceType coding when it is
/// not one the SAS uses (AMB, HH, VR), with its quoted text; a missing code
/// is reported here under `rule`. `None` as well when `scope` is ruled out:
/// the caller reports in `scope` and nothing is formatted for nothing.
pub(crate) fn off_list_act_code<'c, 'a>(
    scope: Scope,
    rule: &'static RuleMeta,
    c: &'c Coding<'a>,
    em: &mut Emitter<'_>,
) -> Option<(&'c Code<'a>, String)> {
    let Some(code) = &c.code else {
        em.missing(
            scope,
            rule,
            c.span,
            "code",
            "type de consultation v3-ActCode sans code : attendu AMB, HH ou VR".into(),
            "v3-ActCode consultation type without a code: expected AMB, HH or VR".into(),
        );
        return None;
    };
    let k = code.as_str();
    if term::is_sas_consultation_code(k) || !em.wants(scope) {
        return None;
    }
    Some((code, quote(k)))
}

/// RO1-SLOT-009 / 011: a serviceType coding in another system than
/// v3-ActCode, reported on its system with why (`fr`, `en`) it may not be.
pub(crate) fn coded_elsewhere(
    scope: Scope,
    rule: &'static RuleMeta,
    c: &Coding<'_>,
    (fr, en): (&str, &str),
    em: &mut Emitter<'_>,
) {
    if !em.wants(scope) {
        return;
    }
    let sys = c.system.as_ref();
    let shown = sys.map_or_else(|| "(sans système)".to_string(), |s| quote(s.as_str()));
    let shown_en = sys.map_or_else(|| "(no system)".to_string(), |s| quote(s.as_str()));
    em.at(
        scope,
        rule,
        sys.map_or(c.span, |s| s.span),
        format!("serviceType codé dans {shown} : {fr}"),
        format!("serviceType coded in {shown_en}: {en}"),
    );
}

/// Shared by the tests of the Slot rules: the valid examples and paths into
/// their first Slot.
#[cfg(test)]
pub(crate) mod testing {
    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{of_rule, patch};
    use serde_json::{Value as Json, json};

    pub(crate) use crate::rules::testutil::PS;

    /// The first Slot of the examples, as a JSON pointer.
    pub(crate) const S0: &str = "/entry/0/resource";
    /// The first Slot of the examples, as a FHIRPath.
    pub(crate) const E0: &str = "Bundle.entry[0].resource";
    /// A vendor's code system for visit reasons.
    pub(crate) const OTHER_SYSTEM: &str = "https://editeur.example/motifs";
    /// Shorthand severity.
    pub(crate) const ERR: Severity = Severity::Error;
    /// Shorthand severity.
    pub(crate) const WARN: Severity = Severity::Warning;

    /// One finding at `path` in the first Slot.
    pub(crate) fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E0}.{path}"), sev)]
    }

    /// `src` with `path` of the first Slot set (or removed).
    pub(crate) fn p(src: &str, path: &str, v: Option<Json>) -> String {
        patch(src, &format!("{S0}/{path}"), v)
    }

    /// A coding as JSON.
    pub(crate) fn coding(system: &str, code: &str) -> Json {
        json!({"system": system, "code": code})
    }

    /// Findings of `rule` on the first Slot only (the other slots of the PS
    /// example use PRO, which SOS forbids).
    pub(crate) fn of_slot0(src: &str, uc: Option<UseCase>, rule: &str) -> Vec<(String, Severity)> {
        of_rule(src, uc, rule).into_iter().filter(|f| f.0.starts_with(E0)).collect()
    }
}

#[cfg(test)]
mod tests;
