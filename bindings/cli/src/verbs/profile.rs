//! `rollsafe profile show|set`. Setting starts from the profile in force
//! and changes only what was given, as the app's form does: the core saves
//! the whole as a new revision.

use rollsafe_core::{
    Condition, ConditionAnswer, PatientIdentifier, PatientIdentity, ProfileUpdate,
};

use crate::args::actions::{ProfileCommand, ProfileSetArgs};
use crate::args::codes::from_code;
use crate::failure::{ErrorCode, Failure};
use crate::text;
use crate::view::actions::ProfileView;

use super::{alerts, open, show};

/// Runs `rollsafe profile ...`.
pub fn run(command: &ProfileCommand, json: bool) -> Result<(), Failure> {
    match command {
        ProfileCommand::Show(change) => {
            let (store, _) = open(change)?;
            let profile = store.profile()?;
            show(
                json,
                "profile",
                &ProfileView::new(profile.as_ref(), vec![]),
                text::actions::profile,
            )
        }
        ProfileCommand::Set(args) => set(args, json),
    }
}

fn set(args: &ProfileSetArgs, json: bool) -> Result<(), Failure> {
    let (store, now) = open(&args.change)?;
    let current = store.profile()?;
    let mut answers: Vec<ConditionAnswer> = current
        .as_ref()
        .map(|p| p.answers.clone())
        .unwrap_or_default();
    for text in &args.conditions {
        let (condition, present, stopped_on) = answer(text)?;
        answers.retain(|a| a.condition != condition);
        answers.push(ConditionAnswer {
            condition,
            present,
            stopped_on,
            confirmed_at: now,
        });
    }
    let identity = current
        .as_ref()
        .map(|p| p.identity.clone())
        .unwrap_or_default();
    let identifier = match &args.patient_number {
        Some(value) => Some(PatientIdentifier {
            value: value.clone(),
            issuer: args.issuer.clone(),
        }),
        None => identity.identifier,
    };
    let update = ProfileUpdate {
        skin_type: args
            .skin_type
            .or_else(|| current.as_ref().and_then(|p| p.skin_type)),
        answers,
        identity: PatientIdentity {
            name: args.name.clone().or(identity.name),
            birth_date: args.birth_date.or(identity.birth_date),
            identifier,
        },
    };
    let changed = store.save_profile(update, now)?;
    let view = ProfileView::new(Some(&changed.value), alerts(&changed.alerts));
    show(json, "profile", &view, text::actions::profile)
}

/// `CONDITION=yes`, `CONDITION=no` or `isotretinoin=stopped:DATE`.
fn answer(text: &str) -> Result<(Condition, bool, Option<chrono::NaiveDate>), Failure> {
    let bad = || {
        Failure::input(
            "--condition takes CONDITION=yes, CONDITION=no or isotretinoin=stopped:YYYY-MM-DD",
        )
        .coded(ErrorCode::InvalidInput)
        .at_field("condition")
    };
    let (code, value) = text.split_once('=').ok_or_else(bad)?;
    let condition = from_code::<Condition>(code).ok_or_else(bad)?;
    match value {
        "yes" => Ok((condition, true, None)),
        "no" => Ok((condition, false, None)),
        other => {
            let date = other.strip_prefix("stopped:").ok_or_else(bad)?;
            let date = date.parse().map_err(|_| bad())?;
            Ok((condition, true, Some(date)))
        }
    }
}
