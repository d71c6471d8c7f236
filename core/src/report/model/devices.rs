//! Devices with their wear, replacement and cleaning adherence; and the
//! cleaning log per device.
//!
//! Adherence is counted per session in the period: cleaned before use is the
//! user's pre-check answer; cleaned after use is a cleaning logged within a
//! day after the session and before the device's next session (the same
//! window [`crate::cleaning::TIMING_WINDOW`] the log uses to place cleanings).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Span;
use crate::cleaning::{CleaningEntry, CleaningMethod, CleaningTiming, TIMING_WINDOW};
use crate::device::{Device, DeviceKind, DeviceStatus, NeedleMaterial};
use crate::error::Result;
use crate::ids::DeviceId;
use crate::session::Session;
use crate::store::Snapshot;
use crate::time::{self, Moment};

/// One device as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DeviceRow {
    pub name: String,
    pub kind: &'static str,
    pub needle: String,
    pub material: &'static str,
    pub brand: Option<String>,
    pub shared: bool,
    pub retired: Option<NaiveDate>,
    /// Uses of the current head, and in all.
    pub uses: u32,
    pub total_uses: u32,
    /// Days since the current head came into use.
    pub age_days: Option<i64>,
    pub head_started: Option<NaiveDate>,
    /// The replacement limit and where the device stands.
    pub limit: String,
    pub replacement_due: Option<String>,
    /// Sessions in the period, and how many had each cleaning.
    pub sessions_in_period: u32,
    pub cleaned_before: u32,
    pub cleaned_after: u32,
}

impl DeviceRow {
    /// Cleaned-before share, in percent, if the device was used.
    pub(crate) fn before_percent(&self) -> Option<u32> {
        percent(self.cleaned_before, self.sessions_in_period)
    }

    /// Cleaned-after share, in percent, if the device was used.
    pub(crate) fn after_percent(&self) -> Option<u32> {
        percent(self.cleaned_after, self.sessions_in_period)
    }
}

/// A share in whole percent, rounded down so 99.6% never prints as 100%.
pub(crate) fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| u32::try_from(u64::from(part) * 100 / u64::from(whole)).unwrap_or(100))
}

/// The cleanings of one device in the period.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CleaningRow {
    pub device: String,
    pub total: u32,
    pub adequate: u32,
    pub before_use: u32,
    pub after_use: u32,
    pub standalone: u32,
    /// Count per method, in a stable order, methods never used left out.
    pub methods: Vec<(&'static str, u32)>,
    pub last: Option<Moment>,
}

/// The cleanings of each device, read once for both sections that use them.
pub(crate) type CleaningsByDevice = HashMap<DeviceId, Vec<CleaningEntry>>;

/// Reads the cleanings of every device.
pub(crate) fn read_cleanings(
    store: &Snapshot<'_>,
    devices: &[Device],
) -> Result<CleaningsByDevice> {
    devices
        .iter()
        .map(|d| Ok((d.id, store.cleanings(d.id)?)))
        .collect()
}

pub(crate) fn device_rows(
    store: &Snapshot<'_>,
    devices: &[Device],
    cleanings: &CleaningsByDevice,
    sessions: &[Session],
    span: &Span,
    now: Moment,
) -> Result<Vec<DeviceRow>> {
    let today = time::local_date(&now);
    let mut rows = Vec::with_capacity(devices.len());
    for device in devices {
        let overview = store.device_overview(device.id, now)?;
        let cleanings: Vec<Moment> = cleanings
            .get(&device.id)
            .map(|list| list.iter().map(|c| c.cleaning.at).collect())
            .unwrap_or_default();
        let mut own: Vec<&Session> = sessions
            .iter()
            .filter(|s| s.device_id == device.id)
            .collect();
        crate::sorting::sort_by_key(&mut own, |s| s.at);
        let (mut in_period, mut before, mut after) = (0, 0, 0);
        for (i, session) in own.iter().enumerate() {
            if !span.contains(&session.at) {
                continue;
            }
            in_period += 1;
            before += u32::from(session.pre_checks.device_cleaned);
            let next = own.get(i + 1).map(|s| s.at);
            let window_end = session.at + TIMING_WINDOW;
            // Cleanings are oldest first: the first one after the session decides.
            let first_after = cleanings.partition_point(|c| *c <= session.at);
            let cleaned_after = cleanings
                .get(first_after)
                .is_some_and(|c| *c <= window_end && next.is_none_or(|n| *c <= n));
            after += u32::from(cleaned_after);
        }
        let replacement = &overview.replacement;
        rows.push(DeviceRow {
            name: device.nickname.clone(),
            kind: kind_label(device.kind),
            needle: match device.needle_length_max_mm {
                Some(max) => format!("{}–{} mm", mm(device.needle_length_mm), mm(max)),
                None => format!("{} mm", mm(device.needle_length_mm)),
            },
            material: material_label(device.material),
            brand: device.brand.clone(),
            shared: device.shared,
            retired: match &device.status {
                DeviceStatus::Retired { at, .. } => Some(time::local_date(at)),
                DeviceStatus::Active => None,
            },
            uses: overview.wear.uses,
            total_uses: overview.wear.total_uses,
            age_days: overview
                .wear
                .head_started
                .map(|start| time::calendar_days_between(start, today)),
            head_started: overview.wear.head_started,
            limit: format!(
                "{} uses or {} days",
                replacement.max_uses, replacement.max_days
            ),
            replacement_due: if device.is_active() {
                replacement.reason.clone()
            } else {
                None
            },
            sessions_in_period: in_period,
            cleaned_before: before,
            cleaned_after: after,
        });
    }
    Ok(rows)
}

pub(crate) fn cleaning_rows(
    devices: &[Device],
    cleanings: &CleaningsByDevice,
    span: &Span,
) -> Vec<CleaningRow> {
    let mut rows = Vec::with_capacity(devices.len());
    for device in devices {
        let mut row = CleaningRow {
            device: device.nickname.clone(),
            total: 0,
            adequate: 0,
            before_use: 0,
            after_use: 0,
            standalone: 0,
            methods: Vec::new(),
            last: None,
        };
        let mut counts = [0u32; 4];
        for entry in cleanings.get(&device.id).into_iter().flatten() {
            if !span.contains(&entry.cleaning.at) {
                continue;
            }
            row.total += 1;
            row.adequate += u32::from(entry.adequate);
            match entry.timing {
                CleaningTiming::BeforeUse => row.before_use += 1,
                CleaningTiming::AfterUse => row.after_use += 1,
                CleaningTiming::AfterAndBeforeUse => {
                    row.before_use += 1;
                    row.after_use += 1;
                }
                CleaningTiming::Standalone => row.standalone += 1,
            }
            let slot = CleaningMethod::ALL
                .iter()
                .position(|m| *m == entry.cleaning.method);
            if let Some(count) = slot.and_then(|i| counts.get_mut(i)) {
                *count += 1;
            }
            row.last = Some(entry.cleaning.at);
        }
        row.methods = CleaningMethod::ALL
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(m, n)| (method_label(*m), n))
            .collect();
        rows.push(row);
    }
    rows
}

/// A length in millimetres without trailing zeros: 0.25, 0.5, 1.
pub(crate) fn mm(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn kind_label(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Roller => "roller",
        DeviceKind::Stamp => "stamp",
        DeviceKind::Pen => "pen",
        DeviceKind::ScalpRoller => "scalp roller",
        DeviceKind::Other => "other",
    }
}

fn material_label(material: NeedleMaterial) -> &'static str {
    match material {
        NeedleMaterial::Titanium => "titanium",
        NeedleMaterial::StainlessSteel => "stainless steel",
        NeedleMaterial::Unknown => "not known",
    }
}

fn method_label(method: CleaningMethod) -> &'static str {
    match method {
        CleaningMethod::IsopropylSoak => "70% isopropyl soak",
        CleaningMethod::OtherAlcoholSoak => "other alcohol soak",
        CleaningMethod::SoapAndWater => "soap and water",
        CleaningMethod::Other => "other",
    }
}
