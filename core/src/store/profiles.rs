//! Storing the profile as append-only revisions.

use rusqlite::{Connection, params};

use super::conn_ext::ConnExt;
use super::{Snapshot, Store, rows};
use crate::alert::Changed;
use crate::error::Result;
use crate::identity::{PatientIdentifier, PatientIdentity};
use crate::profile::{Condition, ConditionAnswer, Profile, ProfileUpdate, SkinType};
use crate::time::{self, Moment};

impl Store {
    /// Saves a new revision of the profile, stamped with `now`. Earlier
    /// revisions stay in the history. An answer confirmed later than `now`
    /// (beyond [`time::FUTURE_TOLERANCE`]) is refused.
    pub fn save_profile(&self, update: ProfileUpdate, now: Moment) -> Result<Changed<Profile>> {
        let now = time::check_plausible("now", now)?;
        let update = update.validated(time::local_date(&now))?;
        for answer in &update.answers {
            time::check_not_after("answers.confirmed_at", &answer.confirmed_at, &now)?;
            crate::profile::check_stopped_by(answer, time::local_date(&now))?;
        }
        self.change(&now, |tx| {
            let identity = &update.identity;
            let identifier = identity.identifier.as_ref();
            tx.execute(
                "INSERT INTO profile_revisions (skin_type, saved_at_ms, saved_offset_s,
                     patient_name, birth_date, patient_identifier, identifier_issuer)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    update.skin_type.map(SkinType::code),
                    time::unix_millis(&now),
                    time::utc_offset_seconds(&now),
                    identity.name,
                    rows::date_text(identity.birth_date),
                    identifier.map(|i| &i.value),
                    identifier.and_then(|i| i.issuer.as_ref()),
                ],
            )?;
            let revision = tx.last_insert_rowid();
            let mut insert = tx.prepare_cached(
                "INSERT INTO profile_answers (revision, condition, present, stopped_on, confirmed_at_ms, confirmed_offset_s)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for answer in &update.answers {
                insert.execute(params![
                    revision,
                    answer.condition.code(),
                    answer.present,
                    rows::date_text(answer.stopped_on),
                    time::unix_millis(&answer.confirmed_at),
                    time::utc_offset_seconds(&answer.confirmed_at),
                ])?;
            }
            Ok(Profile {
                skin_type: update.skin_type,
                answers: update.answers,
                identity: update.identity,
                saved_at: now,
            })
        })
    }

    /// The current profile, if one was saved.
    pub fn profile(&self) -> Result<Option<Profile>> {
        self.view(|view| view.profile())
    }

    /// Every saved revision of the profile, oldest first.
    pub fn profile_history(&self) -> Result<Vec<Profile>> {
        self.view(|view| view.profile_history())
    }
}

/// The newest profile revision, if any.
pub(super) fn current_profile(conn: &Connection) -> Result<Option<Profile>> {
    let revision: Option<i64> = conn
        .query_optional("SELECT MAX(revision) FROM profile_revisions", [], |r| {
            r.get(0)
        })?
        .flatten();
    revision.map(|r| profile_revision(conn, r)).transpose()
}

fn profile_revision(conn: &Connection, revision: i64) -> Result<Profile> {
    let (skin_type, saved_ms, saved_offset, identity) = conn.query_single(
        "SELECT skin_type, saved_at_ms, saved_offset_s,
                patient_name, birth_date, patient_identifier, identifier_issuer
           FROM profile_revisions WHERE revision = ?1",
        [revision],
        |r| {
            Ok::<_, rusqlite::Error>((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i32>(2)?,
                IdentityRow {
                    name: r.get(3)?,
                    birth_date: r.get(4)?,
                    identifier: r.get(5)?,
                    issuer: r.get(6)?,
                },
            ))
        },
    )?;
    let identity = identity.read()?;
    let mut answers = conn.query_rows(
        "SELECT condition, present, stopped_on, confirmed_at_ms, confirmed_offset_s
           FROM profile_answers WHERE revision = ?1",
        [revision],
        |r| {
            Ok::<_, crate::error::Error>(ConditionAnswer {
                condition: rows::code(
                    "profile_answers.condition",
                    &r.get::<_, String>(0)?,
                    Condition::from_code,
                )?,
                present: r.get(1)?,
                stopped_on: rows::date("profile_answers.stopped_on", r.get(2)?)?,
                confirmed_at: rows::moment_at(r, 3, "profile_answers.confirmed_at")?,
            })
        },
    )?;
    crate::sorting::sort_by_key(&mut answers, |a| a.condition);
    Ok(Profile {
        skin_type: skin_type
            .map(|t| rows::code("profile_revisions.skin_type", &t, SkinType::from_code))
            .transpose()?,
        answers,
        identity,
        saved_at: rows::moment("profile_revisions.saved_at", saved_ms, saved_offset)?,
    })
}

/// The identity columns of a profile revision, as stored.
struct IdentityRow {
    name: Option<String>,
    birth_date: Option<String>,
    identifier: Option<String>,
    issuer: Option<String>,
}

impl IdentityRow {
    fn read(self) -> Result<PatientIdentity> {
        Ok(PatientIdentity {
            name: self.name,
            birth_date: rows::date("profile_revisions.birth_date", self.birth_date)?,
            identifier: self.identifier.map(|value| PatientIdentifier {
                value,
                issuer: self.issuer,
            }),
        })
    }
}

impl Snapshot<'_> {
    /// The current profile, if one was saved.
    pub fn profile(&self) -> Result<Option<Profile>> {
        current_profile(self.conn)
    }

    /// Every saved revision of the profile, oldest first.
    pub fn profile_history(&self) -> Result<Vec<Profile>> {
        let tx = self.conn;
        let revisions: Vec<i64> = tx.query_rows(
            "SELECT revision FROM profile_revisions ORDER BY revision",
            [],
            |r| r.get(0),
        )?;
        revisions
            .into_iter()
            .map(|revision| profile_revision(tx, revision))
            .collect()
    }
}
