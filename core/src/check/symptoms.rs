//! The stop after an open amber or red triage prompt (see
//! [`crate::rules::symptom_gate`]).

use chrono::NaiveDate;

use super::CheckContext;
use super::interval::region_name;
use crate::rules::symptom_gate::OPEN_PROMPT_GATE;
use crate::rules::triage::TriageLevel;
use crate::verdict::{Finding, FindingCode, Severity};
use crate::zone::BodyRegion;

/// An open report whose prompt stops needling: its most urgent level, its
/// date and the regions it concerns. The store lists only reports no
/// clinician has seen yet as of the check.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenPrompt {
    /// The most urgent level among the report's prompts (amber or red).
    pub level: TriageLevel,
    /// The local date of the report.
    pub report_date: NaiveDate,
    /// The regions of the report's zones.
    pub regions: Vec<BodyRegion>,
}

/// One blocker per open prompt that reaches the plan: a red one reaches
/// every region, an amber one the regions of its report.
pub(super) fn open_prompt_findings(ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut planned: Vec<BodyRegion> = ctx.plan.zones.iter().map(|z| z.region()).collect();
    planned.dedup();
    ctx.open_prompts
        .iter()
        .filter_map(|prompt| {
            let message = match prompt.level {
                TriageLevel::Red => format!(
                    "Your symptom report of {} shows a warning sign. Stop needling until a \
                     clinician has seen your skin; then record the visit on the report. A later \
                     report that shows it settling also lifts this.",
                    prompt.report_date
                ),
                TriageLevel::Amber => {
                    let touched: Vec<&str> = planned
                        .iter()
                        .filter(|r| prompt.regions.contains(r))
                        .map(|r| region_name(*r))
                        .collect();
                    if touched.is_empty() {
                        return None;
                    }
                    format!(
                        "Your symptom report of {} on the {} is outside the expected course. Do \
                         not needle there until your dermatologist has seen it (record the visit \
                         on the report) or a later report shows it settling.",
                        prompt.report_date,
                        touched.join(" and ")
                    )
                }
                TriageLevel::Green => return None,
            };
            Some(Finding {
                code: FindingCode::OpenTriagePrompt,
                severity: Severity::Blocker,
                message,
                source: OPEN_PROMPT_GATE,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::check::{CleaningState, check_session};
    use crate::device::{Device, DeviceKind, DeviceStatus, NeedleMaterial};
    use crate::ids::DeviceId;
    use crate::session::{PreChecks, ValidPlan};
    use crate::wear::DeviceWear;
    use crate::zone::BodyZone;

    fn blockers(zone: BodyZone, prompts: &[OpenPrompt]) -> Vec<FindingCode> {
        let now = DateTime::parse_from_rfc3339("2026-03-04T21:00:00+01:00").unwrap();
        let device = Device {
            id: DeviceId::random(),
            kind: DeviceKind::Roller,
            needle_length_mm: 0.25,
            needle_length_max_mm: None,
            needle_count: None,
            material: NeedleMaterial::Titanium,
            nickname: "Roller".into(),
            brand: None,
            first_use_date: None,
            shared: false,
            damaged: false,
            status: DeviceStatus::Active,
            replace_after_uses: None,
            replace_after_days: None,
            added_at: now,
        };
        let plan = ValidPlan {
            zones: vec![zone],
            needle_length_mm: 0.25,
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
        };
        check_session(&CheckContext {
            device: &device,
            plan: &plan,
            now,
            profile: None,
            care_plan: None,
            wear: &DeviceWear::default(),
            cleaning: CleaningState::CleanForNextUse,
            region_history: &[],
            later_sessions: &[],
            open_prompts: prompts,
        })
        .blockers()
        .map(|f| f.code)
        .collect()
    }

    fn prompt(level: TriageLevel) -> OpenPrompt {
        OpenPrompt {
            level,
            report_date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            regions: vec![BodyRegion::Face],
        }
    }

    #[test]
    fn a_red_prompt_stops_every_region() {
        for zone in [BodyZone::Cheeks, BodyZone::Scalp, BodyZone::Thighs] {
            assert_eq!(
                blockers(zone, &[prompt(TriageLevel::Red)]),
                [FindingCode::OpenTriagePrompt],
                "{zone:?}"
            );
        }
    }

    #[test]
    fn an_amber_prompt_stops_only_its_regions() {
        let amber = [prompt(TriageLevel::Amber)];
        assert_eq!(
            blockers(BodyZone::Cheeks, &amber),
            [FindingCode::OpenTriagePrompt]
        );
        assert!(blockers(BodyZone::Scalp, &amber).is_empty());
        assert!(blockers(BodyZone::Cheeks, &[]).is_empty());
    }
}
