//! Opening a database file with the settings RollSafe relies on.
//!
//! Durability comes first: WAL with `synchronous = FULL` makes every committed
//! change survive a crash of the app *and* a power loss, at roughly 0.1 ms per
//! commit, which a log written a few times a day can well afford.

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, TransactionBehavior};

use super::files;
use super::schema::{self, CURRENT_VERSION};
use crate::error::{Error, Result};

/// How long a connection waits for another one (another process, say) to
/// finish writing before reporting the database as busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Options for opening a store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenOptions {
    /// The most pages the file may grow to (4 KiB each); `None` for no limit.
    /// Writes beyond it fail with [`Error::Full`] and change nothing.
    pub max_pages: Option<u32>,
}

/// Opens the writer connection. A damaged file is moved aside and reported;
/// a newer schema is refused before anything is changed; then the pragmas
/// and any pending migrations are applied.
pub(super) fn open_writer(path: &Path, options: OpenOptions) -> Result<Connection> {
    if !files::header_is_sound(path)? {
        return Err(damaged(path));
    }
    match prepare_writer(path, options) {
        Ok(Some(conn)) => Ok(conn),
        Ok(None) => Err(damaged(path)),
        Err(e) if files::means_damaged(&e) => Err(damaged(path)),
        Err(e) if files::means_read_only(&e) => Err(Error::ReadOnly {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(e),
    }
}

/// Opens and prepares the writer; `None` when the file's pages are corrupted
/// behind a sound header (the connection is closed again, so the file can be
/// moved aside).
fn prepare_writer(path: &Path, options: OpenOptions) -> Result<Option<Connection>> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    refuse_newer(&conn, path)?;
    if !pages_are_sound(&conn)? {
        return Ok(None);
    }
    conn.pragma_update(None, "journal_mode", "WAL")?;
    apply_connection_pragmas(&conn)?;
    if let Some(pages) = options.max_pages {
        conn.pragma_update(None, "max_page_count", pages)?;
    }
    migrate(&mut conn, path)?;
    Ok(Some(conn))
}

/// Whether every page of the file reads back as a sound b-tree (`PRAGMA
/// quick_check`): a file corrupted inside an intact header is caught here,
/// at open, before anything writes to it, rather than failing later in the
/// middle of a change. It reads the whole file once: about 1 ms for a year
/// of daily use and 13 ms for ten on the development machine, paid once per
/// app start for the assurance that the log is whole.
fn pages_are_sound(conn: &Connection) -> Result<bool> {
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    Ok(verdict == "ok")
}

/// Moves the damaged file aside and builds the error that says where it is.
fn damaged(path: &Path) -> Error {
    match files::move_aside(path) {
        Ok(kept_at) => Error::Damaged {
            path: path.to_path_buf(),
            kept_at,
        },
        Err(e) => e,
    }
}

/// Opens a read-only connection to a file the writer has already prepared.
pub(super) fn open_reader(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    apply_connection_pragmas(&conn)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// Opens a fresh in-memory database at the current schema.
pub(super) fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    apply_connection_pragmas(&conn)?;
    migrate(&mut conn, Path::new(":memory:"))?;
    Ok(conn)
}

/// How many prepared statements each connection keeps: every statement the
/// store uses, so none is parsed twice.
const STATEMENT_CACHE: usize = 128;

/// Settings that hold per connection rather than per file.
fn apply_connection_pragmas(conn: &Connection) -> Result<()> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // The query planner stability guarantee: a statement's plan never
    // depends on the values bound to it. Without it, SQLite marks every
    // `column = ?` parameter as plan-relevant, and rusqlite's statement
    // cache clears the bindings of each statement it takes back, which
    // expires such a statement: every cached query was parsed and planned
    // again on every use (two thirds of the home screen's time). The log
    // keeps no planner statistics, so no plan is lost.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Temporary tables in memory: Android offers no usable temp directory.
    conn.pragma_update(None, "temp_store", 2)?;
    Ok(())
}

fn refuse_newer(conn: &Connection, path: &Path) -> Result<u32> {
    let found = schema::version_of(conn)?;
    if found > CURRENT_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: CURRENT_VERSION,
        });
    }
    Ok(found)
}

/// Upgrades the schema in one `IMMEDIATE` transaction, re-reading the version
/// inside it in case another process upgraded the file meanwhile. A file that
/// already holds data is first copied aside, so it can be restored.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found = schema::version_of(conn)?;
    if found > 0 && found < CURRENT_VERSION && path != Path::new(":memory:") {
        files::backup_before_migration(conn, path, found)?;
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = refuse_newer(&tx, path)?;
    if found < CURRENT_VERSION {
        schema::migrate(&tx, found)?;
        tx.commit()?;
    }
    Ok(())
}
