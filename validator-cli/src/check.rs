//! One input from bytes to a ready-to-print report: read, check UTF-8,
//! validate every exchange, cut snippets, mask personal data. Runs on a
//! worker thread; the source text does not outlive this function.

use fr_fhir_core::finding::{Finding, Message, Severity, Target};
use fr_fhir_core::json::Reader;

use crate::engine::{self, EngineOptions, Unit, Unusable};
use crate::input::source::{self, Text};
use crate::input::{Origin, Planned};
use crate::locate;
use crate::model::{Counts, InputError, InputKind, InputReport, Item, UnitReport};
use crate::redact::Redactor;

/// What every input is checked against.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Library options.
    pub engine: EngineOptions,
    /// Findings below are counted but not shown.
    pub min_severity: Option<Severity>,
    /// `--redact`.
    pub redact: bool,
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
        Err(offset) => {
            rep.error = Some(invalid_utf8(raw, offset));
            return rep;
        }
    };
    if text.bom {
        rep.notes.push(source::bom_note());
    }
    if text.src.trim().is_empty() {
        rep.error = Some(InputError::plain(
            "structure",
            Message::new(
                "fichier vide : un corps de réponse JSON est attendu",
                "empty file: a JSON response body is expected",
            ),
        ));
        return rep;
    }
    let kind = kind.unwrap_or_else(|| sniff(text.src));
    rep.kind = Some(kind);
    let result = match kind {
        InputKind::Body => {
            let redactor = s.redact.then(|| {
                let mut r = Redactor::default();
                r.learn_json(text.src);
                r
            });
            engine::body(text.src, &s.engine)
                .map(|u| rep.units.push(unit(u, text.src, redactor.as_ref(), s)))
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
                units.push(unit(u, text.src, redactor.as_ref(), s));
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

/// Standard input holds a HAR capture when its top-level object has `log`.
fn sniff(src: &str) -> InputKind {
    let mut r = Reader::new(src);
    let Ok(mut obj) = r.object() else { return InputKind::Body };
    while let Ok(Some((key, _))) = r.next_key(&mut obj) {
        match &*key {
            "log" => return InputKind::Har,
            "resourceType" => return InputKind::Body,
            _ => {
                if r.skip_value().is_err() {
                    break;
                }
            }
        }
    }
    InputKind::Body
}

fn invalid_utf8(raw: &[u8], offset: usize) -> InputError {
    let valid = raw.get(..offset).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
    let byte = raw.get(offset).copied().unwrap_or_default();
    InputError {
        message: Message::new(
            format!("texte non UTF-8 : octet 0x{byte:02X} invalide à l'offset {offset}"),
            format!("not UTF-8 text: invalid byte 0x{byte:02X} at byte offset {offset}"),
        ),
        position: Some(line_col(valid, valid.len())),
        offset: Some(offset as u64),
        code: "structure",
    }
}

fn unusable(e: Unusable, text: Text<'_>) -> InputError {
    let bom = if text.bom { 3 } else { 0 };
    let position = e.position.or_else(|| e.offset.map(|o| line_col(text.src, o)));
    InputError {
        message: e.message,
        position,
        offset: e.offset.map(|o| (o + bom) as u64),
        code: e.code,
    }
}

/// 1-based line and column (characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(src.len());
    let head = src.as_bytes().get(..offset).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', head).count() + 1;
    let start = memchr::memrchr(b'\n', head).map_or(0, |i| i + 1);
    let col = src.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(col).unwrap_or(u32::MAX))
}

/// Turns one validated exchange into its report; `loc` walks the file the
/// locations refer to.
fn unit(u: Unit, file: &str, redactor: Option<&Redactor>, s: &Settings) -> UnitReport {
    let mut counts = Counts::default();
    let mut hidden = 0;
    let min = s.min_severity.unwrap_or(Severity::Information);
    let mut shown: Vec<Finding> = Vec::new();
    for f in u.findings {
        counts.add(f.severity);
        if f.severity >= min {
            shown.push(f);
        } else {
            hidden += 1;
        }
    }
    let items = shown
        .into_iter()
        .map(|f| {
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
                cause: None,
            }
        })
        .collect();
    let url = match (redactor, u.url) {
        (Some(r), Some(url)) => Some(r.code(&url)),
        (_, url) => url,
    };
    UnitReport {
        index: u.index,
        method: u.method,
        url,
        status: u.status,
        resource_type: u.resource_type,
        use_case: u.use_case.as_str(),
        use_case_source: u.use_case_source,
        entries: u.entries,
        items,
        counts,
        hidden,
        dropped: u.dropped,
    }
}

fn unresolved_expression(t: &Target) -> String {
    match t {
        Target::Body { .. } => String::new(),
        Target::Request { param, .. } => format!("request.query.{param}"),
        Target::Exchange { part } => format!("exchange.{part}"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
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

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("", 0), (1, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }

    #[test]
    fn invalid_utf8_is_unusable_with_its_offset() {
        let r = planned(b"{\n\"a\": \"\xC3\x28\"}", "bad-utf8.json");
        let e = r.error.unwrap();
        assert_eq!(e.offset, Some(8));
        assert_eq!(e.position, Some((2, 7)));
        assert!(e.message.en.contains("byte offset 8"));
    }

    #[test]
    fn empty_and_non_json_files_are_unusable() {
        assert!(planned(b"  \n", "empty.json").error.unwrap().message.en.starts_with("empty file"));
        let e = planned(b"\xEF\xBB\xBFhello", "text.json").error.unwrap();
        assert!(e.message.en.contains("JSON"), "{e:?}");
        assert_eq!(e.offset, Some(3));
        assert_eq!(e.position, Some((1, 1)));
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
        assert_eq!(r.units[0].resource_type, "OperationOutcome");
    }

    #[test]
    fn stdin_kind_is_sniffed() {
        assert_eq!(sniff(r#"{"log":{"entries":[]}}"#), InputKind::Har);
        assert_eq!(sniff(r#"{"a":[1,{"log":1}],"resourceType":"Bundle"}"#), InputKind::Body);
        assert_eq!(sniff("not json"), InputKind::Body);
    }
}
