//! Command-line syntax. Exit status 2 on a usage error comes from clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use fr_fhir_core::finding::Severity;

/// Offline validator of SAS INT_RO1 slot-search exchanges (FHIR R4 response bodies and HAR captures).
///
/// Validateur hors ligne des échanges INT_RO1 de recherche de créneaux du SAS.
#[derive(Debug, Parser)]
#[command(name = "sas-validate", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
#[command(
    after_help = "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage error or unusable input.\n\
Code retour : 0 aucun constat au niveau de --fail-on, 1 constats, 2 erreur d'usage ou entrée inutilisable."
)]
pub struct Cli {
    /// Subcommand (`rules`, `explain`, `completions`, `schema`).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Validation options.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// Options of a validation run.
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
    /// Language of messages (default: from LC_ALL, LC_MESSAGES, LANG; French unless `en*`).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Use case (default: detected from the request, the profiles, the content).
    #[arg(long, value_enum, default_value_t = UseCaseArg::Auto)]
    pub use_case: UseCaseArg,
    /// The moment the responses were produced (RFC 3339), for time-dependent rules.
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Check-digit (Luhn) findings become errors.
    #[arg(long)]
    pub strict: bool,
    /// Mask names, identifiers, phone numbers and addresses in messages and snippets.
    #[arg(long)]
    pub redact: bool,
    /// Hide findings below this severity; they still count for --fail-on.
    /// Default: `warning` for text, `information` for the other formats.
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub min_severity: Option<Severity>,
    /// Exit with status 1 when a finding reaches this severity.
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity, default_value = "error")]
    pub fail_on: Severity,
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
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the rule catalogue.
    Rules {
        /// Language (default: from the locale).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Print the catalogue as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show the documentation of a rule (by ID such as RO1-SLOT-005 or name such as slot-start-before-end).
    Explain {
        /// Rule ID or name.
        rule: String,
        /// Language (default: from the locale).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
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
}

/// Output formats.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Français.
    Fr,
    /// English.
    En,
}

/// `--use-case` values.
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

/// `--color` values.
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
    fn severities_are_case_insensitive() {
        assert_eq!(parse_severity("Warning"), Ok(Severity::Warning));
        assert!(parse_severity("loud").is_err());
    }
}
