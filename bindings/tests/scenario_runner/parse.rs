//! Reading scenario values into API records.

use std::collections::HashMap;
use std::time::{Duration, UNIX_EPOCH};

use chrono::DateTime;
use rollsafe_ffi::{
    BodyRegion, BodyZone, CalendarDate, CarePlan, CarePlanNeedleLimit, CarePlanRest,
    CleaningMethod, Condition, ConditionAnswer, DeviceKind, Moment, NeedleMaterial,
    NewSymptomReport, PreChecks, Product, ProductCategory, ProductTiming, ProfileUpdate,
    PusDescription, QuietHours, ReminderKind, ReportKind, ReportedSymptom, SessionPlan, SkinType,
};
use serde_json::Value;

use super::{Failure, mismatch};

/// A snake_case code in a scenario, parsed into an API enum.
pub trait FromCode: Sized {
    fn from_code(code: &str) -> Option<Self>;
}

macro_rules! from_code {
    ($($t:ty),*) => {$(
        impl FromCode for $t {
            fn from_code(code: &str) -> Option<Self> {
                <$t>::from_code(code)
            }
        }
    )*};
}
from_code!(
    DeviceKind,
    NeedleMaterial,
    BodyZone,
    ProductCategory,
    SkinType,
    Condition,
    CleaningMethod,
    rollsafe_ffi::Symptom,
    rollsafe_ffi::PusColour,
    rollsafe_ffi::PusConsistency,
    rollsafe_ffi::SymptomTrend,
    ReportKind
);

impl FromCode for ProductTiming {
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "before" => Some(ProductTiming::Before),
            "after" => Some(ProductTiming::After),
            _ => None,
        }
    }
}

pub fn field<'a>(value: &'a Value, key: &str) -> Result<&'a Value, Failure> {
    value
        .get(key)
        .ok_or_else(|| mismatch(&format!("missing {key}")))
}

pub fn str_field<'a>(value: &'a Value, key: &str) -> Result<&'a str, Failure> {
    field(value, key)?
        .as_str()
        .ok_or_else(|| mismatch(&format!("{key} is not text")))
}

pub fn opt_str<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

pub fn opt_f64(value: &Value, key: &str) -> Result<Option<f64>, Failure> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_f64()
            .map(Some)
            .ok_or_else(|| mismatch(&format!("{key} is not a number"))),
    }
}

pub fn opt_u32(value: &Value, key: &str) -> Result<Option<u32>, Failure> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| mismatch(&format!("{key} is not a whole number"))),
    }
}

pub fn enum_code<T: FromCode>(value: &Value, key: &str) -> Result<T, Failure> {
    code(str_field(value, key)?)
}

fn code<T: FromCode>(text: &str) -> Result<T, Failure> {
    T::from_code(text).ok_or_else(|| mismatch(&format!("unknown code {text}")))
}

fn codes<T: FromCode>(value: &Value, key: &str) -> Result<Vec<T>, Failure> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| code(i.as_str().unwrap_or_default()))
            .collect(),
        Some(_) => Err(mismatch(&format!("{key} is not a list"))),
    }
}

pub fn moment(value: &Value, key: &str) -> Result<Moment, Failure> {
    let text = str_field(value, key)?;
    let parsed =
        DateTime::parse_from_rfc3339(text).map_err(|e| mismatch(&format!("{key}: {e}")))?;
    let millis = u64::try_from(parsed.timestamp_millis()).map_err(|_| mismatch("before 1970"))?;
    Ok(Moment {
        instant: UNIX_EPOCH + Duration::from_millis(millis),
        utc_offset_seconds: parsed.offset().local_minus_utc(),
    })
}

pub fn opt_date(value: &Value, key: &str) -> Result<Option<CalendarDate>, Failure> {
    let Some(text) = value.get(key).and_then(Value::as_str) else {
        return Ok(None);
    };
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| mismatch(&format!("{key}: {e}")))?;
    Ok(Some(date.into()))
}

pub fn date_text(date: &CalendarDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

pub fn region_code(region: BodyRegion) -> &'static str {
    region.code()
}

pub fn plan(value: &Value, devices: &HashMap<String, String>) -> Result<SessionPlan, Failure> {
    let alias = str_field(value, "device")?;
    let checks = value.get("pre_checks").cloned().unwrap_or(Value::Null);
    let flag =
        |key: &str, default: bool| checks.get(key).and_then(Value::as_bool).unwrap_or(default);
    let products = match value.get("products") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|p| {
                Ok(Product {
                    name: str_field(p, "name")?.to_owned(),
                    timing: enum_code(p, "timing")?,
                    categories: codes(p, "categories")?,
                })
            })
            .collect::<Result<Vec<_>, Failure>>()?,
        _ => Vec::new(),
    };
    Ok(SessionPlan {
        device_id: devices
            .get(alias)
            .cloned()
            .unwrap_or_else(|| alias.to_owned()),
        zones: codes(value, "zones")?,
        needle_length_mm: opt_f64(value, "needle_length_mm")?,
        products,
        pre_checks: PreChecks {
            device_cleaned: flag("device_cleaned", true),
            skin_clean: flag("skin_clean", true),
            active_breakout: flag("active_breakout", false),
            cold_sore: flag("cold_sore", false),
            open_wound: flag("open_wound", false),
            sunburn: flag("sunburn", false),
        },
    })
}

pub fn report(
    step: &Value,
    at: Moment,
    session_id: Option<String>,
) -> Result<NewSymptomReport, Failure> {
    let symptoms = match step.get("symptoms") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|s| {
                Ok(ReportedSymptom {
                    symptom: enum_code(s, "symptom")?,
                    severity: opt_u32(s, "severity")?.map(|v| u8::try_from(v).unwrap_or(u8::MAX)),
                })
            })
            .collect::<Result<Vec<_>, Failure>>()?,
        _ => Vec::new(),
    };
    let pus = match step.get("pus") {
        Some(p @ Value::Object(_)) => Some(PusDescription {
            colour: enum_code(p, "colour")?,
            consistency: enum_code(p, "consistency")?,
        }),
        _ => None,
    };
    Ok(NewSymptomReport {
        at,
        kind: if step.get("kind").is_some() {
            enum_code(step, "kind")?
        } else {
            ReportKind::Report
        },
        zones: codes(step, "zones")?,
        around_eye: step
            .get("around_eye")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        symptoms,
        overall_severity: opt_u32(step, "overall_severity")?
            .map_or(0, |v| u8::try_from(v).unwrap_or(u8::MAX)),
        pus,
        temperature_c: opt_f64(step, "temperature_c")?,
        trend: opt_str(step, "trend").map(code).transpose()?,
        notes: opt_str(step, "notes").map(str::to_owned),
        photos: vec![],
        session_id,
    })
}

pub fn quiet_hours(step: &Value) -> Result<Option<QuietHours>, Failure> {
    let minute = |key: &str| -> Result<Option<u16>, Failure> {
        let Some(text) = opt_str(step, key) else {
            return Ok(None);
        };
        let (h, m) = text
            .split_once(':')
            .ok_or_else(|| mismatch("quiet hours are HH:MM"))?;
        let h: u16 = h.parse().map_err(|_| mismatch("hour"))?;
        let m: u16 = m.parse().map_err(|_| mismatch("minute"))?;
        Ok(Some(h * 60 + m))
    };
    Ok(match (minute("start")?, minute("end")?) {
        (Some(start_minute), Some(end_minute)) => Some(QuietHours {
            start_minute,
            end_minute,
        }),
        _ => None,
    })
}

pub fn reminder_kind_code(kind: ReminderKind) -> &'static str {
    match kind {
        ReminderKind::CleanAfterSession => "clean_after_session",
        ReminderKind::SoakFinished => "soak_finished",
        ReminderKind::NextSessionAllowed => "next_session_allowed",
        ReminderKind::ReplaceDevice => "replace_device",
        ReminderKind::CheckIn24h => "check_in_24h",
        ReminderKind::CheckIn72h => "check_in_72h",
        ReminderKind::TriageFollowUp => "triage_follow_up",
    }
}

/// A moment as comparable text: its instant in epoch milliseconds (the
/// offset a reminder carries is the event's, which a DST change may alter).
pub fn moment_text(m: &Moment) -> String {
    let ms = m
        .instant
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!("{ms}")
}

pub fn profile(step: &Value, now: Moment) -> Result<ProfileUpdate, Failure> {
    let answers = match step.get("answers") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|a| {
                Ok(ConditionAnswer {
                    condition: enum_code(a, "condition")?,
                    present: a.get("present").and_then(Value::as_bool).unwrap_or(false),
                    stopped_on: opt_date(a, "stopped_on")?,
                    confirmed_at: now,
                })
            })
            .collect::<Result<Vec<_>, Failure>>()?,
        _ => Vec::new(),
    };
    Ok(ProfileUpdate {
        skin_type: match step.get("skin_type") {
            Some(Value::String(t)) => Some(code(t)?),
            _ => None,
        },
        answers,
        identity: None,
    })
}

pub fn care_plan(plan: &Value, now: Moment) -> Result<CarePlan, Failure> {
    let mut rest = Vec::new();
    if let Some(Value::Object(map)) = plan.get("rest") {
        for (region, days) in map {
            rest.push(CarePlanRest {
                region: BodyRegion::from_code(region).ok_or_else(|| mismatch("unknown region"))?,
                min_rest_days: days
                    .as_u64()
                    .and_then(|d| u32::try_from(d).ok())
                    .ok_or_else(|| mismatch("rest days"))?,
            });
        }
    }
    let mut max_needle = Vec::new();
    if let Some(Value::Object(map)) = plan.get("max_needle") {
        for (region, mm) in map {
            max_needle.push(CarePlanNeedleLimit {
                region: BodyRegion::from_code(region).ok_or_else(|| mismatch("unknown region"))?,
                max_needle_length_mm: mm.as_f64().ok_or_else(|| mismatch("max_needle mm"))?,
            });
        }
    }
    Ok(CarePlan {
        set_by: str_field(plan, "set_by")?.to_owned(),
        set_at: if plan.get("set_at").is_some() {
            moment(plan, "set_at")?
        } else {
            now
        },
        rest,
        max_needle,
        allowed_zones: codes(plan, "allowed_zones")?,
        avoid_products: codes(plan, "avoid_products")?,
        cleared_conditions: codes(plan, "cleared_conditions")?,
    })
}
