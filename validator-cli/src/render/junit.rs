//! `--format junit`: a testsuite per input, a testcase per exchange; the
//! findings at or above `--fail-on` make the testcase fail, the others go to
//! its `system-out`. An unusable input is a testcase in error.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Ctx, Renderer, TOOL, location};
use crate::model::{InputKind, InputReport, Item, Summary, severity_label};

/// The JUnit renderer: suites are kept until the totals of the root element are known.
pub struct Junit {
    ctx: Ctx,
    suites: String,
    tests: u64,
    failures: u64,
    errors: u64,
}

impl Junit {
    /// A JUnit renderer.
    pub fn new(ctx: Ctx) -> Self {
        Junit { ctx, suites: String::new(), tests: 0, failures: 0, errors: 0 }
    }

    fn finding_line(&self, path: &str, it: &Item) -> String {
        let mut s = format!(
            "{}: {} {} {}: {}",
            location(path, it.line, it.column),
            severity_label(it.severity, self.ctx.lang),
            it.rule.id,
            it.rule.name,
            it.message.get(self.ctx.lang)
        );
        if !it.expression.is_empty() {
            let _ = write!(s, "\n    --> {}", it.expression);
        }
        s
    }
}

/// Escapes text for XML 1.0 content and attribute values. Characters XML 1.0
/// cannot carry at all (most C0 controls, U+FFFE/U+FFFF) become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

impl Renderer for Junit {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        let lang = self.ctx.lang;
        let path = escape(&r.path);
        let mut cases = String::new();
        let (mut tests, mut failures, mut errors) = (0u64, 0u64, 0u64);
        if let Some(e) = &r.error {
            tests += 1;
            errors += 1;
            let (l, c) = e.position.unwrap_or((0, 0));
            let text = format!("{}: {}", location(&r.path, l, c), e.message.get(lang));
            let _ = write!(
                cases,
                "    <testcase classname=\"{path}\" name=\"{path}\">\n      <error type=\"{}\" message=\"{}\">{}</error>\n    </testcase>\n",
                e.code,
                escape(e.message.get(lang)),
                escape(&text)
            );
        }
        for u in &r.units {
            tests += 1;
            let mut name = match r.kind {
                Some(InputKind::Har) => format!("#{}", u.index),
                _ => r.path.clone(),
            };
            if let Some(m) = &u.method {
                let _ = write!(name, " {m}");
            }
            if let Some(url) = &u.url {
                let _ = write!(name, " {url}");
            }
            if let Some(s) = u.status {
                let _ = write!(name, " \u{2192} {s}");
            }
            let (failing, other): (Vec<&Item>, Vec<&Item>) =
                u.items.iter().partition(|i| i.severity >= self.ctx.fail_on);
            let failed = u.counts.at_least(self.ctx.fail_on);
            let _ =
                writeln!(cases, "    <testcase classname=\"{path}\" name=\"{}\">", escape(&name));
            if failed > 0 {
                failures += 1;
                let body: Vec<String> =
                    failing.iter().map(|i| self.finding_line(&r.path, i)).collect();
                let summary = super::text::counts_text(&u.counts, lang);
                let _ = writeln!(
                    cases,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    self.ctx.fail_on.as_str(),
                    escape(&summary),
                    escape(&body.join("\n"))
                );
            }
            let mut notes: Vec<String> = r.notes.iter().map(|n| n.get(lang).to_string()).collect();
            notes.extend(other.iter().map(|i| self.finding_line(&r.path, i)));
            if !notes.is_empty() {
                let _ =
                    writeln!(cases, "      <system-out>{}</system-out>", escape(&notes.join("\n")));
            }
            cases.push_str("    </testcase>\n");
        }
        let _ = write!(
            self.suites,
            "  <testsuite name=\"{path}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n{cases}  </testsuite>\n"
        );
        self.tests += tests;
        self.failures += failures;
        self.errors += errors;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{TOOL}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
            self.tests, self.failures, self.errors, self.suites
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
    }
}
