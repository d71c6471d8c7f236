//! The library's version, for an app's "about" screen and bug reports, and
//! the cheapest call across the boundary: the benchmarks time it as the FFI
//! floor (tests/bench).

/// The version of the RollSafe library (`rollsafe-ffi`), for example `0.1.0`.
#[uniffi::export]
pub fn library_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_version_is_the_crates_semver() {
        let version = super::library_version();
        let parts: Vec<&str> = version.split('.').collect();
        assert_eq!(parts.len(), 3, "{version}");
        assert!(parts.iter().all(|p| p.parse::<u32>().is_ok()), "{version}");
        assert_eq!(version, env!("CARGO_PKG_VERSION"));
    }
}
