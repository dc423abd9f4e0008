//! The properties the fuzz targets check, one function per target.
//!
//! Each function takes the raw bytes libFuzzer hands over and panics (an
//! `assert!`) only when a property of the library is broken; any input is
//! otherwise accepted. The same file is compiled into
//! `tests/tests/hostile.rs`, which runs every function on a few thousand
//! generated inputs, so a broken property shows in `cargo test` too.

use fr_fhir_core::finding::{Finding, Resolved, Severity, Target};
use fr_fhir_core::ids::{
    Adeli, AdeliRang, CheckedId, Finess, IdError, Idnps, Idnst, Rpps, RppsRang, Siren, Siret,
};
use fr_fhir_core::json::Span;
use fr_fhir_core::json::{JsonError, Reader};
use fr_fhir_core::model::de::{read_value, spans_of};
use fr_fhir_core::model::{Cx, Note, Resource, parse_resource};
use fr_fhir_core::rules::{Options, validate};
use int_ro1::exchange::ExchangeOptions;
use int_ro1::har::{for_each_exchange, validate_har};
use int_ro1::request::SearchRequest;
use int_ro1::request::query::ParsedQuery;

/// Line/column of a finding point inside `src`: line 1..=lines, column
/// 1..=characters of that line + 1 (the position just after its last character).
pub fn assert_within(src: &str, r: &Resolved, what: &str) {
    assert!(r.line >= 1 && r.column >= 1, "{what}: {}:{} not 1-based", r.line, r.column);
    let line = src.split('\n').nth(r.line as usize - 1);
    let Some(line) = line else {
        panic!("{what}: line {} beyond the {} lines of the text", r.line, src.split('\n').count())
    };
    let chars = line.chars().count();
    assert!(
        r.column as usize <= chars + 1,
        "{what}: column {} beyond the {chars} characters of line {}",
        r.column,
        r.line
    );
}

fn span_within(span: Span, len: usize) -> bool {
    span.start <= span.end && span.end as usize <= len
}

fn check_body_finding(src: &str, f: &Finding) {
    let Some(r) = &f.resolved else { panic!("{}: finding without a location", f.rule.id) };
    assert_within(src, r, f.rule.id);
    if let Target::Body { span, .. } = &f.target {
        assert!(span_within(*span, src.len()), "{}: span {span:?} outside the body", f.rule.id);
    }
}

/// `validate`: never panics; every finding is located inside the text; a
/// syntax error points inside the text; the findings cap holds.
pub fn validate_bytes(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let whole = validate(src, &Options::default());
    match &whole {
        Ok(report) => {
            for f in &report.findings {
                check_body_finding(src, f);
            }
        }
        Err(e) => assert!(e.offset <= src.len(), "error offset {} past the end", e.offset),
    }
    #[cfg(fuzzing)]
    same_in_two_parts(src, &whole);
    // A tiny cap must bound the information and warnings kept, whatever the
    // input, keep every error, and leave the counts exact.
    let small = Options { max_findings: 3, ..Options::default() };
    let all = Options { max_findings: usize::MAX, ..Options::default() };
    if let (Ok(report), Ok(full)) = (validate(src, &small), validate(src, &all)) {
        let mild = report.findings.iter().filter(|f| f.severity < Severity::Error).count();
        // The cap counts per use case (PS, CPTS, SOS), up to three times the cap can survive.
        assert!(mild <= 3 * 3, "cap 3 kept {mild}");
        let severe = |r: &fr_fhir_core::rules::Report| {
            r.findings.iter().filter(|f| f.severity >= Severity::Error).count()
        };
        assert_eq!(severe(&report), severe(&full), "an error was dropped by the cap");
        let kept = report.findings.len() as u64 + report.dropped.total();
        assert_eq!(kept, full.findings.len() as u64, "counts differ with and without a cap");
    }
}

/// A Bundle's entries read in two parts (the second on another thread, from
/// a `{` the first byte of the input picks: an entry's start or not) report
/// exactly what one thread reports (`engine::split`), broken JSON included;
/// checked on one input in four that has an `"entry"` key (the second
/// thread is started for each: three times slower).
#[cfg(fuzzing)]
fn same_in_two_parts(
    src: &str,
    whole: &Result<fr_fhir_core::rules::Report, fr_fhir_core::json::JsonError>,
) {
    // One input in four with an entry array (a thread each: slow).
    if src.len() % 4 != 0 || !src.contains("\"entry\"") {
        return;
    }
    let opens: Vec<usize> = src.match_indices('{').map(|(i, _)| i).skip(1).collect();
    let pick = usize::from(src.as_bytes().first().copied().unwrap_or(0));
    let Some(&at) = opens.get(pick % opens.len().max(1)) else { return };
    let Ok(at) = u32::try_from(at) else { return };
    let opts = Options::default();
    let parts = fr_fhir_core::engine::run_in_two_parts_at(
        src,
        &opts,
        &fr_fhir_core::rules::SLOT_SEARCH_BODY,
        at,
    );
    let show = |r: &Result<fr_fhir_core::rules::Report, fr_fhir_core::json::JsonError>| match r {
        Ok(r) => format!("{:?} {:?} {} {:?}", r.findings, r.dropped, r.ignored, r.subject),
        Err(e) => format!("error {e:?}"),
    };
    assert_eq!(show(&parts), show(whole), "entries read in two parts from byte {at}");
}

/// `parse_resource`: never panics; what it parsed serializes, the output is
/// JSON, parses again, and serializes to the same text (a fixed point); the
/// memo of repeated objects changes no value, span or note.
pub fn parse_model_bytes(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    same_without_memo(src);
    let Ok((res, _notes)) = parse_resource(src) else { return };
    let out = match serde_json::to_string(&res) {
        Ok(out) => out,
        Err(e) => panic!("parsed model does not serialize: {e}"),
    };
    // `RawValue` checks the syntax only: `serde_json::Value` would reject
    // numbers such as `1e999999`, which are valid JSON and kept as written.
    if let Err(e) = serde_json::from_str::<Box<serde_json::value::RawValue>>(&out) {
        panic!("serialized model is not JSON ({e}): {out}");
    }
    let again = match parse_resource(&out) {
        Ok((again, _)) => again,
        Err(e) => panic!("serialized model does not parse again ({e}): {out}"),
    };
    let out2 = match serde_json::to_string(&again) {
        Ok(out2) => out2,
        Err(e) => panic!("re-parsed model does not serialize: {e}"),
    };
    assert_eq!(out, out2, "serialize ∘ parse is not a fixed point");
}

/// Reading `src` remembering repeated objects or not gives equal models,
/// spans and notes (or the same error).
fn same_without_memo(src: &str) {
    type Read<'a> = Result<(Option<Resource<'a>>, Vec<Note>), JsonError>;
    fn read<'a>(src: &'a str, mut cx: Cx<'a>) -> Read<'a> {
        let got = read_value::<Resource<'a>>(&mut Reader::new(src), &mut cx, None);
        got.map(|res| (res, cx.notes))
    }
    match (read(src, Cx::default()), read(src, Cx::without_memo())) {
        (Ok((a, notes_a)), Ok((b, notes_b))) => {
            assert_eq!(notes_a, notes_b, "the memo changed the notes");
            assert_eq!(a, b, "the memo changed the model");
            let spans = |r: &Option<Resource<'_>>| r.as_ref().map(spans_of);
            assert_eq!(spans(&a), spans(&b), "the memo changed a span");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "the memo changed the error"),
        (a, b) => panic!("the memo changed the outcome: {:?} / {:?}", a.is_ok(), b.is_ok()),
    }
}

/// The search request: parsing, the typed view, the rules and the self-link
/// comparison never panic, and every position lies inside the input.
pub fn request_bytes(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let len = input.len();
    let typed = SearchRequest::parse(input);
    let raw = ParsedQuery::parse(input);
    assert!(span_within(raw.query, len), "query span {:?}", raw.query);
    if let Some(p) = &raw.path {
        assert!(span_within(p.span, len) && span_within(p.resource_span, len), "{p:?}");
    }
    for p in &raw.params {
        for s in [p.span, p.name_span, p.value_span] {
            assert!(span_within(s, len), "param span {s:?} outside the input");
        }
        let decoded = p.value.len();
        for range in [0..decoded, 0..0, decoded / 2..decoded, decoded..decoded + 3] {
            let s = p.value_span_of(range.clone());
            assert!(span_within(s, len), "value_span_of({range:?}) = {s:?}");
        }
        if let Some(r) = p.offset_repair {
            assert!(span_within(r.span, len), "repair span {:?}", r.span);
        }
    }
    for e in &raw.errors {
        assert!(span_within(e.span, len), "decode error span {:?}", e.span);
        let _ = e.message(input);
    }
    let req = SearchRequest::from_query(&raw);
    assert_eq!(req, typed, "parse and from_query(ParsedQuery::parse) differ");
    for f in req.check(&raw) {
        match &f.target {
            Target::Request { span, .. } | Target::Body { span, .. } => {
                assert!(span_within(*span, len), "{}: span {span:?} outside the input", f.rule.id)
            }
            Target::Exchange { .. } => {}
        }
    }
    let diff = int_ro1::request::compare_self_link(&raw, &raw);
    assert!(diff.same_params(), "a request differs from itself: {diff:?}");
    let _ = diff.findings(Span::new(0, 0));
    // Building the typed view back must give text that parses without panic.
    let _ = SearchRequest::parse(&req.to_query());
    let _ = req.to_url(Some("https://h/fhir"));
}

/// Display, then `parse_form` and `FromStr`, give back every value that parsed.
fn id_round_trip<T>(s: &str)
where
    T: CheckedId + std::str::FromStr<Err = IdError> + PartialEq + std::fmt::Debug,
{
    match T::parse_form(s) {
        Ok(v) => {
            let text = v.to_string();
            assert_eq!(T::parse_form(&text).as_ref(), Ok(&v), "{}: {s:?} → {text:?}", T::KIND);
            let key = v.check_key();
            match s.parse::<T>() {
                Ok(p) => {
                    assert!(key.is_ok(), "{}: FromStr accepts a bad key in {s:?}", T::KIND);
                    assert_eq!(text.parse::<T>().as_ref(), Ok(&p), "{}: {s:?}", T::KIND);
                }
                Err(e) => {
                    assert!(
                        key.is_err(),
                        "{}: FromStr rejects {s:?} ({e}) but the key is ok",
                        T::KIND
                    );
                    let _ = e.message();
                }
            }
        }
        Err(e) => {
            let _ = e.message();
            assert!(s.parse::<T>().is_err(), "{}: FromStr accepts {s:?}, parse_form not", T::KIND);
        }
    }
}

/// Every identifier type: parsing never panics and Display round-trips.
pub fn ids_bytes(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    id_round_trip::<Idnps>(s);
    id_round_trip::<Idnst>(s);
    id_round_trip::<Rpps>(s);
    id_round_trip::<RppsRang>(s);
    id_round_trip::<Adeli>(s);
    id_round_trip::<AdeliRang>(s);
    id_round_trip::<Finess>(s);
    id_round_trip::<Siren>(s);
    id_round_trip::<Siret>(s);
    if let Ok(v) = Idnps::parse_form(s) {
        let _ = (v.prefix(), v.registry_number(), v.kind_name());
    }
    if let Ok(v) = Idnst::parse_form(s) {
        let _ = (v.prefix(), v.registry_number(), v.kind_name(), v.check_sas_form());
    }
    if let Ok(v) = Finess::parse_form(s) {
        let _ = (v.check_sas_form(), v.matches_sas_pattern(), v.is_corsican());
    }
    if let Ok(v) = RppsRang::parse_form(s) {
        let _ = (v.check_sas_form(), v.is_kit_form());
    }
    let bodies =
        [Rpps::from_body(s).map(|v| v.to_string()), Finess::from_body(s).map(|v| v.to_string())];
    for text in bodies.into_iter().flatten() {
        assert!(text.starts_with(s), "from_body({s:?}) = {text:?}");
    }
    let _ = (Siren::from_body(s), Siret::from_body(s));
    let _ = fr_fhir_core::ids::luhn::check_digit(s.as_bytes());
    let _ = fr_fhir_core::ids::luhn::is_valid(s.as_bytes());
}

/// HAR files: reading and validating never panic, errors point inside the
/// file, and every finding of every exchange is located inside the file.
pub fn har_bytes(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let mut seen = 0usize;
    let read = for_each_exchange(src, |i, ex| {
        assert_eq!(i, seen, "entries out of order");
        seen += 1;
        match ex {
            Ok(ex) => {
                let _ = (ex.body.len(), ex.status, ex.url.as_deref());
            }
            Err(e) => {
                assert!(e.offset <= src.len(), "entry error offset {} past the end", e.offset)
            }
        }
    });
    match read {
        Ok(n) => assert_eq!(n, seen, "count differs from the entries handed over"),
        Err(e) => assert!(e.offset <= src.len(), "error offset {} past the end", e.offset),
    }
    let _ = validate_har(src, &ExchangeOptions::default(), |report| {
        for f in &report.findings {
            let Some(r) = &f.resolved else { panic!("{}: finding without a location", f.rule.id) };
            assert!(r.line >= 1 && r.column >= 1, "{}: {}:{}", f.rule.id, r.line, r.column);
        }
    });
}
