//! What the log says about one device as of a moment: the facts a device
//! screen shows, and the home screen per device.
//!
//! A domain type: the store builds it (`Snapshot::device_overview`), the
//! home screen ([`crate::today`]) carries it, and neither layer has to
//! reach into the other for it.

use crate::check::CleaningState;
use crate::device::Device;
use crate::time::Moment;
use crate::wear::{DeviceWear, Replacement};

/// A device and what the log says about it as of a moment: the facts a
/// device screen shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviceOverview {
    /// The device.
    pub device: Device,
    /// Its wear.
    pub wear: DeviceWear,
    /// Where it stands against its replacement limit.
    pub replacement: Replacement,
    /// Whether it was cleaned adequately since its last use.
    pub cleaning: CleaningState,
    /// When it was last used, if ever.
    pub last_used_at: Option<Moment>,
}

impl DeviceOverview {
    /// True when an adequate cleaning was logged since the last use. This
    /// means "clean for next use", never sterile.
    pub fn clean_for_next_use(&self) -> bool {
        self.cleaning == CleaningState::CleanForNextUse
    }
}
