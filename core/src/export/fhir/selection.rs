//! What one bundle covers: the records of the chosen sections and period,
//! read from the store once, oldest first.

use super::care_selection::CareRecords;
use super::ids;
use crate::alert::Alert;
use crate::device::Device;
use crate::error::Result;
use crate::export::select::owned_during;
use crate::export::{Period, Sections};
use crate::ids::{DeviceId, ReportId, SessionId};
use crate::risk::TriagePrompt;
use crate::session::Session;
use crate::store::Snapshot;
use crate::symptom::SymptomReport;
use crate::time::Moment;
use crate::wear::DeviceWear;

/// The records a bundle is built from.
pub struct Selection {
    /// The Patient's id (see [`patient_id`]).
    pub patient_id: String,
    /// Devices in use during the period, or used by a session in it, with
    /// their wear as of the export.
    pub devices: Vec<(Device, DeviceWear)>,
    /// Sessions in the period.
    pub sessions: Vec<Session>,
    /// Symptom reports in the period.
    pub reports: Vec<SymptomReport>,
    /// Current triage prompts raised by those reports.
    pub prompts: Vec<TriagePrompt>,
    /// Level changes in the period.
    pub alerts: Vec<Alert>,
    /// The profile, cleanings and care plans.
    pub care: CareRecords,
}

impl Selection {
    /// Reads what `sections` and `period` cover, as of `now`.
    pub fn read(
        store: &Snapshot<'_>,
        sections: &Sections,
        period: &Period,
        now: Moment,
    ) -> Result<Self> {
        let all_devices = store.devices()?;
        let all_reports = store.symptom_reports()?;
        let patient_id = patient_id(&all_devices, &all_reports);

        let mut sessions: Vec<Session> = if sections.sessions {
            store
                .sessions()?
                .into_iter()
                .filter(|s| period.contains(&s.at))
                .collect()
        } else {
            Vec::new()
        };
        crate::sorting::sort_by(&mut sessions, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));

        let mut devices = Vec::new();
        if sections.devices {
            let used = |id: DeviceId| sessions.iter().any(|s| s.device_id == id);
            let mut chosen: Vec<Device> = all_devices
                .into_iter()
                .filter(|d| used(d.id) || owned_during(d, period))
                .collect();
            crate::sorting::sort_by(&mut chosen, |a, b| {
                a.added_at.cmp(&b.added_at).then(a.id.cmp(&b.id))
            });
            for device in chosen {
                let wear = store.device_overview(device.id, now)?.wear;
                devices.push((device, wear));
            }
        }

        let mut reports: Vec<SymptomReport> = if sections.symptoms {
            all_reports
                .into_iter()
                .filter(|r| period.contains(&r.at))
                .collect()
        } else {
            Vec::new()
        };
        crate::sorting::sort_by(&mut reports, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
        let prompts = if reports.is_empty() {
            Vec::new()
        } else {
            let mut prompts: Vec<TriagePrompt> = store
                .assess(now)?
                .triage
                .prompts
                .into_iter()
                .filter(|p| reports.iter().any(|r| r.id == p.report_id))
                .collect();
            crate::sorting::sort_by(&mut prompts, |a, b| {
                position(&reports, a.report_id)
                    .cmp(&position(&reports, b.report_id))
                    .then(b.level.cmp(&a.level))
                    .then(a.code.code().cmp(b.code.code()))
            });
            prompts
        };

        let alerts = if sections.alerts {
            store
                .alert_history()?
                .into_iter()
                .filter(|a| period.contains(&a.at))
                .collect()
        } else {
            Vec::new()
        };

        Ok(Self {
            patient_id,
            devices,
            sessions,
            reports,
            prompts,
            alerts,
            care: CareRecords::read(store, sections, period)?,
        })
    }

    /// True when the device's entry is in the bundle.
    pub fn has_device(&self, id: DeviceId) -> bool {
        self.devices.iter().any(|(d, _)| d.id == id)
    }

    /// True when the session's entry is in the bundle.
    pub fn has_session(&self, id: SessionId) -> bool {
        self.sessions.iter().any(|s| s.id == id)
    }
}

fn position(reports: &[SymptomReport], id: ReportId) -> usize {
    reports
        .iter()
        .position(|r| r.id == id)
        .unwrap_or(usize::MAX)
}

/// The Patient's id. The store has no id of its own, so it is derived from
/// the log's oldest lasting record: the first device added (devices are
/// retired, never deleted), else the first symptom report. The same log
/// therefore keeps one Patient across exports, whatever they cover, and two
/// logs never share one.
fn patient_id(devices: &[Device], reports: &[SymptomReport]) -> String {
    let first_device = devices
        .iter()
        .min_by(|a, b| a.added_at.cmp(&b.added_at).then(a.id.cmp(&b.id)))
        .map(|d| format!("device/{}", d.id));
    let first_report = || {
        reports
            .iter()
            .min_by(|a, b| a.recorded_at.cmp(&b.recorded_at).then(a.id.cmp(&b.id)))
            .map(|r| format!("report/{}", r.id))
    };
    let anchor = first_device
        .or_else(first_report)
        .unwrap_or_else(|| "empty-log".to_owned());
    ids::derived("patient", &anchor)
}
