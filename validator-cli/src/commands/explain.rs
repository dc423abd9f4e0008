//! `sas-validate explain RULE`: the documentation of one rule.

use std::io::{self, Write};

use fr_fhir_core::finding::Lang;
use int_ro1::by_id;

use crate::locale::tr;

/// Prints the documentation of `query` (ID or name); `Ok(false)` when no
/// rule matches (the caller exits with status 2), after printing near matches.
pub fn print(
    out: &mut dyn Write,
    err: &mut dyn Write,
    query: &str,
    lang: Lang,
) -> io::Result<bool> {
    let Some(rule) = by_id(query) else {
        writeln!(err, "sas-validate: {} `{query}`", tr(lang, "règle inconnue :", "unknown rule:"))?;
        let q = query.trim().to_ascii_lowercase();
        let near: Vec<&str> = int_ro1::catalog()
            .rules()
            .iter()
            .filter(|r| {
                !q.is_empty()
                    && (r.id.to_ascii_lowercase().contains(&q) || r.name.contains(q.as_str()))
            })
            .take(8)
            .map(|r| r.id)
            .collect();
        if !near.is_empty() {
            writeln!(
                err,
                "{} {}",
                tr(lang, "Règles proches :", "Close matches:"),
                near.join(", ")
            )?;
        }
        writeln!(
            err,
            "{}",
            tr(lang, "Liste complète : sas-validate rules", "Full list: sas-validate rules")
        )?;
        return Ok(false);
    };
    let summary = match lang {
        Lang::Fr => rule.summary_fr,
        Lang::En => rule.summary_en,
    };
    writeln!(out, "{} {}", rule.id, rule.name)?;
    writeln!(out)?;
    writeln!(out, "{summary}")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} {}    {} {}",
        tr(lang, "Sévérité :", "Severity:"),
        rule.severity,
        tr(lang, "Portée :", "Scope:"),
        rule.scope
    )?;
    writeln!(out, "{} {}", tr(lang, "Source :", "Source:"), rule.source)?;
    for (heading, body) in rule.doc.sections(lang) {
        writeln!(out)?;
        writeln!(out, "## {heading}")?;
        writeln!(out)?;
        writeln!(out, "{body}")?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_rule_by_name_prints_its_sections() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert!(print(&mut out, &mut err, "slot-start-before-end", Lang::En).unwrap());
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("RO1-SLOT-005 slot-start-before-end\n"));
        assert!(s.contains("## How to fix"));
        assert!(err.is_empty());
    }

    #[test]
    fn unknown_rule_suggests_close_ones() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert!(!print(&mut out, &mut err, "SLOT-00", Lang::Fr).unwrap());
        let e = String::from_utf8(err).unwrap();
        assert!(e.contains("règle inconnue") && e.contains("RO1-SLOT-001"), "{e}");
        assert!(out.is_empty());
    }
}
