//! Preventive risk from the way devices were used in the last 30 days.

use chrono::TimeDelta;

use super::{PreventiveRisk, RiskFactor, RiskLevel};
use crate::product::{Product, ProductTiming};
use crate::profile::{Condition, Profile};
use crate::rules::needle::PROFESSIONAL_FROM_MM;
use crate::rules::products::product_rule;
use crate::rules::risk::{
    CONTRAINDICATION_BLOCKERS, HIGH_FROM, MODERATE_FROM, RISK_FACTORS, SKIN_BLOCKERS,
};
use crate::session::{PreChecks, Session};
use crate::time::{self, Moment};
use crate::zone::{BodyRegion, BodyZone};

/// What the risk rules read about one session in the lookback window, and
/// what the log says happened after it. Only these facts: every change to
/// the log re-assesses, so the store reads no more than the rules use.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionFacts {
    /// When it took place, with the user's offset then.
    pub at: Moment,
    /// The zones treated, sorted.
    pub zones: Vec<BodyZone>,
    /// The needle length used, in millimetres.
    pub needle_length_mm: f64,
    /// Products applied before and after, in the order given.
    pub products: Vec<Product>,
    /// The user's pre-session checks.
    pub pre_checks: PreChecks,
    /// Codes of the blockers the user overrode to record it, in order.
    pub overridden: Vec<String>,
    /// True when the device was cleaned within a day after it.
    pub cleaned_after: bool,
}

impl SessionFacts {
    /// The facts of `session`, given whether a cleaning followed it.
    pub fn of(session: &Session, cleaned_after: bool) -> Self {
        Self {
            at: session.at,
            zones: session.zones.clone(),
            needle_length_mm: session.needle_length_mm,
            products: session.products.clone(),
            pre_checks: session.pre_checks,
            overridden: session.overrides.iter().map(|o| o.code.clone()).collect(),
            cleaned_after,
        }
    }
}

/// Everything preventive risk reads, gathered as of `now`.
#[derive(Clone, Debug)]
pub struct PreventiveInput<'a> {
    /// The moment assessed.
    pub now: Moment,
    /// Sessions in the last 30 days before `now`, oldest first.
    pub sessions: &'a [SessionFacts],
    /// Nicknames of active devices marked as shared.
    pub shared_devices: &'a [String],
    /// Nicknames of active devices due for replacement as of `now`.
    pub worn_devices: &'a [String],
    /// The current profile.
    pub profile: Option<&'a Profile>,
    /// Product categories the care plan says to avoid.
    pub care_plan_avoid: &'a [crate::product::ProductCategory],
}

/// Sums the factors present as of `now` into a level.
pub fn assess_preventive(input: &PreventiveInput<'_>) -> PreventiveRisk {
    let mut factors = Vec::new();
    for rule in RISK_FACTORS {
        if let Some((seen, dates)) = detect(rule.code, input) {
            factors.push(RiskFactor {
                code: rule.code,
                weight: rule.weight,
                seen,
                dates,
                advice: rule.advice,
                source: rule.source,
            });
        }
    }
    let score = factors.iter().map(|f| f.weight).sum();
    let level = if score >= HIGH_FROM {
        RiskLevel::High
    } else if score >= MODERATE_FROM {
        RiskLevel::Moderate
    } else {
        RiskLevel::Low
    };
    PreventiveRisk {
        level,
        score,
        factors,
    }
}

fn detect(code: &str, input: &PreventiveInput<'_>) -> Option<(String, Vec<chrono::NaiveDate>)> {
    let sessions = |pred: &dyn Fn(&SessionFacts) -> bool, what: &str| {
        let dates: Vec<_> = input
            .sessions
            .iter()
            .filter(|s| pred(s))
            .map(|s| time::local_date(&s.at))
            .collect();
        (!dates.is_empty()).then(|| (format!("{what}: {}", list(&dates)), dates))
    };
    let overridden =
        |s: &SessionFacts, codes: &[&str]| s.overridden.iter().any(|o| codes.contains(&o.as_str()));
    let in_use = !input.sessions.is_empty();
    let has = |c: Condition| in_use && input.profile.is_some_and(|p| p.has(c));
    match code {
        "session_with_uncleaned_device" => sessions(
            &|s| {
                !s.pre_checks.device_cleaned
                    || overridden(s, &["device_not_cleaned", "precheck_device_not_cleaned"])
            },
            "Sessions with a device not cleaned since its last use",
        ),
        "missing_after_use_cleaning" => sessions(
            &|s| !s.cleaned_after && input.now - s.at > TimeDelta::hours(24),
            "Sessions not followed by a cleaning within a day",
        ),
        "session_on_active_or_broken_skin" => sessions(
            &|s| {
                let c = s.pre_checks;
                !c.skin_clean
                    || c.active_breakout
                    || c.cold_sore
                    || c.open_wound
                    || c.sunburn
                    || overridden(s, &SKIN_BLOCKERS)
            },
            "Sessions over active, broken or unwashed skin",
        ),
        "shared_device" => named(input.shared_devices, "Devices marked as shared"),
        "session_despite_contraindication" => sessions(
            &|s| overridden(s, &CONTRAINDICATION_BLOCKERS),
            "Sessions recorded despite a contraindication or the care plan",
        ),
        "device_past_replacement" => {
            let overrides = sessions(
                &|s| overridden(s, &["device_due_for_replacement"]),
                "Sessions with a device due for replacement",
            );
            let worn = named(input.worn_devices, "Devices due for replacement now");
            merge(overrides, worn)
        }
        "interval_not_respected" => sessions(
            &|s| overridden(s, &["interval_not_elapsed"]),
            "Sessions before the rest interval had passed",
        ),
        "product_to_avoid_after_needling" => sessions(
            &|s| {
                s.products.iter().any(|p| {
                    p.categories.iter().any(|c| {
                        product_rule(*c, p.timing).is_some()
                            || (p.timing == ProductTiming::After
                                && input.care_plan_avoid.contains(c))
                    })
                })
            },
            "Sessions with products to keep off needled skin",
        ),
        "needle_in_professional_range" => sessions(
            &|s| s.needle_length_mm >= PROFESSIONAL_FROM_MM,
            "Sessions with needles of 0.75 mm or more",
        ),
        "immunosuppression" => has(Condition::Immunosuppression).then(|| {
            (
                "Your profile notes a weakened immune system".to_owned(),
                vec![],
            )
        }),
        "diabetes" => {
            has(Condition::Diabetes).then(|| ("Your profile notes diabetes".to_owned(), vec![]))
        }
        "cold_sore_history" => {
            let face = input
                .sessions
                .iter()
                .any(|s| s.zones.iter().any(|z| z.region() == BodyRegion::Face));
            (face && has(Condition::ColdSores)).then(|| {
                (
                    "Your profile notes cold sores, and the face was needled".to_owned(),
                    vec![],
                )
            })
        }
        "pigmentation_prone_skin" => (in_use
            && input
                .profile
                .and_then(|p| p.skin_type)
                .is_some_and(|t| t.pigmentation_prone()))
        .then(|| {
            (
                "Your skin type (IV to VI) is prone to dark marks".to_owned(),
                vec![],
            )
        }),
        _ => None,
    }
}

fn named(names: &[String], what: &str) -> Option<(String, Vec<chrono::NaiveDate>)> {
    (!names.is_empty()).then(|| (format!("{what}: {}", names.join(", ")), vec![]))
}

fn merge(
    a: Option<(String, Vec<chrono::NaiveDate>)>,
    b: Option<(String, Vec<chrono::NaiveDate>)>,
) -> Option<(String, Vec<chrono::NaiveDate>)> {
    match (a, b) {
        (Some((sa, da)), Some((sb, _))) => Some((format!("{sa}. {sb}"), da)),
        (a, b) => a.or(b),
    }
}

/// The dates as `YYYY-MM-DD, YYYY-MM-DD, ...`, written digit by digit into
/// one string: a month of daily sessions is listed on every change the user
/// makes, and the formatting machinery cost a thousand instructions a date.
fn list(dates: &[chrono::NaiveDate]) -> String {
    use chrono::Datelike;
    let mut text = String::with_capacity(dates.len() * 12);
    for (i, d) in dates.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        push_digits(&mut text, d.year().unsigned_abs(), 4);
        text.push('-');
        push_digits(&mut text, d.month(), 2);
        text.push('-');
        push_digits(&mut text, d.day(), 2);
    }
    text
}

/// Appends `value` in decimal, padded with zeros to `width` digits. Years
/// before 1 or after 9999 cannot reach here: moments are checked plausible.
fn push_digits(text: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = (value / 10_u32.pow(place)) % 10;
        text.push(char::from(b'0' + digit as u8));
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::list;

    #[test]
    fn dates_are_listed_as_iso_days() {
        let days = [(2026, 3, 9), (2026, 12, 31), (987, 1, 1)]
            .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default());
        assert_eq!(list(&days), "2026-03-09, 2026-12-31, 0987-01-01");
        assert_eq!(list(&days[..1]), "2026-03-09");
        assert_eq!(list(&[]), "");
    }
}
