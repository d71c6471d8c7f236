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
//! | `store.rs` | the [`RollSafeStore`] object, the entry point |
//! | `records.rs` | records for devices, sessions and verdicts |
//! | `enums.rs` | the core's enums, exported as they are |
//! | `time.rs` | moments and calendar dates across the boundary |
//! | `error.rs` | the public error and its mapping from the core |

mod enums;
mod error;
mod records;
mod store;
mod time;

pub use enums::{BodyZone, DeviceKind, Evidence, Severity};
pub use error::RollSafeError;
pub use records::{Device, Finding, NewDevice, NewSession, RuleSource, Session, SessionVerdict};
pub use store::RollSafeStore;
pub use time::{CalendarDate, Moment};

uniffi::setup_scaffolding!();
