//! The session every harness records, the same from Rust, Kotlin and Swift
//! (tests/bench/kotlin, tests/bench/swift): one a day on a roller, thighs,
//! every blocker acknowledged so every call writes.

use chrono::TimeDelta;
use rollsafe_core::{
    BodyZone, DeviceId, DeviceKind, NewDevice, NewSession, PreChecks, SessionPlan, Store,
};

/// The codes acknowledged with every recorded session.
pub const ACKNOWLEDGED: [&str; 3] = [
    "interval_not_elapsed",
    "device_not_cleaned",
    "device_due_for_replacement",
];

/// Adds the benchmarks' device (a 0.25 mm roller) to `store`.
pub fn add_roller(store: &Store) -> DeviceId {
    store
        .add_device(
            NewDevice::simple(DeviceKind::Roller, 0.25, "Roller"),
            super::start(),
        )
        .unwrap()
        .value
        .id
}

/// The plan the record and check benchmarks use: thighs with `device`.
pub fn plan(device: DeviceId) -> SessionPlan {
    SessionPlan {
        device_id: device,
        zones: vec![BodyZone::Thighs],
        needle_length_mm: None,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}

/// Records the session of day `day` after the fixtures' start, as the
/// harnesses do: one a day, so the 30-day window the re-assessment reads
/// stays realistic however many iterations run.
pub fn record_day(store: &Store, device: DeviceId, day: i64) {
    let now = super::start() + TimeDelta::days(day);
    let session = NewSession {
        plan: plan(device),
        at: now,
        passes: None,
        pain: None,
        notes: None,
    };
    let ack = ACKNOWLEDGED.map(String::from);
    std::hint::black_box(store.record_session(session, &ack, now).unwrap());
}
