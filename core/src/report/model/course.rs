//! The symptom course after each session: for every session in the period
//! with symptom reports linked to it in the seven days after, each reported
//! symptom's severity by day 0 to 7 (day 0 the session's local day), beside
//! the course the expected-course rule gives for its needle length.
//!
//! The domain reference's report layout asks for a reaction chart per
//! session over days 0 to 7; the expected course is the triage rules' own
//! (redness settling from 48 h, gone within 72 h below 1 mm and within 7
//! days from 1 mm), so the page agrees with what the patient was told.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Span;
use crate::ids::DeviceId;
use crate::rules::triage::{
    DEEP_NEEDLE_MM, EXPECTED_REDNESS_HOURS_DEEP, EXPECTED_REDNESS_HOURS_SHORT, SETTLING_FROM_HOURS,
};
use crate::session::Session;
use crate::symptom::{Symptom, SymptomReport};
use crate::time::{self, Moment};
use crate::zone::BodyZone;

/// Days 0 to 7 after a session.
pub(crate) const COURSE_DAYS: usize = 8;

/// At most this many sessions' courses are shown: the most recent.
pub(crate) const COURSES_LISTED: usize = 12;

/// What a day's reports said of one symptom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Mark {
    /// Reported without a score.
    Seen,
    /// Scored 0 to 10 (the highest that day).
    Score(u8),
}

/// One symptom over days 0 to 7.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SymptomLine {
    pub symptom: Symptom,
    /// Index `d` is day `d` after the session; `None` where not reported.
    pub days: [Option<Mark>; COURSE_DAYS],
}

/// One session's course.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SessionCourse {
    pub at: Moment,
    /// The session's local day: day 0.
    pub date: NaiveDate,
    pub device: String,
    pub needle_mm: f64,
    pub zones: Vec<BodyZone>,
    /// Hours after the session from which redness should be settling.
    pub settling_from_hours: i64,
    /// Hours redness may last at this needle length.
    pub expected_hours: i64,
    /// Each symptom reported, in the order of [`Symptom`].
    pub lines: Vec<SymptomLine>,
    /// The highest overall severity reported each day.
    pub overall: [Option<u8>; COURSE_DAYS],
    /// How many reports the course is drawn from.
    pub reports: usize,
}

impl SessionCourse {
    /// The last day of the expected course: 3 after 72 h, 7 after 7 days.
    pub(crate) fn expected_last_day(&self) -> usize {
        usize::try_from(self.expected_hours / 24).unwrap_or(COURSE_DAYS)
    }
}

/// The sessions' courses, and how many sessions had one in all.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CourseFacts {
    /// Oldest first; the [`COURSES_LISTED`] most recent.
    pub sessions: Vec<SessionCourse>,
    /// Sessions in the period with a course, listed or not.
    pub total: usize,
}

/// The course after each session in `span` that has reports linked to it
/// within days 0 to 7 (reports in `span` only).
pub(crate) fn gather(
    sessions: &[Session],
    reports: &[SymptomReport],
    names: &HashMap<DeviceId, String>,
    span: &Span,
) -> CourseFacts {
    let mut ordered: Vec<&Session> = sessions.iter().filter(|s| span.contains(&s.at)).collect();
    crate::sorting::sort_by_key(&mut ordered, |s| (s.at, s.id.to_string()));
    let mut courses: Vec<SessionCourse> = ordered
        .into_iter()
        .filter_map(|session| course(session, reports, names, span))
        .collect();
    let total = courses.len();
    courses.drain(..total.saturating_sub(COURSES_LISTED));
    CourseFacts {
        sessions: courses,
        total,
    }
}

fn course(
    session: &Session,
    reports: &[SymptomReport],
    names: &HashMap<DeviceId, String>,
    span: &Span,
) -> Option<SessionCourse> {
    let date = time::local_date(&session.at);
    let mut lines: Vec<SymptomLine> = Vec::new();
    let mut overall: [Option<u8>; COURSE_DAYS] = [None; COURSE_DAYS];
    let mut count = 0;
    for report in reports
        .iter()
        .filter(|r| r.session_id == Some(session.id) && span.contains(&r.at))
    {
        let day = time::calendar_days_between(date, time::local_date(&report.at));
        let Some(slot) = usize::try_from(day).ok().filter(|d| *d < COURSE_DAYS) else {
            continue;
        };
        count += 1;
        if let Some(o) = overall.get_mut(slot) {
            *o = Some(o.map_or(report.overall_severity, |v| v.max(report.overall_severity)));
        }
        for reported in &report.symptoms {
            let mark = reported.severity.map_or(Mark::Seen, Mark::Score);
            let at = match lines.iter().position(|l| l.symptom == reported.symptom) {
                Some(at) => at,
                None => {
                    lines.push(SymptomLine {
                        symptom: reported.symptom,
                        days: [None; COURSE_DAYS],
                    });
                    lines.len() - 1
                }
            };
            if let Some(cell) = lines.get_mut(at).and_then(|l| l.days.get_mut(slot)) {
                *cell = Some(cell.map_or(mark, |m| m.max(mark)));
            }
        }
    }
    if count == 0 {
        return None;
    }
    crate::sorting::sort_by_key(&mut lines, |l| l.symptom);
    Some(SessionCourse {
        at: session.at,
        date,
        device: names.get(&session.device_id).cloned().unwrap_or_default(),
        needle_mm: session.needle_length_mm,
        zones: session.zones.clone(),
        settling_from_hours: SETTLING_FROM_HOURS,
        expected_hours: if session.needle_length_mm >= DEEP_NEEDLE_MM {
            EXPECTED_REDNESS_HOURS_DEEP
        } else {
            EXPECTED_REDNESS_HOURS_SHORT
        },
        lines,
        overall,
        reports: count,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeDelta};

    use super::*;
    use crate::export::Period;
    use crate::store::Store;
    use crate::symptom::{NewSymptomReport, ReportKind, ReportedSymptom};
    use crate::{DeviceKind, NewDevice, NewSession, PreChecks, SessionPlan};

    fn at(text: &str) -> Moment {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn session(store: &Store, device: DeviceId, zone: BodyZone, when: Moment) {
        let plan = SessionPlan {
            device_id: device,
            zones: vec![zone],
            needle_length_mm: None,
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
        };
        let acknowledged: Vec<String> = store
            .check_session(&plan, when)
            .unwrap()
            .to_acknowledge()
            .map(|f| f.code.code().to_owned())
            .collect();
        let new = NewSession {
            plan,
            at: when,
            passes: None,
            pain: None,
            notes: None,
        };
        store.record_session(new, &acknowledged, when).unwrap();
    }

    fn report(store: &Store, when: Moment, zone: BodyZone, symptoms: &[(Symptom, Option<u8>)]) {
        let new = NewSymptomReport {
            at: when,
            kind: ReportKind::Report,
            zones: vec![zone],
            around_eye: false,
            symptoms: symptoms
                .iter()
                .map(|(symptom, severity)| ReportedSymptom {
                    symptom: *symptom,
                    severity: *severity,
                })
                .collect(),
            overall_severity: symptoms.iter().filter_map(|s| s.1).max().unwrap_or(1),
            pus: None,
            temperature_c: None,
            trend: None,
            notes: None,
            photos: vec![],
            session_id: None,
        };
        store.record_symptom_report(new, when).unwrap();
    }

    /// A scalp session late on 17 March with reports on days 1, 3 (two)
    /// and 9; a face session on 12 March with none of its own.
    #[test]
    fn each_session_gets_its_reports_by_local_day_0_to_7() {
        let store = Store::open_in_memory().unwrap();
        let bought = at("2026-03-01T10:00:00+01:00");
        let add = |kind, mm, name: &str| {
            let new = NewDevice::simple(kind, mm, name);
            store.add_device(new, bought).unwrap().value.id
        };
        let scalp = add(DeviceKind::ScalpRoller, 0.5, "Scalp roller");
        let face = add(DeviceKind::Roller, 1.0, "Face roller");
        session(
            &store,
            face,
            BodyZone::Cheeks,
            at("2026-03-12T21:00:00+01:00"),
        );
        let scalp_session = at("2026-03-17T23:30:00+01:00");
        session(&store, scalp, BodyZone::Scalp, scalp_session);
        use Symptom::{Itching, Redness, Warmth};
        // 30 minutes later is the next local day: day 1.
        report(
            &store,
            scalp_session + TimeDelta::minutes(30),
            BodyZone::Scalp,
            &[(Redness, Some(3))],
        );
        let day3 = at("2026-03-20T08:00:00+01:00");
        report(
            &store,
            day3,
            BodyZone::Scalp,
            &[(Redness, Some(6)), (Warmth, Some(6))],
        );
        report(
            &store,
            day3 + TimeDelta::hours(2),
            BodyZone::Scalp,
            &[(Redness, Some(4)), (Itching, None)],
        );
        // Day 9: linked still (the link window is 30 days), but past day 7.
        report(
            &store,
            at("2026-03-26T20:00:00+01:00"),
            BodyZone::Scalp,
            &[(Redness, Some(1))],
        );
        let sessions = store.sessions().unwrap();
        let reports = store.symptom_reports().unwrap();
        let names: HashMap<DeviceId, String> = store
            .devices()
            .unwrap()
            .into_iter()
            .map(|d| (d.id, d.nickname))
            .collect();
        let now = at("2026-03-30T09:00:00+02:00");
        let span = Span::new(&Period::everything(), &now, &sessions, &reports);
        let facts = gather(&sessions, &reports, &names, &span);
        assert_eq!(facts.total, 1, "the face session has no report of its own");
        let course = &facts.sessions[0];
        assert_eq!(course.device, "Scalp roller");
        assert_eq!(course.date, NaiveDate::from_ymd_opt(2026, 3, 17).unwrap());
        assert_eq!(course.needle_mm, 0.5);
        assert_eq!(
            (course.settling_from_hours, course.expected_hours),
            (48, 72)
        );
        assert_eq!(course.expected_last_day(), 3);
        assert_eq!(course.reports, 3, "the day-9 report is outside days 0 to 7");
        let line = |s: Symptom| course.lines.iter().find(|l| l.symptom == s).unwrap().days;
        let none = None;
        assert_eq!(
            line(Redness),
            [
                none,
                Some(Mark::Score(3)),
                none,
                Some(Mark::Score(6)),
                none,
                none,
                none,
                none
            ]
        );
        assert_eq!(line(Warmth)[3], Some(Mark::Score(6)));
        assert_eq!(line(Itching)[3], Some(Mark::Seen));
        assert_eq!(
            course.overall,
            [None, Some(3), None, Some(6), None, None, None, None]
        );
        let order: Vec<Symptom> = course.lines.iter().map(|l| l.symptom).collect();
        assert_eq!(order, vec![Redness, Itching, Warmth]);
    }
}
