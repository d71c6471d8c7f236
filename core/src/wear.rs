//! How worn a device is, derived from the log, and when it is due for
//! replacement.
//!
//! Uses and age are counted from the start of the current head: the last
//! recorded head (or pen cartridge) change, else the first-use date the user
//! gave, else the first session. Nothing is typed in by hand.

use chrono::{Days, NaiveDate};

use crate::device::Device;
use crate::rules::RuleSource;
use crate::rules::replacement::{self, DAMAGE_REPORTED, USER_LIMIT};
use crate::time;

/// What the log says about a device's current head.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DeviceWear {
    /// Sessions with the current head.
    pub uses: u32,
    /// Sessions with the device in all.
    pub total_uses: u32,
    /// The local date the current head came into use, if it has.
    pub head_started: Option<NaiveDate>,
}

/// Where a device stands against its replacement limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    /// The limit in uses.
    pub max_uses: u32,
    /// The limit in days.
    pub max_days: u32,
    /// Uses left before the limit (zero when reached).
    pub uses_left: u32,
    /// The local date the day limit is reached, once the head is in use.
    pub due_by: Option<NaiveDate>,
    /// True when the device should be replaced before its next use.
    pub due: bool,
    /// Why it is due, in plain words.
    pub reason: Option<String>,
    /// The rule that set the limit.
    pub source: RuleSource,
}

/// Applies the device's replacement limit (the user's, else the default for
/// its kind) to its wear, as of the local date `today`.
pub fn replacement(device: &Device, wear: &DeviceWear, today: NaiveDate) -> Replacement {
    let default = replacement::replacement_rule_for(device.kind);
    let custom = device.replace_after_uses.is_some() || device.replace_after_days.is_some();
    let max_uses = device.replace_after_uses.unwrap_or(default.max_uses);
    let max_days = device.replace_after_days.unwrap_or(default.max_days);
    let source = if custom { USER_LIMIT } else { default.source };
    let due_by = wear
        .head_started
        .and_then(|start| start.checked_add_days(Days::new(max_days.into())));
    let days_used = wear
        .head_started
        .map(|start| time::calendar_days_between(start, today));
    let (reason, source) = if device.damaged {
        (
            Some("you reported bent needles or a rough roll".to_owned()),
            DAMAGE_REPORTED,
        )
    } else if wear.uses >= max_uses {
        (
            Some(format!(
                "it has been used {} times; the limit is {max_uses}",
                wear.uses
            )),
            source,
        )
    } else if days_used.is_some_and(|days| days >= i64::from(max_days)) {
        (
            Some(format!(
                "its head has been in use for {} days; the limit is {max_days}",
                days_used.unwrap_or_default()
            )),
            source,
        )
    } else {
        (None, source)
    };
    Replacement {
        max_uses,
        max_days,
        uses_left: max_uses.saturating_sub(wear.uses),
        due_by,
        due: reason.is_some(),
        reason,
        source,
    }
}
