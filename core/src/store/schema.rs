//! The database schema and its forward-only migrations.
//!
//! The schema version lives in `PRAGMA user_version`. Each migration takes the
//! file from version `n` to `n + 1`; all pending ones run inside one
//! transaction, so a failed upgrade leaves the file exactly as it was. A file
//! whose version is newer than [`CURRENT_VERSION`] is refused untouched.

use std::path::Path;
use std::sync::OnceLock;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Migration `i` (0-based) takes the schema from version `i` to `i + 1`.
/// Released entries are frozen: never edit one, append a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/v1.sql"),
    include_str!("sql/v2.sql"),
    include_str!("sql/v3.sql"),
    include_str!("sql/v4.sql"),
    include_str!("sql/v5.sql"),
];

/// The schema version this code writes and reads.
pub const CURRENT_VERSION: u32 = MIGRATIONS.len() as u32;

/// Reads the schema version recorded in the file. A negative version (which
/// no RollSafe ever writes) is refused as [`Error::NotALog`] naming `path`.
pub fn version_of(conn: &Connection, path: &Path) -> Result<u32> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    u32::try_from(found).map_err(|_| Error::NotALog {
        path: path.to_path_buf(),
        reason: "its schema version is negative",
    })
}

/// Tables and their columns, in name and column order: what a file must
/// hold to be read as a RollSafe log of some version. Indexes and triggers
/// are left out, and so is the SQL text, which SQLite versions may word
/// differently.
type Shape = Vec<(String, String)>;

/// Refuses, as [`Error::NotALog`], a file whose tables are not the ones
/// schema `version` has: another app's database (at version 0 with tables),
/// or a file whose tables disagree with the version it claims. A fresh,
/// empty file at version 0 passes.
pub fn check_shape(conn: &Connection, version: u32, path: &Path) -> Result<()> {
    let found = shape_of(conn)?;
    let matches = match expected_shape(version) {
        Some(expected) => found == *expected,
        None => false,
    };
    if matches {
        return Ok(());
    }
    Err(Error::NotALog {
        path: path.to_path_buf(),
        reason: if version == 0 {
            "it holds tables of another kind"
        } else {
            "its tables do not match the schema version it records"
        },
    })
}

fn shape_of(conn: &Connection) -> Result<Shape> {
    let mut statement = conn.prepare_cached(
        "SELECT m.name, p.name FROM sqlite_schema AS m, pragma_table_info(m.name) AS p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
         ORDER BY m.name, p.cid",
    )?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The shape of each released version, built once per process by running
/// its migrations on an empty in-memory database.
fn expected_shape(version: u32) -> Option<&'static Shape> {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    SHAPES
        .get_or_init(|| (0..=CURRENT_VERSION).map(build_shape).collect())
        .get(version as usize)
        .filter(|shape| version == 0 || !shape.is_empty())
}

/// The shape of schema `version`; empty if it cannot be built (which the
/// migration tests would catch first).
fn build_shape(version: u32) -> Shape {
    let built = Connection::open_in_memory()
        .map_err(Error::from)
        .and_then(|conn| {
            for sql in MIGRATIONS.iter().take(version as usize) {
                conn.execute_batch(sql)?;
            }
            shape_of(&conn)
        });
    built.unwrap_or_default()
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
