//! Errors are safe to log: whatever the user typed (notes, names, product
//! names, reasons, photo file names) never appears in an error's message or
//! debug form, even when that very text is what was refused.

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
