//! The database schema and its forward-only migrations.
//!
//! The schema version lives in `PRAGMA user_version`. Each migration takes the
//! file from version `n` to `n + 1`; all pending ones run inside one
//! transaction, so a failed upgrade leaves the file exactly as it was. A file
//! whose version is newer than [`CURRENT_VERSION`] is refused untouched.

use rusqlite::Connection;

use crate::error::Result;

/// Migration `i` (0-based) takes the schema from version `i` to `i + 1`.
/// Released entries are frozen: never edit one, append a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/v1.sql"),
    include_str!("sql/v2.sql"),
    include_str!("sql/v3.sql"),
];

/// The schema version this code writes and reads.
pub const CURRENT_VERSION: u32 = MIGRATIONS.len() as u32;

/// Reads the schema version recorded in the file.
pub fn version_of(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Applies every migration after `from`, then records [`CURRENT_VERSION`].
/// The caller runs this inside a transaction.
pub fn migrate(conn: &Connection, from: u32) -> Result<()> {
    for sql in MIGRATIONS.iter().skip(from as usize) {
        conn.execute_batch(sql)?;
    }
    conn.pragma_update(None, "user_version", CURRENT_VERSION)?;
    Ok(())
}
