//! What a person at a terminal gets: `--help` with an example on every
//! verb, shell completions and a manual page generated from the same
//! definitions, and colour only on a terminal and never with `NO_COLOR`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::process::Command;

use common::rollsafe;

/// The verbs `help` lists under "Commands:".
fn verbs(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|verb| *verb != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_verb_has_help_with_an_example() {
    let top = rollsafe(["--help"]).ok().stdout;
    let listed = verbs(&top);
    assert!(listed.len() >= 24, "{listed:?}");
    let mut leaves = 0;
    for verb in &listed {
        let help = rollsafe([verb.as_str(), "--help"]).ok().stdout;
        assert!(
            help.contains("Example:\n  rollsafe "),
            "{verb} --help has no example:\n{help}"
        );
        assert!(help.contains("--json"), "{verb} --help lacks --json");
        for sub in verbs(&help) {
            let help = rollsafe([verb.as_str(), sub.as_str(), "--help"])
                .ok()
                .stdout;
            assert!(
                help.contains(&format!("Example:\n  rollsafe {verb} {sub}")),
                "{verb} {sub} --help has no example of itself:\n{help}"
            );
            leaves += 1;
        }
    }
    assert!(leaves >= 11, "{leaves} sub-verbs");
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line_definitions() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = rollsafe(["completions", shell]).ok().stdout;
        for word in ["check-in", "care-plan", "--ack"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
        // The core's codes are offered where the shell takes values.
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                script.contains("scalp_roller"),
                "{shell} completions lack the codes"
            );
        }
    }
    let page = rollsafe(["man"]).ok().stdout;
    assert!(
        page.starts_with(".ie") || page.contains(".TH rollsafe"),
        "{}",
        &page[..200]
    );
    for section in [".TH rollsafe-log", ".TH rollsafe-device", "\\-\\-ack"] {
        assert!(page.contains(section), "the manual page lacks {section}");
    }
}

/// Runs `rollsafe --help` on a pseudo-terminal (util-linux `script`), with
/// or without `NO_COLOR`.
fn help_on_terminal(no_color: bool) -> String {
    let mut command = Command::new("script");
    command
        .args([
            "-qec",
            &format!("{} --help", env!("CARGO_BIN_EXE_rollsafe")),
            "/dev/null",
        ])
        .env_remove("NO_COLOR");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let output = command.output().expect("script(1) from util-linux runs");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    const ESCAPE: char = '\u{1b}';
    assert!(
        help_on_terminal(false).contains(ESCAPE),
        "no colour on a terminal"
    );
    assert!(
        !help_on_terminal(true).contains(ESCAPE),
        "colour despite NO_COLOR"
    );
    assert!(
        !rollsafe(["--help"]).ok().stdout.contains(ESCAPE),
        "colour into a pipe"
    );
    let demo = common::DemoLog::new();
    for verb in ["status", "devices", "sessions", "alerts", "reminders"] {
        let run = demo.run(verb, &[]).ok();
        assert!(
            !run.stdout.contains(ESCAPE),
            "{verb} prints escapes into a pipe"
        );
    }
}
