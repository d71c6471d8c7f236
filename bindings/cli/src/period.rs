//! The period options, checked by the core.

use rollsafe_core::export::Period;

use crate::args::PeriodArgs;
use crate::failure::Failure;

/// The period `--from` and `--to` chose; `None` when neither was given.
/// A missing end is the start or the end of the log; the core checks the
/// rest (order, plausible years) and names the field it refuses.
pub fn chosen(args: &PeriodArgs) -> Result<Option<Period>, Failure> {
    if args.from.is_none() && args.to.is_none() {
        return Ok(None);
    }
    let all = Period::everything();
    let period = Period::new(
        args.from.unwrap_or_else(|| all.from()),
        args.to.unwrap_or_else(|| all.to()),
    )?;
    Ok(Some(period))
}
