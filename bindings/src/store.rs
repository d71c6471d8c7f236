//! The entry point: an open RollSafe log.

use std::sync::Arc;

use rollsafe_core as core;

use crate::error::RollSafeError;
use crate::records::{Device, NewDevice, NewSession, Session, SessionVerdict};
use crate::time::Moment;

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

    /// Adds a device, stamped with `now`.
    pub fn add_device(&self, device: NewDevice, now: Moment) -> Result<Device, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(self.core.add_device(device.into_core(), now)?.into())
    }

    /// The device with `id`.
    pub fn device(&self, id: String) -> Result<Device, RollSafeError> {
        let id = core::DeviceId::parse("id", &id)?;
        Ok(self.core.device(id)?.into())
    }

    /// Every device, oldest first.
    pub fn devices(&self) -> Result<Vec<Device>, RollSafeError> {
        Ok(self.core.devices()?.into_iter().map(Device::from).collect())
    }

    /// Records a session, stamped with `now` as the moment it was entered.
    pub fn record_session(
        &self,
        session: NewSession,
        now: Moment,
    ) -> Result<Session, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(self.core.record_session(session.into_core()?, now)?.into())
    }

    /// Every session, most recent first.
    pub fn sessions(&self) -> Result<Vec<Session>, RollSafeError> {
        Ok(self
            .core
            .sessions()?
            .into_iter()
            .map(Session::from)
            .collect())
    }

    /// May a session with the device `device_id` start at `now`? Counts
    /// local calendar days in the user's offset at each event.
    pub fn can_start_session(
        &self,
        device_id: String,
        now: Moment,
    ) -> Result<SessionVerdict, RollSafeError> {
        let device_id = core::DeviceId::parse("device_id", &device_id)?;
        let now = now.to_core("now")?;
        Ok(self.core.can_start_session(device_id, now)?.into())
    }
}
