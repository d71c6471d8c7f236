//! Where the CLI keeps its files by default.

use std::path::PathBuf;

/// The file name of the demo store inside the data directory.
pub const DEMO_FILE_NAME: &str = "demo.sqlite3";

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
