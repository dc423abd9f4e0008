//! `--format junit`: a testsuite per input; in it, per exchange, a failing
//! testcase per rule with findings at or above `--fail-on` (its failure
//! lists every occurrence), and a passing testcase named after the exchange
//! when the exchange has no failure or has findings below `--fail-on` (those
//! go to its `system-out`). So a Bundle with 3 failing rules shows 3
//! failures in a CI test summary. An unusable input is a testcase in error.
//!
//! `time` is the measured time of the input (reading and validation); its
//! testcases share it equally (the engine does not time rules one by one).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use fr_fhir_core::finding::{RuleMeta, Severity};

use super::{Ctx, Renderer, TOOL, location, plural};
use crate::model::{InputKind, InputReport, Item, Summary, UnitReport, severity_label};

/// A testcase before its share of the input's time is known.
struct Case {
    name: String,
    /// Markup inside `<testcase>` (failure, error, system-out), escaped.
    body: String,
}

/// The failing findings of one rule in one exchange.
struct RuleFailure<'a> {
    rule: &'static RuleMeta,
    severity: Severity,
    items: Vec<&'a Item>,
}

/// The JUnit renderer: suites are kept until the totals of the root element are known.
pub(crate) struct Junit {
    ctx: Ctx,
    suites: String,
    tests: u64,
    failures: u64,
    errors: u64,
    /// Sum of the inputs' times (the inputs run in parallel: more than the
    /// wall-clock time of the run).
    time: f64,
}

impl Junit {
    /// A JUnit renderer.
    pub fn new(ctx: Ctx) -> Self {
        Junit { ctx, suites: String::new(), tests: 0, failures: 0, errors: 0, time: 0.0 }
    }

    /// The exchange's name: its index, request and status in a HAR, the
    /// path of a body file.
    fn exchange_name(r: &InputReport, u: &UnitReport) -> String {
        let mut name = match r.kind {
            Some(InputKind::Har) => format!("#{}", u.subject.index),
            _ => r.path.clone(),
        };
        if let Some(m) = &u.subject.method {
            let _ = write!(name, " {m}");
        }
        if let Some(url) = &u.subject.url {
            let _ = write!(name, " {url}");
        }
        if let Some(s) = u.subject.status {
            let _ = write!(name, " \u{2192} {s}");
        }
        name
    }

    /// The testcases of one exchange.
    fn exchange_cases(
        &self,
        r: &InputReport,
        path: &str,
        u: &UnitReport,
        cases: &mut Vec<Case>,
    ) -> u64 {
        let lang = self.ctx.lang;
        let name = Self::exchange_name(r, u);
        let mut rules: Vec<RuleFailure<'_>> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        let mut other: Vec<&Item> = Vec::new();
        for it in &u.items {
            if it.severity < self.ctx.fail_on {
                other.push(it);
                continue;
            }
            match at.get(it.rule.id).and_then(|&i| rules.get_mut(i)) {
                Some(f) => {
                    f.severity = f.severity.max(it.severity);
                    f.items.push(it);
                }
                None => {
                    at.insert(it.rule.id, rules.len());
                    rules.push(RuleFailure {
                        rule: it.rule,
                        severity: it.severity,
                        items: vec![it],
                    });
                }
            }
        }
        let failures = rules.len() as u64;
        for f in &rules {
            let mut text = String::new();
            for (i, it) in f.items.iter().enumerate() {
                if i > 0 {
                    text.push('\n');
                }
                self.finding_line(&mut text, path, it);
            }
            let n = f.items.len() as u64;
            let message = format!(
                "{} {}: {}",
                f.rule.id,
                f.rule.name,
                plural(lang, n, "occurrence", "occurrences")
            );
            cases.push(Case {
                // A body file is its suite (classname): the rule alone names the case.
                name: match r.kind {
                    Some(InputKind::Har) => format!("{name} {} {}", f.rule.id, f.rule.name),
                    _ => format!("{} {}", f.rule.id, f.rule.name),
                },
                body: format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    f.severity.as_str(),
                    escape(&message),
                    text
                ),
            });
        }
        // Findings at or above --fail-on hidden by --min-severity still fail
        // the exchange: say so rather than show a pass.
        let hidden_failure = rules.is_empty() && u.counts.at_least(self.ctx.fail_on) > 0;
        let mut notes = String::new();
        for n in &r.notes {
            if !notes.is_empty() {
                notes.push('\n');
            }
            escape_into(&mut notes, n.get(lang));
        }
        for it in &other {
            if !notes.is_empty() {
                notes.push('\n');
            }
            self.finding_line(&mut notes, path, it);
        }
        if rules.is_empty() || !notes.is_empty() {
            let mut body = String::new();
            if hidden_failure {
                let summary = super::text::counts_text(&u.counts, lang);
                let _ = writeln!(
                    body,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    self.ctx.fail_on.as_str(),
                    escape(&summary),
                    escape(&summary)
                );
            }
            if !notes.is_empty() {
                let _ = writeln!(body, "      <system-out>{notes}</system-out>");
            }
            cases.push(Case { name, body });
        }
        failures + u64::from(hidden_failure)
    }

    /// One finding as a line of a failure or system-out, escaped; `path`
    /// is already escaped.
    fn finding_line(&self, s: &mut String, path: &str, it: &Item) {
        s.push_str(path);
        if it.line > 0 {
            let _ = write!(s, ":{}", it.line);
            if it.column > 0 {
                let _ = write!(s, ":{}", it.column);
            }
        }
        let _ = write!(
            s,
            ": {} {} {}: ",
            severity_label(it.severity, self.ctx.lang),
            it.rule.id,
            it.rule.name
        );
        escape_into(s, it.message.get(self.ctx.lang));
        if !it.expression.is_empty() {
            s.push_str("\n    --&gt; ");
            escape_into(s, &it.expression);
        }
        if let Some(cause) = &it.cause {
            s.push_str(match self.ctx.lang {
                fr_fhir_core::finding::Lang::Fr => "\n    cause : ",
                fr_fhir_core::finding::Lang::En => "\n    caused by: ",
            });
            escape_into(s, cause.get(self.ctx.lang));
        }
    }
}

/// Escapes text for XML 1.0 content and attribute values. Characters XML 1.0
/// cannot carry at all (most C0 controls, U+FFFE/U+FFFF) become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Appends `s` escaped as [`escape`] does, copying the runs between special
/// characters in one piece (the renderer runs this on every finding).
pub fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (esc, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            0..0x20 => ("\u{FFFD}", 1),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => ("\u{FFFD}", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        // `i` is at an ASCII byte or the lead byte of a character: a boundary.
        out.push_str(s.get(start..i).unwrap_or_default());
        out.push_str(esc);
        i += len;
        start = i;
    }
    out.push_str(s.get(start..).unwrap_or_default());
}

impl Renderer for Junit {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        let lang = self.ctx.lang;
        let path = escape(&r.path);
        let mut cases: Vec<Case> = Vec::new();
        let (mut failures, mut errors) = (0u64, 0u64);
        if let Some(e) = &r.error {
            errors += 1;
            let (l, c) = e.position.unwrap_or((0, 0));
            let text = format!("{}: {}", location(&r.path, l, c), e.message.get(lang));
            cases.push(Case {
                name: r.path.clone(),
                body: format!(
                    "      <error type=\"{}\" message=\"{}\">{}</error>\n",
                    e.code,
                    escape(e.message.get(lang)),
                    escape(&text)
                ),
            });
        }
        for u in &r.units {
            failures += self.exchange_cases(&r, &path, u, &mut cases);
        }
        let secs = r.elapsed.as_secs_f64();
        let share = secs / cases.len().max(1) as f64;
        let tests = cases.len() as u64;
        let _ = writeln!(
            self.suites,
            "  <testsuite name=\"{path}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\" time=\"{secs:.6}\">"
        );
        for c in &cases {
            let name = escape(&c.name);
            if c.body.is_empty() {
                let _ = writeln!(
                    self.suites,
                    "    <testcase classname=\"{path}\" name=\"{name}\" time=\"{share:.6}\"/>"
                );
            } else {
                let _ = write!(
                    self.suites,
                    "    <testcase classname=\"{path}\" name=\"{name}\" time=\"{share:.6}\">\n{}    </testcase>\n",
                    c.body
                );
            }
        }
        self.suites.push_str("  </testsuite>\n");
        self.tests += tests;
        self.failures += failures;
        self.errors += errors;
        self.time += secs;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{TOOL}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.6}\">\n{}</testsuites>\n",
            self.tests, self.failures, self.errors, self.time, self.suites
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(escape("x\u{0}y\u{1b}z\tw\n"), "x\u{FFFD}y\u{FFFD}z\tw\n");
        assert_eq!(escape("]]>"), "]]&gt;");
        assert_eq!(escape("é\u{FFFE}x\u{FFFF}\u{FFFD}"), "é\u{FFFD}x\u{FFFD}\u{FFFD}");
    }
}
