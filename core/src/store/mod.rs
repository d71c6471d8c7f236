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
mod cleanings;
mod clock_echo;
mod context;
mod devices;
mod facts;
mod files;
mod listeners;
mod open;
mod profiles;
mod reminders;
mod reports;
mod risk_window;
mod rows;
pub mod schema;
mod sessions;
mod today;

pub use backup::{ImportCount, ImportSummary};
pub use cleanings::DeviceOverview;
pub use devices::{DeviceChange, MAX_REPLACEMENT_LIMIT};
pub use listeners::ListenerId;
pub use open::OpenOptions;
pub use sessions::RecordedSession;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::alert::{AlertListener, Changed};
use crate::error::Result;
use crate::time::Moment;
use listeners::Listeners;

/// An open RollSafe log.
pub struct Store {
    writer: Mutex<Connection>,
    /// `None` for an in-memory store, whose only connection is the writer.
    reader: Option<Mutex<Connection>>,
    listeners: Listeners,
}

impl Store {
    /// Opens the log at `path`, creating it if missing and upgrading its
    /// schema if it is older than this code. A file written by a newer
    /// version is refused with [`crate::Error::NewerSchema`] and left
    /// untouched.
    ///
    /// A file that is not a readable database (not SQLite, truncated,
    /// corrupted) is moved aside, untouched, and reported as
    /// [`crate::Error::Damaged`]; a file that cannot be written as
    /// [`crate::Error::ReadOnly`].
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, OpenOptions::default())
    }

    /// Opens the log at `path` with `options` (see [`Store::open`]).
    pub fn open_with(path: impl AsRef<Path>, options: OpenOptions) -> Result<Self> {
        let path = path.as_ref();
        let writer = open::open_writer(path, options)?;
        let reader = open::open_reader(path)?;
        Ok(Self::with_connections(writer, Some(reader)))
    }

    /// Opens a fresh log that lives only in memory: for tests and previews.
    pub fn open_in_memory() -> Result<Self> {
        Ok(Self::with_connections(open::open_in_memory()?, None))
    }

    fn with_connections(writer: Connection, reader: Option<Connection>) -> Self {
        Self {
            writer: Mutex::new(writer),
            reader: reader.map(Mutex::new),
            listeners: Listeners::default(),
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
    fn write<T>(&self, change: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = change(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `query` in one read transaction, so it sees a single snapshot.
    fn read<T>(&self, query: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = lock(self.reader.as_ref().unwrap_or(&self.writer));
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        query(&tx)
    }
}

/// A panic while a connection was held cannot leave it mid-transaction (the
/// transaction rolls back when dropped), so a poisoned lock is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
