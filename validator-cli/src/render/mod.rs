//! One renderer per output format, all fed the same reports in input order.

mod github;
pub(crate) mod group;
pub(crate) mod json;
mod json_lines;
mod junit;
mod operation_outcome;
mod sarif;
pub mod statistics;
pub(crate) mod text;

use std::io::{self, Write};

use fr_fhir_core::finding::{Lang, Severity};

use crate::cli::Format;
use crate::model::{InputReport, Summary};

/// Name of the tool in every output.
pub const TOOL: &str = "sas-validate";
/// Version of the tool.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What every renderer needs to know about the run.
///
/// ```
/// use fr_fhir_core::finding::{Lang, Severity};
/// use validator_cli::check::{Settings, check};
/// use validator_cli::cli::Format;
/// use validator_cli::input::discover;
/// use validator_cli::render::{Ctx, renderer};
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-ctx-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// let report = check(&discover(&[body])[0], &Settings::default());
/// // As `--lang en --color never --quiet`.
/// let ctx = Ctx { lang: Lang::En, color: false, quiet: true, fail_on: Severity::Error };
/// let mut out = Vec::new();
/// renderer(Format::Text, ctx).input(&mut out, report).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("body.json:2:11: error RO1-FHIR-005"), "{text}");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Language of the messages.
    pub lang: Lang,
    /// ANSI colors (text only).
    pub color: bool,
    /// No summary or notes.
    pub quiet: bool,
    /// The --fail-on threshold.
    pub fail_on: Severity,
}

/// A streaming renderer: `input` in input order, then `finish` once.
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// use fr_fhir_core::finding::{Lang, Severity};
/// use validator_cli::cli::Format;
/// use validator_cli::model::Summary;
/// use validator_cli::render::{Ctx, Renderer, renderer};
/// let planned = discover(&["no/such/file.json".into()]);
/// let report = check(&planned[0], &Settings::default());
/// let ctx = Ctx { lang: Lang::En, color: false, quiet: false, fail_on: Severity::Error };
/// let mut summary = Summary::default();
/// summary.add(&report, ctx.fail_on);
/// let mut out = Vec::new();
/// let mut json: Box<dyn Renderer> = renderer(Format::Json, ctx);
/// json.input(&mut out, report).unwrap(); // kept until `finish`: one document
/// json.finish(&mut out, &summary).unwrap();
/// let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(doc["inputs"][0]["path"], "no/such/file.json");
/// ```
pub trait Renderer {
    /// One input (formats that are one document keep it until `finish`).
    fn input(&mut self, out: &mut dyn Write, r: InputReport) -> io::Result<()>;
    /// After the last input.
    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()>;
}

/// The renderer of a format.
pub fn renderer(format: Format, ctx: Ctx) -> Box<dyn Renderer> {
    match format {
        Format::Text => Box::new(text::Text::new(ctx)),
        Format::Json => Box::new(json::Json::new(ctx)),
        Format::JsonLines => Box::new(json_lines::JsonLines::new(ctx)),
        Format::OperationOutcome => Box::new(operation_outcome::OperationOutcome::new(ctx)),
        Format::Junit => Box::new(junit::Junit::new(ctx)),
        Format::Sarif => Box::new(sarif::Sarif::new(ctx)),
        Format::Github => Box::new(github::Github::new(ctx)),
    }
}

/// `path:line:col`, `path:line` or `path`, as far as the position is known.
pub fn location(path: &str, line: u32, column: u32) -> String {
    match (line, column) {
        (0, _) => path.to_string(),
        (l, 0) => format!("{path}:{l}"),
        (l, c) => format!("{path}:{l}:{c}"),
    }
}

/// The one-line message printed on stderr for an unusable input.
pub fn input_error_line(r: &InputReport, lang: Lang) -> Option<String> {
    let e = r.error.as_ref()?;
    let (l, c) = e.position.unwrap_or((0, 0));
    Some(format!("{TOOL}: {}: {}", location(&r.path, l, c), e.message.get(lang)))
}

/// Thousands separator of French numbers: the narrow no-break space
/// (U+202F) of French typography, so a count never breaks across lines.
pub const FR_THOUSANDS: char = '\u{202F}';

/// `n` with thousands separators: `2\u{202F}273` in French, `2,273` in English.
pub fn digits(lang: Lang, n: u64) -> String {
    let plain = n.to_string();
    let sep = match lang {
        Lang::Fr => FR_THOUSANDS,
        Lang::En => ',',
    };
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 * 3);
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `n word` with the plural form when needed (French: 0 and 1 take the
/// singular; English: only 1 does), `n` with thousands separators.
pub fn plural(lang: Lang, n: u64, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{} {}", digits(lang, n), if singular { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_omit_unknown_parts() {
        assert_eq!(location("a.json", 0, 0), "a.json");
        assert_eq!(location("a.json", 3, 0), "a.json:3");
        assert_eq!(location("a.json", 3, 9), "a.json:3:9");
    }

    #[test]
    fn plural_forms() {
        assert_eq!(plural(Lang::Fr, 0, "erreur", "erreurs"), "0 erreur");
        assert_eq!(plural(Lang::En, 0, "error", "errors"), "0 errors");
        assert_eq!(plural(Lang::En, 1, "error", "errors"), "1 error");
        assert_eq!(plural(Lang::En, 2273, "error", "errors"), "2,273 errors");
    }

    #[test]
    fn thousands_separators_per_language() {
        assert_eq!(digits(Lang::En, 0), "0");
        assert_eq!(digits(Lang::En, 999), "999");
        assert_eq!(digits(Lang::En, 1000), "1,000");
        assert_eq!(digits(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(digits(Lang::Fr, 2281), "2\u{202F}281");
        assert_eq!(digits(Lang::Fr, 50_000), "50\u{202F}000");
    }
}
