//! Properties of the risk engine over arbitrary logs: adding a hygiene or
//! safety lapse never lowers the preventive level, and neither assessment
//! panics or depends on anything but its input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use chrono::{DateTime, TimeDelta};
use proptest::prelude::*;
use rollsafe_core::risk::{
    PreventiveInput, ReportFacts, SessionFacts, TriageInput, assess_preventive, assess_triage,
};
use rollsafe_core::{
    BodyZone, FindingCode, Moment, PreChecks, Product, ProductCategory, ProductTiming, PusColour,
    PusConsistency, PusDescription, ReportId, ReportKind, ReportedSymptom, SessionId, Symptom,
    SymptomReport,
};

fn now() -> Moment {
    DateTime::parse_from_rfc3339("2026-03-31T12:00:00+02:00").unwrap()
}

const LAPSES: [FindingCode; 10] = [
    FindingCode::DeviceNotCleaned,
    FindingCode::IntervalNotElapsed,
    FindingCode::DeviceDueForReplacement,
    FindingCode::OpenWound,
    FindingCode::ActiveBreakout,
    FindingCode::Immunosuppression,
    FindingCode::ZoneNotInCarePlan,
    FindingCode::Sunburn,
    FindingCode::PrecheckDeviceNotCleaned,
    FindingCode::KeloidHistory,
];

fn session() -> impl Strategy<Value = SessionFacts> {
    (
        0_i64..29 * 24,
        prop::sample::subsequence(LAPSES.to_vec(), 0..3),
        any::<bool>(),
        any::<[bool; 6]>(),
        prop_oneof![Just(0.25), Just(0.5), Just(1.0), Just(2.0)],
        prop::option::of(prop::sample::select(vec![
            ProductCategory::VitaminC,
            ProductCategory::HyaluronicAcid,
            ProductCategory::Retinoid,
        ])),
    )
        .prop_map(
            |(hours_ago, overrides, cleaned_after, checks, needle, product)| {
                let at = now() - TimeDelta::hours(hours_ago + 1);
                SessionFacts {
                    at,
                    zones: vec![BodyZone::Cheeks],
                    needle_length_mm: needle,
                    products: product
                        .map(|c| Product {
                            name: "Serum".into(),
                            timing: ProductTiming::After,
                            categories: vec![c],
                        })
                        .into_iter()
                        .collect(),
                    pre_checks: PreChecks {
                        device_cleaned: checks[0],
                        skin_clean: checks[1],
                        active_breakout: checks[2],
                        cold_sore: checks[3],
                        open_wound: checks[4],
                        sunburn: checks[5],
                    },
                    overridden: overrides,
                    cleaned_after,
                    device_renewed: false,
                }
            },
        )
}

fn level(sessions: &[SessionFacts], shared: &[String]) -> rollsafe_core::RiskLevel {
    assess_preventive(&PreventiveInput {
        now: now(),
        sessions,
        shared_devices: shared,
        worn_devices: &[],
        profile: None,
        care_plan_avoid: &[],
    })
    .level
}

fn report() -> impl Strategy<Value = ReportFacts> {
    let symptoms = prop::sample::subsequence(Symptom::ALL.to_vec(), 0..5);
    (
        symptoms,
        0_u8..=10,
        prop::option::of(34.0_f64..43.0),
        any::<bool>(),
        prop::option::of(0_u8..=10),
        prop::option::of((0_i64..20 * 24, prop_oneof![Just(0.25), Just(1.0)])),
        any::<bool>(),
    )
        .prop_map(
            |(symptoms, overall, temp, eye, previous, session, yellow)| {
                let at = now() - TimeDelta::hours(2);
                let has_pus = symptoms.contains(&Symptom::Pus);
                ReportFacts {
                    report: SymptomReport {
                        id: ReportId::random(),
                        at,
                        kind: ReportKind::Report,
                        zones: vec![BodyZone::Cheeks],
                        around_eye: eye,
                        symptoms: symptoms
                            .into_iter()
                            .map(|symptom| ReportedSymptom {
                                symptom,
                                severity: Some(overall),
                            })
                            .collect(),
                        overall_severity: overall,
                        pus: has_pus.then_some(PusDescription {
                            colour: if yellow {
                                PusColour::Yellow
                            } else {
                                PusColour::Clear
                            },
                            consistency: PusConsistency::Thick,
                        }),
                        temperature_c: temp,
                        trend: None,
                        notes: None,
                        photos: vec![],
                        session_id: session.map(|_| SessionId::random()),
                        link_chosen_by_user: false,
                        resolved_at: None,
                        clinician_seen_at: None,
                        recorded_at: at,
                    },
                    session: session.map(|(hours, needle)| (at - TimeDelta::hours(hours), needle)),
                    previous_severity: previous,
                    aged: false,
                }
            },
        )
}

proptest! {
    #[test]
    fn adding_a_lapse_never_lowers_the_preventive_level(
        base in prop::collection::vec(session(), 0..8),
        lapse in session(),
        share in any::<bool>(),
    ) {
        let before = level(&base, &[]);
        let mut more = base.clone();
        more.push(lapse);
        prop_assert!(level(&more, &[]) >= before);
        if share {
            prop_assert!(level(&base, &["Roller".to_owned()]) >= before);
        }
    }

    #[test]
    fn triage_never_panics_is_deterministic_and_leads_with_the_most_urgent(
        reports in prop::collection::vec(report(), 0..6),
        weakened in any::<bool>(),
    ) {
        let input = TriageInput { now: now(), reports: &reports, weakened_defences: weakened };
        let first = assess_triage(&input);
        let second = assess_triage(&input);
        prop_assert_eq!(&first, &second);
        let most_urgent = first.prompts.iter().map(|p| p.level).max();
        prop_assert_eq!(most_urgent.unwrap_or(rollsafe_core::TriageLevel::Green), first.level);
        if let Some(p) = first.prompts.first() {
            prop_assert_eq!(p.level, first.level);
        }
    }
}
