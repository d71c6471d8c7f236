//! The profile answers with their dates, the topicals used in the period, and
//! the care plan in force.

use chrono::NaiveDate;

use super::Span;
use crate::care_plan::CarePlan;
use crate::profile::{Condition, Profile};
use crate::session::Session;
use crate::time;

/// One answered condition.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Answer {
    pub label: &'static str,
    pub present: bool,
    pub confirmed: NaiveDate,
    /// For isotretinoin: when it was stopped, or "still taken".
    pub detail: Option<String>,
}

/// The profile as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ProfileFacts {
    pub skin_type: Option<String>,
    pub answers: Vec<Answer>,
    /// Conditions never answered.
    pub unanswered: Vec<&'static str>,
    pub saved: Option<NaiveDate>,
    /// Revisions saved within the period.
    pub changes_in_period: usize,
    /// Products used in the period, with how many sessions used each.
    pub topicals: Vec<(String, u32)>,
}

pub(crate) fn gather(profiles: &[Profile], sessions: &[Session], span: &Span) -> ProfileFacts {
    let latest = profiles.iter().max_by_key(|p| p.saved_at);
    let answers: Vec<Answer> = latest
        .map(|p| {
            p.answers
                .iter()
                .map(|a| Answer {
                    label: a.condition.label(),
                    present: a.present,
                    confirmed: time::local_date(&a.confirmed_at),
                    detail: (a.condition == Condition::Isotretinoin && a.present).then(|| match a
                        .stopped_on
                    {
                        Some(day) => format!("stopped {day}"),
                        None => "still taken".to_owned(),
                    }),
                })
                .collect()
        })
        .unwrap_or_default();
    let unanswered = Condition::ALL
        .iter()
        .filter(|c| latest.is_none_or(|p| p.answer(**c).is_none()))
        .map(|c| c.label())
        .collect();
    let mut topicals: Vec<(String, u32)> = Vec::new();
    for session in sessions.iter().filter(|s| span.contains(&s.at)) {
        for product in &session.products {
            match topicals.iter_mut().find(|(name, _)| *name == product.name) {
                Some((_, uses)) => *uses += 1,
                None => topicals.push((product.name.clone(), 1)),
            }
        }
    }
    crate::sorting::sort_by(&mut topicals, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    ProfileFacts {
        skin_type: latest
            .and_then(|p| p.skin_type)
            .map(|t| t.code().to_owned()),
        answers,
        unanswered,
        saved: latest.map(|p| time::local_date(&p.saved_at)),
        changes_in_period: profiles
            .iter()
            .filter(|p| span.contains(&p.saved_at))
            .count(),
        topicals,
    }
}

/// The care plan in force at the end of the period, and the earlier plans
/// that were in force during it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CarePlanFacts {
    pub current: Option<CarePlan>,
    pub earlier_in_period: Vec<(NaiveDate, String)>,
}

pub(crate) fn care_plan(plans: &[CarePlan], span: &Span) -> CarePlanFacts {
    let end = plans
        .iter()
        .filter(|p| time::local_date(&p.set_at) <= span.to)
        .max_by_key(|p| p.set_at);
    let earlier_in_period = plans
        .iter()
        .filter(|p| span.contains(&p.set_at) && Some(*p) != end)
        .map(|p| (time::local_date(&p.set_at), p.set_by.clone()))
        .collect();
    CarePlanFacts {
        current: end.cloned(),
        earlier_in_period,
    }
}
