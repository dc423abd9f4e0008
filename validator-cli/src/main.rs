//! `sas-validate`: validates SAS INT_RO1 slot-search exchanges (FHIR R4
//! response bodies and HAR captures) offline, and reports the findings in
//! the format a person, a CI job or a FHIR tool reads.
//!
//! The binary is thin: the rules live in `fr-fhir-core` and `int-ro1`; this
//! crate finds the inputs, runs them in parallel, and renders.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use fr_fhir_core::finding::Severity;
use fr_fhir_core::rules::{Options, UseCase};
use validator_cli::{commands, input, locale, render, run};

use validator_cli::check::Settings;
use validator_cli::cli::{CheckArgs, Cli, ColorArg, Command, Format, UseCaseArg};
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
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { USAGE } else { 0 };
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let result = match cli.command {
        Some(Command::Rules { lang, json }) => {
            commands::rules::print(&mut out, locale::resolve(lang), json).map(|()| 0)
        }
        Some(Command::Explain { rule, lang }) => {
            let lang = locale::resolve(lang);
            commands::explain::print(&mut out, &mut io::stderr(), &rule, lang)
                .map(|found| if found { 0 } else { USAGE })
        }
        Some(Command::Completions { shell }) => {
            commands::completions::print(&mut out, shell);
            Ok(0)
        }
        Some(Command::Schema { kind }) => commands::schema::print(&mut out, kind).map(|()| 0),
        None => validate(&cli.check, &mut out),
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

fn validate(args: &CheckArgs, out: &mut dyn Write) -> io::Result<u8> {
    let lang = locale::resolve(args.lang);
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
                    "--request s'applique à un seul fichier de réponse (.json ou -), pas à une capture HAR ni à plusieurs entrées",
                    "--request applies to a single response file (.json or -), not to a HAR capture or several inputs",
                )
            );
            return Ok(USAGE);
        }
    }
    let settings = Settings {
        engine: EngineOptions {
            rules: Options {
                use_case: match args.use_case {
                    UseCaseArg::Ps => Some(UseCase::Ps),
                    UseCaseArg::Cpts => Some(UseCase::Cpts),
                    UseCaseArg::Sos => Some(UseCase::Sos),
                    UseCaseArg::Auto => None,
                },
                strict: args.strict,
                now: args.now,
                ..Options::default()
            },
            request: args.request.clone(),
        },
        // People read text: the information notes (e.g. "request taken from
        // the self link") would drown the defects. Tools get everything.
        min_severity: Some(args.min_severity.unwrap_or(if args.format == Format::Text {
            Severity::Warning
        } else {
            Severity::Information
        })),
        redact: args.redact,
    };
    let ctx = Ctx {
        lang,
        color: args.format == Format::Text && use_color(args.color),
        quiet: args.quiet,
        fail_on: args.fail_on,
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
    run::run(&planned, &settings, jobs, progress, &mut |report| {
        summary.add(&report, args.fail_on);
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
