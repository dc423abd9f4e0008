//! Scoped threads whose result is handed back as soon as it is made.
//!
//! `ScopedJoinHandle::join` waits for the thread to exit, its thread-local
//! destructors and the release of its stack included: 0.1–0.3 ms after the
//! work was done, measured on the 2-vCPU VM (2–5 % of the SLA Bundle's
//! validation). The result is sent instead and the thread left to finish
//! exiting while the caller goes on; the scope still waits, at its end, for
//! the thread to have returned (not to have exited).
//!
//! Also how a thread waits for what another is about to hand it ([`poll`]):
//! polled for before it sleeps.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::{Builder, Scope, ScopedJoinHandle};
use std::time::{Duration, Instant};

/// How long a thread polls for what another thread is about to hand it
/// before it sleeps: waking a sleeping thread took 50–150 µs on the 2-vCPU
/// VM (twice in a row at the end of a split Bundle: the helping thread woken
/// by the closed queue, then the reading thread by its result). Polled: a
/// second thread's result ([`Handback::wait`]: the walking thread's, the
/// line counter's, the second part's), the header and the part between a
/// split Bundle's threads, and, once a part is read, the other part's
/// batches of walks; the walking thread of an unsplit Bundle sleeps between
/// batches while the document is read.
pub(crate) const POLL: Duration = Duration::from_millis(2);

/// `ready()` polled for [`POLL`] until it gives something; `None`: nothing
/// came (the caller then sleeps until it does). The core is offered to any
/// other thread waiting for it between rounds: with more threads than cores
/// (`sas-validate` validates one input per core, each with its second
/// thread; two fuzzers side by side), the thread polled for may be the one
/// waiting, and a poll that kept the core cost the fuzzer five sixths of its
/// speed.
pub(crate) fn poll<T>(mut ready: impl FnMut() -> Option<T>) -> Option<T> {
    let until = Instant::now() + POLL;
    loop {
        for _ in 0..64 {
            if let Some(t) = ready() {
                return Some(t);
            }
            std::hint::spin_loop();
        }
        if Instant::now() >= until {
            return None;
        }
        std::thread::yield_now();
    }
}

/// A scoped thread running a closure, and the way its result comes back.
pub(crate) struct Handback<'scope, T> {
    result: Receiver<T>,
    thread: ScopedJoinHandle<'scope, ()>,
}

/// Runs `f` on a thread of `builder`'s making in `scope` (an error: the
/// system refused the thread).
pub(crate) fn spawn<'scope, T: Send + 'scope>(
    builder: Builder,
    scope: &'scope Scope<'scope, '_>,
    f: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<Handback<'scope, T>> {
    let (tx, result) = channel();
    let thread = builder.spawn_scoped(scope, move || {
        // Refused only when the caller is gone (it unwound): nobody to tell.
        let _ = tx.send(f());
    })?;
    Ok(Handback { result, thread })
}

impl<T> Handback<'_, T> {
    /// The closure's result, as soon as it is made (polled for, then
    /// waited for); its panic, if it panicked, goes on here.
    pub(crate) fn wait(self) -> T {
        let polled = poll(|| match self.result.try_recv() {
            Ok(t) => Some(Ok(t)),
            Err(TryRecvError::Disconnected) => Some(Err(std::sync::mpsc::RecvError)),
            Err(TryRecvError::Empty) => None,
        });
        match polled.unwrap_or_else(|| self.result.recv()) {
            Ok(t) => t,
            // The sender was dropped unsent: the closure unwound.
            Err(_) => match self.thread.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => std::panic::resume_unwind(Box::new("a thread ended without its result")),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A poll gives what comes, and gives up (for the caller to sleep)
    /// once [`POLL`] has passed with nothing.
    #[test]
    fn a_poll_gives_what_comes_or_gives_up_in_time() {
        // Within the first round (no clock read before 64 tries, whatever
        // the load of the machine).
        let mut tries = 0;
        let got = poll(|| {
            tries += 1;
            (tries == 50).then_some(tries)
        });
        assert_eq!(got, Some(50));
        let start = Instant::now();
        assert_eq!(poll(|| None::<()>), None);
        assert!(start.elapsed() >= POLL, "gave up after {:?}", start.elapsed());
    }

    #[test]
    fn the_result_comes_back_and_a_panic_goes_on_in_the_caller() {
        let text = String::from("borrowed");
        let n = std::thread::scope(|sc| spawn(Builder::new(), sc, || text.len()).unwrap().wait());
        assert_eq!(n, 8);
        let caught = std::panic::catch_unwind(|| {
            std::thread::scope(|sc| {
                let h = spawn(Builder::new(), sc, || -> usize { panic!("walk failed") }).unwrap();
                h.wait()
            })
        });
        let payload = caught.unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"walk failed"));
    }
}
