//! The home screen in one call: per device and region, the same verdict a
//! session check would give with the skin checks passing, and the same risk,
//! alerts and reminders as the separate calls.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use chrono::{NaiveDate, TimeDelta};
use rollsafe_core::today::SKIN_CHECKS_NOTE;
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, DeviceId, DeviceKind, Moment, NewDevice, SessionPlan, Store,
};

use support::{add_device, at};

fn soak(store: &Store, device: DeviceId, when: Moment) {
    store
        .record_cleaning(support::soak(device, when), when)
        .unwrap();
}

fn plan(device: DeviceId, zone: BodyZone) -> SessionPlan {
    support::plan(device, &[zone])
}

/// Soaks the device at `start`, uses it on `zone` half an hour later, and
/// soaks it again ten minutes after.
fn clean_use_clean(store: &Store, device: DeviceId, zone: BodyZone, start: Moment) {
    soak(store, device, start);
    let session_at = start + TimeDelta::minutes(30);
    store
        .record_session(
            support::session(device, &[zone], session_at),
            &[],
            session_at,
        )
        .unwrap();
    soak(store, device, session_at + TimeDelta::minutes(10));
}

#[test]
fn each_region_gets_the_verdict_a_check_would_give() {
    let store = Store::open_in_memory().unwrap();
    let start = at("2026-03-01T20:00:00+01:00");
    let roller = add_device(&store, DeviceKind::Roller, 0.5, "Roller", start);
    let scalp = store
        .add_device(
            NewDevice::simple(DeviceKind::ScalpRoller, 0.5, "Scalp"),
            start,
        )
        .unwrap()
        .value
        .id;
    clean_use_clean(&store, roller, BodyZone::Cheeks, start);
    let now = start + TimeDelta::days(2);
    let today = store.today(now).unwrap();

    assert_eq!(today.date, NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
    assert_eq!(today.devices.len(), 2);
    let roller_today = &today.devices[0];
    assert_eq!(roller_today.overview.device.id, roller);
    let regions: Vec<BodyRegion> = roller_today.regions.iter().map(|r| r.region).collect();
    assert_eq!(regions, BodyRegion::ALL.to_vec());
    let face = &roller_today.regions[0].verdict;
    assert!(
        !face.allowed,
        "the face rests after a 0.5 mm session two days ago"
    );
    assert_eq!(
        face,
        &store
            .check_session(&plan(roller, BodyZone::Forehead), now)
            .unwrap(),
        "the same verdict as checking a face session"
    );
    assert!(
        roller_today.regions[2].verdict.allowed,
        "the body was never needled"
    );
    assert!(roller_today.may_use_now());
    assert_eq!(roller_today.next_allowed_date(), None);

    let scalp_today = &today.devices[1];
    assert_eq!(scalp_today.overview.device.id, scalp);
    assert_eq!(
        scalp_today.regions.len(),
        1,
        "a scalp roller is for the scalp"
    );
    assert!(!scalp_today.may_use_now(), "never cleaned before first use");
    assert!(
        scalp_today.regions[0]
            .verdict
            .findings
            .iter()
            .any(|f| f.code == rollsafe_core::FindingCode::DeviceNotCleaned)
    );

    assert_eq!(today.assessment, store.assess(now).unwrap());
    assert_eq!(today.reminders, store.reminders(now).unwrap());
    assert_eq!(today.open_alerts, store.open_alerts().unwrap());
    assert!(SKIN_CHECKS_NOTE.contains("skin"));
}

#[test]
fn a_care_plan_that_keeps_a_region_closed_says_so() {
    let store = Store::open_in_memory().unwrap();
    let now = at("2026-03-01T20:00:00+01:00");
    store
        .set_care_plan(
            CarePlan {
                set_by: "Dr Test".into(),
                set_at: now,
                rest: vec![],
                max_needle: vec![],
                allowed_zones: vec![BodyZone::Cheeks],
                avoid_products: vec![],
                cleared_conditions: vec![],
            },
            now,
        )
        .unwrap();
    let roller = add_device(&store, DeviceKind::Roller, 0.25, "Roller", now);
    soak(&store, roller, now);
    let today = store.today(now + TimeDelta::hours(1)).unwrap();
    let regions = &today.devices[0].regions;
    assert!(regions[0].verdict.allowed, "the cheeks are allowed");
    for closed in &regions[1..] {
        assert!(
            !closed.verdict.allowed,
            "{:?} is outside the care plan",
            closed.region
        );
    }
}

#[test]
fn retired_devices_are_left_out() {
    let store = Store::open_in_memory().unwrap();
    let now = at("2026-03-01T20:00:00+01:00");
    let old = add_device(&store, DeviceKind::Roller, 0.25, "Old", now);
    store.retire_device(old, "worn", now).unwrap();
    assert!(store.today(now).unwrap().devices.is_empty());
}

#[test]
fn an_event_at_the_very_moment_asked_about_counts() {
    // A phone logs a cleaning at its clock's reading and asks again at the
    // same reading: the answer must include the cleaning.
    let store = Store::open_in_memory().unwrap();
    let now = at("2026-03-01T20:00:00+01:00");
    let roller = add_device(&store, DeviceKind::Roller, 0.25, "Roller", now);
    assert!(!store.today(now).unwrap().devices[0].may_use_now());
    soak(&store, roller, now);
    let today = store.today(now).unwrap();
    assert!(today.devices[0].overview.clean_for_next_use());
    assert!(today.devices[0].may_use_now());
    assert!(
        store
            .check_session(&plan(roller, BodyZone::Cheeks), now)
            .unwrap()
            .allowed
    );
}

#[test]
fn no_date_is_promised_while_something_no_date_clears_blocks() {
    let store = Store::open_in_memory().unwrap();
    let start = at("2026-03-01T20:00:00+01:00");
    let scalp = store
        .add_device(
            NewDevice::simple(DeviceKind::ScalpRoller, 0.5, "Scalp"),
            start,
        )
        .unwrap()
        .value
        .id;
    clean_use_clean(&store, scalp, BodyZone::Scalp, start);
    let now = start + TimeDelta::days(1);
    let resting = store.today(now).unwrap();
    assert!(
        resting.devices[0].next_allowed_date().is_some(),
        "waiting alone frees the scalp"
    );
    store.flag_device_damaged(scalp, now).unwrap();
    let damaged = store.today(now).unwrap();
    assert!(!damaged.devices[0].may_use_now());
    assert_eq!(
        damaged.devices[0].next_allowed_date(),
        None,
        "a damaged device needs replacing, not waiting"
    );
}
