//! `rollsafe device add|edit|head|bent|retire`: one core call each, then
//! the device as the core now sees it.

use rollsafe_core::{Changed, Device, NewDevice, Store};

use crate::args::actions::{DeviceAddArgs, DeviceCommand, DeviceEditArgs, DeviceRefArgs};
use crate::failure::Failure;
use crate::text;
use crate::view::actions::DeviceChangedView;
use crate::view::device::DeviceView;

use super::{alerts, lookup, open, show};

/// Runs `rollsafe device ...`.
pub fn run(command: &DeviceCommand, json: bool) -> Result<(), Failure> {
    match command {
        DeviceCommand::Add(args) => add(args, json),
        DeviceCommand::Edit(args) => edit(args, json),
        DeviceCommand::Head(args) => {
            let (store, now) = open(&args.device.change)?;
            let device = lookup::device(&store, &args.device.device)?;
            let at = args.at.at.unwrap_or(now);
            let changed = store.record_head_change(device.id, at, now)?;
            done(
                &store,
                &changed,
                now,
                json,
                "device_head",
                "New head recorded",
            )
        }
        DeviceCommand::Bent(args) => {
            let (store, device, now) = target(args)?;
            let changed = store.flag_device_damaged(device.id, now)?;
            done(
                &store,
                &changed,
                now,
                json,
                "device_bent",
                "Flagged as damaged",
            )
        }
        DeviceCommand::Retire(args) => {
            let (store, device, now) = target(&args.device)?;
            let changed = store.retire_device(device.id, &args.reason, now)?;
            done(&store, &changed, now, json, "device_retire", "Retired")
        }
    }
}

fn target(args: &DeviceRefArgs) -> Result<(Store, Device, rollsafe_core::Moment), Failure> {
    let (store, now) = open(&args.change)?;
    let device = lookup::device(&store, &args.device)?;
    Ok((store, device, now))
}

fn add(args: &DeviceAddArgs, json: bool) -> Result<(), Failure> {
    let (store, now) = open(&args.change)?;
    let new = NewDevice {
        kind: args.kind,
        needle_length_mm: args.needle,
        needle_length_max_mm: args.needle_max,
        needle_count: args.needles,
        material: args.material,
        nickname: args.nickname.clone(),
        brand: args.brand.clone(),
        first_use_date: args.first_use,
        shared: args.shared,
    };
    let changed = store.add_device(new, now)?;
    done(&store, &changed, now, json, "device_add", "Device added")
}

/// Each option given is one core call, in a fixed order; none given is a
/// usage error rather than a silent success.
fn edit(args: &DeviceEditArgs, json: bool) -> Result<(), Failure> {
    if args.shared.is_none() && args.max_uses.is_none() && args.max_days.is_none() {
        return Err(Failure::input(
            "nothing to change: give --shared, --max-uses or --max-days",
        ));
    }
    let (store, device, now) = target(&args.device)?;
    let mut raised = Vec::new();
    if let Some(shared) = args.shared {
        raised.extend(
            store
                .set_device_shared(device.id, shared.yes(), now)?
                .alerts,
        );
    }
    if args.max_uses.is_some() || args.max_days.is_some() {
        let keep = |given: Option<u32>, current: Option<u32>| match given {
            Some(0) => None,
            Some(n) => Some(n),
            None => current,
        };
        let changed = store.set_replacement_limits(
            device.id,
            keep(args.max_uses, device.replace_after_uses),
            keep(args.max_days, device.replace_after_days),
            now,
        )?;
        raised.extend(changed.alerts);
    }
    let changed = Changed {
        value: store.device(device.id)?,
        alerts: raised,
    };
    done(&store, &changed, now, json, "device_edit", "Device changed")
}

/// Shows the device after a change, as of `now`.
fn done(
    store: &Store,
    changed: &Changed<Device>,
    now: rollsafe_core::Moment,
    json: bool,
    output: &'static str,
    what: &str,
) -> Result<(), Failure> {
    let view = DeviceChangedView {
        device: DeviceView::new(&store.device_overview(changed.value.id, now)?, &now),
        alerts: alerts(&changed.alerts),
    };
    show(json, output, &view, |v| text::actions::device(v, what))
}
