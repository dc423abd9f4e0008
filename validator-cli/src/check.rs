//! One input from bytes to a ready-to-print report: read, check UTF-8,
//! validate every exchange, cut snippets, mask personal data. Runs on a
//! worker thread; the source text does not outlive this function.

use fr_fhir_core::finding::{Finding, Message, Severity, Target};
use fr_fhir_core::json::LineIndex;

use crate::baseline::{Baseline, Budget};
use crate::engine::{self, EngineOptions, Unit, Unusable};
use crate::fingerprint::{fingerprint, scalar_at};
use crate::input::source::{self, Text};
use crate::input::{Origin, Planned};
use crate::locate;
use crate::model::{InputError, InputKind, InputReport, Item, UnitReport};
use crate::redact::Redactor;
use crate::select::Selection;

/// What every input is checked against.
///
/// ```
/// use fr_fhir_core::finding::Severity;
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-settings-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// // As `sas-validate check --min-severity error --redact body.json`.
/// let settings = Settings { min_severity: Some(Severity::Error), redact: true, ..Default::default() };
/// let report = check(&discover(&[body])[0], &settings);
/// assert!(report.error.is_none());
/// assert!(report.counts().error > 0);
/// assert!(report.units[0].items.iter().all(|i| i.severity >= Severity::Error));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Library options.
    pub engine: EngineOptions,
    /// Findings below are counted but not shown.
    pub min_severity: Option<Severity>,
    /// `--redact`.
    pub redact: bool,
    /// `--select` / `--ignore`: findings of other rules are dropped before
    /// they are counted (fatal ones never are).
    pub selection: Selection,
    /// `--baseline`: findings it lists are dropped before they are counted.
    pub baseline: Option<std::sync::Arc<Baseline>>,
    /// Information and warnings stored per exchange once the baseline has
    /// been applied (the libraries' cap is lifted so that every finding can
    /// be fingerprinted; this one bounds what is kept after). `None`: no cap
    /// here (the libraries apply theirs, or `--statistics` needs them all).
    pub stored_cap: Option<usize>,
}

/// Validates one planned input.
pub fn check(p: &Planned, s: &Settings) -> InputReport {
    let start = std::time::Instant::now();
    let mut rep = validate(p, s);
    rep.elapsed = start.elapsed();
    rep
}

fn validate(p: &Planned, s: &Settings) -> InputReport {
    let mut rep = InputReport {
        path: p.display.clone(),
        kind: None,
        size: p.size,
        notes: Vec::new(),
        units: Vec::new(),
        error: None,
        elapsed: std::time::Duration::ZERO,
    };
    let (origin, kind) = match &p.what {
        Ok(w) => w,
        Err(e) => {
            rep.error = Some(e.clone());
            return rep;
        }
    };
    let bytes = match origin {
        Origin::File(path) => source::read_file(path),
        Origin::Stdin => source::read_stdin(),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            rep.error = Some(e);
            return rep;
        }
    };
    let raw = bytes.as_slice();
    rep.size = raw.len() as u64;
    let text = match source::decode(raw) {
        Ok(t) => t,
        // A capture that is not text cannot be read at all; a response body
        // that is not UTF-8 is the vendor's defect (SPEC §10).
        Err(offset) if *kind == Some(InputKind::Har) => {
            rep.error = Some(invalid_utf8(raw, offset));
            return rep;
        }
        Err(offset) => {
            let valid = raw.get(..offset).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
            let u = engine::broken_body(raw, offset);
            let mut budget = Budget::new(s.baseline.as_deref());
            rep.kind = Some(InputKind::Body);
            let key = crate::fingerprint::input_key(&p.display);
            rep.units.push(unit(u, valid, None, s, &key, &mut budget));
            return rep;
        }
    };
    if text.bom {
        rep.notes.push(source::bom_note());
    }
    let kind = kind.unwrap_or_else(|| sniff(text.src));
    rep.kind = Some(kind);
    let mut budget = Budget::new(s.baseline.as_deref());
    let key = crate::fingerprint::input_key(&p.display);
    let path = key.as_str();
    let result = match kind {
        InputKind::Body => {
            let redactor = s.redact.then(|| {
                let mut r = Redactor::default();
                r.learn_json(text.src);
                r
            });
            let u = engine::body(text.src, &s.engine);
            rep.units.push(unit(u, text.src, redactor.as_ref(), s, path, &mut budget));
            Ok(())
        }
        InputKind::Har => {
            // The personal data of every body of the capture is masked in
            // every exchange: the same people appear in several responses.
            let redactor = s.redact.then(|| {
                let mut r = Redactor::default();
                engine::har_bodies(text.src, &mut |body| r.learn_json(body));
                r
            });
            let mut units = Vec::new();
            let r = engine::har(text.src, &s.engine, &mut |u| {
                units.push(unit(u, text.src, redactor.as_ref(), s, path, &mut budget));
            });
            rep.units = units;
            r.map(|_| ())
        }
    };
    if let Err(e) = result {
        rep.error = Some(unusable(e, text));
    }
    rep
}

/// Standard input holds a HAR capture when its top-level object has `log`
/// (the libraries' rule, so that both tell captures apart alike).
fn sniff(src: &str) -> InputKind {
    match int_ro1::capture::sniff(src) {
        int_ro1::capture::CaptureKind::Har => InputKind::Har,
        int_ro1::capture::CaptureKind::Body => InputKind::Body,
    }
}

fn invalid_utf8(raw: &[u8], offset: usize) -> InputError {
    let valid = raw.get(..offset).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
    let byte = raw.get(offset).copied().unwrap_or_default();
    InputError {
        message: Message::new(
            format!("texte non UTF-8 : octet 0x{byte:02X} invalide à l'offset {offset}"),
            format!("not UTF-8 text: invalid byte 0x{byte:02X} at byte offset {offset}"),
        ),
        position: Some(LineIndex::default().locate(valid, valid.len())),
        offset: Some(offset as u64),
        code: "structure",
    }
}

fn unusable(e: Unusable, text: Text<'_>) -> InputError {
    let bom = if text.bom { 3 } else { 0 };
    let position =
        e.position.or_else(|| e.offset.map(|o| LineIndex::default().locate(text.src, o)));
    InputError {
        message: e.message,
        position,
        offset: e.offset.map(|o| (o + bom) as u64),
        code: e.code,
    }
}

/// Turns one validated exchange into its report; `file` is the text the
/// locations refer to, `path` the input as given (for fingerprints).
fn unit(
    u: Unit,
    file: &str,
    redactor: Option<&Redactor>,
    s: &Settings,
    path: &str,
    budget: &mut Budget<'_>,
) -> UnitReport {
    // What the libraries did not keep (information and warnings beyond
    // their cap) still counts: the counts and the exit status are exact.
    let mut counts = u.dropped;
    // The libraries already left out the ignored rules' findings (before
    // their cap); the rest of the selection is applied here.
    let (mut hidden, mut ignored, mut baselined) = (0, u.ignored, 0);
    let (mut mild, mut dropped) = (0usize, u.dropped.total());
    let min = s.min_severity.unwrap_or(Severity::Information);
    let mut shown: Vec<(Finding, String)> = Vec::new();
    for f in u.findings {
        // A broken body is never filtered out: it hides every other defect.
        let fatal = f.severity == Severity::Fatal;
        if !fatal && !s.selection.keeps(f.rule) {
            ignored += 1;
            continue;
        }
        // Read the value now: the source text does not leave this thread.
        let value = match (&f.target, f.resolved.as_ref().and_then(|r| r.offset)) {
            (Target::Body { child: None, .. }, Some(o)) => {
                usize::try_from(o).ok().and_then(|o| scalar_at(file, o))
            }
            // A request finding quotes the value it is about (the bad
            // identifier...): another bad value is a new finding.
            (Target::Request { .. }, _) => Some(f.message.en.clone()),
            _ => None,
        };
        let expression = match &f.resolved {
            Some(r) => std::borrow::Cow::Borrowed(r.expression.as_str()),
            None => std::borrow::Cow::Owned(unresolved_expression(&f.target)),
        };
        let fp = fingerprint(f.rule.id, path, u.subject.index, &expression, value.as_deref());
        if !fatal && budget.take(&fp) {
            baselined += 1;
            continue;
        }
        counts.add(f.severity);
        if f.severity < Severity::Error && s.stored_cap.is_some_and(|cap| mild >= cap) {
            // Counted above; not stored (SPEC §10: never an error).
            dropped += 1;
            continue;
        }
        if f.severity < Severity::Error {
            mild += 1;
        }
        if f.severity >= min {
            shown.push((f, fp));
        } else {
            hidden += 1;
        }
    }
    let items = shown
        .into_iter()
        .map(|(f, fingerprint)| {
            // The libraries give the byte offset of each located finding.
            let off =
                f.resolved.as_ref().and_then(|r| r.offset).and_then(|o| usize::try_from(o).ok());
            let mut snippet = off.and_then(|o| locate::snippet(file, o));
            let mut message = f.message;
            if let Some(r) = redactor {
                message = Message::new(r.message(&message.fr), r.message(&message.en));
                if let Some(sn) = &mut snippet {
                    sn.text = r.code(&sn.text);
                }
            }
            let missing = matches!(f.target, Target::Body { child: Some(_), .. });
            let (expression, line, column) = match f.resolved {
                Some(r) => (r.expression, r.line, r.column),
                None => (unresolved_expression(&f.target), 0, 0),
            };
            let fhirpath = matches!(f.target, Target::Body { .. })
                && expression.starts_with(|c: char| c.is_ascii_uppercase());
            Item {
                rule: f.rule,
                severity: f.severity,
                fhirpath,
                expression,
                line,
                column,
                message,
                snippet,
                missing,
                source: f.source,
                // Redacted like the message: a cause names identifiers too.
                cause: f.cause.map(|c| match redactor {
                    Some(r) => Message::new(r.message(&c.message.fr), r.message(&c.message.en)),
                    None => c.message,
                }),
                fingerprint,
            }
        })
        .collect();
    let mut subject = u.subject;
    if let (Some(r), Some(url)) = (redactor, &subject.url) {
        subject.url = Some(r.code(url));
    }
    UnitReport { subject, items, counts, hidden, ignored, baselined, dropped }
}

fn unresolved_expression(t: &Target) -> String {
    match t {
        Target::Body { .. } => String::new(),
        Target::Request { param, .. } => format!("request.query.{param}"),
        Target::Exchange { part } => format!("exchange.{part}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(src: &[u8], name: &str) -> InputReport {
        let path =
            std::env::temp_dir().join(format!("sas-validate-check-{}-{name}", std::process::id()));
        std::fs::write(&path, src).unwrap();
        let p = Planned {
            display: name.into(),
            what: Ok((Origin::File(path.clone()), Some(InputKind::Body))),
            size: 0,
        };
        let r = check(&p, &Settings::default());
        let _ = std::fs::remove_file(path);
        r
    }

    /// The one fatal finding of a broken body.
    fn fatal(r: InputReport) -> Item {
        assert!(r.error.is_none(), "a broken body is not an unusable input: {:?}", r.error);
        assert_eq!(r.counts().fatal, 1);
        let mut items: Vec<Item> = r.units.into_iter().flat_map(|u| u.items).collect();
        assert_eq!(items.len(), 1, "{items:?}");
        let f = items.remove(0);
        assert_eq!((f.rule.id, f.severity), ("RO1-BODY-001", Severity::Fatal));
        f
    }

    #[test]
    fn invalid_utf8_body_is_a_fatal_finding_at_its_offset() {
        let r = planned(b"{\n\"a\": \"\xC3\x28\"}", "bad-utf8.json");
        let f = fatal(r);
        assert_eq!((f.line, f.column), (2, 7));
        assert!(f.message.en.contains("byte offset 8"));
    }

    #[test]
    fn empty_and_non_json_bodies_are_fatal_findings() {
        assert!(fatal(planned(b"  \n", "empty.json")).message.en.contains("empty response body"));
        let f = fatal(planned(b"\xEF\xBB\xBFhello", "text.json"));
        assert!(f.message.en.contains("JSON"), "{f:?}");
        assert_eq!((f.line, f.column), (1, 1));
        let f = fatal(planned(b"<html><body>502</body></html>", "proxy.json"));
        assert!(f.message.en.contains("HTML"));
        let f = fatal(planned(b"[1, 2]", "array.json"));
        assert!(f.message.en.contains("JSON array"), "{f:?}");
        let f = fatal(planned(b"{\"resourceType\": \"Bundel\"}", "typo.json"));
        assert!(f.message.en.contains("`Bundel`"), "{f:?}");
        let f = fatal(planned(b"{\"type\": \"searchset\"}", "no-type.json"));
        assert!(f.message.en.contains("without `resourceType`"), "{f:?}");
        let f = fatal(planned(b"{\"resourceType\": \"Bundle\", \"type\": \"searchs", "cut.json"));
        assert!(f.message.en.contains("not valid JSON"), "{f:?}");
        assert_eq!(f.line, 1);
    }

    #[test]
    fn bom_is_noted_and_the_body_validated() {
        let r = planned(
            b"\xEF\xBB\xBF{\"resourceType\":\"OperationOutcome\",\"issue\":[]}",
            "bom.json",
        );
        assert!(r.error.is_none(), "{:?}", r.error);
        assert_eq!(r.notes.len(), 1);
        assert_eq!(r.units.len(), 1);
        assert_eq!(r.units[0].subject.resource_type, "OperationOutcome");
    }

    #[test]
    fn stdin_kind_is_sniffed() {
        assert_eq!(sniff(r#"{"log":{"entries":[]}}"#), InputKind::Har);
        assert_eq!(sniff(r#"{"a":[1,{"log":1}],"resourceType":"Bundle"}"#), InputKind::Body);
        assert_eq!(sniff("not json"), InputKind::Body);
    }
}
