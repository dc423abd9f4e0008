//! One document's text to LSP diagnostics: the same libraries, options and
//! configuration file as the command line, on the editor's (unsaved) text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use fr_fhir_core::conformance::walk::Validator;
use fr_fhir_core::finding::{Finding, Lang, Message, Severity, Target};
use fr_fhir_core::rules::{Options, UseCase};
use lsp_types::{CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Range, Uri};

pub use super::diagnosed::Diagnosed;
use super::fix;
use super::position::{LineMap, token_end};
use super::related::{self, Facts};
use crate::cli::{LangArg, UseCaseArg};
use crate::config::{self, Config};
use crate::engine::{self, EngineOptions};
use crate::locale::{self, tr};
use crate::model::InputKind;
use crate::select::Selection;
use crate::{conformance, rules_doc};

/// What the server was started with (`sas-validate lsp --ig ... --config ...`).
#[derive(Debug, Default)]
pub struct Context {
    /// `--ig`: wins over the configuration file's `ig`.
    pub ig: Option<PathBuf>,
    /// `--config`: else the `sas-validate.toml` found from the document's folder.
    pub config: Option<PathBuf>,
    /// `--lang`: else the configuration's, else the locale's.
    pub lang: Option<LangArg>,
    /// The editor's `initializationOptions.rulesDocumentation`: the address
    /// of a copy of `docs/RULES.md` (a vendor's mirror), to which
    /// `#<rule-id>` is appended; else the page on docs.rs.
    pub docs: Option<String>,
    /// IG packages already loaded (loading one takes a while).
    igs: HashMap<PathBuf, Result<Arc<Validator>, Message>>,
}

impl Context {
    /// A context for these command-line options.
    pub fn new(ig: Option<PathBuf>, config: Option<PathBuf>, lang: Option<LangArg>) -> Self {
        Context { ig, config, lang, docs: None, igs: HashMap::new() }
    }
}

/// The language of a document's messages.
pub fn language(ctx: &Context, path: Option<&Path>) -> Lang {
    let cfg = path.and_then(|p| config::load(ctx.config.as_deref(), &[p.to_path_buf()]).ok());
    locale::resolve(ctx.lang.or(cfg.and_then(|c| c.lang)))
}

/// Validates `text`, the content of the document `uri` at `path` (`None`:
/// not a file, e.g. an unsaved buffer).
pub fn diagnose(ctx: &mut Context, uri: &Uri, path: Option<&Path>, text: &str) -> Vec<Diagnosed> {
    let map = LineMap::new(text);
    let early = locale::resolve(ctx.lang);
    let cfg = match path {
        Some(p) => config::load(ctx.config.as_deref(), &[p.to_path_buf()]),
        None => ctx.config.as_deref().map_or(Ok(Config::default()), |c| config::load(Some(c), &[])),
    };
    let cfg = match cfg {
        Ok(c) => c,
        Err(m) => return vec![plain(&m, early, Range::default())],
    };
    let lang = locale::resolve(ctx.lang.or(cfg.lang));
    let (opts, selection) = match options(ctx, &cfg) {
        Ok(o) => o,
        Err(m) => return vec![plain(&m, lang, Range::default())],
    };
    let min = cfg.min_severity.unwrap_or(Severity::Information);
    let kind = match path.and_then(Path::extension).and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("har") => InputKind::Har,
        _ => match int_ro1::capture::sniff(text) {
            int_ro1::capture::CaptureKind::Har => InputKind::Har,
            int_ro1::capture::CaptureKind::Body => InputKind::Body,
        },
    };
    let mut out = Vec::new();
    let body_root = kind == InputKind::Body;
    // One exchange at a time: a knock-on and its cause are in one exchange.
    let mut add = |findings: Vec<Finding>| {
        // Most exchanges have no located cause: then nothing more is kept.
        let knock_ons =
            findings.iter().any(|f| f.cause.as_ref().is_some_and(|c| c.expression.is_some()));
        let (mut found, mut facts) = (Vec::new(), Vec::new());
        for f in findings {
            let fatal = f.severity == Severity::Fatal;
            if (fatal || selection.keeps(f.rule)) && f.severity >= min {
                let (d, fact) = diagnostic(f, text, &map, (lang, ctx.docs.as_deref()), knock_ons);
                found.push(d);
                facts.extend(fact);
            }
        }
        if knock_ons {
            related::link(&mut found, &facts, (uri, text, &map), body_root, lang);
        }
        out.extend(found);
    };
    match kind {
        InputKind::Body => add(engine::body(text, &opts).findings),
        InputKind::Har => {
            let r = engine::har(text, &opts, &mut |u| add(u.findings));
            if let Err(e) = r {
                let at = e.offset.unwrap_or(0);
                let range = Range::new(map.position(at), map.position(token_end(text, at)));
                out.push(plain(&e.message, lang, range));
            }
        }
    }
    out
}

/// The engine options and selection of the command line, from the
/// configuration file and `--ig` (the LSP has no other flags).
fn options(ctx: &mut Context, cfg: &Config) -> Result<(EngineOptions, Selection), Message> {
    let selection = Selection::new(&cfg.select, &cfg.ignore)?;
    let ig = ctx.ig.clone().or_else(|| cfg.ig.clone());
    let validator = match ig {
        Some(p) => {
            Some(ctx.igs.entry(p.clone()).or_insert_with(|| conformance::load_ig(&p)).clone()?)
        }
        None => None,
    };
    let base_only = cfg.base.unwrap_or(false);
    let profile = match cfg.profile.as_deref().filter(|_| !base_only) {
        Some(w) => {
            let defs = validator.as_deref().unwrap_or_else(|| Validator::builtin()).definitions();
            Some(conformance::resolve_profile(defs, w)?)
        }
        None => None,
    };
    let use_case = match cfg.use_case.filter(|_| !base_only) {
        Some(UseCaseArg::Ps) => Some(UseCase::PS),
        Some(UseCaseArg::Cpts) => Some(UseCase::CPTS),
        Some(UseCaseArg::Sos) => Some(UseCase::SOS),
        Some(UseCaseArg::Auto) | None => None,
    };
    let rules = Options {
        use_case,
        strict: cfg.strict.unwrap_or(false),
        ignore: selection.ignored_ids(),
        validator,
        profile,
        base_only,
        structure: true,
        ..Options::default()
    };
    // The configuration file's reading of plain body files and of the IG
    // version, as the command line's (said, else implied by a loaded
    // package, else 1.1.0).
    let flow = cfg.flow.map(|f| f.flow());
    let ig_version = cfg
        .ig_version
        .or_else(|| {
            rules.validator.as_deref().and_then(|v| conformance::ig_version_of(v.definitions()))
        })
        .unwrap_or_default();
    Ok((EngineOptions { rules, request: None, flow, ig_version }, selection))
}

/// The diagnostic of `f`, and what [`related::link`] needs of it when
/// `facts` (the exchange has knock-ons).
fn diagnostic(
    f: Finding,
    text: &str,
    map: &LineMap<'_>,
    (lang, docs): (Lang, Option<&str>),
    facts: bool,
) -> (Diagnosed, Option<Facts>) {
    let start = f
        .resolved
        .as_ref()
        .and_then(|r| r.offset)
        .map_or(0, |o| usize::try_from(o).unwrap_or(usize::MAX).min(text.len()));
    let range = Range::new(map.position(start), map.position(token_end(text, start)));
    let mut message = f.message.get(lang).to_owned();
    let expression = f.resolved.as_ref().map(|r| r.expression.as_str()).filter(|e| !e.is_empty());
    if let Some(x) = expression {
        message.push_str(&format!("\n--> {x}"));
    }
    if let Some(c) = &f.cause {
        message.push_str(&format!(
            "\n{} {}",
            tr(lang, "cause :", "caused by:"),
            c.message.get(lang)
        ));
    }
    let severity = match f.severity {
        Severity::Fatal | Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
    };
    let missing = match &f.target {
        Target::Body { child, .. } => child.as_deref(),
        _ => None,
    };
    let data = (f.rule.id == fix::SEARCH_MODE)
        .then(|| fix::search_mode_data(&f.message.en, missing))
        .flatten();
    let facts = facts.then(|| Facts {
        // A missing child's range is its parent's brace: no cause is there.
        expression: expression.filter(|_| missing.is_none()).map(str::to_owned),
        message: f.message.get(lang).to_owned(),
        cause: f.cause.as_ref().map(|c| (c.message.get(lang).to_owned(), c.expression.clone())),
    });
    let href = match docs {
        Some(base) => format!("{base}#{}", f.rule.id.to_ascii_lowercase()),
        None => rules_doc::help_uri(f.rule.id),
    };
    let href = Uri::from_str(&href).ok();
    let diagnosed = Diagnosed {
        diagnostic: Diagnostic {
            range,
            severity: Some(severity),
            code: Some(NumberOrString::String(f.rule.id.to_owned())),
            code_description: href.map(|href| CodeDescription { href }),
            source: Some("sas-validate".to_owned()),
            message,
            data,
            ..Diagnostic::default()
        },
        rule: Some(f.rule),
    };
    (diagnosed, facts)
}

/// A problem that is not a rule's finding (configuration, capture).
fn plain(m: &Message, lang: Lang, range: Range) -> Diagnosed {
    Diagnosed {
        diagnostic: Diagnostic {
            range,
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("sas-validate".to_owned()),
            message: m.get(lang).to_owned(),
            ..Diagnostic::default()
        },
        rule: None,
    }
}
