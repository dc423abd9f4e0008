//! Human-readable output: one block per finding with the source line and a
//! caret, a line per input with findings, a total at the end. Repetitions
//! of one rule with one cause show their first three occurrences and a
//! count; knock-on findings are gathered under their cause (`group.rs`).

use std::io::{self, Write};

use fr_fhir_core::finding::{Lang, Severity};

use super::group::{self, Group};
use super::{Ctx, Renderer, digits, location, plural};
use crate::locale::tr;
use crate::model::{Counts, InputKind, InputReport, Item, Summary, UnitReport, severity_label};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const BLUE: &str = "\x1b[34m";

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Fatal => "\x1b[1;35m",
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Information => "\x1b[1;36m",
    }
}

/// The text renderer.
pub(crate) struct Text {
    ctx: Ctx,
}

impl Text {
    /// A text renderer.
    pub fn new(ctx: Ctx) -> Self {
        Text { ctx }
    }

    fn paint(&self, style: &str, s: &str) -> String {
        if self.ctx.color { format!("{style}{s}{RESET}") } else { s.to_string() }
    }

    fn exchange_header(&self, out: &mut dyn Write, path: &str, u: &UnitReport) -> io::Result<()> {
        let lang = self.ctx.lang;
        let mut h = format!("{path} #{}", u.subject.index);
        if let Some(m) = &u.subject.method {
            h.push_str(&format!(" {m}"));
        }
        if let Some(url) = &u.subject.url {
            h.push_str(&format!(" {url}"));
        }
        if let Some(s) = u.subject.status {
            h.push_str(&format!(" \u{2192} {s}"));
        }
        if !u.subject.resource_type.is_empty() {
            h.push_str(&format!(" ({}, {})", u.subject.resource_type, u.subject.use_case.as_str()));
        }
        writeln!(
            out,
            "{} {}",
            self.paint(BOLD, &h),
            self.paint(DIM, tr(lang, "[échange]", "[exchange]"))
        )
    }

    fn group(&self, out: &mut dyn Write, path: &str, g: &Group<'_>) -> io::Result<()> {
        for it in &g.first {
            self.item(out, path, it)?;
        }
        if g.more > 0 {
            let line = more_line(self.ctx.lang, g.more, g.entries);
            writeln!(out, "{}", self.paint(DIM, &line))?;
        }
        Ok(())
    }

    fn item(&self, out: &mut dyn Write, path: &str, it: &Item) -> io::Result<()> {
        let lang = self.ctx.lang;
        let color = severity_color(it.severity);
        writeln!(
            out,
            "{}: {} {} {}",
            self.paint(BOLD, &location(path, it.line, it.column)),
            self.paint(color, severity_label(it.severity, lang)),
            self.paint(BOLD, it.rule.id),
            self.paint(DIM, it.rule.name),
        )?;
        writeln!(out, "    {}", it.message.get(lang))?;
        // A structural finding names the profile element it comes from; the
        // rule's own source is one `explain` away.
        if let Some(source) = &it.source {
            let label = tr(lang, "source :", "source:");
            writeln!(out, "    {} {label} {source}", self.paint(DIM, "="))?;
        }
        if !it.expression.is_empty() {
            writeln!(out, "    {} {}", self.paint(BLUE, "-->"), it.expression)?;
        }
        if let Some(sn) = &it.snippet {
            let num = it.line.to_string();
            let pad = " ".repeat(num.len());
            let left = if sn.cut_left { "\u{2026}" } else { "" };
            let right = if sn.cut_right { "\u{2026}" } else { "" };
            let caret = " ".repeat(sn.caret + left.chars().count());
            writeln!(out, " {pad} {}", self.paint(BLUE, "|"))?;
            writeln!(
                out,
                " {} {} {left}{}{right}",
                self.paint(BLUE, &num),
                self.paint(BLUE, "|"),
                sn.text
            )?;
            writeln!(out, " {pad} {} {caret}{}", self.paint(BLUE, "|"), self.paint(color, "^"))?;
        }
        Ok(())
    }
}

/// `… and 2,273 more (entries 3–2,281)`: the occurrences of a group that are
/// not shown, and the Bundle entries they are in.
pub fn more_line(lang: Lang, more: u64, entries: Option<(u64, u64)>) -> String {
    let mut s = match lang {
        Lang::Fr => format!(
            "\u{2026} et {} {}",
            digits(lang, more),
            if more == 1 { "autre" } else { "autres" }
        ),
        Lang::En => format!("\u{2026} and {} more", digits(lang, more)),
    };
    match entries {
        Some((lo, hi)) if lo == hi => {
            s.push_str(&format!(" ({} {})", tr(lang, "entrée", "entry"), digits(lang, lo)));
        }
        Some((lo, hi)) => s.push_str(&format!(
            " ({} {}\u{2013}{})",
            tr(lang, "entrées", "entries"),
            digits(lang, lo),
            digits(lang, hi)
        )),
        None => {}
    }
    s
}

/// `3 erreurs, 1 avertissement`: the non-zero counts, most severe first.
pub fn counts_text(c: &Counts, lang: Lang) -> String {
    let parts = [
        (c.fatal, tr(lang, "fatale", "fatal"), tr(lang, "fatales", "fatal")),
        (c.error, tr(lang, "erreur", "error"), tr(lang, "erreurs", "errors")),
        (c.warning, tr(lang, "avertissement", "warning"), tr(lang, "avertissements", "warnings")),
        (c.information, "information", tr(lang, "informations", "information")),
    ];
    let shown: Vec<String> = parts
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| plural(lang, *n, one, many))
        .collect();
    if shown.is_empty() {
        tr(lang, "aucun constat", "no finding").to_string()
    } else {
        shown.join(", ")
    }
}

impl Renderer for Text {
    fn input(&mut self, out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        let lang = self.ctx.lang;
        if !self.ctx.quiet {
            for n in &r.notes {
                writeln!(
                    out,
                    "{}: {}: {}",
                    self.paint(BOLD, &r.path),
                    self.paint(DIM, "note"),
                    n.get(lang)
                )?;
            }
        }
        for u in &r.units {
            if u.items.is_empty() {
                continue;
            }
            if r.kind == Some(InputKind::Har) {
                self.exchange_header(out, &r.path, u)?;
            }
            for block in group::blocks(&u.items) {
                if let Some(cause) = block.cause {
                    let head = format!("{} {}", tr(lang, "cause :", "caused by:"), cause.get(lang));
                    writeln!(out, "{}", self.paint(BOLD, &head))?;
                }
                for g in &block.groups {
                    self.group(out, &r.path, g)?;
                }
            }
        }
        if r.shown() > 0 && !self.ctx.quiet {
            writeln!(
                out,
                "{} {}\n",
                self.paint(BOLD, &format!("{}:", r.path)),
                counts_text(&r.counts(), lang)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        if self.ctx.quiet {
            return Ok(());
        }
        let line = summary_line(s, self.ctx.lang);
        let style = match s.exit_code {
            0 => "\x1b[1;32m",
            1 => severity_color(Severity::Error),
            _ => severity_color(Severity::Fatal),
        };
        writeln!(out, "{}", self.paint(style, &line))
    }
}

/// The last line of a run: files, exchanges, counts, and what was not shown.
/// French says "fichier" for an input: "entrée" is a Bundle entry.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let mut line = match lang {
        Lang::Fr => format!(
            "{} vérifié{} ({}) : {}",
            plural(lang, s.inputs, "fichier", "fichiers"),
            if s.inputs > 1 { "s" } else { "" },
            plural(lang, s.exchanges, "échange", "échanges"),
            counts_text(&s.counts, lang),
        ),
        Lang::En => format!(
            "Checked {} ({}): {}",
            plural(lang, s.inputs, "input", "inputs"),
            plural(lang, s.exchanges, "exchange", "exchanges"),
            counts_text(&s.counts, lang),
        ),
    };
    if s.failed > 0 {
        let inputs =
            plural(lang, s.failed, tr(lang, "fichier", "input"), tr(lang, "fichiers", "inputs"));
        line.push_str(&format!(" {} {inputs}", tr(lang, "dans", "in")));
    }
    if s.hidden > 0 {
        line.push_str(&match lang {
            Lang::Fr => {
                format!(" ({} sous --min-severity)", plural(lang, s.hidden, "masqué", "masqués"))
            }
            Lang::En => format!(" ({} hidden below --min-severity)", digits(lang, s.hidden)),
        });
    }
    if s.ignored > 0 {
        line.push_str(&match lang {
            Lang::Fr => {
                format!(" ({} par --select/--ignore)", plural(lang, s.ignored, "écarté", "écartés"))
            }
            Lang::En => format!(" ({} ignored by --select/--ignore)", digits(lang, s.ignored)),
        });
    }
    if s.baselined > 0 {
        line.push_str(&match lang {
            Lang::Fr => format!(
                " ({} par la référence)",
                plural(lang, s.baselined, "connu écarté", "connus écartés")
            ),
            Lang::En => format!(" ({} in the baseline)", digits(lang, s.baselined)),
        });
    }
    if s.dropped > 0 {
        // Counted above, only not stored (information and warnings).
        line.push_str(&match lang {
            Lang::Fr => format!(
                " (dont {} au-delà de la limite de stockage)",
                plural(lang, s.dropped, "non conservé", "non conservés")
            ),
            Lang::En => {
                format!(" ({} of them not stored beyond the cap)", digits(lang, s.dropped))
            }
        });
    }
    if s.unusable > 0 {
        line.push_str(&match lang {
            Lang::Fr => format!(
                " ; {}",
                plural(lang, s.unusable, "fichier inutilisable", "fichiers inutilisables")
            ),
            Lang::En => {
                format!("; {}", plural(lang, s.unusable, "unusable input", "unusable inputs"))
            }
        });
    }
    line.push('.');
    line
}
