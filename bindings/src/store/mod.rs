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
}

/// Parses a device id from the boundary, naming `field` if malformed.
fn device_id(field: &'static str, id: &str) -> Result<core::DeviceId, RollSafeError> {
    Ok(core::DeviceId::parse(field, id)?)
}

/// Parses a session id from the boundary, naming `field` if malformed.
fn session_id(field: &'static str, id: &str) -> Result<core::SessionId, RollSafeError> {
    Ok(core::SessionId::parse(field, id)?)
}
