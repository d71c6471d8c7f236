//! `rollsafe demo`: a realistic few weeks of use by one person, then the
//! screen the app would show.
//!
//! The story: a 0.25 mm face roller used on Sunday evenings, and a 0.5 mm
//! scalp roller used once a month. Five weeks on, the face roller is allowed
//! again and the scalp roller is still resting.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Days, Local, NaiveTime, TimeZone};
use rollsafe_core::{BodyZone, Device, DeviceKind, Moment, NewDevice, NewSession, Store};

use crate::args::DemoArgs;
use crate::paths;
use crate::render;

/// Days before today of each face-roller session.
const FACE_SESSION_DAYS_AGO: [u64; 5] = [35, 28, 21, 14, 8];
/// Days before today of each scalp-roller session.
const SCALP_SESSION_DAYS_AGO: [u64; 2] = [33, 5];
/// Days before today that both devices were bought.
const DEVICES_BOUGHT_DAYS_AGO: u64 = 36;

/// Runs the demo, returning a message for the user on failure.
pub fn run(options: &DemoArgs) -> Result<(), String> {
    let now = options.now.unwrap_or_else(|| Local::now().fixed_offset());
    let path = prepare_path(options.db.as_deref())?;
    let store = Store::open(&path).map_err(|e| e.to_string())?;
    fill(&store, now).map_err(|e| e.to_string())?;
    print!(
        "{}",
        render::home_screen(&store, &path, now).map_err(|e| e.to_string())?
    );
    Ok(())
}

/// Picks the demo file. The default demo file is replaced; any other
/// existing file is refused, so the demo can never overwrite a real log.
fn prepare_path(requested: Option<&Path>) -> Result<PathBuf, String> {
    let path = match requested {
        Some(path) if path.exists() => {
            return Err(format!(
                "{} already exists; the demo only writes a new file (choose another --db)",
                path.display()
            ));
        }
        Some(path) => path.to_path_buf(),
        None => {
            let path = paths::default_demo_db();
            remove_database_files(&path)?;
            path
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    Ok(path)
}

/// Removes a previous demo database with its WAL and shared-memory files.
fn remove_database_files(path: &Path) -> Result<(), String> {
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        match fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot replace the old demo store: {e}")),
        }
    }
    Ok(())
}

fn fill(store: &Store, now: Moment) -> rollsafe_core::Result<()> {
    let bought = evening(now, DEVICES_BOUGHT_DAYS_AGO);
    let face = store.add_device(
        NewDevice {
            kind: DeviceKind::Roller,
            needle_length_mm: 0.25,
            nickname: "Face roller".into(),
        },
        bought,
    )?;
    let scalp = store.add_device(
        NewDevice {
            kind: DeviceKind::ScalpRoller,
            needle_length_mm: 0.5,
            nickname: "Scalp roller".into(),
        },
        bought,
    )?;
    for (i, days_ago) in FACE_SESSION_DAYS_AGO.into_iter().enumerate() {
        let mut zones = vec![BodyZone::Cheeks, BodyZone::Forehead];
        if i % 2 == 1 {
            zones.push(BodyZone::Chin);
        }
        record(store, &face, evening(now, days_ago), zones)?;
    }
    for days_ago in SCALP_SESSION_DAYS_AGO {
        record(store, &scalp, evening(now, days_ago), vec![BodyZone::Scalp])?;
    }
    Ok(())
}

fn record(
    store: &Store,
    device: &Device,
    at: Moment,
    zones: Vec<BodyZone>,
) -> rollsafe_core::Result<()> {
    let session = NewSession {
        device_id: device.id,
        at,
        zones,
        needle_length_mm: None,
    };
    // Entered half an hour after the session, as people do.
    let entered = at + chrono::Duration::minutes(30);
    store.record_session(session, entered).map(drop)
}

/// 21:00 on the local calendar `days_ago` days before `now`, in now's offset.
fn evening(now: Moment, days_ago: u64) -> Moment {
    let date = now.date_naive() - Days::new(days_ago);
    let local = date.and_time(NaiveTime::from_hms_opt(21, 0, 0).unwrap_or_default());
    now.offset()
        .from_local_datetime(&local)
        .single()
        .unwrap_or(now)
}
