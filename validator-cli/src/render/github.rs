//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the files of a pull request. GitHub shows only
//! the first annotations of each kind on a pull request, so errors come
//! first (written as they come), warnings and notices are kept until the end
//! of the run, and a last `::notice` gives the totals.

use std::io::{self, Write};

use fr_fhir_core::finding::Severity;

use super::text::summary_line;
use super::{Ctx, Renderer, TOOL};
use crate::model::{InputReport, Summary};

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s, false);
    out
}

/// Escapes a property value (`file=`, `title=`...).
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s, true);
    out
}

/// Appends `s` escaped, copying the runs between special characters in one
/// piece (the renderer runs this on every finding).
fn push_escaped(out: &mut String, s: &str, property: bool) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'%' => "%25",
            b'\r' => "%0D",
            b'\n' => "%0A",
            b':' if property => "%3A",
            b',' if property => "%2C",
            _ => continue,
        };
        // `i` is at an ASCII byte: a character boundary.
        out.push_str(s.get(start..i).unwrap_or_default());
        out.push_str(esc);
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Fatal | Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "notice",
    }
}

fn properties(path: &str, line: u32, col: u32, title: &str) -> String {
    let mut p = String::new();
    push_properties(&mut p, &escape_property(path), line, col, &[title]);
    p
}

/// `file=…,line=…,col=…,title=…` with `file` already escaped and the title
/// made of `title` parts separated by spaces.
fn push_properties(p: &mut String, file: &str, line: u32, col: u32, title: &[&str]) {
    use std::fmt::Write as _;
    p.push_str("file=");
    p.push_str(file);
    if line > 0 {
        let _ = write!(p, ",line={line}");
        if col > 0 {
            let _ = write!(p, ",col={col}");
        }
    }
    p.push_str(",title=");
    for (i, t) in title.iter().enumerate() {
        if i > 0 {
            p.push(' ');
        }
        push_escaped(p, t, true);
    }
}

/// The GitHub Actions renderer.
pub(crate) struct Github {
    ctx: Ctx,
    /// `::warning` commands, written after every error.
    warnings: Vec<u8>,
    /// `::notice` commands, written after every warning.
    notices: Vec<u8>,
}

impl Github {
    /// A GitHub Actions renderer.
    pub fn new(ctx: Ctx) -> Self {
        Github { ctx, warnings: Vec::new(), notices: Vec::new() }
    }
}

impl Renderer for Github {
    fn input(&mut self, out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        let lang = self.ctx.lang;
        if let Some(e) = &r.error {
            let (l, c) = e.position.unwrap_or((0, 0));
            writeln!(
                out,
                "::error {}::{}",
                properties(&r.path, l, c, TOOL),
                escape_data(e.message.get(lang))
            )?;
        }
        for n in &r.notes {
            writeln!(
                self.warnings,
                "::warning {}::{}",
                properties(&r.path, 0, 0, TOOL),
                escape_data(n.get(lang))
            )?;
        }
        let file = escape_property(&r.path);
        let mut line = String::new();
        for u in &r.units {
            for it in &u.items {
                line.clear();
                line.push_str("::");
                line.push_str(command(it.severity));
                line.push(' ');
                push_properties(&mut line, &file, it.line, it.column, &[it.rule.id, it.rule.name]);
                line.push_str("::");
                push_escaped(&mut line, it.message.get(lang), false);
                if !it.expression.is_empty() {
                    line.push_str("%0A\u{2192} ");
                    push_escaped(&mut line, &it.expression, false);
                }
                // A knock-on says what to fix first (SPEC §10).
                if let Some(cause) = &it.cause {
                    line.push_str(match lang {
                        fr_fhir_core::finding::Lang::Fr => "%0Acause : ",
                        fr_fhir_core::finding::Lang::En => "%0Acaused by: ",
                    });
                    push_escaped(&mut line, cause.get(lang), false);
                }
                line.push('\n');
                let sink: &mut dyn Write = match it.severity {
                    Severity::Fatal | Severity::Error => &mut *out,
                    Severity::Warning => &mut self.warnings,
                    Severity::Information => &mut self.notices,
                };
                sink.write_all(line.as_bytes())?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        out.write_all(&std::mem::take(&mut self.warnings))?;
        out.write_all(&std::mem::take(&mut self.notices))?;
        if !self.ctx.quiet {
            writeln!(
                out,
                "::notice title={TOOL}::{}",
                escape_data(&summary_line(s, self.ctx.lang))
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_syntax() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(properties("x,y.json", 3, 0, "T: t"), "file=x%2Cy.json,line=3,title=T%3A t");
        assert_eq!(escape_data("é%\u{2192}\n"), "é%25\u{2192}%0A");
    }
}
