//! What a bundle carries beyond the log's events: the profile, the
//! cleanings and the care plans, read from the same snapshot as the rest of
//! the bundle (see [`super::selection`]), each only when its section is on.
//!
//! The profile is the current one whatever the period, as in the PDF and the
//! CSV files: it is what the user says now, each answer dated. The care plans
//! are the one in force at the end of the period and any set within it, as
//! in the PDF.

use crate::care_plan::CarePlan;
use crate::cleaning::CleaningEntry;
use crate::error::Result;
use crate::export::{Period, Sections};
use crate::profile::Profile;
use crate::store::Snapshot;
use crate::time::{self, Moment};

/// A care plan as the bundle describes it.
pub struct PlanEntry {
    /// The plan.
    pub plan: CarePlan,
    /// Its place in the plan history (0 for the first plan ever set), which
    /// with the Patient identifies it across exports.
    pub position: usize,
    /// When the plan recorded after it was set; `None` for the plan in force
    /// today (the last recorded).
    pub replaced_at: Option<Moment>,
}

/// The profile, cleanings and care plans a bundle is built from.
pub struct CareRecords {
    /// The current profile, when the profile section is on and one was saved.
    pub profile: Option<Profile>,
    /// Cleanings in the period, oldest first, when the cleanings section is on.
    pub cleanings: Vec<CleaningEntry>,
    /// The plans in force during the period, oldest first, when the care
    /// plan section is on.
    pub plans: Vec<PlanEntry>,
}

impl CareRecords {
    /// Reads what `sections` and `period` cover from `store`.
    pub fn read(store: &Snapshot<'_>, sections: &Sections, period: &Period) -> Result<Self> {
        let profile = if sections.profile {
            store.profile()?
        } else {
            None
        };

        let mut cleanings = Vec::new();
        if sections.cleanings {
            for device in store.devices()? {
                cleanings.extend(
                    store
                        .cleanings(device.id)?
                        .into_iter()
                        .filter(|c| period.contains(&c.cleaning.at)),
                );
            }
            crate::sorting::sort_by(&mut cleanings, |a, b| {
                a.cleaning
                    .at
                    .cmp(&b.cleaning.at)
                    .then(a.cleaning.id.cmp(&b.cleaning.id))
            });
        }

        let plans = if sections.care_plan {
            plans_in(store.care_plan_history()?, period)
        } else {
            Vec::new()
        };
        Ok(Self {
            profile,
            cleanings,
            plans,
        })
    }
}

/// The plan in force at the end of `period` and those set within it, from
/// the whole history (oldest first).
fn plans_in(history: Vec<CarePlan>, period: &Period) -> Vec<PlanEntry> {
    let replaced: Vec<Option<Moment>> = history
        .iter()
        .skip(1)
        .map(|p| Some(p.set_at))
        .chain([None])
        .collect();
    // As the PDF chooses it: the latest set by the period's last day.
    let at_end = history
        .iter()
        .enumerate()
        .filter(|(_, p)| time::local_date(&p.set_at) <= period.to())
        .max_by_key(|(_, p)| p.set_at)
        .map(|(position, _)| position);
    history
        .into_iter()
        .zip(replaced)
        .enumerate()
        .filter(|(position, (plan, _))| Some(*position) == at_end || period.contains(&plan.set_at))
        .map(|(position, (plan, replaced_at))| PlanEntry {
            plan,
            position,
            replaced_at,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;

    fn plan(set_at: &str) -> CarePlan {
        CarePlan {
            set_by: "Dr Osei".into(),
            set_at: DateTime::parse_from_rfc3339(set_at).unwrap(),
            rest: vec![],
            max_needle: vec![],
            allowed_zones: vec![],
            avoid_products: vec![],
            cleared_conditions: vec![],
        }
    }

    fn period(from: (u32, u32), to: (u32, u32)) -> Period {
        let day = |(m, d)| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        Period::new(day(from), day(to)).unwrap()
    }

    #[test]
    fn the_plan_in_force_at_the_end_and_those_set_within_are_chosen() {
        let history = || {
            vec![
                plan("2026-01-06T10:00:00+01:00"),
                plan("2026-02-10T10:00:00+01:00"),
                plan("2026-03-10T10:00:00+01:00"),
            ]
        };
        // February: the plan set in it, which was replaced in March.
        let february = plans_in(history(), &period((2, 1), (2, 28)));
        assert_eq!(february.len(), 1);
        assert_eq!(february[0].position, 1);
        assert_eq!(february[0].replaced_at, Some(history()[2].set_at));
        // January to March: all three; only the last is in force.
        let all = plans_in(history(), &period((1, 1), (3, 31)));
        let in_force: Vec<bool> = all.iter().map(|p| p.replaced_at.is_none()).collect();
        assert_eq!(in_force, [false, false, true]);
        // Before any plan: none.
        assert!(plans_in(history(), &period((1, 1), (1, 5))).is_empty());
    }
}
