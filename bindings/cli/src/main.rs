//! `rollsafe`: RollSafe in a terminal.
//!
//! A thin front end over `rollsafe-core`, like the phone apps: it reads the
//! clock and the arguments, asks the core, and prints. It decides nothing the
//! core could decide.
//!
//! | module | concern |
//! |---|---|
//! | `args` | the command line |
//! | `verbs` | one file per verb: read options, ask the core |
//! | `view` | what a verb shows, as data (and its JSON) |
//! | `text` | the views as text |
//! | `demo`, `story` | the demo log |
//! | `failure` | messages and exit statuses |
//! | `clock`, `paths`, `period`, `log_file`, `output` | the clock, default paths, periods, opening logs, writing files |
//! | `temp_file` | a file written in full beside its target, then renamed |
//! | `sealing` | `--seal` and sealed backups: the passphrase from the environment |

mod args;
mod clock;
mod demo;
mod failure;
mod locale;
mod log_file;
mod output;
mod paths;
mod period;
mod sealing;
mod story;
mod temp_file;
mod text;
mod verbs;
mod view;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Demo(options) => demo::run(&options),
        Command::Status(options) => verbs::status::run(&options),
        Command::Devices(options) => verbs::devices::run(&options),
        Command::Sessions(options) => verbs::sessions::run(&options),
        Command::Report(options) => verbs::report::run(&options),
        Command::Export(options) => verbs::export::run(&options),
        Command::Import(options) => verbs::import::run(&options),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("rollsafe: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
