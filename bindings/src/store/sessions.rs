//! Sessions: the check before, recording, editing, deleting, history.

use super::{RollSafeStore, parse_session_id};
use crate::error::RollSafeError;
use crate::records::{
    Alert, NewSession, RecordedSession, Session, SessionHistory, SessionPlan, SessionUpdate,
    SessionVerdict, alerts,
};
use crate::time::Moment;

#[uniffi::export]
impl RollSafeStore {
    /// May the planned session start at `now`? Every blocker, caution and
    /// warning, each naming its rule by `rule_id` (look the source up with
    /// `rule_source`), and the next allowed local date.
    pub fn check_session(
        &self,
        plan: SessionPlan,
        now: Moment,
    ) -> Result<SessionVerdict, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(self.core.check_session(&plan.into_core()?, now)?.into())
    }

    /// Records a session, checked as of when it took place. A blocked session
    /// is refused with `SessionBlocked` unless every blocker's code is in
    /// `acknowledged_blockers`; acknowledged blockers are kept with it.
    pub fn record_session(
        &self,
        session: NewSession,
        acknowledged_blockers: Vec<String>,
        now: Moment,
    ) -> Result<RecordedSession, RollSafeError> {
        let now = now.to_core("now")?;
        let recorded =
            self.core
                .record_session(session.into_core()?, &acknowledged_blockers, now)?;
        Ok(recorded.into())
    }

    /// Replaces a session's details, keeping the previous version in its
    /// history.
    pub fn edit_session(
        &self,
        id: String,
        session: NewSession,
        now: Moment,
    ) -> Result<SessionUpdate, RollSafeError> {
        let now = now.to_core("now")?;
        let id = parse_session_id("id", &id)?;
        let changed = self.core.edit_session(id, session.into_core()?, now)?;
        Ok(SessionUpdate {
            session: changed.value.into(),
            alerts: alerts(changed.alerts),
        })
    }

    /// Marks a session deleted; it stays in its history. Returns the level
    /// changes the deletion caused.
    pub fn delete_session(&self, id: String, now: Moment) -> Result<Vec<Alert>, RollSafeError> {
        let now = now.to_core("now")?;
        Ok(alerts(
            self.core
                .delete_session(parse_session_id("id", &id)?, now)?
                .alerts,
        ))
    }

    /// The current version of a session.
    pub fn session(&self, id: String) -> Result<Session, RollSafeError> {
        Ok(self.core.session(parse_session_id("id", &id)?)?.into())
    }

    /// Every session not deleted, most recent first.
    pub fn sessions(&self) -> Result<Vec<Session>, RollSafeError> {
        Ok(self
            .core
            .sessions()?
            .into_iter()
            .map(Session::from)
            .collect())
    }

    /// Every version of a session, and when it was deleted.
    pub fn session_history(&self, id: String) -> Result<SessionHistory, RollSafeError> {
        Ok(self
            .core
            .session_history(parse_session_id("id", &id)?)?
            .into())
    }
}
