//! Reading the whole log, table by table, into a backup document.
//!
//! Values are copied as stored: codes stay codes, instants keep their
//! offsets, every version and mark is kept. Nothing is derived here.

use rusqlite::Connection;

use super::super::alerts::unpack_reasons;
use super::super::conn_ext::ConnExt;
use super::super::rows;
use super::super::session_rows::{self, StoredVersion, version_columns};
use crate::backup::document::*;
use crate::backup::instant;
use crate::error::{Error, Result};
use crate::profile::Condition;
use crate::symptom::Symptom;
use crate::zone::BodyZone;

fn stored_moment(column: &'static str, ms: i64, offset: i32) -> Result<String> {
    rows::moment(column, ms, offset).map(|m| instant::to_text(&m))
}

fn stored_optional_moment(
    column: &'static str,
    ms: Option<i64>,
    offset: Option<i32>,
) -> Result<Option<String>> {
    Ok(rows::optional_moment(column, ms, offset)?.map(|m| instant::to_text(&m)))
}

/// The sort key that orders stored codes as the core orders their values
/// (the order validation leaves them in), not alphabetically; unknown codes
/// go last.
fn core_order<T: Ord>(code: &str, parse: impl Fn(&str) -> Option<T>) -> (bool, Option<T>) {
    let value = parse(code);
    (value.is_none(), value)
}

/// Codes in the core's order (see [`core_order`]).
fn in_core_order<T: Ord>(mut codes: Vec<String>, parse: impl Fn(&str) -> Option<T>) -> Vec<String> {
    crate::sorting::sort_by_key(&mut codes, |c| core_order(c, &parse));
    codes
}

fn split_codes(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The settings row, or none set.
pub(super) fn settings(conn: &Connection) -> Result<SettingsDoc> {
    let quiet: Option<(Option<u32>, Option<u32>)> = conn.query_optional(
        "SELECT quiet_start_minute, quiet_end_minute FROM settings WHERE id = 1",
        [],
        |r| Ok::<_, Error>((r.get(0)?, r.get(1)?)),
    )?;
    let quiet_hours = match quiet {
        Some((Some(start_minute), Some(end_minute))) => Some(QuietHoursDoc {
            start_minute,
            end_minute,
        }),
        _ => None,
    };
    Ok(SettingsDoc { quiet_hours })
}

/// The log's pseudonym key, as hex digits.
pub(super) fn pseudonym_key(conn: &Connection) -> Result<Option<String>> {
    Ok(crate::store::pseudonym::key(conn)?.map(|key| crate::store::pseudonym::to_hex(&key)))
}

/// The last assessed levels, if any assessment was stored.
pub(super) fn risk_levels(conn: &Connection) -> Result<Option<RiskLevelsDoc>> {
    conn.query_optional(
        "SELECT preventive, triage FROM risk_state WHERE id = 1",
        [],
        |r| {
            Ok::<_, Error>(RiskLevelsDoc {
                preventive: r.get(0)?,
                triage: r.get(1)?,
            })
        },
    )
}

/// Every profile revision, oldest first.
pub(super) fn profile_revisions(conn: &Connection) -> Result<Vec<ProfileDoc>> {
    let revisions = conn.query_rows(
        "SELECT revision, skin_type, saved_at_ms, saved_offset_s,
                patient_name, birth_date, patient_identifier, identifier_issuer
           FROM profile_revisions ORDER BY revision",
        [],
        |r| {
            let identity = IdentityDoc {
                name: r.get(4)?,
                birth_date: r.get(5)?,
                identifier: r.get(6)?,
                identifier_issuer: r.get(7)?,
            };
            let given = identity.name.is_some()
                || identity.birth_date.is_some()
                || identity.identifier.is_some();
            Ok::<_, Error>((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                stored_moment("profile_revisions.saved_at", r.get(2)?, r.get(3)?)?,
                given.then_some(identity),
            ))
        },
    )?;
    revisions
        .into_iter()
        .map(|(revision, skin_type, saved_at, identity)| {
            let answers = conn.query_rows(
                "SELECT condition, present, stopped_on, confirmed_at_ms, confirmed_offset_s
                   FROM profile_answers WHERE revision = ?1",
                [revision],
                |r| {
                    Ok::<_, Error>(AnswerDoc {
                        condition: r.get(0)?,
                        present: r.get(1)?,
                        stopped_on: r.get(2)?,
                        confirmed_at: stored_moment(
                            "profile_answers.confirmed_at",
                            r.get(3)?,
                            r.get(4)?,
                        )?,
                    })
                },
            )?;
            let mut answers = answers;
            crate::sorting::sort_by_key(&mut answers, |a| {
                core_order(&a.condition, Condition::from_code)
            });
            Ok(ProfileDoc {
                saved_at,
                skin_type,
                answers,
                identity,
            })
        })
        .collect()
}

/// Every care plan, oldest first.
pub(super) fn care_plans(conn: &Connection) -> Result<Vec<CarePlanDoc>> {
    conn.query_rows(
        "SELECT set_by, set_at_ms, set_offset_s, recorded_at_ms, recorded_offset_s,
                rest_face_days, rest_scalp_days, rest_body_days, max_needle_length_mm,
                allowed_zones, avoid_products, cleared_conditions,
                max_needle_face_mm, max_needle_scalp_mm, max_needle_body_mm
           FROM care_plans ORDER BY revision",
        [],
        |r| {
            let rest_days = ["face", "scalp", "body"]
                .into_iter()
                .zip([r.get::<_, Option<u32>>(5)?, r.get(6)?, r.get(7)?])
                .filter_map(|(region, days)| {
                    days.map(|days| RestDoc {
                        region: region.to_owned(),
                        days,
                    })
                })
                .collect();
            Ok::<_, Error>(CarePlanDoc {
                set_by: r.get(0)?,
                set_at: stored_moment("care_plans.set_at", r.get(1)?, r.get(2)?)?,
                recorded_at: stored_moment("care_plans.recorded_at", r.get(3)?, r.get(4)?)?,
                rest_days,
                max_needle_length_mm: r.get(8)?,
                max_needle_mm: ["face", "scalp", "body"]
                    .into_iter()
                    .zip([r.get::<_, Option<f64>>(12)?, r.get(13)?, r.get(14)?])
                    .filter_map(|(region, mm)| {
                        mm.map(|mm| NeedleLimitDoc {
                            region: region.to_owned(),
                            mm,
                        })
                    })
                    .collect(),
                allowed_zones: split_codes(&r.get::<_, String>(9)?),
                avoid_products: split_codes(&r.get::<_, String>(10)?),
                cleared_conditions: split_codes(&r.get::<_, String>(11)?),
            })
        },
    )
}

/// Every device with its changes and head changes, oldest first.
pub(super) fn devices(conn: &Connection) -> Result<Vec<DeviceDoc>> {
    let devices = conn.query_rows(
        "SELECT id, kind, needle_length_mm, needle_length_max_mm, needle_count, material,
                nickname, brand, first_use_date, shared, damaged, retired_at_ms, retired_offset_s,
                retired_reason, replace_after_uses, replace_after_days, added_at_ms, added_offset_s
           FROM devices ORDER BY added_at_ms, rowid",
        [],
        |r| {
            let retired_at = stored_optional_moment("devices.retired_at", r.get(11)?, r.get(12)?)?;
            let reason: Option<String> = r.get(13)?;
            Ok::<_, Error>(DeviceDoc {
                id: r.get(0)?,
                kind: r.get(1)?,
                needle_length_mm: r.get(2)?,
                needle_length_max_mm: r.get(3)?,
                needle_count: r.get(4)?,
                material: r.get(5)?,
                nickname: r.get(6)?,
                brand: r.get(7)?,
                first_use_date: r.get(8)?,
                shared: r.get(9)?,
                damaged: r.get(10)?,
                retired: retired_at.map(|at| RetiredDoc {
                    at,
                    reason: reason.unwrap_or_default(),
                }),
                replace_after_uses: r.get(14)?,
                replace_after_days: r.get(15)?,
                added_at: stored_moment("devices.added_at", r.get(16)?, r.get(17)?)?,
                changes: Vec::new(),
                head_changes: Vec::new(),
            })
        },
    )?;
    devices
        .into_iter()
        .map(|mut device| {
            device.changes = conn.query_rows(
                "SELECT changed_at_ms, changed_offset_s, change, detail FROM device_changes
                  WHERE device_id = ?1 ORDER BY seq",
                [&device.id],
                |r| {
                    Ok::<_, Error>(DeviceChangeDoc {
                        at: stored_moment("device_changes.changed_at", r.get(0)?, r.get(1)?)?,
                        change: r.get(2)?,
                        detail: r.get(3)?,
                    })
                },
            )?;
            device.head_changes = conn.query_rows(
                "SELECT id, at_ms, at_offset_s, recorded_at_ms, recorded_offset_s FROM head_changes
                  WHERE device_id = ?1 ORDER BY at_ms, id",
                [&device.id],
                |r| {
                    Ok::<_, Error>(HeadChangeDoc {
                        id: r.get(0)?,
                        at: stored_moment("head_changes.at", r.get(1)?, r.get(2)?)?,
                        recorded_at: stored_moment(
                            "head_changes.recorded_at",
                            r.get(3)?,
                            r.get(4)?,
                        )?,
                    })
                },
            )?;
            Ok(device)
        })
        .collect()
}

/// Every session with every version, in the order they took place.
pub(super) fn sessions(conn: &Connection) -> Result<Vec<SessionDoc>> {
    let sessions = conn.query_rows(
        "SELECT id, deleted_at_ms, deleted_offset_s FROM sessions ORDER BY at_ms, id",
        [],
        |r| {
            Ok::<_, Error>(SessionDoc {
                id: r.get(0)?,
                deleted_at: stored_optional_moment("sessions.deleted_at", r.get(1)?, r.get(2)?)?,
                overrides: Vec::new(),
                versions: Vec::new(),
            })
        },
    )?;
    sessions
        .into_iter()
        .map(|mut session| {
            session.overrides = session_rows::overrides_of(conn, &session.id)?
                .into_iter()
                .map(|(code, message)| OverrideDoc { code, message })
                .collect();
            session.versions = session_versions(conn, &session.id)?;
            Ok(session)
        })
        .collect()
}

fn session_versions(conn: &Connection, id: &str) -> Result<Vec<SessionVersionDoc>> {
    let versions = conn.query_rows(
        concat!(
            "SELECT ",
            version_columns!(""),
            " FROM session_versions WHERE session_id = ?1 ORDER BY revision"
        ),
        [id],
        |r| Ok::<_, Error>(StoredVersion::from_row(r, 0)?),
    )?;
    versions
        .into_iter()
        .map(|version| {
            Ok(SessionVersionDoc {
                zones: in_core_order(
                    session_rows::zones_of(conn, &id, version.revision)?,
                    BodyZone::from_code,
                ),
                products: session_rows::products_of(conn, &id, version.revision)?
                    .into_iter()
                    .map(|p| ProductDoc {
                        name: p.name,
                        timing: p.timing,
                        categories: split_codes(&p.categories),
                    })
                    .collect(),
                passes: version.passes()?,
                pain: version.pain()?,
                at: instant::to_text(&version.at),
                saved_at: instant::to_text(&version.saved_at),
                device_id: version.device_id,
                needle_length_mm: version.needle_length_mm,
                notes: version.notes,
                pre_checks: version.pre_checks.into(),
            })
        })
        .collect()
}

/// Every cleaning, in time order.
pub(super) fn cleanings(conn: &Connection) -> Result<Vec<CleaningDoc>> {
    conn.query_rows(
        "SELECT id, device_id, at_ms, at_offset_s, method, soak_minutes, recorded_at_ms, recorded_offset_s
           FROM cleanings ORDER BY at_ms, id",
        [],
        |r| {
            Ok::<_, Error>(CleaningDoc {
                id: r.get(0)?,
                device_id: r.get(1)?,
                at: stored_moment("cleanings.at", r.get(2)?, r.get(3)?)?,
                method: r.get(4)?,
                soak_minutes: r.get(5)?,
                recorded_at: stored_moment("cleanings.recorded_at", r.get(6)?, r.get(7)?)?,
            })
        },
    )
}

/// Every symptom report, in time order.
pub(super) fn symptom_reports(conn: &Connection) -> Result<Vec<ReportDoc>> {
    let reports = conn.query_rows(
        "SELECT id, at_ms, at_offset_s, kind, around_eye, overall_severity, pus_colour,
                pus_consistency, temperature_c, notes, session_id, link_chosen_by_user,
                resolved_at_ms, resolved_offset_s, recorded_at_ms, recorded_offset_s,
                clinician_seen_at_ms, clinician_seen_offset_s, trend
           FROM symptom_reports ORDER BY at_ms, id",
        [],
        |r| {
            let colour: Option<String> = r.get(6)?;
            let consistency: Option<String> = r.get(7)?;
            Ok::<_, Error>(ReportDoc {
                id: r.get(0)?,
                at: stored_moment("symptom_reports.at", r.get(1)?, r.get(2)?)?,
                kind: r.get(3)?,
                zones: Vec::new(),
                around_eye: r.get(4)?,
                symptoms: Vec::new(),
                overall_severity: r.get(5)?,
                pus: colour.zip(consistency).map(|(colour, consistency)| PusDoc {
                    colour,
                    consistency,
                }),
                temperature_c: r.get(8)?,
                trend: r.get(18)?,
                notes: r.get(9)?,
                photos: Vec::new(),
                session_id: r.get(10)?,
                link_chosen_by_user: r.get(11)?,
                resolved_at: stored_optional_moment(
                    "symptom_reports.resolved_at",
                    r.get(12)?,
                    r.get(13)?,
                )?,
                recorded_at: stored_moment("symptom_reports.recorded_at", r.get(14)?, r.get(15)?)?,
                clinician_seen_at: stored_optional_moment(
                    "symptom_reports.clinician_seen_at",
                    r.get(16)?,
                    r.get(17)?,
                )?,
            })
        },
    )?;
    reports
        .into_iter()
        .map(|mut report| {
            report.zones = in_core_order(
                conn.query_rows(
                    "SELECT zone FROM report_zones WHERE report_id = ?1",
                    [&report.id],
                    |r| Ok::<_, Error>(r.get(0)?),
                )?,
                BodyZone::from_code,
            );
            report.symptoms = conn.query_rows(
                "SELECT symptom, severity FROM report_symptoms WHERE report_id = ?1",
                [&report.id],
                |r| {
                    Ok::<_, Error>(SymptomDoc {
                        symptom: r.get(0)?,
                        severity: r.get(1)?,
                    })
                },
            )?;
            crate::sorting::sort_by_key(&mut report.symptoms, |s| {
                core_order(&s.symptom, Symptom::from_code)
            });
            report.photos = conn.query_rows(
                "SELECT file, sha256 FROM report_photos WHERE report_id = ?1 ORDER BY position",
                [&report.id],
                |r| {
                    Ok::<_, Error>(PhotoDoc {
                        file: r.get(0)?,
                        sha256: r.get(1)?,
                    })
                },
            )?;
            Ok(report)
        })
        .collect()
}

/// Every alert, in time order.
pub(super) fn alerts(conn: &Connection) -> Result<Vec<AlertDoc>> {
    conn.query_rows(
        "SELECT id, at_ms, at_offset_s, kind, from_level, to_level, rising, reasons,
                acknowledged_at_ms, acknowledged_offset_s
           FROM alerts ORDER BY at_ms, rowid",
        [],
        |r| {
            Ok::<_, Error>(AlertDoc {
                id: r.get(0)?,
                at: stored_moment("alerts.at", r.get(1)?, r.get(2)?)?,
                kind: r.get(3)?,
                from_level: r.get(4)?,
                to_level: r.get(5)?,
                rising: r.get(6)?,
                reasons: unpack_reasons(&r.get::<_, String>(7)?)
                    .into_iter()
                    .map(|reason| ReasonDoc {
                        code: reason.code,
                        text: reason.text,
                    })
                    .collect(),
                acknowledged_at: stored_optional_moment(
                    "alerts.acknowledged_at",
                    r.get(8)?,
                    r.get(9)?,
                )?,
            })
        },
    )
}

/// Every running soak timer.
pub(super) fn soak_timers(conn: &Connection) -> Result<Vec<SoakTimerDoc>> {
    conn.query_rows(
        "SELECT device_id, started_at_ms, started_offset_s, minutes FROM soak_timers ORDER BY device_id",
        [],
        |r| {
            Ok::<_, Error>(SoakTimerDoc {
                device_id: r.get(0)?,
                started_at: stored_moment("soak_timers.started_at", r.get(1)?, r.get(2)?)?,
                minutes: r.get(3)?,
            })
        },
    )
}
