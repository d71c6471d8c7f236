//! What the verbs that change the log show: the record as the core stored
//! it, and the alerts the change raised. Every field is the core's answer.

use chrono::NaiveDate;
use rollsafe_core::{
    CarePlan, Cleaning, Moment, Profile, Reminder, SessionHistory, SessionVerdict, SymptomReport,
};
use serde::Serialize;

use super::safety::{AlertView, FindingView, ReminderView, RestView};
use super::ser;
use super::session::SessionView;

/// A recorded cleaning.
#[derive(Debug, Serialize)]
pub struct CleaningRecordView {
    /// Its stable id.
    pub id: String,
    /// The device's id.
    pub device_id: String,
    /// When it was cleaned.
    #[serde(serialize_with = "ser::moment")]
    pub at: Moment,
    /// The method code.
    pub method: &'static str,
    /// How long it soaked, if a soak.
    pub soak_minutes: Option<u32>,
    /// When it was entered.
    #[serde(serialize_with = "ser::moment")]
    pub recorded_at: Moment,
    /// The alerts the change raised.
    pub alerts: Vec<AlertView>,
}

impl CleaningRecordView {
    /// The view of `cleaning` and the alerts it raised.
    pub fn new(cleaning: &Cleaning, alerts: Vec<AlertView>) -> Self {
        Self {
            id: cleaning.id.to_string(),
            device_id: cleaning.device_id.to_string(),
            at: cleaning.at,
            method: cleaning.method.code(),
            soak_minutes: cleaning.soak_minutes,
            recorded_at: cleaning.recorded_at,
            alerts,
        }
    }
}

/// A soak timer started.
#[derive(Debug, Serialize)]
pub struct SoakView {
    /// The device's id.
    pub device_id: String,
    /// When it started.
    #[serde(serialize_with = "ser::moment")]
    pub started_at: Moment,
    /// How long it runs.
    pub minutes: u32,
    /// The reminders as they now stand (the soak's among them).
    pub reminders: Vec<ReminderView>,
}

/// The core's verdict on a planned session.
#[derive(Debug, Serialize)]
pub struct VerdictView {
    /// True when no finding blocks it (cautions still ask an
    /// acknowledgement when logging).
    pub allowed: bool,
    /// The first local date every rest interval has passed, if not yet.
    #[serde(serialize_with = "ser::opt_date")]
    pub next_allowed_date: Option<NaiveDate>,
    /// The codes logging needs acknowledged (blockers and cautions).
    pub to_acknowledge: Vec<&'static str>,
    /// Every reason, blockers first.
    pub findings: Vec<FindingView>,
    /// The rest interval of each region the plan touches.
    pub rest: Vec<RestView>,
}

impl From<&SessionVerdict> for VerdictView {
    fn from(verdict: &SessionVerdict) -> Self {
        Self {
            allowed: verdict.allowed,
            next_allowed_date: verdict.next_allowed_date,
            to_acknowledge: verdict.to_acknowledge().map(|f| f.code.code()).collect(),
            findings: verdict.findings.iter().map(FindingView::from).collect(),
            rest: verdict.rest.iter().map(RestView::from).collect(),
        }
    }
}

/// A session logged.
#[derive(Debug, Serialize)]
pub struct LoggedView {
    /// The stored session.
    pub session: SessionView,
    /// The verdict it was recorded under.
    pub verdict: VerdictView,
    /// The alerts the change raised.
    pub alerts: Vec<AlertView>,
}

/// A session changed (edited) with the alerts it raised.
#[derive(Debug, Serialize)]
pub struct SessionChangedView {
    /// The session as it now stands.
    pub session: SessionView,
    /// The alerts the change raised.
    pub alerts: Vec<AlertView>,
}

/// A session deleted.
#[derive(Debug, Serialize)]
pub struct DeletedView {
    /// The session's id.
    pub session_id: String,
    /// The alerts the change raised.
    pub alerts: Vec<AlertView>,
}

/// Every version of a session.
#[derive(Debug, Serialize)]
pub struct HistoryView {
    /// The versions, oldest first.
    pub versions: Vec<SessionView>,
    /// When it was deleted, if it was.
    #[serde(serialize_with = "ser::opt_moment")]
    pub deleted_at: Option<Moment>,
}

impl HistoryView {
    /// The view of `history`, naming devices from `devices`.
    pub fn new(history: &SessionHistory, devices: &[rollsafe_core::Device]) -> Self {
        Self {
            versions: history
                .versions
                .iter()
                .map(|s| SessionView::new(s, devices))
                .collect(),
            deleted_at: history.deleted_at,
        }
    }
}

/// One symptom in a report.
#[derive(Debug, Serialize)]
pub struct SymptomView {
    /// Its code.
    pub symptom: &'static str,
    /// Its severity 0 to 10, if given.
    pub severity: Option<u8>,
}

/// A symptom report as the log holds it.
#[derive(Debug, Serialize)]
pub struct ReportRecordView {
    /// Its stable id.
    pub id: String,
    /// When the skin was looked at.
    #[serde(serialize_with = "ser::moment")]
    pub at: Moment,
    /// `report`, `check_in_24h` or `check_in_72h`.
    pub kind: &'static str,
    /// The zone codes.
    pub zones: Vec<&'static str>,
    /// The symptoms seen.
    pub symptoms: Vec<SymptomView>,
    /// How bad overall, 0 to 10.
    pub overall_severity: u8,
    /// The trend code, if given.
    pub trend: Option<&'static str>,
    /// The session it is about, if any.
    pub session_id: Option<String>,
    /// True when the user chose the session (or chose none).
    pub link_chosen_by_user: bool,
    /// When the symptoms were gone, if they are.
    #[serde(serialize_with = "ser::opt_moment")]
    pub resolved_at: Option<Moment>,
    /// When a clinician saw the skin about it, if one did.
    #[serde(serialize_with = "ser::opt_moment")]
    pub clinician_seen_at: Option<Moment>,
    /// When it was entered.
    #[serde(serialize_with = "ser::moment")]
    pub recorded_at: Moment,
}

impl From<&SymptomReport> for ReportRecordView {
    fn from(report: &SymptomReport) -> Self {
        Self {
            id: report.id.to_string(),
            at: report.at,
            kind: report.kind.code(),
            zones: report.zones.iter().map(|z| z.code()).collect(),
            symptoms: report
                .symptoms
                .iter()
                .map(|s| SymptomView {
                    symptom: s.symptom.code(),
                    severity: s.severity,
                })
                .collect(),
            overall_severity: report.overall_severity,
            trend: report.trend.map(|t| t.code()),
            session_id: report.session_id.map(|s| s.to_string()),
            link_chosen_by_user: report.link_chosen_by_user,
            resolved_at: report.resolved_at,
            clinician_seen_at: report.clinician_seen_at,
            recorded_at: report.recorded_at,
        }
    }
}

/// A symptom report recorded or changed, and the alerts that raised.
#[derive(Debug, Serialize)]
pub struct SymptomReportView {
    /// The report.
    #[serde(flatten)]
    pub report: ReportRecordView,
    /// The alerts the change raised.
    pub alerts: Vec<AlertView>,
}

impl SymptomReportView {
    /// The view of `report` and the alerts it raised.
    pub fn new(report: &SymptomReport, alerts: Vec<AlertView>) -> Self {
        Self {
            report: report.into(),
            alerts,
        }
    }
}

/// Every symptom report, most recent first.
#[derive(Debug, Serialize)]
pub struct ReportsView {
    /// The reports.
    pub reports: Vec<ReportRecordView>,
}

/// One profile answer.
#[derive(Debug, Serialize)]
pub struct AnswerView {
    /// The condition code.
    pub condition: &'static str,
    /// Whether it applies.
    pub present: bool,
    /// For isotretinoin: when it was stopped.
    #[serde(serialize_with = "ser::opt_date")]
    pub stopped_on: Option<NaiveDate>,
    /// When it was last confirmed.
    #[serde(serialize_with = "ser::moment")]
    pub confirmed_at: Moment,
}

/// The profile (`null` fields when never saved).
#[derive(Debug, Serialize)]
pub struct ProfileView {
    /// The Fitzpatrick skin type code, if known.
    pub skin_type: Option<&'static str>,
    /// The answers given.
    pub answers: Vec<AnswerView>,
    /// The user's name, if given.
    pub name: Option<String>,
    /// The date of birth, if given.
    #[serde(serialize_with = "ser::opt_date")]
    pub birth_date: Option<NaiveDate>,
    /// The patient number, if given.
    pub patient_number: Option<String>,
    /// Who issued the patient number, if given.
    pub issuer: Option<String>,
    /// When this revision was saved; `null` when none was.
    #[serde(serialize_with = "ser::opt_moment")]
    pub saved_at: Option<Moment>,
    /// The alerts the change raised (empty for `profile show`).
    pub alerts: Vec<AlertView>,
}

impl ProfileView {
    /// The view of `profile` (none saved yet when `None`).
    pub fn new(profile: Option<&Profile>, alerts: Vec<AlertView>) -> Self {
        let identity = profile.map(|p| &p.identity);
        let identifier = identity.and_then(|i| i.identifier.as_ref());
        Self {
            skin_type: profile.and_then(|p| p.skin_type).map(|t| t.code()),
            answers: profile
                .map(|p| {
                    p.answers
                        .iter()
                        .map(|a| AnswerView {
                            condition: a.condition.code(),
                            present: a.present,
                            stopped_on: a.stopped_on,
                            confirmed_at: a.confirmed_at,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            name: identity.and_then(|i| i.name.clone()),
            birth_date: identity.and_then(|i| i.birth_date),
            patient_number: identifier.map(|i| i.value.clone()),
            issuer: identifier.and_then(|i| i.issuer.clone()),
            saved_at: profile.map(|p| p.saved_at),
            alerts,
        }
    }
}

/// A region's value in the care plan.
#[derive(Debug, Serialize)]
pub struct RegionValueView<T> {
    /// The region code.
    pub region: &'static str,
    /// Rest days or needle millimetres.
    pub value: T,
}

/// The care plan in force (`set_by` is `null` when there is none).
#[derive(Debug, Serialize)]
pub struct CarePlanFullView {
    /// Who set it.
    pub set_by: Option<String>,
    /// When.
    #[serde(serialize_with = "ser::opt_moment")]
    pub set_at: Option<Moment>,
    /// Minimum rest per region, in days.
    pub rest_days: Vec<RegionValueView<u32>>,
    /// Longest needle per region, in millimetres.
    pub max_needle_mm: Vec<RegionValueView<f64>>,
    /// The only zones allowed (empty: all).
    pub allowed_zones: Vec<&'static str>,
    /// Product categories to avoid.
    pub avoid_products: Vec<&'static str>,
    /// Conditions cleared for needling.
    pub cleared_conditions: Vec<&'static str>,
    /// The alerts the change raised (empty for `care-plan show`).
    pub alerts: Vec<AlertView>,
}

impl CarePlanFullView {
    /// The view of `plan` (none in force when `None`).
    pub fn new(plan: Option<&CarePlan>, alerts: Vec<AlertView>) -> Self {
        Self {
            set_by: plan.map(|p| p.set_by.clone()),
            set_at: plan.map(|p| p.set_at),
            rest_days: plan
                .map(|p| {
                    p.rest
                        .iter()
                        .map(|r| RegionValueView {
                            region: r.region.code(),
                            value: r.min_rest_days,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            max_needle_mm: plan
                .map(|p| {
                    p.max_needle
                        .iter()
                        .map(|r| RegionValueView {
                            region: r.region.code(),
                            value: r.max_needle_length_mm,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            allowed_zones: plan
                .map(|p| p.allowed_zones.iter().map(|z| z.code()).collect())
                .unwrap_or_default(),
            avoid_products: plan
                .map(|p| p.avoid_products.iter().map(|c| c.code()).collect())
                .unwrap_or_default(),
            cleared_conditions: plan
                .map(|p| p.cleared_conditions.iter().map(|c| c.code()).collect())
                .unwrap_or_default(),
            alerts,
        }
    }
}

/// A list of alerts.
#[derive(Debug, Serialize)]
pub struct AlertsView {
    /// True when every level change is listed, false for the open rises.
    pub all: bool,
    /// The alerts, oldest first.
    pub alerts: Vec<AlertView>,
}

/// The upcoming reminders.
#[derive(Debug, Serialize)]
pub struct RemindersView {
    /// The moment they are for.
    #[serde(serialize_with = "ser::moment")]
    pub now: Moment,
    /// Soonest first.
    pub reminders: Vec<ReminderView>,
}

impl RemindersView {
    /// The view of `reminders` as of `now`.
    pub fn new(reminders: &[Reminder], now: Moment) -> Self {
        Self {
            now,
            reminders: reminders
                .iter()
                .map(|r| ReminderView::new(r, &now))
                .collect(),
        }
    }
}

/// The quiet hours now set.
#[derive(Debug, Serialize)]
pub struct QuietHoursView {
    /// HH:MM they start, `null` when off.
    pub start: Option<String>,
    /// HH:MM they end, `null` when off.
    pub end: Option<String>,
}

/// A file (or files) written by `report` or `export`.
#[derive(Debug, Serialize)]
pub struct WrittenView {
    /// The files, with their sizes.
    pub files: Vec<FileView>,
    /// True when sealed with the passphrase.
    pub sealed: bool,
}

/// One file written.
#[derive(Debug, Serialize)]
pub struct FileView {
    /// Where.
    pub path: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// The device as it now stands after a change, and the alerts raised.
#[derive(Debug, Serialize)]
pub struct DeviceChangedView {
    /// The device with its overview.
    pub device: super::device::DeviceView,
    /// The alerts the change raised.
    pub alerts: Vec<AlertView>,
}
