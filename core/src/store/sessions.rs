//! Storing sessions as versions, and the verdict before a new one.
//!
//! A session is never overwritten: recording writes revision 0, each edit a
//! new revision, and deleting only marks it. Lists show the current revision
//! of sessions not deleted; the history shows every version.

use rusqlite::{Connection, params};

use super::conn_ext::ConnExt;
use super::devices::find_device;
use super::session_rows::{
    self, NewVersion, StoredChildren, StoredVersion, VERSION_COLUMN_COUNT, version_columns,
};
use super::{Snapshot, Store, context, rows};
use crate::alert::Changed;
use crate::error::{Error, Result};
use crate::ids::{DeviceId, SessionId};
use crate::product::{Product, ProductCategory, ProductTiming};
use crate::session::{NewSession, Override, Session, SessionHistory, SessionPlan};
use crate::time::{self, Moment};
use crate::verdict::SessionVerdict;
use crate::zone::BodyZone;

/// One version of a session with when the session was first recorded (its
/// revision 0 saved); the caller's `WHERE` tail selects the sessions and
/// which version (see `query_sessions`). Zones, products and overrides are
/// read by their own queries (`session_rows`); the session's rowid, last,
/// finds them when they were read for many sessions at once.
const SESSION_SELECT: &str = concat!(
    "SELECT s.id, ",
    version_columns!("v."),
    ",
       CASE WHEN v.revision = 0 THEN v.saved_at_ms
            ELSE (SELECT o.saved_at_ms FROM session_versions o
                   WHERE o.session_id = s.id AND o.revision = 0) END,
       CASE WHEN v.revision = 0 THEN v.saved_offset_s
            ELSE (SELECT o.saved_offset_s FROM session_versions o
                   WHERE o.session_id = s.id AND o.revision = 0) END,
       s.rowid
  FROM sessions s JOIN session_versions v ON v.session_id = s.id"
);

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
    session_rows::insert_version(
        conn,
        &id,
        i64::from(revision),
        &NewVersion {
            device_id: &new.plan.device_id,
            at: (
                time::unix_millis(&details.at),
                time::utc_offset_seconds(&details.at),
            ),
            needle_length_mm: plan.needle_length_mm,
            passes: details.passes,
            pain: details.pain,
            notes: details.notes.as_deref(),
            pre_checks: plan.pre_checks,
            saved_at: (time::unix_millis(now), time::utc_offset_seconds(now)),
            zones: plan.zones.iter().map(|z| z.code()).collect(),
            products: plan
                .products
                .iter()
                .map(|p| {
                    (
                        p.name.as_str(),
                        timing_code(p.timing),
                        rows::join_codes(&p.categories, ProductCategory::code),
                    )
                })
                .collect(),
        },
    )
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

/// One row of `SESSION_SELECT`: the session's id, the version, when the
/// session was first recorded, and the session's rowid.
type Found = (SessionId, StoredVersion, Option<Moment>, i64);

fn find_sessions(conn: &Connection, tail: &str, args: impl rusqlite::Params) -> Result<Vec<Found>> {
    conn.query_rows(&format!("{SESSION_SELECT} {tail}"), args, |r| {
        Ok::<_, rusqlite::Error>((
            r.get::<_, SessionId>(0)?,
            StoredVersion::from_row(r, 1)?,
            rows::optional_moment_at(r, 1 + VERSION_COLUMN_COUNT, "session_versions.saved_at")?,
            r.get::<_, i64>(3 + VERSION_COLUMN_COUNT)?,
        ))
    })
}

/// The sessions `tail` selects, each with its own child rows: for reads of
/// a few sessions.
pub(super) fn query_sessions(
    conn: &Connection,
    tail: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<Session>> {
    find_sessions(conn, tail, args)?
        .into_iter()
        .map(|(id, version, recorded_at, _)| {
            let children = StoredChildren::of(conn, &id, version.revision)?;
            session_of(id, version, recorded_at, children)
        })
        .collect()
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

/// Builds a session from its stored version and child rows; `recorded_at`
/// is when its revision 0 was saved.
fn session_of(
    id: SessionId,
    version: StoredVersion,
    recorded_at: Option<Moment>,
    children: StoredChildren,
) -> Result<Session> {
    let mut zones = children
        .zones
        .iter()
        .map(|z| rows::code("session_zones.zone", z, BodyZone::from_code))
        .collect::<Result<Vec<_>>>()?;
    crate::sorting::sort(&mut zones);
    let products = children
        .products
        .into_iter()
        .map(|p| {
            Ok(Product {
                timing: rows::code("session_products.timing", &p.timing, timing_from_code)?,
                categories: rows::codes(
                    "session_products.categories",
                    &p.categories,
                    ProductCategory::from_code,
                )?,
                name: p.name,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let overrides = children
        .overrides
        .into_iter()
        .map(|(code, message)| Override { code, message })
        .collect();
    Ok(Session {
        id,
        device_id: rows::code("session_versions.device_id", &version.device_id, |t| {
            DeviceId::parse("device_id", t).ok()
        })?,
        at: version.at,
        zones,
        needle_length_mm: version.needle_length_mm,
        products,
        pre_checks: version.pre_checks,
        passes: version.passes()?,
        pain: version.pain()?,
        notes: version.notes,
        overrides,
        recorded_at: recorded_at
            .ok_or_else(|| Error::Inconsistent("session_versions.saved_at is malformed".into()))?,
        revision: rows::count("session_versions.revision", Some(version.revision))?.unwrap_or(0),
        saved_at: version.saved_at,
    })
}

impl Snapshot<'_> {
    /// Every session not deleted, most recent first.
    pub fn sessions(&self) -> Result<Vec<Session>> {
        let tx = self.conn;
        let found = find_sessions(
            tx,
            "AND v.revision = s.revision WHERE s.deleted_at_ms IS NULL ORDER BY s.at_ms DESC, s.id",
            [],
        )?;
        let mut children = session_rows::children_of_live_sessions(tx)?;
        found
            .into_iter()
            .map(|(id, version, recorded_at, rowid)| {
                let own = children.remove(&rowid).unwrap_or_default();
                session_of(id, version, recorded_at, own)
            })
            .collect()
    }
}
