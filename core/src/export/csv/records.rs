//! The files about what the user did: devices, sessions and cleanings.

use std::collections::HashMap;

use super::CsvOptions;
use super::table::{
    Column, col, flag, moment_cells, moment_columns, opt, opt_date, opt_moment_cells,
};
use crate::device::{Device, DeviceStatus};
use crate::error::Result;
use crate::export::notes;
use crate::export::select::owned_during;
use crate::ids::DeviceId;
use crate::product::ProductTiming;
use crate::store::Snapshot;
use crate::time;

/// The rows of `devices.csv`: every device owned during the period, oldest first.
pub(super) fn device_rows(store: &Snapshot<'_>, options: &CsvOptions) -> Result<Vec<Vec<String>>> {
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
                DeviceStatus::Active => ("active", None, None),
                DeviceStatus::Retired { at, reason } => (
                    "retired",
                    Some(at),
                    notes::shown(&options.privacy, Some(reason)),
                ),
            };
            let mut row = vec![
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
            ];
            row.extend(opt_moment_cells(retired_at));
            row.extend([
                reason.unwrap_or_default(),
                opt(d.replace_after_uses),
                opt(d.replace_after_days),
            ]);
            row.extend(moment_cells(&d.added_at));
            row
        })
        .collect();
    Ok(rows)
}

/// The columns of `devices.csv`.
pub(super) fn device_columns() -> Vec<Column> {
    let mut columns = vec![
        col("device_id", "The device's stable id (a UUID)"),
        col("kind", "roller, stamp, pen, scalp_roller or other"),
        col("nickname", "The name the user gave the device"),
        col("brand", "Its brand, if entered"),
        col(
            "needle_length_mm",
            "Needle length in millimetres (the shortest, for an adjustable pen)",
        ),
        col(
            "needle_length_max_mm",
            "For an adjustable pen, the longest needle length in millimetres",
        ),
        col("needle_count", "Number of needles, if entered"),
        col(
            "material",
            "Needle material: titanium, stainless_steel or unknown",
        ),
        col(
            "first_use_date",
            "The local date of its first use, if entered (YYYY-MM-DD)",
        ),
        col("shared", "true when the device is shared with someone else"),
        col(
            "damaged",
            "true when bent needles or a rough roll were reported",
        ),
        col("status", "active or retired"),
    ];
    columns.extend(moment_columns(
        "retired_at",
        "When the user retired it (empty while active)",
    ));
    columns.extend([
        col(
            "retired_reason",
            "Why the user retired it, in their words (or a mark when notes are withheld)",
        ),
        col(
            "replace_after_uses",
            "The user's own limit of uses before replacing, if set",
        ),
        col(
            "replace_after_days",
            "The user's own limit of days before replacing, if set",
        ),
    ]);
    columns.extend(moment_columns(
        "added_at",
        "When the device was added to the log",
    ));
    columns
}

/// Each device's nickname, to write beside its id in the other files.
fn nicknames(devices: &[Device]) -> HashMap<DeviceId, String> {
    devices.iter().map(|d| (d.id, d.nickname.clone())).collect()
}

/// The rows of `sessions.csv`: the current version of every session in the period,
/// oldest first.
pub(super) fn session_rows(store: &Snapshot<'_>, options: &CsvOptions) -> Result<Vec<Vec<String>>> {
    let mut sessions: Vec<_> = store
        .sessions()?
        .into_iter()
        .filter(|s| options.period.contains(&s.at))
        .collect();
    crate::sorting::sort_by(&mut sessions, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    let names = nicknames(&store.devices()?);
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
            let mut row = vec![
                s.id.to_string(),
                s.device_id.to_string(),
                names.get(&s.device_id).cloned().unwrap_or_default(),
            ];
            row.extend(moment_cells(&s.at));
            row.extend([
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
            ]);
            row.extend(moment_cells(&s.recorded_at));
            row.extend(moment_cells(&s.saved_at));
            row
        })
        .collect();
    Ok(rows)
}

/// The columns of `sessions.csv`.
pub(super) fn session_columns() -> Vec<Column> {
    let mut columns = vec![
        col("session_id", "The session's stable id (a UUID)"),
        col("device_id", "The device used (see devices.csv)"),
        col("device_nickname", "That device's nickname"),
    ];
    columns.extend(moment_columns("at", "When the session took place"));
    columns.extend([
        col(
            "local_date",
            "The local calendar day of the session (YYYY-MM-DD), which the rest rules count in",
        ),
        col("zones", "The body zones needled, joined with \"; \""),
        col("needle_length_mm", "The needle length used, in millimetres"),
        col(
            "products",
            "Products applied: name (before or after: categories), joined with \"; \"",
        ),
        col(
            "device_cleaned",
            "Pre-session answer: the device was cleaned before use",
        ),
        col("skin_clean", "Pre-session answer: the skin was cleansed"),
        col(
            "active_breakout",
            "Pre-session answer: an active breakout on the area",
        ),
        col("cold_sore", "Pre-session answer: a cold sore on the area"),
        col(
            "open_wound",
            "Pre-session answer: broken skin or a wound on the area",
        ),
        col("sunburn", "Pre-session answer: sunburn on the area"),
        col("passes", "Number of passes, if entered"),
        col(
            "pain",
            "Pain during the session, 0 (none) to 10, if entered",
        ),
        col(
            "notes",
            "The user's notes (or a mark when notes are withheld)",
        ),
        col(
            "overrides",
            "Warnings the user acknowledged to record it: code: message, joined with \"; \"",
        ),
        col(
            "revision",
            "The version of the session (1 when never edited)",
        ),
    ]);
    columns.extend(moment_columns(
        "recorded_at",
        "When the session was first entered",
    ));
    columns.extend(moment_columns("saved_at", "When this version was saved"));
    columns
}

/// The rows of `cleanings.csv`: every cleaning in the period, oldest first, with where
/// it falls around the device's sessions and whether it was adequate.
pub(super) fn cleaning_rows(
    store: &Snapshot<'_>,
    options: &CsvOptions,
) -> Result<Vec<Vec<String>>> {
    let devices = store.devices()?;
    let mut entries = Vec::new();
    for device in &devices {
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
    let names = nicknames(&devices);
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
            let mut row = vec![
                c.id.to_string(),
                c.device_id.to_string(),
                names.get(&c.device_id).cloned().unwrap_or_default(),
            ];
            row.extend(moment_cells(&c.at));
            row.extend([
                c.method.code().to_owned(),
                opt(c.soak_minutes),
                timing.to_owned(),
                flag(e.adequate),
            ]);
            row.extend(moment_cells(&c.recorded_at));
            row
        })
        .collect();
    Ok(rows)
}

/// The columns of `cleanings.csv`.
pub(super) fn cleaning_columns() -> Vec<Column> {
    let mut columns = vec![
        col("cleaning_id", "The cleaning's stable id (a UUID)"),
        col("device_id", "The device cleaned (see devices.csv)"),
        col("device_nickname", "That device's nickname"),
    ];
    columns.extend(moment_columns("at", "When the device was cleaned"));
    columns.extend([
        col("method", "isopropyl_soak, other_alcohol_soak, soap_and_water or other"),
        col("soak_minutes", "For a soak, its length in minutes"),
        col("timing", "after_use, before_use, after_and_before_use or standalone: where it falls around the device's sessions"),
        col("adequate", "true for an alcohol soak long enough to count (see the report's cleaning rule)"),
    ]);
    columns.extend(moment_columns(
        "recorded_at",
        "When the cleaning was entered",
    ));
    columns
}
