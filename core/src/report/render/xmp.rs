//! The report's XMP metadata stream: the title, language, tool and dates
//! the document information dictionary also carries, in the form archives
//! (PDF/A) and catalogues read. Dated by the report's moment, never the
//! clock. It claims no PDF/A conformance: no validator checks it here.

use chrono::{Datelike, Timelike};
use xmp_writer::{DateTime, LangId, Timezone, XmpWriter};

use crate::time::Moment;

/// The program that made the PDF, as the metadata names it.
pub(crate) const CREATOR: &str = "RollSafe";

/// The library that wrote the PDF.
pub(crate) const PRODUCER: &str = "RollSafe core (pdf-writer)";

/// The XMP packet of a report titled `title`, in `lang`, made at `now`.
pub(crate) fn packet(title: &str, lang: &str, now: &Moment) -> String {
    let mut xmp = XmpWriter::new();
    xmp.format("application/pdf");
    xmp.title([(None, title)]);
    xmp.language([LangId(lang)]);
    xmp.creator_tool(CREATOR);
    xmp.producer(PRODUCER);
    xmp.create_date(date(now));
    xmp.modify_date(date(now));
    xmp.metadata_date(date(now));
    xmp.finish(None)
}

fn date(now: &Moment) -> DateTime {
    let offset_minutes = now.offset().local_minus_utc() / 60;
    let byte = |v: u32| u8::try_from(v).unwrap_or(0);
    DateTime::new(
        u16::try_from(now.year()).unwrap_or(2000),
        byte(now.month()),
        byte(now.day()),
        byte(now.hour()),
        byte(now.minute()),
        byte(now.second()),
        Timezone::Local {
            hour: i8::try_from(offset_minutes / 60).unwrap_or(0),
            minute: i8::try_from((offset_minutes % 60).abs()).unwrap_or(0),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_carry_the_moment_and_its_offset() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-20T09:05:00-03:30").unwrap();
        let xmp = packet("A & B", "en", &now);
        assert!(
            xmp.contains("<xmp:CreateDate>2026-03-20T09:05:00-03:30</xmp:CreateDate>"),
            "{xmp}"
        );
        assert!(xmp.contains("A &amp; B"), "{xmp}");
        assert!(!xmp.contains("pdfaid"), "{xmp}");
    }
}
