//! The foundation slice through the public API of the core: a store on disk,
//! devices, sessions, the interval verdict, and refusal of bad input and of
//! files from a newer version.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use rollsafe_core::{
    BodyZone, DeviceId, DeviceKind, Error, NewDevice, NewSession, SessionPlan, Store, store::schema,
};

use support::at;

fn face_roller() -> NewDevice {
    NewDevice::simple(DeviceKind::Roller, 0.25, "Face roller")
}

/// The zones every session here treats.
const FACE: [BodyZone; 2] = [BodyZone::Cheeks, BodyZone::Forehead];

fn plan(device_id: DeviceId) -> SessionPlan {
    support::plan(device_id, &FACE)
}

fn session(device_id: DeviceId, when: &str) -> NewSession {
    support::session(device_id, &FACE, at(when))
}

fn clean(store: &Store, device_id: DeviceId, when: &str) {
    store
        .record_cleaning(support::soak(device_id, at(when)), at(when))
        .unwrap();
}

#[test]
fn a_log_on_disk_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let now = at("2026-03-01T21:30:00+01:00");
    let (device, recorded) = {
        let store = Store::open(&path).unwrap();
        let device = store.add_device(face_roller(), now).unwrap().value;
        clean(&store, device.id, "2026-03-01T20:30:00+01:00");
        let recorded = store
            .record_session(session(device.id, "2026-03-01T21:00:00+01:00"), &[], now)
            .unwrap()
            .value
            .session;
        (device, recorded)
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.devices().unwrap(), vec![device.clone()]);
    assert_eq!(store.sessions().unwrap(), vec![recorded.clone()]);
    assert_eq!(
        recorded.needle_length_mm, 0.25,
        "defaults to the device's length"
    );
    assert_eq!(recorded.zones, vec![BodyZone::Forehead, BodyZone::Cheeks]);
    assert_eq!(recorded.at.offset().local_minus_utc(), 3600);
}

#[test]
fn the_verdict_blocks_until_the_interval_has_passed() {
    let store = Store::open_in_memory().unwrap();
    let now = at("2026-03-01T20:00:00+01:00");
    let device = store.add_device(face_roller(), now).unwrap().value;
    clean(&store, device.id, "2026-03-01T20:10:00+01:00");
    assert!(
        store
            .check_session(&plan(device.id), at("2026-03-01T20:30:00+01:00"))
            .unwrap()
            .allowed
    );
    store
        .record_session(
            session(device.id, "2026-03-01T21:00:00+01:00"),
            &[],
            at("2026-03-01T21:30:00+01:00"),
        )
        .unwrap();
    clean(&store, device.id, "2026-03-01T21:40:00+01:00");
    let blocked = store
        .check_session(&plan(device.id), at("2026-03-04T09:00:00+01:00"))
        .unwrap();
    assert!(!blocked.allowed);
    assert_eq!(
        blocked.findings[0].code,
        rollsafe_core::FindingCode::IntervalNotElapsed
    );
    assert_eq!(blocked.next_allowed_date.unwrap().to_string(), "2026-03-08");
    let allowed = store
        .check_session(&plan(device.id), at("2026-03-08T00:00:00+01:00"))
        .unwrap();
    assert!(allowed.allowed, "{:?}", allowed.findings);
}

#[test]
fn the_latest_session_counts_even_when_entered_out_of_order() {
    let store = Store::open_in_memory().unwrap();
    let now = at("2026-03-20T12:00:00Z");
    let device = store.add_device(face_roller(), now).unwrap().value;
    clean(&store, device.id, "2026-03-15T11:00:00Z");
    store
        .record_session(session(device.id, "2026-03-15T12:00:00Z"), &[], now)
        .unwrap();
    clean(&store, device.id, "2026-03-01T11:00:00Z");
    store
        .record_session(session(device.id, "2026-03-01T12:00:00Z"), &[], now)
        .unwrap();
    let verdict = store.check_session(&plan(device.id), now).unwrap();
    assert_eq!(
        verdict.rest[0].last_session_date.unwrap().to_string(),
        "2026-03-15"
    );
    let listed: Vec<_> = store.sessions().unwrap().iter().map(|s| s.at).collect();
    assert_eq!(
        listed,
        vec![at("2026-03-15T12:00:00Z"), at("2026-03-01T12:00:00Z")]
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let store = Store::open_in_memory().unwrap();
    let now = at("2026-03-01T21:30:00+01:00");
    let bad = NewDevice {
        needle_length_mm: f64::NAN,
        ..face_roller()
    };
    assert!(matches!(
        store.add_device(bad, now),
        Err(Error::InvalidInput {
            field: "needle_length_mm",
            ..
        })
    ));
    assert!(store.devices().unwrap().is_empty());

    let device = store.add_device(face_roller(), now).unwrap().value;
    let mut no_zones = session(device.id, "2026-03-01T21:00:00+01:00");
    no_zones.plan.zones.clear();
    assert!(matches!(
        store.record_session(no_zones, &[], now),
        Err(Error::InvalidInput { field: "zones", .. })
    ));
    let unknown = session(
        rollsafe_core::DeviceId::random(),
        "2026-03-01T21:00:00+01:00",
    );
    assert!(matches!(
        store.record_session(unknown, &[], now),
        Err(Error::NotFound {
            entity: "device",
            ..
        })
    ));
    let far_future = session(device.id, "2300-01-01T00:00:00Z");
    assert!(matches!(
        store.record_session(far_future, &[], now),
        Err(Error::InvalidInput { field: "at", .. })
    ));
    assert!(store.sessions().unwrap().is_empty());
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (42);")
            .unwrap();
        conn.pragma_update(None, "user_version", schema::CURRENT_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("a newer schema must be refused");
    assert!(
        matches!(err, Error::NewerSchema { found, supported, .. }
            if found == schema::CURRENT_VERSION + 1 && supported == schema::CURRENT_VERSION),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file must be left as it was"
    );
}

#[test]
fn a_new_file_gets_the_current_schema_and_durable_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(
        schema::version_of(&conn, std::path::Path::new("x")).unwrap(),
        schema::CURRENT_VERSION
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
