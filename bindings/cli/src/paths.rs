//! Where the CLI keeps its files by default.

use std::path::{Path, PathBuf};

/// The file name of the demo store inside the data directory.
pub const DEMO_FILE_NAME: &str = "demo.sqlite3";

/// The file name of the user's log inside the data directory.
pub const LOG_FILE_NAME: &str = "rollsafe.sqlite3";

/// The platform's per-user data directory for RollSafe (for example
/// `~/.local/share/rollsafe` on Linux), or the current directory if the
/// platform has none.
pub fn data_dir() -> PathBuf {
    dirs::data_dir()
        .map(|dir| dir.join("rollsafe"))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The default demo store.
pub fn default_demo_db() -> PathBuf {
    data_dir().join(DEMO_FILE_NAME)
}

/// The log the verbs use when `--db` is not given.
pub fn default_db() -> PathBuf {
    data_dir().join(LOG_FILE_NAME)
}

/// `requested`, or the default log.
pub fn db_or_default(requested: Option<&Path>) -> PathBuf {
    requested.map_or_else(default_db, Path::to_path_buf)
}
