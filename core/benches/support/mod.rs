//! The heavy fixtures the benchmarks run on: years of daily use by one
//! person, written through the public API (seeded, so every run builds the
//! same log), cached under `target/` so they are built once; and the exports
//! every harness times on them.

// Shared by several bench targets and core/examples/bench_probe.rs; each uses a part.
#[allow(dead_code)]
pub mod exports;
#[allow(dead_code)]
pub mod session;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, NaiveTime, TimeDelta, TimeZone};
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, CarePlanRest, CleaningMethod, DeviceId, DeviceKind, Moment,
    NeedleMaterial, NewCleaning, NewDevice, NewSession, NewSymptomReport, PreChecks, ReportKind,
    ReportedSymptom, SessionPlan, Store, Symptom,
};

/// The first day of every fixture.
pub fn start() -> Moment {
    DateTime::parse_from_rfc3339("2016-01-01T09:00:00+01:00").unwrap()
}

/// The moment a fixture of `days` days ends (its "now").
pub fn end_of(days: u64) -> Moment {
    at(days, 22)
}

fn at(day: u64, hour: u32) -> Moment {
    let date = start()
        .date_naive()
        .checked_add_days(Days::new(day))
        .unwrap();
    start()
        .offset()
        .from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap()))
        .unwrap()
}

/// A small deterministic generator (64-bit LCG), so fixtures need no seed file.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// The path of the cached fixture of `days` days of daily use, built if missing.
///
/// Tests of one binary run on several threads and may ask for the same
/// fixture at once (on a fresh checkout, where none is cached): one builds it
/// while the others wait, and each build writes a file of its own process
/// before renaming it into place, so no build removes another's file under it.
pub fn fixture(days: u64) -> PathBuf {
    static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!(
        "daily-{days}-days-v{}.sqlite3",
        rollsafe_core::store::schema::CURRENT_VERSION
    ));
    let _one_at_a_time = BUILDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if !path.exists() {
        let building = dir.join(format!("building-{days}-{}.sqlite3", std::process::id()));
        let _ = std::fs::remove_file(&building);
        build(&building, days);
        std::fs::rename(&building, &path).unwrap();
    }
    path
}

/// Writes `days` days of daily use: 6 devices in turn (a face roller, a
/// stamp, a scalp roller, a body roller, a pen and a spare), a soak before and
/// after each session, a new head every 10 uses, a report every 3.65 days,
/// an edit every 20 sessions, under a care plan allowing daily sessions.
fn build(path: &Path, days: u64) {
    let store = Store::open(path).unwrap();
    let mut rng = Lcg(0x0dd5_eed5);
    let first = start();
    store
        .set_care_plan(
            CarePlan {
                set_by: "Dr Bench".into(),
                set_at: first,
                rest: BodyRegion::ALL
                    .into_iter()
                    .map(|region| CarePlanRest {
                        region,
                        min_rest_days: 1,
                    })
                    .collect(),
                max_needle: vec![],
                allowed_zones: vec![],
                avoid_products: vec![],
                cleared_conditions: vec![],
            },
            first,
        )
        .unwrap();
    let kinds = [
        (DeviceKind::Roller, 0.25, BodyZone::Cheeks),
        (DeviceKind::Stamp, 0.5, BodyZone::Forehead),
        (DeviceKind::ScalpRoller, 0.5, BodyZone::Scalp),
        (DeviceKind::Roller, 1.0, BodyZone::Thighs),
        (DeviceKind::Pen, 0.25, BodyZone::Chin),
        (DeviceKind::Roller, 0.25, BodyZone::Neck),
    ];
    let devices: Vec<(DeviceId, BodyZone, bool)> = kinds
        .iter()
        .enumerate()
        .map(|(i, (kind, mm, zone))| {
            let new = NewDevice {
                material: NeedleMaterial::Titanium,
                needle_length_max_mm: (*kind == DeviceKind::Pen).then_some(1.0),
                ..NewDevice::simple(*kind, *mm, &format!("Device {i}"))
            };
            (
                store.add_device(new, first).unwrap().value.id,
                *zone,
                *kind == DeviceKind::Pen,
            )
        })
        .collect();
    let mut uses = [0_u32; 6];
    let mut recorded = 0_u64;
    for day in 0..days {
        let d = (day % 6) as usize;
        let (device, zone, pen) = devices[d];
        let evening = at(day, 21);
        if uses[d] % 10 == 0 || pen {
            store
                .record_head_change(device, evening - TimeDelta::minutes(40), evening)
                .unwrap();
        }
        let soak = |when: Moment| NewCleaning {
            device_id: device,
            at: when,
            method: CleaningMethod::IsopropylSoak,
            soak_minutes: Some(20),
        };
        store
            .record_cleaning(soak(evening - TimeDelta::minutes(30)), evening)
            .unwrap();
        let plan = SessionPlan {
            device_id: device,
            zones: vec![zone],
            needle_length_mm: pen.then_some(0.25),
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
        };
        let blockers: Vec<String> = store
            .check_session(&plan, evening)
            .unwrap()
            .to_acknowledge()
            .map(|f| f.code.code().to_owned())
            .collect();
        let session = NewSession {
            plan,
            at: evening,
            passes: Some(3),
            pain: Some(2),
            notes: None,
        };
        let id = store
            .record_session(session.clone(), &blockers, evening + TimeDelta::minutes(5))
            .unwrap()
            .value
            .session
            .id;
        uses[d] += 1;
        recorded += 1;
        if recorded % 20 == 0 {
            let edited = NewSession {
                pain: Some(3),
                ..session
            };
            store
                .edit_session(id, edited, evening + TimeDelta::minutes(10))
                .unwrap();
        }
        store
            .record_cleaning(
                soak(evening + TimeDelta::minutes(20)),
                evening + TimeDelta::minutes(25),
            )
            .unwrap();
        if rng.next(365) < 100 {
            let report = NewSymptomReport {
                at: evening + TimeDelta::hours(20),
                kind: ReportKind::Report,
                zones: vec![zone],
                around_eye: false,
                symptoms: vec![ReportedSymptom {
                    symptom: Symptom::Redness,
                    severity: Some(2),
                }],
                overall_severity: 2,
                pus: None,
                temperature_c: None,
                trend: None,
                notes: None,
                photos: vec![],
                session_id: None,
            };
            let report = store
                .record_symptom_report(report, evening + TimeDelta::hours(20))
                .unwrap()
                .value;
            store
                .resolve_report(
                    report.id,
                    evening + TimeDelta::hours(22),
                    evening + TimeDelta::hours(22),
                )
                .unwrap();
        }
    }
}
