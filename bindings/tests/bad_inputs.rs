//! The bad-input catalogue: every public entry point given something wrong
//! returns the right typed error naming the field, and the store is left
//! exactly as it was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use rollsafe_ffi::*;

type Call = Box<dyn Fn(&Fixture) -> Result<(), RollSafeError>>;

/// A store holding one device, one session and one report to refer to.
struct Fixture {
    store: Arc<RollSafeStore>,
    device: String,
    session: String,
    report: String,
}

fn at(seconds_after_2026_03_01: u64, offset: i32) -> Moment {
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_772_323_200 + seconds_after_2026_03_01),
        utc_offset_seconds: offset,
    }
}

fn now() -> Moment {
    at(86_400, 3600)
}

fn new_device(length: f64, nickname: &str) -> NewDevice {
    NewDevice {
        kind: DeviceKind::Roller,
        needle_length_mm: length,
        needle_length_max_mm: None,
        needle_count: None,
        material: NeedleMaterial::Titanium,
        nickname: nickname.into(),
        brand: None,
        first_use_date: None,
        shared: false,
    }
}

fn plan(device: &str, zones: Vec<BodyZone>) -> SessionPlan {
    SessionPlan {
        device_id: device.into(),
        zones,
        needle_length_mm: None,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}

fn session(device: &str) -> NewSession {
    NewSession {
        plan: plan(device, vec![BodyZone::Cheeks]),
        at: at(3_600, 3600),
        passes: None,
        pain: None,
        notes: None,
    }
}

fn report() -> NewSymptomReport {
    NewSymptomReport {
        at: at(7_200, 3600),
        kind: ReportKind::Report,
        zones: vec![BodyZone::Cheeks],
        around_eye: false,
        symptoms: vec![],
        overall_severity: 1,
        pus: None,
        temperature_c: None,
        trend: None,
        notes: None,
        photos: vec![],
        session_id: None,
    }
}

fn care_plan() -> CarePlan {
    CarePlan {
        set_by: "Dr Osei".into(),
        set_at: now(),
        rest: vec![],
        max_needle: vec![],
        allowed_zones: vec![],
        avoid_products: vec![],
        cleared_conditions: vec![],
    }
}

fn fixture() -> Fixture {
    let store = RollSafeStore::open_in_memory().unwrap();
    let device = store
        .add_device(new_device(0.25, "Roller"), at(0, 3600))
        .unwrap()
        .device
        .id;
    store
        .record_cleaning(
            NewCleaning {
                device_id: device.clone(),
                at: at(60, 3600),
                method: CleaningMethod::IsopropylSoak,
                soak_minutes: Some(20),
            },
            at(60, 3600),
        )
        .unwrap();
    let session = store
        .record_session(session(&device), vec![], at(3_700, 3600))
        .unwrap()
        .session
        .id;
    let report = store
        .record_symptom_report(report(), at(7_300, 3600))
        .unwrap()
        .report
        .id;
    Fixture {
        store,
        device,
        session,
        report,
    }
}

/// Everything a user can see in the store, to prove a refusal changed nothing.
fn snapshot(f: &Fixture) -> String {
    let s = &f.store;
    format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        s.devices().unwrap(),
        s.sessions().unwrap(),
        s.session_history(f.session.clone()).unwrap(),
        s.cleanings(f.device.clone()).unwrap(),
        s.device_changes(f.device.clone()).unwrap(),
        s.profile_history().unwrap(),
        s.care_plan_history().unwrap(),
        s.symptom_reports().unwrap(),
        s.alert_history().unwrap(),
        s.quiet_hours().unwrap(),
    )
}

enum Expect {
    Field(&'static str),
    NotFound,
}

fn catalogue() -> Vec<(&'static str, Expect, Call)> {
    use Expect::{Field, NotFound};
    let big = "x".repeat(1_000_000);
    let control = "Roller\u{0}";
    let sql = "'; DROP TABLE devices; --";
    let unknown = "00000000-0000-4000-8000-000000000000";
    vec![
        (
            "NaN needle",
            Field("needle_length_mm"),
            Box::new(|f| {
                f.store
                    .add_device(new_device(f64::NAN, "R"), now())
                    .map(drop)
            }),
        ),
        (
            "negative needle",
            Field("needle_length_mm"),
            Box::new(|f| f.store.add_device(new_device(-0.5, "R"), now()).map(drop)),
        ),
        (
            "infinite needle",
            Field("needle_length_mm"),
            Box::new(|f| {
                f.store
                    .add_device(new_device(f64::INFINITY, "R"), now())
                    .map(drop)
            }),
        ),
        (
            "zero needle",
            Field("needle_length_mm"),
            Box::new(|f| f.store.add_device(new_device(0.0, "R"), now()).map(drop)),
        ),
        (
            "4 mm needle",
            Field("needle_length_mm"),
            Box::new(|f| f.store.add_device(new_device(4.0, "R"), now()).map(drop)),
        ),
        (
            "empty nickname",
            Field("nickname"),
            Box::new(|f| f.store.add_device(new_device(0.25, ""), now()).map(drop)),
        ),
        (
            "1 MB nickname",
            Field("nickname"),
            Box::new(move |f| f.store.add_device(new_device(0.25, &big), now()).map(drop)),
        ),
        (
            "control character in nickname",
            Field("nickname"),
            Box::new(move |f| {
                f.store
                    .add_device(new_device(0.25, control), now())
                    .map(drop)
            }),
        ),
        (
            "pen range on a roller",
            Field("needle_length_max_mm"),
            Box::new(|f| {
                f.store
                    .add_device(
                        NewDevice {
                            needle_length_max_mm: Some(0.5),
                            ..new_device(0.25, "R")
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "zero needle count",
            Field("needle_count"),
            Box::new(|f| {
                f.store
                    .add_device(
                        NewDevice {
                            needle_count: Some(0),
                            ..new_device(0.25, "R")
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "huge needle count",
            Field("needle_count"),
            Box::new(|f| {
                f.store
                    .add_device(
                        NewDevice {
                            needle_count: Some(u32::MAX),
                            ..new_device(0.25, "R")
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "impossible first-use date",
            Field("first_use_date"),
            Box::new(|f| {
                f.store
                    .add_device(
                        NewDevice {
                            first_use_date: Some(CalendarDate {
                                year: 2026,
                                month: 2,
                                day: 30,
                            }),
                            ..new_device(0.25, "R")
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "offset beyond +18 h",
            Field("now"),
            Box::new(|f| {
                f.store
                    .add_device(new_device(0.25, "R"), at(0, 18 * 3600 + 1))
                    .map(drop)
            }),
        ),
        (
            "offset beyond -18 h",
            Field("now"),
            Box::new(|f| {
                f.store
                    .add_device(new_device(0.25, "R"), at(0, -18 * 3600 - 60))
                    .map(drop)
            }),
        ),
        (
            "year 1970",
            Field("now"),
            Box::new(|f| {
                f.store
                    .add_device(
                        new_device(0.25, "R"),
                        Moment {
                            instant: UNIX_EPOCH,
                            utc_offset_seconds: 0,
                        },
                    )
                    .map(drop)
            }),
        ),
        (
            "before 1970",
            Field("now"),
            Box::new(|f| {
                f.store
                    .add_device(
                        new_device(0.25, "R"),
                        Moment {
                            instant: UNIX_EPOCH - Duration::from_secs(10),
                            utc_offset_seconds: 0,
                        },
                    )
                    .map(drop)
            }),
        ),
        (
            "year 2300",
            Field("now"),
            Box::new(|f| {
                f.store
                    .add_device(
                        new_device(0.25, "R"),
                        Moment {
                            instant: UNIX_EPOCH + Duration::from_secs(10_413_792_000),
                            utc_offset_seconds: 0,
                        },
                    )
                    .map(drop)
            }),
        ),
        (
            "malformed device id",
            Field("id"),
            Box::new(|f| f.store.device("not-a-uuid".into()).map(drop)),
        ),
        (
            "SQL as a device id",
            Field("id"),
            Box::new(move |f| f.store.device(sql.into()).map(drop)),
        ),
        (
            "unknown device",
            NotFound,
            Box::new(move |f| f.store.device(unknown.into()).map(drop)),
        ),
        (
            "unknown device overview",
            NotFound,
            Box::new(move |f| f.store.device_overview(unknown.into(), now()).map(drop)),
        ),
        (
            "flag unknown device",
            NotFound,
            Box::new(move |f| f.store.flag_device_damaged(unknown.into(), now()).map(drop)),
        ),
        (
            "share malformed id",
            Field("id"),
            Box::new(|f| f.store.set_device_shared("x".into(), true, now()).map(drop)),
        ),
        (
            "retire with empty reason",
            Field("reason"),
            Box::new(|f| {
                f.store
                    .retire_device(f.device.clone(), " ".into(), now())
                    .map(drop)
            }),
        ),
        (
            "zero replacement uses",
            Field("max_uses"),
            Box::new(|f| {
                f.store
                    .set_replacement_limits(f.device.clone(), Some(0), None, now())
                    .map(drop)
            }),
        ),
        (
            "huge replacement days",
            Field("max_days"),
            Box::new(|f| {
                f.store
                    .set_replacement_limits(f.device.clone(), None, Some(100_000), now())
                    .map(drop)
            }),
        ),
        (
            "head change in the future",
            Field("at"),
            Box::new(|f| {
                f.store
                    .record_head_change(f.device.clone(), at(10 * 86_400, 3600), now())
                    .map(drop)
            }),
        ),
        (
            "cleaning without soak minutes",
            Field("soak_minutes"),
            Box::new(|f| {
                f.store
                    .record_cleaning(
                        NewCleaning {
                            device_id: f.device.clone(),
                            at: now(),
                            method: CleaningMethod::IsopropylSoak,
                            soak_minutes: None,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "rinse with soak minutes",
            Field("soak_minutes"),
            Box::new(|f| {
                f.store
                    .record_cleaning(
                        NewCleaning {
                            device_id: f.device.clone(),
                            at: now(),
                            method: CleaningMethod::SoapAndWater,
                            soak_minutes: Some(5),
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "two-day soak",
            Field("soak_minutes"),
            Box::new(|f| {
                f.store
                    .record_cleaning(
                        NewCleaning {
                            device_id: f.device.clone(),
                            at: now(),
                            method: CleaningMethod::IsopropylSoak,
                            soak_minutes: Some(2_880),
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "cleaning of unknown device",
            NotFound,
            Box::new(move |f| {
                f.store
                    .record_cleaning(
                        NewCleaning {
                            device_id: unknown.into(),
                            at: now(),
                            method: CleaningMethod::IsopropylSoak,
                            soak_minutes: Some(20),
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "no zones",
            Field("zones"),
            Box::new(|f| {
                f.store
                    .check_session(plan(&f.device, vec![]), now())
                    .map(drop)
            }),
        ),
        (
            "a zone twice",
            Field("zones"),
            Box::new(|f| {
                f.store
                    .check_session(plan(&f.device, vec![BodyZone::Chin, BodyZone::Chin]), now())
                    .map(drop)
            }),
        ),
        (
            "needle on a fixed roller",
            Field("needle_length_mm"),
            Box::new(|f| {
                f.store
                    .check_session(
                        SessionPlan {
                            needle_length_mm: Some(0.5),
                            ..plan(&f.device, vec![BodyZone::Chin])
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "21 products",
            Field("products"),
            Box::new(|f| {
                f.store
                    .check_session(
                        SessionPlan {
                            products: vec![
                                Product {
                                    name: "P".into(),
                                    timing: ProductTiming::After,
                                    categories: vec![]
                                };
                                21
                            ],
                            ..plan(&f.device, vec![BodyZone::Chin])
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "unnamed product",
            Field("products.name"),
            Box::new(|f| {
                f.store
                    .check_session(
                        SessionPlan {
                            products: vec![Product {
                                name: "".into(),
                                timing: ProductTiming::After,
                                categories: vec![],
                            }],
                            ..plan(&f.device, vec![BodyZone::Chin])
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "session in the future",
            Field("at"),
            Box::new(|f| {
                f.store
                    .record_session(
                        NewSession {
                            at: at(5 * 86_400, 3600),
                            ..session(&f.device)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "pain 11",
            Field("pain"),
            Box::new(|f| {
                f.store
                    .record_session(
                        NewSession {
                            pain: Some(11),
                            ..session(&f.device)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "zero passes",
            Field("passes"),
            Box::new(|f| {
                f.store
                    .record_session(
                        NewSession {
                            passes: Some(0),
                            ..session(&f.device)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "1 MB notes",
            Field("notes"),
            Box::new(|f| {
                f.store
                    .record_session(
                        NewSession {
                            notes: Some("n".repeat(1_000_000)),
                            ..session(&f.device)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "NUL in notes",
            Field("notes"),
            Box::new(|f| {
                f.store
                    .record_session(
                        NewSession {
                            notes: Some("a\u{0}b".into()),
                            ..session(&f.device)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "edit unknown session",
            NotFound,
            Box::new(move |f| {
                f.store
                    .edit_session(unknown.into(), session(&f.device), now())
                    .map(drop)
            }),
        ),
        (
            "delete malformed session id",
            Field("id"),
            Box::new(|f| f.store.delete_session("123".into(), now()).map(drop)),
        ),
        (
            "history of unknown session",
            NotFound,
            Box::new(move |f| f.store.session_history(unknown.into()).map(drop)),
        ),
        (
            "isotretinoin stop date on diabetes",
            Field("answers.stopped_on"),
            Box::new(|f| {
                f.store
                    .save_profile(
                        ProfileUpdate {
                            skin_type: None,
                            answers: vec![ConditionAnswer {
                                condition: Condition::Diabetes,
                                present: true,
                                stopped_on: Some(CalendarDate {
                                    year: 2026,
                                    month: 1,
                                    day: 1,
                                }),
                                confirmed_at: now(),
                            }],
                            identity: None,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "a condition answered twice",
            Field("answers"),
            Box::new(|f| {
                f.store
                    .save_profile(
                        ProfileUpdate {
                            skin_type: None,
                            answers: vec![
                                ConditionAnswer {
                                    condition: Condition::Pregnancy,
                                    present: true,
                                    stopped_on: None,
                                    confirmed_at: now(),
                                },
                                ConditionAnswer {
                                    condition: Condition::Pregnancy,
                                    present: false,
                                    stopped_on: None,
                                    confirmed_at: now(),
                                },
                            ],
                            identity: None,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "care plan without a name",
            Field("set_by"),
            Box::new(|f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            set_by: "".into(),
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "care plan rest of 0 days",
            Field("rest.min_rest_days"),
            Box::new(|f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            rest: vec![CarePlanRest {
                                region: BodyRegion::Face,
                                min_rest_days: 0,
                            }],
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "care plan rest of 10 years",
            Field("rest.min_rest_days"),
            Box::new(|f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            rest: vec![CarePlanRest {
                                region: BodyRegion::Face,
                                min_rest_days: 3_650,
                            }],
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "care plan NaN needle",
            Field("max_needle.max_needle_length_mm"),
            Box::new(|f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            max_needle: vec![CarePlanNeedleLimit {
                                region: BodyRegion::Face,
                                max_needle_length_mm: f64::NAN,
                            }],
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "care plan region twice",
            Field("rest"),
            Box::new(|f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            rest: vec![
                                CarePlanRest {
                                    region: BodyRegion::Scalp,
                                    min_rest_days: 7
                                };
                                2
                            ],
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "report without zones",
            Field("zones"),
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            zones: vec![],
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "severity 11",
            Field("overall_severity"),
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            overall_severity: 11,
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "symptom severity 200",
            Field("symptoms.severity"),
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            symptoms: vec![ReportedSymptom {
                                symptom: Symptom::Pain,
                                severity: Some(200),
                            }],
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "temperature 50 °C",
            Field("temperature_c"),
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            temperature_c: Some(50.0),
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "NaN temperature",
            Field("temperature_c"),
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            temperature_c: Some(f64::NAN),
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "pus described without pus",
            Field("pus"),
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            pus: Some(PusDescription {
                                colour: PusColour::Green,
                                consistency: PusConsistency::Thick,
                            }),
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "bad photo hash",
            Field("photos.sha256"),
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            photos: vec![PhotoRef {
                                file: "a.jpg".into(),
                                sha256: "abc".into(),
                            }],
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "report linked to unknown session",
            NotFound,
            Box::new(move |f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            session_id: Some(unknown.into()),
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "resolve before the report",
            Field("at"),
            Box::new(|f| {
                f.store
                    .resolve_report(f.report.clone(), at(0, 3600), now())
                    .map(drop)
            }),
        ),
        (
            "link malformed report id",
            Field("id"),
            Box::new(|f| f.store.link_report("r".into(), None, now()).map(drop)),
        ),
        (
            "acknowledge unknown alert",
            NotFound,
            Box::new(move |f| f.store.acknowledge_alert(unknown.into(), now()).map(drop)),
        ),
        (
            "quiet hours past midnight",
            Field("start_minute"),
            Box::new(|f| {
                f.store.set_quiet_hours(Some(QuietHours {
                    start_minute: 1_440,
                    end_minute: 60,
                }))
            }),
        ),
        (
            "empty quiet hours",
            Field("end_minute"),
            Box::new(|f| {
                f.store.set_quiet_hours(Some(QuietHours {
                    start_minute: 60,
                    end_minute: 60,
                }))
            }),
        ),
        (
            "three-hour soak timer",
            Field("minutes"),
            Box::new(|f| {
                f.store
                    .start_soak_timer(f.device.clone(), now(), 180, now())
            }),
        ),
        (
            "reminders in year 1999",
            Field("now"),
            Box::new(|f| {
                f.store
                    .reminders(Moment {
                        instant: UNIX_EPOCH + Duration::from_secs(900_000_000),
                        utc_offset_seconds: 0,
                    })
                    .map(drop)
            }),
        ),
        (
            "assessment with a 19 h offset",
            Field("now"),
            Box::new(|f| f.store.assess(at(0, 19 * 3600)).map(drop)),
        ),
    ]
}

#[test]
fn every_bad_input_gets_its_typed_error_and_changes_nothing() {
    let f = fixture();
    let cases = catalogue();
    assert!(
        cases.len() >= 50,
        "the catalogue holds {} cases",
        cases.len()
    );
    let mut failures = Vec::new();
    for (name, expect, call) in &cases {
        let before = snapshot(&f);
        let outcome = call(&f);
        let right = match (&outcome, expect) {
            (Err(RollSafeError::InvalidInput { field, .. }), Expect::Field(want)) => field == want,
            (Err(RollSafeError::NotFound { .. }), Expect::NotFound) => true,
            _ => false,
        };
        if !right {
            failures.push(format!("{name}: got {outcome:?}"));
        }
        if snapshot(&f) != before {
            failures.push(format!("{name}: the store changed"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!(
        "bad inputs: {} cases, each refused with its typed error, store unchanged",
        cases.len()
    );
}
