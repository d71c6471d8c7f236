//! A care plan from the user's dermatologist.
//!
//! Default rules are generic and conservative; a clinician who knows the
//! patient may set stricter or different limits. A plan records who set it
//! and when, and wins over the defaults wherever it speaks. Saving a new plan
//! keeps the old one in the history.

use crate::error::{Error, Result};
use crate::product::ProductCategory;
use crate::profile::Condition;
use crate::time::{self, Moment};
use crate::validate;
use crate::zone::{self, BodyRegion, BodyZone};

/// The longest rest a plan may set, in days (a year).
pub const MAX_PLAN_REST_DAYS: u32 = 365;

/// A minimum rest set by the plan for one region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionRest {
    /// The region it applies to.
    pub region: BodyRegion,
    /// Whole local calendar days between sessions on that region.
    pub min_rest_days: u32,
}

/// The longest needle the plan allows on one region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionNeedleLimit {
    /// The region it applies to.
    pub region: BodyRegion,
    /// The longest needle allowed there, in millimetres.
    pub max_needle_length_mm: f64,
}

/// What a clinician sets (entered by the user or the clinic).
#[derive(Clone, Debug, PartialEq)]
pub struct CarePlan {
    /// Who set it, for example "Dr Amara Osei, dermatologist".
    pub set_by: String,
    /// When it was set.
    pub set_at: Moment,
    /// Minimum rests that replace the defaults for their regions.
    pub rest: Vec<RegionRest>,
    /// The longest needle allowed, per region; a region left out has no
    /// limit from the plan (a scalp limit says nothing about the face).
    pub max_needle: Vec<RegionNeedleLimit>,
    /// The only zones allowed; empty means every zone.
    pub allowed_zones: Vec<BodyZone>,
    /// Product categories to keep away from needled skin.
    pub avoid_products: Vec<ProductCategory>,
    /// Profile conditions the clinician has reviewed and cleared for needling.
    pub cleared_conditions: Vec<Condition>,
}

impl CarePlan {
    /// Checks every field and returns the cleaned plan.
    pub fn validated(self) -> Result<Self> {
        let mut rest = self.rest;
        for entry in &rest {
            validate::within(
                "rest.min_rest_days",
                entry.min_rest_days,
                1..=MAX_PLAN_REST_DAYS,
            )?;
        }
        crate::sorting::sort_by_key(&mut rest, |r| r.region as u8);
        if validate::has_adjacent_duplicate(&rest, |r| r.region) {
            return Err(Error::invalid("rest", "sets the same region twice"));
        }
        let mut max_needle = self
            .max_needle
            .into_iter()
            .map(|limit| {
                Ok(RegionNeedleLimit {
                    region: limit.region,
                    max_needle_length_mm: validate::millimetres(
                        "max_needle.max_needle_length_mm",
                        limit.max_needle_length_mm,
                        crate::device::NEEDLE_LENGTH_RANGE_MM,
                    )?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        crate::sorting::sort_by_key(&mut max_needle, |r| r.region as u8);
        if validate::has_adjacent_duplicate(&max_needle, |r| r.region) {
            return Err(Error::invalid("max_needle", "sets the same region twice"));
        }
        let allowed_zones = if self.allowed_zones.is_empty() {
            Vec::new()
        } else {
            zone::validate_zones("allowed_zones", &self.allowed_zones)?
        };
        let mut avoid_products = self.avoid_products;
        crate::sorting::sort(&mut avoid_products);
        avoid_products.dedup();
        let mut cleared_conditions = self.cleared_conditions;
        crate::sorting::sort(&mut cleared_conditions);
        cleared_conditions.dedup();
        Ok(Self {
            set_by: validate::label("set_by", &self.set_by)?,
            set_at: time::check_plausible("set_at", self.set_at)?,
            rest,
            max_needle,
            allowed_zones,
            avoid_products,
            cleared_conditions,
        })
    }

    /// The rest the plan sets for `region`, if any.
    pub fn rest_for(&self, region: BodyRegion) -> Option<u32> {
        self.rest
            .iter()
            .find(|r| r.region == region)
            .map(|r| r.min_rest_days)
    }

    /// The longest needle the plan allows on `region`, if it sets one.
    pub fn max_needle_for(&self, region: BodyRegion) -> Option<f64> {
        self.max_needle
            .iter()
            .find(|r| r.region == region)
            .map(|r| r.max_needle_length_mm)
    }

    /// True when the plan allows `zone`.
    pub fn allows_zone(&self, zone: BodyZone) -> bool {
        self.allowed_zones.is_empty() || self.allowed_zones.contains(&zone)
    }

    /// True when the clinician cleared `condition`.
    pub fn clears(&self, condition: Condition) -> bool {
        self.cleared_conditions.contains(&condition)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    fn plan() -> CarePlan {
        CarePlan {
            set_by: "Dr Osei".into(),
            set_at: DateTime::parse_from_rfc3339("2026-02-01T10:00:00+01:00").unwrap(),
            rest: vec![RegionRest {
                region: BodyRegion::Face,
                min_rest_days: 14,
            }],
            max_needle: vec![RegionNeedleLimit {
                region: BodyRegion::Scalp,
                max_needle_length_mm: 0.5,
            }],
            allowed_zones: vec![],
            avoid_products: vec![],
            cleared_conditions: vec![],
        }
    }

    #[test]
    fn an_empty_zone_list_allows_every_zone() {
        let plan = plan().validated().unwrap();
        assert!(BodyZone::ALL.iter().all(|z| plan.allows_zone(*z)));
        assert_eq!(plan.rest_for(BodyRegion::Face), Some(14));
        assert_eq!(plan.rest_for(BodyRegion::Scalp), None);
    }

    #[test]
    fn a_needle_limit_belongs_to_its_region() {
        let plan = plan().validated().unwrap();
        assert_eq!(plan.max_needle_for(BodyRegion::Scalp), Some(0.5));
        assert_eq!(plan.max_needle_for(BodyRegion::Face), None);
        let mut twice = self::plan();
        twice.max_needle.push(twice.max_needle[0]);
        assert!(matches!(
            twice.validated(),
            Err(Error::InvalidInput {
                field: "max_needle",
                ..
            })
        ));
    }

    #[test]
    fn bad_plans_name_the_field() {
        let mut zero_rest = plan();
        zero_rest.rest[0].min_rest_days = 0;
        assert!(matches!(
            zero_rest.validated(),
            Err(Error::InvalidInput {
                field: "rest.min_rest_days",
                ..
            })
        ));
        let mut twice = plan();
        twice.rest.push(twice.rest[0]);
        assert!(matches!(
            twice.validated(),
            Err(Error::InvalidInput { field: "rest", .. })
        ));
        let nameless = CarePlan {
            set_by: " ".into(),
            ..plan()
        };
        assert!(matches!(
            nameless.validated(),
            Err(Error::InvalidInput {
                field: "set_by",
                ..
            })
        ));
    }
}
