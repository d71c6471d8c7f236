//! Turning stored columns back into domain values, and back again.
//!
//! Stored codes and instants were validated on the way in; if one no longer
//! parses, the file was changed outside RollSafe and the read fails with
//! [`Error::Inconsistent`] instead of inventing a value.

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::Type;

use crate::error::{Error, Result, UnreadableValue};
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

/// Rebuilds an optional moment from its stored columns.
pub(super) fn optional_moment(
    column: &'static str,
    unix_millis: Option<i64>,
    offset_seconds: Option<i32>,
) -> Result<Option<Moment>> {
    match (unix_millis, offset_seconds) {
        (Some(ms), Some(offset)) => moment(column, ms, offset).map(Some),
        (None, None) => Ok(None),
        _ => Err(Error::Inconsistent(format!("{column} is half recorded"))),
    }
}

/// Reads the moment stored in columns `ms` (Unix milliseconds) and `ms + 1`
/// (UTC offset seconds) of `row`, for row mappers; an impossible instant is
/// [`Error::Inconsistent`] naming `column`, as [`moment`] says it.
pub(super) fn moment_at(
    row: &Row<'_>,
    ms: usize,
    column: &'static str,
) -> rusqlite::Result<Moment> {
    let millis = row.get(ms)?;
    let offset = row.get(ms + 1)?;
    time::moment_from_parts(column, millis, offset)
        .map_err(|_| unreadable(ms, format!("{column} holds an impossible instant")))
}

/// Reads the optional moment stored in columns `ms` and `ms + 1` of `row`
/// (both `NULL` for none), as [`optional_moment`] does.
pub(super) fn optional_moment_at(
    row: &Row<'_>,
    ms: usize,
    column: &'static str,
) -> rusqlite::Result<Option<Moment>> {
    match (
        row.get::<_, Option<i64>>(ms)?,
        row.get::<_, Option<i32>>(ms + 1)?,
    ) {
        (Some(_), Some(_)) => moment_at(row, ms, column).map(Some),
        (None, None) => Ok(None),
        _ => Err(unreadable(ms, format!("{column} is half recorded"))),
    }
}

/// A row mapper's refusal of the value in column `index`, which the store
/// reports as [`Error::Inconsistent`] with `reason`.
fn unreadable(index: usize, reason: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        index,
        Type::Integer,
        Box::new(UnreadableValue(reason)),
    )
}

/// Parses a stored code with `parse`, naming the column if it fails.
pub(super) fn code<T>(
    column: &'static str,
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T> {
    parse(text).ok_or_else(|| Error::Inconsistent(format!("{column} holds an unknown code")))
}

/// Parses a comma-separated list of stored codes.
pub(super) fn codes<T>(
    column: &'static str,
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(|c| code(column, c, &parse))
        .collect()
}

/// Joins codes into the stored comma-separated form.
pub(super) fn join_codes<T: Copy>(items: &[T], code: impl Fn(T) -> &'static str) -> String {
    items.iter().map(|i| code(*i)).collect::<Vec<_>>().join(",")
}

/// Parses a stored ISO 8601 local date.
pub(super) fn date(column: &'static str, text: Option<String>) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|_| Error::Inconsistent(format!("{column} holds an impossible date")))
    })
    .transpose()
}

/// Formats a local date for storage.
pub(super) fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

/// Reads a stored count that must be non-negative.
pub(super) fn count(column: &'static str, value: Option<i64>) -> Result<Option<u32>> {
    value
        .map(|v| {
            u32::try_from(v).map_err(|_| Error::Inconsistent(format!("{column} is out of range")))
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    fn read(sql: &str) -> Result<Option<Moment>> {
        let conn = Connection::open_in_memory().unwrap();
        Ok(conn.query_row(sql, [], |r| optional_moment_at(r, 0, "t.at"))?)
    }

    #[test]
    fn a_moment_reads_from_its_two_columns() {
        let at = read("SELECT 1800000000000, 3600").unwrap().unwrap();
        assert_eq!(at, moment("t.at", 1_800_000_000_000, 3600).unwrap());
        assert_eq!(read("SELECT NULL, NULL").unwrap(), None);
    }

    #[test]
    fn impossible_or_half_recorded_moments_are_inconsistent() {
        let err = read("SELECT 1800000000000, 99999").unwrap_err();
        assert!(matches!(&err, Error::Inconsistent(m) if m == "t.at holds an impossible instant"));
        let err = read("SELECT 1800000000000, NULL").unwrap_err();
        assert!(matches!(&err, Error::Inconsistent(m) if m == "t.at is half recorded"));
    }
}
