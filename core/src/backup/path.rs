//! The JSON path of the place where reading a backup failed, found again
//! from the error's line and column.
//!
//! serde_json says where in the text it stopped, not where in the document:
//! this module walks the text up to that point, keeping the stack of objects
//! and arrays open there, with the key or index being read in each. Done
//! only once parsing has failed, it saves tracking the path through every
//! field of every parse (serde_path_to_error did that, for some 115 KB of
//! the mobile library). For a value of the wrong type or out of range, an
//! unknown, missing or repeated field, the path is the one serde_path_to_error
//! gave (core/tests/backup_paths.rs compares the two); for text that is not
//! JSON, it is the value or container being read where the text goes wrong,
//! and the line and column in the reason say exactly where.

use serde_json::error::Category;

/// What is open at one level of the document.
enum Frame {
    /// An object, with the key last read and whether its value has begun
    /// (the `:` was read).
    Object { key: Option<String>, in_value: bool },
    /// An array, with the index of the current element and whether that
    /// element has begun.
    Array { index: usize, begun: bool },
}

/// The path (`$.sessions[3].versions[0].pain`) of the value `error` was
/// raised for, while parsing `text`.
pub(super) fn path_of(text: &str, error: &serde_json::Error) -> String {
    let frames = open_at(text, offset_of(text, error.line(), error.column()));
    // A data error is about the value being read, or, for a repeated field,
    // about the object whose key was just read. (A missing field is found
    // at the object's closing brace: that object is the value being read.)
    let data = error.classify() == Category::Data;
    let about_object = data && error.to_string().starts_with("duplicate field");
    let mut path = String::from("$");
    let innermost = frames.len().saturating_sub(1);
    for (depth, frame) in frames.iter().enumerate() {
        // Where a data error was raised, the key or index read last counts
        // even if its value has not begun; elsewhere only a begun value does.
        let raised_here = data && depth == innermost;
        match frame {
            Frame::Object {
                key: Some(key),
                in_value,
            } if (raised_here && !about_object) || (!raised_here && *in_value) => {
                path.push('.');
                path.push_str(key);
            }
            Frame::Array { index, begun } if raised_here || *begun => {
                path.push_str(&format!("[{index}]"));
            }
            _ => {}
        }
    }
    path
}

/// The byte offset of `line` (from 1) and `column` (bytes into the line,
/// as serde_json counts them for text in memory).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    line_start.saturating_add(column).min(text.len())
}

/// The objects and arrays open after reading `text[..end]`.
fn open_at(text: &str, end: usize) -> Vec<Frame> {
    let bytes = text.as_bytes().get(..end).unwrap_or_default();
    let mut frames = Vec::new();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'{' => {
                begin_value(&mut frames);
                frames.push(Frame::Object {
                    key: None,
                    in_value: false,
                });
            }
            b'[' => {
                begin_value(&mut frames);
                frames.push(Frame::Array {
                    index: 0,
                    begun: false,
                });
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { key, in_value }) => (*key, *in_value) = (None, false),
                Some(Frame::Array { index, begun }) => (*index, *begun) = (*index + 1, false),
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = frames.last_mut() {
                    *in_value = true;
                }
            }
            b'"' => {
                let Some(close) = closing_quote(bytes, at) else {
                    begin_value(&mut frames);
                    break;
                };
                match frames.last_mut() {
                    Some(Frame::Object {
                        key,
                        in_value: false,
                    }) => {
                        *key = text
                            .get(at..=close)
                            .and_then(|quoted| serde_json::from_str(quoted).ok());
                    }
                    _ => begin_value(&mut frames),
                }
                at = close;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => begin_value(&mut frames),
        }
        at += 1;
    }
    frames
}

/// Marks the element of the innermost array, if that is what is open, as
/// begun.
fn begin_value(frames: &mut [Frame]) {
    if let Some(Frame::Array { begun, .. }) = frames.last_mut() {
        *begun = true;
    }
}

/// The index of the quote that closes the string opened at `open`, if it is
/// in `bytes`.
fn closing_quote(bytes: &[u8], open: usize) -> Option<usize> {
    let mut at = open + 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\\' => at += 2,
            b'"' => return Some(at),
            _ => at += 1,
        }
    }
    None
}
