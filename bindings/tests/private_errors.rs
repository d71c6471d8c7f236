//! The errors apps receive through the bindings are safe to log: neither
//! their message nor their debug form repeats a health value the user gave
//! (a temperature, a stop date of a medicine), whether it came through a
//! call or inside an imported backup.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::time::{Duration, UNIX_EPOCH};

use rollsafe_ffi::*;

fn now() -> Moment {
    // 2026-11-23T10:00:00+01:00, after the fixture backup was exported.
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_795_424_400),
        utc_offset_seconds: 3600,
    }
}

fn assert_hides(what: &str, error: RollSafeError, given: &str) {
    for text in [error.to_string(), format!("{error:?}")] {
        assert!(
            !text.contains(given),
            "{what}: the error repeats {given}: {text}"
        );
    }
}

#[test]
fn binding_errors_do_not_repeat_health_values() {
    let store = RollSafeStore::open_in_memory().unwrap();
    let fever = NewSymptomReport {
        at: now(),
        kind: ReportKind::Report,
        zones: vec![BodyZone::Cheeks],
        around_eye: false,
        symptoms: vec![],
        overall_severity: 2,
        pus: None,
        temperature_c: Some(46.123),
        trend: None,
        notes: None,
        photos: vec![],
        session_id: None,
    };
    let error = store.record_symptom_report(fever, now()).unwrap_err();
    assert!(
        matches!(&error, RollSafeError::InvalidInput { field, .. } if field == "temperature_c"),
        "{error:?}"
    );
    assert_hides("temperature", error, "46.123");

    // The day isotretinoin was stopped is health data; 30 February is no day.
    let stopped = ProfileUpdate {
        skin_type: None,
        answers: vec![ConditionAnswer {
            condition: Condition::Isotretinoin,
            present: true,
            stopped_on: Some(CalendarDate {
                year: 2026,
                month: 2,
                day: 30,
            }),
            confirmed_at: now(),
        }],
        identity: None,
    };
    let error = store.save_profile(stopped, now()).unwrap_err();
    assert!(
        matches!(&error, RollSafeError::InvalidInput { .. }),
        "{error:?}"
    );
    assert_hides("stop date", error, "2026-02-30");

    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/exports/input.backup.json")).unwrap();
    doc["symptom_reports"][0]["temperature_c"] = serde_json::json!(46.123);
    let error = store
        .import_backup(serde_json::to_vec(&doc).unwrap(), now())
        .unwrap_err();
    assert!(
        matches!(&error, RollSafeError::ImportRejected { path, .. } if path.ends_with("temperature_c")),
        "{error:?}"
    );
    assert_hides("imported temperature", error, "46.123");
}
