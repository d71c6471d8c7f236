//! A realistic log for the export tests, built through the public API as the
//! app would record it: two months of two devices (one later retired), a
//! pen with an adjustable needle, sessions with products and an overridden
//! warning, cleanings, symptom reports (one with pus, a temperature and a
//! photo), a profile revised at the end (a nickel allergy found; pregnancy
//! and bleeding risk answered no) and a care plan. Notes hold the awkward text exports
//! must survive: commas, quotes, line breaks, non-Latin script and a
//! spreadsheet formula.

#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeDelta};
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, CarePlanRest, CleaningMethod, Condition, ConditionAnswer,
    Device, DeviceKind, Error, Moment, NeedleMaterial, NewCleaning, NewDevice, NewSession,
    NewSymptomReport, PatientIdentifier, PatientIdentity, PhotoRef, PreChecks, Product,
    ProductCategory, ProductTiming, ProfileUpdate, PusColour, PusConsistency, PusDescription,
    ReportKind, ReportedSymptom, Session, SessionPlan, SkinType, Store, Symptom, SymptomReport,
    SymptomTrend,
};

/// The note on the first face session: every character CSV must quote.
pub const TRICKY_NOTE: &str = "Cheeks, then forehead; \"light\" pressure\nsecond line — Привет";
/// A note that a spreadsheet would run as a formula.
pub const FORMULA_NOTE: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";
/// The note on the worrying report.
pub const REPORT_NOTE: &str = "Yellow crust near the hairline, feels hot";
/// The name the user gave in their profile.
pub const PATIENT_NAME: &str = "Alex Example";
/// The patient number their clinic gave.
pub const PATIENT_NUMBER: &str = "RS-4471";
/// Why the first roller was retired.
pub const RETIRED_REASON: &str = "Needles felt blunt";

/// When the profile was revised, the evening before the exports.
pub const PROFILE_REVISED: &str = "2026-03-19T20:00:00+01:00";

/// The moment the exports are made.
pub fn now() -> Moment {
    at("2026-03-20T09:00:00+01:00")
}

/// Parses an RFC 3339 moment.
pub fn at(text: &str) -> Moment {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A local date.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Who the user says they are, on every profile revision.
pub fn identity() -> PatientIdentity {
    PatientIdentity {
        name: Some(PATIENT_NAME.into()),
        birth_date: Some(date(1991, 6, 14)),
        identifier: Some(PatientIdentifier {
            value: PATIENT_NUMBER.into(),
            issuer: Some("Skin Clinic Leeds".into()),
        }),
    }
}

/// What the story recorded, for the tests to check against.
pub struct Story {
    /// The store.
    pub store: Store,
    /// Every device, in the order added.
    pub devices: Vec<Device>,
    /// Every session, oldest first.
    pub sessions: Vec<Session>,
    /// Every report, oldest first.
    pub reports: Vec<SymptomReport>,
}

/// Records the whole story in a fresh in-memory store.
pub fn build() -> Story {
    let store = Store::open_in_memory().unwrap();
    let start = at("2026-01-05T12:00:00+01:00");
    store
        .save_profile(
            ProfileUpdate {
                skin_type: Some(SkinType::Iv),
                answers: vec![
                    ConditionAnswer {
                        condition: Condition::ColdSores,
                        present: true,
                        stopped_on: None,
                        confirmed_at: start,
                    },
                    ConditionAnswer {
                        condition: Condition::Isotretinoin,
                        present: true,
                        stopped_on: Some(date(2025, 1, 10)),
                        confirmed_at: start,
                    },
                ],
                identity: identity(),
            },
            start,
        )
        .unwrap();
    let face = add(
        &store,
        roller(DeviceKind::Roller, 0.25, "Face roller, \"old\""),
        start,
    );
    let scalp = add(
        &store,
        roller(DeviceKind::ScalpRoller, 0.5, "Scalp roller"),
        start,
    );
    let mut pen = roller(DeviceKind::Pen, 0.25, "Pen");
    pen.needle_length_max_mm = Some(1.0);
    pen.needle_count = Some(12);
    pen.brand = Some("=cmd|' /C calc'!A0".into());
    pen.material = NeedleMaterial::StainlessSteel;
    let pen = add(&store, pen, at("2026-02-20T12:00:00+01:00"));

    let plan_day = at("2026-01-06T10:00:00+01:00");
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

    // January and February on the face roller; the scalp in between.
    use_device(
        &store,
        &face,
        "2026-01-07T21:00:00+01:00",
        vec![BodyZone::Cheeks, BodyZone::Forehead],
        true,
        Some(TRICKY_NOTE),
    );
    use_device(
        &store,
        &scalp,
        "2026-01-10T21:00:00+01:00",
        vec![BodyZone::Scalp],
        true,
        None,
    );
    use_device(
        &store,
        &face,
        "2026-01-21T21:00:00+01:00",
        vec![BodyZone::Cheeks],
        true,
        Some(FORMULA_NOTE),
    );
    use_device(
        &store,
        &scalp,
        "2026-02-01T21:00:00+01:00",
        vec![BodyZone::Scalp],
        true,
        None,
    );
    use_device(
        &store,
        &face,
        "2026-02-10T21:00:00+01:00",
        vec![BodyZone::Cheeks, BodyZone::Chin],
        false,
        None,
    );
    store
        .retire_device(face.id, RETIRED_REASON, at("2026-02-15T10:00:00+01:00"))
        .unwrap();
    // March: the pen on the face (an evening in New York), the scalp once.
    use_device(
        &store,
        &pen,
        "2026-03-03T20:00:00-05:00",
        vec![BodyZone::Forehead],
        true,
        None,
    );
    use_device(
        &store,
        &scalp,
        "2026-03-16T21:00:00+01:00",
        vec![BodyZone::Scalp],
        true,
        None,
    );

    report(
        &store,
        NewSymptomReport {
            at: at("2026-01-08T19:00:00+01:00"),
            kind: ReportKind::CheckIn24h,
            zones: vec![BodyZone::Cheeks],
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
        },
    );
    report(
        &store,
        NewSymptomReport {
            at: at("2026-03-17T21:00:00+01:00"),
            kind: ReportKind::CheckIn24h,
            zones: vec![BodyZone::Scalp],
            around_eye: false,
            symptoms: vec![ReportedSymptom {
                symptom: Symptom::Redness,
                severity: Some(3),
            }],
            overall_severity: 3,
            pus: None,
            temperature_c: None,
            trend: None,
            notes: None,
            photos: vec![],
            session_id: None,
        },
    );
    report(
        &store,
        NewSymptomReport {
            at: at("2026-03-19T08:00:00+01:00"),
            kind: ReportKind::Report,
            zones: vec![BodyZone::Scalp],
            around_eye: false,
            symptoms: vec![
                ReportedSymptom {
                    symptom: Symptom::Redness,
                    severity: Some(6),
                },
                ReportedSymptom {
                    symptom: Symptom::Warmth,
                    severity: None,
                },
                ReportedSymptom {
                    symptom: Symptom::Pus,
                    severity: Some(4),
                },
            ],
            overall_severity: 6,
            pus: Some(PusDescription {
                colour: PusColour::Yellow,
                consistency: PusConsistency::Thick,
            }),
            temperature_c: Some(38.4),
            trend: Some(SymptomTrend::Worse),
            notes: Some(REPORT_NOTE.into()),
            photos: vec![PhotoRef {
                file: "photos/scalp-2026-03-19.jpg".into(),
                sha256: "ab".repeat(32),
            }],
            session_id: None,
        },
    );

    let revised = at(PROFILE_REVISED);
    let answer = |condition, present| ConditionAnswer {
        condition,
        present,
        stopped_on: None,
        confirmed_at: revised,
    };
    store
        .save_profile(
            ProfileUpdate {
                skin_type: Some(SkinType::Iv),
                answers: vec![
                    answer(Condition::ColdSores, true),
                    // Kept as first given: confirmed in January.
                    ConditionAnswer {
                        condition: Condition::Isotretinoin,
                        present: true,
                        stopped_on: Some(date(2025, 1, 10)),
                        confirmed_at: start,
                    },
                    answer(Condition::NickelAllergy, true),
                    answer(Condition::Pregnancy, false),
                    answer(Condition::BleedingRisk, false),
                ],
                identity: identity(),
            },
            revised,
        )
        .unwrap();

    let mut sessions = store.sessions().unwrap();
    sessions.reverse();
    let mut reports = store.symptom_reports().unwrap();
    reports.reverse();
    let devices = vec![store.device(face.id).unwrap(), scalp, pen];
    Story {
        store,
        devices,
        sessions,
        reports,
    }
}

fn roller(kind: DeviceKind, length: f64, nickname: &str) -> NewDevice {
    NewDevice {
        material: NeedleMaterial::Titanium,
        ..NewDevice::simple(kind, length, nickname)
    }
}

fn add(store: &Store, device: NewDevice, when: Moment) -> Device {
    store.add_device(device, when).unwrap().value
}

fn report(store: &Store, report: NewSymptomReport) {
    let when = report.at + TimeDelta::minutes(5);
    store.record_symptom_report(report, when).unwrap();
}

/// One use: a soak before (unless skipped), the session (acknowledging any
/// warning, as the user would), a soak after.
fn use_device(
    store: &Store,
    device: &Device,
    when: &str,
    zones: Vec<BodyZone>,
    soak_before: bool,
    notes: Option<&str>,
) {
    let evening = at(when);
    let soak = |moment: Moment| NewCleaning {
        device_id: device.id,
        at: moment,
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    };
    if soak_before {
        let before = evening - TimeDelta::minutes(30);
        store.record_cleaning(soak(before), before).unwrap();
    }
    let session = NewSession {
        plan: SessionPlan {
            device_id: device.id,
            zones,
            needle_length_mm: device.is_adjustable().then_some(0.5),
            products: vec![Product {
                name: "Hyaluronic acid serum, 2%".into(),
                timing: ProductTiming::After,
                categories: vec![ProductCategory::HyaluronicAcid],
            }],
            pre_checks: PreChecks {
                device_cleaned: soak_before,
                ..PreChecks::ALL_CLEAR
            },
        },
        at: evening,
        passes: Some(4),
        pain: Some(2),
        notes: notes.map(str::to_owned),
    };
    let entered = evening + TimeDelta::minutes(30);
    match store.record_session(session.clone(), &[], entered) {
        Ok(_) => {}
        Err(Error::Blocked { blockers }) => {
            let codes: Vec<String> = blockers.iter().map(|b| b.code.code().to_owned()).collect();
            store.record_session(session, &codes, entered).unwrap();
        }
        Err(other) => panic!("session at {when}: {other}"),
    }
    let after = evening + TimeDelta::minutes(40);
    store.record_cleaning(soak(after), after).unwrap();
}
