//! Extreme values at every entry point that takes a number, a moment or a
//! date: `i32::MIN`/`MAX` offsets and years, instants at the ends of
//! `SystemTime`, `u32::MAX` counts, NaN and infinities. Each gets a typed
//! error naming the field, never a panic (these tests run with overflow
//! checks on), and the store is left as it was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use rollsafe_ffi::*;

type Call = Box<dyn Fn(&Fixture) -> Result<(), RollSafeError>>;

struct Fixture {
    store: Arc<RollSafeStore>,
    roller: String,
    pen: String,
    session: String,
    report: String,
    alert: String,
}

fn at(seconds_after_2026_03_01: u64) -> Moment {
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_772_323_200 + seconds_after_2026_03_01),
        utc_offset_seconds: 3600,
    }
}

fn now() -> Moment {
    at(86_400)
}

fn device(kind: DeviceKind, length: f64, max: Option<f64>) -> NewDevice {
    NewDevice {
        kind,
        needle_length_mm: length,
        needle_length_max_mm: max,
        needle_count: None,
        material: NeedleMaterial::Titanium,
        nickname: "Device".into(),
        brand: None,
        first_use_date: None,
        shared: false,
    }
}

fn plan(device: &str) -> SessionPlan {
    SessionPlan {
        device_id: device.into(),
        zones: vec![BodyZone::Cheeks],
        needle_length_mm: None,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}

fn session(device: &str) -> NewSession {
    NewSession {
        plan: plan(device),
        at: at(3_600),
        passes: None,
        pain: None,
        notes: None,
    }
}

fn report() -> NewSymptomReport {
    NewSymptomReport {
        at: at(7_200),
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

fn scope(period: Option<DateRange>) -> ExportScope {
    ExportScope {
        period,
        sections: ExportSections {
            profile: true,
            devices: true,
            sessions: true,
            cleanings: true,
            symptoms: true,
            alerts: true,
            care_plan: true,
        },
        redact_notes: false,
        include_photo_references: false,
        identify_patient: false,
    }
}

fn fixture() -> Fixture {
    let store = RollSafeStore::open_in_memory().unwrap();
    let roller = store
        .add_device(device(DeviceKind::Roller, 0.25, None), at(0))
        .unwrap()
        .device
        .id;
    let pen = store
        .add_device(device(DeviceKind::Pen, 0.25, Some(0.5)), at(0))
        .unwrap()
        .device
        .id;
    store
        .record_cleaning(
            NewCleaning {
                device_id: roller.clone(),
                at: at(60),
                method: CleaningMethod::IsopropylSoak,
                soak_minutes: Some(20),
            },
            at(60),
        )
        .unwrap();
    let session = store
        .record_session(session(&roller), vec![], at(3_700))
        .unwrap()
        .session
        .id;
    let report = store
        .record_symptom_report(report(), at(7_300))
        .unwrap()
        .report
        .id;
    let alert = store
        .set_device_shared(roller.clone(), true, at(7_400))
        .unwrap()
        .alerts
        .into_iter()
        .find(|a| a.rising)
        .unwrap()
        .id;
    Fixture {
        store,
        roller,
        pen,
        session,
        report,
        alert,
    }
}

fn snapshot(f: &Fixture) -> String {
    let s = &f.store;
    format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        s.devices().unwrap(),
        s.sessions().unwrap(),
        s.cleanings(f.roller.clone()).unwrap(),
        s.device_changes(f.roller.clone()).unwrap(),
        s.profile_history().unwrap(),
        s.care_plan_history().unwrap(),
        s.symptom_reports().unwrap(),
        s.alert_history().unwrap(),
        s.quiet_hours().unwrap(),
    )
}

/// The moments no caller can mean: each is refused wherever a moment goes.
fn extreme_moments() -> Vec<(&'static str, Moment)> {
    let latest = UNIX_EPOCH + Duration::from_secs(i64::MAX as u64);
    let earliest = UNIX_EPOCH - Duration::from_secs(i64::MAX as u64);
    let offset = |utc_offset_seconds| Moment {
        instant: now().instant,
        utc_offset_seconds,
    };
    vec![
        ("offset i32::MIN", offset(i32::MIN)),
        ("offset i32::MAX", offset(i32::MAX)),
        ("offset -86400", offset(-86_400)),
        (
            "latest SystemTime",
            Moment {
                instant: latest,
                utc_offset_seconds: 0,
            },
        ),
        (
            "earliest SystemTime",
            Moment {
                instant: earliest,
                utc_offset_seconds: 0,
            },
        ),
        (
            "u64::MAX ms after 1970",
            Moment {
                instant: UNIX_EPOCH + Duration::from_millis(u64::MAX),
                utc_offset_seconds: i32::MIN,
            },
        ),
    ]
}

/// Every entry point taking a moment, with the field it names, given `m`
/// in that place and sensible values elsewhere.
fn moment_calls(m: Moment) -> Vec<(&'static str, &'static str, Call)> {
    vec![
        (
            "add_device",
            "now",
            Box::new(move |f| {
                f.store
                    .add_device(device(DeviceKind::Roller, 0.25, None), m)
                    .map(drop)
            }),
        ),
        (
            "device_overview",
            "now",
            Box::new(move |f| f.store.device_overview(f.roller.clone(), m).map(drop)),
        ),
        (
            "flag_device_damaged",
            "now",
            Box::new(move |f| f.store.flag_device_damaged(f.roller.clone(), m).map(drop)),
        ),
        (
            "set_device_shared",
            "now",
            Box::new(move |f| {
                f.store
                    .set_device_shared(f.roller.clone(), false, m)
                    .map(drop)
            }),
        ),
        (
            "retire_device",
            "now",
            Box::new(move |f| {
                f.store
                    .retire_device(f.roller.clone(), "worn".into(), m)
                    .map(drop)
            }),
        ),
        (
            "set_replacement_limits",
            "now",
            Box::new(move |f| {
                f.store
                    .set_replacement_limits(f.roller.clone(), Some(5), None, m)
                    .map(drop)
            }),
        ),
        (
            "record_head_change at",
            "at",
            Box::new(move |f| {
                f.store
                    .record_head_change(f.pen.clone(), m, now())
                    .map(drop)
            }),
        ),
        (
            "record_head_change now",
            "now",
            Box::new(move |f| {
                f.store
                    .record_head_change(f.pen.clone(), at(60), m)
                    .map(drop)
            }),
        ),
        (
            "record_cleaning at",
            "at",
            Box::new(move |f| {
                f.store
                    .record_cleaning(
                        NewCleaning {
                            device_id: f.roller.clone(),
                            at: m,
                            method: CleaningMethod::SoapAndWater,
                            soak_minutes: None,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "record_cleaning now",
            "now",
            Box::new(move |f| {
                f.store
                    .record_cleaning(
                        NewCleaning {
                            device_id: f.roller.clone(),
                            at: at(60),
                            method: CleaningMethod::SoapAndWater,
                            soak_minutes: None,
                        },
                        m,
                    )
                    .map(drop)
            }),
        ),
        (
            "check_session",
            "now",
            Box::new(move |f| f.store.check_session(plan(&f.roller), m).map(drop)),
        ),
        (
            "record_session at",
            "at",
            Box::new(move |f| {
                f.store
                    .record_session(
                        NewSession {
                            at: m,
                            ..session(&f.roller)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "record_session now",
            "now",
            Box::new(move |f| {
                f.store
                    .record_session(session(&f.roller), vec![], m)
                    .map(drop)
            }),
        ),
        (
            "edit_session at",
            "at",
            Box::new(move |f| {
                f.store
                    .edit_session(
                        f.session.clone(),
                        NewSession {
                            at: m,
                            ..session(&f.roller)
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "edit_session now",
            "now",
            Box::new(move |f| {
                f.store
                    .edit_session(f.session.clone(), session(&f.roller), m)
                    .map(drop)
            }),
        ),
        (
            "delete_session",
            "now",
            Box::new(move |f| f.store.delete_session(f.session.clone(), m).map(drop)),
        ),
        (
            "save_profile confirmed_at",
            "answers.confirmed_at",
            Box::new(move |f| {
                f.store
                    .save_profile(
                        ProfileUpdate {
                            skin_type: None,
                            answers: vec![ConditionAnswer {
                                condition: Condition::Diabetes,
                                present: true,
                                stopped_on: None,
                                confirmed_at: m,
                            }],
                            identity: None,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "save_profile now",
            "now",
            Box::new(move |f| {
                f.store
                    .save_profile(
                        ProfileUpdate {
                            skin_type: None,
                            answers: vec![],
                            identity: None,
                        },
                        m,
                    )
                    .map(drop)
            }),
        ),
        (
            "set_care_plan set_at",
            "set_at",
            Box::new(move |f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            set_at: m,
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "set_care_plan now",
            "now",
            Box::new(move |f| f.store.set_care_plan(care_plan(), m).map(drop)),
        ),
        (
            "record_symptom_report at",
            "at",
            Box::new(move |f| {
                f.store
                    .record_symptom_report(NewSymptomReport { at: m, ..report() }, now())
                    .map(drop)
            }),
        ),
        (
            "record_symptom_report now",
            "now",
            Box::new(move |f| f.store.record_symptom_report(report(), m).map(drop)),
        ),
        (
            "link_report",
            "now",
            Box::new(move |f| f.store.link_report(f.report.clone(), None, m).map(drop)),
        ),
        (
            "resolve_report at",
            "at",
            Box::new(move |f| f.store.resolve_report(f.report.clone(), m, now()).map(drop)),
        ),
        (
            "resolve_report now",
            "now",
            Box::new(move |f| f.store.resolve_report(f.report.clone(), now(), m).map(drop)),
        ),
        (
            "today",
            "now",
            Box::new(move |f| f.store.today(m).map(drop)),
        ),
        (
            "assess",
            "now",
            Box::new(move |f| f.store.assess(m).map(drop)),
        ),
        (
            "refresh_alerts",
            "now",
            Box::new(move |f| f.store.refresh_alerts(m).map(drop)),
        ),
        (
            "acknowledge_alert",
            "now",
            Box::new(move |f| f.store.acknowledge_alert(f.alert.clone(), m).map(drop)),
        ),
        (
            "reminders",
            "now",
            Box::new(move |f| f.store.reminders(m).map(drop)),
        ),
        (
            "start_soak_timer",
            "started_at",
            Box::new(move |f| {
                f.store
                    .start_soak_timer(f.roller.clone(), m, 20, now())
                    .map(drop)
            }),
        ),
        (
            "start_soak_timer",
            "now",
            Box::new(move |f| {
                f.store
                    .start_soak_timer(f.roller.clone(), now(), 20, m)
                    .map(drop)
            }),
        ),
        (
            "report_pdf",
            "now",
            Box::new(move |f| {
                f.store
                    .report_pdf(
                        ReportOptions {
                            scope: scope(None),
                            paper: Paper::A4,
                            embed_backup: false,
                        },
                        m,
                    )
                    .map(drop)
            }),
        ),
        (
            "export_backup",
            "now",
            Box::new(move |f| f.store.export_backup(None, m).map(drop)),
        ),
        (
            "import_backup",
            "now",
            Box::new(move |f| {
                f.store
                    .import_backup(f.store.export_backup(None, now()).unwrap().into_bytes(), m)
                    .map(drop)
            }),
        ),
        (
            "export_fhir",
            "now",
            Box::new(move |f| f.store.export_fhir(scope(None), None, m).map(drop)),
        ),
    ]
}

/// Extreme dates, counts and floats, each with the field it names.
fn value_calls() -> Vec<(&'static str, &'static str, Call)> {
    let date = |year, month, day| CalendarDate { year, month, day };
    let dates = [
        date(i32::MIN, 1, 1),
        date(i32::MAX, 12, 31),
        date(2026, u32::MAX, 1),
        date(2026, 1, u32::MAX),
        date(2026, 0, 0),
    ];
    let mut calls: Vec<(&'static str, &'static str, Call)> = Vec::new();
    for d in dates {
        calls.push((
            "first_use_date",
            "first_use_date",
            Box::new(move |f| {
                f.store
                    .add_device(
                        NewDevice {
                            first_use_date: Some(d),
                            ..device(DeviceKind::Roller, 0.25, None)
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ));
        calls.push((
            "stopped_on",
            "answers.stopped_on",
            Box::new(move |f| {
                f.store
                    .save_profile(
                        ProfileUpdate {
                            skin_type: None,
                            answers: vec![ConditionAnswer {
                                condition: Condition::Isotretinoin,
                                present: false,
                                stopped_on: Some(d),
                                confirmed_at: now(),
                            }],
                            identity: None,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ));
        calls.push((
            "export_backup period.from",
            "period.from",
            Box::new(move |f| {
                f.store
                    .export_backup(
                        Some(DateRange {
                            from: d,
                            to: date(2026, 3, 1),
                        }),
                        now(),
                    )
                    .map(drop)
            }),
        ));
        calls.push((
            "export_csv period.to",
            "period.to",
            Box::new(move |f| {
                f.store
                    .export_csv(
                        scope(Some(DateRange {
                            from: date(2026, 3, 1),
                            to: d,
                        })),
                        false,
                    )
                    .map(drop)
            }),
        ));
        calls.push((
            "report_pdf period.from",
            "period.from",
            Box::new(move |f| {
                f.store
                    .report_pdf(
                        ReportOptions {
                            scope: scope(Some(DateRange {
                                from: d,
                                to: date(2026, 3, 1),
                            })),
                            paper: Paper::A4,
                            embed_backup: false,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ));
        calls.push((
            "export_fhir period.to",
            "period.to",
            Box::new(move |f| {
                f.store
                    .export_fhir(
                        scope(Some(DateRange {
                            from: date(2026, 3, 1),
                            to: d,
                        })),
                        None,
                        now(),
                    )
                    .map(drop)
            }),
        ));
    }
    for x in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        -0.0,
        f64::MIN_POSITIVE,
    ] {
        calls.push((
            "needle_length_mm",
            "needle_length_mm",
            Box::new(move |f| {
                f.store
                    .add_device(device(DeviceKind::Roller, x, None), now())
                    .map(drop)
            }),
        ));
        calls.push((
            "needle_length_max_mm",
            "needle_length_max_mm",
            Box::new(move |f| {
                f.store
                    .add_device(device(DeviceKind::Pen, 0.25, Some(x)), now())
                    .map(drop)
            }),
        ));
        calls.push((
            "plan needle_length_mm",
            "needle_length_mm",
            Box::new(move |f| {
                f.store
                    .check_session(
                        SessionPlan {
                            needle_length_mm: Some(x),
                            ..plan(&f.pen)
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ));
        calls.push((
            "care plan max_needle.max_needle_length_mm",
            "max_needle.max_needle_length_mm",
            Box::new(move |f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            max_needle: vec![CarePlanNeedleLimit {
                                region: BodyRegion::Face,
                                max_needle_length_mm: x,
                            }],
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ));
        calls.push((
            "temperature_c",
            "temperature_c",
            Box::new(move |f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            temperature_c: Some(x),
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ));
    }
    calls.extend::<Vec<(&'static str, &'static str, Call)>>(vec![
        (
            "needle_count u32::MAX",
            "needle_count",
            Box::new(|f| {
                f.store
                    .add_device(
                        NewDevice {
                            needle_count: Some(u32::MAX),
                            ..device(DeviceKind::Roller, 0.25, None)
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "soak_minutes u32::MAX",
            "soak_minutes",
            Box::new(|f| {
                f.store
                    .record_cleaning(
                        NewCleaning {
                            device_id: f.roller.clone(),
                            at: now(),
                            method: CleaningMethod::IsopropylSoak,
                            soak_minutes: Some(u32::MAX),
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "max_uses u32::MAX",
            "max_uses",
            Box::new(|f| {
                f.store
                    .set_replacement_limits(f.roller.clone(), Some(u32::MAX), None, now())
                    .map(drop)
            }),
        ),
        (
            "max_days u32::MAX",
            "max_days",
            Box::new(|f| {
                f.store
                    .set_replacement_limits(f.roller.clone(), None, Some(u32::MAX), now())
                    .map(drop)
            }),
        ),
        (
            "passes u32::MAX",
            "passes",
            Box::new(|f| {
                f.store
                    .record_session(
                        NewSession {
                            passes: Some(u32::MAX),
                            ..session(&f.roller)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "pain u8::MAX",
            "pain",
            Box::new(|f| {
                f.store
                    .record_session(
                        NewSession {
                            pain: Some(u8::MAX),
                            ..session(&f.roller)
                        },
                        vec![],
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "min_rest_days u32::MAX",
            "rest.min_rest_days",
            Box::new(|f| {
                f.store
                    .set_care_plan(
                        CarePlan {
                            rest: vec![CarePlanRest {
                                region: BodyRegion::Face,
                                min_rest_days: u32::MAX,
                            }],
                            ..care_plan()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "overall_severity u8::MAX",
            "overall_severity",
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            overall_severity: u8::MAX,
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "symptom severity u8::MAX",
            "symptoms.severity",
            Box::new(|f| {
                f.store
                    .record_symptom_report(
                        NewSymptomReport {
                            symptoms: vec![ReportedSymptom {
                                symptom: Symptom::Pain,
                                severity: Some(u8::MAX),
                            }],
                            ..report()
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
        (
            "soak timer u32::MAX minutes",
            "minutes",
            Box::new(|f| {
                f.store
                    .start_soak_timer(f.roller.clone(), now(), u32::MAX, now())
            }),
        ),
        (
            "quiet start u16::MAX",
            "start_minute",
            Box::new(|f| {
                f.store.set_quiet_hours(Some(QuietHours {
                    start_minute: u16::MAX,
                    end_minute: 60,
                }))
            }),
        ),
        (
            "quiet end u16::MAX",
            "end_minute",
            Box::new(|f| {
                f.store.set_quiet_hours(Some(QuietHours {
                    start_minute: 60,
                    end_minute: u16::MAX,
                }))
            }),
        ),
    ]);
    calls
}

#[test]
fn extreme_values_get_typed_errors_and_never_panic() {
    let f = fixture();
    let mut cases: Vec<(String, &'static str, Call)> = Vec::new();
    for (what, m) in extreme_moments() {
        for (call, field, body) in moment_calls(m) {
            cases.push((format!("{call} with {what}"), field, body));
        }
    }
    for (call, field, body) in value_calls() {
        cases.push((call.to_owned(), field, body));
    }
    let mut failures = Vec::new();
    for (name, field, call) in &cases {
        let before = snapshot(&f);
        match catch_unwind(AssertUnwindSafe(|| call(&f))) {
            Err(_) => failures.push(format!("{name}: panicked")),
            Ok(Err(RollSafeError::InvalidInput { field: got, .. })) if got == *field => {}
            Ok(outcome) => failures.push(format!(
                "{name}: want InvalidInput {field}, got {outcome:?}"
            )),
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
    eprintln!("extreme inputs: {} cases, each a typed error", cases.len());
}

/// A backup holding one of every kind of record and setting, so that every
/// number, time and date a backup may carry is in it.
fn rich_backup() -> serde_json::Value {
    let f = fixture();
    let s = &f.store;
    s.add_device(
        NewDevice {
            needle_count: Some(192),
            first_use_date: Some(CalendarDate {
                year: 2026,
                month: 2,
                day: 1,
            }),
            ..device(DeviceKind::Roller, 0.5, None)
        },
        now(),
    )
    .unwrap();
    s.set_replacement_limits(f.roller.clone(), Some(8), Some(30), now())
        .unwrap();
    s.record_head_change(f.pen.clone(), at(600), now()).unwrap();
    s.record_session(
        NewSession {
            passes: Some(4),
            pain: Some(3),
            at: at(9_000),
            plan: SessionPlan {
                needle_length_mm: Some(0.3),
                ..plan(&f.pen)
            },
            notes: Some("fine".into()),
        },
        vec!["interval_not_elapsed".into(), "device_not_cleaned".into()],
        at(9_100),
    )
    .unwrap();
    s.record_symptom_report(
        NewSymptomReport {
            symptoms: vec![ReportedSymptom {
                symptom: Symptom::Pain,
                severity: Some(4),
            }],
            temperature_c: Some(37.2),
            at: at(9_200),
            ..report()
        },
        at(9_300),
    )
    .unwrap();
    s.resolve_report(f.report.clone(), at(9_400), at(9_500))
        .unwrap();
    s.save_profile(
        ProfileUpdate {
            skin_type: None,
            answers: vec![ConditionAnswer {
                condition: Condition::Isotretinoin,
                present: true,
                stopped_on: Some(CalendarDate {
                    year: 2025,
                    month: 1,
                    day: 1,
                }),
                confirmed_at: now(),
            }],
            identity: None,
        },
        now(),
    )
    .unwrap();
    s.set_care_plan(
        CarePlan {
            rest: vec![CarePlanRest {
                region: BodyRegion::Face,
                min_rest_days: 14,
            }],
            max_needle: vec![CarePlanNeedleLimit {
                region: BodyRegion::Face,
                max_needle_length_mm: 0.5,
            }],
            ..care_plan()
        },
        now(),
    )
    .unwrap();
    s.acknowledge_alert(f.alert.clone(), now()).unwrap();
    s.set_quiet_hours(Some(QuietHours {
        start_minute: 1_320,
        end_minute: 420,
    }))
    .unwrap();
    s.start_soak_timer(f.roller.clone(), now(), 20, now())
        .unwrap();
    serde_json::from_str(&s.export_backup(None, now()).unwrap()).unwrap()
}

/// Imports `document` into a fresh store; if it is accepted, reads back
/// everything derived from it. `Err` if anything panicked.
fn import_and_read(document: &serde_json::Value) -> Result<Result<(), RollSafeError>, String> {
    let bytes = serde_json::to_vec(document).unwrap();
    catch_unwind(AssertUnwindSafe(|| {
        let store = RollSafeStore::open_in_memory().unwrap();
        let imported = store.import_backup(bytes, now()).map(drop);
        if imported.is_ok() {
            let _ = store.today(now());
            let _ = store.reminders(now());
            let _ = store.assess(now());
            let _ = store.export_csv(scope(None), false);
            let _ = store.report_pdf(
                ReportOptions {
                    scope: scope(None),
                    paper: Paper::A4,
                    embed_backup: false,
                },
                now(),
            );
        }
        imported
    }))
    .map_err(|_| "panicked".to_owned())
}

/// A backup whose moments hold extreme numbers is refused as a document,
/// not by a panic.
#[test]
fn a_backup_with_extreme_numbers_is_rejected() {
    let json = rich_backup();
    let mut failures = Vec::new();
    let mut numbers = Vec::new();
    collect_numbers(&json, &mut String::from("$"), &mut numbers);
    assert!(numbers.len() >= 15, "the backup holds numbers: {numbers:?}");
    for path in &numbers {
        for extreme in [
            serde_json::json!(i64::MIN),
            serde_json::json!(i64::MAX),
            serde_json::json!(u64::MAX),
            serde_json::json!(i32::MIN),
            serde_json::json!(u32::MAX),
            serde_json::json!(-1),
            serde_json::json!(0),
            serde_json::json!(1e308),
        ] {
            let mut changed = json.clone();
            set_at(&mut changed, path, extreme.clone());
            match import_and_read(&changed) {
                Err(e) => failures.push(format!("{path} = {extreme}: {e}")),
                Ok(Ok(())) | Ok(Err(RollSafeError::ImportRejected { .. })) => {}
                Ok(Err(other)) => failures.push(format!("{path} = {extreme}: {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!("backup numbers: {} places, 8 extremes each", numbers.len());
}

/// A backup whose times and dates are at or past the ends of what the
/// calendar libraries hold is refused as a document, not by a panic.
#[test]
fn a_backup_with_extreme_times_is_rejected() {
    let json = rich_backup();
    let mut times = Vec::new();
    collect(&json, &mut String::from("$"), &mut times, &|v| {
        v.as_str().is_some_and(|t| {
            t.len() >= 10
                && t.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && t.chars().nth(4) == Some('-')
        })
    });
    assert!(
        times.len() >= 5,
        "the backup holds times and dates: {times:?}"
    );
    let extremes = [
        "9999-12-31T23:59:59.999+23:59",
        "0000-01-01T00:00:00-23:59",
        "+262143-12-31T23:59:59Z",
        "-262144-01-01T00:00:00Z",
        "2026-03-01T09:00:00+99:99",
        "2026-13-45T25:61:61Z",
        "9223372036854775807-01-01",
        "2026-02-30",
        "1969-12-31T23:59:59.999Z",
    ];
    let mut failures = Vec::new();
    for path in &times {
        for extreme in extremes {
            let mut changed = json.clone();
            set_at(&mut changed, path, serde_json::json!(extreme));
            match import_and_read(&changed) {
                Err(e) => failures.push(format!("{path} = {extreme}: {e}")),
                Ok(Err(RollSafeError::ImportRejected { .. })) => {}
                Ok(other) => failures.push(format!("{path} = {extreme}: {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!(
        "backup times: {} places, {} extremes each",
        times.len(),
        extremes.len()
    );
}

fn collect_numbers(value: &serde_json::Value, path: &mut String, out: &mut Vec<String>) {
    collect(value, path, out, &serde_json::Value::is_number);
}

fn collect(
    value: &serde_json::Value,
    path: &mut String,
    out: &mut Vec<String>,
    wanted: &dyn Fn(&serde_json::Value) -> bool,
) {
    if wanted(value) {
        out.push(path.clone());
    }
    match value {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                collect(item, path, out, wanted);
                path.truncate(len);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                path.push_str(&format!(".{key}"));
                collect(item, path, out, wanted);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn set_at(value: &mut serde_json::Value, path: &str, new: serde_json::Value) {
    let mut target = value;
    for part in path
        .trim_start_matches('$')
        .split(['.', '['])
        .filter(|p| !p.is_empty())
    {
        target = match part.strip_suffix(']') {
            Some(index) => &mut target[index.parse::<usize>().unwrap()],
            None => &mut target[part],
        };
    }
    *target = new;
}

/// The first and last moments RollSafe accepts, at the widest offsets: every
/// entry point answers (an error or not), none panics on the arithmetic near
/// the ends of the range (lookbacks, reminders, next allowed dates).
#[test]
fn the_edges_of_the_accepted_range_never_panic() {
    let f = fixture();
    let edge = |ms: u64, utc_offset_seconds| Moment {
        instant: UNIX_EPOCH + Duration::from_millis(ms),
        utc_offset_seconds,
    };
    // 2000-01-01T00:00:00 local at +18 h and at -18 h (years 1999 and 2000 in
    // UTC); 2199-12-31T23:59:59.999 local likewise.
    let edges = [
        edge(946_684_800_000 - 18 * 3_600_000, 18 * 3600),
        edge(946_684_800_000 + 18 * 3_600_000, -18 * 3600),
        edge(7_258_118_399_999 - 18 * 3_600_000, 18 * 3600),
        edge(7_258_118_399_999 + 18 * 3_600_000, -18 * 3600),
    ];
    let date = |year, month, day| CalendarDate { year, month, day };
    let whole = move || DateRange {
        from: date(2000, 1, 1),
        to: date(2199, 12, 31),
    };
    let mut panics = Vec::new();
    for m in edges {
        for (call, _, body) in moment_calls(m) {
            if catch_unwind(AssertUnwindSafe(|| body(&f))).is_err() {
                panics.push(format!("{call} at {m:?}"));
            }
        }
    }
    let whole_calls: Vec<(&str, Call)> = vec![
        (
            "export_backup",
            Box::new(move |f| f.store.export_backup(Some(whole()), now()).map(drop)),
        ),
        (
            "export_csv",
            Box::new(move |f| f.store.export_csv(scope(Some(whole())), false).map(drop)),
        ),
        (
            "export_fhir",
            Box::new(move |f| {
                f.store
                    .export_fhir(scope(Some(whole())), None, now())
                    .map(drop)
            }),
        ),
        (
            "report_pdf",
            Box::new(move |f| {
                f.store
                    .report_pdf(
                        ReportOptions {
                            scope: scope(Some(whole())),
                            paper: Paper::UsLetter,
                            embed_backup: false,
                        },
                        now(),
                    )
                    .map(drop)
            }),
        ),
    ];
    for (call, body) in whole_calls {
        match catch_unwind(AssertUnwindSafe(|| body(&f))) {
            Err(_) => panics.push(format!("{call} over 2000 to 2199: panicked")),
            Ok(Err(e)) => panics.push(format!("{call} over 2000 to 2199: {e:?}")),
            Ok(Ok(())) => {}
        }
    }
    let reversed = DateRange {
        from: date(2026, 3, 2),
        to: date(2026, 3, 1),
    };
    match f.store.export_backup(Some(reversed), now()) {
        Err(RollSafeError::InvalidInput { field, .. }) if field.starts_with("period") => {}
        other => panics.push(format!("a reversed period: {other:?}")),
    }
    assert!(panics.is_empty(), "{}", panics.join("\n"));
}
