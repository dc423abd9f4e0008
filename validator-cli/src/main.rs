//! `sas-validate`: validates SAS INT_RO1 slot-search exchanges (FHIR R4
//! response bodies and HAR captures) offline, and reports the findings in
//! the format a person, a CI job or a FHIR tool reads.
//!
//! The binary is thin: the rules live in `fr-fhir-core` and `int-ro1`; this
//! crate finds the inputs, runs them in parallel, and renders.

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use fr_fhir_core::conformance::walk::Validator;
use fr_fhir_core::finding::{Lang, Message, Severity};
use fr_fhir_core::rules::{Options, UseCase};
use validator_cli::baseline::{self, Baseline};
use validator_cli::select::Selection;
use validator_cli::{cli, cli_fr, commands, config, conformance, input, locale, render, run};

use validator_cli::check::Settings;
use validator_cli::cli::{CheckArgs, ColorArg, Command, Format, LangArg, UseCaseArg};
use validator_cli::engine::EngineOptions;
use validator_cli::input::Origin;
use validator_cli::locale::tr;
use validator_cli::model::{InputKind, Summary};
use validator_cli::progress::Progress;
use validator_cli::render::{Ctx, TOOL};

/// Exit status of a usage error or an unusable input.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    ExitCode::from(real_main())
}

fn real_main() -> u8 {
    let argv: Vec<OsString> = std::env::args_os().collect();
    // The language of --help and of argument errors is known before parsing.
    let lang = locale::resolve(cli_fr::lang_in_args(&argv));
    let cli = match cli_fr::parse(argv, lang) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { 0 };
            let _ = cli_fr::print_error(&e, lang);
            return code;
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let result = match cli.command {
        Some(Command::Rules { json }) => {
            commands::rules::print(&mut out, locale::resolve(cli.lang), json).map(|()| 0)
        }
        Some(Command::Explain { rule }) => {
            let lang = locale::resolve(cli.lang);
            commands::explain::print(&mut out, &mut io::stderr(), &rule, lang)
                .map(|found| if found { 0 } else { USAGE })
        }
        Some(Command::Completions { shell }) => {
            commands::completions::print(&mut out, shell);
            Ok(0)
        }
        Some(Command::Schema { kind }) => commands::schema::print(&mut out, kind).map(|()| 0),
        // The protocol owns stdout: nothing else may be written there.
        Some(Command::Lsp { ig, config, stdio: _ }) => {
            drop(out);
            return match commands::lsp::serve(commands::lsp::Context::new(ig, config, cli.lang)) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("{TOOL} lsp: {e}");
                    USAGE
                }
            };
        }
        None => validate(&cli.check, cli.lang, &mut out),
    };
    let result = result.and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => code,
        // `sas-validate ... | head`: the reader left, nothing to report.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("{TOOL}: {e}");
            USAGE
        }
    }
}

/// Prints a usage error in the run's language; the exit status is 2.
fn usage_error(m: &Message, lang: Lang) -> io::Result<u8> {
    eprintln!("{TOOL}: {}", m.get(lang));
    Ok(USAGE)
}

fn validate(args: &CheckArgs, lang_arg: Option<LangArg>, out: &mut dyn Write) -> io::Result<u8> {
    // Until the configuration is read, its errors are in the language of
    // the command line or the locale.
    let early = locale::resolve(lang_arg);
    let config = match config::load(args.config.as_deref(), &args.inputs) {
        Ok(c) => c,
        Err(m) => return usage_error(&m, early),
    };
    let lang = locale::resolve(lang_arg.or(config.lang));
    if let Some(r) = &args.request
        && !cli::request_makes_sense(r)
    {
        let m = Message::new(
            format!(
                "--request : `{r}` n'est pas une URL de requête (attendu : http(s)://hôte/chemin?requête, /chemin?requête ou ?requête)"
            ),
            format!(
                "--request: `{r}` is not a request URL (expected: http(s)://host/path?query, /path?query or ?query)"
            ),
        );
        return usage_error(&m, lang);
    }
    // The command line replaces the file's lists, as it does its values.
    let select = if args.select.is_empty() { &config.select } else { &args.select };
    let ignore = if args.ignore.is_empty() { &config.ignore } else { &args.ignore };
    let selection = match Selection::new(select, ignore) {
        Ok(s) => s,
        Err(m) => return usage_error(&m, lang),
    };
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(Severity::Error);
    let writing = args.write_baseline.is_some();
    // A new baseline lists every current finding, whatever the old one says.
    let baseline_path =
        if writing { None } else { args.baseline.clone().or(config.baseline.clone()) };
    let baseline = match baseline_path.as_deref().map(Baseline::read).transpose() {
        Ok(b) => b.map(Arc::new),
        Err(m) => return usage_error(&m, lang),
    };
    // --base wins over the file's `profile` and `use-case`; --profile or
    // --use-case over its `base` (the file itself may not mix them).
    let base_only = args.base
        || (config.base.unwrap_or(false) && args.profile.is_none() && args.use_case.is_none());
    // Loaded once, before any input: a broken package stops the run.
    let validator = match args.ig.as_deref().or(config.ig.as_deref()).map(conformance::load_ig) {
        Some(Ok(v)) => Some(v),
        Some(Err(m)) => return usage_error(&m, lang),
        None => None,
    };
    let wanted =
        if base_only { None } else { args.profile.as_deref().or(config.profile.as_deref()) };
    let profile = match wanted {
        Some(w) => {
            let defs = validator.as_deref().unwrap_or_else(|| Validator::builtin()).definitions();
            match conformance::resolve_profile(defs, w) {
                Ok(url) => Some(url),
                Err(m) => return usage_error(&m, lang),
            }
        }
        None => None,
    };
    let planned = input::discover(&args.inputs);
    if args.request.is_some() {
        let single_body = matches!(
            planned.as_slice(),
            [p] if matches!(&p.what, Ok((Origin::Stdin, None)) | Ok((_, Some(InputKind::Body))))
        );
        if !single_body {
            eprintln!(
                "{TOOL}: {}",
                tr(
                    lang,
                    "--request s'applique à un seul fichier de réponse (.json ou -), pas à une capture HAR ni à plusieurs fichiers",
                    "--request applies to a single response file (.json or -), not to a HAR capture or several inputs",
                )
            );
            return Ok(USAGE);
        }
    }
    let use_case = if base_only {
        UseCaseArg::Auto
    } else {
        args.use_case.or(config.use_case).unwrap_or(UseCaseArg::Auto)
    };
    // Said, else implied by a loaded package (`--ig`), else 1.1.0.
    let ig_version = args
        .ig_version
        .or(config.ig_version)
        .or_else(|| validator.as_deref().and_then(|v| conformance::ig_version_of(v.definitions())))
        .unwrap_or_default();
    let settings = Settings {
        engine: EngineOptions {
            rules: Options {
                use_case: match use_case {
                    UseCaseArg::Ps => Some(UseCase::PS),
                    UseCaseArg::Cpts => Some(UseCase::CPTS),
                    UseCaseArg::Sos => Some(UseCase::SOS),
                    UseCaseArg::Auto => None,
                },
                // The command line wins over the file, in both directions.
                strict: args.strict || (!args.no_strict && config.strict.unwrap_or(false)),
                now: args.now,
                ignore: selection.ignored_ids(),
                // A baseline fingerprints every finding and the statistics
                // count every finding per rule: nothing may go unstored.
                max_findings: if writing || baseline.is_some() || args.statistics {
                    usize::MAX
                } else {
                    Options::default().max_findings
                },
                validator,
                profile,
                base_only,
                structure: true,
                // Kept with several inputs at once too: turning it off when
                // every core had an input was no faster (README, "Seventh step").
                second_thread: true,
            },
            request: args.request.clone(),
            flow: args.flow.or(config.flow).map(|f| f.flow()),
            ig_version,
        },
        // People read text: the information notes (e.g. "request taken from
        // the self link") would drown the defects. Tools get everything, and
        // a baseline must list every finding that counts.
        min_severity: Some(if writing {
            Severity::Information
        } else {
            args.min_severity.or(config.min_severity).unwrap_or(if args.format == Format::Text {
                Severity::Warning
            } else {
                Severity::Information
            })
        }),
        redact: args.redact || (!args.no_redact && config.redact.unwrap_or(false)),
        stored_cap: (baseline.is_some() && !args.statistics)
            .then_some(Options::default().max_findings),
        selection,
        baseline,
    };
    let ctx = Ctx {
        lang,
        color: args.format == Format::Text && use_color(args.color),
        quiet: args.quiet,
        fail_on,
    };
    let jobs = args.jobs.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism().map(std::num::NonZeroUsize::get).unwrap_or(1)
    });
    let progress = (!args.quiet && io::stderr().is_terminal())
        .then(|| Progress::new(planned.len(), planned.iter().map(|p| p.size).sum(), lang));
    let mut renderer = if args.statistics {
        let Some(r) = render::statistics::renderer(args.format, ctx) else {
            eprintln!(
                "{TOOL}: {}",
                tr(
                    lang,
                    "--statistics s'utilise avec --format text ou json",
                    "--statistics works with --format text or json",
                )
            );
            return Ok(USAGE);
        };
        r
    } else {
        render::renderer(args.format, ctx)
    };
    let mut summary = Summary::default();
    if let Some(file) = &args.write_baseline {
        let mut writer = baseline::Writer::default();
        run::run(&planned, &settings, jobs, progress, &mut |report| {
            summary.add(&report, fail_on);
            if let Some(line) = render::input_error_line(&report, lang) {
                eprintln!("{line}");
            }
            writer.add(&report);
            Ok(())
        })?;
        let n = writer.len() as u64;
        if let Err(e) = std::fs::write(file, writer.to_json()) {
            let shown = file.display();
            let m = Message::new(
                format!("{shown} : écriture impossible ({e})"),
                format!("{shown}: cannot write ({e})"),
            );
            return usage_error(&m, lang);
        }
        if !args.quiet {
            let what = match lang {
                Lang::Fr => render::plural(lang, n, "constat", "constats"),
                Lang::En => render::plural(lang, n, "finding", "findings"),
            };
            eprintln!(
                "{TOOL}: {} {what} → {}",
                tr(lang, "référence écrite :", "baseline written:"),
                file.display()
            );
        }
        // A broken body is never written to a baseline: say so, and fail.
        if summary.counts.fatal > 0 && !args.quiet {
            let n = summary.counts.fatal;
            eprintln!(
                "{TOOL}: {}",
                match lang {
                    Lang::Fr => format!(
                        "{} (corps inexploitable) : jamais mis dans la référence, à corriger",
                        render::plural(lang, n, "constat fatal", "constats fatals")
                    ),
                    Lang::En => format!(
                        "{} (unusable body): never written to the baseline, to be fixed",
                        render::plural(lang, n, "fatal finding", "fatal findings")
                    ),
                }
            );
        }
        return Ok(if summary.unusable > 0 {
            USAGE
        } else if summary.counts.fatal > 0 {
            1
        } else {
            0
        });
    }
    run::run(&planned, &settings, jobs, progress, &mut |report| {
        summary.add(&report, fail_on);
        if let Some(line) = render::input_error_line(&report, lang) {
            eprintln!("{line}");
        }
        renderer.input(out, report)
    })?;
    renderer.finish(out, &summary)?;
    Ok(summary.exit_code)
}

/// `auto`: only on a terminal, and not when NO_COLOR is set to anything
/// (<https://no-color.org>); an explicit `always` overrides NO_COLOR.
fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}
