//! Preventive risk from the way devices were used in the last 30 days.
//!
//! Each factor counts its occurrences (up to `MOST_COUNTED`) and says the
//! day its last occurrence leaves the window. A lapse tied to a device (a
//! missed after-use cleaning, a worn head) leaves as soon as the device is
//! retired or its head replaced; a session over a dirty device or broken
//! skin stays, as the skin was needled, until it ages out.

use chrono::{NaiveDate, TimeDelta};

use super::{PreventiveRisk, RiskFactor, RiskLevel};
use crate::finding::FindingCode;
use crate::product::{Product, ProductTiming};
use crate::profile::{Condition, Profile};
use crate::rules::needle::PROFESSIONAL_FROM_MM;
use crate::rules::products::product_rule;
use crate::rules::risk::{
    CONTRAINDICATION_BLOCKERS, FactorKind, HIGH_FROM, INTERVAL_BLOCKERS, LOOKBACK_DAYS,
    MODERATE_FROM, MOST_COUNTED, RISK_FACTORS, RiskFactorCode, SKIN_BLOCKERS,
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
    /// The blockers the user overrode to record it, in order (a code this
    /// version does not know is left out: no rule could read it).
    pub overridden: Vec<FindingCode>,
    /// True when the device was cleaned within a day after it.
    pub cleaned_after: bool,
    /// True when the device has since been retired, or its head replaced
    /// after the session: what the device carried is gone.
    pub device_renewed: bool,
}

impl SessionFacts {
    /// The facts of `session`, given whether a cleaning followed it and
    /// whether its device was renewed since.
    pub fn of(session: &Session, cleaned_after: bool, device_renewed: bool) -> Self {
        Self {
            at: session.at,
            zones: session.zones.clone(),
            needle_length_mm: session.needle_length_mm,
            products: session.products.clone(),
            pre_checks: session.pre_checks,
            overridden: session
                .overrides
                .iter()
                .filter_map(|o| FindingCode::from_code(&o.code))
                .collect(),
            cleaned_after,
            device_renewed,
        }
    }

    fn overrode(&self, codes: &[FindingCode]) -> bool {
        self.overridden.iter().any(|o| codes.contains(o))
    }

    /// The local day this session leaves the lookback window.
    fn ages_out_on(&self) -> NaiveDate {
        time::local_date(&(self.at + TimeDelta::days(LOOKBACK_DAYS)))
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

/// What a rule found: the text, how many times, the dates, and the day the
/// last occurrence leaves the window.
struct Seen {
    text: String,
    occurrences: u32,
    dates: Vec<NaiveDate>,
    ages_out_on: Option<NaiveDate>,
}

/// Sums the factors present as of `now` into a level.
pub fn assess_preventive(input: &PreventiveInput<'_>) -> PreventiveRisk {
    let mut factors = Vec::new();
    let mut other_risks = Vec::new();
    for rule in RISK_FACTORS {
        if let Some(seen) = detect(rule.code, input) {
            let counted = seen.occurrences.min(MOST_COUNTED);
            let mut text = seen.text;
            if let Some(day) = seen.ages_out_on {
                text.push_str("; it leaves the 30-day window on ");
                text.push_str(&list(&[day]));
            }
            let factor = RiskFactor {
                code: rule.code,
                kind: rule.kind,
                weight: rule.weight,
                occurrences: seen.occurrences,
                points: rule.weight * counted,
                seen: text,
                dates: seen.dates,
                ages_out_on: seen.ages_out_on,
                advice: rule.advice,
                source: rule.source,
            };
            match rule.kind {
                FactorKind::OtherRisk => other_risks.push(factor),
                FactorKind::Behaviour | FactorKind::Host => factors.push(factor),
            }
        }
    }
    let behaviour: u32 = points(&factors, FactorKind::Behaviour);
    if behaviour == 0 {
        for factor in factors.iter_mut().filter(|f| f.kind == FactorKind::Host) {
            factor.points = 0;
        }
    }
    let score = behaviour + points(&factors, FactorKind::Host);
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
        other_risks,
    }
}

fn points(factors: &[RiskFactor], kind: FactorKind) -> u32 {
    factors
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.points)
        .sum()
}

fn detect(code: RiskFactorCode, input: &PreventiveInput<'_>) -> Option<Seen> {
    let sessions = |pred: &dyn Fn(&SessionFacts) -> bool, what: &str| {
        let matching: Vec<&SessionFacts> = input.sessions.iter().filter(|s| pred(s)).collect();
        let dates: Vec<_> = matching.iter().map(|s| time::local_date(&s.at)).collect();
        let last = matching.last()?;
        Some(Seen {
            text: format!("{what}: {}", list(&dates)),
            occurrences: count(matching.len()),
            ages_out_on: Some(last.ages_out_on()),
            dates,
        })
    };
    let in_use = input.sessions.last();
    let has = |c: Condition| in_use.is_some() && input.profile.is_some_and(|p| p.has(c));
    let declared = |text: &str| Seen {
        text: text.to_owned(),
        occurrences: 1,
        dates: vec![],
        ages_out_on: in_use.map(SessionFacts::ages_out_on),
    };
    match code {
        RiskFactorCode::SessionWithUncleanedDevice => sessions(
            &|s| s.overrode(&[FindingCode::DeviceNotCleaned]),
            "Sessions with a device the log shows not cleaned since its last use",
        ),
        RiskFactorCode::AnsweredDeviceNotCleaned => sessions(
            &|s| {
                (!s.pre_checks.device_cleaned
                    || s.overrode(&[FindingCode::PrecheckDeviceNotCleaned]))
                    && !s.overrode(&[FindingCode::DeviceNotCleaned])
            },
            "Sessions where you answered that the device was not cleaned, though the log shows a cleaning since its last use",
        ),
        RiskFactorCode::MissingAfterUseCleaning => sessions(
            &|s| !s.cleaned_after && !s.device_renewed && input.now - s.at > TimeDelta::hours(24),
            "Sessions not followed by a cleaning within a day",
        ),
        RiskFactorCode::SessionOnActiveOrBrokenSkin => sessions(
            &|s| {
                let c = s.pre_checks;
                !c.skin_clean
                    || c.active_breakout
                    || c.cold_sore
                    || c.open_wound
                    || c.sunburn
                    || s.overrode(&SKIN_BLOCKERS)
            },
            "Sessions over active, broken or unwashed skin",
        ),
        RiskFactorCode::SharedDevice => named(input.shared_devices, "Devices marked as shared"),
        RiskFactorCode::SessionDespiteContraindication => sessions(
            &|s| s.overrode(&CONTRAINDICATION_BLOCKERS),
            "Sessions recorded despite a contraindication, the care plan or an open symptom report",
        ),
        RiskFactorCode::DevicePastReplacement => {
            let overrides = sessions(
                &|s| s.overrode(&[FindingCode::DeviceDueForReplacement]) && !s.device_renewed,
                "Sessions with a device due for replacement",
            );
            let worn = named(input.worn_devices, "Devices due for replacement now");
            merge(overrides, worn)
        }
        RiskFactorCode::IntervalNotRespected => sessions(
            &|s| s.overrode(&INTERVAL_BLOCKERS),
            "Sessions closer to another than the rest interval",
        ),
        RiskFactorCode::ProductToAvoidAfterNeedling => sessions(
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
        RiskFactorCode::NeedleInProfessionalRange => sessions(
            &|s| s.needle_length_mm >= PROFESSIONAL_FROM_MM,
            "Sessions with needles of 0.75 mm or more",
        ),
        RiskFactorCode::Immunosuppression => has(Condition::Immunosuppression)
            .then(|| declared("Your profile notes a weakened immune system")),
        RiskFactorCode::Diabetes => {
            has(Condition::Diabetes).then(|| declared("Your profile notes diabetes"))
        }
        RiskFactorCode::ColdSoreHistory => {
            let face = input
                .sessions
                .iter()
                .rfind(|s| s.zones.iter().any(|z| z.region() == BodyRegion::Face));
            face.filter(|_| has(Condition::ColdSores)).map(|last| Seen {
                text: "Your profile notes cold sores, and the face was needled: a risk of the cold-sore virus flaring, apart from infection".to_owned(),
                occurrences: 1,
                dates: vec![],
                ages_out_on: Some(last.ages_out_on()),
            })
        }
        RiskFactorCode::PigmentationProneSkin => (in_use.is_some()
            && input
                .profile
                .and_then(|p| p.skin_type)
                .is_some_and(|t| t.pigmentation_prone()))
        .then(|| declared("Your skin type (IV to VI) is prone to dark marks")),
    }
}

/// A count as the factor's type; a window never holds more than `u32::MAX`.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Active devices named by the rule: each is an occurrence, and it stays
/// until the device is dealt with, so it has no day to age out.
fn named(names: &[String], what: &str) -> Option<Seen> {
    (!names.is_empty()).then(|| Seen {
        text: format!("{what}: {}", names.join(", ")),
        occurrences: count(names.len()),
        dates: vec![],
        ages_out_on: None,
    })
}

/// One factor seen two ways: the occurrences add up, and it ages out only
/// when both have gone (a device still worn never does).
fn merge(a: Option<Seen>, b: Option<Seen>) -> Option<Seen> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Seen {
            text: format!("{}. {}", a.text, b.text),
            occurrences: a.occurrences.saturating_add(b.occurrences),
            dates: a.dates,
            ages_out_on: None,
        }),
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
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::product::ProductCategory;
    use crate::profile::{ConditionAnswer, SkinType};
    use crate::rules::risk::risk_factor;

    fn now() -> Moment {
        DateTime::parse_from_rfc3339("2026-03-31T12:00:00+02:00").unwrap_or_default()
    }

    fn session(days_ago: i64) -> SessionFacts {
        SessionFacts {
            at: now() - TimeDelta::days(days_ago),
            zones: vec![BodyZone::Cheeks],
            needle_length_mm: 0.25,
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
            overridden: vec![],
            cleaned_after: true,
            device_renewed: false,
        }
    }

    fn assess(
        sessions: &[SessionFacts],
        worn: &[String],
        profile: Option<&Profile>,
    ) -> PreventiveRisk {
        assess_preventive(&PreventiveInput {
            now: now(),
            sessions,
            shared_devices: &[],
            worn_devices: worn,
            profile,
            care_plan_avoid: &[],
        })
    }

    fn profile(conditions: &[Condition]) -> Profile {
        Profile {
            skin_type: Some(SkinType::V),
            answers: conditions
                .iter()
                .map(|&condition| ConditionAnswer {
                    condition,
                    present: true,
                    stopped_on: None,
                    confirmed_at: now(),
                })
                .collect(),
            identity: Default::default(),
            saved_at: now(),
        }
    }

    fn codes(factors: &[RiskFactor]) -> Vec<&'static str> {
        factors.iter().map(|f| f.code.code()).collect()
    }

    /// Every rule in the catalogue has code that fires it: one log holding
    /// every lapse raises every factor.
    #[test]
    fn every_rule_can_fire() {
        let mut lapses = session(3);
        lapses.overridden = vec![
            FindingCode::DeviceNotCleaned,
            FindingCode::Sunburn,
            FindingCode::Pregnancy,
            FindingCode::DeviceDueForReplacement,
            FindingCode::IntervalBeforeLaterSession,
        ];
        lapses.cleaned_after = false;
        lapses.needle_length_mm = 1.0;
        lapses.products = vec![Product {
            name: "Serum".into(),
            timing: ProductTiming::After,
            categories: vec![ProductCategory::Retinoid],
        }];
        let mut answered = session(2);
        answered.pre_checks.device_cleaned = false;
        let person = profile(&[
            Condition::Immunosuppression,
            Condition::Diabetes,
            Condition::ColdSores,
        ]);
        let risk = assess_preventive(&PreventiveInput {
            now: now(),
            sessions: &[lapses, answered],
            shared_devices: &["Roller".to_owned()],
            worn_devices: &[],
            profile: Some(&person),
            care_plan_avoid: &[],
        });
        let mut fired: Vec<_> = risk
            .factors
            .iter()
            .chain(&risk.other_risks)
            .map(|f| f.code)
            .collect();
        for rule in RISK_FACTORS {
            assert!(
                fired.contains(&rule.code),
                "{} never fires",
                rule.code.code()
            );
            assert_eq!(risk_factor(rule.code), Some(&rule));
        }
        fired.dedup();
        assert_eq!(fired.len(), RISK_FACTORS.len());
    }

    #[test]
    fn each_lapse_counts_up_to_the_cap() {
        let lapse = |days| SessionFacts {
            cleaned_after: false,
            ..session(days)
        };
        let two = assess(&[lapse(5), lapse(3)], &[], None);
        assert_eq!(two.score, 2);
        assert_eq!(two.factors[0].occurrences, 2);
        let worn = assess(&[lapse(5), lapse(3)], &["Roller".to_owned()], None);
        assert_eq!(worn.level, RiskLevel::High, "a worn device and two lapses");
        let many: Vec<_> = (2..9).map(lapse).collect();
        let capped = assess(&many, &[], None);
        assert_eq!(
            (capped.factors[0].occurrences, capped.score),
            (7, MOST_COUNTED)
        );
    }

    #[test]
    fn a_renewed_device_takes_its_lapses_with_it() {
        let mut renewed = SessionFacts {
            cleaned_after: false,
            ..session(5)
        };
        renewed.overridden = vec![
            FindingCode::DeviceDueForReplacement,
            FindingCode::DeviceNotCleaned,
        ];
        renewed.device_renewed = true;
        let risk = assess(&[renewed], &[], None);
        // The dirty device reached the skin: that stays until it ages out.
        assert_eq!(codes(&risk.factors), ["session_with_uncleaned_device"]);
    }

    #[test]
    fn each_factor_says_when_it_ages_out() {
        let lapse = |days| SessionFacts {
            cleaned_after: false,
            ..session(days)
        };
        let risk = assess(&[lapse(20), lapse(4)], &["Roller".to_owned()], None);
        let day = |d| NaiveDate::from_ymd_opt(2026, 4, d);
        assert_eq!(risk.factors[0].ages_out_on, day(26));
        let worn = risk
            .factors
            .iter()
            .find(|f| f.code == RiskFactorCode::DevicePastReplacement);
        assert_eq!(
            worn.map(|f| f.ages_out_on),
            Some(None),
            "a worn device stays until replaced"
        );
    }

    #[test]
    fn a_pre_check_answer_the_log_contradicts_is_worded_as_an_answer() {
        let mut answered = session(2);
        answered.pre_checks.device_cleaned = false;
        answered.overridden = vec![FindingCode::PrecheckDeviceNotCleaned];
        let risk = assess(&[answered], &[], None);
        assert_eq!(codes(&risk.factors), ["answered_device_not_cleaned"]);
        assert!(
            risk.factors[0].seen.contains("you answered"),
            "{}",
            risk.factors[0].seen
        );
        assert_eq!(risk.score, 1);
    }

    #[test]
    fn declared_conditions_weigh_only_with_a_lapse() {
        let person = profile(&[Condition::Immunosuppression, Condition::ColdSores]);
        let calm = assess(&[session(2)], &[], Some(&person));
        assert_eq!(calm.level, RiskLevel::Low);
        assert_eq!(codes(&calm.factors), ["immunosuppression"]);
        assert_eq!(calm.factors[0].points, 0);
        assert_eq!(
            codes(&calm.other_risks),
            ["cold_sore_history", "pigmentation_prone_skin"]
        );
        let lapse = SessionFacts {
            cleaned_after: false,
            ..session(3)
        };
        let with_lapse = assess(&[lapse, session(2)], &[], Some(&person));
        assert_eq!((with_lapse.score, with_lapse.level), (3, RiskLevel::High));
    }

    #[test]
    fn dates_are_listed_as_iso_days() {
        let days = [(2026, 3, 9), (2026, 12, 31), (987, 1, 1)]
            .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default());
        assert_eq!(list(&days), "2026-03-09, 2026-12-31, 0987-01-01");
        assert_eq!(list(&days[..1]), "2026-03-09");
        assert_eq!(list(&[]), "");
    }
}
