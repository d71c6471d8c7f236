//! RollSafe's core: the log of a person's home microneedling, the rules that
//! keep it safe, and the SQLite store that keeps it.
//!
//! Everything that can be decided is decided here, once, and tested here; the
//! Kotlin and Swift shells (through `rollsafe-ffi`) only adapt and display.
//! The core never reads the clock: operations that depend on the time take
//! `now` as an argument.
//!
//! | module | concern |
//! |---|---|
//! | [`device`], [`session`], [`zone`] | what the user records |
//! | [`rules`] | clinical rules as data, each naming its source |
//! | [`verdict`] | "may I use my device now?" with its reasons |
//! | [`store`] | the SQLite file, its schema and migrations |
//! | [`time`], [`ids`], [`validate`] | shared building blocks |
//! | [`error`] | every way an operation can fail |

pub mod device;
pub mod error;
pub mod ids;
pub mod rules;
pub mod session;
pub mod store;
pub mod time;
pub mod validate;
pub mod verdict;
pub mod zone;

pub use device::{Device, DeviceKind, NewDevice};
pub use error::{Error, Result};
pub use ids::{DeviceId, SessionId};
pub use session::{NewSession, Session};
pub use store::Store;
pub use time::Moment;
pub use verdict::{Finding, SessionVerdict, Severity};
pub use zone::{BodyRegion, BodyZone};
