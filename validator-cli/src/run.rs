//! Validates the inputs on `jobs` threads and hands the reports to the sink
//! in input order, whatever order they finish in: the output is the same
//! byte for byte for any `--jobs`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::check::{Settings, check};
use crate::input::Planned;
use crate::model::InputReport;
use crate::progress::Progress;

/// Runs the validation; stops early (and returns the error) when the sink
/// fails, e.g. on a closed pipe.
pub fn run(
    planned: &[Planned],
    settings: &Settings,
    jobs: usize,
    mut progress: Option<Progress>,
    sink: &mut dyn FnMut(InputReport) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let workers = jobs.clamp(1, planned.len().max(1));
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, InputReport)>();
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(p) = planned.get(i) else { break };
                    if tx.send((i, check(p, settings))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, InputReport> = BTreeMap::new();
        let mut expected = 0usize;
        let mut result = Ok(());
        loop {
            let got = match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(g) => Some(g),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            if let Some((i, report)) = got {
                if let Some(p) = progress.as_mut() {
                    p.done(report.size);
                }
                pending.insert(i, report);
            }
            while let Some(report) = pending.remove(&expected) {
                expected += 1;
                if result.is_ok() {
                    // The bar shares the terminal with stdout: wipe it first.
                    if let Some(p) = progress.as_mut() {
                        p.clear();
                    }
                    result = sink(report);
                    if result.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            }
            if let Some(p) = progress.as_mut() {
                p.tick();
            }
        }
        if let Some(p) = progress.as_mut() {
            p.clear();
        }
        result
    })
}
