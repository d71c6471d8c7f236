//! The files about the user's health: symptom reports, alerts, the profile
//! and the care plans.

use super::CsvOptions;
use super::table::{
    Column, col, flag, moment_cells, moment_columns, opt, opt_date, opt_moment_cells,
};
use crate::care_plan::CarePlan;
use crate::error::Result;
use crate::export::notes;
use crate::store::Snapshot;
use crate::symptom::{Symptom, SymptomReport};

/// The rows of `symptom_reports.csv`: every report in the period, oldest first.
pub(super) fn symptom_report_rows(
    store: &Snapshot<'_>,
    options: &CsvOptions,
) -> Result<Vec<Vec<String>>> {
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
            let photos: Vec<String> = if options.privacy.include_photo_references {
                r.photos
                    .iter()
                    .map(|p| format!("{} (sha256 {})", p.file, p.sha256))
                    .collect()
            } else {
                Vec::new()
            };
            let mut row = vec![r.id.to_string()];
            row.extend(moment_cells(&r.at));
            row.extend([
                r.kind.code().to_owned(),
                zones.join("; "),
                flag(r.around_eye),
            ]);
            row.extend(Symptom::ALL.into_iter().map(|s| symptom_cell(r, s)));
            row.extend([
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
            ]);
            row.extend(opt_moment_cells(r.resolved_at.as_ref()));
            row.extend(moment_cells(&r.recorded_at));
            row
        })
        .collect();
    Ok(rows)
}

/// One symptom's cell: its severity, "present" when seen but not rated,
/// empty when not reported.
fn symptom_cell(report: &SymptomReport, symptom: Symptom) -> String {
    match report.symptom(symptom) {
        Some(seen) => seen
            .severity
            .map_or_else(|| "present".to_owned(), |s| s.to_string()),
        None => String::new(),
    }
}

/// The columns of `symptom_reports.csv`: one per symptom the app offers.
pub(super) fn symptom_report_columns() -> Vec<Column> {
    let mut columns = vec![col("report_id", "The report's stable id (a UUID)")];
    columns.extend(moment_columns("at", "When the user looked"));
    columns.extend([
        col("kind", "report, check_in_24h or check_in_72h"),
        col("zones", "The body zones affected, joined with \"; \""),
        col("around_eye", "true when the area around an eye is affected"),
    ]);
    columns.extend(Symptom::ALL.into_iter().map(|s| {
        col(
            s.code(),
            format!(
                "{}: its severity 0 (none) to 10, \"present\" when seen but not rated, empty when not reported",
                s.label()
            ),
        )
    }));
    columns.extend([
        col("overall_severity", "How bad overall, 0 (none) to 10"),
        col(
            "pus_colour",
            "For pus: clear, white, yellow, green or other",
        ),
        col(
            "pus_consistency",
            "For pus: watery, milky, thick, creamy, opaque or viscous",
        ),
        col(
            "temperature_c",
            "A measured body temperature in °C, if taken",
        ),
        col(
            "trend",
            "worse, same or better than before, in the user's words, if said",
        ),
        col(
            "notes",
            "The user's notes (or a mark when notes are withheld)",
        ),
        col(
            "photos",
            "Photo file names and SHA-256, only when the user chose to include them",
        ),
        col(
            "session_id",
            "The session it is linked to (see sessions.csv), if any",
        ),
        col(
            "link_chosen_by_user",
            "true when the user chose the link rather than RollSafe",
        ),
    ]);
    columns.extend(moment_columns(
        "resolved_at",
        "When the user marked it resolved (empty while open)",
    ));
    columns.extend(moment_columns("recorded_at", "When it was entered"));
    columns
}

/// The rows of `alerts.csv`: every rise and fall of a risk level in the period, oldest
/// first.
pub(super) fn alert_rows(store: &Snapshot<'_>, options: &CsvOptions) -> Result<Vec<Vec<String>>> {
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
            let mut row = vec![a.id.to_string()];
            row.extend(moment_cells(&a.at));
            row.extend([
                a.kind.code().to_owned(),
                a.from_level.clone(),
                a.to_level.clone(),
                flag(a.rising),
                a.title.clone(),
                reasons.join("; "),
            ]);
            row.extend(opt_moment_cells(a.acknowledged_at.as_ref()));
            row
        })
        .collect();
    Ok(rows)
}

/// The columns of `alerts.csv`.
pub(super) fn alert_columns() -> Vec<Column> {
    let mut columns = vec![col("alert_id", "The alert's stable id (a UUID)")];
    columns.extend(moment_columns(
        "at",
        "When the change that moved the level was made",
    ));
    columns.extend([
        col("kind", "preventive (infection risk) or triage (symptoms)"),
        col(
            "from_level",
            "The level before: low, moderate, high (preventive) or green, amber, red (triage)",
        ),
        col("to_level", "The level after, in the same terms"),
        col("rising", "true for a rise, false for a fall"),
        col("title", "What the app said"),
        col(
            "reasons",
            "Each reason: code: what was seen and what the patient was told, joined with \"; \"",
        ),
    ]);
    columns.extend(moment_columns(
        "acknowledged_at",
        "When the user acknowledged it (empty while open)",
    ));
    columns
}

/// The rows of `profile.csv`: the current profile, one row per answer (one row with
/// the skin type alone when nothing was answered); empty when there is none.
pub(super) fn profile_rows(
    store: &Snapshot<'_>,
    _options: &CsvOptions,
) -> Result<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    if let Some(profile) = store.profile()? {
        let skin = profile
            .skin_type
            .map(|t| t.code().to_owned())
            .unwrap_or_default();
        for a in &profile.answers {
            let mut row = moment_cells(&profile.saved_at).to_vec();
            row.extend([
                skin.clone(),
                a.condition.code().to_owned(),
                flag(a.present),
                opt_date(a.stopped_on),
            ]);
            row.extend(moment_cells(&a.confirmed_at));
            rows.push(row);
        }
        if profile.answers.is_empty() {
            let mut row = moment_cells(&profile.saved_at).to_vec();
            row.push(skin);
            row.resize(profile_columns().len(), String::new());
            rows.push(row);
        }
    }
    Ok(rows)
}

/// The columns of `profile.csv`.
pub(super) fn profile_columns() -> Vec<Column> {
    let mut columns = moment_columns("saved_at", "When the profile was last saved").to_vec();
    columns.extend([
        col("skin_type", "Fitzpatrick skin type, I to VI, if given"),
        col(
            "condition",
            "A condition the profile asks about (one row per answer)",
        ),
        col("present", "true when the user said it applies"),
        col(
            "stopped_on",
            "For a medicine such as isotretinoin, the local date it was stopped (YYYY-MM-DD)",
        ),
    ]);
    columns.extend(moment_columns(
        "confirmed_at",
        "When the user last confirmed this answer",
    ));
    columns
}

/// The rows of `care_plans.csv`: every care plan in force at some point of the period
/// (a plan holds from when it was set until the next one), oldest first.
pub(super) fn care_plan_rows(
    store: &Snapshot<'_>,
    options: &CsvOptions,
) -> Result<Vec<Vec<String>>> {
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
            let mut row = vec![p.set_by.clone()];
            row.extend(moment_cells(&p.set_at));
            row.extend([
                flag(Some(p.set_at) == current),
                rest.join("; "),
                max_needle.join("; "),
                zones.join("; "),
                avoid.join("; "),
                cleared.join("; "),
            ]);
            row
        })
        .collect();
    Ok(rows)
}

/// The columns of `care_plans.csv`.
pub(super) fn care_plan_columns() -> Vec<Column> {
    let mut columns = vec![col(
        "set_by",
        "Who set the plan, as entered (for example the dermatologist)",
    )];
    columns.extend(moment_columns("set_at", "When the plan was set"));
    columns.extend([
        col("current", "true for the plan in force now"),
        col(
            "min_rest",
            "Minimum rest days per body region: region days, joined with \"; \"",
        ),
        col(
            "max_needle_length_mm",
            "Longest needle allowed per body region: region millimetres, joined with \"; \"",
        ),
        col(
            "allowed_zones",
            "The zones the plan allows, joined with \"; \" (empty: every zone)",
        ),
        col(
            "avoid_products",
            "Product categories the plan says to avoid, joined with \"; \"",
        ),
        col(
            "cleared_conditions",
            "Profile conditions the clinician cleared for needling, joined with \"; \"",
        ),
    ]);
    columns
}
