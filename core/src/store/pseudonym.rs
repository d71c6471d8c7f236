//! The log's pseudonym key: 32 random bytes, made once when the schema is
//! created or upgraded (schema v5), from which a pseudonymous export derives
//! the names of its resources.
//!
//! Only the exports read it, through [`Snapshot::pseudonym_key`]; only a
//! restore into a log without records replaces it, so that the restored log
//! names its pseudonymous exports as the original did.

use rusqlite::Connection;

use super::Snapshot;
use super::conn_ext::ConnExt;
use crate::error::{Error, Result};

/// The length of the key, in bytes.
pub(crate) const KEY_BYTES: usize = 32;

/// The key, or `None` in a file that somehow lacks its row.
pub(super) fn key(conn: &Connection) -> Result<Option<[u8; KEY_BYTES]>> {
    let stored: Option<Vec<u8>> =
        conn.query_optional("SELECT key FROM pseudonym_key WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    stored
        .map(|bytes| {
            <[u8; KEY_BYTES]>::try_from(bytes.as_slice())
                .map_err(|_| Error::Inconsistent("the pseudonym key is not 32 bytes long".into()))
        })
        .transpose()
}

/// Puts `key` in place of the log's key.
pub(super) fn replace(conn: &Connection, key: &[u8; KEY_BYTES]) -> Result<()> {
    conn.execute(
        "INSERT INTO pseudonym_key (id, key) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET key = ?1",
        [key.as_slice()],
    )?;
    Ok(())
}

/// The key as 64 lowercase hexadecimal digits, as the backup writes it.
pub(super) fn to_hex(key: &[u8; KEY_BYTES]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(KEY_BYTES * 2);
    for byte in key {
        for nibble in [byte >> 4, byte & 0x0f] {
            if let Some(&digit) = DIGITS.get(usize::from(nibble)) {
                text.push(char::from(digit));
            }
        }
    }
    text
}

/// Reads a key written by [`to_hex`]; anything else is refused at `path`.
pub(super) fn from_hex(path: &str, text: &str) -> Result<[u8; KEY_BYTES]> {
    let refused = || Error::bad_document(path, "must be 64 hexadecimal digits");
    let digits = text.as_bytes();
    if digits.len() != KEY_BYTES * 2 || !digits.iter().all(u8::is_ascii_hexdigit) {
        return Err(refused());
    }
    let mut key = [0_u8; KEY_BYTES];
    for (byte, pair) in key.iter_mut().zip(digits.chunks_exact(2)) {
        let pair = std::str::from_utf8(pair).map_err(|_| refused())?;
        *byte = u8::from_str_radix(pair, 16).map_err(|_| refused())?;
    }
    Ok(key)
}

impl Snapshot<'_> {
    /// The key a pseudonymous export names its resources with.
    pub(crate) fn pseudonym_key(&self) -> Result<[u8; KEY_BYTES]> {
        key(self.conn)?.ok_or_else(|| Error::Inconsistent("the log has no pseudonym key".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_what_is_not_a_key() {
        let key: [u8; KEY_BYTES] = std::array::from_fn(|i| (i * 37) as u8);
        let text = to_hex(&key);
        assert_eq!(text.len(), 64);
        assert_eq!(from_hex("$.k", &text).unwrap(), key);
        let (g, short, signed) = ("g".repeat(64), "0".repeat(63), "+1".repeat(32));
        for bad in ["", "00", g.as_str(), short.as_str(), signed.as_str()] {
            assert!(
                matches!(from_hex("$.k", bad), Err(Error::BadDocument { .. })),
                "{bad:?}"
            );
        }
    }
}
