//! The validation thread: collects jobs, waits for typing to pause, keeps
//! only the newest version of each document, and publishes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use fr_fhir_core::finding::RuleMeta;
use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{Diagnostic, Position, PublishDiagnosticsParams, Range, Uri};

use super::diagnose::{self, Context, Diagnosed};

/// A document version to validate, not before `due`.
#[derive(Debug)]
pub struct Job {
    /// The document.
    pub uri: Uri,
    /// Its version.
    pub version: i32,
    /// Its text at that version.
    pub text: Arc<str>,
    /// When typing has paused long enough.
    pub due: Instant,
}

/// What the main thread and the worker both see.
#[derive(Debug, Default)]
pub struct Shared {
    /// The newest version of each open document.
    current: Mutex<HashMap<String, i32>>,
    /// The ranges and rules of each document's published diagnostics (hover).
    rules: Mutex<HashMap<String, Vec<(Range, &'static RuleMeta)>>>,
    /// `shutdown` was asked: validate and publish nothing more. A lock, not
    /// a flag: publishing holds it, so once [`Shared::stop`] returns no
    /// diagnostics can follow the answer to `shutdown`.
    stopped: Mutex<bool>,
}

impl Shared {
    /// Records the newest version of a document (`None`: closed).
    pub fn set_current(&self, uri: &str, version: Option<i32>) {
        if let Ok(mut c) = self.current.lock() {
            match version {
                Some(v) => c.insert(uri.to_owned(), v),
                None => c.remove(uri),
            };
        }
        if version.is_none()
            && let Ok(mut r) = self.rules.lock()
        {
            r.remove(uri);
        }
    }

    /// After `shutdown`: nothing more is validated or published.
    pub fn stop(&self) {
        if let Ok(mut s) = self.stopped.lock() {
            *s = true;
        }
    }

    fn stopped(&self) -> bool {
        self.stopped.lock().map_or(true, |s| *s)
    }

    fn is_current(&self, uri: &str, version: i32) -> bool {
        self.current.lock().is_ok_and(|c| c.get(uri) == Some(&version))
    }

    /// The rules of the diagnostics whose range holds `pos`.
    pub fn rules_at(&self, uri: &str, pos: Position) -> Vec<&'static RuleMeta> {
        let Ok(r) = self.rules.lock() else { return Vec::new() };
        r.get(uri)
            .into_iter()
            .flatten()
            .filter(|(range, _)| range.start <= pos && pos <= range.end)
            .map(|(_, rule)| *rule)
            .collect()
    }
}

/// The `textDocument/publishDiagnostics` notification.
pub fn publish(uri: &Uri, version: Option<i32>, diagnostics: Vec<Diagnostic>) -> Message {
    let p = PublishDiagnosticsParams { uri: uri.clone(), diagnostics, version };
    Message::Notification(Notification::new(PublishDiagnostics::METHOD.to_owned(), p))
}

/// Runs until the main thread drops its end of `rx`.
pub fn run(rx: &mpsc::Receiver<Job>, shared: &Shared, mut ctx: Context, send: &dyn Fn(Message)) {
    let mut pending: HashMap<String, Job> = HashMap::new();
    loop {
        let next = match pending.values().map(|j| j.due).min() {
            None => rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
            Some(due) => rx.recv_timeout(due.saturating_duration_since(Instant::now())),
        };
        match next {
            // A newer version replaces the one waiting.
            Ok(job) => {
                pending.insert(job.uri.as_str().to_owned(), job);
                continue;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        let now = Instant::now();
        let ready: Vec<String> =
            pending.iter().filter(|(_, j)| j.due <= now).map(|(k, _)| k.clone()).collect();
        for key in ready {
            let Some(job) = pending.remove(&key) else { continue };
            if shared.stopped() {
                return;
            }
            if !shared.is_current(&key, job.version) {
                continue;
            }
            let path = super::file_path(&job.uri);
            let found = diagnose::diagnose(&mut ctx, &job.uri, path.as_deref(), &job.text);
            // Held until published: `shutdown` waits for it (see `stopped`).
            let Ok(stopped) = shared.stopped.lock() else { return };
            if *stopped {
                return;
            }
            // Typing went on while this version was validated: its
            // diagnostics would point at text that is no longer there.
            if !shared.is_current(&key, job.version) {
                continue;
            }
            let (rules, diagnostics) = split(found);
            if let Ok(mut r) = shared.rules.lock() {
                r.insert(key, rules);
            }
            send(publish(&job.uri, Some(job.version), diagnostics));
            drop(stopped);
        }
    }
}

fn split(found: Vec<Diagnosed>) -> (Vec<(Range, &'static RuleMeta)>, Vec<Diagnostic>) {
    let rules = found.iter().filter_map(|d| Some((d.diagnostic.range, d.rule?))).collect();
    (rules, found.into_iter().map(|d| d.diagnostic).collect())
}
