//! What one call reads about the log, gathered once and shared.
//!
//! The home screen decides a verdict for every device and region, assesses
//! the risk and schedules the reminders. Each of those needs the same facts
//! (the person, each device's wear, cleaning and last session, the last
//! session on each region); reading them once per call, in one snapshot,
//! keeps the call's cost to a few small queries per device, whatever the
//! length of the history.

use rusqlite::{Connection, params};

use super::context::{self, Person};
use super::devices::{all_devices, device_wear};
use super::sessions::query_sessions;
use crate::check::{CleaningState, RegionLastSession};
use crate::device::Device;
use crate::error::Result;
use crate::session::Session;
use crate::time::{self, Moment};
use crate::wear::DeviceWear;
use crate::zone::BodyRegion;

/// What the log says about one device as of a moment.
pub(super) struct DeviceState {
    /// The device.
    pub device: Device,
    /// The wear of its current head.
    pub wear: DeviceWear,
    /// Whether it was cleaned adequately since its last use.
    pub cleaning: CleaningState,
    /// Its latest session up to the moment, if any.
    pub last_session: Option<Session>,
}

/// Everything the home screen's rules read, as of one moment.
pub(super) struct LogFacts {
    /// The profile and care plan.
    pub person: Person,
    /// Each device in use (retired ones left out), oldest first.
    pub devices: Vec<DeviceState>,
    /// The latest session on each body region, any device; regions never
    /// needled are left out.
    pub region_history: Vec<RegionLastSession>,
    /// The first session after the moment on each body region, any device.
    pub later_sessions: Vec<RegionLastSession>,
}

impl LogFacts {
    /// The devices in use with their wear, as the risk engine reads them.
    pub fn wear(&self) -> Vec<(&Device, &DeviceWear)> {
        self.devices.iter().map(|d| (&d.device, &d.wear)).collect()
    }
}

/// Reads every fact of [`LogFacts`] as of `now`.
pub(super) fn gather(conn: &Connection, now: &Moment) -> Result<LogFacts> {
    let devices = all_devices(conn)?
        .into_iter()
        .filter(Device::is_active)
        .map(|device| device_state(conn, device, now))
        .collect::<Result<Vec<_>>>()?;
    Ok(LogFacts {
        person: context::person(conn)?,
        devices,
        region_history: context::region_history(conn, &BodyRegion::ALL, now)?,
        later_sessions: context::later_sessions(conn, &BodyRegion::ALL, now)?,
    })
}

/// What the log says about `device` as of `at` (events at `at` included).
pub(super) fn device_state(conn: &Connection, device: Device, at: &Moment) -> Result<DeviceState> {
    let last_session = query_sessions(
        conn,
        "AND v.revision = s.revision WHERE s.device_id = ?1 AND s.deleted_at_ms IS NULL AND s.at_ms <= ?2
         ORDER BY s.at_ms DESC LIMIT 1",
        params![device.id, time::unix_millis(at)],
    )?
    .pop();
    let cleaning =
        context::cleaning_since(conn, &device, last_session.as_ref().map(|s| &s.at), at)?;
    Ok(DeviceState {
        wear: device_wear(conn, &device, at)?,
        cleaning,
        last_session,
        device,
    })
}
