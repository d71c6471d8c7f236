//! Rest intervals per region of the plan.

use chrono::{Days, NaiveDate};

use super::CheckContext;
use crate::rules::interval_rule_for;
use crate::rules::source::CARE_PLAN;
use crate::time;
use crate::verdict::{Finding, RegionRest, Severity};
use crate::zone::BodyRegion;

/// The finding code of a rest interval that has not yet passed.
pub const INTERVAL_NOT_ELAPSED: &str = "interval_not_elapsed";

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
        code: INTERVAL_NOT_ELAPSED,
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
