//! The SQLite store: the one place the log is kept.
//!
//! One writer connection serialises every change inside an `IMMEDIATE`
//! transaction that commits only when the whole change succeeded; a separate
//! read-only connection serves queries, so reads never wait on a write and
//! never see half of one (WAL gives each read transaction a consistent
//! snapshot). Both connections sit behind mutexes, so a `Store` may be shared
//! freely between threads.

mod care_plans;
mod cleanings;
mod context;
mod devices;
mod open;
mod profiles;
mod rows;
pub mod schema;
mod sessions;

pub use cleanings::DeviceOverview;
pub use devices::{DeviceChange, MAX_REPLACEMENT_LIMIT};
pub use sessions::RecordedSession;

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::Result;

/// An open RollSafe log.
pub struct Store {
    writer: Mutex<Connection>,
    /// `None` for an in-memory store, whose only connection is the writer.
    reader: Option<Mutex<Connection>>,
}

impl Store {
    /// Opens the log at `path`, creating it if missing and upgrading its
    /// schema if it is older than this code. A file written by a newer
    /// version is refused with [`crate::Error::NewerSchema`] and left
    /// untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let writer = open::open_writer(path)?;
        let reader = open::open_reader(path)?;
        Ok(Self {
            writer: Mutex::new(writer),
            reader: Some(Mutex::new(reader)),
        })
    }

    /// Opens a fresh log that lives only in memory: for tests and previews.
    pub fn open_in_memory() -> Result<Self> {
        Ok(Self {
            writer: Mutex::new(open::open_in_memory()?),
            reader: None,
        })
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
fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
