//! Alerts: what the app is told when a change raises a risk level.
//!
//! Every change to the log re-assesses. When the preventive level or the
//! triage level rises, an alert is stored, returned to the caller of the
//! change, and passed at once to every registered listener (so a shell can
//! post a notification). Alerts stay open until acknowledged; levels that
//! fall are recorded too, as closed entries. A caller whose clock is behind
//! one the log has already seen does not record a fall, nor announce again
//! the rise that such a fall undid (see `store::clock_echo`).

use crate::ids::AlertId;
use crate::rules::triage::{TriagePromptCode, triage_rule};
use crate::time::Moment;

/// Which assessment an alert is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AlertKind {
    /// Preventive risk (behaviour and state).
    Preventive,
    /// Symptom triage.
    Triage,
}

crate::codes::stable_codes!(AlertKind {
    Preventive => "preventive",
    Triage => "triage",
});

/// One reason behind an alert: a factor or a triage prompt.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertReason {
    /// The factor's or prompt's stable code.
    pub code: String,
    /// What was seen and what to do, in plain words.
    pub text: String,
}

impl AlertReason {
    /// The reason as a clinician's report tells it: for a triage prompt,
    /// what was seen, then what the patient was told in words for the
    /// clinician (the stored text ends with the advice the patient saw,
    /// which says "call NHS 111" to whoever reads it). A text that does not
    /// end with the prompt's advice as it is today (the advice was reworded
    /// since) is given as what the patient was shown.
    pub fn as_reported(&self, kind: AlertKind) -> String {
        let rule = match kind {
            AlertKind::Triage => TriagePromptCode::from_code(&self.code).and_then(triage_rule),
            AlertKind::Preventive => None,
        };
        match rule {
            None => self.text.clone(),
            Some(rule) => match self.text.strip_suffix(rule.advice) {
                Some(seen) => format!("{seen}{}", rule.advised),
                None => format!("Shown to the patient: {}", self.text),
            },
        }
    }
}

/// A change of risk level.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// Its stable id.
    pub id: AlertId,
    /// When the change that caused it was made.
    pub at: Moment,
    /// Which assessment changed.
    pub kind: AlertKind,
    /// The level before (`low`, `moderate`, `high`; `green`, `amber`, `red`).
    pub from_level: String,
    /// The level after.
    pub to_level: String,
    /// True for a rise (an alert to acknowledge), false for a fall.
    pub rising: bool,
    /// A one-line title for a notification.
    pub title: String,
    /// The reasons at the new level.
    pub reasons: Vec<AlertReason>,
    /// When the user acknowledged it; falls are closed from the start.
    pub acknowledged_at: Option<Moment>,
}

impl Alert {
    /// True while a rise waits for the user's acknowledgement.
    pub fn is_open(&self) -> bool {
        self.rising && self.acknowledged_at.is_none()
    }
}

/// Told at once, on the thread that made the change, about every new rise.
pub trait AlertListener: Send + Sync {
    /// Called after the change is committed.
    fn on_alert(&self, alert: &Alert);
}

/// The result of a change, with the alerts it raised.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed<T> {
    /// What the change returned.
    pub value: T,
    /// The level changes it caused (rises and falls).
    pub alerts: Vec<Alert>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(code: &str, text: &str) -> AlertReason {
        AlertReason {
            code: code.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn a_triage_reason_is_reported_with_what_the_patient_was_told() {
        let rule = triage_rule(TriagePromptCode::Fever).unwrap();
        let stored = reason(
            "fever",
            &format!("A fever (report of 2026-03-02). {}", rule.advice),
        );
        assert_eq!(
            stored.as_reported(AlertKind::Triage),
            format!("A fever (report of 2026-03-02). {}", rule.advised)
        );
        let reworded = reason("fever", "A fever. Call someone.");
        assert_eq!(
            reworded.as_reported(AlertKind::Triage),
            "Shown to the patient: A fever. Call someone."
        );
        let factor = reason("device_not_cleaned", "Not cleaned. Soak it.");
        assert_eq!(
            factor.as_reported(AlertKind::Preventive),
            "Not cleaned. Soak it."
        );
    }
}
