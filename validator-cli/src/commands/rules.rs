//! `sas-validate rules`: the catalogue as a table (or JSON).

use std::io::{self, Write};

use fr_fhir_core::finding::{Lang, RuleMeta};

use crate::locale::tr;

/// Prints the catalogue.
pub fn print(out: &mut dyn Write, lang: Lang, json: bool) -> io::Result<()> {
    if json {
        let rules: Vec<&RuleMeta> = int_ro1::catalog().rules().to_vec();
        serde_json::to_writer_pretty(&mut *out, &rules)?;
        return writeln!(out);
    }
    let head = [
        tr(lang, "ID", "ID"),
        tr(lang, "SÉVÉRITÉ", "SEVERITY"),
        tr(lang, "PORTÉE", "SCOPE"),
        tr(lang, "NOM", "NAME"),
        tr(lang, "RÉSUMÉ", "SUMMARY"),
    ];
    let scopes: Vec<String> =
        int_ro1::catalog().rules().iter().map(|r| r.scope.to_string()).collect();
    let rows: Vec<[&str; 5]> = int_ro1::catalog()
        .rules()
        .iter()
        .zip(&scopes)
        .map(|(r, scope)| {
            let summary = match lang {
                Lang::Fr => r.summary_fr,
                Lang::En => r.summary_en,
            };
            [r.id, r.severity.as_str(), scope, r.name, summary]
        })
        .collect();
    let mut widths = head.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut line = |cells: &[&str; 5]| -> io::Result<()> {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i == 4 {
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(&head)?;
    for row in &rows {
        line(row)?;
    }
    Ok(())
}
