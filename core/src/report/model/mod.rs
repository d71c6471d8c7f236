//! The report as facts: everything the PDF shows, gathered from the store's
//! public read API and derived once, with no layout in sight.
//!
//! Privacy is applied here, so the renderer never sees a withheld note or a
//! photo reference the user did not choose to share, and switched-off
//! sections are simply `None`.
//!
//! | file | facts |
//! |---|---|
//! | `span.rs` | the days shown |
//! | `patient.rs` | who the report is about, when the user says |
//! | `profile.rs` | profile answers and the care plan |
//! | `devices.rs` | devices, wear and the cleaning log |
//! | `sessions.rs` | the session timeline, by month when long |
//! | `symptoms.rs` | symptom reports with their triage prompts |
//! | `course.rs` | the symptom course after each session, days 0 to 7 |
//! | `timeline.rs` | sessions, cleanings and reports on one time axis |
//! | `alerts.rs` | the alerts and the levels over time |

mod alerts;
mod course;
mod devices;
mod patient;
mod profile;
mod sessions;
mod span;
mod symptoms;
mod timeline;

pub(crate) use alerts::{ALERTS_LISTED, AlertFacts, LevelStep};
pub(crate) use course::{COURSE_DAYS, CourseFacts, Mark, SessionCourse};
pub(crate) use devices::{CleaningRow, DeviceRow, mm, percent};
pub(crate) use patient::PatientFacts;
pub(crate) use profile::{CarePlanFacts, ProfileFacts};
pub(crate) use sessions::{MonthRow, SessionFacts, SessionRow};
pub(crate) use span::Span;
pub(crate) use symptoms::{SymptomFacts, SymptomRow};
pub(crate) use timeline::TimelineFacts;

use std::collections::HashMap;

use super::ReportOptions;
use crate::error::Result;
use crate::ids::DeviceId;
use crate::store::Snapshot;
use crate::time::Moment;

/// A free-text note as the report may show it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Note {
    /// The user's words.
    Text(String),
    /// The user chose to withhold notes.
    Withheld,
}

impl Note {
    /// The note of a record under `redact`, if there is one.
    pub(crate) fn of(text: Option<&str>, redact: bool) -> Option<Self> {
        let text = text.map(str::trim).filter(|t| !t.is_empty())?;
        Some(if redact {
            Note::Withheld
        } else {
            Note::Text(text.to_owned())
        })
    }

    /// What the report prints.
    pub(crate) fn shown(&self) -> &str {
        match self {
            Note::Text(text) => text,
            Note::Withheld => WITHHELD,
        }
    }
}

/// The mark printed in place of a withheld note.
pub(crate) const WITHHELD: &str = "[note withheld]";

/// Everything the report shows.
pub(crate) struct Report {
    /// When the report was made.
    pub generated_at: Moment,
    /// The days it covers.
    pub span: Span,
    /// Who it is about, only when the user chose to be identified and gave
    /// something to identify them by.
    pub patient: Option<PatientFacts>,
    /// Profile answers, or `None` when the section is off.
    pub profile: Option<ProfileFacts>,
    /// Devices, or `None` when the section is off.
    pub devices: Option<Vec<DeviceRow>>,
    /// Sessions, or `None` when the section is off.
    pub sessions: Option<SessionFacts>,
    /// Cleanings per device, or `None` when the section is off.
    pub cleanings: Option<Vec<CleaningRow>>,
    /// Symptom reports, or `None` when the section is off.
    pub symptoms: Option<SymptomFacts>,
    /// Alerts, or `None` when the section is off.
    pub alerts: Option<AlertFacts>,
    /// The care plan, or `None` when the section is off.
    pub care_plan: Option<CarePlanFacts>,
    /// The symptom course after each session, or `None` unless both the
    /// sessions and the symptoms sections are on.
    pub course: Option<CourseFacts>,
    /// Sessions, cleanings and reports on one axis, or `None` when all
    /// three sections are off.
    pub timeline: Option<TimelineFacts>,
}

impl Report {
    /// True when the days shown hold no session, cleaning, symptom report or
    /// alert in the sections that are on: the report says so plainly rather
    /// than print rows of zeros as if they were findings.
    pub(crate) fn recorded_nothing(&self) -> bool {
        self.sessions.as_ref().is_none_or(|s| s.rows.is_empty())
            && self
                .cleanings
                .as_ref()
                .is_none_or(|rows| rows.iter().all(|r| r.total == 0))
            && self.symptoms.as_ref().is_none_or(|s| s.rows.is_empty())
            && self.alerts.as_ref().is_none_or(|a| a.rows.is_empty())
    }
}

/// Reads the store and derives the report's facts as of `now`.
pub(crate) fn gather(store: &Snapshot<'_>, options: &ReportOptions, now: Moment) -> Result<Report> {
    let sections = options.sections;
    let redact = options.privacy.redact_notes;
    let all_sessions = store.sessions()?;
    let devices = store.devices()?;
    let names: HashMap<DeviceId, String> =
        devices.iter().map(|d| (d.id, d.nickname.clone())).collect();
    let plans = store.care_plan_history()?;
    let profiles = store.profile_history()?;
    let reports = if sections.symptoms || sections.alerts {
        store.symptom_reports()?
    } else {
        Vec::new()
    };
    let span = Span::new(&options.period, &now, &all_sessions, &reports);
    let cleanings = if sections.devices || sections.cleanings {
        devices::read_cleanings(store, &devices)?
    } else {
        HashMap::new()
    };
    let patient = if options.privacy.identify_patient {
        profiles
            .iter()
            .max_by_key(|p| p.saved_at)
            .and_then(|p| patient::gather(&p.identity))
    } else {
        None
    };
    let sessions = sections
        .sessions
        .then(|| sessions::gather(&all_sessions, &names, &plans, &span, redact));
    let symptoms = sections
        .symptoms
        .then(|| symptoms::gather(&reports, &all_sessions, &profiles, &span, options.privacy));
    let course = (sections.sessions && sections.symptoms)
        .then(|| course::gather(&all_sessions, &reports, &names, &span));
    let timeline = (sections.sessions || sections.cleanings || sections.symptoms).then(|| {
        timeline::gather(
            sessions.as_ref(),
            sections.cleanings.then_some(&cleanings),
            symptoms.as_ref(),
            &span,
        )
    });
    Ok(Report {
        generated_at: now,
        patient,
        profile: sections
            .profile
            .then(|| profile::gather(&profiles, &all_sessions, &span)),
        devices: sections
            .devices
            .then(|| devices::device_rows(store, &devices, &cleanings, &all_sessions, &span, now))
            .transpose()?,
        cleanings: sections
            .cleanings
            .then(|| devices::cleaning_rows(&devices, &cleanings, &span)),
        symptoms,
        alerts: sections
            .alerts
            .then(|| alerts::gather(store, &span, now))
            .transpose()?,
        care_plan: sections
            .care_plan
            .then(|| profile::care_plan(&plans, &span)),
        sessions,
        course,
        timeline,
        span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_withheld_note_keeps_no_word_of_it() {
        assert_eq!(Note::of(Some("  "), false), None);
        assert_eq!(Note::of(None, true), None);
        let withheld = Note::of(Some("Покраснение"), true).unwrap();
        assert_eq!(withheld, Note::Withheld);
        assert_eq!(withheld.shown(), WITHHELD);
        assert_eq!(Note::of(Some(" Ελαφρύ "), false).unwrap().shown(), "Ελαφρύ");
    }
}
