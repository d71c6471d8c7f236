//! The user's own backup always restores: whatever the API let the user
//! record, its backup imports into an empty log. The import checks a record
//! against the moment it was entered, as the API did, never against the
//! moment of the import; both use the same bound. An instant written in any
//! form but the one RollSafe writes is refused the first time, so importing
//! the same document twice never clashes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use chrono::{SecondsFormat, TimeDelta, Utc};
use proptest::prelude::*;
use rollsafe_core::time::FUTURE_TOLERANCE;
use rollsafe_core::{
    BodyZone, CarePlan, Condition, ConditionAnswer, DeviceId, DeviceKind, Error, ImportSummary,
    Moment, NewSession, NewSymptomReport, ProfileUpdate, ReportKind, ReportedSymptom, Store,
    Symptom,
};
use serde_json::Value;

use support::{add_device, at};

const YEAR: TimeDelta = TimeDelta::days(365);
const ONE_MS: TimeDelta = TimeDelta::milliseconds(1);

/// The moment the phone's clock shows at the start of each log.
fn real() -> Moment {
    at("2026-04-01T09:00:00+02:00")
}

/// An instant as RollSafe writes it.
fn text(moment: Moment) -> String {
    moment.to_rfc3339_opts(SecondsFormat::Millis, false)
}

/// The kinds of record a user makes, each of which may be made while the
/// phone's clock runs ahead.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Device,
    Profile,
    CarePlan,
    Cleaning,
    Session,
    Edit,
    Report,
    Resolve,
    HeadChange,
    Acknowledge,
    Delete,
    Retire,
    Soak,
}

const KINDS: [Kind; 13] = [
    Kind::Device,
    Kind::Profile,
    Kind::CarePlan,
    Kind::Cleaning,
    Kind::Session,
    Kind::Edit,
    Kind::Report,
    Kind::Resolve,
    Kind::HeadChange,
    Kind::Acknowledge,
    Kind::Delete,
    Kind::Retire,
    Kind::Soak,
];

fn answer(confirmed_at: Moment) -> ProfileUpdate {
    ProfileUpdate {
        skin_type: None,
        answers: vec![ConditionAnswer {
            condition: Condition::Diabetes,
            present: false,
            stopped_on: None,
            confirmed_at,
        }],
        identity: Default::default(),
    }
}

fn plan_set_at(set_at: Moment) -> CarePlan {
    CarePlan {
        set_by: "Dr Ng".into(),
        set_at,
        rest: vec![],
        max_needle: vec![],
        allowed_zones: vec![],
        avoid_products: vec![],
        cleared_conditions: vec![],
    }
}

fn symptoms(at: Moment) -> NewSymptomReport {
    NewSymptomReport {
        at,
        kind: ReportKind::Report,
        zones: vec![BodyZone::Cheeks],
        around_eye: false,
        symptoms: vec![ReportedSymptom {
            symptom: Symptom::Redness,
            severity: Some(3),
        }],
        overall_severity: 3,
        pus: None,
        temperature_c: None,
        trend: None,
        notes: Some("a private note".into()),
        photos: vec![],
        session_id: None,
    }
}

/// Records a session whatever the rules say (the user acknowledges every
/// blocker and caution), as the app lets them.
fn record_session(
    store: &Store,
    new: NewSession,
    now: Moment,
) -> Result<rollsafe_core::SessionId, Error> {
    let blockers: Vec<String> = store
        .check_session(&new.plan, now)?
        .to_acknowledge()
        .map(|f| f.code.code().to_owned())
        .collect();
    Ok(store.record_session(new, &blockers, now)?.value.session.id)
}

/// A log with a record of every kind, the one of kind `ahead` made while the
/// phone's clock ran `skew` ahead. Returns the log and the moment, after the
/// clock was put right, of the export.
fn log_with(ahead: Kind, skew: TimeDelta) -> (Store, Moment) {
    let store = Store::open_in_memory().unwrap();
    let mut real = real();
    let clock = |kind: Kind, real: Moment| if kind == ahead { real + skew } else { real };
    let roller = add_device(&store, DeviceKind::Roller, 0.5, "Roller", real - YEAR);
    let pen = add_device(
        &store,
        DeviceKind::Stamp,
        0.25,
        "Stamp",
        clock(Kind::Device, real),
    );
    let now = clock(Kind::Profile, real);
    store.save_profile(answer(now), now).unwrap();
    let now = clock(Kind::CarePlan, real);
    store.set_care_plan(plan_set_at(now), now).unwrap();
    real += TimeDelta::hours(1);
    let now = clock(Kind::Cleaning, real);
    store
        .record_cleaning(support::soak(roller, now), now)
        .unwrap();
    real += TimeDelta::hours(1);
    let now = clock(Kind::Session, real);
    let first = record_session(
        &store,
        support::session(roller, &[BodyZone::Cheeks], now),
        now,
    )
    .unwrap();
    let now = clock(Kind::Edit, real + TimeDelta::hours(1));
    let mut edit = support::session(roller, &[BodyZone::Chin], real);
    edit.pain = Some(2);
    store.edit_session(first, edit, now).unwrap();
    real += TimeDelta::days(1);
    let now = clock(Kind::Report, real);
    let report = store
        .record_symptom_report(symptoms(now), now)
        .unwrap()
        .value;
    let now = clock(Kind::Resolve, real + TimeDelta::days(1)).max(report.at);
    store.resolve_report(report.id, now, now).unwrap();
    real += TimeDelta::days(3);
    let now = clock(Kind::HeadChange, real);
    store.record_head_change(roller, now, now).unwrap();
    let now = clock(Kind::Acknowledge, real);
    for alert in store.open_alerts().unwrap() {
        store.acknowledge_alert(alert.id, now).unwrap();
    }
    real += TimeDelta::days(1);
    let second = record_session(
        &store,
        support::session(roller, &[BodyZone::Forehead], real),
        real,
    )
    .unwrap();
    store
        .delete_session(second, clock(Kind::Delete, real))
        .unwrap();
    store
        .retire_device(pen, "worn", clock(Kind::Retire, real))
        .unwrap();
    let now = clock(Kind::Soak, real);
    store.start_soak_timer(roller, now, 10, now).unwrap();
    // The clock is put right; the app re-assesses at its next start.
    let later = real + TimeDelta::days(1);
    store.refresh_alerts(later).unwrap();
    (store, later)
}

fn nothing_new(summary: &ImportSummary) -> bool {
    [
        &summary.devices,
        &summary.sessions,
        &summary.cleanings,
        &summary.symptom_reports,
        &summary.alerts,
        &summary.profile_revisions,
        &summary.care_plans,
    ]
    .iter()
    .all(|c| c.added == 0 && c.updated == 0)
}

/// Exports `store`, imports the backup into an empty log, and checks that it
/// holds the same, and that a second import adds nothing.
fn restores(store: &Store, now: Moment) -> Result<(), String> {
    let backup = store.export_backup(None, now).unwrap();
    let empty = Store::open_in_memory().unwrap();
    empty
        .import_backup(backup.as_bytes(), now)
        .map_err(|e| e.to_string())?;
    if empty.export_backup(None, now).unwrap() != backup {
        return Err("the restored log differs".into());
    }
    let again = empty
        .import_backup(backup.as_bytes(), now)
        .map_err(|e| e.to_string())?;
    if !nothing_new(&again.value) {
        return Err(format!("a second import changed {:?}", again.value));
    }
    Ok(())
}

#[test]
fn a_record_made_while_the_clock_ran_a_year_ahead_restores() {
    for kind in KINDS {
        let (store, later) = log_with(kind, YEAR);
        if let Err(e) = restores(&store, later) {
            panic!("{kind:?} made a year ahead: {e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// However far ahead the clock ran (up to 400 days) for whichever record.
    #[test]
    fn a_log_restores_however_far_ahead_the_clock_ran(
        kind in 0..KINDS.len(),
        minutes in 1_i64..400 * 24 * 60,
    ) {
        let (store, later) = log_with(KINDS[kind], TimeDelta::minutes(minutes));
        prop_assert_eq!(restores(&store, later), Ok(()));
    }
}

fn invalid_field(result: Result<impl std::fmt::Debug, Error>) -> &'static str {
    match result {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn bad_path(result: Result<impl std::fmt::Debug, Error>) -> (String, String) {
    match result {
        Err(Error::BadDocument { path, reason }) => (path, reason),
        other => panic!("expected BadDocument, got {other:?}"),
    }
}

#[test]
fn a_soak_timer_cannot_start_400_days_ahead() {
    let store = Store::open_in_memory().unwrap();
    let now = real();
    let roller = add_device(&store, DeviceKind::Roller, 0.5, "Roller", now);
    let before = store.reminders(now).unwrap();
    let field = invalid_field(store.start_soak_timer(roller, now + TimeDelta::days(400), 10, now));
    assert_eq!(field, "started_at");
    assert_eq!(store.reminders(now).unwrap(), before, "the log changed");
    store
        .start_soak_timer(roller, now + FUTURE_TOLERANCE, 10, now)
        .unwrap();
}

/// `$.cleanings[0].at` for `/cleanings/0/at`.
fn path_of(pointer: &str) -> String {
    pointer
        .split('/')
        .skip(1)
        .fold("$".to_owned(), |path, step| match step.parse::<usize>() {
            Ok(i) => format!("{path}[{i}]"),
            Err(_) => format!("{path}.{step}"),
        })
}

/// One way of recording an event dated `at` when the clock shows `now`, and
/// where its date and its moment of entry lie in the backup.
struct Edge {
    record: fn(&Store, DeviceId, Moment, Moment) -> Result<(), Error>,
    field: &'static str,
    at: &'static str,
    entered: &'static str,
}

const EDGES: [Edge; 6] = [
    Edge {
        record: |s, d, at, now| s.record_cleaning(support::soak(d, at), now).map(drop),
        field: "at",
        at: "/cleanings/0/at",
        entered: "/cleanings/0/recorded_at",
    },
    Edge {
        record: |s, d, at, now| {
            record_session(s, support::session(d, &[BodyZone::Cheeks], at), now).map(drop)
        },
        field: "at",
        at: "/sessions/0/versions/0/at",
        entered: "/sessions/0/versions/0/saved_at",
    },
    Edge {
        record: |s, _, at, now| s.record_symptom_report(symptoms(at), now).map(drop),
        field: "at",
        at: "/symptom_reports/0/at",
        entered: "/symptom_reports/0/recorded_at",
    },
    Edge {
        record: |s, d, at, now| s.record_head_change(d, at, now).map(drop),
        field: "at",
        at: "/devices/0/head_changes/0/at",
        entered: "/devices/0/head_changes/0/recorded_at",
    },
    Edge {
        record: |s, _, at, now| s.save_profile(answer(at), now).map(drop),
        field: "answers.confirmed_at",
        at: "/profile_revisions/0/answers/0/confirmed_at",
        entered: "/profile_revisions/0/saved_at",
    },
    Edge {
        record: |s, _, at, now| s.set_care_plan(plan_set_at(at), now).map(drop),
        field: "set_at",
        at: "/care_plans/0/set_at",
        entered: "/care_plans/0/recorded_at",
    },
];

#[test]
fn the_api_and_the_import_share_the_bound_on_the_future() {
    let now = real();
    for edge in EDGES {
        let store = Store::open_in_memory().unwrap();
        let roller = add_device(&store, DeviceKind::Roller, 0.5, "Roller", now - YEAR);
        let beyond = invalid_field((edge.record)(
            &store,
            roller,
            now + FUTURE_TOLERANCE + ONE_MS,
            now,
        ));
        assert_eq!(beyond, edge.field, "{}", edge.at);
        (edge.record)(&store, roller, now + FUTURE_TOLERANCE, now).unwrap();
        let backup = store.export_backup(None, now).unwrap();
        let mut doc: Value = serde_json::from_str(&backup).unwrap();
        let entered = at(doc.pointer(edge.entered).unwrap().as_str().unwrap());
        assert_eq!(entered, now, "{}", edge.entered);
        assert_eq!(
            doc.pointer(edge.at).unwrap().as_str().unwrap(),
            text(now + FUTURE_TOLERANCE)
        );
        // Imported a year later or a year earlier, the edge is where it was.
        for import_now in [now + YEAR, now - YEAR] {
            let empty = Store::open_in_memory().unwrap();
            empty
                .import_backup(backup.as_bytes(), import_now)
                .unwrap_or_else(|e| panic!("{}: {e}", edge.at));
        }
        *doc.pointer_mut(edge.at).unwrap() = text(now + FUTURE_TOLERANCE + ONE_MS).into();
        let beyond = serde_json::to_vec(&doc).unwrap();
        for import_now in [now + YEAR, now - YEAR] {
            let empty = Store::open_in_memory().unwrap();
            let (path, _) = bad_path(empty.import_backup(&beyond, import_now));
            assert_eq!(path, path_of(edge.at));
        }
    }
}

/// A story backup, as text and as JSON, with the moment of its export.
fn backup() -> (String, Value, Moment) {
    let (store, later) = log_with(Kind::Cleaning, TimeDelta::zero());
    let text = store.export_backup(None, later).unwrap();
    let doc = serde_json::from_str(&text).unwrap();
    (text, doc, later)
}

/// Imports `bytes` into `store` twice. The first import is refused at `path`
/// (with nothing changed, the second the same), or the second adds nothing.
fn twice(store: &Store, bytes: &[u8], now: Moment, path: &str) -> Result<(), String> {
    let before = store.export_backup(None, now).unwrap();
    match store.import_backup(bytes, now) {
        Err(Error::BadDocument {
            path: found,
            reason,
        }) => {
            assert_eq!(found, path, "{reason}");
            assert!(!reason.contains("private note"), "{reason}");
            assert_eq!(store.export_backup(None, now).unwrap(), before);
            let (again, _) = bad_path(store.import_backup(bytes, now));
            assert_eq!(again, path);
            Err(reason)
        }
        Err(other) => panic!("{other:?}"),
        Ok(_) => match store.import_backup(bytes, now) {
            Ok(again) => {
                assert!(nothing_new(&again.value), "{path}: {:?}", again.value);
                Ok(())
            }
            Err(e) => panic!("{path}: the second import clashed: {e}"),
        },
    }
}

#[test]
fn each_form_of_an_instant_is_stored_once_or_refused_the_first_time() {
    let (_, doc, now) = backup();
    let pointer = "/cleanings/0/at";
    let written = doc.pointer(pointer).unwrap().as_str().unwrap().to_owned();
    let moment = at(&written);
    let utc = moment.with_timezone(&Utc);
    let forms: Vec<(&str, String)> = vec![
        ("as written", written.clone()),
        ("Z", utc.to_rfc3339_opts(SecondsFormat::Millis, true)),
        (
            "z",
            utc.to_rfc3339_opts(SecondsFormat::Millis, true)
                .to_lowercase(),
        ),
        (
            "-00:00",
            utc.to_rfc3339_opts(SecondsFormat::Millis, false)
                .replace("+00:00", "-00:00"),
        ),
        ("t", written.replace('T', "t")),
        ("space", written.replace('T', " ")),
        (
            "no fraction",
            moment.to_rfc3339_opts(SecondsFormat::Secs, false),
        ),
        (
            "nanoseconds",
            moment.to_rfc3339_opts(SecondsFormat::Nanos, false),
        ),
        (
            "beyond the millisecond",
            written.replace(".000", ".000456789"),
        ),
        ("leap second", "2026-03-31T23:59:60.000+00:00".to_owned()),
    ];
    let schema = published_schema();
    for (name, form) in forms {
        let mut edited = doc.clone();
        *edited.pointer_mut(pointer).unwrap() = form.into();
        let bytes = serde_json::to_vec(&edited).unwrap();
        let outcome = twice(
            &Store::open_in_memory().unwrap(),
            &bytes,
            now,
            &path_of(pointer),
        );
        // Only the form RollSafe writes is taken; the others cannot come
        // back out as they went in.
        assert_eq!(outcome.is_ok(), name == "as written", "{name}: {outcome:?}");
        // And the published schema says the same.
        assert_eq!(
            schema.is_valid(&edited),
            outcome.is_ok(),
            "{name}: the schema disagrees"
        );
    }
}

fn published_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schemas/backup-v1.schema.json"
    ))
    .unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

/// The JSON pointer of every instant in `doc`.
fn instants(doc: &Value, at: String, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| instants(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| instants(v, format!("{at}/{i}"), out)),
        Value::String(s) if chrono::DateTime::parse_from_rfc3339(s).is_ok() => out.push(at),
        _ => {}
    }
}

#[test]
fn every_instant_of_the_document_is_read_the_one_way() {
    let (_, doc, now) = backup();
    let mut pointers = Vec::new();
    instants(&doc, String::new(), &mut pointers);
    assert!(pointers.len() > 20, "{pointers:?}");
    for pointer in pointers {
        let written = doc.pointer(&pointer).unwrap().as_str().unwrap();
        let mut edited = doc.clone();
        *edited.pointer_mut(&pointer).unwrap() = written.replace('+', "001+").into();
        let bytes = serde_json::to_vec(&edited).unwrap();
        for store in [
            Store::open_in_memory().unwrap(),
            log_with(Kind::Cleaning, TimeDelta::zero()).0,
        ] {
            let outcome = twice(&store, &bytes, now, &path_of(&pointer));
            assert!(
                outcome.is_err(),
                "{pointer} was taken with sub-millisecond digits"
            );
        }
    }
}

#[test]
fn the_import_refuses_what_the_api_refuses() {
    let (_, doc, now) = backup();
    let report_at = at(doc["symptom_reports"][0]["at"].as_str().unwrap());
    let mut early = doc.clone();
    early["symptom_reports"][0]["resolved_at"] = text(report_at - ONE_MS).into();
    let mut quiet = doc.clone();
    quiet["settings"]["quiet_hours"] = serde_json::json!({"start_minute": 600, "end_minute": 600});
    for (edited, path) in [
        (early, "$.symptom_reports[0].resolved_at"),
        (quiet, "$.settings.quiet_hours.end_minute"),
    ] {
        let bytes = serde_json::to_vec(&edited).unwrap();
        let empty = Store::open_in_memory().unwrap();
        assert!(twice(&empty, &bytes, now, path).is_err(), "{path}");
    }
}
