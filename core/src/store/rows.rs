//! Turning stored columns back into domain values.
//!
//! Stored codes and instants were validated on the way in; if one no longer
//! parses, the file was changed outside RollSafe and the read fails with
//! [`Error::Inconsistent`] instead of inventing a value.

use crate::error::{Error, Result};
use crate::time::{self, Moment};

/// Rebuilds a moment from its stored columns.
pub(super) fn moment(
    column: &'static str,
    unix_millis: i64,
    offset_seconds: i32,
) -> Result<Moment> {
    time::moment_from_parts(column, unix_millis, offset_seconds)
        .map_err(|_| Error::Inconsistent(format!("{column} holds an impossible instant")))
}

/// Parses a stored enum code with `parse`, naming the column if it fails.
pub(super) fn code<T>(
    column: &'static str,
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T> {
    parse(text).ok_or_else(|| Error::Inconsistent(format!("{column} holds an unknown code")))
}
