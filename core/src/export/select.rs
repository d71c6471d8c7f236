//! Which records an export's period takes in, where every export must agree.

use super::Period;
use crate::device::{Device, DeviceStatus};
use crate::time;

/// True when the device was owned at some point of the period: from its
/// first use (or its addition to the log, if earlier) to its retirement.
pub(crate) fn owned_during(device: &Device, period: &Period) -> bool {
    let added = time::local_date(&device.added_at);
    let start = device.first_use_date.map_or(added, |d| d.min(added));
    let end = match &device.status {
        DeviceStatus::Active => None,
        DeviceStatus::Retired { at, .. } => Some(time::local_date(at)),
    };
    start <= period.to() && end.is_none_or(|end| end >= period.from())
}
