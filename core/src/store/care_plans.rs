//! Storing care plans as append-only revisions; the newest is in force.

use rusqlite::{Connection, Row, params};

use super::conn_ext::ConnExt;
use super::{Snapshot, Store, rows};
use crate::alert::Changed;
use crate::care_plan::{CarePlan, RegionNeedleLimit, RegionRest};
use crate::error::Result;
use crate::product::ProductCategory;
use crate::profile::Condition;
use crate::time::{self, Moment};
use crate::zone::{BodyRegion, BodyZone};

const PLAN_COLUMNS: &str = "set_by, set_at_ms, set_offset_s, rest_face_days, rest_scalp_days,
     rest_body_days, max_needle_face_mm, max_needle_scalp_mm, max_needle_body_mm, allowed_zones,
     avoid_products, cleared_conditions";

impl Store {
    /// Records a care plan; it is in force from now on, and earlier plans
    /// stay in the history. A plan set later than `now` (beyond
    /// [`time::FUTURE_TOLERANCE`]) is refused.
    pub fn set_care_plan(&self, plan: CarePlan, now: Moment) -> Result<Changed<CarePlan>> {
        let plan = plan.validated()?;
        let now = time::check_plausible("now", now)?;
        time::check_not_after("set_at", &plan.set_at, &now)?;
        self.change(&now, |tx| {
            tx.execute(
                &format!(
                    "INSERT INTO care_plans ({PLAN_COLUMNS}, recorded_at_ms, recorded_offset_s)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                ),
                params![
                    plan.set_by,
                    time::unix_millis(&plan.set_at),
                    time::utc_offset_seconds(&plan.set_at),
                    plan.rest_for(BodyRegion::Face),
                    plan.rest_for(BodyRegion::Scalp),
                    plan.rest_for(BodyRegion::Body),
                    plan.max_needle_for(BodyRegion::Face),
                    plan.max_needle_for(BodyRegion::Scalp),
                    plan.max_needle_for(BodyRegion::Body),
                    rows::join_codes(&plan.allowed_zones, BodyZone::code),
                    rows::join_codes(&plan.avoid_products, ProductCategory::code),
                    rows::join_codes(&plan.cleared_conditions, Condition::code),
                    time::unix_millis(&now),
                    time::utc_offset_seconds(&now),
                ],
            )?;
            Ok(plan)
        })
    }

    /// The care plan in force, if any.
    pub fn care_plan(&self) -> Result<Option<CarePlan>> {
        self.read(|tx| current_care_plan(tx))
    }

    /// Every care plan ever recorded, oldest first.
    pub fn care_plan_history(&self) -> Result<Vec<CarePlan>> {
        self.view(|view| view.care_plan_history())
    }
}

/// The newest care plan, if any.
pub(super) fn current_care_plan(conn: &Connection) -> Result<Option<CarePlan>> {
    conn.query_optional(
        &format!("SELECT {PLAN_COLUMNS} FROM care_plans ORDER BY revision DESC LIMIT 1"),
        [],
        |r| StoredPlan::from_row(r)?.into_plan(),
    )
}

struct StoredPlan {
    set_by: String,
    set_at_ms: i64,
    set_offset_s: i32,
    rest: [Option<i64>; 3],
    max_needle: [Option<f64>; 3],
    allowed_zones: String,
    avoid_products: String,
    cleared_conditions: String,
}

impl StoredPlan {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            set_by: row.get(0)?,
            set_at_ms: row.get(1)?,
            set_offset_s: row.get(2)?,
            rest: [row.get(3)?, row.get(4)?, row.get(5)?],
            max_needle: [row.get(6)?, row.get(7)?, row.get(8)?],
            allowed_zones: row.get(9)?,
            avoid_products: row.get(10)?,
            cleared_conditions: row.get(11)?,
        })
    }

    fn into_plan(self) -> Result<CarePlan> {
        let regions = [BodyRegion::Face, BodyRegion::Scalp, BodyRegion::Body];
        let mut rest = Vec::new();
        for (region, days) in regions.into_iter().zip(self.rest) {
            if let Some(days) = rows::count("care_plans.rest_days", days)? {
                rest.push(RegionRest {
                    region,
                    min_rest_days: days,
                });
            }
        }
        let max_needle = regions
            .into_iter()
            .zip(self.max_needle)
            .filter_map(|(region, mm)| {
                mm.map(|max_needle_length_mm| RegionNeedleLimit {
                    region,
                    max_needle_length_mm,
                })
            })
            .collect();
        Ok(CarePlan {
            set_by: self.set_by,
            set_at: rows::moment("care_plans.set_at", self.set_at_ms, self.set_offset_s)?,
            rest,
            max_needle,
            allowed_zones: rows::codes(
                "care_plans.allowed_zones",
                &self.allowed_zones,
                BodyZone::from_code,
            )?,
            avoid_products: rows::codes(
                "care_plans.avoid_products",
                &self.avoid_products,
                ProductCategory::from_code,
            )?,
            cleared_conditions: rows::codes(
                "care_plans.cleared_conditions",
                &self.cleared_conditions,
                Condition::from_code,
            )?,
        })
    }
}

impl Snapshot<'_> {
    /// Every care plan ever recorded, oldest first.
    pub fn care_plan_history(&self) -> Result<Vec<CarePlan>> {
        let tx = self.conn;
        tx.query_rows(
            &format!("SELECT {PLAN_COLUMNS} FROM care_plans ORDER BY revision"),
            [],
            |r| StoredPlan::from_row(r)?.into_plan(),
        )
    }
}
