//! A failure as JSON, for `--json`: printed on standard error so a script
//! reading standard output never mistakes it for an answer.

use serde::Serialize;

use super::safety::FindingView;
use crate::failure::Failure;

/// What went wrong.
#[derive(Debug, Serialize)]
pub struct ErrorView {
    /// The failure.
    pub error: ErrorBody,
}

/// The failure's code, field, message and exit status.
#[derive(Debug, Serialize)]
pub struct ErrorBody {
    /// Its stable code (`invalid_input`, `blocked`, `no_log`...).
    pub code: &'static str,
    /// The field or option to blame, `null` when none is.
    pub field: Option<String>,
    /// The message, as the text output gives it.
    pub message: String,
    /// The exit status: 1 storage, 2 input.
    pub exit_code: u8,
    /// For `blocked`: the findings not acknowledged.
    pub findings: Vec<FindingView>,
}

impl From<&Failure> for ErrorView {
    fn from(failure: &Failure) -> Self {
        Self {
            error: ErrorBody {
                code: failure.code().code(),
                field: failure.field().map(str::to_owned),
                message: failure.message().to_owned(),
                exit_code: failure.exit_code(),
                findings: failure.findings().iter().map(FindingView::from).collect(),
            },
        }
    }
}
