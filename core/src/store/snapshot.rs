//! One consistent view of the log for work that reads it several times.
//!
//! Each read method of [`Store`] runs in a read transaction of its own, so
//! two calls may see two states of the log when another connection (a second
//! process, or the app's background work) commits between them. An export
//! reads the devices, then the sessions, then each device's wear: built from
//! separate calls it could list a session of a device it does not list. A
//! [`Snapshot`] holds one read transaction for its whole life, and offers the
//! same read methods, so everything read through it is one state of the log.
//! WAL lets the writer go on meanwhile; the snapshot never sees its commits.

use rusqlite::Connection;

use super::Store;
use crate::error::Result;

/// The log as it stood when [`Store::snapshot`] began: every read through it
/// sees that state, whatever other connections commit meanwhile.
pub struct Snapshot<'a> {
    pub(super) conn: &'a Connection,
}

impl Store {
    /// Runs `reads` against one snapshot of the log, so what they read
    /// agrees with itself. Writes wait for nothing; the snapshot sees none of
    /// the changes committed while it lasts. Keep it short: the snapshot
    /// holds the store's reading connection, and other reads of this store
    /// wait for it.
    pub fn snapshot<T>(&self, reads: impl FnOnce(&Snapshot<'_>) -> Result<T>) -> Result<T> {
        self.read(|tx| {
            // A WAL read transaction takes its snapshot at its first read:
            // take it now, so the view is the log as of this call.
            tx.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
            reads(&Snapshot { conn: tx })
        })
    }
}
