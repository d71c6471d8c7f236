//! The home screen in one call, read in one snapshot: the person, the region
//! history and each device's facts are read once ([`super::facts`]) and
//! shared by every verdict, the risk assessment and the reminders.

use super::Store;
use super::alerts::open_alerts_in;
use super::assessment::assess_with;
use super::context::{self, Person};
use super::facts::{self, DeviceState};
use super::reminders::reminders_from;
use crate::check::{CheckContext, OpenPrompt, RegionLastSession, check_session};
use crate::device::{Device, DeviceKind};
use crate::error::Result;
use crate::session::{PreChecks, ValidPlan};
use crate::time::{self, Moment};
use crate::today::{DeviceToday, RegionToday, Today};
use crate::zone::{BodyRegion, BodyZone};

impl Store {
    /// The home screen as of `now`: for each device in use, may a session
    /// start now on each body region and when next (the skin questions come
    /// when logging: see [`crate::today::SKIN_CHECKS_NOTE`]); the current
    /// risk; the open alerts; the upcoming reminders.
    pub fn today(&self, now: Moment) -> Result<Today> {
        let now = time::check_plausible("now", now)?;
        self.read(|tx| {
            let facts = facts::gather(tx, &now)?;
            let assessment = assess_with(tx, &facts.person, &facts.wear(), &now)?;
            let reminders = reminders_from(tx, &facts, &assessment.triage, &now)?;
            let open_prompts = context::open_prompts(tx, &assessment.triage, &now)?;
            let sessions = Sessions {
                history: &facts.region_history,
                later: &facts.later_sessions,
                open_prompts: &open_prompts,
            };
            let devices = facts
                .devices
                .into_iter()
                .map(|state| device_today(&facts.person, &sessions, state, &now))
                .collect();
            Ok(Today {
                date: time::local_date(&now),
                devices,
                assessment,
                open_alerts: open_alerts_in(tx)?,
                reminders,
            })
        })
    }
}

/// What every device's verdicts share: the sessions on each side of the
/// moment and the open prompts, read once.
struct Sessions<'a> {
    history: &'a [RegionLastSession],
    later: &'a [RegionLastSession],
    open_prompts: &'a [OpenPrompt],
}

fn device_today(
    person: &Person,
    sessions: &Sessions<'_>,
    state: DeviceState,
    now: &Moment,
) -> DeviceToday {
    let overview = state.overview(now);
    let regions = regions_for(overview.device.kind)
        .iter()
        .map(|&region| {
            let plan = plan_for(region, &overview.device, person);
            let verdict = check_session(&CheckContext {
                device: &overview.device,
                plan: &plan,
                now: *now,
                profile: person.profile.as_ref(),
                care_plan: person.care_plan.as_ref(),
                wear: &overview.wear,
                cleaning: overview.cleaning,
                region_history: sessions.history,
                later_sessions: sessions.later,
                open_prompts: sessions.open_prompts,
            });
            RegionToday { region, verdict }
        })
        .collect();
    DeviceToday { overview, regions }
}

/// The regions a device is made for.
fn regions_for(kind: DeviceKind) -> &'static [BodyRegion] {
    match kind {
        DeviceKind::ScalpRoller => &[BodyRegion::Scalp],
        _ => &BodyRegion::ALL,
    }
}

/// The plan the log can judge for `region`: the device's own needle, the
/// region's zones the care plan allows (all of them if it allows none, so
/// its limit is shown), no products, the skin checks assumed to pass.
fn plan_for(region: BodyRegion, device: &Device, person: &Person) -> ValidPlan {
    let in_region = BodyZone::ALL.into_iter().filter(|z| z.region() == region);
    let allowed: Vec<BodyZone> = match &person.care_plan {
        Some(plan) if !plan.allowed_zones.is_empty() => in_region
            .clone()
            .filter(|z| plan.allowed_zones.contains(z))
            .collect(),
        _ => in_region.clone().collect(),
    };
    ValidPlan {
        zones: if allowed.is_empty() {
            in_region.collect()
        } else {
            allowed
        },
        // An adjustable pen is judged at its longest setting: the
        // conservative end, as the rest it needs grows with the needle.
        needle_length_mm: device.longest_needle_mm(),
        products: Vec::new(),
        pre_checks: PreChecks::ALL_CLEAR,
    }
}
