//! Invariants of the R4 datatypes and of every element (ele-1, ext-1),
//! decided from the object's direct children.

use super::moment::{Moment, Order};
use super::view::{fails, holds_if};
use super::{ObjectView, Verdict};

/// `%ucum`.
const UCUM: &str = "http://unitsofmeasure.org";

/// ele-1 `hasValue() or (children().count() > id.count())`, on an object:
/// some child other than `id`.
pub(super) fn ele_1(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(v.children.iter().any(|c| c.count > 0 && c.name != "id"), || {
        fails(
            v.span,
            "L'élément n'a ni valeur ni enfant (au plus un id) ; attendu : une valeur ou au moins un enfant (ele-1)".into(),
            "The element has neither a value nor children (an id at most); expected a value or at least one child (ele-1)".into(),
        )
    })
}

/// ext-1 `extension.exists() != value.exists()`, on an Extension.
pub(super) fn ext_1(v: &ObjectView<'_, '_>) -> Verdict {
    let url = v.text("url").unwrap_or("?");
    match (v.exists("extension"), v.value_x()) {
        (true, Some(value)) => fails(
            value.span,
            format!(
                "L'extension {url} a à la fois des extensions et {} ; attendu : l'un ou l'autre, pas les deux (ext-1)",
                value.name
            ),
            format!(
                "Extension {url} has both nested extensions and {}; expected one or the other, not both (ext-1)",
                value.name
            ),
        ),
        (false, None) => fails(
            v.span,
            format!(
                "L'extension {url} n'a ni extension ni value[x] ; attendu : l'un des deux (ext-1)"
            ),
            format!(
                "Extension {url} has neither nested extensions nor a value[x]; expected one of them (ext-1)"
            ),
        ),
        _ => Verdict::Holds,
    }
}

/// per-1 `start.hasValue().not() or end.hasValue().not() or (start <= end)`.
/// A comparison the precisions or zones leave open holds.
pub(super) fn per_1(v: &ObjectView<'_, '_>) -> Verdict {
    let (Some(start), Some(end)) = (v.text("start"), v.text("end")) else {
        return Verdict::Holds;
    };
    let (Some(a), Some(b)) = (Moment::parse(start), Moment::parse(end)) else {
        return Verdict::Holds;
    };
    holds_if(a.order(&b) != Order::After, || {
        fails(
            v.span_of("end"),
            format!("Period.start {start} est après end {end} (per-1 : start <= end)"),
            format!("Period.start {start} is after end {end} (per-1: start <= end)"),
        )
    })
}

/// cpt-2 `value.empty() or system.exists()`, on a ContactPoint.
pub(super) fn cpt_2(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(!v.exists("value") || v.exists("system"), || {
        let value = v.text("value").unwrap_or("");
        fails(
            v.span_of("value"),
            format!(
                "ContactPoint.value {value} sans system ; attendu : un system (phone, email...) quand value est présent (cpt-2)"
            ),
            format!(
                "ContactPoint.value {value} has no system; expected a system (phone, email...) when a value is given (cpt-2)"
            ),
        )
    })
}

/// ref-1, the part one Reference decides: a reference that is not local
/// (`#...`) holds; a local one is judged with the resource's contained ids
/// ([`super::contained::ref_1`]), so it holds here too.
pub(super) fn ref_1(_: &ObjectView<'_, '_>) -> Verdict {
    Verdict::Holds
}

/// att-1 `data.empty() or contentType.exists()`, on an Attachment.
pub(super) fn att_1(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(!v.exists("data") || v.exists("contentType"), || {
        fails(
            v.span_of("data"),
            "Attachment.data sans contentType ; attendu : contentType quand data est présent (att-1)".into(),
            "Attachment.data without contentType; expected a contentType when data is given (att-1)".into(),
        )
    })
}

/// qty-3 `code.empty() or system.exists()`, on a Quantity (and its profiles).
pub(super) fn qty_3(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(!v.exists("code") || v.exists("system"), || {
        let code = v.text("code").unwrap_or("");
        fails(
            v.span_of("code"),
            format!(
                "Quantity.code {code} sans system ; attendu : un system quand code est présent (qty-3)"
            ),
            format!(
                "Quantity.code {code} has no system; expected a system when a code is given (qty-3)"
            ),
        )
    })
}

/// sqty-1 `comparator.empty()`, on a SimpleQuantity.
pub(super) fn sqty_1(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(!v.exists("comparator"), || {
        let c = v.text("comparator").unwrap_or("");
        fails(
            v.span_of("comparator"),
            format!("SimpleQuantity.comparator {c} présent ; attendu : pas de comparator (sqty-1)"),
            format!("SimpleQuantity.comparator {c} is present; expected no comparator (sqty-1)"),
        )
    })
}

/// `code.exists() or value.empty()` of age-1, cnt-3, dis-1, mqty-1.
fn code_if_value(v: &ObjectView<'_, '_>, ty: &str, key: &str) -> Verdict {
    holds_if(v.exists("code") || !v.exists("value"), || {
        let value = v.text("value").unwrap_or("");
        fails(
            v.span_of("value"),
            format!(
                "{ty}.value {value} sans code ; attendu : un code d'unité quand value est présent ({key})"
            ),
            format!(
                "{ty}.value {value} has no code; expected a unit code when a value is given ({key})"
            ),
        )
    })
}

/// `system.empty() or system = <expected>` of age-1, cnt-3, dis-1, drt-1, mqty-1.
/// A `system` written only as `_system` has no value to compare: it fails
/// (FHIRPath's empty result is not true).
fn system_is(v: &ObjectView<'_, '_>, ty: &str, key: &str, expected: &str) -> Verdict {
    if !v.exists("system") {
        return Verdict::Holds;
    }
    let found = v.text("system");
    holds_if(found == Some(expected), || {
        let found = found.unwrap_or("(sans valeur / no value)");
        fails(
            v.span_of("system"),
            format!("{ty}.system {found} ; attendu : {expected} ({key})"),
            format!("{ty}.system is {found}; expected {expected} ({key})"),
        )
    })
}

/// The first failure of `checks`, else holds.
fn all(checks: impl IntoIterator<Item = Verdict>) -> Verdict {
    checks.into_iter().find(|c| *c != Verdict::Holds).unwrap_or(Verdict::Holds)
}

/// age-1 `(code.exists() or value.empty()) and (system.empty() or system =
/// %ucum) and (value.empty() or value.hasValue().not() or value > 0)`.
pub(super) fn age_1(v: &ObjectView<'_, '_>) -> Verdict {
    let positive = || {
        let Some(value) = v.text("value") else { return Verdict::Holds };
        holds_if(sign(value) != Some(Sign::Negative) && sign(value) != Some(Sign::Zero), || {
            fails(
                v.span_of("value"),
                format!("Age.value {value} ; attendu : une valeur > 0 (age-1)"),
                format!("Age.value is {value}; expected a value > 0 (age-1)"),
            )
        })
    };
    all([code_if_value(v, "Age", "age-1"), system_is(v, "Age", "age-1", UCUM), positive()])
}

/// cnt-3 `(code.exists() or value.empty()) and (system.empty() or system =
/// %ucum) and (code.empty() or code = '1') and (value.empty() or
/// value.hasValue().not() or value.toString().contains('.').not())`.
pub(super) fn cnt_3(v: &ObjectView<'_, '_>) -> Verdict {
    let code_one = || {
        if !v.exists("code") {
            return Verdict::Holds;
        }
        let code = v.text("code");
        holds_if(code == Some("1"), || {
            let code = code.unwrap_or("(sans valeur / no value)");
            fails(
                v.span_of("code"),
                format!("Count.code {code} ; attendu : 1 (cnt-3)"),
                format!("Count.code is {code}; expected 1 (cnt-3)"),
            )
        })
    };
    let whole = || {
        let Some(value) = v.text("value") else { return Verdict::Holds };
        holds_if(!value.contains('.'), || {
            fails(
                v.span_of("value"),
                format!(
                    "Count.value {value} ; attendu : un nombre entier, sans point décimal (cnt-3)"
                ),
                format!(
                    "Count.value is {value}; expected a whole number, with no decimal point (cnt-3)"
                ),
            )
        })
    };
    all([
        code_if_value(v, "Count", "cnt-3"),
        system_is(v, "Count", "cnt-3", UCUM),
        code_one(),
        whole(),
    ])
}

/// dis-1 `(code.exists() or value.empty()) and (system.empty() or system = %ucum)`.
pub(super) fn dis_1(v: &ObjectView<'_, '_>) -> Verdict {
    all([code_if_value(v, "Distance", "dis-1"), system_is(v, "Distance", "dis-1", UCUM)])
}

/// mqty-1 `(code.exists() or value.empty()) and (system.empty() or system =
/// 'urn:iso:std:iso:4217')`.
pub(super) fn mqty_1(v: &ObjectView<'_, '_>) -> Verdict {
    all([
        code_if_value(v, "MoneyQuantity", "mqty-1"),
        system_is(v, "MoneyQuantity", "mqty-1", "urn:iso:std:iso:4217"),
    ])
}

/// drt-1 `code.exists() implies ((system = %ucum) and value.exists())`: a
/// code without system fails (the comparison is empty, not true).
pub(super) fn drt_1(v: &ObjectView<'_, '_>) -> Verdict {
    if !v.exists("code") {
        return Verdict::Holds;
    }
    let system = v.text("system");
    if system != Some(UCUM) {
        let found = system.unwrap_or("(absent)");
        return fails(
            v.span_of("system"),
            format!("Duration.code présent avec system {found} ; attendu : system {UCUM} (drt-1)"),
            format!("Duration.code is given with system {found}; expected system {UCUM} (drt-1)"),
        );
    }
    holds_if(v.exists("value"), || {
        fails(
            v.span_of("code"),
            "Duration.code présent sans value ; attendu : une value quand code est présent (drt-1)"
                .into(),
            "Duration.code is given without a value; expected a value when a code is given (drt-1)"
                .into(),
        )
    })
}

/// `<a>.empty() or <b>.exists()`: `a` needs `b` (tim-1, tim-2, tim-6,
/// tim-7, tim-8, trd-2).
pub(super) fn needs(v: &ObjectView<'_, '_>, ty: &str, key: &str, a: &str, b: &str) -> Verdict {
    holds_if(!v.exists(a) || v.exists(b), || {
        fails(
            v.span_of(a),
            format!("{ty}.{a} présent sans {b} ; attendu : {b} quand {a} est présent ({key})"),
            format!("{ty}.{a} is given without {b}; expected {b} when {a} is given ({key})"),
        )
    })
}

/// `<a>.empty() or <b>.empty()`: not both (tim-10, trd-1).
pub(super) fn not_both(v: &ObjectView<'_, '_>, ty: &str, key: &str, a: &str, b: &str) -> Verdict {
    holds_if(!(v.exists(a) && v.exists(b)), || {
        fails(
            v.span_of(b),
            format!(
                "{ty}.{a} et {ty}.{b} sont tous deux présents ; attendu : l'un ou l'autre, pas les deux ({key})"
            ),
            format!(
                "{ty}.{a} and {ty}.{b} are both given; expected one or the other, not both ({key})"
            ),
        )
    })
}

/// `<a>.exists() xor <b>.exists()` (drq-1, drq-2).
pub(super) fn exactly_one(
    v: &ObjectView<'_, '_>,
    ty: &str,
    key: &str,
    a: &str,
    b: &str,
) -> Verdict {
    match (v.exists(a), v.exists(b)) {
        (true, true) => fails(
            v.span_of(b),
            format!("{ty} a à la fois {a} et {b} ; attendu : l'un des deux seulement ({key})"),
            format!("{ty} has both {a} and {b}; expected exactly one of them ({key})"),
        ),
        (false, false) => fails(
            v.span,
            format!("{ty} n'a ni {a} ni {b} ; attendu : l'un des deux ({key})"),
            format!("{ty} has neither {a} nor {b}; expected exactly one of them ({key})"),
        ),
        _ => Verdict::Holds,
    }
}

/// `<a>.exists() or <b>.exists()` (app-1, exp-1).
pub(super) fn one_of(v: &ObjectView<'_, '_>, ty: &str, key: &str, names: &[&str]) -> Verdict {
    holds_if(names.iter().any(|n| v.exists(n)), || {
        let list = names.join(", ");
        fails(
            v.span,
            format!("{ty} n'a aucun de {list} ; attendu : au moins l'un d'eux ({key})"),
            format!("{ty} has none of {list}; expected at least one of them ({key})"),
        )
    })
}

/// `<name>.exists() implies <name> >= 0` (tim-4, tim-5).
pub(super) fn non_negative(v: &ObjectView<'_, '_>, key: &str, name: &str) -> Verdict {
    let Some(value) = v.text(name) else { return Verdict::Holds };
    holds_if(sign(value) != Some(Sign::Negative), || {
        fails(
            v.span_of(name),
            format!("Timing.repeat.{name} {value} ; attendu : une valeur >= 0 ({key})"),
            format!("Timing.repeat.{name} is {value}; expected a value >= 0 ({key})"),
        )
    })
}

/// tim-9 `offset.empty() or (when.exists() and when.select($this in ('C' |
/// 'CM' | 'CD' | 'CV')).allFalse())`. The codes of `when` (an array) are
/// not in the view: decided only when `offset` is absent or `when` too.
pub(super) fn tim_9(v: &ObjectView<'_, '_>) -> Option<Verdict> {
    if !v.exists("offset") {
        return Some(Verdict::Holds);
    }
    if v.exists("when") {
        return None;
    }
    Some(fails(
        v.span_of("offset"),
        "Timing.repeat.offset présent sans when ; attendu : un when (autre que C, CM, CD, CV) quand offset est présent (tim-9)".into(),
        "Timing.repeat.offset is given without when; expected a when (other than C, CM, CD, CV) when offset is given (tim-9)".into(),
    ))
}

/// rat-1 `(numerator.empty() xor denominator.exists()) and
/// (numerator.exists() or extension.exists())`.
pub(super) fn rat_1(v: &ObjectView<'_, '_>) -> Verdict {
    match (v.exists("numerator"), v.exists("denominator")) {
        (true, false) | (false, true) => fails(
            v.span,
            "Ratio n'a que l'un de numerator et denominator ; attendu : les deux ou aucun (rat-1)".into(),
            "Ratio has only one of numerator and denominator; expected both or neither (rat-1)".into(),
        ),
        (false, false) if !v.exists("extension") => fails(
            v.span,
            "Ratio n'a ni numerator, ni denominator, ni extension ; attendu : numerator et denominator, ou une extension (rat-1)".into(),
            "Ratio has no numerator, no denominator and no extension; expected numerator and denominator, or an extension (rat-1)".into(),
        ),
        _ => Verdict::Holds,
    }
}

/// trd-3 `(type = 'named-event' implies name.exists()) and (type =
/// 'periodic' implies timing.exists()) and (type.startsWith('data-')
/// implies data.exists())`.
pub(super) fn trd_3(v: &ObjectView<'_, '_>) -> Verdict {
    let Some(ty) = v.text("type") else { return Verdict::Holds };
    let needed = match ty {
        "named-event" => "name",
        "periodic" => "timing",
        t if t.starts_with("data-") => "data",
        _ => return Verdict::Holds,
    };
    holds_if(v.exists(needed), || {
        fails(
            v.span_of("type"),
            format!(
                "TriggerDefinition.type {ty} sans {needed} ; attendu : {needed} pour ce type (trd-3)"
            ),
            format!(
                "TriggerDefinition.type is {ty} without {needed}; expected {needed} for this type (trd-3)"
            ),
        )
    })
}

/// txt-2 "some non-whitespace content" of `Narrative.div`, on the Narrative
/// (the div is a string, so its parent carries the view): text outside the
/// tags, or an image.
pub(super) fn txt_2(v: &ObjectView<'_, '_>) -> Verdict {
    let Some(div) = v.text("div") else { return Verdict::Holds };
    holds_if(has_content(div), || {
        fails(
            v.span_of("div"),
            "Narrative.div n'a aucun contenu autre que des balises et des blancs ; attendu : du texte (txt-2)".into(),
            "Narrative.div has no content besides tags and whitespace; expected some text (txt-2)".into(),
        )
    })
}

/// Text outside `<...>` that is not whitespace, or an `<img`.
fn has_content(xhtml: &str) -> bool {
    let mut in_tag = false;
    let mut rest = xhtml;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                if rest.get(..4).is_some_and(|t| t.eq_ignore_ascii_case("<img")) {
                    return true;
                }
                in_tag = true;
            }
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => return true,
            _ => {}
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    false
}

/// The sign of a JSON number token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Negative,
    Zero,
    Positive,
}

/// The sign of a number token (`-0.0e3` is zero); `None` when it is not one.
fn sign(token: &str) -> Option<Sign> {
    let (negative, body) = match token.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, token),
    };
    let mantissa = body.split(['e', 'E']).next().unwrap_or_default();
    if mantissa.is_empty() || !mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    Some(match (mantissa.bytes().any(|b| matches!(b, b'1'..=b'9')), negative) {
        (false, _) => Sign::Zero,
        (true, true) => Sign::Negative,
        (true, false) => Sign::Positive,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
    use super::*;

    #[test]
    fn signs_of_number_tokens() {
        for (t, s) in [
            ("0", Some(Sign::Zero)),
            ("-0.000", Some(Sign::Zero)),
            ("-0e5", Some(Sign::Zero)),
            ("-1e-999", Some(Sign::Negative)),
            ("0.01", Some(Sign::Positive)),
            ("12", Some(Sign::Positive)),
            ("abc", None),
            ("", None),
            ("-", None),
        ] {
            assert_eq!(sign(t), s, "{t}");
        }
    }

    #[test]
    fn narrative_content() {
        assert!(has_content("<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"));
        assert!(has_content("<div><IMG src=\"a.png\"/></div>"));
        assert!(!has_content("<div xmlns=\"http://www.w3.org/1999/xhtml\">  \n<p> </p></div>"));
        assert!(!has_content(""));
        assert!(has_content("<div>é</div>"));
    }
}
