//! The entry point: an open RollSafe log, with its methods grouped by part of
//! the log in the files beside this one.

mod devices;
mod exports;
mod profile;
mod risk;
mod sessions;

use std::sync::Arc;

use rollsafe_core as core;

use crate::error::RollSafeError;

/// An open RollSafe log, backed by a SQLite file. Safe to share between
/// threads; calls block on disk I/O, so call them off the main thread. Close
/// it when done (Kotlin: `use {}`; Swift: it closes when released).
#[derive(uniffi::Object)]
pub struct RollSafeStore {
    core: core::Store,
}

#[uniffi::export]
impl RollSafeStore {
    /// Opens the log at `path`, creating it if missing and upgrading an older
    /// file. A file from a newer RollSafe is refused and left untouched.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Self>, RollSafeError> {
        Ok(Arc::new(Self {
            core: core::Store::open(path)?,
        }))
    }

    /// Opens a fresh log that lives only in memory, for previews and tests.
    #[uniffi::constructor]
    pub fn open_in_memory() -> Result<Arc<Self>, RollSafeError> {
        Ok(Arc::new(Self {
            core: core::Store::open_in_memory()?,
        }))
    }

    /// Folds every committed change into the main database file and empties
    /// its `-wal`, so that an operating-system backup of the main file holds
    /// the whole log. Call it when the app goes to the background (Android:
    /// `onStop`; iOS: the scene phase becomes `.background`); closing the
    /// store does it too. Returns `false` when another connection's read
    /// kept it from finishing within a second: nothing is lost, the `-wal`
    /// still holds those changes.
    pub fn checkpoint(&self) -> Result<bool, RollSafeError> {
        Ok(self.core.checkpoint()?)
    }

    /// Where opening kept a complete copy of the file as it was before
    /// upgrading its schema, or `None` when nothing was upgraded. Tell the
    /// user once.
    pub fn migration_copy(&self) -> Option<String> {
        self.core
            .migration_copy()
            .map(|path| path.display().to_string())
    }
}

/// Parses a device id from the boundary, naming `field` if malformed.
fn parse_device_id(field: &'static str, id: &str) -> Result<core::DeviceId, RollSafeError> {
    Ok(core::DeviceId::parse(field, id)?)
}

/// Parses a session id from the boundary, naming `field` if malformed.
fn parse_session_id(field: &'static str, id: &str) -> Result<core::SessionId, RollSafeError> {
    Ok(core::SessionId::parse(field, id)?)
}
