//! `docs/RULES.md`: the documentation `explain` prints, one section per
//! rule, so that SARIF `helpUri` (and people browsing the repository) have
//! a page to point at. Generated here and checked by a test, so it cannot
//! drift from the catalogue.

use fr_fhir_core::finding::Lang;

/// Path of the page in the repository.
pub const PATH: &str = "docs/RULES.md";

/// The URL of a rule's section: the page as published in `int-ro1`'s
/// documentation on docs.rs (`int_ro1::rules_doc`, this version), anchor =
/// lower-case ID. The repository's address is not known to the tool (it is
/// published wherever the vendor mirrors it); docs.rs is stable and public.
pub fn help_uri(id: &str) -> String {
    format!("{DOCS_BASE}#{}", id.to_ascii_lowercase())
}

/// The rule page on docs.rs, for the version of the tool that links to it.
pub const DOCS_BASE: &str =
    concat!("https://docs.rs/int-ro1/", env!("CARGO_PKG_VERSION"), "/int_ro1/rules_doc/index.html");

/// The whole page.
pub fn markdown() -> String {
    let mut s = String::from(
        "<!-- Generated from fr-fhir-core's rule catalogue and docs: do not edit.\n     \
         Regenerate with `SAS_UPDATE_DOCS=1 cargo test -p sas-validate --test rules_doc`. -->\n\n\
         # Rules of sas-validate / Règles de sas-validate\n\n\
         The same text as `sas-validate explain RULE` (English, then French).\n\
         Le même texte que `sas-validate explain RÈGLE` (anglais, puis français).\n",
    );
    for r in int_ro1::catalog().rules() {
        s.push_str(&format!(
            "\n<a id=\"{}\"></a>\n\n## {} `{}`\n\n",
            r.id.to_ascii_lowercase(),
            r.id,
            r.name
        ));
        s.push_str(&format!(
            "Severity / sévérité: `{}` · Scope / portée: {} · Source: {}\n\n",
            r.severity, r.scope, r.source
        ));
        s.push_str(&format!("{}\n\n*{}*\n", r.summary_en, r.summary_fr));
        for lang in [Lang::En, Lang::Fr] {
            for (i, (heading, body)) in r.doc.sections(lang).into_iter().enumerate() {
                // The failing example is code (JSON, a URL, an HTTP line).
                let body = body.trim_end();
                if i == 2 {
                    s.push_str(&format!("\n#### {heading}\n\n```text\n{body}\n```\n"));
                } else {
                    s.push_str(&format!("\n#### {heading}\n\n{body}\n"));
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_lower_case_ids() {
        assert_eq!(
            help_uri("RO1-SLOT-004"),
            format!(
                "https://docs.rs/int-ro1/{}/int_ro1/rules_doc/index.html#ro1-slot-004",
                env!("CARGO_PKG_VERSION")
            )
        );
        assert!(markdown().contains("<a id=\"ro1-slot-004\"></a>"));
    }
}
