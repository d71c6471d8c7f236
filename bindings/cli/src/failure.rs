//! Why a verb failed, and the exit status that tells a script which kind of
//! failure it was.
//!
//! Two kinds: the user can fix it (a bad option, a missing file, a bad
//! document: exit 2, the convention clap uses for usage errors too), or the
//! storage failed (exit 1). The message is the core's own where there is one,
//! so a bad backup names the place in the document. Each failure also has a
//! stable [`ErrorCode`] and, where one is to blame, the field, for scripts
//! (`--json` prints them as an object on standard error).

use std::fmt;

use rollsafe_core::{Error, Finding};

/// What kind of failure, as a stable code scripts can match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The command line is malformed (clap's usage errors).
    Usage,
    /// An option or file the user gave is wrong.
    BadInput,
    /// There is no log at `--db`.
    NoLog,
    /// The file at `--db` is empty: not a log, and left as it was.
    EmptyLog,
    /// An output file exists and `--force` was not given.
    FileExists,
    /// A value the core refused; the field is named.
    InvalidInput,
    /// A record named by id does not exist.
    NotFound,
    /// A session has findings that were not acknowledged.
    Blocked,
    /// A backup document is not valid.
    BadDocument,
    /// The log was written by a newer RollSafe.
    NewerSchema,
    /// The log is damaged (moved aside, or left in place while open).
    Damaged,
    /// The file is not a RollSafe log.
    NotALog,
    /// The storage is full.
    Full,
    /// The log or an output cannot be written.
    ReadOnly,
    /// Any other storage failure.
    Storage,
}

impl ErrorCode {
    /// The stable code, in snake_case.
    pub fn code(self) -> &'static str {
        match self {
            Self::Usage => "usage",
            Self::BadInput => "bad_input",
            Self::NoLog => "no_log",
            Self::EmptyLog => "empty_log",
            Self::FileExists => "file_exists",
            Self::InvalidInput => "invalid_input",
            Self::NotFound => "not_found",
            Self::Blocked => "blocked",
            Self::BadDocument => "bad_document",
            Self::NewerSchema => "newer_schema",
            Self::Damaged => "damaged",
            Self::NotALog => "not_a_log",
            Self::Full => "full",
            Self::ReadOnly => "read_only",
            Self::Storage => "storage",
        }
    }
}

/// A failure to report on standard error.
#[derive(Debug)]
pub struct Failure {
    kind: Kind,
    code: ErrorCode,
    field: Option<String>,
    findings: Vec<Finding>,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Bad usage or input: exit 2.
    Input,
    /// The log could not be read or written: exit 1.
    Storage,
}

impl Failure {
    /// Something the user gave is wrong (an option, a path, a document).
    pub fn input(message: impl Into<String>) -> Self {
        Self::new(Kind::Input, ErrorCode::BadInput, message.into())
    }

    /// Reading or writing failed for a reason the input cannot fix.
    pub fn storage(message: impl Into<String>) -> Self {
        Self::new(Kind::Storage, ErrorCode::Storage, message.into())
    }

    fn new(kind: Kind, code: ErrorCode, message: String) -> Self {
        Self {
            kind,
            code,
            field: None,
            findings: Vec::new(),
            message,
        }
    }

    /// The same failure with a more precise code.
    pub fn coded(self, code: ErrorCode) -> Self {
        Self { code, ..self }
    }

    /// The same failure, blaming `field` (an option's name without dashes,
    /// or the core's field name).
    pub fn at_field(self, field: impl Into<String>) -> Self {
        Self {
            field: Some(field.into()),
            ..self
        }
    }

    /// The same failure, its message prefixed with `prefix`.
    pub fn with_context(self, prefix: &str) -> Self {
        let message = format!("{prefix}{}", self.message);
        Self { message, ..self }
    }

    /// The same kind of failure with another message.
    pub fn replaced(self, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            ..self
        }
    }

    /// The process exit status for this failure.
    pub fn exit_code(&self) -> u8 {
        match self.kind {
            Kind::Input => 2,
            Kind::Storage => 1,
        }
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The field to blame, if one is.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The findings left unacknowledged, for [`ErrorCode::Blocked`].
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The message, without the program's name.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<Error> for Failure {
    /// Input errors (a field, a record, a document the user gave) exit 2;
    /// everything the storage did exits 1. The core's message is kept whole.
    fn from(error: Error) -> Self {
        let message = error.to_string();
        let input = |code| Self::new(Kind::Input, code, message.clone());
        let storage = |code| Self::new(Kind::Storage, code, message.clone());
        match error {
            Error::InvalidInput { field, .. } => input(ErrorCode::InvalidInput).at_field(field),
            Error::NotFound { entity, .. } => input(ErrorCode::NotFound).at_field(entity),
            Error::Blocked { blockers } => Self {
                findings: blockers,
                ..input(ErrorCode::Blocked)
            },
            Error::BadDocument { path, .. } => input(ErrorCode::BadDocument).at_field(path),
            Error::NewerSchema { .. } => storage(ErrorCode::NewerSchema),
            Error::Damaged { .. } | Error::DamagedInUse { .. } => storage(ErrorCode::Damaged),
            Error::NotALog { .. } => storage(ErrorCode::NotALog),
            Error::Full => storage(ErrorCode::Full),
            Error::ReadOnly { .. } => storage(ErrorCode::ReadOnly),
            Error::Moved { .. } | Error::Sqlite(_) | Error::Io { .. } | Error::Inconsistent(_) => {
                storage(ErrorCode::Storage)
            }
        }
    }
}

/// A usage error found by clap, as a failure (exit 2), for `--json`.
pub fn usage(error: &clap::Error) -> Failure {
    let field = error
        .get(clap::error::ContextKind::InvalidArg)
        .map(|value| value.to_string());
    let rendered = error.to_string();
    let first = rendered.lines().next().unwrap_or_default();
    let message = first.strip_prefix("error: ").unwrap_or(first).to_owned();
    let failure = Failure::input(message).coded(ErrorCode::Usage);
    match field {
        Some(field) => failure.at_field(field),
        None => failure,
    }
}
