//! "May I use my device now?": the verdict before a session, with its reasons.
//!
//! The verdict is a pure function of the rules, the previous session and
//! `now`, so it is decided once here and the shells only display it.

use chrono::NaiveDate;

use crate::rules::{IntervalRule, RuleSource};
use crate::session::Session;
use crate::time::{self, Moment};

/// How much a finding weighs on the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The session should not go ahead; recording it needs an explicit
    /// acknowledgement.
    Blocker,
    /// The session may go ahead, but the user should know.
    Warning,
}

/// One reason behind a verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// A stable, machine-readable code, for example `interval_not_elapsed`.
    pub code: &'static str,
    /// How much it weighs.
    pub severity: Severity,
    /// A plain-language explanation for the user.
    pub message: String,
    /// The rule that produced it.
    pub source: RuleSource,
}

/// The answer to "may I start a session now?".
#[derive(Clone, Debug, PartialEq)]
pub struct SessionVerdict {
    /// True when no finding blocks the session.
    pub allowed: bool,
    /// Every reason, blockers first.
    pub findings: Vec<Finding>,
    /// The local date of the previous session with this device, if any.
    pub last_session_date: Option<NaiveDate>,
    /// The first local date on which the rest interval has passed, if the
    /// device was used before.
    pub next_allowed_date: Option<NaiveDate>,
    /// The interval rule that applied.
    pub interval_rule: IntervalRule,
}

/// The stable code of an interval that has not yet passed.
pub const INTERVAL_NOT_ELAPSED: &str = "interval_not_elapsed";

/// Applies the rest interval `rule` between `last` (the previous session, if
/// any) and `now`, counting local calendar days in each event's own offset.
pub fn check_interval(rule: &IntervalRule, last: Option<&Session>, now: &Moment) -> SessionVerdict {
    let today = time::local_date(now);
    let last_session_date = last.map(|session| time::local_date(&session.at));
    let next_allowed_date = last_session_date
        .and_then(|date| date.checked_add_days(chrono::Days::new(rule.min_rest_days.into())));
    let mut findings = Vec::new();
    if let (Some(last_date), Some(next_date)) = (last_session_date, next_allowed_date) {
        if today < next_date {
            findings.push(interval_finding(rule, last_date, next_date, today));
        }
    }
    SessionVerdict {
        allowed: findings.iter().all(|f| f.severity != Severity::Blocker),
        findings,
        last_session_date,
        next_allowed_date,
        interval_rule: *rule,
    }
}

fn interval_finding(
    rule: &IntervalRule,
    last_date: NaiveDate,
    next_date: NaiveDate,
    today: NaiveDate,
) -> Finding {
    let elapsed = time::calendar_days_between(last_date, today);
    let message = format!(
        "Rest at least {days} days between sessions with needles of this length. \
         The last session was on {last_date} ({elapsed} {unit} ago); the next is allowed from {next_date}.",
        days = rule.min_rest_days,
        unit = if elapsed == 1 { "day" } else { "days" },
    );
    Finding {
        code: INTERVAL_NOT_ELAPSED,
        severity: Severity::Blocker,
        message,
        source: rule.source,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::ids::{DeviceId, SessionId};
    use crate::rules::interval_rule_for;
    use crate::zone::BodyZone;

    fn at(text: &str) -> Moment {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn session_at(text: &str) -> Session {
        Session {
            id: SessionId::random(),
            device_id: DeviceId::random(),
            at: at(text),
            zones: vec![BodyZone::Cheeks],
            needle_length_mm: 0.25,
            recorded_at: at(text),
        }
    }

    #[test]
    fn a_first_session_is_allowed() {
        let verdict = check_interval(interval_rule_for(0.25), None, &at("2026-03-01T10:00:00Z"));
        assert!(verdict.allowed);
        assert!(verdict.findings.is_empty());
        assert_eq!(verdict.next_allowed_date, None);
    }

    #[test]
    fn sunday_night_opens_the_next_sunday_at_any_hour() {
        let rule = interval_rule_for(0.25);
        let last = session_at("2026-03-01T21:00:00+01:00");
        let saturday_late = check_interval(rule, Some(&last), &at("2026-03-07T23:59:00+01:00"));
        assert!(!saturday_late.allowed);
        assert_eq!(saturday_late.findings[0].code, INTERVAL_NOT_ELAPSED);
        let sunday_early = check_interval(rule, Some(&last), &at("2026-03-08T00:01:00+01:00"));
        assert!(sunday_early.allowed, "{:?}", sunday_early.findings);
        assert_eq!(
            saturday_late.next_allowed_date.unwrap().to_string(),
            "2026-03-08"
        );
    }

    #[test]
    fn travel_counts_the_calendar_the_user_lives_in() {
        let rule = interval_rule_for(0.25);
        // Last session Sunday evening in Paris; the user then flies to New York.
        let last = session_at("2026-03-01T21:00:00+01:00");
        // Saturday 20:00 in New York is already Sunday in Paris, but not for the user.
        let saturday_ny = check_interval(rule, Some(&last), &at("2026-03-07T20:00:00-05:00"));
        assert!(!saturday_ny.allowed);
        let sunday_ny = check_interval(rule, Some(&last), &at("2026-03-08T08:00:00-04:00"));
        assert!(sunday_ny.allowed);
    }

    #[test]
    fn the_message_says_when_and_why() {
        let verdict = check_interval(
            interval_rule_for(0.5),
            Some(&session_at("2026-03-01T09:00:00Z")),
            &at("2026-03-02T09:00:00Z"),
        );
        let message = &verdict.findings[0].message;
        assert!(message.contains("28 days"), "{message}");
        assert!(message.contains("1 day ago"), "{message}");
        assert!(message.contains("2026-03-29"), "{message}");
    }
}
