//! Shells reconcile notifications by id: the same log gives the same ids, a
//! reminder that is done vanishes, and the others keep their ids.

use chrono::{DateTime, TimeDelta};
use rollsafe_core::{
    BodyZone, CleaningMethod, DeviceKind, Moment, NewCleaning, NewDevice, NewSession, PreChecks,
    ReminderKind, SessionPlan, Store,
};

fn at(text: &str) -> Moment {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn the_same_log_gives_the_same_ids_and_done_reminders_vanish() {
    let store = Store::open_in_memory().unwrap();
    let start = at("2026-03-01T20:00:00+01:00");
    let device = store
        .add_device(NewDevice::simple(DeviceKind::Roller, 0.25, "Roller"), start)
        .unwrap()
        .value
        .id;
    let soak = |when: Moment| NewCleaning {
        device_id: device,
        at: when,
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    };
    store.record_cleaning(soak(start), start).unwrap();
    let session = NewSession {
        plan: SessionPlan {
            device_id: device,
            zones: vec![BodyZone::Cheeks],
            needle_length_mm: None,
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
        },
        at: start + TimeDelta::hours(1),
        passes: None,
        pain: None,
        notes: None,
    };
    store
        .record_session(session, &[], start + TimeDelta::hours(1))
        .unwrap();
    let now = start + TimeDelta::minutes(70);
    let first = store.reminders(now).unwrap();
    let again = store.reminders(now).unwrap();
    assert_eq!(first, again, "same log, same reminders, same ids");
    let ids: Vec<_> = first.iter().map(|r| r.id.clone()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    assert!(
        first
            .iter()
            .any(|r| r.kind == ReminderKind::CleanAfterSession)
    );

    store.record_cleaning(soak(now), now).unwrap();
    let after = store.reminders(now + TimeDelta::minutes(1)).unwrap();
    assert!(
        after
            .iter()
            .all(|r| r.kind != ReminderKind::CleanAfterSession),
        "done: it vanished"
    );
    for r in &after {
        assert!(ids.contains(&r.id), "{} kept its id", r.id);
    }
}
