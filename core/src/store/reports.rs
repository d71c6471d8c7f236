//! Storing symptom reports and linking them to sessions.

use rusqlite::{Connection, Row, params};

use super::conn_ext::ConnExt;
use super::{Snapshot, Store, rows};
use crate::alert::Changed;
use crate::error::{Error, Result};
use crate::ids::{ReportId, SessionId};
use crate::rules::triage::LINK_WINDOW_DAYS;
use crate::symptom::{
    NewSymptomReport, PhotoRef, PusColour, PusConsistency, PusDescription, ReportKind,
    ReportedSymptom, Symptom, SymptomReport, SymptomTrend,
};
use crate::time::{self, Moment};
use crate::zone::BodyZone;

const REPORT_COLUMNS: &str =
    "id, at_ms, at_offset_s, kind, around_eye, overall_severity, pus_colour,
     pus_consistency, temperature_c, notes, session_id, link_chosen_by_user, resolved_at_ms,
     resolved_offset_s, recorded_at_ms, recorded_offset_s, clinician_seen_at_ms,
     clinician_seen_offset_s, trend";

impl Store {
    /// Records a symptom report, linked to the session the user names or else
    /// to the latest session on an overlapping zone within 30 days before it.
    pub fn record_symptom_report(
        &self,
        new: NewSymptomReport,
        now: Moment,
    ) -> Result<Changed<SymptomReport>> {
        let new = new.validated()?;
        let now = time::check_plausible("now", now)?;
        time::check_not_after("at", &new.at, &now)?;
        self.change(&now, |tx| {
            let (session_id, chosen) = match new.session_id {
                Some(id) => (Some(existing_session(tx, id)?), true),
                None => (likely_session(tx, &new.zones, &new.at)?, false),
            };
            let report = SymptomReport {
                id: ReportId::random(),
                at: new.at,
                kind: new.kind,
                zones: new.zones.clone(),
                around_eye: new.around_eye,
                symptoms: new.symptoms.clone(),
                overall_severity: new.overall_severity,
                pus: new.pus,
                temperature_c: new.temperature_c,
                trend: new.trend,
                notes: new.notes.clone(),
                photos: new.photos.clone(),
                session_id,
                link_chosen_by_user: chosen,
                resolved_at: None,
                clinician_seen_at: None,
                recorded_at: now,
            };
            insert_report(tx, &report)?;
            Ok(report)
        })
    }

    /// Links a report to another session (or to none), as the user decides.
    pub fn link_report(
        &self,
        id: ReportId,
        session_id: Option<SessionId>,
        now: Moment,
    ) -> Result<Changed<SymptomReport>> {
        let now = time::check_plausible("now", now)?;
        self.change(&now, |tx| {
            find_report(tx, id)?;
            let session_id = session_id.map(|s| existing_session(tx, s)).transpose()?;
            tx.execute(
                "UPDATE symptom_reports SET session_id = ?2, link_chosen_by_user = 1 WHERE id = ?1",
                params![id, session_id],
            )?;
            find_report(tx, id)
        })
    }

    /// Marks a report resolved at `at`: the symptoms have gone.
    pub fn resolve_report(
        &self,
        id: ReportId,
        at: Moment,
        now: Moment,
    ) -> Result<Changed<SymptomReport>> {
        let at = time::check_plausible("at", at)?;
        let now = time::check_plausible("now", now)?;
        time::check_not_after("at", &at, &now)?;
        self.change(&now, |tx| {
            let report = find_report(tx, id)?;
            crate::symptom::check_resolution(&report.at, &at)?;
            tx.execute(
                "UPDATE symptom_reports SET resolved_at_ms = ?2, resolved_offset_s = ?3 WHERE id = ?1",
                params![id, time::unix_millis(&at), time::utc_offset_seconds(&at)],
            )?;
            find_report(tx, id)
        })
    }

    /// Records that a clinician saw the skin about this report at `at`: an
    /// amber or red prompt from it no longer stops needling (the report stays
    /// open until it is resolved or a later report supersedes it). Refused if
    /// `at` is before the report or after `now`, or if a visit is already
    /// recorded on it (the first is kept).
    pub fn record_clinician_seen(
        &self,
        id: ReportId,
        at: Moment,
        now: Moment,
    ) -> Result<Changed<SymptomReport>> {
        let at = time::check_plausible("at", at)?;
        let now = time::check_plausible("now", now)?;
        time::check_not_after("at", &at, &now)?;
        self.change(&now, |tx| {
            let report = find_report(tx, id)?;
            crate::symptom::check_resolution(&report.at, &at)?;
            if report.clinician_seen_at.is_some() {
                return Err(Error::invalid(
                    "at",
                    "a clinician visit is already recorded on this report",
                ));
            }
            tx.execute(
                "UPDATE symptom_reports SET clinician_seen_at_ms = ?2, clinician_seen_offset_s = ?3
                  WHERE id = ?1",
                params![id, time::unix_millis(&at), time::utc_offset_seconds(&at)],
            )?;
            find_report(tx, id)
        })
    }

    /// Every report, most recent first.
    pub fn symptom_reports(&self) -> Result<Vec<SymptomReport>> {
        self.view(|view| view.symptom_reports())
    }
}

/// Reports matching `tail` (a WHERE/ORDER clause over `symptom_reports`).
pub(super) fn query_reports(
    conn: &Connection,
    tail: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<SymptomReport>> {
    // Read whole before each report's child rows are read.
    let raw = conn.query_rows(
        &format!("SELECT {REPORT_COLUMNS} FROM symptom_reports {tail}"),
        args,
        StoredReport::from_row,
    )?;
    raw.into_iter().map(|r| r.into_report(conn)).collect()
}

pub(super) fn find_report(conn: &Connection, id: ReportId) -> Result<SymptomReport> {
    query_reports(conn, "WHERE id = ?1", [id])?
        .pop()
        .ok_or_else(|| Error::NotFound {
            entity: ReportId::ENTITY,
            id: id.to_string(),
        })
}

fn existing_session(conn: &Connection, id: SessionId) -> Result<SessionId> {
    conn.query_optional(
        "SELECT 1 FROM sessions WHERE id = ?1 AND deleted_at_ms IS NULL",
        [id],
        |_| Ok::<_, rusqlite::Error>(()),
    )?
    .map(|()| id)
    .ok_or_else(|| Error::NotFound {
        entity: SessionId::ENTITY,
        id: id.to_string(),
    })
}

/// The latest session on an overlapping zone within the link window before `at`.
fn likely_session(conn: &Connection, zones: &[BodyZone], at: &Moment) -> Result<Option<SessionId>> {
    let placeholders = vec!["?"; zones.len()].join(", ");
    let sql = format!(
        "SELECT s.id FROM sessions s
          WHERE s.deleted_at_ms IS NULL AND s.at_ms <= ? AND s.at_ms >= ?
            AND EXISTS (SELECT 1 FROM session_zones z WHERE z.session_id = s.id
                         AND z.revision = s.revision AND z.zone IN ({placeholders}))
          ORDER BY s.at_ms DESC LIMIT 1"
    );
    let end = time::unix_millis(at);
    let start = end - LINK_WINDOW_DAYS * 86_400_000;
    let mut args: Vec<rusqlite::types::Value> = vec![end.into(), start.into()];
    args.extend(
        zones
            .iter()
            .map(|z| rusqlite::types::Value::Text(z.code().to_owned())),
    );
    conn.query_optional(&sql, rusqlite::params_from_iter(args), |r| r.get(0))
}

fn insert_report(conn: &Connection, r: &SymptomReport) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO symptom_reports ({REPORT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, NULL, ?13, ?14, NULL, NULL, ?15)"),
        params![
            r.id,
            time::unix_millis(&r.at),
            time::utc_offset_seconds(&r.at),
            r.kind.code(),
            r.around_eye,
            r.overall_severity,
            r.pus.map(|p| p.colour.code()),
            r.pus.map(|p| p.consistency.code()),
            r.temperature_c,
            r.notes,
            r.session_id,
            r.link_chosen_by_user,
            time::unix_millis(&r.recorded_at),
            time::utc_offset_seconds(&r.recorded_at),
            r.trend.map(SymptomTrend::code),
        ],
    )?;
    let id = r.id;
    for zone in &r.zones {
        conn.prepare_cached("INSERT INTO report_zones (report_id, zone) VALUES (?1, ?2)")?
            .execute(params![id, zone.code()])?;
    }
    for s in &r.symptoms {
        conn.prepare_cached(
            "INSERT INTO report_symptoms (report_id, symptom, severity) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, s.symptom.code(), s.severity])?;
    }
    for (position, p) in r.photos.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO report_photos (report_id, position, file, sha256) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            id,
            i64::try_from(position).unwrap_or(i64::MAX),
            p.file,
            p.sha256
        ])?;
    }
    Ok(())
}

struct StoredReport {
    id: ReportId,
    at: (i64, i32),
    kind: String,
    around_eye: bool,
    overall_severity: i64,
    pus: (Option<String>, Option<String>),
    temperature_c: Option<f64>,
    notes: Option<String>,
    session_id: Option<SessionId>,
    link_chosen_by_user: bool,
    resolved: (Option<i64>, Option<i32>),
    recorded: (i64, i32),
    clinician_seen: (Option<i64>, Option<i32>),
    trend: Option<String>,
}

impl StoredReport {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            at: (row.get(1)?, row.get(2)?),
            kind: row.get(3)?,
            around_eye: row.get(4)?,
            overall_severity: row.get(5)?,
            pus: (row.get(6)?, row.get(7)?),
            temperature_c: row.get(8)?,
            notes: row.get(9)?,
            session_id: row.get(10)?,
            link_chosen_by_user: row.get(11)?,
            resolved: (row.get(12)?, row.get(13)?),
            recorded: (row.get(14)?, row.get(15)?),
            clinician_seen: (row.get(16)?, row.get(17)?),
            trend: row.get(18)?,
        })
    }

    fn into_report(self, conn: &Connection) -> Result<SymptomReport> {
        let mut zones = conn.query_rows(
            "SELECT zone FROM report_zones WHERE report_id = ?1",
            [self.id],
            |r| {
                rows::code(
                    "report_zones.zone",
                    &r.get::<_, String>(0)?,
                    BodyZone::from_code,
                )
            },
        )?;
        crate::sorting::sort(&mut zones);
        let mut symptoms = conn.query_rows(
            "SELECT symptom, severity FROM report_symptoms WHERE report_id = ?1",
            [self.id],
            |r| {
                Ok::<_, Error>(ReportedSymptom {
                    symptom: rows::code(
                        "report_symptoms.symptom",
                        &r.get::<_, String>(0)?,
                        Symptom::from_code,
                    )?,
                    severity: severity_from(r.get(1)?)?,
                })
            },
        )?;
        crate::sorting::sort_by_key(&mut symptoms, |s| s.symptom);
        let photos = conn.query_rows(
            "SELECT file, sha256 FROM report_photos WHERE report_id = ?1 ORDER BY position",
            [self.id],
            |r| {
                Ok::<_, rusqlite::Error>(PhotoRef {
                    file: r.get(0)?,
                    sha256: r.get(1)?,
                })
            },
        )?;
        let pus = match self.pus {
            (Some(colour), Some(consistency)) => Some(PusDescription {
                colour: rows::code("symptom_reports.pus_colour", &colour, PusColour::from_code)?,
                consistency: rows::code(
                    "symptom_reports.pus_consistency",
                    &consistency,
                    PusConsistency::from_code,
                )?,
            }),
            _ => None,
        };
        Ok(SymptomReport {
            id: self.id,
            at: rows::moment("symptom_reports.at", self.at.0, self.at.1)?,
            kind: rows::code("symptom_reports.kind", &self.kind, ReportKind::from_code)?,
            zones,
            around_eye: self.around_eye,
            symptoms,
            overall_severity: severity_from(Some(self.overall_severity))?.unwrap_or(0),
            pus,
            temperature_c: self.temperature_c,
            trend: self
                .trend
                .map(|t| rows::code("symptom_reports.trend", &t, SymptomTrend::from_code))
                .transpose()?,
            notes: self.notes,
            photos,
            session_id: self.session_id,
            link_chosen_by_user: self.link_chosen_by_user,
            resolved_at: rows::optional_moment(
                "symptom_reports.resolved_at",
                self.resolved.0,
                self.resolved.1,
            )?,
            clinician_seen_at: rows::optional_moment(
                "symptom_reports.clinician_seen_at",
                self.clinician_seen.0,
                self.clinician_seen.1,
            )?,
            recorded_at: rows::moment(
                "symptom_reports.recorded_at",
                self.recorded.0,
                self.recorded.1,
            )?,
        })
    }
}

fn severity_from(value: Option<i64>) -> Result<Option<u8>> {
    value
        .map(|v| {
            u8::try_from(v).map_err(|_| Error::Inconsistent("a severity is out of range".into()))
        })
        .transpose()
}

impl Snapshot<'_> {
    /// Every report, most recent first.
    pub fn symptom_reports(&self) -> Result<Vec<SymptomReport>> {
        query_reports(self.conn, "ORDER BY at_ms DESC, id", [])
    }
}
