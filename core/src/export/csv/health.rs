//! The files about the user's health: symptom reports, alerts, the profile
//! and the care plans.

use super::table::{flag, moment, opt, opt_date, opt_moment, write};
use super::{CsvFile, CsvOptions};
use crate::care_plan::CarePlan;
use crate::error::Result;
use crate::export::notes;
use crate::store::Snapshot;

/// `symptom_reports.csv`: every report in the period, oldest first.
pub fn symptom_reports(store: &Snapshot<'_>, options: &CsvOptions) -> Result<CsvFile> {
    let mut reports: Vec<_> = store
        .symptom_reports()?
        .into_iter()
        .filter(|r| options.period.contains(&r.at))
        .collect();
    crate::sorting::sort_by(&mut reports, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    let rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            let zones: Vec<&str> = r.zones.iter().map(|z| z.code()).collect();
            let symptoms: Vec<String> = r
                .symptoms
                .iter()
                .map(|s| match s.severity {
                    Some(severity) => format!("{} {severity}/10", s.symptom.code()),
                    None => s.symptom.code().to_owned(),
                })
                .collect();
            let photos: Vec<String> = if options.privacy.include_photo_references {
                r.photos
                    .iter()
                    .map(|p| format!("{} (sha256 {})", p.file, p.sha256))
                    .collect()
            } else {
                Vec::new()
            };
            vec![
                r.id.to_string(),
                moment(&r.at),
                r.kind.code().to_owned(),
                zones.join("; "),
                flag(r.around_eye),
                symptoms.join("; "),
                r.overall_severity.to_string(),
                r.pus
                    .map(|p| p.colour.code().to_owned())
                    .unwrap_or_default(),
                r.pus
                    .map(|p| p.consistency.code().to_owned())
                    .unwrap_or_default(),
                opt(r.temperature_c),
                r.trend.map(|t| t.code().to_owned()).unwrap_or_default(),
                notes::shown(&options.privacy, r.notes.as_deref()).unwrap_or_default(),
                photos.join("; "),
                opt(r.session_id),
                flag(r.link_chosen_by_user),
                opt_moment(r.resolved_at.as_ref()),
                moment(&r.recorded_at),
            ]
        })
        .collect();
    write(
        "symptom_reports.csv",
        &[
            "report_id",
            "at",
            "kind",
            "zones",
            "around_eye",
            "symptoms",
            "overall_severity",
            "pus_colour",
            "pus_consistency",
            "temperature_c",
            "trend",
            "notes",
            "photos",
            "session_id",
            "link_chosen_by_user",
            "resolved_at",
            "recorded_at",
        ],
        &rows,
    )
}

/// `alerts.csv`: every rise and fall of a risk level in the period, oldest
/// first.
pub fn alerts(store: &Snapshot<'_>, options: &CsvOptions) -> Result<CsvFile> {
    let rows: Vec<Vec<String>> = store
        .alert_history()?
        .iter()
        .filter(|a| options.period.contains(&a.at))
        .map(|a| {
            let reasons: Vec<String> = a
                .reasons
                .iter()
                .map(|r| format!("{}: {}", r.code, r.text))
                .collect();
            vec![
                a.id.to_string(),
                moment(&a.at),
                a.kind.code().to_owned(),
                a.from_level.clone(),
                a.to_level.clone(),
                flag(a.rising),
                a.title.clone(),
                reasons.join("; "),
                opt_moment(a.acknowledged_at.as_ref()),
            ]
        })
        .collect();
    write(
        "alerts.csv",
        &[
            "alert_id",
            "at",
            "kind",
            "from_level",
            "to_level",
            "rising",
            "title",
            "reasons",
            "acknowledged_at",
        ],
        &rows,
    )
}

/// `profile.csv`: the current profile, one row per answer (one row with
/// the skin type alone when nothing was answered); empty when there is none.
pub fn profile(store: &Snapshot<'_>) -> Result<CsvFile> {
    let mut rows = Vec::new();
    if let Some(profile) = store.profile()? {
        let skin = profile
            .skin_type
            .map(|t| t.code().to_owned())
            .unwrap_or_default();
        for a in &profile.answers {
            rows.push(vec![
                moment(&profile.saved_at),
                skin.clone(),
                a.condition.code().to_owned(),
                flag(a.present),
                opt_date(a.stopped_on),
                moment(&a.confirmed_at),
            ]);
        }
        if profile.answers.is_empty() {
            rows.push(vec![
                moment(&profile.saved_at),
                skin,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    write(
        "profile.csv",
        &[
            "saved_at",
            "skin_type",
            "condition",
            "present",
            "stopped_on",
            "confirmed_at",
        ],
        &rows,
    )
}

/// `care_plans.csv`: every care plan in force at some point of the period
/// (a plan holds from when it was set until the next one), oldest first.
pub fn care_plans(store: &Snapshot<'_>, options: &CsvOptions) -> Result<CsvFile> {
    let mut history = store.care_plan_history()?;
    crate::sorting::sort_by_key(&mut history, |p| p.set_at);
    let current = history.last().map(|p| p.set_at);
    let in_force: Vec<&CarePlan> = history
        .iter()
        .enumerate()
        .filter(|(i, plan)| {
            let start = crate::time::local_date(&plan.set_at);
            let end = history
                .get(i + 1)
                .map(|next| crate::time::local_date(&next.set_at));
            start <= options.period.to() && end.is_none_or(|end| end >= options.period.from())
        })
        .map(|(_, plan)| plan)
        .collect();
    let rows: Vec<Vec<String>> = in_force
        .iter()
        .map(|p| {
            let rest: Vec<String> = p
                .rest
                .iter()
                .map(|r| format!("{} {} days", r.region.code(), r.min_rest_days))
                .collect();
            let max_needle: Vec<String> = p
                .max_needle
                .iter()
                .map(|l| format!("{} {}", l.region.code(), l.max_needle_length_mm))
                .collect();
            let zones: Vec<&str> = p.allowed_zones.iter().map(|z| z.code()).collect();
            let avoid: Vec<&str> = p.avoid_products.iter().map(|c| c.code()).collect();
            let cleared: Vec<&str> = p.cleared_conditions.iter().map(|c| c.code()).collect();
            vec![
                p.set_by.clone(),
                moment(&p.set_at),
                flag(Some(p.set_at) == current),
                rest.join("; "),
                max_needle.join("; "),
                zones.join("; "),
                avoid.join("; "),
                cleared.join("; "),
            ]
        })
        .collect();
    write(
        "care_plans.csv",
        &[
            "set_by",
            "set_at",
            "current",
            "min_rest",
            "max_needle_length_mm",
            "allowed_zones",
            "avoid_products",
            "cleared_conditions",
        ],
        &rows,
    )
}
