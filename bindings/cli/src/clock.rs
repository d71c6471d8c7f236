//! The one place the CLI reads the wall clock: the core never does, so every
//! verb asks here for `now` unless `--now` gave it.

use chrono::Local;
use rollsafe_core::Moment;

/// `given`, or the system clock in the system's current UTC offset.
pub fn now_or_clock(given: Option<Moment>) -> Moment {
    given.unwrap_or_else(|| Local::now().fixed_offset())
}
