//! CarePlan: the limits the user's dermatologist set, as the patient
//! entered them.
//!
//! The clinician sets the plan; the patient types it into RollSafe on their
//! behalf. The bundle cannot vouch for the clinician, so the patient is the
//! plan's author, the clinician is named (as the patient wrote the name) as a
//! contributor without a reference, and the description says so. Each rest
//! interval, needle limit, allowed zone list, product kind kept away and
//! condition cleared is an activity with its own text. The plan in force
//! today is `active`; one since replaced is `revoked`, ending when the next
//! was set.

use serde_json::{Value, json};

use super::care_selection::PlanEntry;
use super::ids;
use super::json::{date_time, local_concept, reference, set};
use super::labels;
use crate::care_plan::CarePlan;
use crate::time;

/// The id of a plan's entry: the plan's place in the history, for this
/// Patient.
pub fn plan_id(entry: &PlanEntry, patient: &str) -> String {
    ids::derived("care-plan", &format!("{patient}/{}", entry.position))
}

/// The CarePlan for `entry`.
pub fn care_plan(entry: &PlanEntry, patient: &str) -> Value {
    let plan = &entry.plan;
    let in_force = entry.replaced_at.is_none();
    let activity_status = if in_force { "in-progress" } else { "stopped" };
    let activities: Vec<Value> = activities(plan)
        .into_iter()
        .map(|(code, display, description)| {
            json!({ "detail": {
                "code": local_concept("care-plan-limit", code, display),
                "status": activity_status,
                "description": description,
            }})
        })
        .collect();
    let mut period = json!({ "start": date_time(&plan.set_at) });
    if let Some(end) = entry.replaced_at.filter(|end| *end >= plan.set_at) {
        set(&mut period, "end", Some(Value::String(date_time(&end))));
    }
    let mut resource = json!({
        "resourceType": "CarePlan",
        "id": plan_id(entry, patient),
        "status": if in_force { "active" } else { "revoked" },
        "intent": "plan",
        "title": "Microneedling care plan from the patient's dermatologist",
        "description": format!(
            "Set on {} by {}; entered in RollSafe by the patient on the clinician's behalf, so the patient is recorded as its author.",
            time::local_date(&plan.set_at),
            plan.set_by
        ),
        "subject": reference(patient),
        "period": period,
        "created": date_time(&plan.set_at),
        "author": reference(patient),
        "contributor": [{ "display": plan.set_by }],
    });
    set(&mut resource, "activity", Some(Value::Array(activities)));
    resource
}

/// Each thing the plan sets: its code, the code's display, and the text.
fn activities(plan: &CarePlan) -> Vec<(&'static str, &'static str, String)> {
    let mut out = Vec::new();
    for rest in &plan.rest {
        out.push((
            "minimum-rest",
            "Minimum rest between sessions on a region",
            format!(
                "At least {} days between sessions on the {}.",
                rest.min_rest_days,
                labels::region(rest.region)
            ),
        ));
    }
    for limit in &plan.max_needle {
        out.push((
            "max-needle-length",
            "Longest needle allowed on a region",
            format!(
                "Needles no longer than {} mm on the {}.",
                limit.max_needle_length_mm,
                labels::region(limit.region)
            ),
        ));
    }
    if !plan.allowed_zones.is_empty() {
        let zones: Vec<&str> = plan
            .allowed_zones
            .iter()
            .map(|z| labels::zone(*z))
            .collect();
        out.push((
            "allowed-zones",
            "The only zones to be needled",
            format!("Needle only these zones: {}.", zones.join(", ")),
        ));
    }
    if !plan.avoid_products.is_empty() {
        let products: Vec<&str> = plan.avoid_products.iter().map(|p| p.label()).collect();
        out.push((
            "avoid-products",
            "Products to keep away from needled skin",
            format!("Keep away from needled skin: {}.", products.join(", ")),
        ));
    }
    if !plan.cleared_conditions.is_empty() {
        let cleared: Vec<&str> = plan
            .cleared_conditions
            .iter()
            .map(|c| labels::condition(*c))
            .collect();
        out.push((
            "cleared-conditions",
            "Profile answers reviewed and cleared for needling",
            format!("Reviewed and cleared for needling: {}.", cleared.join("; ")),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::care_plan::RegionRest;
    use crate::zone::BodyRegion;

    #[test]
    fn a_replaced_plan_is_revoked_and_ends_when_the_next_was_set() {
        let set_at = DateTime::parse_from_rfc3339("2026-01-06T10:00:00+01:00").unwrap();
        let next = DateTime::parse_from_rfc3339("2026-02-06T10:00:00+01:00").unwrap();
        let entry = PlanEntry {
            plan: CarePlan {
                set_by: "Dr Osei".into(),
                set_at,
                rest: vec![RegionRest {
                    region: BodyRegion::Face,
                    min_rest_days: 21,
                }],
                max_needle: vec![],
                allowed_zones: vec![],
                avoid_products: vec![],
                cleared_conditions: vec![crate::profile::Condition::Isotretinoin],
            },
            position: 0,
            replaced_at: Some(next),
        };
        let plan = care_plan(&entry, "patient");
        assert_eq!(plan["status"], "revoked");
        assert_eq!(plan["period"]["end"], "2026-02-06T10:00:00+01:00");
        let activities = plan["activity"].as_array().unwrap();
        assert_eq!(activities.len(), 2);
        assert_eq!(activities[0]["detail"]["status"], "stopped");
        assert_eq!(
            activities[0]["detail"]["description"],
            "At least 21 days between sessions on the face and neck."
        );
        assert!(
            activities[1]["detail"]["description"]
                .as_str()
                .unwrap()
                .contains("Isotretinoin")
        );
    }
}
