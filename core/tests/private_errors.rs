//! Errors are safe to log: whatever the user typed (notes, names, product
//! names, reasons, photo file names) never appears in an error's message or
//! debug form, even when that very text is what was refused.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use chrono::{DateTime, TimeDelta};
use rollsafe_core::{
    BodyZone, CarePlan, CleaningMethod, DeviceKind, Error, Moment, NewCleaning, NewDevice,
    NewSession, NewSymptomReport, PhotoRef, PreChecks, Product, ProductCategory, ProductTiming,
    ReportKind, SessionPlan, Store,
};

/// Text that stands for the user's private words: it must never be echoed.
const PRIVATE: &str = "PRIVATE Ωmega заметка";

fn now() -> Moment {
    DateTime::parse_from_rfc3339("2026-03-01T20:00:00+01:00").unwrap()
}

fn assert_private(what: &str, error: Error) {
    for text in [error.to_string(), format!("{error:?}")] {
        assert!(
            !text.contains("PRIVATE"),
            "{what}: the error repeats the user's text: {text}"
        );
        assert!(
            !text.contains("заметка"),
            "{what}: the error repeats the user's text: {text}"
        );
    }
}

fn session(device: rollsafe_core::DeviceId, notes: &str) -> NewSession {
    NewSession {
        plan: SessionPlan {
            device_id: device,
            zones: vec![BodyZone::Cheeks],
            needle_length_mm: None,
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
        },
        at: now(),
        passes: None,
        pain: None,
        notes: Some(notes.to_owned()),
    }
}

#[test]
fn no_error_repeats_what_the_user_typed() {
    let store = Store::open_in_memory().unwrap();
    let device = store
        .add_device(NewDevice::simple(DeviceKind::Roller, 0.5, "Roller"), now())
        .unwrap()
        .value
        .id;
    let bell = format!("{PRIVATE}\u{7}");
    let long = PRIVATE.repeat(1_000);

    let nickname = NewDevice::simple(DeviceKind::Roller, 0.5, &bell);
    assert_private("nickname", store.add_device(nickname, now()).unwrap_err());
    let brand = NewDevice {
        brand: Some(long.clone()),
        ..NewDevice::simple(DeviceKind::Roller, 0.5, "Roller")
    };
    assert_private("brand", store.add_device(brand, now()).unwrap_err());
    assert_private(
        "retire reason",
        store.retire_device(device, &bell, now()).unwrap_err(),
    );

    let mut bad_pain = session(device, PRIVATE);
    bad_pain.pain = Some(11);
    assert_private(
        "pain with a note",
        store.record_session(bad_pain, &[], now()).unwrap_err(),
    );
    assert_private(
        "note",
        store
            .record_session(session(device, &format!("{PRIVATE}\u{0}")), &[], now())
            .unwrap_err(),
    );
    assert_private(
        "long note",
        store
            .record_session(session(device, &long.repeat(3)), &[], now())
            .unwrap_err(),
    );
    let mut product = session(device, PRIVATE);
    product.plan.products = vec![Product {
        name: bell.clone(),
        timing: ProductTiming::After,
        categories: vec![ProductCategory::Retinoid],
    }];
    assert_private(
        "product",
        store.record_session(product, &[], now()).unwrap_err(),
    );
    // Blocked (never cleaned): the findings are the rules' words, not the note.
    assert_private(
        "blocked",
        store
            .record_session(session(device, PRIVATE), &[], now())
            .unwrap_err(),
    );

    let report = NewSymptomReport {
        at: now(),
        kind: ReportKind::Report,
        zones: vec![BodyZone::Cheeks],
        around_eye: false,
        symptoms: vec![],
        overall_severity: 11,
        pus: None,
        temperature_c: None,
        trend: None,
        notes: Some(PRIVATE.into()),
        photos: vec![PhotoRef {
            file: bell.clone(),
            sha256: "0".repeat(64),
        }],
        session_id: None,
    };
    assert_private(
        "report",
        store.record_symptom_report(report, now()).unwrap_err(),
    );

    let plan = CarePlan {
        set_by: bell.clone(),
        set_at: now(),
        rest: vec![],
        max_needle: vec![],
        allowed_zones: vec![],
        avoid_products: vec![],
        cleared_conditions: vec![],
    };
    assert_private("care plan", store.set_care_plan(plan, now()).unwrap_err());

    let cleaning = NewCleaning {
        device_id: device,
        at: now() + TimeDelta::days(30),
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    };
    assert_private(
        "future cleaning",
        store.record_cleaning(cleaning, now()).unwrap_err(),
    );
}

#[test]
fn a_refused_backup_does_not_repeat_its_contents() {
    let store = Store::open_in_memory().unwrap();
    let template = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/exports/input.backup.json"
    ))
    .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&template).unwrap();
    let variants: Vec<(&str, serde_json::Value)> = vec![
        ("pain", PRIVATE.into()),
        ("notes", serde_json::Value::from(format!("{PRIVATE}\u{1}"))),
        ("needle_length_mm", PRIVATE.into()),
        ("device_id", PRIVATE.into()),
        ("zones", serde_json::json!([PRIVATE])),
    ];
    for (field, value) in variants {
        doc["sessions"][0]["versions"][0][field] = value;
        let bytes = serde_json::to_vec(&doc).unwrap();
        assert_private(field, store.import_backup(&bytes, now()).unwrap_err());
        doc = serde_json::from_str(&template).unwrap();
    }
    doc["devices"][0]["nickname"] = format!(" {PRIVATE} ").into();
    let bytes = serde_json::to_vec(&doc).unwrap();
    assert_private("nickname", store.import_backup(&bytes, now()).unwrap_err());
}

/// Fails unless neither the message nor the debug form of `error` holds any
/// of `given`: the values a refused input carried (measurements, scores,
/// counts, lengths), written with digits no allowed range contains.
fn assert_hides(what: &str, error: Error, given: &[&str]) {
    for text in [error.to_string(), format!("{error:?}")] {
        for value in given {
            assert!(
                !text.contains(value),
                "{what}: the error repeats the value {value}: {text}"
            );
        }
    }
}

fn plan(device: rollsafe_core::DeviceId) -> SessionPlan {
    SessionPlan {
        device_id: device,
        zones: vec![BodyZone::Cheeks],
        needle_length_mm: None,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}

fn symptom_report() -> NewSymptomReport {
    NewSymptomReport {
        at: now(),
        kind: ReportKind::Report,
        zones: vec![BodyZone::Cheeks],
        around_eye: false,
        symptoms: vec![],
        overall_severity: 2,
        pus: None,
        temperature_c: None,
        trend: None,
        notes: None,
        photos: vec![],
        session_id: None,
    }
}

#[test]
fn no_error_repeats_a_value_the_user_gave() {
    use rollsafe_core::{QuietHours, ReportedSymptom, Symptom};
    let store = Store::open_in_memory().unwrap();
    // The device's own length is the user's too: 0.625 must not be echoed
    // when a session's length falls outside it.
    let device = store
        .add_device(
            NewDevice::simple(DeviceKind::Roller, 0.625, "Roller"),
            now(),
        )
        .unwrap()
        .value
        .id;
    let roller = |mm: f64| NewDevice::simple(DeviceKind::Roller, mm, "Roller");

    assert_hides(
        "needle length",
        store.add_device(roller(3.456), now()).unwrap_err(),
        &["3.456"],
    );
    let pen = NewDevice {
        needle_length_max_mm: Some(3.789),
        ..NewDevice::simple(DeviceKind::Pen, 0.25, "Pen")
    };
    assert_hides(
        "longest needle",
        store.add_device(pen, now()).unwrap_err(),
        &["3.789"],
    );
    let count = NewDevice {
        needle_count: Some(98_765),
        ..roller(0.5)
    };
    assert_hides(
        "needle count",
        store.add_device(count, now()).unwrap_err(),
        &["98765"],
    );
    let long_name = NewDevice::simple(DeviceKind::Roller, 0.5, &"n".repeat(123));
    assert_hides(
        "nickname length",
        store.add_device(long_name, now()).unwrap_err(),
        &["123"],
    );
    assert_hides(
        "replacement uses",
        store
            .set_replacement_limits(device, Some(98_765), None, now())
            .unwrap_err(),
        &["98765"],
    );
    assert_hides(
        "replacement days",
        store
            .set_replacement_limits(device, None, Some(87_654), now())
            .unwrap_err(),
        &["87654"],
    );

    let session =
        |plan: SessionPlan, passes: Option<u32>, pain: Option<u8>, notes: Option<String>| {
            NewSession {
                plan,
                at: now(),
                passes,
                pain,
                notes,
            }
        };
    let mut length = plan(device);
    length.needle_length_mm = Some(1.234);
    assert_hides(
        "session needle length",
        store
            .record_session(session(length.clone(), None, None, None), &[], now())
            .unwrap_err(),
        &["1.234", "0.625"],
    );
    assert_hides(
        "session check",
        store.check_session(&length, now()).unwrap_err(),
        &["1.234", "0.625"],
    );
    assert_hides(
        "passes",
        store
            .record_session(session(plan(device), Some(98_765), None, None), &[], now())
            .unwrap_err(),
        &["98765"],
    );
    assert_hides(
        "pain",
        store
            .record_session(session(plan(device), None, Some(234), None), &[], now())
            .unwrap_err(),
        &["234"],
    );
    assert_hides(
        "note length",
        store
            .record_session(
                session(plan(device), None, None, Some("n".repeat(4_321))),
                &[],
                now(),
            )
            .unwrap_err(),
        &["4321"],
    );
    let mut products = plan(device);
    products.products = (0..37)
        .map(|i| Product {
            name: format!("Serum {i}"),
            timing: ProductTiming::After,
            categories: vec![],
        })
        .collect();
    assert_hides(
        "product count",
        store
            .record_session(session(products, None, None, None), &[], now())
            .unwrap_err(),
        &["37"],
    );

    let fever = NewSymptomReport {
        temperature_c: Some(46.123),
        ..symptom_report()
    };
    assert_hides(
        "temperature",
        store.record_symptom_report(fever, now()).unwrap_err(),
        &["46.123"],
    );
    let cold = NewSymptomReport {
        temperature_c: Some(21.987),
        ..symptom_report()
    };
    assert_hides(
        "low temperature",
        store.record_symptom_report(cold, now()).unwrap_err(),
        &["21.987"],
    );
    let overall = NewSymptomReport {
        overall_severity: 234,
        ..symptom_report()
    };
    assert_hides(
        "overall severity",
        store.record_symptom_report(overall, now()).unwrap_err(),
        &["234"],
    );
    let severity = NewSymptomReport {
        symptoms: vec![ReportedSymptom {
            symptom: Symptom::Redness,
            severity: Some(234),
        }],
        ..symptom_report()
    };
    assert_hides(
        "symptom severity",
        store.record_symptom_report(severity, now()).unwrap_err(),
        &["234"],
    );
    let photos = NewSymptomReport {
        photos: (0..37)
            .map(|i| PhotoRef {
                file: format!("photo-{i}.jpg"),
                sha256: "0".repeat(64),
            })
            .collect(),
        ..symptom_report()
    };
    assert_hides(
        "photo count",
        store.record_symptom_report(photos, now()).unwrap_err(),
        &["37"],
    );
    let report_note = NewSymptomReport {
        notes: Some("n".repeat(4_321)),
        ..symptom_report()
    };
    assert_hides(
        "report note length",
        store.record_symptom_report(report_note, now()).unwrap_err(),
        &["4321"],
    );

    let cleaning = NewCleaning {
        device_id: device,
        at: now(),
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(98_765),
    };
    assert_hides(
        "soak minutes",
        store.record_cleaning(cleaning, now()).unwrap_err(),
        &["98765"],
    );
    assert_hides(
        "soak timer",
        store
            .start_soak_timer(device, now(), 98_765, now())
            .unwrap_err(),
        &["98765"],
    );
    assert_hides(
        "quiet hours",
        store
            .set_quiet_hours(Some(QuietHours {
                start_minute: 9_876,
                end_minute: 60,
            }))
            .unwrap_err(),
        &["9876"],
    );

    let care_plan = CarePlan {
        set_by: "Dr Osei".into(),
        set_at: now(),
        rest: vec![rollsafe_core::CarePlanRest {
            region: rollsafe_core::BodyRegion::Face,
            min_rest_days: 98_765,
        }],
        max_needle: vec![],
        allowed_zones: vec![],
        avoid_products: vec![],
        cleared_conditions: vec![],
    };
    assert_hides(
        "rest days",
        store.set_care_plan(care_plan.clone(), now()).unwrap_err(),
        &["98765"],
    );
    let longest = CarePlan {
        rest: vec![],
        max_needle: vec![rollsafe_core::RegionNeedleLimit {
            region: rollsafe_core::BodyRegion::Face,
            max_needle_length_mm: 7.891,
        }],
        ..care_plan
    };
    assert_hides(
        "care plan needle",
        store.set_care_plan(longest, now()).unwrap_err(),
        &["7.891"],
    );

    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_hides(
        "period",
        rollsafe_core::export::Period::new(day(2026, 1, 1), day(2345, 6, 7)).unwrap_err(),
        &["2345"],
    );
}

#[test]
fn a_refused_backup_does_not_repeat_its_values() {
    use serde_json::{Value, json};
    let store = Store::open_in_memory().unwrap();
    // After the template was exported, so only the bad value is refused.
    let later = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let template: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/exports/input.backup.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let device = template["devices"][0]["id"].clone();
    let timer = json!({ "device_id": device, "started_at": "2026-11-22T09:00:00.000+01:00", "minutes": 98_765 });
    // (where, what is put there, the digits that must not come back)
    let variants: Vec<(&str, Value, &str)> = vec![
        ("/symptom_reports/0/temperature_c", json!(46.123), "46.123"),
        ("/symptom_reports/0/overall_severity", json!(234), "234"),
        ("/symptom_reports/0/symptoms/0/severity", json!(234), "234"),
        ("/symptom_reports/0/notes", json!("n".repeat(4_321)), "4321"),
        ("/sessions/0/versions/0/pain", json!(234), "234"),
        // Too large for a score's type: refused while reading the document.
        ("/sessions/0/versions/0/pain", json!(98_765), "98765"),
        ("/sessions/0/versions/0/passes", json!(98_765), "98765"),
        (
            "/sessions/0/versions/0/needle_length_mm",
            json!(3.456),
            "3.456",
        ),
        (
            "/sessions/0/versions/0/needle_length_mm",
            json!(1.234),
            "1.234",
        ),
        ("/cleanings/0/soak_minutes", json!(98_765), "98765"),
        ("/care_plans/0/rest_days/0/days", json!(98_765), "98765"),
        ("/care_plans/0/max_needle_length_mm", json!(7.891), "7.891"),
        ("/devices/0/needle_length_mm", json!(3.456), "3.456"),
        ("/devices/0/needle_count", json!(98_765), "98765"),
        ("/devices/0/replace_after_uses", json!(98_765), "98765"),
        ("/devices/0/nickname", json!("n".repeat(123)), "123"),
        ("/settings/quiet_hours/start_minute", json!(9_876), "9876"),
        ("/soak_timers", json!([timer]), "98765"),
    ];
    for (pointer, value, digits) in variants {
        let mut doc = template.clone();
        *doc.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} is in the template")) = value;
        let bytes = serde_json::to_vec(&doc).unwrap();
        let error = store.import_backup(&bytes, later).unwrap_err();
        let record = pointer.split('/').nth(1).unwrap();
        assert!(
            matches!(&error, Error::BadDocument { path, .. } if path.starts_with(&format!("$.{record}"))),
            "{pointer}: refused for the value, not something else: {error}"
        );
        assert_hides(pointer, error, &[digits]);
    }

    // Even the size of a document too large to read is not repeated.
    let huge = vec![b' '; rollsafe_core::export::backup::MAX_BACKUP_BYTES + 12_345];
    let size = huge.len().to_string();
    assert_hides(
        "size",
        store.import_backup(&huge, later).unwrap_err(),
        &[&size],
    );
}
