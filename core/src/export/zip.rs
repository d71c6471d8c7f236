//! A ZIP archive of a few whole files, for the one sealed file that carries
//! the CSV set: a clinic's spreadsheet user opens a ZIP with what every
//! desktop already has, where seven sealed files meant seven passphrases
//! typed.
//!
//! Only what that needs: each file deflated (the CSV text compresses about
//! five times) with its CRC-32, UTF-8 names, one central directory, no
//! ZIP64, no encryption (sealing is age's job), no extra fields. Entries are
//! dated by the export's own moment, so the same log gives the same bytes.
//! The `zip` crate would bring a reader, random numbers, zeroizing and path
//! handling for a writer of eight entries; this writer is checked against
//! Python's `zipfile` and Info-ZIP's `unzip -t` in the tests.
//!
//! Format: PKWARE's APPNOTE.TXT 6.3.10, sections 4.3.7 (local file header),
//! 4.3.12 (central directory header), 4.3.16 (end of central directory) and
//! 4.4.4 (general purpose bit 11: names in UTF-8).

use chrono::{Datelike, NaiveDateTime, Timelike};
use miniz_oxide::deflate::compress_to_vec;

use crate::error::{Error, Result};

/// One file of the archive: its name (no folders) and its bytes.
pub struct Entry<'a> {
    /// The name inside the archive.
    pub name: &'a str,
    /// Its contents.
    pub bytes: &'a [u8],
}

/// Version needed to extract: 2.0, for deflate.
const VERSION: u16 = 20;
/// General purpose flags: bit 11, names in UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
/// Compression method 8: deflate.
const DEFLATE: u16 = 8;

/// The archive of `entries`, each dated `modified` (local wall time).
///
/// Refused, as [`Error::Inconsistent`], only beyond what a ZIP without
/// ZIP64 can hold (4 GiB, 65,535 entries), which a CSV set never nears.
pub fn archive(entries: &[Entry<'_>], modified: NaiveDateTime) -> Result<Vec<u8>> {
    let (time, date) = dos_time(modified);
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for entry in entries {
        let packed = compress_to_vec(entry.bytes, 6);
        let header = Header {
            crc: crc32(entry.bytes),
            packed: size(packed.len())?,
            plain: size(entry.bytes.len())?,
            name: entry.name.as_bytes(),
            time,
            date,
        };
        let offset = size(out.len())?;
        header.local(&mut out)?;
        out.extend_from_slice(&packed);
        header.central(&mut directory, offset)?;
    }
    let count = u16::try_from(entries.len()).map_err(|_| too_large())?;
    let directory_offset = size(out.len())?;
    let directory_size = size(directory.len())?;
    out.extend_from_slice(&directory);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the disk the directory starts on
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, directory_size);
    put32(&mut out, directory_offset);
    put16(&mut out, 0); // no comment
    Ok(out)
}

/// What the local and the central header of an entry share.
struct Header<'a> {
    crc: u32,
    packed: u32,
    plain: u32,
    name: &'a [u8],
    time: u16,
    date: u16,
}

impl Header<'_> {
    /// The fields from "version needed" to the name's length, in both headers.
    fn common(&self, out: &mut Vec<u8>) -> Result<()> {
        put16(out, VERSION);
        put16(out, UTF8_NAMES);
        put16(out, DEFLATE);
        put16(out, self.time);
        put16(out, self.date);
        put32(out, self.crc);
        put32(out, self.packed);
        put32(out, self.plain);
        put16(
            out,
            u16::try_from(self.name.len()).map_err(|_| too_large())?,
        );
        put16(out, 0); // no extra field
        Ok(())
    }

    fn local(&self, out: &mut Vec<u8>) -> Result<()> {
        put32(out, 0x0403_4b50);
        self.common(out)?;
        out.extend_from_slice(self.name);
        Ok(())
    }

    fn central(&self, out: &mut Vec<u8>, offset: u32) -> Result<()> {
        put32(out, 0x0201_4b50);
        put16(out, VERSION); // made by: MS-DOS attributes, version 2.0
        self.common(out)?;
        put16(out, 0); // no comment
        put16(out, 0); // on disk 0
        put16(out, 0); // internal attributes
        put32(out, 0); // external attributes
        put32(out, offset);
        out.extend_from_slice(self.name);
        Ok(())
    }
}

/// MS-DOS time and date, to two seconds; years before 1980 (which a log
/// never holds) are clamped to it.
fn dos_time(at: NaiveDateTime) -> (u16, u16) {
    let bits = |value: u32, width: u32| (value & ((1 << width) - 1)) as u16;
    let time = bits(at.hour(), 5) << 11 | bits(at.minute(), 6) << 5 | bits(at.second() / 2, 5);
    let years = u32::try_from(at.year() - 1980).unwrap_or(0).min(127);
    let date = bits(years, 7) << 9 | bits(at.month(), 4) << 5 | bits(at.day(), 5);
    (time, date)
}

/// The CRC-32 of ZIP (ISO 3309, reflected, polynomial 0xEDB88320).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0_u32;
    for &byte in bytes {
        let index = usize::from((crc as u8) ^ byte);
        crc = CRC_TABLE.get(index).copied().unwrap_or(0) ^ (crc >> 8);
    }
    !crc
}

/// The CRC of each byte value, built at compile time.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated by the compiler: an index out of range would fail the build, never run"
)]
const CRC_TABLE: [u32; 256] = {
    let mut table = [0_u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

fn size(n: usize) -> Result<u32> {
    u32::try_from(n).map_err(|_| too_large())
}

fn too_large() -> Error {
    Error::Inconsistent("the files are too large for a ZIP archive without ZIP64".into())
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn the_crc_is_zips() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn dos_time_keeps_two_second_steps_and_the_day() {
        let (time, date) = dos_time(at("2026-03-12 10:41:37"));
        assert_eq!(time, 10 << 11 | 41 << 5 | 18);
        assert_eq!(date, 46 << 9 | 3 << 5 | 12);
    }

    /// Python's zipfile reads the names, dates and contents back and checks
    /// every CRC; Info-ZIP's unzip tests the archive too, when installed.
    #[test]
    fn python_and_unzip_read_it_back_whole() {
        let text = "id,note\n1,\"Привет, «quoted»\"\n".repeat(200);
        let entries = [
            Entry {
                name: "sessions.csv",
                bytes: text.as_bytes(),
            },
            Entry {
                name: "données.csv",
                bytes: b"",
            },
        ];
        let bytes = archive(&entries, at("2026-03-12 10:41:37")).unwrap();
        assert!(bytes.len() < text.len() / 3, "deflated: {}", bytes.len());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("csv.zip");
        std::fs::write(&path, &bytes).unwrap();
        let script = "import sys, zipfile\n\
            z = zipfile.ZipFile(sys.argv[1])\n\
            assert z.testzip() is None\n\
            for i in z.infolist():\n    print(i.filename, i.date_time, len(z.read(i)))\n";
        let out = Command::new("python3")
            .args(["-c", script])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!(
                "sessions.csv (2026, 3, 12, 10, 41, 36) {}\ndonnées.csv (2026, 3, 12, 10, 41, 36) 0\n",
                text.len()
            )
        );
        if let Ok(out) = Command::new("unzip").arg("-tq").arg(&path).output() {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
    }
}
