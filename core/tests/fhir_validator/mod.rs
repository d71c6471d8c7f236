//! Runs a FHIR bundle through both real FHIR implementations the tests use:
//! `tests/fhir/validate.py` under fhir.resources 8.x (its R4B models, FHIR
//! 4.3.0) and under fhir.resources 6.4.0 (FHIR R4 itself, 4.0.1), from the
//! venvs `tests/setup/fhir-validator.sh` installs (which `tests/run` calls
//! first). A missing validator fails the test: set ROLLSAFE_FHIR_PYTHON and
//! ROLLSAFE_FHIR_R4_PYTHON, or run the setup script.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Each validator: its models, the variable naming its python, and its venv
/// under the cache.
const VALIDATORS: [(&str, &str, &str); 2] = [
    ("R4B 4.3.0", "ROLLSAFE_FHIR_PYTHON", "fhir-venv"),
    ("R4 4.0.1", "ROLLSAFE_FHIR_R4_PYTHON", "fhir-r4-venv"),
];

/// What one validator said of a bundle.
pub struct Verdict {
    /// Which models judged it.
    pub models: &'static str,
    /// True when it accepted the bundle.
    pub valid: bool,
    /// Its stdout and stderr: the verdict line and every problem.
    pub text: String,
}

fn python(variable: &str, venv: &str) -> PathBuf {
    if let Some(python) = std::env::var_os(variable) {
        return PathBuf::from(python);
    }
    let cache = std::env::var_os("ROLLSAFE_CACHE").map_or_else(
        || PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cache/rollsafe"),
        PathBuf::from,
    );
    cache.join(venv).join("bin/python")
}

/// Runs both validators on `json`.
pub fn validate(json: &str) -> Vec<Verdict> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bundle.json");
    std::fs::write(&file, json).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fhir/validate.py");
    VALIDATORS
        .iter()
        .map(|(models, variable, venv)| {
            let python = python(variable, venv);
            assert!(
                python.exists(),
                "the FHIR validator for {models} is not installed at {}: run tests/setup/fhir-validator.sh (tests/run does)",
                python.display()
            );
            let output = Command::new(&python)
                .arg(&script)
                .arg(&file)
                .output()
                .unwrap();
            Verdict {
                models,
                valid: output.status.success(),
                text: format!(
                    "{}{}",
                    String::from_utf8_lossy(&output.stdout),
                    String::from_utf8_lossy(&output.stderr)
                ),
            }
        })
        .collect()
}

/// Fails unless both validators accept `json`; prints both verdicts.
pub fn assert_valid(json: &str) {
    let verdicts = validate(json);
    for verdict in &verdicts {
        eprint!("{}: {}", verdict.models, verdict.text);
    }
    for verdict in &verdicts {
        assert!(
            verdict.valid,
            "the FHIR validator ({}) rejected the bundle:\n{}",
            verdict.models, verdict.text
        );
    }
}
