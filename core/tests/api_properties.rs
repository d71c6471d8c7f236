//! Property test over the public API: any sequence of valid and invalid calls
//! leaves the store consistent. Nothing panics, refused calls change nothing,
//! the counts match what was accepted, and the assessment is deterministic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use chrono::{DateTime, TimeDelta};
use proptest::prelude::*;
use rollsafe_core::{
    BodyZone, CleaningMethod, DeviceId, DeviceKind, Moment, NewCleaning, NewDevice, NewSession,
    NewSymptomReport, PreChecks, ReportKind, ReportedSymptom, SessionId, SessionPlan, Store,
    Symptom,
};

#[derive(Clone, Debug)]
enum Op {
    AddDevice {
        needle: f64,
        shared: bool,
    },
    Clean {
        device: usize,
        minutes: u32,
    },
    Record {
        device: usize,
        zone: usize,
        acknowledge: bool,
    },
    Delete {
        session: usize,
    },
    Report {
        severity: u8,
        fever: bool,
    },
    FlagDamaged {
        device: usize,
    },
    HeadChange {
        device: usize,
    },
    Tick {
        hours: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            prop_oneof![Just(0.25), Just(1.0), Just(-1.0), Just(f64::NAN), Just(5.0)],
            any::<bool>()
        )
            .prop_map(|(needle, shared)| Op::AddDevice { needle, shared }),
        (
            0_usize..4,
            prop_oneof![Just(0_u32), Just(5), Just(20), Just(5_000)]
        )
            .prop_map(|(device, minutes)| Op::Clean { device, minutes }),
        (0_usize..4, 0_usize..16, any::<bool>()).prop_map(|(device, zone, acknowledge)| {
            Op::Record {
                device,
                zone,
                acknowledge,
            }
        }),
        (0_usize..8).prop_map(|session| Op::Delete { session }),
        (0_u8..=12, any::<bool>()).prop_map(|(severity, fever)| Op::Report { severity, fever }),
        (0_usize..4).prop_map(|device| Op::FlagDamaged { device }),
        (0_usize..4).prop_map(|device| Op::HeadChange { device }),
        (1_i64..200).prop_map(|hours| Op::Tick { hours }),
    ]
}

fn start() -> Moment {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_sequence_of_calls_keeps_the_store_consistent(ops in prop::collection::vec(op(), 1..40)) {
        let store = Store::open_in_memory().unwrap();
        let mut now = start();
        let mut devices: Vec<DeviceId> = Vec::new();
        let mut sessions: Vec<SessionId> = Vec::new();
        let mut live_sessions = 0_usize;
        for op in ops {
            now += TimeDelta::minutes(1);
            match op {
                Op::AddDevice { needle, shared } => {
                    let device = NewDevice { shared, ..NewDevice::simple(DeviceKind::Roller, needle, "Roller") };
                    match store.add_device(device, now) {
                        Ok(added) => devices.push(added.value.id),
                        Err(_) => prop_assert!(!(0.1..=3.0).contains(&needle)),
                    }
                }
                Op::Clean { device, minutes } => {
                    if let Some(id) = devices.get(device) {
                        let cleaning = NewCleaning { device_id: *id, at: now, method: CleaningMethod::IsopropylSoak, soak_minutes: Some(minutes) };
                        let accepted = store.record_cleaning(cleaning, now).is_ok();
                        prop_assert_eq!(accepted, (1..=1440).contains(&minutes));
                    }
                }
                Op::Record { device, zone, acknowledge } => {
                    if let Some(id) = devices.get(device) {
                        let zones = BodyZone::ALL.get(zone).map(|z| vec![*z]).unwrap_or_default();
                        let plan = SessionPlan { device_id: *id, zones, needle_length_mm: None, products: vec![], pre_checks: PreChecks::ALL_CLEAR };
                        let blockers: Vec<String> = match store.check_session(&plan, now) {
                            Ok(v) => v.to_acknowledge().map(|f| f.code.code().to_owned()).collect(),
                            Err(_) => vec![],
                        };
                        let ack = if acknowledge { blockers.clone() } else { vec![] };
                        let new = NewSession { plan, at: now, passes: None, pain: None, notes: None };
                        match store.record_session(new, &ack, now) {
                            Ok(recorded) => {
                                prop_assert!(acknowledge || blockers.is_empty());
                                sessions.push(recorded.value.session.id);
                                live_sessions += 1;
                            }
                            Err(_) => prop_assert!(zone >= BodyZone::ALL.len() || (!acknowledge && !blockers.is_empty())),
                        }
                    }
                }
                Op::Delete { session } => {
                    if let Some(id) = sessions.get(session) {
                        if store.delete_session(*id, now).is_ok() {
                            live_sessions -= 1;
                        }
                    }
                }
                Op::Report { severity, fever } => {
                    let report = NewSymptomReport {
                        at: now, kind: ReportKind::Report, zones: vec![BodyZone::Cheeks], around_eye: false,
                        symptoms: if fever { vec![ReportedSymptom { symptom: Symptom::Fever, severity: None }] } else { vec![] },
                        overall_severity: severity, pus: None, temperature_c: None, notes: None, photos: vec![], session_id: None,
                        trend: None,
                    };
                    prop_assert_eq!(store.record_symptom_report(report, now).is_ok(), severity <= 10);
                }
                Op::FlagDamaged { device } => {
                    if let Some(id) = devices.get(device) {
                        prop_assert!(store.flag_device_damaged(*id, now).is_ok());
                    }
                }
                Op::HeadChange { device } => {
                    if let Some(id) = devices.get(device) {
                        prop_assert!(store.record_head_change(*id, now, now).is_ok());
                    }
                }
                Op::Tick { hours } => now += TimeDelta::hours(hours),
            }
            prop_assert_eq!(store.devices().unwrap().len(), devices.len());
            prop_assert_eq!(store.sessions().unwrap().len(), live_sessions);
            let first = store.assess(now).unwrap();
            prop_assert_eq!(&first, &store.assess(now).unwrap());
            prop_assert!(store.reminders(now).is_ok());
        }
    }
}
