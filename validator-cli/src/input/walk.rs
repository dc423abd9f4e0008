//! Recursive directory walk: name order, hidden entries skipped, symbolic
//! links followed but loops detected, each file validated once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use fr_fhir_core::finding::Message;

use crate::model::InputError;

use super::{Origin, Planned, kind_of, source::io_message};

/// Files and directories already reached (by canonical path).
#[derive(Debug, Default)]
pub(crate) struct Seen {
    files: HashSet<PathBuf>,
    dirs: HashSet<PathBuf>,
}

impl Seen {
    /// True the first time a file is reached (through any link).
    pub fn first_time(&mut self, p: &Path) -> bool {
        match std::fs::canonicalize(p) {
            Ok(c) => self.files.insert(c),
            Err(_) => true,
        }
    }
}

struct Frame {
    canonical: PathBuf,
    entries: std::vec::IntoIter<PathBuf>,
}

/// Walks `root` depth-first with an explicit stack (deep trees cannot
/// overflow the call stack), pushing what it finds to `out`.
pub fn walk(root: &Path, seen: &mut Seen, out: &mut Vec<Planned>) {
    let mut stack: Vec<Frame> = Vec::new();
    enter(root, &mut stack, seen, out);
    while let Some(top) = stack.last_mut() {
        let Some(path) = top.entries.next() else {
            stack.pop();
            continue;
        };
        let display = path.display().to_string();
        match std::fs::metadata(&path) {
            Err(e) => {
                // Dangling links, loops of links (ELOOP), unreadable entries.
                if kind_of(&path).is_some() || is_link(&path) {
                    out.push(Planned { display, what: Err(link_message(&path, &e)), size: 0 });
                }
            }
            Ok(m) if m.is_dir() => enter(&path, &mut stack, seen, out),
            Ok(m) => {
                if let Some(kind) = kind_of(&path)
                    && seen.first_time(&path)
                {
                    out.push(Planned {
                        display,
                        what: Ok((Origin::File(path), Some(kind))),
                        size: m.len(),
                    });
                }
            }
        }
    }
}

fn enter(dir: &Path, stack: &mut Vec<Frame>, seen: &mut Seen, out: &mut Vec<Planned>) {
    let display = dir.display().to_string();
    let canonical = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            out.push(Planned { display, what: Err(io_message(&e)), size: 0 });
            return;
        }
    };
    if stack.iter().any(|f| f.canonical == canonical) {
        out.push(Planned {
            display,
            what: Err(InputError::plain(
                "processing",
                Message::new(
                    format!(
                        "boucle de liens symboliques (mène à {}) : ignoré",
                        canonical.display()
                    ),
                    format!("symbolic link loop (leads back to {}): skipped", canonical.display()),
                ),
            )),
            size: 0,
        });
        return;
    }
    if !seen.dirs.insert(canonical.clone()) {
        // Reached again through another link: its files are already listed.
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect(),
        Err(e) => {
            out.push(Planned { display, what: Err(io_message(&e)), size: 0 });
            return;
        }
    };
    entries.sort();
    stack.push(Frame { canonical, entries: entries.into_iter() });
}

fn is_link(p: &Path) -> bool {
    std::fs::symlink_metadata(p).map(|m| m.file_type().is_symlink()).unwrap_or(false)
}

fn link_message(p: &Path, e: &std::io::Error) -> InputError {
    if is_link(p) && e.kind() == std::io::ErrorKind::NotFound {
        return InputError::plain(
            "not-found",
            Message::new(
                "lien symbolique cassé (sa cible n'existe pas)",
                "broken symbolic link (its target does not exist)",
            ),
        );
    }
    // ELOOP has no stable ErrorKind on every toolchain: name it from the OS code.
    if e.raw_os_error() == Some(40) {
        return InputError::plain(
            "processing",
            Message::new(
                format!("boucle de liens symboliques : ignoré ({e})"),
                format!("symbolic link loop: skipped ({e})"),
            ),
        );
    }
    io_message(e)
}

// Two attributes rather than cfg(all(test, unix)): clippy recognises test code
// (and clippy.toml's *-in-tests settings) only by a plain cfg(test).
#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn tmp(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("sas-validate-walk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn walks_in_name_order_skipping_other_files_and_hidden_ones() {
        let d = tmp("order");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        for f in ["b.json", "a.har", "c.txt", ".hidden.json", "sub/z.JSON"] {
            std::fs::write(d.join(f), "{}").unwrap();
        }
        let mut out = Vec::new();
        walk(&d, &mut Seen::default(), &mut out);
        let names: Vec<String> = out
            .iter()
            .map(|p| Path::new(&p.display).strip_prefix(&d).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.har", "b.json", "sub/z.JSON"]);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn symlink_loops_are_reported_once_and_do_not_hang() {
        let d = tmp("loop");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.json"), "{}").unwrap();
        symlink(&d, d.join("sub/back")).unwrap();
        symlink(d.join("self.json"), d.join("self.json")).unwrap_or(());
        let mut out = Vec::new();
        walk(&d, &mut Seen::default(), &mut out);
        let errors: Vec<&Planned> = out.iter().filter(|p| p.what.is_err()).collect();
        assert_eq!(out.iter().filter(|p| p.what.is_ok()).count(), 1);
        assert_eq!(errors.len(), 2, "{out:?}");
        assert!(errors.iter().all(|p| p.what.as_ref().unwrap_err().message.en.contains("loop")));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_directory_reached_twice_lists_its_files_once() {
        let d = tmp("twice");
        std::fs::create_dir_all(d.join("real")).unwrap();
        std::fs::write(d.join("real/a.json"), "{}").unwrap();
        symlink(d.join("real"), d.join("alias")).unwrap();
        let mut out = Vec::new();
        walk(&d, &mut Seen::default(), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        let _ = std::fs::remove_dir_all(&d);
    }
}
