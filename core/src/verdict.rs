//! "May I use my device now?": the verdict before a session, with its reasons.
//!
//! A verdict is a list of findings, each with a stable code, a plain message
//! and the rule it came from. Blockers stop the session unless the user
//! acknowledges them; cautions let it go ahead once acknowledged; warnings
//! inform. Every acknowledgement is kept with the session. The shells only
//! display verdicts.

use chrono::NaiveDate;

pub use crate::finding::{FindingCode, Severity};
use crate::rules::RuleSource;
use crate::zone::BodyRegion;

/// One reason behind a verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What it is about; its stable text is `code.code()`, for example
    /// `interval_not_elapsed`.
    pub code: FindingCode,
    /// How much it weighs.
    pub severity: Severity,
    /// A plain-language explanation for the user.
    pub message: String,
    /// The rule that produced it.
    pub source: RuleSource,
}

/// The rest interval as it stands for one region of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRest {
    /// The region.
    pub region: BodyRegion,
    /// The local date of the last session on it, if any.
    pub last_session_date: Option<NaiveDate>,
    /// The minimum rest that applies, in local calendar days.
    pub min_rest_days: u32,
    /// The first local date a session is allowed on it, if it was needled.
    pub next_allowed_date: Option<NaiveDate>,
    /// The rule (or care plan) that set the rest.
    pub source: RuleSource,
}

/// The answer to "may I start this session now?".
#[derive(Clone, Debug, PartialEq)]
pub struct SessionVerdict {
    /// True when no finding blocks the session (cautions do not: they ask for
    /// an acknowledgement when recording).
    pub allowed: bool,
    /// Every reason, blockers first, in a stable order.
    pub findings: Vec<Finding>,
    /// The rest interval for each region the plan touches.
    pub rest: Vec<RegionRest>,
    /// The first local date on which every rest interval of the plan has
    /// passed, when one has not yet.
    pub next_allowed_date: Option<NaiveDate>,
}

impl SessionVerdict {
    /// Builds a verdict from its findings: blockers first, then cautions,
    /// then warnings.
    pub fn from_findings(
        mut findings: Vec<Finding>,
        rest: Vec<RegionRest>,
        today: NaiveDate,
    ) -> Self {
        crate::sorting::sort_by_key(&mut findings, |f| match f.severity {
            Severity::Blocker => 0,
            Severity::Caution => 1,
            Severity::Warning => 2,
        });
        let next_allowed_date = rest
            .iter()
            .filter_map(|r| r.next_allowed_date)
            .filter(|date| *date > today)
            .max();
        Self {
            allowed: findings.iter().all(|f| f.severity != Severity::Blocker),
            findings,
            rest,
            next_allowed_date,
        }
    }

    /// The findings that block the session.
    pub fn blockers(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocker)
    }

    /// The findings recording the session needs acknowledged: the blockers
    /// and the cautions.
    pub fn to_acknowledge(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity.needs_acknowledgement())
    }

    /// The findings that only warn.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }
}
