//! Rest intervals per region of the plan.

use chrono::{Days, NaiveDate};

use super::CheckContext;
use crate::rules::interval_rule_for;
use crate::rules::source::CARE_PLAN;
use crate::time;
use crate::verdict::{Finding, FindingCode, RegionRest, Severity};
use crate::zone::BodyRegion;

/// One [`RegionRest`] per region the plan touches, and a blocker for each
/// whose interval has not passed. The rest is the care plan's for the region
/// if it sets one, else the longer of the defaults for the previous session's
/// needle and the planned one.
pub(super) fn rest_findings(
    ctx: &CheckContext<'_>,
    today: NaiveDate,
) -> (Vec<Finding>, Vec<RegionRest>) {
    let mut regions: Vec<BodyRegion> = ctx.plan.zones.iter().map(|z| z.region()).collect();
    regions.dedup();
    let mut findings = Vec::new();
    let mut rests = Vec::new();
    for region in regions {
        let last = ctx.region_history.iter().find(|h| h.region == region);
        let planned = interval_rule_for(region, ctx.plan.needle_length_mm);
        let default = last
            .map(|l| interval_rule_for(region, l.needle_length_mm))
            .filter(|previous| previous.min_rest_days > planned.min_rest_days)
            .unwrap_or(planned);
        let (min_rest_days, source) = match ctx.care_plan.and_then(|p| p.rest_for(region)) {
            Some(days) => (days, CARE_PLAN),
            None => (default.min_rest_days, default.source),
        };
        let last_session_date = last.map(|l| time::local_date(&l.at));
        let next_allowed_date =
            last_session_date.and_then(|d| d.checked_add_days(Days::new(min_rest_days.into())));
        if let (Some(last_date), Some(next)) = (last_session_date, next_allowed_date) {
            if today < next {
                findings.push(interval_finding(
                    region,
                    min_rest_days,
                    last_date,
                    next,
                    today,
                    source,
                ));
            }
        }
        rests.push(RegionRest {
            region,
            last_session_date,
            min_rest_days,
            next_allowed_date,
            source,
        });
    }
    (findings, rests)
}

/// A blocker for each region of the plan whose next logged session comes
/// before this one's rest has passed: the rest rule looks both ways. The rest
/// is the one the later session needs after this one (the care plan's, else
/// the longer of the defaults for the two needles), counted in local days.
pub(super) fn later_session_findings(ctx: &CheckContext<'_>, today: NaiveDate) -> Vec<Finding> {
    let mut regions: Vec<BodyRegion> = ctx.plan.zones.iter().map(|z| z.region()).collect();
    regions.dedup();
    regions
        .into_iter()
        .filter_map(|region| {
            let later = ctx.later_sessions.iter().find(|l| l.region == region)?;
            let planned = interval_rule_for(region, ctx.plan.needle_length_mm);
            let theirs = interval_rule_for(region, later.needle_length_mm);
            let rule = if theirs.min_rest_days > planned.min_rest_days {
                theirs
            } else {
                planned
            };
            let (min_rest_days, source) = match ctx.care_plan.and_then(|p| p.rest_for(region)) {
                Some(days) => (days, CARE_PLAN),
                None => (rule.min_rest_days, rule.source),
            };
            let later_date = time::local_date(&later.at);
            let free_from = today.checked_add_days(Days::new(min_rest_days.into()))?;
            (later_date < free_from).then(|| Finding {
                code: FindingCode::IntervalBeforeLaterSession,
                severity: Severity::Blocker,
                message: format!(
                    "Let the {region} rest at least {min_rest_days} days between sessions. \
                     A session there is already logged on {later_date}, {gap}.",
                    region = region_name(region),
                    gap = match time::calendar_days_between(today, later_date) {
                        0 => "the same day as this one".to_owned(),
                        1 => "1 day after this one".to_owned(),
                        n => format!("{n} days after this one"),
                    },
                ),
                source,
            })
        })
        .collect()
}

fn interval_finding(
    region: BodyRegion,
    min_rest_days: u32,
    last: NaiveDate,
    next: NaiveDate,
    today: NaiveDate,
    source: crate::rules::RuleSource,
) -> Finding {
    let elapsed = time::calendar_days_between(last, today);
    let ago = match elapsed {
        0 => "today".to_owned(),
        1 => "1 day ago".to_owned(),
        n if n > 0 => format!("{n} days ago"),
        _ => "on a later date than today".to_owned(),
    };
    Finding {
        code: FindingCode::IntervalNotElapsed,
        severity: Severity::Blocker,
        message: format!(
            "Let the {region} rest at least {min_rest_days} days between sessions. \
             The last session there was on {last} ({ago}); the next is allowed from {next}.",
            region = region_name(region),
        ),
        source,
    }
}

/// A plain name for a region in messages.
pub(crate) fn region_name(region: BodyRegion) -> &'static str {
    match region {
        BodyRegion::Face => "face",
        BodyRegion::Scalp => "scalp",
        BodyRegion::Body => "skin",
    }
}
