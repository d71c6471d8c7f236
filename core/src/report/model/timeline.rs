//! Sessions, cleanings and symptom reports on one time axis, so a reader
//! sees a session without a cleaning before it ahead of a flare; and the
//! chart's facts in words, for its alternative text.
//!
//! Each lane comes from its own section, so a section switched off leaves
//! its lane out; the facts are the other sections' facts, placed in time.

use chrono::{NaiveDate, TimeDelta};

use super::course::COURSE_DAYS;
use super::devices::CleaningsByDevice;
use super::{SessionFacts, Span, SymptomFacts};
use crate::risk::TriageLevel;
use crate::time::{self, Moment};
use crate::zone::BodyZone;

/// A session on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TimedSession {
    pub at: Moment,
    /// The user's pre-check answer: the device cleaned before use.
    pub cleaned_before: bool,
    pub zones: Vec<BodyZone>,
}

/// A cleaning on the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TimedCleaning {
    pub at: Moment,
    /// True when it counts as adequate for the next use.
    pub adequate: bool,
}

/// A symptom report on the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TimedReport {
    pub at: Moment,
    pub severity: u8,
    pub level: TriageLevel,
}

/// A session without a cleaning before it, and the first symptom report on
/// one of its zones in the days after (0 to 7), if any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Uncleaned {
    pub date: NaiveDate,
    pub followed_by: Option<NaiveDate>,
}

/// The timeline's lanes; `None` where the section is off.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TimelineFacts {
    pub sessions: Option<Vec<TimedSession>>,
    pub cleanings: Option<Vec<TimedCleaning>>,
    pub reports: Option<Vec<TimedReport>>,
    /// Sessions not cleaned before, oldest first (empty when sessions are off).
    pub uncleaned: Vec<Uncleaned>,
}

/// The timeline of `span` from the sections that are on.
pub(crate) fn gather(
    sessions: Option<&SessionFacts>,
    cleanings: Option<&CleaningsByDevice>,
    symptoms: Option<&SymptomFacts>,
    span: &Span,
) -> TimelineFacts {
    let sessions: Option<Vec<TimedSession>> = sessions.map(|facts| {
        facts
            .rows
            .iter()
            .map(|r| TimedSession {
                at: r.at,
                cleaned_before: r.pre_cleaned,
                zones: r.zones.clone(),
            })
            .collect()
    });
    let cleanings = cleanings.map(|by_device| {
        let mut all: Vec<TimedCleaning> = by_device
            .values()
            .flatten()
            .filter(|e| span.contains(&e.cleaning.at))
            .map(|e| TimedCleaning {
                at: e.cleaning.at,
                adequate: e.adequate,
            })
            .collect();
        crate::sorting::sort_by_key(&mut all, |c| (c.at, c.adequate));
        all
    });
    let reports = symptoms.map(|facts| {
        facts
            .rows
            .iter()
            .map(|r| TimedReport {
                at: r.at,
                severity: r.overall,
                level: r.level,
            })
            .collect()
    });
    let uncleaned = sessions
        .iter()
        .flatten()
        .filter(|s| !s.cleaned_before)
        .map(|s| Uncleaned {
            date: time::local_date(&s.at),
            followed_by: symptoms.and_then(|facts| first_report_after(s, facts)),
        })
        .collect();
    TimelineFacts {
        sessions,
        cleanings,
        reports,
        uncleaned,
    }
}

/// "1 session", "2 sessions".
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The first report on one of `session`'s zones from it to day 7 after.
fn first_report_after(session: &TimedSession, symptoms: &SymptomFacts) -> Option<NaiveDate> {
    let last_day = time::local_date(&session.at) + TimeDelta::days(COURSE_DAYS as i64 - 1);
    symptoms
        .rows
        .iter()
        .filter(|r| r.at >= session.at && time::local_date(&r.at) <= last_day)
        .find(|r| r.zones.iter().any(|z| session.zones.contains(z)))
        .map(|r| time::local_date(&r.at))
}

impl TimelineFacts {
    /// The chart in words: what each lane holds and what a reader should
    /// not miss (sessions without a cleaning before, and what followed).
    pub(crate) fn description(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sessions) = &self.sessions {
            let mut text = counted(sessions.len(), "session");
            if !self.uncleaned.is_empty() {
                let dates: Vec<String> =
                    self.uncleaned.iter().map(|u| u.date.to_string()).collect();
                text.push_str(&format!(
                    " ({} without a cleaning before: {})",
                    self.uncleaned.len(),
                    dates.join(", ")
                ));
            }
            parts.push(text);
        }
        if let Some(cleanings) = &self.cleanings {
            let short = cleanings.iter().filter(|c| !c.adequate).count();
            parts.push(if short == 0 {
                format!("{}, all adequate", counted(cleanings.len(), "cleaning"))
            } else {
                format!(
                    "{}, {short} not adequate",
                    counted(cleanings.len(), "cleaning")
                )
            });
        }
        if let Some(reports) = &self.reports {
            let worst = reports.iter().max_by_key(|r| (r.severity, r.at));
            parts.push(match worst {
                Some(w) => format!(
                    "{}, the most severe {} of 10 on {}",
                    counted(reports.len(), "symptom report"),
                    w.severity,
                    time::local_date(&w.at)
                ),
                None => "no symptom reports".to_owned(),
            });
        }
        let mut text = format!("On one time axis: {}.", parts.join("; "));
        for u in &self.uncleaned {
            if let Some(report) = u.followed_by {
                text.push_str(&format!(
                    " The session of {} without a cleaning before was followed by a symptom report on the same skin on {report}.",
                    u.date
                ));
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use crate::export::Sections;
    use crate::report::ReportOptions;
    use crate::store::Store;
    use crate::symptom::{NewSymptomReport, ReportKind, ReportedSymptom, Symptom};
    use crate::zone::BodyZone;
    use crate::{
        CleaningMethod, DeviceKind, Moment, NewCleaning, NewDevice, NewSession, PreChecks,
        SessionPlan,
    };

    fn at(text: &str) -> Moment {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    /// Two cheek sessions, the second without a cleaning before it and
    /// followed two days later by a report on the cheeks.
    fn store() -> Store {
        let store = Store::open_in_memory().unwrap();
        let new = NewDevice::simple(DeviceKind::Roller, 0.25, "Face roller");
        let device = store
            .add_device(new, at("2026-03-01T10:00:00Z"))
            .unwrap()
            .value;
        for (when, cleaned) in [
            ("2026-03-02T21:00:00Z", true),
            ("2026-03-09T21:00:00Z", false),
        ] {
            let when = at(when);
            if cleaned {
                let soak = NewCleaning {
                    device_id: device.id,
                    at: when - chrono::TimeDelta::minutes(30),
                    method: CleaningMethod::IsopropylSoak,
                    soak_minutes: Some(20),
                };
                store.record_cleaning(soak, when).unwrap();
            }
            let plan = SessionPlan {
                device_id: device.id,
                zones: vec![BodyZone::Cheeks],
                needle_length_mm: None,
                products: vec![],
                pre_checks: PreChecks {
                    device_cleaned: cleaned,
                    ..PreChecks::ALL_CLEAR
                },
            };
            let acknowledged: Vec<String> = store
                .check_session(&plan, when)
                .unwrap()
                .to_acknowledge()
                .map(|f| f.code.code().to_owned())
                .collect();
            let session = NewSession {
                plan,
                at: when,
                passes: None,
                pain: None,
                notes: None,
            };
            store.record_session(session, &acknowledged, when).unwrap();
        }
        let when = at("2026-03-11T20:00:00Z");
        let report = NewSymptomReport {
            at: when,
            kind: ReportKind::Report,
            zones: vec![BodyZone::Cheeks],
            around_eye: false,
            symptoms: vec![ReportedSymptom {
                symptom: Symptom::Redness,
                severity: Some(5),
            }],
            overall_severity: 5,
            pus: None,
            temperature_c: None,
            trend: None,
            notes: None,
            photos: vec![],
            session_id: None,
        };
        store.record_symptom_report(report, when).unwrap();
        store
    }

    fn timeline(store: &Store, sections: Sections) -> Option<super::TimelineFacts> {
        let options = ReportOptions {
            sections,
            ..ReportOptions::default()
        };
        store
            .snapshot(|view| super::super::gather(view, &options, at("2026-03-12T09:00:00Z")))
            .unwrap()
            .timeline
    }

    #[test]
    fn a_session_without_a_cleaning_before_is_placed_ahead_of_the_report_that_followed() {
        let store = store();
        let facts = timeline(&store, Sections::ALL).unwrap();
        let sessions = facts.sessions.as_ref().unwrap();
        let cleaned: Vec<bool> = sessions.iter().map(|s| s.cleaned_before).collect();
        assert_eq!(cleaned, vec![true, false]);
        assert_eq!(facts.cleanings.as_ref().unwrap().len(), 1);
        assert_eq!(facts.reports.as_ref().unwrap()[0].severity, 5);
        assert_eq!(facts.uncleaned.len(), 1);
        assert_eq!(facts.uncleaned[0].date.to_string(), "2026-03-09");
        assert_eq!(
            facts.uncleaned[0].followed_by.unwrap().to_string(),
            "2026-03-11"
        );
        let words = facts.description();
        assert_eq!(
            words,
            "On one time axis: 2 sessions (1 without a cleaning before: 2026-03-09); \
             1 cleaning, all adequate; 1 symptom report, the most severe 5 of 10 on 2026-03-11. \
             The session of 2026-03-09 without a cleaning before was followed by a symptom report \
             on the same skin on 2026-03-11."
        );
    }

    #[test]
    fn a_section_switched_off_leaves_its_lane_out() {
        let store = store();
        let only_cleanings = Sections {
            sessions: false,
            symptoms: false,
            ..Sections::ALL
        };
        let facts = timeline(&store, only_cleanings).unwrap();
        assert!(facts.sessions.is_none() && facts.reports.is_none());
        assert!(facts.uncleaned.is_empty());
        assert!(
            !facts.description().contains("session"),
            "{}",
            facts.description()
        );
        let none = Sections {
            sessions: false,
            symptoms: false,
            cleanings: false,
            ..Sections::ALL
        };
        assert!(timeline(&store, none).is_none());
    }
}
