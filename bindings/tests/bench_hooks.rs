//! The benchmark hooks (feature `bench-hooks`) do the work of the public call
//! they stand for: a recording through the hook is in the log, a refusal is
//! the same refusal, and the timings they return are plausible.
//! `cargo test -p rollsafe-ffi --features bench-hooks`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]
#![cfg(feature = "bench-hooks")]

use std::time::{Duration, UNIX_EPOCH};

use rollsafe_ffi::*;

/// The codes the benchmarks acknowledge, so every recording writes
/// (core/benches/support/session.rs).
fn acknowledged() -> Vec<String> {
    [
        "interval_not_elapsed",
        "device_not_cleaned",
        "device_due_for_replacement",
    ]
    .map(String::from)
    .to_vec()
}

fn at(day: u64) -> Moment {
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_772_323_200 + day * 86_400),
        utc_offset_seconds: 3600,
    }
}

fn session(device_id: &str, day: u64) -> NewSession {
    NewSession {
        plan: SessionPlan {
            device_id: device_id.to_owned(),
            zones: vec![BodyZone::Thighs],
            needle_length_mm: None,
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
        },
        at: at(day),
        passes: None,
        pain: None,
        notes: None,
    }
}

fn roller(store: &RollSafeStore) -> String {
    let device = NewDevice {
        kind: DeviceKind::Roller,
        needle_length_mm: 0.25,
        needle_length_max_mm: None,
        needle_count: None,
        material: NeedleMaterial::Titanium,
        nickname: "Roller".to_owned(),
        brand: None,
        first_use_date: None,
        shared: false,
    };
    store.add_device(device, at(0)).unwrap().device.id
}

#[test]
fn a_session_recorded_through_the_hook_is_in_the_log() {
    let store = RollSafeStore::open_in_memory().unwrap();
    let device = roller(&store);
    store
        .record_session(session(&device, 1), acknowledged(), at(1))
        .unwrap();
    let timing = store
        .bench_record_session(session(&device, 2), acknowledged(), at(2))
        .unwrap();
    assert!(timing.core_nanos > 0, "{timing:?}");
    assert!(timing.export_nanos >= timing.core_nanos, "{timing:?}");
    let sessions = store.sessions().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0].at, at(2));
}

#[test]
fn the_hook_refuses_what_the_public_call_refuses() {
    let store = RollSafeStore::open_in_memory().unwrap();
    let device = roller(&store);
    // A new device never cleaned: blocked, and nothing acknowledged.
    let public = store.record_session(session(&device, 1), vec![], at(1));
    let hook = store.bench_record_session(session(&device, 1), vec![], at(1));
    assert!(
        matches!(public, Err(RollSafeError::SessionBlocked { .. })),
        "{public:?}"
    );
    assert!(
        matches!(hook, Err(RollSafeError::SessionBlocked { .. })),
        "{hook:?}"
    );
    assert!(store.sessions().unwrap().is_empty());
}

#[test]
fn the_today_hook_times_the_home_screen() {
    let store = RollSafeStore::open_in_memory().unwrap();
    let device = roller(&store);
    store
        .record_session(session(&device, 1), acknowledged(), at(1))
        .unwrap();
    assert!(store.today(at(2)).is_ok());
    let timing = store.bench_today(at(2)).unwrap();
    assert!(timing.core_nanos > 0, "{timing:?}");
    assert!(timing.export_nanos >= timing.core_nanos, "{timing:?}");
    let invalid = Moment {
        instant: UNIX_EPOCH - Duration::from_secs(1),
        utc_offset_seconds: 0,
    };
    assert!(matches!(
        store.bench_today(invalid),
        Err(RollSafeError::InvalidInput { .. })
    ));
}
