//! `--seal` and sealed backups: the passphrase comes from the environment,
//! never from the command line (where every user of the machine can read it
//! in the process list); the sealing itself is the core's (an age file).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rollsafe_core::export::seal;
use rollsafe_core::export::share::SEALED_SUFFIX;

use crate::failure::Failure;

/// The environment variable holding the passphrase.
pub const PASSPHRASE_VAR: &str = "ROLLSAFE_PASSPHRASE";

/// The passphrase in [`PASSPHRASE_VAR`]; `why` says what needs it when it
/// is not set.
pub fn passphrase(why: &str) -> Result<String, Failure> {
    match std::env::var(PASSPHRASE_VAR) {
        Ok(text) if !text.is_empty() => Ok(text),
        Ok(_) | Err(std::env::VarError::NotPresent) => Err(Failure::input(format!(
            "{why} needs a passphrase: set the environment variable {PASSPHRASE_VAR} (at least {} characters; it is never read from the command line)",
            seal::MIN_PASSPHRASE_CHARS
        ))),
        Err(std::env::VarError::NotUnicode(_)) => Err(Failure::input(format!(
            "{PASSPHRASE_VAR} is not valid UTF-8"
        ))),
    }
}

/// The passphrase when `--seal` was given, `None` otherwise; `--seal`
/// without `--out` is refused, as sealed bytes do not belong on a terminal.
pub fn for_output(seal: bool, out: Option<&Path>) -> Result<Option<String>, Failure> {
    if !seal {
        return Ok(None);
    }
    if out.is_none() {
        return Err(Failure::input(
            "--seal writes a binary file: give --out PATH (or --out - for standard output)",
        )
        .at_field("out"));
    }
    passphrase("--seal").map(Some)
}

/// The bytes to write at `path`: as they are, or sealed with `passphrase`
/// and written with `.age` added to the name (unless it already ends so).
pub fn prepare<'a>(
    path: &Path,
    bytes: &'a [u8],
    passphrase: Option<&str>,
) -> Result<(PathBuf, Cow<'a, [u8]>), Failure> {
    match passphrase {
        None => Ok((path.to_path_buf(), Cow::Borrowed(bytes))),
        Some(passphrase) => {
            let sealed = seal::seal(bytes, passphrase)
                .map_err(|e| Failure::from(e).with_context(&format!("{PASSPHRASE_VAR}: ")))?;
            Ok((sealed_path(path), Cow::Owned(sealed)))
        }
    }
}

/// `path` with the core's sealed suffix (`.age`) added, unless its name
/// already ends so.
fn sealed_path(path: &Path) -> PathBuf {
    let extension = SEALED_SUFFIX.trim_start_matches('.');
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        return path.to_path_buf();
    }
    let mut name = path.as_os_str().to_owned();
    name.push(SEALED_SUFFIX);
    PathBuf::from(name)
}

/// Opens the sealed `bytes` read from `file` with the passphrase in the
/// environment.
pub fn open(bytes: &[u8], file: &Path) -> Result<Vec<u8>, Failure> {
    let passphrase = passphrase(&format!("{} is sealed; opening it", file.display()))?;
    seal::open(bytes, &passphrase).map_err(|e| {
        let reason = match &e {
            rollsafe_core::Error::BadDocument { reason, .. } => reason.clone(),
            other => other.to_string(),
        };
        Failure::from(e).replaced(format!(
            "{}: cannot open the sealed file: {reason}; nothing was imported",
            file.display()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_is_added_once() {
        assert_eq!(
            sealed_path(Path::new("a/report.pdf")),
            Path::new("a/report.pdf.age")
        );
        assert_eq!(
            sealed_path(Path::new("backup.AGE")),
            Path::new("backup.AGE")
        );
    }
}
