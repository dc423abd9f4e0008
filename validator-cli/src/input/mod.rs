//! Inputs: which files to validate (command line, directory walks, stdin)
//! and how their bytes are read.

mod mmap;
pub(crate) mod source;
mod walk;

use std::path::{Path, PathBuf};

use fr_fhir_core::finding::Message;

use crate::model::{InputError, InputKind};

/// Files above this size are memory-mapped instead of read.
pub const MMAP_THRESHOLD: u64 = 1 << 20;

/// Where an input's bytes come from.
///
/// ```
/// use std::path::PathBuf;
/// use validator_cli::input::{Origin, discover};
/// let planned = discover(&[PathBuf::from("-")]);
/// assert_eq!(planned[0].display, "-");
/// // Body or HAR is told from the bytes once read.
/// assert_eq!(planned[0].what, Ok((Origin::Stdin, None)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// One input to validate, or one that cannot be: both keep their place in
/// the output order.
///
/// ```
/// use validator_cli::input::{Origin, Planned, discover};
/// use validator_cli::model::InputKind;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-planned-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let har = dir.join("b.har");
/// # std::fs::write(&har, "{}").unwrap();
/// # let body = dir.join("a.json");
/// # std::fs::write(&body, "{}").unwrap();
/// // A folder is walked in name order; what cannot be read keeps its place.
/// let planned: Vec<Planned> = discover(&[dir.clone(), "no/such/file.json".into()]);
/// assert_eq!(planned.len(), 3);
/// assert_eq!(planned[0].what, Ok((Origin::File(body), Some(InputKind::Body))));
/// assert_eq!(planned[1].what, Ok((Origin::File(har), Some(InputKind::Har))));
/// assert!(planned[2].what.is_err());
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Path shown to the user.
    pub display: String,
    /// What to read, or why nothing can be read.
    pub what: Result<(Origin, Option<InputKind>), InputError>,
    /// Size on disk, when known (for the progress bar).
    pub size: u64,
}

/// Expands the command-line inputs in order: files as given, directories
/// walked in name order, `-` for stdin.
pub fn discover(inputs: &[PathBuf]) -> Vec<Planned> {
    let mut out = Vec::new();
    let mut seen = walk::Seen::default();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(Planned { display: "-".into(), what: Ok((Origin::Stdin, None)), size: 0 });
            continue;
        }
        let display = p.display().to_string();
        match std::fs::metadata(p) {
            Err(e) => out.push(Planned { display, what: Err(source::io_message(&e)), size: 0 }),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                walk::walk(p, &mut seen, &mut out);
                // A directory with nothing to validate is a mistake in the
                // command (wrong directory, wrong extension), not a pass.
                if out.len() == before {
                    out.push(Planned { display, what: Err(nothing_found()), size: 0 });
                }
            }
            Ok(m) => {
                // An explicit file is validated whatever its extension:
                // `.har` is a capture, anything else a response body.
                let kind = kind_of(p).unwrap_or(InputKind::Body);
                if seen.first_time(p) {
                    out.push(Planned {
                        display,
                        what: Ok((Origin::File(p.clone()), Some(kind))),
                        size: m.len(),
                    });
                }
            }
        }
    }
    out
}

fn nothing_found() -> InputError {
    InputError::plain(
        "not-found",
        Message::new(
            "aucun fichier à valider (.json ou .har) dans ce répertoire",
            "no input found (no .json or .har file in this directory)",
        ),
    )
}

/// `.json` is a response body, `.har` a capture (any case); other files are
/// not picked up by directory walks.
pub fn kind_of(p: &Path) -> Option<InputKind> {
    let ext = p.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(InputKind::Body),
        "har" => Some(InputKind::Har),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_decide_the_kind() {
        assert_eq!(kind_of(Path::new("a/b.JSON")), Some(InputKind::Body));
        assert_eq!(kind_of(Path::new("x.har")), Some(InputKind::Har));
        assert_eq!(kind_of(Path::new("x.txt")), None);
        assert_eq!(kind_of(Path::new("json")), None);
    }

    #[test]
    fn missing_paths_and_stdin_keep_their_place() {
        let got = discover(&[PathBuf::from("/nonexistent/x.json"), PathBuf::from("-")]);
        assert_eq!(got.len(), 2);
        assert!(
            matches!(&got[..], [a, b] if a.what.is_err() && b.what == Ok((Origin::Stdin, None)))
        );
    }
}
