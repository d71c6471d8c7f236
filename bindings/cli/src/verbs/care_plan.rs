//! `rollsafe care-plan show|set`: the dermatologist's plan, which the core
//! applies to every verdict once set.

use rollsafe_core::{CarePlan, CarePlanRest, RegionNeedleLimit};

use crate::args::actions::{CarePlanCommand, CarePlanSetArgs, region};
use crate::failure::{ErrorCode, Failure};
use crate::text;
use crate::view::actions::CarePlanFullView;

use super::{alerts, open, show};

/// Runs `rollsafe care-plan ...`.
pub fn run(command: &CarePlanCommand, json: bool) -> Result<(), Failure> {
    match command {
        CarePlanCommand::Show(change) => {
            let (store, _) = open(change)?;
            let plan = store.care_plan()?;
            let view = CarePlanFullView::new(plan.as_ref(), vec![]);
            show(json, "care_plan", &view, text::actions::care_plan)
        }
        CarePlanCommand::Set(args) => set(args, json),
    }
}

fn set(args: &CarePlanSetArgs, json: bool) -> Result<(), Failure> {
    let rest = args
        .rest
        .iter()
        .map(|text| {
            let (region, days) = pair(text, "rest")?;
            let min_rest_days = days.parse().map_err(|_| bad("rest"))?;
            Ok(CarePlanRest {
                region,
                min_rest_days,
            })
        })
        .collect::<Result<_, Failure>>()?;
    let max_needle = args
        .max_needle
        .iter()
        .map(|text| {
            let (region, mm) = pair(text, "max-needle")?;
            let max_needle_length_mm = mm.parse().map_err(|_| bad("max-needle"))?;
            Ok(RegionNeedleLimit {
                region,
                max_needle_length_mm,
            })
        })
        .collect::<Result<_, Failure>>()?;
    let (store, now) = open(&args.change)?;
    let plan = CarePlan {
        set_by: args.by.clone(),
        set_at: args.at.at.unwrap_or(now),
        rest,
        max_needle,
        allowed_zones: args.zones.clone(),
        avoid_products: args.avoid.clone(),
        cleared_conditions: args.cleared.clone(),
    };
    let changed = store.set_care_plan(plan, now)?;
    let view = CarePlanFullView::new(Some(&changed.value), alerts(&changed.alerts));
    show(json, "care_plan", &view, text::actions::care_plan)
}

fn bad(option: &'static str) -> Failure {
    Failure::input(format!(
        "--{option} takes REGION=VALUE, REGION one of face, scalp, body"
    ))
    .coded(ErrorCode::InvalidInput)
    .at_field(option)
}

fn pair<'a>(
    text: &'a str,
    option: &'static str,
) -> Result<(rollsafe_core::BodyRegion, &'a str), Failure> {
    let (name, value) = text.split_once('=').ok_or_else(|| bad(option))?;
    Ok((region(name).ok_or_else(|| bad(option))?, value))
}
