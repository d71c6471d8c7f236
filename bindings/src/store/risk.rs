//! Symptom reports, the assessment, alerts, the listener and reminders.

use std::sync::Arc;

use rollsafe_core as core;

use super::{RollSafeStore, parse_device_id, parse_session_id};
use crate::enums::QuietHours;
use crate::error::RollSafeError;
use crate::listener::{AlertListener, AlertSubscription};
use crate::records::{
    Alert, Assessment, NewSymptomReport, Reminder, ReportUpdate, SymptomReport, Today, alerts,
};
use crate::time::Moment;

#[uniffi::export]
impl RollSafeStore {
    /// The home screen in one call, read in one snapshot: for each device in
    /// use, may a session start now on each body region and when next (the
    /// skin checks come when logging: show `skin_checks_note`), the current
    /// risk, the open alerts and the upcoming reminders.
    pub fn today(&self, now: Moment) -> Result<Today, RollSafeError> {
        Ok(self.core.today(now.to_core("now")?)?.into())
    }

    /// Records a symptom report (or a 24 h / 72 h check-in), linked to the
    /// session the user names or else to the latest session on an overlapping
    /// zone within 30 days before it.
    pub fn record_symptom_report(
        &self,
        report: NewSymptomReport,
        now: Moment,
    ) -> Result<ReportUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(report_update(
            self.core.record_symptom_report(report.into_core()?, now)?,
        ))
    }

    /// Links a report to another session, or to none, as the user decides.
    pub fn link_report(
        &self,
        id: String,
        session_id: Option<String>,
        now: Moment,
    ) -> Result<ReportUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        let id = core::ReportId::parse("id", &id)?;
        let session = session_id
            .map(|s| parse_session_id("session_id", &s))
            .transpose()?;
        Ok(report_update(self.core.link_report(id, session, now)?))
    }

    /// Marks a report resolved at `at`: the symptoms have gone.
    pub fn resolve_report(
        &self,
        id: String,
        at: Moment,
        now: Moment,
    ) -> Result<ReportUpdate, RollSafeError> {
        let id = core::ReportId::parse("id", &id)?;
        let at = at.to_core("at")?;
        let now = now.to_core("now")?;
        Ok(report_update(self.core.resolve_report(id, at, now)?))
    }

    /// Records that a clinician saw the skin about a report at `at`: an
    /// amber or red prompt from it no longer stops needling. Refused if `at`
    /// is before the report or after `now`, or if a visit is already recorded.
    pub fn record_clinician_seen(
        &self,
        id: String,
        at: Moment,
        now: Moment,
    ) -> Result<ReportUpdate, RollSafeError> {
        let id = core::ReportId::parse("id", &id)?;
        let at = at.to_core("at")?;
        let now = now.to_core("now")?;
        Ok(report_update(self.core.record_clinician_seen(id, at, now)?))
    }

    /// Every symptom report, most recent first.
    pub fn symptom_reports(&self) -> Result<Vec<SymptomReport>, RollSafeError> {
        let reports = self.core.symptom_reports()?;
        Ok(reports.into_iter().map(SymptomReport::from).collect())
    }

    /// The preventive risk and the symptom triage as of `now`, each with its
    /// factors and their sources. Deterministic: same log, same `now`, same
    /// assessment.
    pub fn assess(&self, now: Moment) -> Result<Assessment, RollSafeError> {
        Ok(self.core.assess(now.to_core("now")?)?.into())
    }

    /// Re-assesses as of `now` and records any change of level (time alone
    /// can raise one). Call at app start.
    pub fn refresh_alerts(&self, now: Moment) -> Result<Vec<Alert>, RollSafeError> {
        Ok(alerts(self.core.refresh_alerts(now.to_core("now")?)?))
    }

    /// Rises not yet acknowledged, oldest first.
    pub fn open_alerts(&self) -> Result<Vec<Alert>, RollSafeError> {
        Ok(alerts(self.core.open_alerts()?))
    }

    /// Every level change ever recorded, oldest first.
    pub fn alert_history(&self) -> Result<Vec<Alert>, RollSafeError> {
        Ok(alerts(self.core.alert_history()?))
    }

    /// Records that the user saw an alert.
    pub fn acknowledge_alert(&self, id: String, now: Moment) -> Result<Alert, RollSafeError> {
        let id = core::AlertId::parse("id", &id)?;
        Ok(self.core.acknowledge_alert(id, now.to_core("now")?)?.into())
    }

    /// Registers `listener` to be told of every new alert at once, on the
    /// thread that made the change. Keep the subscription; cancelling or
    /// dropping it stops the calls.
    pub fn add_alert_listener(
        self: Arc<Self>,
        listener: Arc<dyn AlertListener>,
    ) -> Arc<AlertSubscription> {
        AlertSubscription::register(self, listener)
    }

    /// The upcoming reminders as of `now`, soonest first, each with a stable
    /// id to reconcile notifications by.
    pub fn reminders(&self, now: Moment) -> Result<Vec<Reminder>, RollSafeError> {
        let reminders = self.core.reminders(now.to_core("now")?)?;
        Ok(reminders.into_iter().map(Reminder::from).collect())
    }

    /// Sets the quiet hours (`null`/`nil` turns them off).
    pub fn set_quiet_hours(&self, quiet: Option<QuietHours>) -> Result<(), RollSafeError> {
        Ok(self.core.set_quiet_hours(quiet)?)
    }

    /// The quiet hours, if set.
    pub fn quiet_hours(&self) -> Result<Option<QuietHours>, RollSafeError> {
        Ok(self.core.quiet_hours()?)
    }

    /// Starts a soak timer for a device (1 to 120 minutes), started at
    /// `started_at` as the clock showed `now`; logging the device's next
    /// cleaning stops it. A start more than five minutes after `now` is
    /// refused (`started_at`).
    pub fn start_soak_timer(
        &self,
        device_id: String,
        started_at: Moment,
        minutes: u32,
        now: Moment,
    ) -> Result<(), RollSafeError> {
        let id = parse_device_id("device_id", &device_id)?;
        Ok(self.core.start_soak_timer(
            id,
            started_at.to_core("started_at")?,
            minutes,
            now.to_core("now")?,
        )?)
    }
}

impl RollSafeStore {
    /// The core store, for the listener registry.
    pub(crate) fn core(&self) -> &core::Store {
        &self.core
    }
}

fn report_update(changed: core::Changed<core::SymptomReport>) -> ReportUpdate {
    ReportUpdate {
        report: changed.value.into(),
        alerts: alerts(changed.alerts),
    }
}
