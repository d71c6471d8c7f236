//! The session timeline: each session with the rest it kept against the
//! limit that applied, flagged products and acknowledged overrides; and for
//! long periods a month-by-month summary.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::{Note, Span};
use crate::care_plan::CarePlan;
use crate::ids::DeviceId;
use crate::product::ProductTiming;
use crate::rules::interval_rule_for;
use crate::rules::products::product_rule;
use crate::session::Session;
use crate::time::{self, Moment};
use crate::zone::{BodyRegion, BodyZone};

/// Above this many sessions in the period, the detail shows a summary per
/// month and only the most recent sessions in full.
pub(crate) const FULL_TIMELINE_UP_TO: usize = 120;
/// How many recent sessions a summarised timeline lists in full.
pub(crate) const RECENT_IN_FULL: usize = 60;

/// The rest before a session on its most constrained region.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rest {
    /// The region.
    pub region: BodyRegion,
    /// Local calendar days since the previous session on that region.
    pub days_since: i64,
    /// The minimum rest that applied.
    pub limit: u32,
    /// True when the limit came from the care plan in force.
    pub from_care_plan: bool,
}

impl Rest {
    /// True when the session came sooner than the limit.
    pub(crate) fn too_soon(&self) -> bool {
        self.days_since < i64::from(self.limit)
    }
}

/// One session as the timeline shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SessionRow {
    pub at: Moment,
    pub date: NaiveDate,
    pub device: String,
    pub zones: Vec<BodyZone>,
    pub needle_mm: f64,
    /// `None` for the first session on its regions.
    pub rest: Option<Rest>,
    /// Products with a rule against them, as "name (category, timing)".
    pub flagged_products: Vec<String>,
    /// The messages of the blockers the user overrode.
    pub overrides: Vec<String>,
    pub pre_cleaned: bool,
    pub pain: Option<u8>,
    pub note: Option<Note>,
    /// True when the session was edited after it was recorded.
    pub edited: bool,
    /// Every product's name, for the profile's list of topicals.
    pub products: Vec<String>,
}

/// One month of a summarised timeline.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MonthRow {
    pub month: NaiveDate,
    pub sessions: u32,
    pub zones: Vec<(BodyZone, u32)>,
    pub too_soon: u32,
    pub overrides: u32,
    pub flagged: u32,
}

/// The timeline of the period.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SessionFacts {
    /// Every session in the period, oldest first.
    pub rows: Vec<SessionRow>,
    /// For long periods, one row per month; empty when every session is listed.
    pub months: Vec<MonthRow>,
    /// How many of the most recent rows the detail lists in full.
    pub listed: usize,
}

impl SessionFacts {
    /// The rows listed in full.
    pub(crate) fn listed_rows(&self) -> &[SessionRow] {
        let skip = self.rows.len().saturating_sub(self.listed);
        self.rows.get(skip..).unwrap_or_default()
    }
}

/// Builds the timeline. Rests are computed over the whole log so the first
/// session of the period still knows its predecessor.
pub(crate) fn gather(
    all: &[Session],
    names: &HashMap<DeviceId, String>,
    plans: &[CarePlan],
    span: &Span,
    redact: bool,
) -> SessionFacts {
    let mut sorted: Vec<&Session> = all.iter().collect();
    crate::sorting::sort_by_key(&mut sorted, |s| (s.at, s.id.to_string()));
    let mut last_on_region: HashMap<BodyRegion, (NaiveDate, f64)> = HashMap::new();
    let mut rows = Vec::new();
    for session in sorted {
        let date = time::local_date(&session.at);
        let plan = plan_in_force(plans, &session.at);
        let mut regions: Vec<BodyRegion> = session.zones.iter().map(|z| z.region()).collect();
        regions.dedup();
        let rest = regions
            .iter()
            .filter_map(|region| {
                let (last, last_needle) = last_on_region.get(region)?;
                let planned = interval_rule_for(*region, session.needle_length_mm).min_rest_days;
                let previous = interval_rule_for(*region, *last_needle).min_rest_days;
                let (limit, from_care_plan) = match plan.and_then(|p| p.rest_for(*region)) {
                    Some(days) => (days, true),
                    None => (planned.max(previous), false),
                };
                Some(Rest {
                    region: *region,
                    days_since: time::calendar_days_between(*last, date),
                    limit,
                    from_care_plan,
                })
            })
            .min_by_key(|r| r.days_since - i64::from(r.limit));
        for region in regions {
            last_on_region.insert(region, (date, session.needle_length_mm));
        }
        if !span.contains_date(date) {
            continue;
        }
        rows.push(row(session, date, rest, names, plan, redact));
    }
    let (months, listed) = if rows.len() > FULL_TIMELINE_UP_TO {
        (months(&rows), RECENT_IN_FULL)
    } else {
        (Vec::new(), rows.len())
    };
    SessionFacts {
        rows,
        months,
        listed,
    }
}

fn row(
    session: &Session,
    date: NaiveDate,
    rest: Option<Rest>,
    names: &HashMap<DeviceId, String>,
    plan: Option<&CarePlan>,
    redact: bool,
) -> SessionRow {
    let flagged_products = session
        .products
        .iter()
        .filter_map(|p| {
            let flagged: Vec<&str> = p
                .categories
                .iter()
                .filter(|c| {
                    product_rule(**c, p.timing).is_some()
                        || plan.is_some_and(|plan| plan.avoid_products.contains(c))
                })
                .map(|c| c.label())
                .collect();
            (!flagged.is_empty()).then(|| {
                let timing = match p.timing {
                    ProductTiming::Before => "before",
                    ProductTiming::After => "after",
                };
                format!("{} ({}, {timing})", p.name, flagged.join(", "))
            })
        })
        .collect();
    SessionRow {
        at: session.at,
        date,
        device: names
            .get(&session.device_id)
            .cloned()
            .unwrap_or_else(|| "unknown device".to_owned()),
        zones: session.zones.clone(),
        needle_mm: session.needle_length_mm,
        rest,
        flagged_products,
        overrides: session
            .overrides
            .iter()
            .map(|o| o.message.clone())
            .collect(),
        pre_cleaned: session.pre_checks.device_cleaned,
        pain: session.pain,
        note: Note::of(session.notes.as_deref(), redact),
        edited: session.revision > 0,
        products: session.products.iter().map(|p| p.name.clone()).collect(),
    }
}

/// The care plan in force at `at`: the last one set at or before it.
pub(crate) fn plan_in_force<'p>(plans: &'p [CarePlan], at: &Moment) -> Option<&'p CarePlan> {
    plans
        .iter()
        .filter(|p| p.set_at <= *at)
        .max_by_key(|p| p.set_at)
}

fn months(rows: &[SessionRow]) -> Vec<MonthRow> {
    // In month order, whatever the order of the rows.
    let mut by_month: Vec<MonthRow> = Vec::new();
    for row in rows {
        let month = row.date.with_day(1).unwrap_or(row.date);
        let at = match by_month.binary_search_by_key(&month, |m| m.month) {
            Ok(at) => at,
            Err(at) => {
                let empty = MonthRow {
                    month,
                    sessions: 0,
                    zones: Vec::new(),
                    too_soon: 0,
                    overrides: 0,
                    flagged: 0,
                };
                by_month.insert(at, empty);
                at
            }
        };
        let Some(entry) = by_month.get_mut(at) else {
            continue;
        };
        entry.sessions += 1;
        for zone in &row.zones {
            match entry.zones.iter_mut().find(|(z, _)| z == zone) {
                Some((_, n)) => *n += 1,
                None => entry.zones.push((*zone, 1)),
            }
        }
        entry.too_soon += u32::from(row.rest.as_ref().is_some_and(Rest::too_soon));
        entry.overrides += u32::from(!row.overrides.is_empty());
        entry.flagged += u32::from(!row.flagged_products.is_empty());
    }
    for month in &mut by_month {
        crate::sorting::sort_by(&mut month.zones, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    by_month
}
