//! A session's tables as stored, read and written one way.
//!
//! A session is a `sessions` row, its `session_versions` rows and, per
//! version, `session_zones` and `session_products` rows, with the overrides
//! in `session_overrides` per session. The store's typed reader
//! (`sessions.rs`) and the backup (`backup/read.rs`, `backup/write.rs`)
//! both go through here, so a version's columns (the pre-checks among them)
//! are named once. Values stay as stored (codes as text): the typed reader
//! checks them, the backup copies them.

use std::collections::HashMap;

use rusqlite::{Connection, Row, params};

use super::conn_ext::ConnExt;
use super::rows;
use crate::error::{Error, Result};
use crate::session::PreChecks;
use crate::time::Moment;

/// The columns of one `session_versions` row, each after `$prefix` (a
/// table alias and a dot, or nothing), in the order
/// [`StoredVersion::from_row`] reads them. A macro, so that statements stay
/// literals the statement cache finds without formatting.
macro_rules! version_columns {
    ($prefix:literal) => {
        concat!(
            $prefix,
            "device_id, ",
            $prefix,
            "at_ms, ",
            $prefix,
            "at_offset_s, ",
            $prefix,
            "needle_length_mm, ",
            $prefix,
            "passes, ",
            $prefix,
            "pain, ",
            $prefix,
            "notes, ",
            $crate::store::session_rows::pre_check_columns!($prefix),
            ", ",
            $prefix,
            "saved_at_ms, ",
            $prefix,
            "saved_offset_s, ",
            $prefix,
            "revision"
        )
    };
}
pub(super) use version_columns;

/// How many columns `version_columns!` selects.
pub(super) const VERSION_COLUMN_COUNT: usize = 16;

/// The pre-check columns, each after `$prefix` (as for `version_columns!`),
/// in the order [`pre_checks_at`] reads them: the one list of them in the
/// store.
macro_rules! pre_check_columns {
    ($prefix:literal) => {
        concat!(
            $prefix,
            "pre_device_cleaned, ",
            $prefix,
            "pre_skin_clean, ",
            $prefix,
            "pre_active_breakout, ",
            $prefix,
            "pre_cold_sore, ",
            $prefix,
            "pre_open_wound, ",
            $prefix,
            "pre_sunburn"
        )
    };
}
pub(super) use pre_check_columns;

/// Reads the pre-checks from the six columns starting at `first`, in the
/// order of `pre_check_columns!`.
pub(super) fn pre_checks_at(row: &Row<'_>, first: usize) -> rusqlite::Result<PreChecks> {
    Ok(PreChecks {
        device_cleaned: row.get(first)?,
        skin_clean: row.get(first + 1)?,
        active_breakout: row.get(first + 2)?,
        cold_sore: row.get(first + 3)?,
        open_wound: row.get(first + 4)?,
        sunburn: row.get(first + 5)?,
    })
}

/// One `session_versions` row as stored.
pub(super) struct StoredVersion {
    /// The device used, as stored.
    pub(super) device_id: String,
    /// When the session took place.
    pub(super) at: Moment,
    /// The needle length used.
    pub(super) needle_length_mm: f64,
    /// Passes, as stored.
    pub(super) passes: Option<i64>,
    /// Pain, as stored.
    pub(super) pain: Option<i64>,
    /// The user's notes.
    pub(super) notes: Option<String>,
    /// The pre-checks as answered.
    pub(super) pre_checks: PreChecks,
    /// When this version was saved.
    pub(super) saved_at: Moment,
    /// Which version (0 for the recording).
    pub(super) revision: i64,
}

impl StoredVersion {
    /// Reads the `version_columns!` starting at column `first` of `row`.
    pub(super) fn from_row(row: &Row<'_>, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            device_id: row.get(first)?,
            at: rows::moment_at(row, first + 1, "session_versions.at")?,
            needle_length_mm: row.get(first + 3)?,
            passes: row.get(first + 4)?,
            pain: row.get(first + 5)?,
            notes: row.get(first + 6)?,
            pre_checks: pre_checks_at(row, first + 7)?,
            saved_at: rows::moment_at(row, first + 13, "session_versions.saved_at")?,
            revision: row.get(first + 15)?,
        })
    }
}

impl StoredVersion {
    /// The passes, checked against what a count can be.
    pub(super) fn passes(&self) -> Result<Option<u32>> {
        rows::count("session_versions.passes", self.passes)
    }

    /// The pain score, checked against what a score can be.
    pub(super) fn pain(&self) -> Result<Option<u8>> {
        rows::count("session_versions.pain", self.pain)?
            .map(|p| {
                u8::try_from(p)
                    .map_err(|_| Error::Inconsistent("session_versions.pain is malformed".into()))
            })
            .transpose()
    }
}

/// One `session_products` row as stored.
pub(super) struct StoredProduct {
    /// Its name as the user typed it.
    pub(super) name: String,
    /// Its timing code.
    pub(super) timing: String,
    /// Its category codes, comma-separated.
    pub(super) categories: String,
}

/// The zone codes of one version of a session, as stored.
pub(super) fn zones_of(
    conn: &Connection,
    session_id: &dyn rusqlite::ToSql,
    revision: i64,
) -> Result<Vec<String>> {
    conn.query_rows(
        "SELECT zone FROM session_zones WHERE session_id = ?1 AND revision = ?2",
        params![session_id, revision],
        |r| r.get(0),
    )
}

/// The products of one version of a session, in the order given.
pub(super) fn products_of(
    conn: &Connection,
    session_id: &dyn rusqlite::ToSql,
    revision: i64,
) -> Result<Vec<StoredProduct>> {
    conn.query_rows(
        "SELECT name, timing, categories FROM session_products
          WHERE session_id = ?1 AND revision = ?2 ORDER BY position",
        params![session_id, revision],
        |r| {
            Ok::<_, rusqlite::Error>(StoredProduct {
                name: r.get(0)?,
                timing: r.get(1)?,
                categories: r.get(2)?,
            })
        },
    )
}

/// The overrides of a session (code and message), in order.
pub(super) fn overrides_of(
    conn: &Connection,
    session_id: &dyn rusqlite::ToSql,
) -> Result<Vec<(String, String)>> {
    conn.query_rows(
        "SELECT code, message FROM session_overrides WHERE session_id = ?1 ORDER BY position",
        [session_id],
        |r| Ok::<_, rusqlite::Error>((r.get(0)?, r.get(1)?)),
    )
}

/// The child rows of one session version, as stored: its zones and
/// products, and the session's overrides.
#[derive(Default)]
pub(super) struct StoredChildren {
    /// The zone codes.
    pub(super) zones: Vec<String>,
    /// The products, in the order given.
    pub(super) products: Vec<StoredProduct>,
    /// The overrides (code and message), in order.
    pub(super) overrides: Vec<(String, String)>,
}

impl StoredChildren {
    /// Reads the children of version `revision` of session `session_id`.
    pub(super) fn of(
        conn: &Connection,
        session_id: &dyn rusqlite::ToSql,
        revision: i64,
    ) -> Result<Self> {
        Ok(Self {
            zones: zones_of(conn, session_id, revision)?,
            products: products_of(conn, session_id, revision)?,
            overrides: overrides_of(conn, session_id)?,
        })
    }
}

/// The children of the current version of every live session, keyed by the
/// session's rowid: one statement per child table for the whole log, rather
/// than three per session, for reads of every session.
pub(super) fn children_of_live_sessions(conn: &Connection) -> Result<HashMap<i64, StoredChildren>> {
    let mut all: HashMap<i64, StoredChildren> = HashMap::new();
    let zones = conn.query_rows(
        "SELECT s.rowid, z.zone FROM sessions s
           JOIN session_zones z ON z.session_id = s.id AND z.revision = s.revision
          WHERE s.deleted_at_ms IS NULL",
        [],
        |r| Ok::<_, rusqlite::Error>((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
    )?;
    for (rowid, zone) in zones {
        all.entry(rowid).or_default().zones.push(zone);
    }
    let products = conn.query_rows(
        "SELECT s.rowid, p.name, p.timing, p.categories FROM sessions s
           JOIN session_products p ON p.session_id = s.id AND p.revision = s.revision
          WHERE s.deleted_at_ms IS NULL ORDER BY s.rowid, p.position",
        [],
        |r| {
            Ok::<_, rusqlite::Error>((
                r.get::<_, i64>(0)?,
                StoredProduct {
                    name: r.get(1)?,
                    timing: r.get(2)?,
                    categories: r.get(3)?,
                },
            ))
        },
    )?;
    for (rowid, product) in products {
        all.entry(rowid).or_default().products.push(product);
    }
    let overrides = conn.query_rows(
        "SELECT s.rowid, x.code, x.message FROM sessions s
           JOIN session_overrides x ON x.session_id = s.id
          WHERE s.deleted_at_ms IS NULL ORDER BY s.rowid, x.position",
        [],
        |r| Ok::<_, rusqlite::Error>((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?))),
    )?;
    for (rowid, o) in overrides {
        all.entry(rowid).or_default().overrides.push(o);
    }
    Ok(all)
}

/// One version of a session to store, its values as they are to be stored.
pub(super) struct NewVersion<'a> {
    /// The device used.
    pub(super) device_id: &'a dyn rusqlite::ToSql,
    /// When the session took place.
    pub(super) at: (i64, i32),
    /// The needle length used.
    pub(super) needle_length_mm: f64,
    /// Passes over each zone, if given.
    pub(super) passes: Option<u32>,
    /// Pain from 0 to 10, if given.
    pub(super) pain: Option<u8>,
    /// The user's notes.
    pub(super) notes: Option<&'a str>,
    /// The pre-checks as answered.
    pub(super) pre_checks: PreChecks,
    /// When this version was saved.
    pub(super) saved_at: (i64, i32),
    /// The zone codes treated.
    pub(super) zones: Vec<&'a str>,
    /// The products: name, timing code, comma-separated category codes.
    pub(super) products: Vec<(&'a str, &'a str, String)>,
}

/// Writes version `revision` of session `session_id`, with its zones and
/// products (the one place the version tables are written).
pub(super) fn insert_version(
    conn: &Connection,
    session_id: &dyn rusqlite::ToSql,
    revision: i64,
    v: &NewVersion<'_>,
) -> Result<()> {
    let c = v.pre_checks;
    conn.prepare_cached(concat!(
        "INSERT INTO session_versions (session_id, revision, device_id, at_ms, at_offset_s,
            needle_length_mm, passes, pain, notes, ",
        pre_check_columns!(""),
        ", saved_at_ms, saved_offset_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
    ))?
    .execute(params![
        session_id,
        revision,
        v.device_id,
        v.at.0,
        v.at.1,
        v.needle_length_mm,
        v.passes,
        v.pain,
        v.notes,
        c.device_cleaned,
        c.skin_clean,
        c.active_breakout,
        c.cold_sore,
        c.open_wound,
        c.sunburn,
        v.saved_at.0,
        v.saved_at.1,
    ])?;
    let mut zone = conn.prepare_cached(
        "INSERT INTO session_zones (session_id, revision, zone) VALUES (?1, ?2, ?3)",
    )?;
    for z in &v.zones {
        zone.execute(params![session_id, revision, z])?;
    }
    let mut product = conn.prepare_cached(
        "INSERT INTO session_products (session_id, revision, position, name, timing, categories)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, (name, timing, categories)) in v.products.iter().enumerate() {
        product.execute(params![
            session_id,
            revision,
            i64::try_from(position).unwrap_or(i64::MAX),
            name,
            timing,
            categories,
        ])?;
    }
    Ok(())
}
