//! Nothing leaves the device except an export the user makes: the library's
//! dependency tree holds no networking crate. Read from `cargo metadata`, so
//! a new dependency that pulls one in fails this test.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::collections::{HashMap, HashSet};
use std::process::Command;

use serde_json::Value;

/// Crates that open sockets, speak HTTP or TLS, or run a network runtime.
const NETWORKING: &[&str] = &[
    "reqwest",
    "hyper",
    "h2",
    "http",
    "http-body",
    "tokio",
    "mio",
    "socket2",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "async-std",
    "openssl",
    "openssl-sys",
    "native-tls",
    "rustls",
    "tungstenite",
    "tokio-tungstenite",
    "attohttpc",
    "minreq",
    "quinn",
    "trust-dns-resolver",
    "hickory-resolver",
];

#[test]
fn the_library_depends_on_no_networking_crate() {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--manifest-path",
        ])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let names: HashMap<&str, &str> = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let root = names
        .iter()
        .find(|(_, name)| **name == "rollsafe-ffi")
        .map(|(id, _)| *id)
        .expect("rollsafe-ffi is in the workspace");
    // Walk the normal (not dev, not build) dependencies of the library.
    let mut seen = HashSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    let crates: Vec<&str> = seen.iter().map(|id| names[id]).collect();
    let offenders: Vec<&&str> = crates.iter().filter(|c| NETWORKING.contains(c)).collect();
    assert!(
        offenders.is_empty(),
        "networking crates in the library: {offenders:?}"
    );
    assert!(
        crates.contains(&"rusqlite"),
        "the walk reached the real dependencies"
    );
}
