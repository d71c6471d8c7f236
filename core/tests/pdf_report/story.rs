//! A realistic log for the report tests, written through the public API as
//! the app would: six weeks of face and scalp rolling under a care plan, one
//! skipped cleaning overridden, a vitamin C serum after needling, and
//! symptom reports with notes typed in Greek and Cyrillic and a photo.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, TimeZone};
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, CarePlanRest, CleaningMethod, Condition, ConditionAnswer,
    Device, DeviceKind, Moment, NeedleMaterial, NewCleaning, NewDevice, NewSession,
    NewSymptomReport, PhotoRef, PreChecks, Product, ProductCategory, ProductTiming, ProfileUpdate,
    ReportKind, ReportedSymptom, SessionPlan, SkinType, Store, Symptom, SymptomTrend,
};

/// The session note typed in Greek.
pub const GREEK_NOTE: &str = "Ελαφρύ κοκκίνισμα στα μάγουλα";
/// The symptom note typed in Cyrillic.
pub const CYRILLIC_NOTE: &str = "Покраснение и тепло на коже головы";
/// A note in English.
pub const LATIN_NOTE: &str = "Forgot the soak, was in a hurry";
/// The photo's file name.
pub const PHOTO_FILE: &str = "photos/scalp-closeup.jpg";

/// When the story ends: the report's `now`.
pub fn now() -> Moment {
    DateTime::parse_from_rfc3339("2026-03-20T09:00:00+01:00").unwrap()
}

/// A fresh in-memory store holding the story.
pub fn store() -> Store {
    let store = Store::open_in_memory().unwrap();
    fill(&store, now());
    store
}

/// The story's first session: where a report of the whole log begins.
pub fn first_day() -> NaiveDate {
    local(now(), 43, 21).date_naive()
}

/// Records, two hours before `now`, a session whose note is as long as a
/// note may be (`w00000 w00001 ...`): a table row that flows over pages.
/// Returns the note and its number of words.
pub fn add_longest_note(store: &Store) -> (String, usize) {
    use rollsafe_core::validate::MAX_NOTE_CHARS;
    let mut note = String::new();
    let mut n = 0;
    while note.chars().count() + 8 <= MAX_NOTE_CHARS {
        note.push_str(&format!("w{n:05} "));
        n += 1;
    }
    let note = note.trim_end().to_owned();
    let device = store.devices().unwrap()[0].clone();
    let when = now() - chrono::TimeDelta::hours(2);
    store
        .record_cleaning(
            rollsafe_core::NewCleaning {
                device_id: device.id,
                at: when - chrono::TimeDelta::minutes(30),
                method: rollsafe_core::CleaningMethod::IsopropylSoak,
                soak_minutes: Some(20),
            },
            when,
        )
        .unwrap();
    let plan = rollsafe_core::SessionPlan {
        device_id: device.id,
        zones: vec![rollsafe_core::BodyZone::Chin],
        needle_length_mm: None,
        products: vec![],
        pre_checks: rollsafe_core::PreChecks::ALL_CLEAR,
    };
    let acknowledged: Vec<String> = store
        .check_session(&plan, when)
        .unwrap()
        .to_acknowledge()
        .map(|f| f.code.code().to_owned())
        .collect();
    store
        .record_session(
            rollsafe_core::NewSession {
                plan,
                at: when,
                passes: None,
                pain: None,
                notes: Some(note.clone()),
            },
            &acknowledged,
            when,
        )
        .unwrap();
    (note, n)
}

/// Records the story into `store`, ending just before `now`.
pub fn fill(store: &Store, now: Moment) {
    let bought = local(now, 44, 12);
    store
        .save_profile(
            ProfileUpdate {
                skin_type: Some(SkinType::Iii),
                answers: vec![
                    answer(Condition::ColdSores, true, None, bought),
                    answer(
                        Condition::Isotretinoin,
                        true,
                        NaiveDate::from_ymd_opt(2025, 6, 30),
                        bought,
                    ),
                    answer(Condition::BleedingRisk, false, None, bought),
                    answer(Condition::Pregnancy, false, None, bought),
                ],
                identity: Default::default(),
            },
            bought,
        )
        .unwrap();
    let face = add(store, DeviceKind::Roller, 0.25, "Face roller", bought);
    let scalp = add(store, DeviceKind::ScalpRoller, 0.5, "Scalp roller", bought);
    let plan_day = local(now, 32, 10);
    for days_ago in [43, 36] {
        use_device(store, &face, now, days_ago, true, None, false);
    }
    store
        .set_care_plan(
            CarePlan {
                set_by: "Dr Amara Osei, dermatologist".into(),
                set_at: plan_day,
                rest: vec![CarePlanRest {
                    region: BodyRegion::Scalp,
                    min_rest_days: 14,
                }],
                max_needle: [
                    rollsafe_core::BodyRegion::Face,
                    rollsafe_core::BodyRegion::Scalp,
                    rollsafe_core::BodyRegion::Body,
                ]
                .into_iter()
                .map(|region| rollsafe_core::RegionNeedleLimit {
                    region,
                    max_needle_length_mm: 0.5,
                })
                .collect(),
                allowed_zones: vec![],
                avoid_products: vec![ProductCategory::Retinoid],
                cleared_conditions: vec![],
            },
            plan_day,
        )
        .unwrap();
    use_device(store, &scalp, now, 31, true, None, false);
    use_device(store, &face, now, 29, true, Some(GREEK_NOTE), true);
    use_device(store, &face, now, 22, true, None, false);
    use_device(store, &scalp, now, 17, true, None, false);
    use_device(store, &face, now, 15, true, None, false);
    use_device(store, &face, now, 8, false, Some(LATIN_NOTE), false);
    use_device(store, &scalp, now, 3, true, None, false);
    report(
        store,
        local(now, 2, 21),
        ReportKind::CheckIn24h,
        3,
        &[Symptom::Redness],
        None,
        false,
    );
    report(
        store,
        now - TimeDelta::hours(1),
        ReportKind::Report,
        6,
        &[Symptom::Redness, Symptom::Warmth, Symptom::Itching],
        Some(CYRILLIC_NOTE),
        true,
    );
}

fn answer(
    condition: Condition,
    present: bool,
    stopped_on: Option<NaiveDate>,
    at: Moment,
) -> ConditionAnswer {
    ConditionAnswer {
        condition,
        present,
        stopped_on,
        confirmed_at: at,
    }
}

fn add(store: &Store, kind: DeviceKind, mm: f64, name: &str, at: Moment) -> Device {
    let new = NewDevice {
        material: NeedleMaterial::Titanium,
        brand: Some("Dermaroll".into()),
        ..NewDevice::simple(kind, mm, name)
    };
    store.add_device(new, at).unwrap().value
}

/// One evening's use: a soak before (unless skipped, then overridden), the
/// session, a soak after.
fn use_device(
    store: &Store,
    device: &Device,
    now: Moment,
    days_ago: u64,
    soak_before: bool,
    notes: Option<&str>,
    vitamin_c: bool,
) {
    let evening = local(now, days_ago, 21);
    let soak = |when: Moment| NewCleaning {
        device_id: device.id,
        at: when,
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    };
    if soak_before {
        let before = evening - TimeDelta::minutes(30);
        store.record_cleaning(soak(before), before).unwrap();
    }
    let zones = if device.kind == DeviceKind::ScalpRoller {
        vec![BodyZone::Scalp]
    } else {
        vec![BodyZone::Cheeks, BodyZone::Forehead]
    };
    let mut products = vec![Product {
        name: "Hyaluronic acid serum".into(),
        timing: ProductTiming::After,
        categories: vec![ProductCategory::HyaluronicAcid],
    }];
    if vitamin_c {
        products.push(Product {
            name: "Vitamin C serum".into(),
            timing: ProductTiming::After,
            categories: vec![ProductCategory::VitaminC],
        });
    }
    let plan = SessionPlan {
        device_id: device.id,
        zones,
        needle_length_mm: None,
        products,
        pre_checks: PreChecks {
            device_cleaned: soak_before,
            ..PreChecks::ALL_CLEAR
        },
    };
    let entered = evening + TimeDelta::minutes(30);
    // The app shows the blockers and the user acknowledges them.
    let blockers: Vec<String> = store
        .check_session(&plan, entered)
        .unwrap()
        .to_acknowledge()
        .map(|f| f.code.code().to_owned())
        .collect();
    let session = NewSession {
        plan,
        at: evening,
        passes: Some(4),
        pain: Some(2),
        notes: notes.map(str::to_owned),
    };
    store.record_session(session, &blockers, entered).unwrap();
    let after = evening + TimeDelta::minutes(40);
    store.record_cleaning(soak(after), after).unwrap();
}

fn report(
    store: &Store,
    when: Moment,
    kind: ReportKind,
    severity: u8,
    symptoms: &[Symptom],
    notes: Option<&str>,
    photo: bool,
) {
    let report = NewSymptomReport {
        at: when,
        kind,
        zones: vec![BodyZone::Scalp],
        around_eye: false,
        symptoms: symptoms
            .iter()
            .map(|s| ReportedSymptom {
                symptom: *s,
                severity: Some(severity),
            })
            .collect(),
        overall_severity: severity,
        pus: None,
        temperature_c: None,
        // A full report says how the skin compares with before; the story's
        // one full report follows a milder check-in, so it is worse.
        trend: (kind == ReportKind::Report).then_some(SymptomTrend::Worse),
        notes: notes.map(str::to_owned),
        photos: if photo {
            vec![PhotoRef {
                file: PHOTO_FILE.into(),
                sha256: "ab".repeat(32),
            }]
        } else {
            vec![]
        },
        session_id: None,
    };
    store.record_symptom_report(report, when).unwrap();
}

/// `hour`:00 local, `days_ago` days before `now`, in now's offset.
fn local(now: Moment, days_ago: u64, hour: u32) -> Moment {
    let date = now.date_naive() - Days::new(days_ago);
    now.offset()
        .from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap()))
        .unwrap()
}
