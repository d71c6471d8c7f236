//! Reading the bytes of a backup into a document, with errors that point at
//! the place in the document and never repeat what it contains.

use serde::Deserialize;

use crate::error::{Error, Result};

use super::document::BackupDocument;
use super::path::path_of;

/// The largest backup accepted: ten years of daily use take about 6 MB.
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

/// Parses `bytes` as a backup document: UTF-8 JSON of the right shape.
/// Values are not checked here beyond their JSON types; the import checks
/// them all before writing.
pub fn parse(bytes: &[u8]) -> Result<BackupDocument> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(Error::bad_document(
            "$",
            format!("is larger than the {MAX_BACKUP_BYTES} bytes a backup may hold"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::bad_document(
            "$",
            format!("is not UTF-8 text (byte {} is invalid)", e.valid_up_to()),
        )
    })?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let document = BackupDocument::deserialize(&mut deserializer)
        .map_err(|e| Error::bad_document(path_of(text, &e), describe(&e)))?;
    deserializer
        .end()
        .map_err(|e| Error::bad_document("$", describe(&e)))?;
    Ok(document)
}

/// Says what is wrong without quoting the document: serde's messages may
/// quote a value, and that value may be the user's note.
fn describe(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let place = format!("line {} column {}", error.line(), error.column());
    match error.classify() {
        Category::Eof => format!("ends too early, at {place}; the file may be truncated"),
        Category::Syntax => format!("is not valid JSON at {place}"),
        Category::Io => "could not be read".to_owned(),
        Category::Data => {
            let message = error.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_owned();
            format!("{} ({place})", without_quoted_values(&message))
        }
    }
}

/// `invalid type: string "my note", expected u8` becomes
/// `invalid type: string, expected u8`; field and code names stay.
fn without_quoted_values(message: &str) -> String {
    if !(message.starts_with("invalid type") || message.starts_with("invalid value")) {
        return message.to_owned();
    }
    let (head, expected) = match message.find(", expected") {
        Some(at) => message.split_at(at),
        None => (message, ""),
    };
    let kind = head.split(['"', '`']).next().unwrap_or_default().trim_end();
    format!("{kind}{expected}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> (String, String) {
        match parse(text.as_bytes()) {
            Err(Error::BadDocument { path, reason }) => (path, reason),
            other => panic!("expected a BadDocument error, got {other:?}"),
        }
    }

    #[test]
    fn junk_truncation_and_bad_utf8_are_named() {
        assert!(error_of("not json").1.contains("not valid JSON"));
        assert!(
            error_of("{\"format\": \"rollsafe-backup\"")
                .1
                .contains("ends too early")
        );
        let bad = parse(&[b'{', 0xff, b'}']).unwrap_err().to_string();
        assert!(bad.contains("not UTF-8"), "{bad}");
    }

    #[test]
    fn a_wrong_type_names_the_path_but_not_the_value() {
        let (path, reason) =
            error_of(r#"{"format": "rollsafe-backup", "version": "secret diary entry"}"#);
        assert_eq!(path, "$.version");
        assert!(reason.contains("invalid type: string"), "{reason}");
        assert!(!reason.contains("secret"), "{reason}");
    }

    #[test]
    fn an_oversized_document_is_refused_before_parsing() {
        let huge = vec![b' '; MAX_BACKUP_BYTES + 1];
        let (path, reason) = match parse(&huge) {
            Err(Error::BadDocument { path, reason }) => (path, reason),
            other => panic!("{other:?}"),
        };
        assert_eq!(path, "$");
        assert!(reason.contains("larger than"), "{reason}");
    }
}
