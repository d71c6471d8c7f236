//! What the integration tests share: moments written as text, adding a
//! device, the plain session a test records (every pre-session check passed, nothing added),
//! and the soak that counts as an adequate cleaning. Each test crate uses
//! only some of them.
#![allow(dead_code)]

use chrono::DateTime;
use rollsafe_core::{
    BodyZone, CleaningMethod, DeviceId, DeviceKind, Moment, NewCleaning, NewDevice, NewSession,
    PreChecks, SessionPlan, Store,
};

/// The moment an RFC 3339 text names, offset kept.
pub fn at(text: &str) -> Moment {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Adds a fixed-length device of `kind` to `store` at `now`; its id.
pub fn add_device(
    store: &Store,
    kind: DeviceKind,
    needle_mm: f64,
    nickname: &str,
    now: Moment,
) -> DeviceId {
    store
        .add_device(NewDevice::simple(kind, needle_mm, nickname), now)
        .unwrap()
        .value
        .id
}

/// A plan for `zones` with the device's own needle, no products, and every
/// pre-session check passed.
pub fn plan(device_id: DeviceId, zones: &[BodyZone]) -> SessionPlan {
    SessionPlan {
        device_id,
        zones: zones.to_vec(),
        needle_length_mm: None,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}

/// The session of [`plan`] at `when`, with no passes, pain or notes.
pub fn session(device_id: DeviceId, zones: &[BodyZone], when: Moment) -> NewSession {
    NewSession {
        plan: plan(device_id, zones),
        at: when,
        passes: None,
        pain: None,
        notes: None,
    }
}

/// A 20-minute soak in isopropyl alcohol at `when`: adequate for the next use.
pub fn soak(device_id: DeviceId, when: Moment) -> NewCleaning {
    NewCleaning {
        device_id,
        at: when,
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    }
}
