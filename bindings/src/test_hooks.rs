//! Test hooks, compiled only with the `test-hooks` feature (the debug library
//! the Kotlin and Swift suites run against; never a release build).
//!
//! Nothing reachable from the public API may panic, so no real call can show
//! what happens when one does. This export panics on purpose: with panics
//! unwinding, UniFFI turns it into `InternalException` in Kotlin and a thrown
//! error in Swift, and the app goes on.

use crate::error::RollSafeError;

/// Fails with a Rust panic, to prove a panic reaches the app as an exception.
/// Present only in test builds.
#[uniffi::export]
#[allow(clippy::panic)]
pub fn internal_error_for_tests() -> Result<(), RollSafeError> {
    panic!("a deliberate panic from internal_error_for_tests")
}
