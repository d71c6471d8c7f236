//! `rollsafe completions SHELL` and `rollsafe man`: generated from the clap
//! definitions at run time, so they can never describe another version of
//! the command line than the binary that prints them.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::args::Cli;
use crate::args::actions::{CompletionsArgs, ShellArg};
use crate::failure::Failure;

/// Runs `rollsafe completions`.
pub fn completions(args: &CompletionsArgs) -> Result<(), Failure> {
    let shell = match args.shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
        ShellArg::Elvish => Shell::Elvish,
    };
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "rollsafe", &mut out);
    write(&out)
}

/// Runs `rollsafe man`: the page of the program and, after it, one
/// section per verb.
pub fn man() -> Result<(), Failure> {
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
    write(&out)
}

fn write(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::storage(format!("cannot write to standard output: {e}")))
}
