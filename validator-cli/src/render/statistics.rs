//! `--statistics`: one line per rule with its count, like `ruff --statistics`,
//! so that a person sees at once which defects dominate a run. The counts
//! are those of the findings at or above `--min-severity` (what the run
//! reports); the summary line keeps the exact counts of every finding.

use std::collections::HashMap;
use std::io::{self, Write};

use fr_fhir_core::finding::{RuleMeta, Severity};
use serde::Serialize;

use super::text::Text;
use super::{Ctx, Renderer, digits, location};
use crate::cli::Format;
use crate::model::{InputReport, Summary, severity_label};

/// Where a rule was first seen.
#[derive(Debug, Serialize)]
struct First {
    path: String,
    exchange: usize,
    expression: String,
    line: Option<u32>,
    column: Option<u32>,
}

/// One rule (at one severity: `--strict` may raise some findings of a rule).
#[derive(Debug, Serialize)]
struct Row {
    rule: &'static str,
    name: &'static str,
    severity: Severity,
    count: u64,
    first: First,
}

/// The statistics renderer: counts every input, prints at `finish`.
pub(crate) struct Statistics {
    ctx: Ctx,
    json: bool,
    rows: Vec<Row>,
    at: HashMap<(&'static str, Severity), usize>,
    summary: Text,
}

/// The statistics renderer of a format, `None` for the formats it has no
/// form for (only `text` and `json` have one).
pub fn renderer(format: Format, ctx: Ctx) -> Option<Box<dyn Renderer>> {
    let json = match format {
        Format::Text => false,
        Format::Json => true,
        _ => return None,
    };
    Some(Box::new(Statistics {
        ctx,
        json,
        rows: Vec::new(),
        at: HashMap::new(),
        summary: Text::new(ctx),
    }))
}

impl Statistics {
    fn add(&mut self, rule: &'static RuleMeta, severity: Severity, first: impl FnOnce() -> First) {
        let key = (rule.id, severity);
        if let Some(row) = self.at.get(&key).and_then(|&i| self.rows.get_mut(i)) {
            row.count += 1;
            return;
        }
        self.at.insert(key, self.rows.len());
        self.rows.push(Row { rule: rule.id, name: rule.name, severity, count: 1, first: first() });
    }

    fn text(&self, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.ctx.lang;
        let counts: Vec<String> = self.rows.iter().map(|r| digits(lang, r.count)).collect();
        let width = |f: &dyn Fn(usize, &Row) -> usize| {
            self.rows.iter().enumerate().map(|(i, r)| f(i, r)).max().unwrap_or(0)
        };
        let wc = width(&|i, _| counts.get(i).map_or(0, |c| c.chars().count()));
        let wr = width(&|_, r| r.rule.len());
        let ws = width(&|_, r| severity_label(r.severity, lang).len());
        let wn = width(&|_, r| r.name.len());
        for (r, count) in self.rows.iter().zip(&counts) {
            let pad = " ".repeat(wc.saturating_sub(count.chars().count()));
            let f = &r.first;
            let at = location(&f.path, f.line.unwrap_or(0), f.column.unwrap_or(0));
            let sev = severity_label(r.severity, lang);
            writeln!(out, "{pad}{count}  {:wr$}  {sev:ws$}  {:wn$}  {at}", r.rule, r.name)?;
        }
        Ok(())
    }
}

impl Renderer for Statistics {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        for u in &r.units {
            for it in &u.items {
                self.add(it.rule, it.severity, || First {
                    path: r.path.clone(),
                    exchange: u.subject.index,
                    expression: it.expression.clone(),
                    line: (it.line > 0).then_some(it.line),
                    column: (it.column > 0).then_some(it.column),
                });
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        self.rows.sort_by(|a, b| {
            b.count.cmp(&a.count).then(a.rule.cmp(b.rule)).then(b.severity.cmp(&a.severity))
        });
        if self.json {
            serde_json::to_writer_pretty(&mut *out, &self.rows)?;
            return writeln!(out);
        }
        self.text(out)?;
        self.summary.finish(out, s)
    }
}
