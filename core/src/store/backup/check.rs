//! Checking a backup document before anything is written.
//!
//! Every value goes through the same validation as the public API, so an
//! import can never store what the app could not have recorded, and refuses
//! nothing the app could have: whatever the log holds, its backup imports
//! into an empty log. Where the API compared a date with the `now` of the
//! call (an event may not be dated in the future), the import compares it
//! with that `now` as the log kept it (the record's `recorded_at` or
//! `saved_at`), by the same function; never with the moment of the import,
//! which says nothing about the clock the record was made by. Moments the
//! API took as `now` itself are only checked to be plausible.
//!
//! Errors name the path in the document (`sessions[3].versions[0].pain`) and
//! never echo the user's text. Values must be in the form RollSafe writes
//! them (sorted code lists, trimmed labels, instants as
//! [`instant`] writes them): a backup is machine-written, and a document that
//! differs was edited by hand and is refused rather than reinterpreted.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::backup::document::*;
use crate::backup::instant;
use crate::care_plan::{CarePlan, RegionNeedleLimit, RegionRest};
use crate::cleaning::{CleaningMethod, NewCleaning};
use crate::device::{Device, DeviceKind, DeviceStatus, NeedleMaterial, NewDevice};
use crate::error::{Error, Result};
use crate::identity::{PatientIdentifier, PatientIdentity};
use crate::ids::DeviceId;
use crate::product::{Product, ProductCategory};
use crate::profile::{Condition, ConditionAnswer, ProfileUpdate, SkinType};
use crate::reminders::QuietHours;
use crate::risk::{RiskLevel, TriageLevel};
use crate::session::{NewSession, SessionPlan};
use crate::symptom::{
    NewSymptomReport, PhotoRef, PusColour, PusConsistency, PusDescription, ReportKind,
    ReportedSymptom, Symptom, SymptomTrend, check_resolution,
};
use crate::time::{self, Moment};
use crate::validate;
use crate::zone::{BodyRegion, BodyZone};

/// Checks the whole document, against the devices already in the log
/// (which sessions and cleanings may refer to).
pub(super) fn check(doc: &BackupDocument, stored_devices: &HashMap<String, Device>) -> Result<()> {
    if doc.format != FORMAT {
        return Err(Error::bad_document(
            "$.format",
            format!("is not \"{FORMAT}\""),
        ));
    }
    if doc.version != VERSION {
        return Err(Error::bad_document(
            "$.version",
            format!(
                "is {}; this version of RollSafe reads version {VERSION}",
                doc.version
            ),
        ));
    }
    moment("$.exported_at", &doc.exported_at)?;
    if let Some(q) = &doc.settings.quiet_hours {
        let minute = |field: &str, minute: u32| {
            u16::try_from(minute).map_err(|_| {
                Error::bad_document(
                    format!("$.settings.quiet_hours.{field}"),
                    "is not a minute of the day",
                )
            })
        };
        let quiet = QuietHours {
            start_minute: minute("start_minute", q.start_minute)?,
            end_minute: minute("end_minute", q.end_minute)?,
        };
        within_record("$.settings.quiet_hours", || quiet.validated())?;
    }
    if let Some(key) = &doc.pseudonym_key {
        crate::store::pseudonym::from_hex("$.pseudonym_key", key)?;
    }
    if let Some(levels) = &doc.risk_levels {
        code(
            "$.risk_levels.preventive",
            &levels.preventive,
            RiskLevel::from_code,
        )?;
        code(
            "$.risk_levels.triage",
            &levels.triage,
            TriageLevel::from_code,
        )?;
    }
    for (i, p) in doc.profile_revisions.iter().enumerate() {
        profile(&format!("$.profile_revisions[{i}]"), p)?;
    }
    for (i, p) in doc.care_plans.iter().enumerate() {
        care_plan(&format!("$.care_plans[{i}]"), p)?;
    }
    let mut ids = Ids::default();
    let mut devices = stored_devices.clone();
    for (i, d) in doc.devices.iter().enumerate() {
        let path = format!("$.devices[{i}]");
        ids.unique(&path, &d.id)?;
        devices.insert(d.id.clone(), device(&path, d, &mut ids)?);
    }
    let mut sessions = HashSet::new();
    for (i, s) in doc.sessions.iter().enumerate() {
        let path = format!("$.sessions[{i}]");
        ids.unique(&path, &s.id)?;
        session(&path, s, &devices)?;
        sessions.insert(s.id.as_str());
    }
    for (i, c) in doc.cleanings.iter().enumerate() {
        let path = format!("$.cleanings[{i}]");
        ids.unique(&path, &c.id)?;
        cleaning(&path, c, &devices)?;
    }
    for (i, r) in doc.symptom_reports.iter().enumerate() {
        let path = format!("$.symptom_reports[{i}]");
        ids.unique(&path, &r.id)?;
        report(&path, r)?;
    }
    for (i, a) in doc.alerts.iter().enumerate() {
        let path = format!("$.alerts[{i}]");
        ids.unique(&path, &a.id)?;
        alert(&path, a)?;
    }
    for (i, t) in doc.soak_timers.iter().enumerate() {
        let path = format!("$.soak_timers[{i}]");
        known_device(&format!("{path}.device_id"), &t.device_id, &devices)?;
        // The log keeps no moment of entry for a timer, and the API's `now`
        // could have been any plausible moment: plausibility is all to check.
        moment(&format!("{path}.started_at"), &t.started_at)?;
        at(&format!("{path}.minutes"), || {
            validate::within(
                "minutes",
                t.minutes,
                1..=super::super::reminders::MAX_TIMER_MINUTES,
            )
        })?;
    }
    Ok(())
}

/// Runs a field check, re-pointing its error at `path`.
fn at<T>(path: &str, check: impl FnOnce() -> Result<T>) -> Result<T> {
    check().map_err(|e| match e {
        Error::InvalidInput { reason, .. } => Error::bad_document(path, reason),
        other => other,
    })
}

/// Runs a record's check, re-pointing a field error at `path.field`.
fn within_record<T>(path: &str, check: impl FnOnce() -> Result<T>) -> Result<T> {
    check().map_err(|e| match e {
        Error::InvalidInput { field, reason } => {
            Error::bad_document(format!("{path}.{field}"), reason)
        }
        other => other,
    })
}

/// Refuses a value the validation would have written differently.
fn canonical<T: PartialEq>(path: &str, given: &T, cleaned: &T) -> Result<()> {
    if given == cleaned {
        Ok(())
    } else {
        Err(Error::bad_document(
            path,
            "is not in the form RollSafe writes (trimmed text, sorted lists without repeats)",
        ))
    }
}

/// Ids seen so far: every record id in a document is unique, across kinds.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn unique(&mut self, path: &str, id: &str) -> Result<()> {
        uuid::Uuid::parse_str(id)
            .map_err(|_| Error::bad_document(format!("{path}.id"), "is not a UUID"))?;
        if id != id.to_ascii_lowercase() {
            return Err(Error::bad_document(
                format!("{path}.id"),
                "is not a lowercase UUID",
            ));
        }
        if !self.0.insert(id.to_owned()) {
            return Err(Error::bad_document(
                format!("{path}.id"),
                "appears twice in the document",
            ));
        }
        Ok(())
    }
}

fn moment(path: &str, text: &str) -> Result<Moment> {
    instant::from_text(path, text)
}

fn optional_moment(path: &str, text: Option<&str>) -> Result<Option<Moment>> {
    text.map(|t| moment(path, t)).transpose()
}

/// The moment at `path`, which the API refused later than the moment it was
/// `entered` (see [`time::check_not_after`]).
fn dated(path: &str, text: &str, entered: &Moment) -> Result<Moment> {
    let when = moment(path, text)?;
    at(path, || time::check_not_after("at", &when, entered))?;
    Ok(when)
}

fn date(path: &str, text: &str) -> Result<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::bad_document(path, "is not a YYYY-MM-DD date"))?;
    canonical(
        path,
        &text.to_owned(),
        &parsed.format("%Y-%m-%d").to_string(),
    )?;
    Ok(parsed)
}

fn code<T>(path: &str, text: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T> {
    parse(text).ok_or_else(|| Error::bad_document(path, "is not a known code"))
}

fn codes<T>(path: &str, texts: &[String], parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| code(&format!("{path}[{i}]"), t, &parse))
        .collect()
}

fn known_device(path: &str, id: &str, devices: &HashMap<String, Device>) -> Result<Device> {
    devices.get(id).cloned().ok_or_else(|| {
        Error::bad_document(
            path,
            "names a device neither in the document nor in the log",
        )
    })
}

fn label(path: &str, text: &str) -> Result<()> {
    let cleaned = at(path, || validate::label("label", text))?;
    canonical(path, &text.to_owned(), &cleaned)
}

fn note(path: &str, text: Option<&String>) -> Result<()> {
    let cleaned = at(path, || validate::note("notes", text.map(String::as_str)))?;
    canonical(path, &text.cloned(), &cleaned)
}

fn profile(path: &str, p: &ProfileDoc) -> Result<()> {
    let saved_at = moment(&format!("{path}.saved_at"), &p.saved_at)?;
    let skin_type = p
        .skin_type
        .as_deref()
        .map(|s| code(&format!("{path}.skin_type"), s, SkinType::from_code))
        .transpose()?;
    let mut answers = Vec::new();
    for (i, a) in p.answers.iter().enumerate() {
        let path = format!("{path}.answers[{i}]");
        answers.push(ConditionAnswer {
            condition: code(
                &format!("{path}.condition"),
                &a.condition,
                Condition::from_code,
            )?,
            present: a.present,
            stopped_on: a
                .stopped_on
                .as_deref()
                .map(|d| date(&format!("{path}.stopped_on"), d))
                .transpose()?,
            confirmed_at: dated(&format!("{path}.confirmed_at"), &a.confirmed_at, &saved_at)?,
        });
    }
    let identity = p
        .identity
        .as_ref()
        .map(|i| identity(&format!("{path}.identity"), i))
        .transpose()?
        .unwrap_or_default();
    let update = ProfileUpdate {
        skin_type,
        answers: answers.clone(),
        identity: identity.clone(),
    };
    let cleaned = within_record(path, || update.validated(time::local_date(&saved_at)))?;
    canonical(&format!("{path}.answers"), &answers, &cleaned.answers)?;
    canonical(&format!("{path}.identity"), &identity, &cleaned.identity)
}

/// The identity a revision gives, its date parsed; the rest is checked with
/// the revision.
fn identity(path: &str, i: &IdentityDoc) -> Result<PatientIdentity> {
    if i.identifier.is_none() && i.identifier_issuer.is_some() {
        return Err(Error::bad_document(
            format!("{path}.identifier_issuer"),
            "names who gave a patient number that is not given",
        ));
    }
    Ok(PatientIdentity {
        name: i.name.clone(),
        birth_date: i
            .birth_date
            .as_deref()
            .map(|d| date(&format!("{path}.birth_date"), d))
            .transpose()?,
        identifier: i.identifier.clone().map(|value| PatientIdentifier {
            value,
            issuer: i.identifier_issuer.clone(),
        }),
    })
}

fn care_plan(path: &str, p: &CarePlanDoc) -> Result<()> {
    let recorded_at = moment(&format!("{path}.recorded_at"), &p.recorded_at)?;
    let set_at = dated(&format!("{path}.set_at"), &p.set_at, &recorded_at)?;
    let mut rest = Vec::new();
    for (i, r) in p.rest_days.iter().enumerate() {
        rest.push(RegionRest {
            region: code(
                &format!("{path}.rest_days[{i}].region"),
                &r.region,
                BodyRegion::from_code,
            )?,
            min_rest_days: r.days,
        });
    }
    let mut max_needle = Vec::new();
    for (i, l) in p.max_needle_mm.iter().enumerate() {
        max_needle.push(RegionNeedleLimit {
            region: code(
                &format!("{path}.max_needle_mm[{i}].region"),
                &l.region,
                BodyRegion::from_code,
            )?,
            max_needle_length_mm: l.mm,
        });
    }
    if let Some(mm) = p.max_needle_length_mm {
        // Checked even where every region has its own limit: a document
        // holds nothing that the API would refuse.
        within_record(path, || {
            validate::millimetres(
                "max_needle_length_mm",
                mm,
                crate::device::NEEDLE_LENGTH_RANGE_MM,
            )
        })?;
        for region in BodyRegion::ALL {
            if !max_needle.iter().any(|l| l.region == region) {
                max_needle.push(RegionNeedleLimit {
                    region,
                    max_needle_length_mm: mm,
                });
            }
        }
    }
    let plan = CarePlan {
        set_by: p.set_by.clone(),
        set_at,
        rest: rest.clone(),
        max_needle,
        allowed_zones: codes(
            &format!("{path}.allowed_zones"),
            &p.allowed_zones,
            BodyZone::from_code,
        )?,
        avoid_products: codes(
            &format!("{path}.avoid_products"),
            &p.avoid_products,
            ProductCategory::from_code,
        )?,
        cleared_conditions: codes(
            &format!("{path}.cleared_conditions"),
            &p.cleared_conditions,
            Condition::from_code,
        )?,
    };
    let cleaned = within_record(path, || plan.clone().validated())?;
    canonical(&format!("{path}.set_by"), &plan.set_by, &cleaned.set_by)?;
    canonical(&format!("{path}.rest_days"), &rest, &cleaned.rest)?;
    canonical(
        &format!("{path}.allowed_zones"),
        &plan.allowed_zones,
        &cleaned.allowed_zones,
    )?;
    canonical(
        &format!("{path}.avoid_products"),
        &plan.avoid_products,
        &cleaned.avoid_products,
    )?;
    canonical(
        &format!("{path}.cleared_conditions"),
        &plan.cleared_conditions,
        &cleaned.cleared_conditions,
    )
}

fn device(path: &str, d: &DeviceDoc, ids: &mut Ids) -> Result<Device> {
    let new = NewDevice {
        kind: code(&format!("{path}.kind"), &d.kind, DeviceKind::from_code)?,
        needle_length_mm: d.needle_length_mm,
        needle_length_max_mm: d.needle_length_max_mm,
        needle_count: d.needle_count,
        material: code(
            &format!("{path}.material"),
            &d.material,
            NeedleMaterial::from_code,
        )?,
        nickname: d.nickname.clone(),
        brand: d.brand.clone(),
        first_use_date: d
            .first_use_date
            .as_deref()
            .map(|t| date(&format!("{path}.first_use_date"), t))
            .transpose()?,
        shared: d.shared,
    };
    let cleaned = within_record(path, || new.clone().validated())?;
    canonical(
        &format!("{path}.nickname"),
        &new.nickname,
        &cleaned.nickname,
    )?;
    canonical(&format!("{path}.brand"), &new.brand, &cleaned.brand)?;
    canonical(
        &format!("{path}.needle_length_max_mm"),
        &new.needle_length_max_mm,
        &cleaned.needle_length_max_mm,
    )?;
    for (field, limit) in [
        ("replace_after_uses", d.replace_after_uses),
        ("replace_after_days", d.replace_after_days),
    ] {
        if let Some(limit) = limit {
            at(&format!("{path}.{field}"), || {
                validate::within("limit", limit, 1..=crate::store::MAX_REPLACEMENT_LIMIT)
            })?;
        }
    }
    let added_at = moment(&format!("{path}.added_at"), &d.added_at)?;
    let status = match &d.retired {
        None => DeviceStatus::Active,
        Some(r) => {
            label(&format!("{path}.retired.reason"), &r.reason)?;
            DeviceStatus::Retired {
                at: moment(&format!("{path}.retired.at"), &r.at)?,
                reason: r.reason.clone(),
            }
        }
    };
    for (i, c) in d.changes.iter().enumerate() {
        let path = format!("{path}.changes[{i}]");
        moment(&format!("{path}.at"), &c.at)?;
        label(&format!("{path}.change"), &c.change)?;
        at(&format!("{path}.detail"), || {
            validate::label_with_limit("detail", &c.detail, 200)
        })?;
    }
    for (i, h) in d.head_changes.iter().enumerate() {
        let path = format!("{path}.head_changes[{i}]");
        ids.unique(&path, &h.id)?;
        let recorded_at = moment(&format!("{path}.recorded_at"), &h.recorded_at)?;
        dated(&format!("{path}.at"), &h.at, &recorded_at)?;
    }
    Ok(Device {
        id: DeviceId::parse("id", &d.id)
            .map_err(|_| Error::bad_document(format!("{path}.id"), "is not a UUID"))?,
        kind: cleaned.kind,
        needle_length_mm: cleaned.needle_length_mm,
        needle_length_max_mm: cleaned.needle_length_max_mm,
        needle_count: cleaned.needle_count,
        material: cleaned.material,
        nickname: cleaned.nickname,
        brand: cleaned.brand,
        first_use_date: cleaned.first_use_date,
        shared: d.shared,
        damaged: d.damaged,
        status,
        replace_after_uses: d.replace_after_uses,
        replace_after_days: d.replace_after_days,
        added_at,
    })
}

fn session(path: &str, s: &SessionDoc, devices: &HashMap<String, Device>) -> Result<()> {
    if s.versions.is_empty() {
        return Err(Error::bad_document(
            format!("{path}.versions"),
            "is empty; a session has at least the version recorded",
        ));
    }
    optional_moment(&format!("{path}.deleted_at"), s.deleted_at.as_deref())?;
    for (i, o) in s.overrides.iter().enumerate() {
        label(&format!("{path}.overrides[{i}].code"), &o.code)?;
        at(&format!("{path}.overrides[{i}].message"), || {
            validate::label_with_limit("message", &o.message, 400)
        })?;
    }
    for (i, v) in s.versions.iter().enumerate() {
        session_version(&format!("{path}.versions[{i}]"), v, devices)?;
    }
    Ok(())
}

fn session_version(
    path: &str,
    v: &SessionVersionDoc,
    devices: &HashMap<String, Device>,
) -> Result<()> {
    let device = known_device(&format!("{path}.device_id"), &v.device_id, devices)?;
    let saved_at = moment(&format!("{path}.saved_at"), &v.saved_at)?;
    let mut products = Vec::new();
    for (i, p) in v.products.iter().enumerate() {
        let path = format!("{path}.products[{i}]");
        products.push(Product {
            name: p.name.clone(),
            timing: code(
                &format!("{path}.timing"),
                &p.timing,
                super::super::sessions::timing_from_code,
            )?,
            categories: codes(
                &format!("{path}.categories"),
                &p.categories,
                ProductCategory::from_code,
            )?,
        });
    }
    let plan = SessionPlan {
        device_id: device.id,
        zones: codes(&format!("{path}.zones"), &v.zones, BodyZone::from_code)?,
        needle_length_mm: Some(v.needle_length_mm),
        products: products.clone(),
        pre_checks: v.pre_checks.into(),
    };
    let valid = within_record(path, || plan.validated(&device))?;
    canonical(&format!("{path}.zones"), &plan.zones, &valid.zones)?;
    canonical(&format!("{path}.products"), &products, &valid.products)?;
    let new = NewSession {
        plan,
        at: dated(&format!("{path}.at"), &v.at, &saved_at)?,
        passes: v.passes,
        pain: v.pain,
        notes: v.notes.clone(),
    };
    within_record(path, || new.validated_details())?;
    note(&format!("{path}.notes"), v.notes.as_ref())?;
    Ok(())
}

fn cleaning(path: &str, c: &CleaningDoc, devices: &HashMap<String, Device>) -> Result<()> {
    let device = known_device(&format!("{path}.device_id"), &c.device_id, devices)?;
    let recorded_at = moment(&format!("{path}.recorded_at"), &c.recorded_at)?;
    let new = NewCleaning {
        device_id: device.id,
        at: dated(&format!("{path}.at"), &c.at, &recorded_at)?,
        method: code(
            &format!("{path}.method"),
            &c.method,
            CleaningMethod::from_code,
        )?,
        soak_minutes: c.soak_minutes,
    };
    within_record(path, || new.validated())?;
    Ok(())
}

fn report(path: &str, r: &ReportDoc) -> Result<()> {
    let recorded_at = moment(&format!("{path}.recorded_at"), &r.recorded_at)?;
    let mut symptoms = Vec::new();
    for (i, s) in r.symptoms.iter().enumerate() {
        symptoms.push(ReportedSymptom {
            symptom: code(
                &format!("{path}.symptoms[{i}].symptom"),
                &s.symptom,
                Symptom::from_code,
            )?,
            severity: s.severity,
        });
    }
    let pus = r
        .pus
        .as_ref()
        .map(|p| {
            Ok::<_, Error>(PusDescription {
                colour: code(
                    &format!("{path}.pus.colour"),
                    &p.colour,
                    PusColour::from_code,
                )?,
                consistency: code(
                    &format!("{path}.pus.consistency"),
                    &p.consistency,
                    PusConsistency::from_code,
                )?,
            })
        })
        .transpose()?;
    let photos: Vec<PhotoRef> = r
        .photos
        .iter()
        .map(|p| PhotoRef {
            file: p.file.clone(),
            sha256: p.sha256.clone(),
        })
        .collect();
    let new = NewSymptomReport {
        at: dated(&format!("{path}.at"), &r.at, &recorded_at)?,
        kind: code(&format!("{path}.kind"), &r.kind, ReportKind::from_code)?,
        zones: codes(&format!("{path}.zones"), &r.zones, BodyZone::from_code)?,
        around_eye: r.around_eye,
        symptoms: symptoms.clone(),
        overall_severity: r.overall_severity,
        pus,
        temperature_c: r.temperature_c,
        trend: r
            .trend
            .as_deref()
            .map(|t| code(&format!("{path}.trend"), t, SymptomTrend::from_code))
            .transpose()?,
        notes: r.notes.clone(),
        photos: photos.clone(),
        session_id: None,
    };
    let cleaned = within_record(path, || new.clone().validated())?;
    canonical(&format!("{path}.zones"), &new.zones, &cleaned.zones)?;
    canonical(&format!("{path}.symptoms"), &symptoms, &cleaned.symptoms)?;
    canonical(&format!("{path}.photos"), &photos, &cleaned.photos)?;
    canonical(&format!("{path}.notes"), &new.notes, &cleaned.notes)?;
    if let Some(session) = &r.session_id {
        uuid::Uuid::parse_str(session)
            .map_err(|_| Error::bad_document(format!("{path}.session_id"), "is not a UUID"))?;
    }
    for (field, text) in [
        ("resolved_at", r.resolved_at.as_deref()),
        ("clinician_seen_at", r.clinician_seen_at.as_deref()),
    ] {
        let later_path = format!("{path}.{field}");
        if let Some(later) = optional_moment(&later_path, text)? {
            at(&later_path, || check_resolution(&new.at, &later))?;
        }
    }
    Ok(())
}

fn alert(path: &str, a: &AlertDoc) -> Result<()> {
    moment(&format!("{path}.at"), &a.at)?;
    let kind = code(
        &format!("{path}.kind"),
        &a.kind,
        crate::alert::AlertKind::from_code,
    )?;
    for (field, level) in [("from_level", &a.from_level), ("to_level", &a.to_level)] {
        let path = format!("{path}.{field}");
        match kind {
            crate::alert::AlertKind::Preventive => {
                code(&path, level, RiskLevel::from_code).map(drop)?
            }
            crate::alert::AlertKind::Triage => {
                code(&path, level, TriageLevel::from_code).map(drop)?
            }
        }
    }
    for (i, r) in a.reasons.iter().enumerate() {
        label(&format!("{path}.reasons[{i}].code"), &r.code)?;
        at(&format!("{path}.reasons[{i}].text"), || {
            validate::note("text", Some(&r.text))
        })?;
    }
    optional_moment(
        &format!("{path}.acknowledged_at"),
        a.acknowledged_at.as_deref(),
    )?;
    Ok(())
}
