//! Opening a database file with the settings RollSafe relies on, and
//! deciding, with SQLite, whether a file is a sound log.
//!
//! Durability comes first: WAL with `synchronous = FULL` makes every committed
//! change survive a crash of the app *and* a power loss, at roughly 0.1 ms per
//! commit, which a log written a few times a day can well afford.
//!
//! Whether a file is damaged is SQLite's decision, made with the file's
//! `-wal` in place: only a file SQLite cannot open, whose schema it cannot
//! read, or whose pages fail `PRAGMA quick_check`, is damaged. Nothing here
//! reads the file's bytes itself: in WAL mode the main file may be shorter
//! than its header says (a checkpoint cut short by a kill or a full disk
//! leaves the newest pages only in the `-wal`), and SQLite knows to read
//! them there.
//!
//! What is checked when. Every open reads the header and the schema. The
//! whole file (`quick_check`, about 1 ms a year of use) is read only when a
//! `-wal` is there before the open: the last connection did not close
//! cleanly (a kill, a crash, a power loss) or another one has the file
//! open. A clean close folds the WAL in and deletes it, so the main file
//! then holds everything and was whole when it closed. Damage that comes
//! to a file at rest after that (a bad copy, failing storage) is caught as
//! SQLite reads the damaged page, with `cell_size_check` on: a change that
//! needs the page fails before writing anything, and the file is marked
//! for a whole read at the next open (`check_due.rs`), which then moves it
//! aside. Pages no call reads are read by `Store::checkpoint`,
//! which the apps call each time they go to the background.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::in_use::{self, Hold};
use super::schema::{self, CURRENT_VERSION};
use super::{check_due, files};
use crate::error::{Error, Result};

/// How long a connection waits for another one (another process, say) to
/// finish writing before reporting the database as busy.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Options for opening a store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenOptions {
    /// The most pages the file may grow to (4 KiB each); `None` for no limit.
    /// Writes beyond it fail with [`Error::Full`] and change nothing.
    pub max_pages: Option<u32>,
}

/// The writer connection of a sound log, and the copy a migration kept.
pub(super) struct Writer {
    /// The prepared connection.
    pub(super) conn: Connection,
    /// Where this open kept the file as it was before migrating it; `None`
    /// when nothing was migrated.
    pub(super) migration_copy: Option<PathBuf>,
}

/// Opens the writer connection. A file SQLite cannot read is moved aside
/// and reported, unless someone else holds it open; a newer schema, or a
/// database that is not a RollSafe log, is refused before anything is
/// changed; then the pragmas and any pending migrations are applied.
pub(super) fn open_writer(path: &Path, hold: &Hold, options: OpenOptions) -> Result<Writer> {
    match prepare_writer(path, options) {
        Ok(Some(writer)) => Ok(writer),
        Ok(None) => Err(damaged(path, hold)),
        Err(e) if files::means_damaged(&e) => Err(damaged(path, hold)),
        Err(e) if files::means_read_only(&e) => Err(Error::ReadOnly {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(e),
    }
}

/// Opens and prepares the writer; `None` when the file's pages are corrupted
/// behind a readable schema (the connection is closed again, so the file
/// can be moved aside).
fn prepare_writer(path: &Path, options: OpenOptions) -> Result<Option<Writer>> {
    // Looked at before connecting: the first read of a WAL file makes a
    // `-wal` of its own. A store that met damage left a mark for this.
    let read_whole = files::with_suffix(path, "-wal").exists() || check_due::is_due(path);
    let conn = connect(path)?;
    let found = {
        // One snapshot for both reads: another process migrating between
        // them would pair the old version with the new tables, which reads
        // as "not a RollSafe log".
        let snapshot = conn.unchecked_transaction()?;
        let found = refuse_newer(&snapshot, path)?;
        schema::check_shape(&snapshot, found, path)?;
        snapshot.finish()?;
        found
    };
    if read_whole {
        if !pages_are_sound(&conn)? {
            return Ok(None);
        }
        check_due::clear(path);
    }
    switch_to_wal(&conn)?;
    apply_connection_pragmas(&conn)?;
    if let Some(pages) = options.max_pages {
        conn.pragma_update(None, "max_page_count", pages)?;
    }
    let migration_copy = migrate(&conn, path, found)?;
    Ok(Some(Writer {
        conn,
        migration_copy,
    }))
}

/// How long to wait between attempts to switch a file to WAL while another
/// connection holds it, and how many attempts make up [`BUSY_TIMEOUT`].
const WAL_SWITCH_PAUSE: Duration = Duration::from_millis(10);
const WAL_SWITCH_ATTEMPTS: u32 = 1_000;

/// Puts the file in WAL mode. Switching needs the file to itself, and
/// SQLite reports a busy file at once instead of waiting (two first opens
/// of an old log at once failed with "database is locked" in about 1 of 40
/// rounds), so this waits as long as any other busy file would.
fn switch_to_wal(conn: &Connection) -> Result<()> {
    let mut attempt = 0;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Ok(()) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && attempt < WAL_SWITCH_ATTEMPTS =>
            {
                attempt += 1;
                std::thread::sleep(WAL_SWITCH_PAUSE);
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Opens `path` as a plain file name (never as a URI), creating it if
/// missing.
fn connect(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Whether every page of the file reads back as a sound b-tree (`PRAGMA
/// quick_check`): after an unclean close, a file corrupted inside an intact
/// header is caught here, at open, before anything writes to it. It reads
/// the whole file once: about 1 ms for a year of daily use and 13 ms for
/// ten on the development machine.
pub(super) fn pages_are_sound(conn: &Connection) -> Result<bool> {
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    Ok(verdict == "ok")
}

/// Moves the damaged file aside, unless another connection holds it, and
/// builds the error that says where it is (or that it stayed).
fn damaged(path: &Path, hold: &Hold) -> Error {
    match in_use::unless_in_use(hold, path, || files::move_aside(path)) {
        Ok(Some(kept_at)) => {
            check_due::clear(path);
            Error::Damaged {
                path: path.to_path_buf(),
                kept_at,
            }
        }
        Ok(None) => Error::DamagedInUse {
            path: path.to_path_buf(),
        },
        Err(e) => e,
    }
}

/// Opens a read-only connection to a file the writer has already prepared.
pub(super) fn open_reader(path: &Path) -> Result<Connection> {
    let conn = connect(path)?;
    apply_connection_pragmas(&conn)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// Opens a fresh in-memory database at the current schema.
pub(super) fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    apply_connection_pragmas(&conn)?;
    let tx = conn.transaction()?;
    schema::migrate(&tx, 0)?;
    tx.commit()?;
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
    // Every cell's size is checked against its page as the page is read, so
    // a damaged page is refused before a change builds on it.
    conn.pragma_update(None, "cell_size_check", true)?;
    Ok(())
}

fn refuse_newer(conn: &Connection, path: &Path) -> Result<u32> {
    let found = schema::version_of(conn, path)?;
    if found > CURRENT_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: CURRENT_VERSION,
        });
    }
    Ok(found)
}

/// Upgrades a file found at schema `found`, if it is older than this code,
/// and returns where the copy of the old file was kept.
///
/// A current file is opened without taking the write lock, so opening never
/// waits behind another process's long write. An older one is upgraded by a
/// second connection that holds the write lock throughout (so no other
/// process changes or migrates the file meanwhile): it re-reads the version
/// (another process may have upgraded it already), has a complete copy of a
/// file that holds data kept from `conn`'s snapshot (SQLite's backup reads
/// from a connection that is not itself writing), and migrates in the same
/// transaction. A kill at any point leaves either the old file with at most
/// one complete copy, or the upgraded file.
fn migrate(conn: &Connection, path: &Path, found: u32) -> Result<Option<PathBuf>> {
    if found >= CURRENT_VERSION {
        return Ok(None);
    }
    let mut migrator = connect(path)?;
    let tx = migrator.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = refuse_newer(&tx, path)?;
    if found >= CURRENT_VERSION {
        return Ok(None);
    }
    let copy = if found > 0 {
        Some(files::keep_copy_before_migration(conn, path, found)?)
    } else {
        None
    };
    schema::migrate(&tx, found)?;
    tx.commit()?;
    Ok(copy)
}
