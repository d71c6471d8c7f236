//! Verdicts, their findings and the rules behind them.

use rollsafe_core as core;

use crate::enums::{BodyRegion, Evidence, Severity};
use crate::time::CalendarDate;

/// Where a rule comes from, shown beside every finding. Results name their
/// rule by id only; `rule_sources()` lists every source once.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RuleSource {
    /// The stable id of the rule, for example `interval.short_needles`.
    pub rule_id: String,
    /// The publications it rests on.
    pub citation: String,
    /// How strong they are.
    pub evidence: Evidence,
    /// Where sources disagree, or why this value was chosen.
    pub note: String,
}

/// One reason behind a verdict.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Finding {
    /// A stable machine-readable code, for example `interval_not_elapsed`.
    pub code: String,
    /// Whether it blocks the session, needs an acknowledgement to record it
    /// (a caution), or only warns.
    pub severity: Severity,
    /// A plain-language explanation for the user.
    pub message: String,
    /// The id of the rule behind it: look its
    /// source up with `rule_source(rule_id)` or in `rule_sources()`.
    pub rule_id: String,
}

/// The rest interval as it stands for one region of a plan.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RegionRest {
    /// The region.
    pub region: BodyRegion,
    /// The local date of the last session on it.
    pub last_session_date: Option<CalendarDate>,
    /// The minimum rest that applies, in local calendar days.
    pub min_rest_days: u32,
    /// The first local date a session is allowed on it.
    pub next_allowed_date: Option<CalendarDate>,
    /// The id of the rule or care plan that set the rest: look its
    /// source up with `rule_source(rule_id)` or in `rule_sources()`.
    pub rule_id: String,
}

/// The answer to "may I start this session now?".
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SessionVerdict {
    /// True when nothing blocks the session.
    pub allowed: bool,
    /// Every reason, blockers first.
    pub findings: Vec<Finding>,
    /// The rest interval for each region of the plan.
    pub rest: Vec<RegionRest>,
    /// The first local date on which every rest interval has passed, when
    /// one has not yet.
    pub next_allowed_date: Option<CalendarDate>,
}

impl From<core::rules::RuleSource> for RuleSource {
    fn from(source: core::rules::RuleSource) -> Self {
        RuleSource {
            rule_id: source.rule_id.to_owned(),
            citation: source.citation.to_owned(),
            evidence: source.evidence,
            note: source.note.to_owned(),
        }
    }
}

impl From<core::Finding> for Finding {
    fn from(finding: core::Finding) -> Self {
        Finding {
            code: finding.code.code().to_owned(),
            severity: finding.severity,
            message: finding.message,
            rule_id: finding.source.rule_id.to_owned(),
        }
    }
}

impl From<core::RegionRest> for RegionRest {
    fn from(rest: core::RegionRest) -> Self {
        RegionRest {
            region: rest.region,
            last_session_date: rest.last_session_date.map(CalendarDate::from),
            min_rest_days: rest.min_rest_days,
            next_allowed_date: rest.next_allowed_date.map(CalendarDate::from),
            rule_id: rest.source.rule_id.to_owned(),
        }
    }
}

impl From<core::SessionVerdict> for SessionVerdict {
    fn from(verdict: core::SessionVerdict) -> Self {
        SessionVerdict {
            allowed: verdict.allowed,
            findings: verdict.findings.into_iter().map(Finding::from).collect(),
            rest: verdict.rest.into_iter().map(RegionRest::from).collect(),
            next_allowed_date: verdict.next_allowed_date.map(CalendarDate::from),
        }
    }
}
