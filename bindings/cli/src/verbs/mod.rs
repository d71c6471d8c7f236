//! One file per verb: each reads its options and the clock, asks the core,
//! and hands what it got to `view/` and `text/` to print.

pub mod devices;
pub mod export;
pub mod import;
pub mod report;
pub mod sessions;
pub mod status;

use crate::failure::Failure;

/// Prints `text` to standard output as it is.
pub fn print(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::storage(format!("cannot write to standard output: {e}")))
}
