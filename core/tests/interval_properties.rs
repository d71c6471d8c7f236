//! Properties of the rest-interval arithmetic, over arbitrary instants, UTC
//! offsets (travel, DST) and needle lengths: it never panics, it is monotonic
//! in time, and it counts local calendar days in each event's own offset.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use chrono::{DateTime, Days, FixedOffset, TimeZone};
use proptest::prelude::*;
use rollsafe_core::check::{CheckContext, CleaningState, RegionLastSession, check_session};
use rollsafe_core::device::{Device, DeviceKind, DeviceStatus, NeedleMaterial};
use rollsafe_core::session::ValidPlan;
use rollsafe_core::wear::DeviceWear;
use rollsafe_core::{BodyRegion, BodyZone, DeviceId, Moment, PreChecks, SessionVerdict};

fn device(needle_length_mm: f64) -> Device {
    Device {
        id: DeviceId::random(),
        kind: DeviceKind::Roller,
        needle_length_mm,
        needle_length_max_mm: None,
        needle_count: None,
        material: NeedleMaterial::Titanium,
        nickname: "Roller".into(),
        brand: None,
        first_use_date: None,
        shared: false,
        damaged: false,
        status: DeviceStatus::Active,
        replace_after_uses: Some(365),
        replace_after_days: Some(365),
        added_at: DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap(),
    }
}

fn verdict(needle: f64, last: Option<Moment>, last_needle: f64, now: Moment) -> SessionVerdict {
    let device = device(needle);
    let plan = ValidPlan {
        zones: vec![BodyZone::Cheeks],
        needle_length_mm: needle,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    };
    let history: Vec<RegionLastSession> = last
        .map(|at| RegionLastSession {
            region: BodyRegion::Face,
            at,
            needle_length_mm: last_needle,
        })
        .into_iter()
        .collect();
    check_session(&CheckContext {
        device: &device,
        plan: &plan,
        now,
        profile: None,
        care_plan: None,
        wear: &DeviceWear::default(),
        cleaning: CleaningState::CleanForNextUse,
        region_history: &history,
        later_sessions: &[],
        open_prompts: &[],
    })
}

/// The verdict for a session at `now` when the only other session on the
/// region comes later, at `later`.
fn verdict_before(needle: f64, later: Moment, later_needle: f64, now: Moment) -> SessionVerdict {
    let device = device(needle);
    let plan = ValidPlan {
        zones: vec![BodyZone::Cheeks],
        needle_length_mm: needle,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    };
    let later = [RegionLastSession {
        region: BodyRegion::Face,
        at: later,
        needle_length_mm: later_needle,
    }];
    check_session(&CheckContext {
        device: &device,
        plan: &plan,
        now,
        profile: None,
        care_plan: None,
        wear: &DeviceWear::default(),
        cleaning: CleaningState::CleanForNextUse,
        region_history: &[],
        later_sessions: &later,
        open_prompts: &[],
    })
}

/// Instants between 2000 and 2100, in milliseconds.
fn instant() -> impl Strategy<Value = i64> {
    946_684_800_000_i64..4_102_444_800_000_i64
}

/// Offsets of real time zones: ±14 hours in quarter hours.
fn offset() -> impl Strategy<Value = FixedOffset> {
    (-56_i32..=56).prop_map(|quarters| FixedOffset::east_opt(quarters * 900).unwrap())
}

fn at(ms: i64, offset: FixedOffset) -> Moment {
    offset.timestamp_millis_opt(ms).unwrap()
}

fn needle() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.25),
        Just(0.3),
        Just(0.5),
        Just(1.0),
        Just(1.5),
        Just(2.0),
        0.1_f64..3.0
    ]
}

proptest! {
    #[test]
    fn the_rest_rule_looks_both_ways(
        first_ms in instant(), first_offset in offset(),
        second_ms in instant(), second_offset in offset(),
        first_needle in needle(), second_needle in needle(),
    ) {
        // Two sessions on one region, whichever is entered first: checking
        // the later against the earlier blocks exactly when checking the
        // earlier against the later does.
        let (a, b) = (at(first_ms, first_offset), at(second_ms, second_offset));
        let (early, early_needle, late, late_needle) = if a <= b {
            (a, first_needle, b, second_needle)
        } else {
            (b, second_needle, a, first_needle)
        };
        prop_assume!(early < late);
        let forwards = verdict(late_needle, Some(early), early_needle, late);
        let backwards = verdict_before(early_needle, late, late_needle, early);
        prop_assert_eq!(forwards.allowed, backwards.allowed);
    }

    #[test]
    fn never_panics_and_the_verdict_matches_the_blockers(
        last_ms in instant(), last_offset in offset(),
        now_ms in instant(), now_offset in offset(),
        planned in needle(), previous in needle(),
    ) {
        let v = verdict(planned, Some(at(last_ms, last_offset)), previous, at(now_ms, now_offset));
        prop_assert_eq!(v.allowed, v.blockers().next().is_none());
        prop_assert_eq!(v.rest.len(), 1);
    }

    #[test]
    fn once_allowed_later_moments_stay_allowed(
        last_ms in instant(), last_offset in offset(),
        now_ms in instant(), later_by_ms in 0_i64..(400 * 86_400_000),
        offset_now in offset(),
        planned in needle(),
    ) {
        let last = Some(at(last_ms, last_offset));
        let now = at(now_ms, offset_now);
        let later = at(now_ms.saturating_add(later_by_ms), offset_now);
        if verdict(planned, last, planned, now).allowed {
            prop_assert!(verdict(planned, last, planned, later).allowed);
        }
    }

    #[test]
    fn allowed_exactly_from_the_local_date_rest_days_later(
        last_ms in instant(), last_offset in offset(), now_offset in offset(), planned in needle(),
    ) {
        let last = at(last_ms, last_offset);
        let rest = verdict(planned, Some(last), planned, last).rest[0].min_rest_days;
        let opening = last.date_naive().checked_add_days(Days::new(rest.into())).unwrap();
        // The first instant of the opening date on the user's clock wherever they are now...
        let first = now_offset.from_local_datetime(&opening.and_hms_opt(0, 0, 0).unwrap()).unwrap();
        // ...and the last instant of the day before.
        let eve = first - chrono::TimeDelta::milliseconds(1);
        prop_assert!(verdict(planned, Some(last), planned, first).allowed);
        let blocked = verdict(planned, Some(last), planned, eve);
        prop_assert!(!blocked.allowed);
        prop_assert_eq!(blocked.next_allowed_date, Some(opening));
    }

    #[test]
    fn a_deeper_previous_session_never_shortens_the_rest(
        last_ms in instant(), now_ms in instant(), offset in offset(),
        planned in needle(), previous in needle(),
    ) {
        let last = Some(at(last_ms, offset));
        let now = at(now_ms, offset);
        let with_previous = verdict(planned, last, previous, now).rest[0].min_rest_days;
        let alone = verdict(planned, last, planned, now).rest[0].min_rest_days;
        prop_assert!(with_previous >= alone);
    }
}
