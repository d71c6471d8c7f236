//! Sealing an export with a passphrase, for sending it by email.
//!
//! The sealed file is a standard age file (age-encryption.org/v1, scrypt
//! passphrase recipient), so whoever receives it can open it with the `age`
//! or `rage` command-line tools and the passphrase the user tells them by
//! another channel, as well as with RollSafe itself. Files armored as text
//! (`age -a`) open too, and [`is_sealed`] tells a sealed file by its bytes,
//! whatever it is named. Sealing is random (a
//! fresh file key each time); opening checks every byte: a wrong passphrase
//! and a changed file are told apart and nothing is returned.

use std::io::{Read, Write};

use age::secrecy::SecretString;

use crate::error::{Error, Result};

/// How a binary age file (format v1) starts: its header's first line.
pub const BINARY_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// How an age file armored as text starts (then a line break).
pub const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// True when `bytes` is an age file, binary (it starts with
/// [`BINARY_HEADER`]) or armored ([`ARMOR_BEGIN`] and a line break): what
/// [`seal`] makes and [`open`] takes, whatever the file is named. It looks
/// at the first line only; [`open`] checks every byte.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(BINARY_HEADER)
        || bytes
            .strip_prefix(ARMOR_BEGIN)
            .is_some_and(|rest| rest.starts_with(b"\n") || rest.starts_with(b"\r\n"))
}

/// The shortest passphrase accepted: sealed files travel by email, so the
/// passphrase is all that protects them.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// scrypt's work factor when sealing (2^16: 64 MiB and well under a second
/// on a phone).
const SEAL_LOG_N: u8 = 16;

/// The highest work factor accepted when opening: enough for files sealed
/// by the `age` tool on a fast computer, bounded so a hostile file cannot
/// make the phone work for minutes.
const MAX_OPEN_LOG_N: u8 = 20;

fn passphrase(text: &str) -> Result<SecretString> {
    if text.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            "passphrase",
            format!("needs at least {MIN_PASSPHRASE_CHARS} characters"),
        ));
    }
    Ok(SecretString::from(text.to_owned()))
}

fn sealing_failed(e: impl std::fmt::Display) -> Error {
    Error::Inconsistent(format!("sealing failed: {e}"))
}

/// Seals `bytes` (a PDF, a FHIR bundle, a backup) with `passphrase`.
pub fn seal(bytes: &[u8], passphrase_text: &str) -> Result<Vec<u8>> {
    let mut recipient = age::scrypt::Recipient::new(passphrase(passphrase_text)?);
    recipient.set_work_factor(SEAL_LOG_N);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(sealing_failed)?;
    let mut sealed = Vec::with_capacity(bytes.len() + 256);
    let mut writer = encryptor.wrap_output(&mut sealed).map_err(sealing_failed)?;
    writer.write_all(bytes).map_err(sealing_failed)?;
    writer.finish().map_err(sealing_failed)?;
    Ok(sealed)
}

/// Opens a file sealed with `passphrase`. A wrong passphrase, or a file
/// changed after it was sealed, is refused as [`Error::BadDocument`] saying
/// which, and nothing of the contents is returned.
pub fn open(sealed: &[u8], passphrase_text: &str) -> Result<Vec<u8>> {
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase_text.to_owned()));
    identity.set_max_work_factor(MAX_OPEN_LOG_N);
    // Any version's header, so that a newer age file is told apart.
    if !sealed.starts_with(b"age-encryption.org/") && !is_sealed(sealed) {
        return Err(Error::bad_document(
            "$",
            "is not a sealed RollSafe export (age file)",
        ));
    }
    let decryptor =
        age::Decryptor::new_buffered(age::armor::ArmoredReader::new(sealed)).map_err(refused)?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(refused)?;
    let mut opened = Vec::new();
    reader.read_to_end(&mut opened).map_err(|_| changed())?;
    Ok(opened)
}

fn changed() -> Error {
    Error::bad_document(
        "$",
        "was changed or damaged after it was sealed; nothing was opened",
    )
}

fn refused(error: age::DecryptError) -> Error {
    use age::DecryptError as E;
    match error {
        // scrypt cannot tell a wrong passphrase from a changed key stanza.
        E::NoMatchingKeys | E::KeyDecryptionFailed | E::DecryptionFailed => Error::bad_document(
            "$",
            "the passphrase does not open this file (if it is the right one, the file was changed)",
        ),
        E::ExcessiveWork { .. } => Error::bad_document(
            "$",
            "was sealed with more work than a phone should spend opening it",
        ),
        E::UnknownFormat => {
            Error::bad_document("$", "is a newer kind of age file than RollSafe opens")
        }
        _ => changed(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASS: &str = "correct horse battery";

    fn reason(e: Error) -> String {
        match e {
            Error::BadDocument { reason, .. } | Error::InvalidInput { reason, .. } => reason,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn what_is_sealed_opens_with_its_passphrase_only() {
        let text = "σημείωση · заметка · note".as_bytes();
        let sealed = seal(text, PASS).unwrap();
        assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
        assert!(!sealed.windows(text.len()).any(|w| w == text));
        assert_eq!(open(&sealed, PASS).unwrap(), text);
        assert!(reason(open(&sealed, "wrong horse battery").unwrap_err()).contains("passphrase"));
        assert_ne!(
            seal(text, PASS).unwrap(),
            sealed,
            "each seal uses a fresh key"
        );
    }

    #[test]
    fn a_changed_file_is_refused_whatever_byte_changed() {
        let sealed = seal(&[7_u8; 5_000], PASS).unwrap();
        for at in [30, sealed.len() / 2, sealed.len() - 1] {
            let mut tampered = sealed.clone();
            tampered[at] ^= 0x01;
            assert!(
                open(&tampered, PASS).is_err(),
                "a flip at byte {at} was not noticed"
            );
        }
        let truncated = &sealed[..sealed.len() - 10];
        assert!(reason(open(truncated, PASS).unwrap_err()).contains("changed or damaged"));
        assert!(reason(open(b"not sealed", PASS).unwrap_err()).contains("age file"));
    }

    /// What `age -a` writes: the same file, armored as text.
    fn armored(bytes: &[u8]) -> Vec<u8> {
        use age::armor::{ArmoredWriter, Format};
        let mut recipient = age::scrypt::Recipient::new(SecretString::from(PASS.to_owned()));
        recipient.set_work_factor(SEAL_LOG_N);
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .unwrap();
        let mut out = Vec::new();
        let armor = ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).unwrap();
        let mut writer = encryptor.wrap_output(armor).unwrap();
        writer.write_all(bytes).unwrap();
        writer.finish().unwrap().finish().unwrap();
        out
    }

    #[test]
    fn an_armored_age_file_opens_too() {
        let sealed = armored(b"backup");
        assert!(sealed.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
        assert_eq!(open(&sealed, PASS).unwrap(), b"backup");
        assert!(reason(open(&sealed, "wrong horse battery").unwrap_err()).contains("passphrase"));
    }

    #[test]
    fn sealed_files_are_told_by_their_first_line() {
        assert!(is_sealed(&seal(b"x", PASS).unwrap()));
        assert!(is_sealed(&armored(b"x")));
        assert!(is_sealed(b"age-encryption.org/v1\n"));
        assert!(is_sealed(b"-----BEGIN AGE ENCRYPTED FILE-----\r\nYWdl"));
        for near_miss in [
            &b""[..],
            b"age-encryption.org/v1",
            b"age-encryption.org/v2\n",
            b"age-encryption.org/\n",
            b"AGE-ENCRYPTION.ORG/v1\n",
            b" age-encryption.org/v1\n",
            b"\xEF\xBB\xBFage-encryption.org/v1\n",
            b"-----BEGIN AGE ENCRYPTED FILE-----",
            b"-----BEGIN AGE ENCRYPTED FILE----\n",
            b"-----begin age encrypted file-----\n",
            b"-----BEGIN AGE ENCRYPTED FILE----- \n",
            b"{\"format\": \"rollsafe-backup\"}",
            b"%PDF-1.7",
        ] {
            assert!(
                !is_sealed(near_miss),
                "{:?}",
                String::from_utf8_lossy(near_miss)
            );
        }
    }

    #[test]
    fn a_short_passphrase_is_refused() {
        assert!(reason(seal(b"x", "short").unwrap_err()).contains("at least"));
    }
}
