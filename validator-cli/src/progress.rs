//! A progress line on stderr, for long runs on a terminal only.

use std::io::Write;
use std::time::{Duration, Instant};

use fr_fhir_core::finding::Lang;

use crate::locale::tr;

/// Nothing is drawn before the run has lasted this long.
const DELAY: Duration = Duration::from_millis(700);
/// Redraw period.
const PERIOD: Duration = Duration::from_millis(120);
const BAR: usize = 24;

/// State of the progress line.
#[derive(Debug)]
pub struct Progress {
    total_files: usize,
    total_bytes: u64,
    files: usize,
    bytes: u64,
    start: Instant,
    last: Option<Instant>,
    visible: bool,
    lang: Lang,
}

impl Progress {
    /// A progress line for `total_files` inputs weighing `total_bytes`.
    pub fn new(total_files: usize, total_bytes: u64, lang: Lang) -> Self {
        Progress {
            total_files,
            total_bytes,
            files: 0,
            bytes: 0,
            start: Instant::now(),
            last: None,
            visible: false,
            lang,
        }
    }

    /// One more input done.
    pub fn done(&mut self, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
    }

    /// Redraws when due.
    pub fn tick(&mut self) {
        let now = Instant::now();
        if now.duration_since(self.start) < DELAY
            || self.last.is_some_and(|l| now.duration_since(l) < PERIOD)
        {
            return;
        }
        self.last = Some(now);
        let line = self.line();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.visible = true;
    }

    /// Erases the line (before stdout output, and at the end).
    pub fn clear(&mut self) {
        if self.visible {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.visible = false;
            self.last = None;
        }
    }

    fn line(&self) -> String {
        let ratio = if self.total_bytes > 0 {
            self.bytes as f64 / self.total_bytes as f64
        } else if self.total_files > 0 {
            self.files as f64 / self.total_files as f64
        } else {
            0.0
        };
        let filled = ((ratio.clamp(0.0, 1.0)) * BAR as f64) as usize;
        let bar: String = (0..BAR).map(|i| if i < filled { '=' } else { ' ' }).collect();
        format!(
            "[{bar}] {}/{} {} · {:.1}/{:.1} {}",
            self.files,
            self.total_files,
            tr(self.lang, "fichiers", "files"),
            self.bytes as f64 / 1e6,
            self.total_bytes as f64 / 1e6,
            tr(self.lang, "Mo", "MB"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_shows_counts_and_a_bar() {
        let mut p = Progress::new(4, 2_000_000, Lang::En);
        p.done(1_000_000);
        let l = p.line();
        assert!(l.starts_with(&format!("[{}{}]", "=".repeat(12), " ".repeat(12))), "{l}");
        assert!(l.ends_with("1/4 files · 1.0/2.0 MB"), "{l}");
    }
}
