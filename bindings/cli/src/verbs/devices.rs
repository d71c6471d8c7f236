//! `rollsafe devices`: every device with what the log says about it.

use rollsafe_core::{Moment, Store};

use crate::args::ReadArgs;
use crate::failure::Failure;
use crate::view::device::{DeviceView, DevicesView};
use crate::{clock, log_file, paths, text, view};

/// Runs `rollsafe devices`.
pub fn run(args: &ReadArgs, json: bool) -> Result<(), Failure> {
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let now = clock::now_or_clock(args.now.now);
    let devices = fetch(&store, now)?;
    let out = if json {
        view::to_json("devices", &devices)?
    } else {
        text::devices::render(&devices)
    };
    super::print(&out)
}

/// Every device's overview as of `now`, in the core's order.
fn fetch(store: &Store, now: Moment) -> rollsafe_core::Result<DevicesView> {
    let devices = store
        .devices()?
        .iter()
        .map(|device| {
            Ok(DeviceView::new(
                &store.device_overview(device.id, now)?,
                &now,
            ))
        })
        .collect::<rollsafe_core::Result<_>>()?;
    Ok(DevicesView { now, devices })
}
