//! The UniFFI layer over `rollsafe-core`: the only FFI code in RollSafe.
//!
//! It owns no logic. Each exported item adapts a core type to one that
//! UniFFI can carry (strings for ids, `SystemTime` plus an offset for
//! moments) and maps core errors to the small public [`RollSafeError`].
//! From Kotlin it is the package `app.rollsafe`; from Swift, the module
//! `RollSafe`.
//!
//! | file | concern |
//! |---|---|
//! | `store/` | the [`RollSafeStore`] object, the entry point, by part of the log |
//! | `records/` | records for devices, sessions, cleanings, profile and verdicts |
//! | `enums.rs` | the core's enums and plain records, exported as they are |
//! | `share.rs` | what one share holds and its names, telling a sealed file, the usual paper |
//! | `time.rs` | moments and calendar dates across the boundary |
//! | `error.rs` | the public error and its mapping from the core |
//! | `listener.rs` | the foreign alert listener and its subscription |
//! | `logging.rs` | the logging hook: failures the library contains, reported to the app |
//! | `version.rs` | the library's version (also the benchmarks' FFI floor) |
//! | `test_hooks.rs`, `bench_hooks.rs` | exports for the test suites and the benchmarks only (features `test-hooks`, `bench-hooks`) |

#[cfg(feature = "bench-hooks")]
mod bench_hooks;
mod enums;
mod error;
mod listener;
mod logging;
mod records;
mod rules;
mod share;
mod store;
#[cfg(feature = "test-hooks")]
mod test_hooks;
mod time;
mod version;

#[cfg(feature = "bench-hooks")]
pub use bench_hooks::BenchTiming;
pub use enums::*;
pub use error::RollSafeError;
pub use listener::{AlertListener, AlertSubscription, ListenerError};
pub use logging::{LogLevel, RollSafeLogger, set_logger};
pub use records::*;
pub use rules::{rule_source, rule_sources};
pub use share::{ShareFile, ShareOptions, is_sealed, share_files, usual_paper};
pub use store::RollSafeStore;
#[cfg(feature = "test-hooks")]
pub use test_hooks::internal_error_for_tests;
pub use time::{CalendarDate, Moment};
pub use version::library_version;

uniffi::setup_scaffolding!();
