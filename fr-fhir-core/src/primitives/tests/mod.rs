//! Tests of the primitive rules: one file per family, each rule with
//! passing and failing values and the exact reason expected.

mod dates;
mod instants;
mod messages;
mod numbers;
mod paris;
mod props;
mod sas;
mod search;
mod texts;

use super::{PrimitiveKind, Reason, check};

/// Asserts that every value passes the rule of `kind`.
#[track_caller]
fn ok(kind: PrimitiveKind, values: &[&str]) {
    for v in values {
        if let Err(e) = check(kind, v) {
            panic!("{kind} `{}` should pass: {e}", v.escape_debug());
        }
    }
}

/// The reason `text` fails the rule of `kind`.
#[track_caller]
fn reason(kind: PrimitiveKind, text: &str) -> Reason {
    match check(kind, text) {
        Ok(()) => panic!("{kind} `{}` should fail", text.escape_debug()),
        Err(e) => {
            assert_eq!(e.kind, kind);
            e.reason
        }
    }
}
