//! Merging a checked backup document into the log, inside one transaction.
//!
//! Records are matched by their stable ids. The same record twice is skipped,
//! so importing a backup again adds nothing. A record whose history in the
//! document extends the one in the log (more session versions, more device
//! changes, a report since resolved, an alert since acknowledged) brings the
//! log up to date; one the log has already moved past is left as the log has
//! it. Anything else is a conflict: the import fails, naming the record, and
//! the transaction rolls back so nothing changes. Profile revisions and care
//! plans have no ids: they are matched by content and kept in time order.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::super::session_rows::{self, NewVersion};
use crate::backup::document::*;
use crate::backup::instant;
use crate::error::{Error, Result};
use crate::time;

/// How many records of one kind an import added, brought up to date, or
/// found already in the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportCount {
    /// Records new to the log.
    pub added: u32,
    /// Records the document carried further than the log had them.
    pub updated: u32,
    /// Records the log already held (as they are, or further along).
    pub unchanged: u32,
}

/// What an import did, per kind of record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Devices.
    pub devices: ImportCount,
    /// Sessions.
    pub sessions: ImportCount,
    /// Cleanings.
    pub cleanings: ImportCount,
    /// Symptom reports.
    pub symptom_reports: ImportCount,
    /// Alerts.
    pub alerts: ImportCount,
    /// Profile revisions.
    pub profile_revisions: ImportCount,
    /// Care plans.
    pub care_plans: ImportCount,
}

enum Merge<T> {
    Add,
    Update(T),
    Keep,
}

fn conflict(path: String, id: &str) -> Error {
    Error::bad_document(
        path,
        format!("record {id} is already in the log with different content"),
    )
}

/// Parses a checked instant into its stored columns.
fn parts(path: &str, text: &str) -> Result<(i64, i32)> {
    let m = instant::from_text(path, text)?;
    Ok((time::unix_millis(&m), time::utc_offset_seconds(&m)))
}

fn optional_parts(path: &str, text: Option<&str>) -> Result<(Option<i64>, Option<i32>)> {
    Ok(match text {
        Some(t) => {
            let (ms, offset) = parts(path, t)?;
            (Some(ms), Some(offset))
        }
        None => (None, None),
    })
}

/// Merges `doc` into the log whose current content is `stored`.
pub(super) fn merge(
    conn: &Connection,
    doc: &BackupDocument,
    stored: &BackupDocument,
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    settings(conn, doc, stored)?;
    pseudonym_key(conn, doc, stored)?;
    summary.profile_revisions = profile_revisions(conn, doc, stored)?;
    summary.care_plans = care_plans(conn, doc, stored)?;
    summary.devices = devices(conn, doc, stored)?;
    soak_timers(conn, doc, stored)?;
    summary.sessions = sessions(conn, doc, stored)?;
    summary.cleanings = cleanings(conn, doc, stored)?;
    summary.symptom_reports = reports(conn, doc, stored)?;
    summary.alerts = alerts(conn, doc, stored)?;
    Ok(summary)
}

/// Decides, record by record, what to do with `incoming` given `stored`.
fn each<'a, T>(
    kind: &str,
    incoming: &'a [T],
    stored: &[T],
    id: impl Fn(&T) -> &str,
    decide: impl Fn(&T, &'a T) -> Option<Merge<&'a T>>,
    mut apply: impl FnMut(usize, &'a T, Merge<&'a T>) -> Result<()>,
) -> Result<ImportCount> {
    // Positions rather than references: one map type for every kind of record.
    let by_id: HashMap<&str, usize> = stored.iter().enumerate().map(|(n, s)| (id(s), n)).collect();
    let mut count = ImportCount::default();
    for (i, record) in incoming.iter().enumerate() {
        let merge = match by_id.get(id(record)).and_then(|&n| stored.get(n)) {
            None => Merge::Add,
            Some(existing) => decide(existing, record)
                .ok_or_else(|| conflict(format!("$.{kind}[{i}]"), id(record)))?,
        };
        match merge {
            Merge::Add => count.added += 1,
            Merge::Update(_) => count.updated += 1,
            Merge::Keep => {
                count.unchanged += 1;
                continue;
            }
        }
        apply(i, record, merge)?;
    }
    Ok(count)
}

/// Whether `shorter` is where `longer` started.
fn is_prefix<T: PartialEq>(shorter: &[T], longer: &[T]) -> bool {
    shorter.len() <= longer.len() && longer.iter().zip(shorter).all(|(a, b)| a == b)
}

/// A restore into a log that holds no record yet takes the backup's
/// pseudonym key, so the restored log names its pseudonymous exports as the
/// old one did. A log with records keeps its own: its earlier exports must
/// keep their names.
fn pseudonym_key(conn: &Connection, doc: &BackupDocument, stored: &BackupDocument) -> Result<()> {
    let holds_records = !(stored.profile_revisions.is_empty()
        && stored.care_plans.is_empty()
        && stored.devices.is_empty()
        && stored.sessions.is_empty()
        && stored.cleanings.is_empty()
        && stored.symptom_reports.is_empty());
    match doc.pseudonym_key.as_deref() {
        Some(hex) if !holds_records => {
            let key = crate::store::pseudonym::from_hex("$.pseudonym_key", hex)?;
            crate::store::pseudonym::replace(conn, &key)
        }
        _ => Ok(()),
    }
}

fn settings(conn: &Connection, doc: &BackupDocument, stored: &BackupDocument) -> Result<()> {
    if let (None, Some(q)) = (&stored.settings.quiet_hours, &doc.settings.quiet_hours) {
        conn.execute(
            "INSERT INTO settings (id, quiet_start_minute, quiet_end_minute) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET quiet_start_minute = ?1, quiet_end_minute = ?2",
            params![q.start_minute, q.end_minute],
        )?;
    }
    // A log that never raised an alert holds only the starting levels, which
    // nobody saw: it takes the backup's, so a restore on a new phone does
    // not announce again the rises the backup already holds.
    if let (true, Some(levels)) = (stored.alerts.is_empty(), &doc.risk_levels) {
        conn.execute(
            "INSERT INTO risk_state (id, preventive, triage) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET preventive = ?1, triage = ?2",
            params![levels.preventive, levels.triage],
        )?;
    }
    Ok(())
}

/// Starts the soak timers of the document for devices with none running.
fn soak_timers(conn: &Connection, doc: &BackupDocument, stored: &BackupDocument) -> Result<()> {
    let running: Vec<&str> = stored
        .soak_timers
        .iter()
        .map(|t| t.device_id.as_str())
        .collect();
    for (i, t) in doc.soak_timers.iter().enumerate() {
        if running.contains(&t.device_id.as_str()) {
            continue;
        }
        let (ms, offset) = parts(&format!("$.soak_timers[{i}].started_at"), &t.started_at)?;
        conn.execute(
            "INSERT INTO soak_timers (device_id, started_at_ms, started_offset_s, minutes) VALUES (?1, ?2, ?3, ?4)",
            params![t.device_id, ms, offset, t.minutes],
        )?;
    }
    Ok(())
}

/// Keeps every distinct revision, oldest first by `saved_at`; those already
/// in the log come first among equals. Returns the merged list and counts.
fn union_in_time_order<T: Clone + PartialEq>(
    stored: &[T],
    incoming: &[T],
    saved_at: impl Fn(&T) -> &str,
) -> Result<(Vec<T>, ImportCount)> {
    let mut merged: Vec<(i64, usize, T)> = Vec::new();
    let mut count = ImportCount::default();
    for (position, item) in stored.iter().chain(incoming).enumerate() {
        if merged.iter().any(|(_, _, m)| m == item) {
            count.unchanged += 1;
            continue;
        }
        if position >= stored.len() {
            count.added += 1;
        }
        let (ms, _) = parts("saved_at", saved_at(item))?;
        merged.push((ms, position, item.clone()));
    }
    crate::sorting::sort_by_key(&mut merged, |(ms, position, _)| (*ms, *position));
    Ok((merged.into_iter().map(|(_, _, item)| item).collect(), count))
}

fn profile_revisions(
    conn: &Connection,
    doc: &BackupDocument,
    stored: &BackupDocument,
) -> Result<ImportCount> {
    let (merged, count) =
        union_in_time_order(&stored.profile_revisions, &doc.profile_revisions, |p| {
            &p.saved_at
        })?;
    if count.added == 0 {
        return Ok(count);
    }
    conn.execute("DELETE FROM profile_answers", [])?;
    conn.execute("DELETE FROM profile_revisions", [])?;
    for (revision, p) in (1_i64..).zip(&merged) {
        let (ms, offset) = parts("$.profile_revisions.saved_at", &p.saved_at)?;
        let identity = p.identity.as_ref();
        conn.execute(
            "INSERT INTO profile_revisions (revision, skin_type, saved_at_ms, saved_offset_s,
                 patient_name, birth_date, patient_identifier, identifier_issuer)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                revision,
                p.skin_type,
                ms,
                offset,
                identity.and_then(|i| i.name.as_ref()),
                identity.and_then(|i| i.birth_date.as_ref()),
                identity.and_then(|i| i.identifier.as_ref()),
                identity.and_then(|i| i.identifier_issuer.as_ref()),
            ],
        )?;
        for a in &p.answers {
            let (ms, offset) = parts("$.profile_revisions.answers.confirmed_at", &a.confirmed_at)?;
            conn.execute(
                "INSERT INTO profile_answers (revision, condition, present, stopped_on, confirmed_at_ms, confirmed_offset_s)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![revision, a.condition, a.present, a.stopped_on, ms, offset],
            )?;
        }
    }
    Ok(count)
}

fn care_plans(
    conn: &Connection,
    doc: &BackupDocument,
    stored: &BackupDocument,
) -> Result<ImportCount> {
    let (merged, count) =
        union_in_time_order(&stored.care_plans, &doc.care_plans, |p| &p.recorded_at)?;
    if count.added == 0 {
        return Ok(count);
    }
    conn.execute("DELETE FROM care_plans", [])?;
    for (revision, p) in (1_i64..).zip(&merged) {
        let (set_ms, set_offset) = parts("$.care_plans.set_at", &p.set_at)?;
        let (rec_ms, rec_offset) = parts("$.care_plans.recorded_at", &p.recorded_at)?;
        let rest = |region: &str| {
            p.rest_days
                .iter()
                .find(|r| r.region == region)
                .map(|r| r.days)
        };
        // A document from before per-region limits gives one limit for
        // every region; a region's own limit wins over it.
        let max_needle = |region: &str| {
            p.max_needle_mm
                .iter()
                .find(|l| l.region == region)
                .map(|l| l.mm)
                .or(p.max_needle_length_mm)
        };
        conn.execute(
            "INSERT INTO care_plans (revision, set_by, set_at_ms, set_offset_s, rest_face_days,
                 rest_scalp_days, rest_body_days, max_needle_face_mm, max_needle_scalp_mm,
                 max_needle_body_mm, allowed_zones, avoid_products, cleared_conditions,
                 recorded_at_ms, recorded_offset_s)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                revision,
                p.set_by,
                set_ms,
                set_offset,
                rest("face"),
                rest("scalp"),
                rest("body"),
                max_needle("face"),
                max_needle("scalp"),
                max_needle("body"),
                p.allowed_zones.join(","),
                p.avoid_products.join(","),
                p.cleared_conditions.join(","),
                rec_ms,
                rec_offset
            ],
        )?;
    }
    Ok(count)
}

/// A device without what may change after it was added.
fn device_identity(d: &DeviceDoc) -> DeviceDoc {
    DeviceDoc {
        shared: false,
        damaged: false,
        retired: None,
        replace_after_uses: None,
        replace_after_days: None,
        changes: Vec::new(),
        head_changes: Vec::new(),
        ..d.clone()
    }
}

fn devices(
    conn: &Connection,
    doc: &BackupDocument,
    stored: &BackupDocument,
) -> Result<ImportCount> {
    let stored_by_id: HashMap<&str, usize> = stored
        .devices
        .iter()
        .enumerate()
        .map(|(n, d)| (d.id.as_str(), n))
        .collect();
    each(
        "devices",
        &doc.devices,
        &stored.devices,
        |d| &d.id,
        |old, new| {
            if old == new || device_identity(old) != device_identity(new) {
                return (old == new).then_some(Merge::Keep);
            }
            let heads_kept = old
                .head_changes
                .iter()
                .all(|h| new.head_changes.contains(h));
            if is_prefix(&old.changes, &new.changes) && heads_kept {
                Some(Merge::Update(new))
            } else if is_prefix(&new.changes, &old.changes)
                && new
                    .head_changes
                    .iter()
                    .all(|h| old.head_changes.contains(h))
            {
                Some(Merge::Keep)
            } else {
                None
            }
        },
        |i, d, merge| {
            let path = format!("$.devices[{i}]");
            let (retired_ms, retired_offset) = optional_parts(
                &format!("{path}.retired.at"),
                d.retired.as_ref().map(|r| r.at.as_str()),
            )?;
            let retired_reason = d.retired.as_ref().map(|r| r.reason.as_str());
            let old = stored_by_id
                .get(d.id.as_str())
                .and_then(|&n| stored.devices.get(n));
            if matches!(merge, Merge::Add) {
                let (ms, offset) = parts(&format!("{path}.added_at"), &d.added_at)?;
                conn.execute(
                    "INSERT INTO devices (id, kind, needle_length_mm, needle_length_max_mm, needle_count,
                         material, nickname, brand, first_use_date, shared, damaged, retired_at_ms,
                         retired_offset_s, retired_reason, replace_after_uses, replace_after_days,
                         added_at_ms, added_offset_s)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                    params![
                        d.id, d.kind, d.needle_length_mm, d.needle_length_max_mm, d.needle_count,
                        d.material, d.nickname, d.brand, d.first_use_date, d.shared, d.damaged,
                        retired_ms, retired_offset, retired_reason, d.replace_after_uses,
                        d.replace_after_days, ms, offset
                    ],
                )?;
            } else {
                conn.execute(
                    "UPDATE devices SET shared = ?2, damaged = ?3, retired_at_ms = ?4, retired_offset_s = ?5,
                         retired_reason = ?6, replace_after_uses = ?7, replace_after_days = ?8
                      WHERE id = ?1",
                    params![
                        d.id, d.shared, d.damaged, retired_ms, retired_offset, retired_reason,
                        d.replace_after_uses, d.replace_after_days
                    ],
                )?;
            }
            let known_changes = old.map_or(0, |o| o.changes.len());
            for (seq, c) in d.changes.iter().enumerate().skip(known_changes) {
                let (ms, offset) = parts(&format!("{path}.changes[{seq}].at"), &c.at)?;
                conn.execute(
                    "INSERT INTO device_changes (device_id, seq, changed_at_ms, changed_offset_s, change, detail)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![d.id, i64::try_from(seq).unwrap_or(i64::MAX), ms, offset, c.change, c.detail],
                )?;
            }
            for (j, h) in d.head_changes.iter().enumerate() {
                if old.is_some_and(|o| o.head_changes.contains(h)) {
                    continue;
                }
                let (ms, offset) = parts(&format!("{path}.head_changes[{j}].at"), &h.at)?;
                let (rec_ms, rec_offset) = parts(
                    &format!("{path}.head_changes[{j}].recorded_at"),
                    &h.recorded_at,
                )?;
                conn.execute(
                    "INSERT INTO head_changes (id, device_id, at_ms, at_offset_s, recorded_at_ms, recorded_offset_s)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![h.id, d.id, ms, offset, rec_ms, rec_offset],
                )?;
            }
            Ok(())
        },
    )
}

fn sessions(
    conn: &Connection,
    doc: &BackupDocument,
    stored: &BackupDocument,
) -> Result<ImportCount> {
    let known_versions: HashMap<&str, usize> = stored
        .sessions
        .iter()
        .map(|s| (s.id.as_str(), s.versions.len()))
        .collect();
    each(
        "sessions",
        &doc.sessions,
        &stored.sessions,
        |s| &s.id,
        |old, new| {
            if old == new {
                return Some(Merge::Keep);
            }
            if old.overrides != new.overrides {
                return None;
            }
            let deletion_follows = |a: &SessionDoc, b: &SessionDoc| {
                a.deleted_at.is_none() || a.deleted_at == b.deleted_at
            };
            if is_prefix(&old.versions, &new.versions) && deletion_follows(old, new) {
                Some(Merge::Update(new))
            } else if is_prefix(&new.versions, &old.versions) && deletion_follows(new, old) {
                Some(Merge::Keep)
            } else {
                None
            }
        },
        |i, s, merge| {
            let path = format!("$.sessions[{i}]");
            let (current, latest) = match s
                .versions
                .len()
                .checked_sub(1)
                .and_then(|r| s.versions.get(r).map(|v| (r, v)))
            {
                Some(found) => found,
                None => return Err(Error::bad_document(format!("{path}.versions"), "is empty")),
            };
            let revision = i64::try_from(current).unwrap_or(i64::MAX);
            let (at_ms, _) = parts(&format!("{path}.versions[{current}].at"), &latest.at)?;
            let (deleted_ms, deleted_offset) =
                optional_parts(&format!("{path}.deleted_at"), s.deleted_at.as_deref())?;
            let known = known_versions.get(s.id.as_str()).copied().unwrap_or(0);
            if matches!(merge, Merge::Add) {
                conn.execute(
                    "INSERT INTO sessions (id, device_id, revision, at_ms, deleted_at_ms, deleted_offset_s)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![s.id, latest.device_id, revision, at_ms, deleted_ms, deleted_offset],
                )?;
                for (position, o) in s.overrides.iter().enumerate() {
                    conn.execute(
                        "INSERT INTO session_overrides (session_id, position, code, message) VALUES (?1, ?2, ?3, ?4)",
                        params![s.id, i64::try_from(position).unwrap_or(i64::MAX), o.code, o.message],
                    )?;
                }
            }
            for (r, v) in s.versions.iter().enumerate().skip(known) {
                insert_version(conn, &format!("{path}.versions[{r}]"), &s.id, r, v)?;
            }
            conn.execute(
                "UPDATE sessions SET device_id = ?2, revision = ?3, at_ms = ?4, deleted_at_ms = ?5,
                     deleted_offset_s = ?6 WHERE id = ?1",
                params![
                    s.id,
                    latest.device_id,
                    revision,
                    at_ms,
                    deleted_ms,
                    deleted_offset
                ],
            )?;
            Ok(())
        },
    )
}

fn insert_version(
    conn: &Connection,
    path: &str,
    session_id: &str,
    revision: usize,
    v: &SessionVersionDoc,
) -> Result<()> {
    session_rows::insert_version(
        conn,
        &session_id,
        i64::try_from(revision).unwrap_or(i64::MAX),
        &NewVersion {
            device_id: &v.device_id,
            at: parts(&format!("{path}.at"), &v.at)?,
            needle_length_mm: v.needle_length_mm,
            passes: v.passes,
            pain: v.pain,
            notes: v.notes.as_deref(),
            pre_checks: v.pre_checks.into(),
            saved_at: parts(&format!("{path}.saved_at"), &v.saved_at)?,
            zones: v.zones.iter().map(String::as_str).collect(),
            products: v
                .products
                .iter()
                .map(|p| (p.name.as_str(), p.timing.as_str(), p.categories.join(",")))
                .collect(),
        },
    )
}

fn cleanings(
    conn: &Connection,
    doc: &BackupDocument,
    stored: &BackupDocument,
) -> Result<ImportCount> {
    each(
        "cleanings",
        &doc.cleanings,
        &stored.cleanings,
        |c| &c.id,
        |old, new| (old == new).then_some(Merge::Keep),
        |i, c, _| {
            let path = format!("$.cleanings[{i}]");
            let (ms, offset) = parts(&format!("{path}.at"), &c.at)?;
            let (rec_ms, rec_offset) = parts(&format!("{path}.recorded_at"), &c.recorded_at)?;
            conn.execute(
                "INSERT INTO cleanings (id, device_id, at_ms, at_offset_s, method, soak_minutes, recorded_at_ms, recorded_offset_s)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![c.id, c.device_id, ms, offset, c.method, c.soak_minutes, rec_ms, rec_offset],
            )?;
            Ok(())
        },
    )
}

fn reports(
    conn: &Connection,
    doc: &BackupDocument,
    stored: &BackupDocument,
) -> Result<ImportCount> {
    each(
        "symptom_reports",
        &doc.symptom_reports,
        &stored.symptom_reports,
        |r| &r.id,
        |old, new| {
            // What may be added to a report after it was entered: when it
            // cleared up, and when a clinician saw it. Either copy may hold
            // it; one that holds it adds it to the other, and two that hold
            // different values disagree.
            let as_entered = |r: &ReportDoc| ReportDoc {
                resolved_at: None,
                clinician_seen_at: None,
                ..r.clone()
            };
            let agree =
                |o: &Option<String>, n: &Option<String>| o.is_none() || n.is_none() || o == n;
            let adds = |o: &Option<String>, n: &Option<String>| o.is_none() && n.is_some();
            if as_entered(old) != as_entered(new)
                || !agree(&old.resolved_at, &new.resolved_at)
                || !agree(&old.clinician_seen_at, &new.clinician_seen_at)
            {
                None
            } else if adds(&old.resolved_at, &new.resolved_at)
                || adds(&old.clinician_seen_at, &new.clinician_seen_at)
            {
                Some(Merge::Update(new))
            } else {
                Some(Merge::Keep)
            }
        },
        |i, r, merge| {
            let path = format!("$.symptom_reports[{i}]");
            if let Some(session) = &r.session_id {
                let exists: bool = conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?1)",
                    [session],
                    |row| row.get(0),
                )?;
                if !exists {
                    return Err(Error::bad_document(
                        format!("{path}.session_id"),
                        "names a session neither in the document nor in the log",
                    ));
                }
            }
            let (resolved_ms, resolved_offset) =
                optional_parts(&format!("{path}.resolved_at"), r.resolved_at.as_deref())?;
            let (seen_ms, seen_offset) = optional_parts(
                &format!("{path}.clinician_seen_at"),
                r.clinician_seen_at.as_deref(),
            )?;
            if matches!(merge, Merge::Update(_)) {
                conn.execute(
                    "UPDATE symptom_reports
                        SET resolved_at_ms = COALESCE(resolved_at_ms, ?2),
                            resolved_offset_s = COALESCE(resolved_offset_s, ?3),
                            clinician_seen_at_ms = COALESCE(clinician_seen_at_ms, ?4),
                            clinician_seen_offset_s = COALESCE(clinician_seen_offset_s, ?5)
                      WHERE id = ?1",
                    params![r.id, resolved_ms, resolved_offset, seen_ms, seen_offset],
                )?;
                return Ok(());
            }
            let (ms, offset) = parts(&format!("{path}.at"), &r.at)?;
            let (rec_ms, rec_offset) = parts(&format!("{path}.recorded_at"), &r.recorded_at)?;
            conn.execute(
                "INSERT INTO symptom_reports (id, at_ms, at_offset_s, kind, around_eye, overall_severity,
                     pus_colour, pus_consistency, temperature_c, notes, session_id, link_chosen_by_user,
                     resolved_at_ms, resolved_offset_s, recorded_at_ms, recorded_offset_s,
                     clinician_seen_at_ms, clinician_seen_offset_s, trend)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                params![
                    r.id, ms, offset, r.kind, r.around_eye, r.overall_severity,
                    r.pus.as_ref().map(|p| &p.colour), r.pus.as_ref().map(|p| &p.consistency),
                    r.temperature_c, r.notes, r.session_id, r.link_chosen_by_user,
                    resolved_ms, resolved_offset, rec_ms, rec_offset, seen_ms, seen_offset,
                    r.trend
                ],
            )?;
            for zone in &r.zones {
                conn.execute(
                    "INSERT INTO report_zones (report_id, zone) VALUES (?1, ?2)",
                    params![r.id, zone],
                )?;
            }
            for s in &r.symptoms {
                conn.execute(
                    "INSERT INTO report_symptoms (report_id, symptom, severity) VALUES (?1, ?2, ?3)",
                    params![r.id, s.symptom, s.severity],
                )?;
            }
            for (position, p) in r.photos.iter().enumerate() {
                conn.execute(
                    "INSERT INTO report_photos (report_id, position, file, sha256) VALUES (?1, ?2, ?3, ?4)",
                    params![r.id, i64::try_from(position).unwrap_or(i64::MAX), p.file, p.sha256],
                )?;
            }
            Ok(())
        },
    )
}

fn alerts(conn: &Connection, doc: &BackupDocument, stored: &BackupDocument) -> Result<ImportCount> {
    each(
        "alerts",
        &doc.alerts,
        &stored.alerts,
        |a| &a.id,
        |old, new| {
            let open = |a: &AlertDoc| AlertDoc {
                acknowledged_at: None,
                ..a.clone()
            };
            if old == new || (new.acknowledged_at.is_none() && open(old) == *new) {
                Some(Merge::Keep)
            } else if old.acknowledged_at.is_none() && open(new) == *old {
                Some(Merge::Update(new))
            } else {
                None
            }
        },
        |i, a, _| {
            let path = format!("$.alerts[{i}]");
            let (ms, offset) = parts(&format!("{path}.at"), &a.at)?;
            let (ack_ms, ack_offset) = optional_parts(
                &format!("{path}.acknowledged_at"),
                a.acknowledged_at.as_deref(),
            )?;
            let reasons: Vec<crate::alert::AlertReason> = a
                .reasons
                .iter()
                .map(|r| crate::alert::AlertReason {
                    code: r.code.clone(),
                    text: r.text.clone(),
                })
                .collect();
            conn.execute(
                "INSERT INTO alerts (id, at_ms, at_offset_s, kind, from_level, to_level, rising, reasons,
                     acknowledged_at_ms, acknowledged_offset_s)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (id) DO UPDATE SET acknowledged_at_ms = ?9, acknowledged_offset_s = ?10",
                params![
                    a.id, ms, offset, a.kind, a.from_level, a.to_level, a.rising,
                    super::super::alerts::pack_reasons(&reasons), ack_ms, ack_offset
                ],
            )?;
            Ok(())
        },
    )
}
