//! Devices, their wear and their cleanings.

use rollsafe_core as core;

use super::{RollSafeStore, parse_device_id};
use crate::error::RollSafeError;
use crate::records::{
    CleaningEntry, Device, DeviceChange, DeviceOverview, DeviceUpdate, NewCleaning, NewDevice,
    RecordedCleaning, alerts,
};
use crate::time::Moment;

#[uniffi::export]
impl RollSafeStore {
    /// Adds a device, stamped with `now`.
    pub fn add_device(
        &self,
        device: NewDevice,
        now: Moment,
    ) -> Result<DeviceUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(update(self.core.add_device(device.into_core()?, now)?))
    }

    /// The device with `id`.
    pub fn device(&self, id: String) -> Result<Device, RollSafeError> {
        Ok(self.core.device(parse_device_id("id", &id)?)?.into())
    }

    /// Every device, retired ones included, oldest first.
    pub fn devices(&self) -> Result<Vec<Device>, RollSafeError> {
        Ok(self.core.devices()?.into_iter().map(Device::from).collect())
    }

    /// What the log says about a device as of `now`: uses, age, replacement,
    /// and whether it is clean for its next use.
    pub fn device_overview(
        &self,
        id: String,
        now: Moment,
    ) -> Result<DeviceOverview, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(self
            .core
            .device_overview(parse_device_id("id", &id)?, now)?
            .into())
    }

    /// Records that the needles look bent or the roll feels rough: the device
    /// is due for replacement at once.
    pub fn flag_device_damaged(
        &self,
        id: String,
        now: Moment,
    ) -> Result<DeviceUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(update(
            self.core
                .flag_device_damaged(parse_device_id("id", &id)?, now)?,
        ))
    }

    /// Records whether someone else uses the device too.
    pub fn set_device_shared(
        &self,
        id: String,
        shared: bool,
        now: Moment,
    ) -> Result<DeviceUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        let id = parse_device_id("id", &id)?;
        Ok(update(self.core.set_device_shared(id, shared, now)?))
    }

    /// Retires a device: it stays in the log but is not used again.
    pub fn retire_device(
        &self,
        id: String,
        reason: String,
        now: Moment,
    ) -> Result<DeviceUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        let id = parse_device_id("id", &id)?;
        Ok(update(self.core.retire_device(id, &reason, now)?))
    }

    /// Sets the user's own replacement limits (`null`/`nil` restores the
    /// default for the kind of device).
    pub fn set_replacement_limits(
        &self,
        id: String,
        max_uses: Option<u32>,
        max_days: Option<u32>,
        now: Moment,
    ) -> Result<DeviceUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        let id = parse_device_id("id", &id)?;
        Ok(update(
            self.core
                .set_replacement_limits(id, max_uses, max_days, now)?,
        ))
    }

    /// Records that a new head or needle cartridge was fitted at `at`.
    pub fn record_head_change(
        &self,
        id: String,
        at: Moment,
        now: Moment,
    ) -> Result<DeviceUpdate, RollSafeError> {
        let at = at.to_core("at")?;
        let now = now.to_core("now")?;
        Ok(update(self.core.record_head_change(
            parse_device_id("id", &id)?,
            at,
            now,
        )?))
    }

    /// Every change made to a device after it was added.
    pub fn device_changes(&self, id: String) -> Result<Vec<DeviceChange>, RollSafeError> {
        let changes = self.core.device_changes(parse_device_id("id", &id)?)?;
        Ok(changes.into_iter().map(DeviceChange::from).collect())
    }

    /// Records a cleaning, stamped with `now`; it stops the device's soak
    /// timer.
    pub fn record_cleaning(
        &self,
        cleaning: NewCleaning,
        now: Moment,
    ) -> Result<RecordedCleaning, RollSafeError> {
        let now = now.to_core("now")?;
        let changed = self.core.record_cleaning(cleaning.into_core()?, now)?;
        Ok(RecordedCleaning {
            cleaning: changed.value.into(),
            alerts: alerts(changed.alerts),
        })
    }

    /// A device's cleanings, oldest first, each placed before or after use.
    pub fn cleanings(&self, device_id: String) -> Result<Vec<CleaningEntry>, RollSafeError> {
        let entries = self
            .core
            .cleanings(parse_device_id("device_id", &device_id)?)?;
        Ok(entries.into_iter().map(CleaningEntry::from).collect())
    }
}

fn update(changed: core::Changed<core::Device>) -> DeviceUpdate {
    DeviceUpdate {
        device: changed.value.into(),
        alerts: alerts(changed.alerts),
    }
}
