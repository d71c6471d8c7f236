//! The JSON backup: what goes out comes back in, identically; importing twice
//! adds nothing; a bad document names its fault and changes nothing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use chrono::{NaiveDate, TimeDelta};
use proptest::prelude::*;
use rollsafe_core::export::Period;
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, CarePlanRest, CleaningMethod, Condition, ConditionAnswer,
    DeviceId, DeviceKind, Error, Moment, NewCleaning, NewDevice, NewSession, NewSymptomReport,
    ProfileUpdate, QuietHours, ReportKind, ReportedSymptom, SessionId, SkinType, Store, Symptom,
    SymptomTrend,
};

use support::{add_device, at};

fn session(device: DeviceId, zone: BodyZone, when: Moment, notes: Option<&str>) -> NewSession {
    NewSession {
        passes: Some(4),
        pain: Some(3),
        notes: notes.map(str::to_owned),
        ..support::session(device, &[zone], when)
    }
}

/// A small but complete log: every kind of record, edits, a deletion, a
/// resolution, an acknowledgement, text in three scripts.
fn story() -> (Store, Moment) {
    let store = Store::open_in_memory().unwrap();
    let mut now = at("2026-03-01T20:00:00+01:00");
    store
        .save_profile(
            ProfileUpdate {
                skin_type: Some(SkinType::Iii),
                answers: vec![ConditionAnswer {
                    condition: Condition::Diabetes,
                    present: false,
                    stopped_on: None,
                    confirmed_at: now,
                }],
                identity: Default::default(),
            },
            now,
        )
        .unwrap();
    store
        .set_care_plan(
            CarePlan {
                set_by: "Dr Ιωάννου".into(),
                set_at: now,
                rest: vec![CarePlanRest {
                    region: BodyRegion::Face,
                    min_rest_days: 10,
                }],
                max_needle: [
                    rollsafe_core::BodyRegion::Face,
                    rollsafe_core::BodyRegion::Scalp,
                    rollsafe_core::BodyRegion::Body,
                ]
                .into_iter()
                .map(|region| rollsafe_core::RegionNeedleLimit {
                    region,
                    max_needle_length_mm: 1.0,
                })
                .collect(),
                allowed_zones: vec![],
                avoid_products: vec![],
                cleared_conditions: vec![],
            },
            now,
        )
        .unwrap();
    store
        .set_quiet_hours(Some(QuietHours {
            start_minute: 22 * 60,
            end_minute: 7 * 60,
        }))
        .unwrap();
    let roller = store
        .add_device(
            NewDevice::simple(DeviceKind::Roller, 0.5, "Face roller"),
            now,
        )
        .unwrap()
        .value
        .id;
    let stamp = add_device(&store, DeviceKind::Stamp, 0.25, "Штамп", now);
    let mut sessions: Vec<SessionId> = Vec::new();
    for day in 0..40 {
        now += TimeDelta::days(1);
        let device = if day % 2 == 0 { roller } else { stamp };
        store
            .record_cleaning(
                NewCleaning {
                    device_id: device,
                    at: now,
                    method: CleaningMethod::IsopropylSoak,
                    soak_minutes: Some(10),
                },
                now,
            )
            .unwrap();
        let zone = if day % 2 == 0 {
            BodyZone::Cheeks
        } else {
            BodyZone::Forehead
        };
        let new = session(
            device,
            zone,
            now,
            Some("тест · δοκιμή, \"quoted\"\nline two"),
        );
        if let Ok(recorded) = store.record_session(new, &[], now) {
            sessions.push(recorded.value.session.id);
        } else {
            let blockers: Vec<String> = store
                .check_session(&session(device, zone, now, None).plan, now)
                .unwrap()
                .to_acknowledge()
                .map(|f| f.code.code().to_owned())
                .collect();
            let recorded = store
                .record_session(session(device, zone, now, None), &blockers, now)
                .unwrap();
            sessions.push(recorded.value.session.id);
        }
    }
    let first = sessions[0];
    let mut edit = session(
        roller,
        BodyZone::Chin,
        at("2026-03-02T20:00:00+01:00"),
        Some("edited"),
    );
    edit.pain = Some(5);
    store.edit_session(first, edit, now).unwrap();
    store.delete_session(sessions[1], now).unwrap();
    store.flag_device_damaged(stamp, now).unwrap();
    store.record_head_change(roller, now, now).unwrap();
    let report = store
        .record_symptom_report(
            NewSymptomReport {
                at: now,
                kind: ReportKind::Report,
                zones: vec![BodyZone::Cheeks],
                around_eye: false,
                symptoms: vec![ReportedSymptom {
                    symptom: Symptom::Redness,
                    severity: Some(4),
                }],
                overall_severity: 4,
                pus: None,
                temperature_c: Some(37.2),
                trend: None,
                notes: Some("a private note".into()),
                photos: vec![],
                session_id: None,
            },
            now,
        )
        .unwrap()
        .value;
    now += TimeDelta::days(3);
    store.resolve_report(report.id, now, now).unwrap();
    for alert in store.open_alerts().unwrap() {
        store.acknowledge_alert(alert.id, now).unwrap();
    }
    store.start_soak_timer(roller, now, 10, now).unwrap();
    store.refresh_alerts(now).unwrap();
    (store, now)
}

fn bad(result: Result<impl std::fmt::Debug, Error>) -> (String, String) {
    match result {
        Err(Error::BadDocument { path, reason }) => (path, reason),
        other => panic!("expected BadDocument, got {other:?}"),
    }
}

#[test]
fn a_restored_log_exports_the_same_document() {
    let (store, now) = story();
    let original = store.export_backup(None, now).unwrap();
    let restored = Store::open_in_memory().unwrap();
    let imported = restored.import_backup(original.as_bytes(), now).unwrap();
    assert_eq!(imported.value.sessions.added, 40);
    assert_eq!(imported.value.devices.added, 2);
    assert!(
        imported.alerts.is_empty(),
        "restoring announced {:?}",
        imported.alerts
    );
    assert_eq!(restored.export_backup(None, now).unwrap(), original);
    // And what the app shows is the same.
    assert_eq!(restored.sessions().unwrap(), store.sessions().unwrap());
    assert_eq!(restored.assess(now).unwrap(), store.assess(now).unwrap());
    assert_eq!(
        restored.reminders(now).unwrap(),
        store.reminders(now).unwrap()
    );
}

#[test]
fn restoring_into_a_log_the_app_already_started_announces_nothing_twice() {
    let (store, now) = story();
    let backup = store.export_backup(None, now).unwrap();
    let phone = Store::open_in_memory().unwrap();
    // The app re-assesses at every start, which stores the starting levels.
    assert!(phone.refresh_alerts(now).unwrap().is_empty());
    let restored = phone.import_backup(backup.as_bytes(), now).unwrap();
    assert!(
        restored.alerts.is_empty(),
        "announced again: {:?}",
        restored.alerts
    );
    assert_eq!(phone.export_backup(None, now).unwrap(), backup);
}

#[test]
fn importing_the_same_backup_again_adds_nothing() {
    let (store, now) = story();
    let original = store.export_backup(None, now).unwrap();
    let again = store.import_backup(original.as_bytes(), now).unwrap().value;
    assert_eq!(again.sessions.added + again.sessions.updated, 0);
    assert_eq!(again.sessions.unchanged, 40);
    assert_eq!(again.profile_revisions.added, 0);
    assert_eq!(store.export_backup(None, now).unwrap(), original);
}

#[test]
fn an_older_backup_brings_nothing_back_that_the_log_moved_past() {
    let (store, now) = story();
    let older = store.export_backup(None, now).unwrap();
    let later = now + TimeDelta::days(1);
    let id = store.sessions().unwrap()[0].id;
    store.delete_session(id, later).unwrap();
    let before = store.export_backup(None, later).unwrap();
    let merged = store.import_backup(older.as_bytes(), later).unwrap().value;
    assert_eq!(merged.sessions.added + merged.sessions.updated, 0);
    assert_eq!(store.export_backup(None, later).unwrap(), before);
}

#[test]
fn a_newer_backup_brings_an_older_copy_up_to_date() {
    let (store, now) = story();
    let older = store.export_backup(None, now).unwrap();
    let copy = Store::open_in_memory().unwrap();
    copy.import_backup(older.as_bytes(), now).unwrap();
    let later = now + TimeDelta::days(1);
    let id = store.sessions().unwrap()[0].id;
    store.delete_session(id, later).unwrap();
    let newer = store.export_backup(None, later).unwrap();
    let merged = copy.import_backup(newer.as_bytes(), later).unwrap().value;
    assert_eq!(merged.sessions.updated, 1);
    assert_eq!(copy.sessions().unwrap(), store.sessions().unwrap());
}

#[test]
fn a_device_changed_since_the_copy_is_brought_up_to_date_with_its_trail() {
    let (store, now) = story();
    let copy = Store::open_in_memory().unwrap();
    copy.import_backup(store.export_backup(None, now).unwrap().as_bytes(), now)
        .unwrap();
    let later = now + TimeDelta::days(1);
    let roller = store.devices().unwrap()[0].id;
    store.flag_device_damaged(roller, later).unwrap();
    store.retire_device(roller, "bent needles", later).unwrap();
    let newer = store.export_backup(None, later).unwrap();
    let merged = copy.import_backup(newer.as_bytes(), later).unwrap().value;
    assert_eq!(merged.devices.updated, 1);
    assert_eq!(copy.devices().unwrap(), store.devices().unwrap());
    assert_eq!(
        copy.device_changes(roller).unwrap(),
        store.device_changes(roller).unwrap()
    );
    // The copy can go on changing the device after the merge.
    copy.set_device_shared(roller, true, later).unwrap();
}

#[test]
fn two_logs_merge_without_duplicates() {
    let (store, now) = story();
    let other = Store::open_in_memory().unwrap();
    let pen = other
        .add_device(
            NewDevice::simple(DeviceKind::Roller, 0.25, "Other phone"),
            now,
        )
        .unwrap()
        .value
        .id;
    other
        .record_cleaning(
            NewCleaning {
                device_id: pen,
                at: now - TimeDelta::hours(1),
                method: CleaningMethod::IsopropylSoak,
                soak_minutes: Some(20),
            },
            now,
        )
        .unwrap();
    other
        .record_session(session(pen, BodyZone::Neck, now, None), &[], now)
        .unwrap();
    let merged = other
        .import_backup(store.export_backup(None, now).unwrap().as_bytes(), now)
        .unwrap()
        .value;
    assert_eq!(merged.sessions.added, 40);
    assert_eq!(
        other.sessions().unwrap().len(),
        store.sessions().unwrap().len() + 1
    );
    assert_eq!(other.devices().unwrap().len(), 3);
}

#[test]
fn a_period_backup_carries_its_days_and_what_they_need() {
    let (store, now) = story();
    let period = Period::new(
        NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        NaiveDate::from_ymd_opt(2026, 3, 25).unwrap(),
    )
    .unwrap();
    let text = store.export_backup(Some(period), now).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["period"]["from"], "2026-03-20");
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 6);
    assert_eq!(doc["cleanings"].as_array().unwrap().len(), 6);
    assert_eq!(doc["devices"].as_array().unwrap().len(), 2);
    assert_eq!(
        doc["profile_revisions"].as_array().unwrap().len(),
        1,
        "the profile in force"
    );
    assert!(doc["symptom_reports"].as_array().unwrap().is_empty());
    // It stands on its own.
    let restored = Store::open_in_memory().unwrap();
    restored.import_backup(text.as_bytes(), now).unwrap();
    assert_eq!(restored.sessions().unwrap().len(), 6);
    assert_eq!(restored.export_backup(Some(period), now).unwrap(), text);
}

/// Applies `edit` to the story's backup, imports it into the story's log and
/// checks it is refused at `path` with nothing changed.
fn refused_at(path: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let (store, now) = story();
    let original = store.export_backup(None, now).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&original).unwrap();
    edit(&mut doc);
    let empty = Store::open_in_memory().unwrap();
    let bytes = serde_json::to_vec(&doc).unwrap();
    for target in [&store, &empty] {
        let before = target.export_backup(None, now).unwrap();
        let (found, reason) = bad(target.import_backup(&bytes, now));
        assert_eq!(found, path, "{reason}");
        assert!(!reason.contains("private note"), "{reason}");
        assert_eq!(
            target.export_backup(None, now).unwrap(),
            before,
            "the log changed"
        );
    }
    bad(empty.import_backup(&bytes, now)).1
}

#[test]
fn bad_documents_name_the_place_and_change_nothing() {
    refused_at("$.version", |d| d["version"] = 2.into());
    refused_at("$.format", |d| d["format"] = "something-else".into());
    refused_at("$.sessions[3].versions[0].pain", |d| {
        d["sessions"][3]["versions"][0]["pain"] = 11.into();
    });
    refused_at("$.sessions[3].versions[0].pain", |d| {
        d["sessions"][3]["versions"][0]["pain"] = "a private note".into();
    });
    refused_at("$.sessions[2].versions[0].needle_length_mm", |d| {
        d["sessions"][2]["versions"][0]["needle_length_mm"] = (-1.0).into();
    });
    refused_at("$.sessions[2].versions[0].device_id", |d| {
        d["sessions"][2]["versions"][0]["device_id"] =
            "0b9e9c52-6c4f-4a57-9d49-0c1f8e4a2d11".into();
    });
    refused_at("$.cleanings[1].id", |d| {
        let first = d["cleanings"][0]["id"].clone();
        d["cleanings"][1]["id"] = first;
    });
    refused_at("$.devices[0].kind", |d| {
        d["devices"][0]["kind"] = "laser".into()
    });
    refused_at("$.symptom_reports[0].at", |d| {
        d["symptom_reports"][0]["at"] = "2199-01-01T00:00:00.000+00:00".into();
    });
    refused_at("$.symptom_reports[0].at", |d| {
        d["symptom_reports"][0]["at"] = "2026-03-01T10:00:00.000+19:00".into();
    });
    refused_at("$.devices[1].nickname", |d| {
        d["devices"][1]["nickname"] = "  padded ".into()
    });
    refused_at("$.sessions[0].surprise", |d| {
        d["sessions"][0]["surprise"] = true.into()
    });
    refused_at("$.symptom_reports[0].notes", |d| {
        d["symptom_reports"][0]["notes"] = "x".repeat(1_000_000).into();
    });
    refused_at("$.symptom_reports[0].trend", |d| {
        d["symptom_reports"][0]["trend"] = "a private note".into();
    });
}

#[test]
fn a_record_that_clashes_with_the_log_is_a_conflict() {
    let (store, now) = story();
    let mut doc: serde_json::Value =
        serde_json::from_str(&store.export_backup(None, now).unwrap()).unwrap();
    doc["cleanings"][4]["soak_minutes"] = 11.into();
    let before = store.export_backup(None, now).unwrap();
    let (path, reason) = bad(store.import_backup(&serde_json::to_vec(&doc).unwrap(), now));
    assert_eq!(path, "$.cleanings[4]");
    assert!(reason.contains("different content"), "{reason}");
    assert_eq!(store.export_backup(None, now).unwrap(), before);
}

#[test]
fn junk_truncation_and_invalid_utf8_are_refused() {
    let (store, now) = story();
    let original = store.export_backup(None, now).unwrap();
    let before = original.clone();
    let truncated = &original.as_bytes()[..original.len() / 2];
    assert!(
        bad(store.import_backup(truncated, now))
            .1
            .contains("ends too early")
    );
    let mut invalid = original.clone().into_bytes();
    invalid[200] = 0xff;
    assert!(bad(store.import_backup(&invalid, now)).1.contains("UTF-8"));
    let junk: Vec<u8> = (0..100 * 1024 * 1024_u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let (path, _) = bad(store.import_backup(&junk, now));
    assert_eq!(path, "$");
    assert_eq!(store.export_backup(None, now).unwrap(), before);
}

#[derive(Clone, Debug)]
enum Op {
    Clean(usize),
    Record(usize, usize, bool),
    Edit(usize),
    Delete(usize),
    Report(u8),
    Resolve,
    Acknowledge,
    Retire(usize),
    Tick(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0_usize..2).prop_map(Op::Clean),
        (0_usize..2, 0_usize..6, any::<bool>()).prop_map(|(d, z, n)| Op::Record(d, z, n)),
        (0_usize..10).prop_map(Op::Edit),
        (0_usize..10).prop_map(Op::Delete),
        (0_u8..=10).prop_map(Op::Report),
        Just(Op::Resolve),
        Just(Op::Acknowledge),
        (0_usize..2).prop_map(Op::Retire),
        (1_i64..300).prop_map(Op::Tick),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Export, import into an empty log, export again: the same document;
    /// and importing it into the log it came from changes nothing.
    #[test]
    fn export_import_export_is_the_identity(ops in prop::collection::vec(op(), 1..30)) {
        let store = Store::open_in_memory().unwrap();
        let mut now = at("2026-05-01T08:00:00+02:00");
        let devices = [
            add_device(&store, DeviceKind::Roller, 0.5, "Roller", now),
            add_device(&store, DeviceKind::Pen, 0.25, "Pen", now),
        ];
        let mut sessions = Vec::new();
        for op in ops {
            now += TimeDelta::minutes(7);
            match op {
                Op::Clean(d) => {
                    let _ = store.record_cleaning(NewCleaning { device_id: devices[d], at: now, method: CleaningMethod::SoapAndWater, soak_minutes: None }, now);
                }
                Op::Record(d, z, notes) => {
                    let new = session(devices[d], BodyZone::ALL[z], now, notes.then_some("σημείωση"));
                    let blockers: Vec<String> = store.check_session(&new.plan, now).map(|v| v.to_acknowledge().map(|f| f.code.code().to_owned()).collect()).unwrap_or_default();
                    if let Ok(recorded) = store.record_session(new, &blockers, now) {
                        sessions.push(recorded.value.session.id);
                    }
                }
                Op::Edit(i) => {
                    if let Some(id) = sessions.get(i) {
                        let _ = store.edit_session(*id, session(devices[0], BodyZone::Chin, now - TimeDelta::hours(1), Some("edited")), now);
                    }
                }
                Op::Delete(i) => {
                    if let Some(id) = sessions.get(i) {
                        let _ = store.delete_session(*id, now);
                    }
                }
                Op::Report(severity) => {
                    let _ = store.record_symptom_report(NewSymptomReport {
                        at: now, kind: ReportKind::Report, zones: vec![BodyZone::Cheeks], around_eye: false,
                        symptoms: vec![ReportedSymptom { symptom: Symptom::Swelling, severity: Some(severity) }],
                        overall_severity: severity, pus: None, temperature_c: None, notes: None, photos: vec![], session_id: None,
                        trend: SymptomTrend::ALL.get(usize::from(severity) % 4).copied(),
                    }, now);
                }
                Op::Resolve => {
                    if let Some(r) = store.symptom_reports().unwrap().into_iter().find(|r| r.resolved_at.is_none()) {
                        let _ = store.resolve_report(r.id, now, now);
                    }
                }
                Op::Acknowledge => {
                    if let Some(a) = store.open_alerts().unwrap().first() {
                        let _ = store.acknowledge_alert(a.id, now);
                    }
                }
                Op::Retire(d) => {
                    let _ = store.retire_device(devices[d], "worn", now);
                }
                Op::Tick(hours) => now += TimeDelta::hours(hours),
            }
        }
        store.refresh_alerts(now).unwrap();
        let first = store.export_backup(None, now).unwrap();
        let restored = Store::open_in_memory().unwrap();
        let imported = restored.import_backup(first.as_bytes(), now).unwrap();
        prop_assert!(imported.alerts.is_empty());
        prop_assert_eq!(&restored.export_backup(None, now).unwrap(), &first);
        let again = store.import_backup(first.as_bytes(), now).unwrap().value;
        prop_assert_eq!(again.sessions.added + again.sessions.updated, 0);
        prop_assert_eq!(&store.export_backup(None, now).unwrap(), &first);
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

#[test]
fn every_exported_document_matches_the_published_schema() {
    let schema = published_schema();
    let (store, now) = story();
    let period = Period::new(
        NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        NaiveDate::from_ymd_opt(2026, 4, 25).unwrap(),
    )
    .unwrap();
    for text in [
        store.export_backup(None, now).unwrap(),
        store.export_backup(Some(period), now).unwrap(),
        Store::open_in_memory()
            .unwrap()
            .export_backup(None, now)
            .unwrap(),
    ] {
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = schema
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn the_schema_refuses_what_the_format_does_not_have() {
    let schema = published_schema();
    let (store, now) = story();
    let mut doc: serde_json::Value =
        serde_json::from_str(&store.export_backup(None, now).unwrap()).unwrap();
    doc["sessions"][0]["versions"][0]["mood"] = "fine".into();
    assert!(!schema.is_valid(&doc));
    doc["sessions"][0]["versions"][0]
        .as_object_mut()
        .unwrap()
        .remove("mood");
    assert!(schema.is_valid(&doc));
    doc["version"] = 2.into();
    assert!(!schema.is_valid(&doc));
}
