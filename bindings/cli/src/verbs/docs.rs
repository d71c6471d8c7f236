//! `rollsafe completions SHELL` and `rollsafe man`: generated from the clap
//! definitions at run time, so they can never describe another version of
//! the command line than the binary that prints them.

use clap::CommandFactory;
use clap_complete::Shell;
use serde::Serialize;

use crate::args::Cli;
use crate::args::actions::{CompletionsArgs, ShellArg};
use crate::failure::Failure;

/// What `--json` prints: the text in a field, for an installer script.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    /// The shell (`completions`) or `roff` (`man`).
    pub format: &'static str,
    /// The script or the page.
    pub text: String,
}

/// Runs `rollsafe completions`.
pub fn completions(args: &CompletionsArgs, json: bool) -> Result<(), Failure> {
    let (shell, format) = match args.shell {
        ShellArg::Bash => (Shell::Bash, "bash"),
        ShellArg::Zsh => (Shell::Zsh, "zsh"),
        ShellArg::Fish => (Shell::Fish, "fish"),
        ShellArg::Powershell => (Shell::PowerShell, "powershell"),
        ShellArg::Elvish => (Shell::Elvish, "elvish"),
    };
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "rollsafe", &mut out);
    write(&out, json.then_some(("completions", format)))
}

/// Runs `rollsafe man`: the page of the program and, after it, one
/// section per verb.
pub fn man(json: bool) -> Result<(), Failure> {
    let command = Cli::command();
    let mut out = Vec::new();
    let render = |cmd: clap::Command, out: &mut Vec<u8>| {
        clap_mangen::Man::new(cmd)
            .render(out)
            .map_err(|e| Failure::storage(format!("cannot write the manual page: {e}")))
    };
    render(command.clone(), &mut out)?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("rollsafe-{}", sub.get_name());
        render(sub.clone().name(name), &mut out)?;
    }
    write(&out, json.then_some(("man", "roff")))
}

/// Writes `bytes` as they are, or with `json` (the output's name and the
/// format) as a [`DocumentView`].
fn write(bytes: &[u8], json: Option<(&'static str, &'static str)>) -> Result<(), Failure> {
    match json {
        Some((output, format)) => {
            let view = DocumentView {
                format,
                text: String::from_utf8_lossy(bytes).into_owned(),
            };
            super::print(&crate::view::to_json(output, &view)?)
        }
        None => crate::output::write_stdout(bytes),
    }
}
