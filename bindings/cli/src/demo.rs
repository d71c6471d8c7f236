//! `rollsafe demo`: a realistic few weeks of use by one person, then the
//! screen the app would show.
//!
//! The story: someone with a history of cold sores uses a 0.25 mm face
//! roller weekly and a 0.5 mm scalp roller every two weeks, as their
//! dermatologist's care plan allows (the default would be 30 days), soaking
//! each before and after use. Six weeks on, the face roller's head is due for
//! replacement and the scalp is still resting.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Days, Local, NaiveTime, TimeDelta, TimeZone};
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, CarePlanRest, CleaningMethod, Condition, ConditionAnswer,
    Device, DeviceKind, Moment, NeedleMaterial, NewCleaning, NewDevice, NewSession, PreChecks,
    Product, ProductCategory, ProductTiming, ProfileUpdate, SessionPlan, SkinType, Store,
};

use crate::args::DemoArgs;
use crate::paths;
use crate::render;

/// Days before today of each face-roller session.
const FACE_SESSION_DAYS_AGO: [u64; 6] = [43, 36, 29, 22, 15, 8];
/// Days before today of each scalp-roller session.
const SCALP_SESSION_DAYS_AGO: [u64; 3] = [30, 16, 2];
/// Days before today that both devices were bought.
const DEVICES_BOUGHT_DAYS_AGO: u64 = 44;
/// Days before today that the dermatologist set the care plan.
const CARE_PLAN_DAYS_AGO: u64 = 31;

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
    let bought = at(now, DEVICES_BOUGHT_DAYS_AGO, 12);
    store.save_profile(
        ProfileUpdate {
            skin_type: Some(SkinType::Iii),
            answers: vec![ConditionAnswer {
                condition: Condition::ColdSores,
                present: true,
                stopped_on: None,
                confirmed_at: bought,
            }],
        },
        bought,
    )?;
    let face = store
        .add_device(titanium(DeviceKind::Roller, 0.25, "Face roller"), bought)?
        .value;
    let scalp = store
        .add_device(
            titanium(DeviceKind::ScalpRoller, 0.5, "Scalp roller"),
            bought,
        )?
        .value;
    let plan_day = at(now, CARE_PLAN_DAYS_AGO, 10);
    store.set_care_plan(
        CarePlan {
            set_by: "Dr Amara Osei, dermatologist".into(),
            set_at: plan_day,
            rest: vec![CarePlanRest {
                region: BodyRegion::Scalp,
                min_rest_days: 14,
            }],
            max_needle_length_mm: Some(0.5),
            allowed_zones: vec![],
            avoid_products: vec![ProductCategory::Retinoid],
            cleared_conditions: vec![],
        },
        plan_day,
    )?;
    for days_ago in FACE_SESSION_DAYS_AGO {
        use_device(
            store,
            &face,
            now,
            days_ago,
            vec![BodyZone::Cheeks, BodyZone::Forehead],
        )?;
    }
    for days_ago in SCALP_SESSION_DAYS_AGO {
        use_device(store, &scalp, now, days_ago, vec![BodyZone::Scalp])?;
    }
    Ok(())
}

fn titanium(kind: DeviceKind, needle_length_mm: f64, nickname: &str) -> NewDevice {
    NewDevice {
        material: NeedleMaterial::Titanium,
        ..NewDevice::simple(kind, needle_length_mm, nickname)
    }
}

/// One evening's use as a careful person logs it: a soak before, the
/// session, a soak after.
fn use_device(
    store: &Store,
    device: &Device,
    now: Moment,
    days_ago: u64,
    zones: Vec<BodyZone>,
) -> rollsafe_core::Result<()> {
    let evening = at(now, days_ago, 21);
    let soak = |when: Moment| NewCleaning {
        device_id: device.id,
        at: when,
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    };
    let before = evening - TimeDelta::minutes(30);
    store.record_cleaning(soak(before), before)?;
    let session = NewSession {
        plan: SessionPlan {
            device_id: device.id,
            zones,
            needle_length_mm: None,
            products: vec![Product {
                name: "Hyaluronic acid serum".into(),
                timing: ProductTiming::After,
                categories: vec![ProductCategory::HyaluronicAcid],
            }],
            pre_checks: PreChecks::ALL_CLEAR,
        },
        at: evening,
        passes: Some(4),
        pain: Some(2),
        notes: None,
    };
    // Entered half an hour after the session, as people do.
    store.record_session(session, &[], evening + TimeDelta::minutes(30))?;
    let after = evening + TimeDelta::minutes(40);
    store.record_cleaning(soak(after), after)?;
    Ok(())
}

/// `hour`:00 on the local calendar `days_ago` days before `now`, in now's offset.
fn at(now: Moment, days_ago: u64, hour: u32) -> Moment {
    let date = now.date_naive() - Days::new(days_ago);
    let local = date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default());
    now.offset()
        .from_local_datetime(&local)
        .single()
        .unwrap_or(now)
}
