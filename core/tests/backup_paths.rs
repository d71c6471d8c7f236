//! A refused backup names the path of the bad value exactly as it did when
//! serde_path_to_error tracked the path through every parse: the document of
//! tests/exports is broken in every place, every way, and both paths are
//! compared.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use rollsafe_core::Error;
use rollsafe_core::export::backup::document::BackupDocument;
use rollsafe_core::export::backup::parse;
use serde_json::error::Category;
use serde_json::{Value, json};

/// The path serde_path_to_error gives for `text`, built the way RollSafe
/// built it (but `$` for the root, which it wrote `$..`), with the error's
/// category; `None` if the text parses.
fn tracked(text: &str) -> Option<(String, Category)> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed: Result<BackupDocument, _> = serde_path_to_error::deserialize(&mut deserializer);
    let error = parsed.err()?;
    let path = format!("$.{}", error.path())
        .replace("$..", "$")
        .replace("$.?", "$")
        .replace(".[", "[");
    Some((path, error.inner().classify()))
}

/// The path the import names for `text`; `None` if the text parses.
fn named(text: &str) -> Option<String> {
    match parse(text.as_bytes()) {
        Ok(_) => None,
        Err(Error::BadDocument { path, .. }) => Some(path),
        Err(other) => panic!("expected BadDocument, got {other:?}"),
    }
}

fn fixture() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/exports/input.backup.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The JSON pointer of every value in `doc`.
fn pointers(doc: &Value, at: String, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// `doc` with the value at `pointer` edited, written pretty (errors on later
/// lines) or compact (everything on line 1).
fn edited(doc: &Value, pointer: &str, pretty: bool, edit: impl Fn(&mut Value)) -> String {
    let mut doc = doc.clone();
    edit(doc.pointer_mut(pointer).unwrap());
    if pretty {
        serde_json::to_string_pretty(&doc).unwrap()
    } else {
        serde_json::to_string(&doc).unwrap()
    }
}

/// Every value replaced by values of other types and out of range, every
/// object given an unknown field and deprived of each of its fields, and
/// some fields repeated.
fn broken_documents() -> Vec<String> {
    let doc = fixture();
    let mut all = Vec::new();
    pointers(&doc, String::new(), &mut all);
    let replacements = [
        json!("a private note"),
        json!(300),
        json!(-1),
        json!(1.5),
        json!(null),
        json!(true),
        json!({}),
        json!([]),
        json!(["x"]),
        json!([{}]),
        json!({"x": 1}),
    ];
    let mut texts = Vec::new();
    for pointer in &all {
        for (n, replacement) in replacements.iter().enumerate() {
            texts.push(edited(&doc, pointer, n % 2 == 0, |v| {
                *v = replacement.clone();
            }));
        }
        texts.push(edited(&doc, pointer, true, |v| {
            if let Value::Object(map) = v {
                map.insert("surprise".into(), json!(true));
            }
        }));
        if let Some(Value::Object(map)) = doc.pointer(pointer) {
            for key in map.keys() {
                texts.push(edited(&doc, pointer, false, |v| {
                    v.as_object_mut().unwrap().remove(key);
                }));
            }
        }
    }
    let pretty = serde_json::to_string_pretty(&doc).unwrap();
    for key in ["\"format\": ", "\"pain\": ", "\"zones\": ", "\"code\": "] {
        let at = pretty.find(key).unwrap();
        let line = pretty[at..].lines().next().unwrap();
        let mut text = pretty.clone();
        text.insert_str(at, &format!("{},", line.trim_end_matches(',')));
        texts.push(text);
    }
    texts
}

#[test]
fn a_bad_value_is_named_by_the_path_serde_path_to_error_gave() {
    let mut data_errors = 0;
    let mut wrong = Vec::new();
    for text in broken_documents() {
        let (old, new) = (tracked(&text), named(&text));
        assert_eq!(old.is_some(), new.is_some(), "{text}");
        if let (Some((old, Category::Data)), Some(new)) = (old, new) {
            data_errors += 1;
            if new != old {
                let error = serde_json::from_str::<BackupDocument>(&text).unwrap_err();
                wrong.push(format!("{error}: {new} instead of {old}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong paths, such as {:#?}",
        wrong.len(),
        &wrong[..wrong.len().min(8)]
    );
    assert!(data_errors > 1000, "only {data_errors} data errors tried");
}

#[test]
fn text_that_stops_being_json_is_named_by_where_it_stops() {
    let text = serde_json::to_string_pretty(&fixture()).unwrap();
    for end in (1..text.len())
        .step_by(7)
        .filter(|&end| text.is_char_boundary(end))
    {
        let cut = &text[..end];
        let (old, _) = tracked(cut).unwrap();
        let new = named(cut).unwrap();
        // serde_path_to_error wrote `?` for a key not read yet; the path
        // named now stops at the object instead, or names the key.
        let old = old.trim_end_matches(".?");
        assert!(
            new.starts_with(old) || old.starts_with(&new),
            "{new} / {old}: {cut}"
        );
    }
}
