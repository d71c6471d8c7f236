//! Storing level changes as alerts, and acknowledging them.

use rusqlite::{Connection, Row, params};

use super::assessment::assess_at;
use super::clock_echo::{Candidate, is_clock_echo};
use super::conn_ext::ConnExt;
use super::{Snapshot, Store, rows};
use crate::alert::{Alert, AlertKind, AlertReason, Changed};
use crate::error::{Error, Result};
use crate::ids::AlertId;
use crate::risk::{Assessment, RiskLevel, TriageLevel};
use crate::time::{self, Moment};

/// Separates reasons in the stored column (ASCII record separator).
const RECORD: char = '\u{1e}';
/// Separates a reason's code from its text (ASCII unit separator).
const UNIT: char = '\u{1f}';

impl Store {
    /// Re-assesses as of `now` and records any change of level, as a change
    /// to the log does. For app start-up: time alone can raise a level (a
    /// device ages past its replacement point).
    pub fn refresh_alerts(&self, now: Moment) -> Result<Vec<Alert>> {
        let now = time::check_plausible("now", now)?;
        Ok(self.change(&now, |_| Ok(()))?.alerts)
    }

    /// Rises not yet acknowledged, oldest first.
    pub fn open_alerts(&self) -> Result<Vec<Alert>> {
        self.read(|tx| open_alerts_in(tx))
    }

    /// Every level change ever recorded, oldest first; the alerts of one
    /// change in the order it made them.
    pub fn alert_history(&self) -> Result<Vec<Alert>> {
        self.view(|view| view.alert_history())
    }

    /// Records that the user saw an alert.
    pub fn acknowledge_alert(&self, id: AlertId, now: Moment) -> Result<Alert> {
        let now = time::check_plausible("now", now)?;
        self.write(|tx| {
            let alert = find_alert(tx, id)?;
            if alert.acknowledged_at.is_none() {
                tx.execute(
                    "UPDATE alerts SET acknowledged_at_ms = ?2, acknowledged_offset_s = ?3 WHERE id = ?1",
                    params![id, time::unix_millis(&now), time::utc_offset_seconds(&now)],
                )?;
            }
            find_alert(tx, id)
        })
    }
}

/// Runs `change`, re-assesses as of `now` inside the same transaction, and
/// records every change of level, but for those that only echo a clock that
/// was ahead of this one (see `clock_echo`).
pub(super) fn change_and_assess<T>(
    conn: &Connection,
    now: &Moment,
    change: impl FnOnce(&Connection) -> Result<T>,
) -> Result<Changed<T>> {
    let value = change(conn)?;
    let assessment = assess_at(conn, now)?;
    let alerts = record_level_changes(conn, now, &assessment)?;
    Ok(Changed { value, alerts })
}

fn record_level_changes(
    conn: &Connection,
    now: &Moment,
    assessment: &Assessment,
) -> Result<Vec<Alert>> {
    let (old_preventive, old_triage) = stored_levels(conn)?;
    let mut preventive = assessment.preventive.level;
    let mut triage = assessment.triage.level;
    let mut alerts = Vec::new();
    if preventive != old_preventive {
        let reasons: Vec<AlertReason> = assessment
            .preventive
            .factors
            .iter()
            .map(|f| AlertReason {
                code: f.code.code().to_owned(),
                text: format!("{}. {}", f.seen, f.advice),
            })
            .collect();
        let candidate = Candidate {
            kind: AlertKind::Preventive,
            from: old_preventive.code(),
            to: preventive.code(),
            rising: preventive > old_preventive,
            reasons: &reasons,
        };
        if is_clock_echo(conn, &candidate, now)? {
            preventive = old_preventive;
        } else {
            alerts.push(new_alert(now, &candidate));
        }
    }
    if triage != old_triage {
        let reasons: Vec<AlertReason> = assessment
            .triage
            .prompts
            .iter()
            .map(|p| AlertReason {
                code: p.code.code().to_owned(),
                text: format!("{}. {}", p.seen, p.advice),
            })
            .collect();
        let candidate = Candidate {
            kind: AlertKind::Triage,
            from: old_triage.code(),
            to: triage.code(),
            rising: triage > old_triage,
            reasons: &reasons,
        };
        if is_clock_echo(conn, &candidate, now)? {
            triage = old_triage;
        } else {
            alerts.push(new_alert(now, &candidate));
        }
    }
    for alert in &alerts {
        insert_alert(conn, alert)?;
    }
    conn.prepare_cached(
        "INSERT INTO risk_state (id, preventive, triage) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET preventive = ?1, triage = ?2",
    )?
    .execute(params![preventive.code(), triage.code()])?;
    Ok(alerts)
}

fn new_alert(now: &Moment, change: &Candidate<'_>) -> Alert {
    Alert {
        id: AlertId::random(),
        at: *now,
        kind: change.kind,
        from_level: change.from.to_owned(),
        to_level: change.to.to_owned(),
        rising: change.rising,
        title: title_for(change.kind, change.from, change.to, change.rising),
        reasons: change.reasons.to_vec(),
        // A fall needs no acknowledgement: it is closed as it is recorded.
        acknowledged_at: (!change.rising).then_some(*now),
    }
}

fn stored_levels(conn: &Connection) -> Result<(RiskLevel, TriageLevel)> {
    let row: Option<(String, String)> = conn.query_optional(
        "SELECT preventive, triage FROM risk_state WHERE id = 1",
        [],
        |r| Ok::<_, rusqlite::Error>((r.get(0)?, r.get(1)?)),
    )?;
    match row {
        None => Ok((RiskLevel::Low, TriageLevel::Green)),
        Some((p, t)) => Ok((
            rows::code("risk_state.preventive", &p, RiskLevel::from_code)?,
            rows::code("risk_state.triage", &t, TriageLevel::from_code)?,
        )),
    }
}

/// Rises not yet acknowledged in `conn`, oldest first.
pub(super) fn open_alerts_in(conn: &Connection) -> Result<Vec<Alert>> {
    query_alerts(
        conn,
        "WHERE rising = 1 AND acknowledged_at_ms IS NULL ORDER BY at_ms, rowid",
        [],
    )
}

/// Packs reasons into their stored column.
pub(super) fn pack_reasons(reasons: &[AlertReason]) -> String {
    reasons
        .iter()
        .map(|r| format!("{}{UNIT}{}", r.code, r.text))
        .collect::<Vec<_>>()
        .join(&RECORD.to_string())
}

/// Unpacks the stored column of reasons.
pub(super) fn unpack_reasons(text: &str) -> Vec<AlertReason> {
    text.split(RECORD)
        .filter(|r| !r.is_empty())
        .map(|r| {
            let (code, text) = r.split_once(UNIT).unwrap_or((r, ""));
            AlertReason {
                code: code.to_owned(),
                text: text.to_owned(),
            }
        })
        .collect()
}

/// Stores one alert as given.
pub(super) fn insert_alert(conn: &Connection, alert: &Alert) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO alerts (id, at_ms, at_offset_s, kind, from_level, to_level, rising, reasons,
                             acknowledged_at_ms, acknowledged_offset_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        alert.id,
        time::unix_millis(&alert.at),
        time::utc_offset_seconds(&alert.at),
        alert.kind.code(),
        alert.from_level,
        alert.to_level,
        alert.rising,
        pack_reasons(&alert.reasons),
        alert.acknowledged_at.as_ref().map(time::unix_millis),
        alert.acknowledged_at.as_ref().map(time::utc_offset_seconds),
    ])?;
    Ok(())
}

fn find_alert(conn: &Connection, id: AlertId) -> Result<Alert> {
    query_alerts(conn, "WHERE id = ?1", [id])?
        .pop()
        .ok_or_else(|| Error::NotFound {
            entity: AlertId::ENTITY,
            id: id.to_string(),
        })
}

fn query_alerts(conn: &Connection, tail: &str, args: impl rusqlite::Params) -> Result<Vec<Alert>> {
    conn.query_rows(
        &format!(
            "SELECT id, at_ms, at_offset_s, kind, from_level, to_level, rising, reasons,
                    acknowledged_at_ms, acknowledged_offset_s FROM alerts {tail}"
        ),
        args,
        |r| StoredAlert::from_row(r)?.into_alert(),
    )
}

struct StoredAlert {
    id: AlertId,
    at: (i64, i32),
    kind: String,
    from_level: String,
    to_level: String,
    rising: bool,
    reasons: String,
    acknowledged: (Option<i64>, Option<i32>),
}

impl StoredAlert {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            at: (row.get(1)?, row.get(2)?),
            kind: row.get(3)?,
            from_level: row.get(4)?,
            to_level: row.get(5)?,
            rising: row.get(6)?,
            reasons: row.get(7)?,
            acknowledged: (row.get(8)?, row.get(9)?),
        })
    }

    fn into_alert(self) -> Result<Alert> {
        let kind = rows::code("alerts.kind", &self.kind, AlertKind::from_code)?;
        let reasons = unpack_reasons(&self.reasons);
        let title = title_for(kind, &self.from_level, &self.to_level, self.rising);
        Ok(Alert {
            id: self.id,
            at: rows::moment("alerts.at", self.at.0, self.at.1)?,
            kind,
            from_level: self.from_level,
            to_level: self.to_level,
            rising: self.rising,
            title,
            reasons,
            acknowledged_at: rows::optional_moment(
                "alerts.acknowledged_at",
                self.acknowledged.0,
                self.acknowledged.1,
            )?,
        })
    }
}

fn title_for(kind: AlertKind, from: &str, to: &str, rising: bool) -> String {
    match (kind, to) {
        (AlertKind::Triage, "red") => "Seek urgent care".to_owned(),
        (AlertKind::Triage, "amber") => "Contact your dermatologist".to_owned(),
        (AlertKind::Triage, _) => "Symptoms back within the expected course".to_owned(),
        (AlertKind::Preventive, _) => format!(
            "Infection risk {} from {from} to {to}",
            if rising { "rose" } else { "fell" }
        ),
    }
}

impl Snapshot<'_> {
    /// Every level change ever recorded, oldest first; the alerts of one
    /// change in the order it made them.
    pub fn alert_history(&self) -> Result<Vec<Alert>> {
        query_alerts(self.conn, "ORDER BY at_ms, rowid", [])
    }
}
