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
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`...).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Fatal | Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "notice",
    }
}

fn properties(path: &str, line: u32, col: u32, title: &str) -> String {
    let mut p = format!("file={}", escape_property(path));
    if line > 0 {
        p.push_str(&format!(",line={line}"));
        if col > 0 {
            p.push_str(&format!(",col={col}"));
        }
    }
    p.push_str(&format!(",title={}", escape_property(title)));
    p
}

/// The GitHub Actions renderer.
pub struct Github {
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
        for u in &r.units {
            for it in &u.items {
                let title = format!("{} {}", it.rule.id, it.rule.name);
                let mut msg = it.message.get(lang).to_string();
                if !it.expression.is_empty() {
                    msg.push_str(&format!("\n\u{2192} {}", it.expression));
                }
                let kind = command(it.severity);
                let sink: &mut dyn Write = match it.severity {
                    Severity::Fatal | Severity::Error => &mut *out,
                    Severity::Warning => &mut self.warnings,
                    Severity::Information => &mut self.notices,
                };
                writeln!(
                    sink,
                    "::{kind} {}::{}",
                    properties(&r.path, it.line, it.column, &title),
                    escape_data(&msg)
                )?;
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
    }
}
