//! The files about what the user did: devices, sessions and cleanings.

use super::table::{flag, moment, opt, opt_date, write};
use super::{CsvFile, CsvOptions};
use crate::device::{Device, DeviceStatus};
use crate::error::Result;
use crate::export::notes;
use crate::export::select::owned_during;
use crate::product::ProductTiming;
use crate::store::Snapshot;
use crate::time;

/// `devices.csv`: every device owned during the period, oldest first.
pub fn devices(store: &Snapshot<'_>, options: &CsvOptions) -> Result<CsvFile> {
    let mut devices: Vec<Device> = store
        .devices()?
        .into_iter()
        .filter(|d| owned_during(d, &options.period))
        .collect();
    crate::sorting::sort_by(&mut devices, |a, b| {
        a.added_at.cmp(&b.added_at).then(a.id.cmp(&b.id))
    });
    let rows: Vec<Vec<String>> = devices
        .iter()
        .map(|d| {
            let (status, retired_at, reason) = match &d.status {
                DeviceStatus::Active => ("active", String::new(), None),
                DeviceStatus::Retired { at, reason } => (
                    "retired",
                    moment(at),
                    notes::shown(&options.privacy, Some(reason)),
                ),
            };
            vec![
                d.id.to_string(),
                d.kind.code().to_owned(),
                d.nickname.clone(),
                d.brand.clone().unwrap_or_default(),
                d.needle_length_mm.to_string(),
                opt(d.needle_length_max_mm),
                opt(d.needle_count),
                d.material.code().to_owned(),
                opt_date(d.first_use_date),
                flag(d.shared),
                flag(d.damaged),
                status.to_owned(),
                retired_at,
                reason.unwrap_or_default(),
                opt(d.replace_after_uses),
                opt(d.replace_after_days),
                moment(&d.added_at),
            ]
        })
        .collect();
    write(
        "devices.csv",
        &[
            "device_id",
            "kind",
            "nickname",
            "brand",
            "needle_length_mm",
            "needle_length_max_mm",
            "needle_count",
            "material",
            "first_use_date",
            "shared",
            "damaged",
            "status",
            "retired_at",
            "retired_reason",
            "replace_after_uses",
            "replace_after_days",
            "added_at",
        ],
        &rows,
    )
}

/// `sessions.csv`: the current version of every session in the period,
/// oldest first.
pub fn sessions(store: &Snapshot<'_>, options: &CsvOptions) -> Result<CsvFile> {
    let mut sessions: Vec<_> = store
        .sessions()?
        .into_iter()
        .filter(|s| options.period.contains(&s.at))
        .collect();
    crate::sorting::sort_by(&mut sessions, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| {
            let zones: Vec<&str> = s.zones.iter().map(|z| z.code()).collect();
            let products: Vec<String> = s
                .products
                .iter()
                .map(|p| {
                    let when = match p.timing {
                        ProductTiming::Before => "before",
                        ProductTiming::After => "after",
                    };
                    let tags: Vec<&str> = p.categories.iter().map(|c| c.code()).collect();
                    if tags.is_empty() {
                        format!("{} ({when})", p.name)
                    } else {
                        format!("{} ({when}: {})", p.name, tags.join(", "))
                    }
                })
                .collect();
            let overrides: Vec<String> = s
                .overrides
                .iter()
                .map(|o| format!("{}: {}", o.code, o.message))
                .collect();
            let checks = &s.pre_checks;
            vec![
                s.id.to_string(),
                s.device_id.to_string(),
                moment(&s.at),
                time::local_date(&s.at).to_string(),
                zones.join("; "),
                s.needle_length_mm.to_string(),
                products.join("; "),
                flag(checks.device_cleaned),
                flag(checks.skin_clean),
                flag(checks.active_breakout),
                flag(checks.cold_sore),
                flag(checks.open_wound),
                flag(checks.sunburn),
                opt(s.passes),
                opt(s.pain),
                notes::shown(&options.privacy, s.notes.as_deref()).unwrap_or_default(),
                overrides.join("; "),
                s.revision.to_string(),
                moment(&s.recorded_at),
                moment(&s.saved_at),
            ]
        })
        .collect();
    write(
        "sessions.csv",
        &[
            "session_id",
            "device_id",
            "at",
            "local_date",
            "zones",
            "needle_length_mm",
            "products",
            "device_cleaned",
            "skin_clean",
            "active_breakout",
            "cold_sore",
            "open_wound",
            "sunburn",
            "passes",
            "pain",
            "notes",
            "overrides",
            "revision",
            "recorded_at",
            "saved_at",
        ],
        &rows,
    )
}

/// `cleanings.csv`: every cleaning in the period, oldest first, with where
/// it falls around the device's sessions and whether it was adequate.
pub fn cleanings(store: &Snapshot<'_>, options: &CsvOptions) -> Result<CsvFile> {
    let mut entries = Vec::new();
    for device in store.devices()? {
        entries.extend(
            store
                .cleanings(device.id)?
                .into_iter()
                .filter(|e| options.period.contains(&e.cleaning.at)),
        );
    }
    crate::sorting::sort_by(&mut entries, |a, b| {
        a.cleaning
            .at
            .cmp(&b.cleaning.at)
            .then(a.cleaning.id.cmp(&b.cleaning.id))
    });
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let c = &e.cleaning;
            let timing = match e.timing {
                crate::cleaning::CleaningTiming::AfterUse => "after_use",
                crate::cleaning::CleaningTiming::BeforeUse => "before_use",
                crate::cleaning::CleaningTiming::AfterAndBeforeUse => "after_and_before_use",
                crate::cleaning::CleaningTiming::Standalone => "standalone",
            };
            vec![
                c.id.to_string(),
                c.device_id.to_string(),
                moment(&c.at),
                c.method.code().to_owned(),
                opt(c.soak_minutes),
                timing.to_owned(),
                flag(e.adequate),
                moment(&c.recorded_at),
            ]
        })
        .collect();
    write(
        "cleanings.csv",
        &[
            "cleaning_id",
            "device_id",
            "at",
            "method",
            "soak_minutes",
            "timing",
            "adequate",
            "recorded_at",
        ],
        &rows,
    )
}
