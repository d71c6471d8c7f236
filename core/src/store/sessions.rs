//! Storing sessions as versions, and the verdict before a new one.
//!
//! A session is never overwritten: recording writes revision 0, each edit a
//! new revision, and deleting only marks it. Lists show the current revision
//! of sessions not deleted; the history shows every version.

use rusqlite::{Connection, Row, params};

use super::conn_ext::ConnExt;
use super::devices::find_device;
use super::{Snapshot, Store, context, rows};
use crate::alert::Changed;
use crate::error::{Error, Result};
use crate::ids::{DeviceId, SessionId};
use crate::product::{Product, ProductCategory, ProductTiming};
use crate::session::{NewSession, Override, PreChecks, Session, SessionHistory, SessionPlan};
use crate::time::{self, Moment};
use crate::verdict::SessionVerdict;
use crate::zone::BodyZone;

/// Separates records inside one aggregated column (ASCII record separator;
/// labels cannot contain control characters).
const RECORD: char = '\u{1e}';
/// Separates fields inside one aggregated record (ASCII unit separator).
const UNIT: char = '\u{1f}';

/// One version of a session, with its zones, products and overrides folded
/// into single columns; the caller's `WHERE` tail selects the sessions and
/// which version (see `query_sessions`).
const SESSION_SELECT: &str = "SELECT s.id, v.device_id, v.at_ms, v.at_offset_s, v.needle_length_mm,
       v.passes, v.pain, v.notes, v.pre_device_cleaned, v.pre_skin_clean, v.pre_active_breakout,
       v.pre_cold_sore, v.pre_open_wound, v.pre_sunburn, v.revision, v.saved_at_ms, v.saved_offset_s,
       CASE WHEN v.revision = 0 THEN v.saved_at_ms || ',' || v.saved_offset_s
            ELSE (SELECT o.saved_at_ms || ',' || o.saved_offset_s FROM session_versions o
                   WHERE o.session_id = s.id AND o.revision = 0) END,
       (SELECT group_concat(z.zone, ',') FROM session_zones z
         WHERE z.session_id = s.id AND z.revision = v.revision),
       (SELECT group_concat(p.timing || char(31) || p.categories || char(31) || p.name, char(30))
          FROM (SELECT * FROM session_products p WHERE p.session_id = s.id AND p.revision = v.revision
                ORDER BY p.position) p),
       (SELECT group_concat(x.code || char(31) || x.message, char(30))
          FROM (SELECT * FROM session_overrides x WHERE x.session_id = s.id ORDER BY x.position) x)
  FROM sessions s JOIN session_versions v ON v.session_id = s.id";

/// A session recorded, with the verdict it was recorded under.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedSession {
    /// The stored session.
    pub session: Session,
    /// The verdict at the time of the session, including any blockers the
    /// user overrode and the warnings.
    pub verdict: SessionVerdict,
}

impl Store {
    /// May the planned session start at `now`? Every rule is applied to the
    /// log as it stands at `now` (events at `now` itself count); the verdict
    /// lists every reason.
    pub fn check_session(&self, plan: &SessionPlan, now: Moment) -> Result<SessionVerdict> {
        let now = time::check_plausible("now", now)?;
        self.read(|tx| {
            let device = find_device(tx, plan.device_id)?;
            let valid = plan.validated(&device)?;
            context::verdict(tx, &context::person(tx)?, &device, &valid, &now)
        })
    }

    /// Records a session, checking it as of the moment it took place (and
    /// against the sessions already logged after it). If the verdict has
    /// blockers or cautions, every one must be listed in `acknowledged` (by
    /// code) or nothing is recorded and [`Error::Blocked`] lists them; the
    /// acknowledged findings are stored with the session.
    pub fn record_session(
        &self,
        new: NewSession,
        acknowledged: &[String],
        now: Moment,
    ) -> Result<Changed<RecordedSession>> {
        let now = time::check_plausible("now", now)?;
        let details = new.validated_details()?;
        time::check_not_after("at", &details.at, &now)?;
        self.change(&now, |tx| {
            let device = find_device(tx, new.plan.device_id)?;
            let plan = new.plan.validated(&device)?;
            let verdict = context::verdict(tx, &context::person(tx)?, &device, &plan, &details.at)?;
            let unacknowledged: Vec<_> = verdict
                .to_acknowledge()
                .filter(|f| !acknowledged.iter().any(|code| code == f.code.code()))
                .cloned()
                .collect();
            if !unacknowledged.is_empty() {
                return Err(Error::Blocked {
                    blockers: unacknowledged,
                });
            }
            let id = SessionId::random();
            tx.prepare_cached(
                "INSERT INTO sessions (id, device_id, revision, at_ms) VALUES (?1, ?2, 0, ?3)",
            )?
            .execute(
                params![id, device.id, time::unix_millis(&details.at)],
            )?;
            insert_version(tx, id, 0, &new, &plan, &details, &now)?;
            let overrides: Vec<Override> = verdict
                .to_acknowledge()
                .map(|f| Override {
                    code: f.code.code().to_owned(),
                    message: f.message.clone(),
                })
                .collect();
            for (position, o) in overrides.iter().enumerate() {
                tx.prepare_cached(
                    "INSERT INTO session_overrides (session_id, position, code, message) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(
                    params![id, position as i64, o.code, o.message],
                )?;
            }
            let session = find_current(tx, id)?;
            Ok(RecordedSession { session, verdict })
        })
    }

    /// Replaces a session's details with `edit`, keeping the previous version
    /// in its history. Edits are not re-checked against the rules.
    pub fn edit_session(
        &self,
        id: SessionId,
        edit: NewSession,
        now: Moment,
    ) -> Result<Changed<Session>> {
        let now = time::check_plausible("now", now)?;
        let details = edit.validated_details()?;
        time::check_not_after("at", &details.at, &now)?;
        self.change(&now, |tx| {
            let current = find_current(tx, id)?;
            let device = find_device(tx, edit.plan.device_id)?;
            let plan = edit.plan.validated(&device)?;
            let revision = current.revision + 1;
            insert_version(tx, id, revision, &edit, &plan, &details, &now)?;
            tx.prepare_cached(
                "UPDATE sessions SET revision = ?2, at_ms = ?3, device_id = ?4 WHERE id = ?1",
            )?
            .execute(params![
                id,
                revision,
                time::unix_millis(&details.at),
                device.id
            ])?;
            find_current(tx, id)
        })
    }

    /// Marks a session deleted. It leaves the lists and the rules, and stays
    /// in its history.
    pub fn delete_session(&self, id: SessionId, now: Moment) -> Result<Changed<()>> {
        let now = time::check_plausible("now", now)?;
        self.change(&now, |tx| {
            find_current(tx, id)?;
            tx.prepare_cached(
                "UPDATE sessions SET deleted_at_ms = ?2, deleted_offset_s = ?3 WHERE id = ?1",
            )?
            .execute(params![
                id,
                time::unix_millis(&now),
                time::utc_offset_seconds(&now)
            ])?;
            Ok(())
        })
    }

    /// The current version of a session that is not deleted.
    pub fn session(&self, id: SessionId) -> Result<Session> {
        self.read(|tx| find_current(tx, id))
    }

    /// Every session not deleted, most recent first.
    pub fn sessions(&self) -> Result<Vec<Session>> {
        self.view(|view| view.sessions())
    }

    /// Every version of a session, deleted or not, and when it was deleted.
    pub fn session_history(&self, id: SessionId) -> Result<SessionHistory> {
        self.read(|tx| {
            let versions = query_sessions(tx, "WHERE s.id = ?1 ORDER BY v.revision", [id])?;
            if versions.is_empty() {
                return Err(not_found(id));
            }
            let deleted_at = tx.query_single(
                "SELECT deleted_at_ms, deleted_offset_s FROM sessions WHERE id = ?1",
                [id],
                |r| rows::optional_moment_at(r, 0, "sessions.deleted_at"),
            )?;
            Ok(SessionHistory {
                versions,
                deleted_at,
            })
        })
    }
}

fn not_found(id: SessionId) -> Error {
    Error::NotFound {
        entity: SessionId::ENTITY,
        id: id.to_string(),
    }
}

fn insert_version(
    conn: &Connection,
    id: SessionId,
    revision: u32,
    new: &NewSession,
    plan: &crate::session::ValidPlan,
    details: &crate::session::ValidDetails,
    now: &Moment,
) -> Result<()> {
    let checks = plan.pre_checks;
    conn.prepare_cached(
        "INSERT INTO session_versions (session_id, revision, device_id, at_ms, at_offset_s,
            needle_length_mm, passes, pain, notes, pre_device_cleaned, pre_skin_clean,
            pre_active_breakout, pre_cold_sore, pre_open_wound, pre_sunburn, saved_at_ms, saved_offset_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        id,
        revision,
        new.plan.device_id,
        time::unix_millis(&details.at),
        time::utc_offset_seconds(&details.at),
        plan.needle_length_mm,
        details.passes,
        details.pain,
        details.notes,
        checks.device_cleaned,
        checks.skin_clean,
        checks.active_breakout,
        checks.cold_sore,
        checks.open_wound,
        checks.sunburn,
        time::unix_millis(now),
        time::utc_offset_seconds(now),
    ])?;
    let mut zone = conn.prepare_cached(
        "INSERT INTO session_zones (session_id, revision, zone) VALUES (?1, ?2, ?3)",
    )?;
    for z in &plan.zones {
        zone.execute(params![id, revision, z.code()])?;
    }
    let mut product = conn.prepare_cached(
        "INSERT INTO session_products (session_id, revision, position, name, timing, categories)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, p) in plan.products.iter().enumerate() {
        product.execute(params![
            id,
            revision,
            position as i64,
            p.name,
            timing_code(p.timing),
            rows::join_codes(&p.categories, ProductCategory::code),
        ])?;
    }
    Ok(())
}

/// The current version of a session that is not deleted.
fn find_current(conn: &Connection, id: SessionId) -> Result<Session> {
    query_sessions(
        conn,
        "AND v.revision = s.revision WHERE s.id = ?1 AND s.deleted_at_ms IS NULL",
        [id],
    )?
    .pop()
    .ok_or_else(|| not_found(id))
}

pub(super) fn query_sessions(
    conn: &Connection,
    tail: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<Session>> {
    conn.query_rows(&format!("{SESSION_SELECT} {tail}"), args, |r| {
        StoredSession::from_row(r)?.into_session()
    })
}

/// When each live session of device `?1` up to `?2` (Unix milliseconds) took
/// place; the readers below add the order that picks one.
macro_rules! device_sessions_up_to_cutoff {
    () => {
        "SELECT v.at_ms, v.at_offset_s FROM sessions s
           JOIN session_versions v ON v.session_id = s.id AND v.revision = s.revision
          WHERE s.device_id = ?1 AND s.deleted_at_ms IS NULL AND s.at_ms <= ?2"
    };
}

/// The latest session of a device up to `cutoff`, if any, by when it took place.
pub(super) fn last_session_of_device(
    conn: &Connection,
    device_id: DeviceId,
    cutoff: &Moment,
) -> Result<Option<Moment>> {
    session_time_of_device(
        conn,
        concat!(
            device_sessions_up_to_cutoff!(),
            " ORDER BY s.at_ms DESC LIMIT 1"
        ),
        device_id,
        cutoff,
    )
}

/// The first session of a device up to `cutoff`, if any, by when it took place.
pub(super) fn first_session_of_device(
    conn: &Connection,
    device_id: DeviceId,
    cutoff: &Moment,
) -> Result<Option<Moment>> {
    session_time_of_device(
        conn,
        concat!(device_sessions_up_to_cutoff!(), " ORDER BY s.at_ms LIMIT 1"),
        device_id,
        cutoff,
    )
}

/// When the one session `sql` selects for a device and a cutoff took place.
fn session_time_of_device(
    conn: &Connection,
    sql: &str,
    device_id: DeviceId,
    cutoff: &Moment,
) -> Result<Option<Moment>> {
    conn.query_optional(sql, params![device_id, time::unix_millis(cutoff)], |r| {
        rows::moment_at(r, 0, "sessions.at")
    })
}

fn timing_code(timing: ProductTiming) -> &'static str {
    match timing {
        ProductTiming::Before => "before",
        ProductTiming::After => "after",
    }
}

pub(super) fn timing_from_code(code: &str) -> Option<ProductTiming> {
    match code {
        "before" => Some(ProductTiming::Before),
        "after" => Some(ProductTiming::After),
        _ => None,
    }
}

/// A session row as stored, before its codes are checked.
struct StoredSession {
    id: SessionId,
    device_id: DeviceId,
    at_ms: i64,
    at_offset_s: i32,
    needle_length_mm: f64,
    passes: Option<i64>,
    pain: Option<i64>,
    notes: Option<String>,
    pre_checks: PreChecks,
    revision: i64,
    saved_at_ms: i64,
    saved_offset_s: i32,
    recorded: Option<String>,
    zones: Option<String>,
    products: Option<String>,
    overrides: Option<String>,
}

impl StoredSession {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            device_id: row.get(1)?,
            at_ms: row.get(2)?,
            at_offset_s: row.get(3)?,
            needle_length_mm: row.get(4)?,
            passes: row.get(5)?,
            pain: row.get(6)?,
            notes: row.get(7)?,
            pre_checks: PreChecks {
                device_cleaned: row.get(8)?,
                skin_clean: row.get(9)?,
                active_breakout: row.get(10)?,
                cold_sore: row.get(11)?,
                open_wound: row.get(12)?,
                sunburn: row.get(13)?,
            },
            revision: row.get(14)?,
            saved_at_ms: row.get(15)?,
            saved_offset_s: row.get(16)?,
            recorded: row.get(17)?,
            zones: row.get(18)?,
            products: row.get(19)?,
            overrides: row.get(20)?,
        })
    }

    fn into_session(self) -> Result<Session> {
        let inconsistent = |what: &str| Error::Inconsistent(format!("{what} is malformed"));
        let recorded = self.recorded.as_deref().unwrap_or_default();
        let (recorded_ms, recorded_offset) = rows::packed_moment_parts(recorded)
            .ok_or_else(|| inconsistent("session_versions.saved_at"))?;
        let products = split_records(self.products.as_deref())
            .map(|record| {
                let mut fields = record.splitn(3, UNIT);
                let (Some(timing), Some(categories), Some(name)) =
                    (fields.next(), fields.next(), fields.next())
                else {
                    return Err(inconsistent("session_products"));
                };
                Ok(Product {
                    name: name.to_owned(),
                    timing: rows::code("session_products.timing", timing, timing_from_code)?,
                    categories: rows::codes(
                        "session_products.categories",
                        categories,
                        ProductCategory::from_code,
                    )?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let overrides = split_records(self.overrides.as_deref())
            .map(|record| {
                let (code, message) = record
                    .split_once(UNIT)
                    .ok_or_else(|| inconsistent("session_overrides"))?;
                Ok(Override {
                    code: code.to_owned(),
                    message: message.to_owned(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut zones = rows::codes(
            "session_zones.zone",
            self.zones.as_deref().unwrap_or_default(),
            BodyZone::from_code,
        )?;
        crate::sorting::sort(&mut zones);
        Ok(Session {
            id: self.id,
            device_id: self.device_id,
            at: rows::moment("session_versions.at", self.at_ms, self.at_offset_s)?,
            zones,
            needle_length_mm: self.needle_length_mm,
            products,
            pre_checks: self.pre_checks,
            passes: rows::count("session_versions.passes", self.passes)?,
            pain: rows::count("session_versions.pain", self.pain)?
                .map(|p| u8::try_from(p).map_err(|_| inconsistent("session_versions.pain")))
                .transpose()?,
            notes: self.notes,
            overrides,
            recorded_at: rows::moment("session_versions.saved_at", recorded_ms, recorded_offset)?,
            revision: rows::count("session_versions.revision", Some(self.revision))?.unwrap_or(0),
            saved_at: rows::moment(
                "session_versions.saved_at",
                self.saved_at_ms,
                self.saved_offset_s,
            )?,
        })
    }
}

fn split_records(text: Option<&str>) -> impl Iterator<Item = &str> {
    text.unwrap_or_default()
        .split(RECORD)
        .filter(|r| !r.is_empty())
}

impl Snapshot<'_> {
    /// Every session not deleted, most recent first.
    pub fn sessions(&self) -> Result<Vec<Session>> {
        let tx = self.conn;
        query_sessions(
            tx,
            "AND v.revision = s.revision WHERE s.deleted_at_ms IS NULL ORDER BY s.at_ms DESC, s.id",
            [],
        )
    }
}
