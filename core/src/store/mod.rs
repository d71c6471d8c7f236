//! The SQLite store: the one place the log is kept.
//!
//! One writer connection serialises every change inside an `IMMEDIATE`
//! transaction that commits only when the whole change succeeded; a separate
//! read-only connection serves queries, so reads never wait on a write and
//! never see half of one (WAL gives each read transaction a consistent
//! snapshot). Both connections sit behind mutexes, so a `Store` may be shared
//! freely between threads.

mod alerts;
mod assessment;
mod backup;
mod care_plans;
mod check_due;
mod cleanings;
mod clock_echo;
mod conn_ext;
mod context;
mod devices;
mod facts;
mod files;
mod id_columns;
mod identity;
mod in_use;
mod listeners;
mod location;
mod open;
mod profiles;
mod pseudonym;
mod reminders;
mod reports;
mod risk_window;
mod rows;
pub mod schema;
mod session_rows;
mod sessions;
mod snapshot;
mod today;

pub use backup::{ImportCount, ImportSummary};
pub use devices::{DeviceChange, MAX_REPLACEMENT_LIMIT};
pub use listeners::ListenerId;
pub use open::OpenOptions;
pub use sessions::RecordedSession;
pub use snapshot::Snapshot;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::alert::{AlertListener, Changed};
use crate::error::{Error, Result};
use crate::time::Moment;
use listeners::Listeners;

/// An open RollSafe log.
pub struct Store {
    writer: Mutex<Connection>,
    /// `None` for an in-memory store, whose only connection is the writer.
    reader: Option<Mutex<Connection>>,
    listeners: Listeners,
    /// The file behind the store; `None` for an in-memory store.
    file: Option<OpenFile>,
}

/// What a store keeps about the file it opened.
struct OpenFile {
    /// Which file was opened, to notice it being moved or replaced.
    identity: identity::FileIdentity,
    /// This process's hold on the file, so no other open moves it aside.
    _hold: in_use::Hold,
    /// Where the file was copied before this open migrated it.
    migration_copy: Option<PathBuf>,
}

/// How long closing waits for other connections: not at all. Without the
/// wait SQLite still folds in every frame no other connection needs (it
/// falls back to a passive checkpoint), and the last connection to close
/// folds in the rest; a widget closing while the app writes never stalls.
const CLOSE_CHECKPOINT_WAIT: Duration = Duration::ZERO;

/// How long [`Store::checkpoint`] waits for other connections' reads.
const CHECKPOINT_WAIT: Duration = Duration::from_secs(1);

impl Store {
    /// Opens the log at `path`, creating it if missing and upgrading its
    /// schema if it is older than this code. A file written by a newer
    /// version is refused with [`crate::Error::NewerSchema`] and left
    /// untouched.
    ///
    /// A file that SQLite cannot read with its `-wal` in place (not SQLite,
    /// truncated, corrupted) is moved aside, untouched, and reported as
    /// [`crate::Error::Damaged`], or left in place as
    /// [`crate::Error::DamagedInUse`] while another connection holds it.
    /// Every open reads the header and the schema; the whole file only
    /// after an unclean close (a `-wal` is there) or when a store marked it
    /// (see [`Store::checkpoint`], which reads it whole off this path). A
    /// sound SQLite file that is not a RollSafe log is refused as
    /// [`crate::Error::NotALog`]; a file that cannot be written as
    /// [`crate::Error::ReadOnly`]; a path that cannot hold a log (empty,
    /// `:memory:`, a folder, a dangling link, a missing folder, a file with a
    /// second name through a hard link) as
    /// [`crate::Error::InvalidInput`] naming `path`. None of these refusals
    /// changes anything on disk.
    ///
    /// Opening a current file never waits for another connection's write.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, OpenOptions::default())
    }

    /// Opens the log at `path` with `options` (see [`Store::open`]).
    pub fn open_with(path: impl AsRef<Path>, options: OpenOptions) -> Result<Self> {
        let hold = in_use::Hold::take(location::validate(path.as_ref())?);
        // Absolute from here on: the process may change its working folder
        // while the store is open, and the file must still be found by name.
        let path = &location::absolute(path.as_ref())?;
        let writer = open::open_writer(path, &hold, options)?;
        let reader = open::open_reader(path)?;
        let file = OpenFile {
            identity: identity::FileIdentity::of(path)?,
            _hold: hold,
            migration_copy: writer.migration_copy,
        };
        Ok(Self::with_connections(
            writer.conn,
            Some(reader),
            Some(file),
        ))
    }

    /// Opens a fresh log that lives only in memory: for tests and previews.
    pub fn open_in_memory() -> Result<Self> {
        Ok(Self::with_connections(open::open_in_memory()?, None, None))
    }

    fn with_connections(
        writer: Connection,
        reader: Option<Connection>,
        file: Option<OpenFile>,
    ) -> Self {
        Self {
            writer: Mutex::new(writer),
            reader: reader.map(Mutex::new),
            listeners: Listeners::default(),
            file,
        }
    }

    /// Where this open kept a complete copy of the file as it was before
    /// upgrading its schema; `None` when nothing was upgraded. Tell the user
    /// once, so the copy can be removed when the upgraded log has proved
    /// itself.
    pub fn migration_copy(&self) -> Option<&Path> {
        self.file.as_ref()?.migration_copy.as_deref()
    }

    /// Folds every committed change into the main database file and empties
    /// the `-wal`, so that a backup of the main file alone (as some operating
    /// system backups take) holds the whole log. Call it when the app goes
    /// to the background; closing the store does it too.
    ///
    /// Then, off the opening path, it reads every page of the file (`PRAGMA
    /// quick_check`, about 1 ms a year of use): damage that came to the file
    /// at rest, in pages no call has read since the open, is found here and
    /// reported as [`Error::DamagedInUse`]; the next open moves the file
    /// aside and says where ([`Error::Damaged`]).
    ///
    /// Returns `false` when another connection's read kept part of the WAL
    /// in use for longer than a second: nothing is lost (the `-wal` still
    /// holds it), and the next checkpoint finishes the job.
    pub fn checkpoint(&self) -> Result<bool> {
        let Some(file) = &self.file else {
            return Ok(true);
        };
        let checked = {
            let conn = lock(&self.writer);
            file.identity.check()?;
            checkpoint_truncate(&conn, CHECKPOINT_WAIT)
                .and_then(|folded| Ok(open::pages_are_sound(&conn)?.then_some(folded)))
        };
        match checked {
            Ok(Some(folded)) => Ok(folded),
            Ok(None) => Err(Self::damaged_and_held(file)),
            Err(e) => Err(self.on_damage(e)),
        }
    }

    /// Registers a listener told about every new alert (rises only), on the
    /// thread that made the change, after it is committed. A listener that
    /// panics is contained: the change stays committed and the other
    /// listeners are still told.
    pub fn add_alert_listener(&self, listener: Arc<dyn AlertListener>) -> ListenerId {
        self.listeners.add(listener)
    }

    /// Removes a listener: once this returns it is never called again, and
    /// its calls under way on other threads have ended. It may be called from
    /// inside a listener, for itself or another one, without deadlock.
    pub fn remove_alert_listener(&self, id: ListenerId) {
        self.listeners.remove(id);
    }

    /// Runs `change` in one write transaction, re-assesses the log as of
    /// `now` in the same transaction, records any change of level, commits,
    /// then tells the listeners about the rises.
    fn change<T>(
        &self,
        now: &Moment,
        change: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<Changed<T>> {
        let changed = self.write(|tx| alerts::change_and_assess(tx, now, |_| change(tx)))?;
        self.listeners
            .deliver(changed.alerts.iter().filter(|a| a.rising));
        Ok(changed)
    }

    /// Runs `change` in one write transaction, committed only if it succeeds.
    ///
    /// A store whose file was moved or replaced since it opened refuses with
    /// [`Error::Moved`] and writes nothing.
    fn write<T>(&self, change: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let result = {
            let mut conn = lock(&self.writer);
            Self::in_write(&mut conn, self.file.as_ref(), change)
        };
        result.map_err(|e| self.on_damage(e))
    }

    fn in_write<T>(
        conn: &mut Connection,
        file: Option<&OpenFile>,
        change: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(file) = file {
            file.identity.check()?;
        }
        let value = change(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Turns SQLite's report of a damaged page, met while reading or
    /// changing the log, into [`Error::DamagedInUse`]: the file is damaged,
    /// and this store holds it, so it stays where it is. The change that met
    /// the damage wrote nothing. The store leaves a mark beside the file, so
    /// the next open reads it whole and moves it aside, reporting
    /// [`Error::Damaged`] as for any damaged file.
    fn on_damage(&self, error: Error) -> Error {
        match &self.file {
            // Only the file this store opened is marked: one that already
            // took its place is another log.
            Some(file) if files::means_damaged(&error) && file.identity.is_current() => {
                Self::damaged_and_held(file)
            }
            _ => error,
        }
    }

    fn damaged_and_held(file: &OpenFile) -> Error {
        check_due::leave(file.identity.path());
        Error::DamagedInUse {
            path: file.identity.path().to_path_buf(),
        }
    }

    /// Runs `reads` on a [`Snapshot`] of one read transaction: the read
    /// methods of the store are those of the snapshot, written once.
    fn view<T>(&self, reads: impl FnOnce(&Snapshot<'_>) -> Result<T>) -> Result<T> {
        self.read(|tx| reads(&Snapshot { conn: tx }))
    }

    /// Runs `query` in one read transaction, so it sees a single snapshot.
    fn read<T>(&self, query: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let result = {
            let mut conn = lock(self.reader.as_ref().unwrap_or(&self.writer));
            conn.transaction_with_behavior(TransactionBehavior::Deferred)
                .map_err(Error::from)
                .and_then(|tx| query(&tx))
        };
        result.map_err(|e| self.on_damage(e))
    }
}

impl Drop for Store {
    /// Closes the log with its WAL folded into the main file as far as other
    /// connections allow without waiting for them (see [`Store::checkpoint`]).
    ///
    /// A store whose file was moved or replaced meanwhile closes nothing:
    /// SQLite would delete the `-wal` by name as it closed, and the name may
    /// now belong to the new file's WAL. Its connections are left open until
    /// the process ends (a few descriptors, in a case that is rare).
    fn drop(&mut self) {
        let Some(file) = &self.file else {
            return;
        };
        if !file.identity.is_current() {
            if let Some(reader) = self.reader.take() {
                std::mem::forget(reader);
            }
            if let Ok(placeholder) = Connection::open_in_memory() {
                let writer = std::mem::replace(
                    self.writer
                        .get_mut()
                        .unwrap_or_else(PoisonError::into_inner),
                    placeholder,
                );
                std::mem::forget(writer);
            }
            return;
        }
        drop(self.reader.take());
        let writer = self
            .writer
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let _ = checkpoint_truncate(writer, CLOSE_CHECKPOINT_WAIT);
    }
}

/// Runs a `TRUNCATE` checkpoint, waiting at most `wait` for other
/// connections; `true` when the WAL was folded in and emptied.
fn checkpoint_truncate(conn: &Connection, wait: Duration) -> Result<bool> {
    conn.busy_timeout(wait)?;
    let outcome = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    });
    conn.busy_timeout(open::BUSY_TIMEOUT)?;
    match outcome {
        Ok(busy) => Ok(busy == 0),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Ok(false),
        Err(e) => Err(Error::from(e)),
    }
}

/// A panic while a connection was held cannot leave it mid-transaction (the
/// transaction rolls back when dropped), so a poisoned lock is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
