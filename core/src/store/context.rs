//! Gathering what the rules need from the log, as of a moment.
//!
//! The rules are pure functions; this is the one place that reads the log
//! for them, so a check and a recording see exactly the same facts.

use rusqlite::{Connection, params};

use super::assessment::triage_at;
use super::care_plans::current_care_plan;
use super::conn_ext::ConnExt;
use super::devices::device_wear;
use super::profiles::current_profile;
use super::reports::find_report;
use super::rows;
use super::sessions::last_session_of_device;
use crate::care_plan::CarePlan;
use crate::check::{CheckContext, CleaningState, OpenPrompt, RegionLastSession, check_session};
use crate::cleaning::CleaningMethod;
use crate::device::Device;
use crate::error::Result;
use crate::profile::Profile;
use crate::risk::Triage;
use crate::rules::cleaning::is_adequate;
use crate::rules::triage::TriageLevel;
use crate::session::ValidPlan;
use crate::time::{self, Moment};
use crate::verdict::SessionVerdict;
use crate::zone::{BodyRegion, BodyZone};

/// What the log says about the person rather than a device: read once per
/// call, however many devices or rules use it.
pub(super) struct Person {
    /// The current profile, if saved.
    pub profile: Option<Profile>,
    /// The care plan in force, if any.
    pub care_plan: Option<CarePlan>,
}

/// Reads the current profile and care plan.
pub(super) fn person(conn: &Connection) -> Result<Person> {
    Ok(Person {
        profile: current_profile(conn)?,
        care_plan: current_care_plan(conn)?,
    })
}

/// The verdict for `plan` with `device` as of `at`, from the log before it.
pub(super) fn verdict(
    conn: &Connection,
    person: &Person,
    device: &Device,
    plan: &ValidPlan,
    at: &Moment,
) -> Result<SessionVerdict> {
    let wear = device_wear(conn, device, at)?;
    let cleaning = cleaning_state(conn, device, at)?;
    // The plan's zones are sorted, and sorted zones keep each region together
    // (see `BodyZone`), so removing adjacent repeats leaves each region once.
    let mut regions: Vec<BodyRegion> = plan.zones.iter().map(|z| z.region()).collect();
    regions.dedup();
    let region_history = region_history(conn, &regions, at)?;
    let later_sessions = later_sessions(conn, &regions, at)?;
    let open_prompts = open_prompts(conn, &triage_at(conn, person, at)?, at)?;
    Ok(check_session(&CheckContext {
        device,
        plan,
        now: *at,
        profile: person.profile.as_ref(),
        care_plan: person.care_plan.as_ref(),
        wear: &wear,
        cleaning,
        region_history: &region_history,
        later_sessions: &later_sessions,
        open_prompts: &open_prompts,
    }))
}

/// The open reports whose amber or red prompts in `triage` (assessed as of
/// `at`) stop needling: every such report but those a clinician has seen by
/// `at`, each with its most urgent level. The check, the recording and the
/// home screen all read the gate through this one function.
pub(super) fn open_prompts(
    conn: &Connection,
    triage: &Triage,
    at: &Moment,
) -> Result<Vec<OpenPrompt>> {
    let mut reports: Vec<(crate::ids::ReportId, TriageLevel)> = Vec::new();
    for prompt in triage
        .prompts
        .iter()
        .filter(|p| p.level >= TriageLevel::Amber)
    {
        match reports.iter_mut().find(|(id, _)| *id == prompt.report_id) {
            Some((_, level)) => *level = (*level).max(prompt.level),
            None => reports.push((prompt.report_id, prompt.level)),
        }
    }
    let mut open = Vec::new();
    for (id, level) in reports {
        let report = find_report(conn, id)?;
        if report.clinician_seen_at.is_some_and(|seen| seen <= *at) {
            continue;
        }
        let mut regions: Vec<BodyRegion> = report.zones.iter().map(|z| z.region()).collect();
        crate::sorting::sort_by_key(&mut regions, |r| *r as u8);
        regions.dedup();
        open.push(OpenPrompt {
            level,
            report_date: time::local_date(&report.at),
            regions,
        });
    }
    Ok(open)
}

/// The latest session on each of `regions` up to `at`, any device; regions
/// never needled are left out.
pub(super) fn region_history(
    conn: &Connection,
    regions: &[BodyRegion],
    at: &Moment,
) -> Result<Vec<RegionLastSession>> {
    regions
        .iter()
        .map(|region| last_session_on(conn, *region, at))
        .filter_map(Result::transpose)
        .collect()
}

/// The first session on each of `regions` after `at`, any device; regions
/// with none are left out.
pub(super) fn later_sessions(
    conn: &Connection,
    regions: &[BodyRegion],
    at: &Moment,
) -> Result<Vec<RegionLastSession>> {
    regions
        .iter()
        .map(|region| first_session_after(conn, *region, at))
        .filter_map(Result::transpose)
        .collect()
}

/// Whether `device` was cleaned adequately since its last use, up to `at`.
pub(super) fn cleaning_state(
    conn: &Connection,
    device: &Device,
    at: &Moment,
) -> Result<CleaningState> {
    let last_use = last_session_of_device(conn, device.id, at)?;
    cleaning_since(conn, device, last_use.as_ref(), at)
}

/// Whether `device` was cleaned adequately between its last use (`None`:
/// never used) and `at`.
pub(super) fn cleaning_since(
    conn: &Connection,
    device: &Device,
    last_use: Option<&Moment>,
    at: &Moment,
) -> Result<CleaningState> {
    let since_ms = last_use.map_or(i64::MIN, time::unix_millis);
    let cleanings = conn.query_rows(
        "SELECT method, soak_minutes FROM cleanings
          WHERE device_id = ?1 AND at_ms >= ?2 AND at_ms <= ?3 ORDER BY at_ms DESC, id",
        params![device.id, since_ms, time::unix_millis(at)],
        |r| Ok::<_, rusqlite::Error>((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)),
    )?;
    let mut latest = None;
    for (method, minutes) in cleanings {
        let method = rows::code("cleanings.method", &method, CleaningMethod::from_code)?;
        let minutes = rows::count("cleanings.soak_minutes", minutes)?;
        if is_adequate(method, minutes) {
            return Ok(CleaningState::CleanForNextUse);
        }
        latest.get_or_insert((method, minutes));
    }
    Ok(match (latest, last_use) {
        (Some((method, soak_minutes)), _) => CleaningState::Inadequate {
            method,
            soak_minutes,
        },
        (None, Some(_)) => CleaningState::NotCleanedSinceLastUse,
        (None, None) => CleaningState::NotCleanedBeforeFirstUse,
    })
}

/// The latest session on any zone of `region` up to `at`, any device.
fn last_session_on(
    conn: &Connection,
    region: BodyRegion,
    at: &Moment,
) -> Result<Option<RegionLastSession>> {
    session_on(conn, region, at, "s.at_ms <= ?", "DESC")
}

/// The first session on any zone of `region` after `at`, any device.
fn first_session_after(
    conn: &Connection,
    region: BodyRegion,
    at: &Moment,
) -> Result<Option<RegionLastSession>> {
    session_on(conn, region, at, "s.at_ms > ?", "ASC")
}

/// The session on `region` nearest `at` on the side `bound` selects, in
/// `order` of time.
fn session_on(
    conn: &Connection,
    region: BodyRegion,
    at: &Moment,
    bound: &str,
    order: &str,
) -> Result<Option<RegionLastSession>> {
    let zones: Vec<&str> = BodyZone::ALL
        .into_iter()
        .filter(|z| z.region() == region)
        .map(BodyZone::code)
        .collect();
    let placeholders = vec!["?"; zones.len()].join(", ");
    let sql = format!(
        "SELECT v.at_ms, v.at_offset_s, v.needle_length_mm FROM sessions s
           JOIN session_versions v ON v.session_id = s.id AND v.revision = s.revision
          WHERE s.deleted_at_ms IS NULL AND {bound}
            AND EXISTS (SELECT 1 FROM session_zones z
                         WHERE z.session_id = s.id AND z.revision = s.revision AND z.zone IN ({placeholders}))
          ORDER BY s.at_ms {order} LIMIT 1"
    );
    let mut args: Vec<rusqlite::types::Value> = vec![time::unix_millis(at).into()];
    args.extend(
        zones
            .iter()
            .map(|z| rusqlite::types::Value::Text((*z).to_owned())),
    );
    conn.query_optional(&sql, rusqlite::params_from_iter(args), |r| {
        Ok::<_, rusqlite::Error>(RegionLastSession {
            region,
            at: rows::moment_at(r, 0, "session_versions.at")?,
            needle_length_mm: r.get(2)?,
        })
    })
}
