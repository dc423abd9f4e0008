//! `sas-validate.toml`: options kept with the files they apply to, found by
//! walking up from the first input, or given with `--config` (where a
//! `[tool.sas-validate]` table is used when there is one, pyproject style).
//! Command-line flags override the file.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use fr_fhir_core::finding::{Message, Severity};
use serde::Deserialize;

use crate::cli::{FlowArg, LangArg, UseCaseArg};

/// Name of the file looked for.
pub const FILE_NAME: &str = "sas-validate.toml";

/// The options of a configuration file, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file read (None: no file).
    pub path: Option<PathBuf>,
    /// `select`.
    pub select: Vec<String>,
    /// `ignore`.
    pub ignore: Vec<String>,
    /// `min-severity`.
    pub min_severity: Option<Severity>,
    /// `fail-on`.
    pub fail_on: Option<Severity>,
    /// `strict`.
    pub strict: Option<bool>,
    /// `use-case`.
    pub use_case: Option<UseCaseArg>,
    /// `flow`: the flow of plain body files.
    pub flow: Option<FlowArg>,
    /// `ig-version`: the IG reading of the appointment rules.
    pub ig_version: Option<int_ro1::exchange::IgVersion>,
    /// `lang`.
    pub lang: Option<LangArg>,
    /// `redact`.
    pub redact: Option<bool>,
    /// `baseline`, relative to the file's directory.
    pub baseline: Option<PathBuf>,
    /// `ig`: an IG package, relative to the file's directory.
    pub ig: Option<PathBuf>,
    /// `profile`: a canonical URL or a structure name.
    pub profile: Option<String>,
    /// `base`: base FHIR R4 only (never with `profile` or `use-case`).
    pub base: Option<bool>,
}

/// The keys as written (kebab-case); an unknown key is an error, not a
/// silently ignored typo.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    min_severity: Option<String>,
    fail_on: Option<String>,
    strict: Option<bool>,
    use_case: Option<String>,
    flow: Option<String>,
    ig_version: Option<String>,
    lang: Option<String>,
    redact: Option<bool>,
    baseline: Option<PathBuf>,
    ig: Option<PathBuf>,
    profile: Option<String>,
    base: Option<bool>,
}

/// A file whose `[tool.sas-validate]` table holds the options; the other
/// tools' tables are none of our business.
#[derive(Debug, Deserialize)]
struct Pyproject {
    tool: Tool,
}

#[derive(Debug, Deserialize)]
struct Tool {
    #[serde(rename = "sas-validate")]
    sas_validate: Raw,
}

/// The configuration for a run: `explicit` (`--config`), else the first
/// `sas-validate.toml` from the directory of the first input (the working
/// directory for stdin) up to the filesystem root, else none.
pub fn load(explicit: Option<&Path>, inputs: &[PathBuf]) -> Result<Config, Message> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match discover(inputs) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        let shown = path.display();
        Message::new(
            format!("{shown} : configuration illisible ({e})"),
            format!("{shown}: cannot read the configuration ({e})"),
        )
    })?;
    parse(&text, &path, explicit.is_some())
}

/// The first `sas-validate.toml` walking up from the first input.
fn discover(inputs: &[PathBuf]) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let start = match inputs.first() {
        Some(p) if p.as_os_str() != "-" => {
            let abs = cwd.join(p);
            if abs.is_dir() {
                abs
            } else {
                abs.parent().map_or_else(|| cwd.clone(), Path::to_path_buf)
            }
        }
        _ => cwd,
    };
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|f| f.is_file())
}

/// Parses a configuration text; `pyproject`: a `[tool.sas-validate]` table
/// is used when there is one.
fn parse(text: &str, path: &Path, pyproject: bool) -> Result<Config, Message> {
    let error = |e: toml::de::Error| {
        let at = e.span().map_or_else(String::new, |s| {
            let line = text.get(..s.start).map_or(1, |t| t.matches('\n').count() + 1);
            format!(":{line}")
        });
        let what = e.message().trim().to_string();
        Message::new(
            format!("{}{at} : configuration invalide : {what}", path.display()),
            format!("{}{at}: invalid configuration: {what}", path.display()),
        )
    };
    let nested = pyproject
        && toml::from_str::<toml::Table>(text)
            .map_err(error)?
            .get("tool")
            .and_then(|t| t.get("sas-validate"))
            .is_some();
    let raw = if nested {
        toml::from_str::<Pyproject>(text).map_err(error)?.tool.sas_validate
    } else {
        toml::from_str::<Raw>(text).map_err(error)?
    };
    let bad = |key: &str, value: &str, expected: &str| {
        Message::new(
            format!(
                "{} : `{key}` : valeur `{value}` invalide (attendu : {expected})",
                path.display()
            ),
            format!("{}: `{key}`: invalid value `{value}` (expected: {expected})", path.display()),
        )
    };
    const SEVERITIES: &str = "fatal, error, warning, information";
    let severity = |key: &str, v: Option<String>| {
        v.map(|v| v.to_ascii_lowercase().parse::<Severity>().map_err(|_| bad(key, &v, SEVERITIES)))
            .transpose()
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    // The same exclusion as on the command line, where --base wins over
    // the file's `profile` and `use-case`, and they over its `base`.
    if raw.base == Some(true) {
        for (key, set) in [("profile", raw.profile.is_some()), ("use-case", raw.use_case.is_some())]
        {
            if set {
                return Err(Message::new(
                    format!(
                        "{} : `base = true` exclut `{key}` (FHIR R4 de base seulement : aucun profil, aucune règle SAS)",
                        path.display()
                    ),
                    format!(
                        "{}: `base = true` excludes `{key}` (base FHIR R4 only: no profile, no SAS rule)",
                        path.display()
                    ),
                ));
            }
        }
    }
    Ok(Config {
        path: Some(path.to_path_buf()),
        select: raw.select.unwrap_or_default(),
        ignore: raw.ignore.unwrap_or_default(),
        min_severity: severity("min-severity", raw.min_severity)?,
        fail_on: severity("fail-on", raw.fail_on)?,
        strict: raw.strict,
        use_case: raw
            .use_case
            .map(|v| {
                UseCaseArg::from_str(&v, true)
                    .map_err(|_| bad("use-case", &v, "ps, cpts, sos, auto"))
            })
            .transpose()?,
        flow: raw
            .flow
            .map(|v| FlowArg::from_str(&v, true).map_err(|_| bad("flow", &v, "ro1, r02, r03")))
            .transpose()?,
        ig_version: raw
            .ig_version
            .map(|v| v.parse().map_err(|_| bad("ig-version", &v, "1.1.0, 1.2.0")))
            .transpose()?,
        lang: raw
            .lang
            .map(|v| LangArg::from_str(&v, true).map_err(|_| bad("lang", &v, "fr, en")))
            .transpose()?,
        redact: raw.redact,
        baseline: raw.baseline.map(|b| dir.join(b)),
        ig: raw.ig.map(|b| dir.join(b)),
        profile: raw.profile,
        base: raw.base,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, pyproject: bool) -> Result<Config, Message> {
        parse(text, Path::new("conf/x.toml"), pyproject)
    }

    #[test]
    fn keys_are_read_and_checked() {
        let c = p(
            "select = [\"RO1-SLOT\"]\nfail-on = \"Warning\"\nuse-case = \"cpts\"\nbaseline = \"b.json\"\n",
            false,
        )
        .unwrap();
        assert_eq!(c.select, ["RO1-SLOT"]);
        assert_eq!(c.fail_on, Some(Severity::Warning));
        assert_eq!(c.use_case, Some(UseCaseArg::Cpts));
        assert_eq!(c.baseline, Some(PathBuf::from("conf/b.json")));
        let c = p("flow = \"r03\"\nig-version = \"1.2.0\"\n", false).unwrap();
        assert_eq!(c.flow, Some(FlowArg::R03));
        assert_eq!(c.ig_version, Some(int_ro1::exchange::IgVersion::V1_2_0));
        assert!(p("ig-version = \"2\"\n", false).is_err());
    }

    #[test]
    fn unknown_keys_and_wrong_types_name_the_file_and_line() {
        let e = p("strict = true\nselct = []\n", false).unwrap_err();
        assert!(e.en.starts_with("conf/x.toml:2: invalid configuration"), "{}", e.en);
        let e = p("strict = \"yes\"\n", false).unwrap_err();
        assert!(e.en.starts_with("conf/x.toml:1:"), "{}", e.en);
        assert!(p("fail-on = \"loud\"\n", false).unwrap_err().en.contains("`loud`"));
    }

    #[test]
    fn conformance_keys_are_read_and_base_excludes_profile_and_use_case() {
        let c = p("ig = \"pkg/sas-1.2.0.tgz\"\nprofile = \"FrSlotAgregateur\"\n", false).unwrap();
        assert_eq!(c.ig, Some(PathBuf::from("conf/pkg/sas-1.2.0.tgz")));
        assert_eq!(c.profile.as_deref(), Some("FrSlotAgregateur"));
        assert_eq!(p("base = true\n", false).unwrap().base, Some(true));
        let e = p("base = true\nprofile = \"FrSlotAgregateur\"\n", false).unwrap_err();
        assert!(e.en.contains("`base = true` excludes `profile`"), "{}", e.en);
        let e = p("base = true\nuse-case = \"ps\"\n", false).unwrap_err();
        assert!(e.fr.contains("`base = true` exclut `use-case`"), "{}", e.fr);
        assert!(p("base = false\nuse-case = \"ps\"\n", false).is_ok());
    }

    #[test]
    fn tool_table_is_used_when_present() {
        let text =
            "[project]\nname = \"x\"\n[tool.other]\na = 1\n[tool.sas-validate]\nstrict = true\n";
        assert_eq!(p(text, true).unwrap().strict, Some(true));
        assert!(p(text, false).is_err());
        assert_eq!(p("strict = false\n", true).unwrap().strict, Some(false));
    }
}
