//! Command-line syntax. Exit status 2 on a usage error comes from clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use fr_fhir_core::finding::Severity;

/// Offline validator of SAS INT_RO1 slot-search exchanges (FHIR R4 response bodies and HAR captures).
///
/// Validateur hors ligne des échanges INT_RO1 de recherche de créneaux du SAS.
#[derive(Debug, Parser)]
#[command(name = "sas-validate", version, about, long_about = None)]
#[command(subcommand_negates_reqs = true)]
// clap's derived usage would suggest inputs before a subcommand; after an
// input, `rules` is a file name.
#[command(
    override_usage = "sas-validate [OPTIONS] <INPUT>...\n       sas-validate [--lang <LANG>] <COMMAND>"
)]
#[command(
    after_help = "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage error or unusable input."
)]
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
pub struct Cli {
    /// Subcommand (`rules`, `explain`, `completions`, `schema`, `lsp`).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Language of messages (default: from LC_ALL, LC_MESSAGES, LANG; French unless `en*`).
    /// Global: `sas-validate --lang en explain RO1-SLOT-004` works.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// Validation options.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// Options of a validation run.
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Response bodies (.json), HAR captures (.har), directories (walked for both), or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Request URL that produced a single response file (default: the Bundle's `self` link).
    #[arg(long, value_name = "URL")]
    pub request: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Use case (default: detected from the request, the profiles, the content).
    #[arg(long, value_enum)]
    pub use_case: Option<UseCaseArg>,
    /// Flow of plain body files: ro1 (slot search), r02 (regulator accounts), r03 (appointments)
    /// (default: told by resourceType and meta.profile; HAR exchanges are routed by request line).
    #[arg(long, value_enum)]
    pub flow: Option<FlowArg>,
    /// IG reading of the appointment rules: 1.1.0 (certified package) or 1.2.0 (main) [default: 1.1.0,
    /// or what an --ig package implies].
    #[arg(long, value_name = "VERSION", value_parser = parse_ig_version)]
    pub ig_version: Option<int_ro1::exchange::IgVersion>,
    /// IG package whose profiles replace or extend the built-in SAS IG 1.1.0 ones: a `.tgz` as
    /// published or an unpacked folder (one package per run).
    #[arg(long, value_name = "PATH")]
    pub ig: Option<PathBuf>,
    /// Validate every resource against this profile: its canonical URL, or its name
    /// (`FrSlotAgregateur`) among the built-in or --ig definitions.
    #[arg(long, value_name = "URL|NAME")]
    pub profile: Option<String>,
    /// Validate against base FHIR R4 only: no profile, no SAS rule (generic FHIR fixtures).
    #[arg(long, conflicts_with_all = ["profile", "use_case"])]
    pub base: bool,
    /// The moment the responses were produced (RFC 3339), for time-dependent rules.
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Check-digit (Luhn) findings become errors.
    #[arg(long, overrides_with = "no_strict")]
    pub strict: bool,
    /// Check-digit findings stay warnings, whatever the configuration file says.
    #[arg(long, overrides_with = "strict")]
    pub no_strict: bool,
    /// Mask names, identifiers, phone numbers and addresses in messages and snippets.
    #[arg(long, overrides_with = "no_redact")]
    pub redact: bool,
    /// Do not mask personal data, whatever the configuration file says.
    #[arg(long, overrides_with = "redact")]
    pub no_redact: bool,
    /// Hide findings below this severity; they still count for --fail-on.
    /// Default: `warning` for text, `information` for the other formats.
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub min_severity: Option<Severity>,
    /// Exit with status 1 when a finding reaches this severity [default: error].
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// Report only these rules: IDs, ID prefixes or names, repeatable or comma-separated
    /// (`RO1-BUNDLE-009`, `RO1-ID`, `finess-luhn`).
    #[arg(long, value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not report these rules (same syntax as --select; wins over it).
    #[arg(long, value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Configuration file (default: the first sas-validate.toml from the first input's
    /// directory up; in FILE, a [tool.sas-validate] table is used when present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not count the findings listed in this baseline file (see --write-baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the fingerprints of the current findings to FILE and exit 0 (1 when a body is broken:
    /// fatal findings are never baselined).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Colored text output (`auto`: when stdout is a terminal and NO_COLOR is unset).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Number of inputs validated in parallel (default: the number of CPUs).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// No summary, notes or progress bar: findings and errors only.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// One line per rule instead of each finding: count, ID, severity, name, first location,
    /// most frequent first. Counts the findings at or above --min-severity. With --format json:
    /// a JSON array. Text and json only.
    #[arg(long)]
    pub statistics: bool,
}

/// Subcommands.
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the rule catalogue.
    Rules {
        /// Print the catalogue as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show the documentation of a rule (by ID such as RO1-SLOT-005 or name such as slot-start-before-end).
    Explain {
        /// Rule ID or name.
        rule: String,
    },
    /// Print a shell completion script.
    Completions {
        /// Target shell.
        shell: clap_complete::Shell,
    },
    /// Print a JSON Schema: of the `--format json` report (default), of the rule catalogue, or of
    /// the FHIR models (`bundle`, `operation-outcome`).
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = SchemaKind::Report)]
        kind: SchemaKind,
    },
    /// Run a Language Server over stdin/stdout for editors: diagnostics of JSON bodies and HAR
    /// captures as you type, hover on a finding shows its rule's documentation.
    Lsp {
        /// IG package, as for a validation run (wins over the configuration file's `ig`).
        #[arg(long, value_name = "PATH")]
        ig: Option<std::path::PathBuf>,
        /// Configuration file (default: the first sas-validate.toml up from each document's folder).
        #[arg(long, value_name = "FILE")]
        config: Option<std::path::PathBuf>,
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
}

/// Output formats.
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// use clap::ValueEnum;
/// use fr_fhir_core::finding::{Lang, Severity};
/// use validator_cli::cli::Format;
/// use validator_cli::render::{Ctx, renderer};
/// let planned = discover(&["no/such/file.json".into()]);
/// let report = check(&planned[0], &Settings::default());
/// let format = Format::from_str("sarif", true).unwrap(); // `--format sarif`
/// let ctx = Ctx { lang: Lang::Fr, color: false, quiet: true, fail_on: Severity::Error };
/// let mut out = Vec::new();
/// let mut sarif = renderer(format, ctx);
/// sarif.input(&mut out, report).unwrap();
/// sarif.finish(&mut out, &Default::default()).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("\"version\": \"2.1.0\""));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable diagnostics with source snippets.
    Text,
    /// One JSON document (see JSON-OUTPUT.md).
    Json,
    /// One JSON message per line: begin, finding, end, summary.
    JsonLines,
    /// FHIR R4 OperationOutcome (a Bundle of them for several inputs).
    OperationOutcome,
    /// JUnit XML: a testsuite per input, a testcase per exchange.
    Junit,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// `--lang` values.
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Français.
    Fr,
    /// English.
    En,
}

/// `--use-case` values.
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UseCaseArg {
    /// Individual practitioners.
    Ps,
    /// CPTS.
    Cpts,
    /// SOS Médecins.
    Sos,
    /// Detected per input.
    Auto,
}

/// `--flow` values.
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FlowArg {
    /// INT_RO1 slot search (searchset Bundle or OperationOutcome).
    Ro1,
    /// INT_R02 regulator accounts (FrPractitionerRegul).
    R02,
    /// INT_R03 appointments (FrAppointmentSAS, sas-sos-appointment).
    R03,
}

impl FlowArg {
    /// The router's flow.
    pub fn flow(self) -> int_ro1::flow::Flow {
        match self {
            FlowArg::Ro1 => int_ro1::flow::Flow::SlotSearch,
            FlowArg::R02 => int_ro1::flow::Flow::RegulatorAccounts,
            FlowArg::R03 => int_ro1::flow::Flow::Appointments,
        }
    }
}

/// `--color` values.
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// When stdout is a terminal and NO_COLOR is unset or empty.
    Auto,
    /// Always (overrides NO_COLOR).
    Always,
    /// Never.
    Never,
}

/// `schema` subcommand values.
// Parsed by the binary only (`main.rs` is another crate); not an API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The `--format json` document.
    Report,
    /// The entries of `rules --json`.
    Rules,
    /// The FHIR JSON read and written by the models: a searchset Bundle.
    Bundle,
    /// The FHIR JSON of an OperationOutcome.
    OperationOutcome,
}

/// `--request` is something the request parser can make sense of: an
/// absolute `http(s)://` URL, a path or query starting with `/` or `?`, or a
/// relative path or bare query that has a `?` or an `=` (`Slot?status=free`,
/// `status=free`). Spaces, control characters or another scheme are not.
pub fn request_makes_sense(s: &str) -> bool {
    if s.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        return !rest.is_empty() && !rest.starts_with('/');
    }
    if lower.contains("://") {
        return false;
    }
    s.starts_with('/') || s.starts_with('?') || s.contains('?') || s.contains('=')
}

/// `--ig-version` (and the configuration's `ig-version`).
pub fn parse_ig_version(s: &str) -> Result<int_ro1::exchange::IgVersion, String> {
    s.parse()
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.to_ascii_lowercase().parse()
}

fn parse_instant(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&chrono::Utc)).map_err(|e| {
        format!("`{s}` is not an RFC 3339 instant such as 2026-11-26T09:00:00+01:00 ({e})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn instants_must_carry_an_offset() {
        assert!(parse_instant("2026-11-26T09:00:00+01:00").is_ok());
        assert!(parse_instant("2026-11-26T09:00:00").is_err());
    }

    #[test]
    fn requests_must_look_like_urls() {
        for ok in ["https://h/fhir/Slot?status=free", "/fhir/Slot?a=b", "?a=b", "Slot?a=b", "a=b"] {
            assert!(request_makes_sense(ok), "{ok}");
        }
        for bad in ["not a url", "", "foo", "ftp://h/x?a=b", "http://", "https:///x"] {
            assert!(!request_makes_sense(bad), "{bad}");
        }
    }

    #[test]
    fn severities_are_case_insensitive() {
        assert_eq!(parse_severity("Warning"), Ok(Severity::Warning));
        assert!(parse_severity("loud").is_err());
    }
}
