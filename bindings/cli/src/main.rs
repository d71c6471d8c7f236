//! `rollsafe`: RollSafe in a terminal.
//!
//! A thin front end over `rollsafe-core`, like the phone apps: it reads the
//! clock and the arguments, asks the core, and prints. It decides nothing the
//! core could decide.
//!
//! | module | concern |
//! |---|---|
//! | `args` | the command line (and the core's codes on it) |
//! | `verbs` | one file per verb: read options, ask the core |
//! | `view` | what a verb shows, as data (and its JSON) |
//! | `text` | the views as text |
//! | `demo`, `story` | the demo log |
//! | `failure` | messages, error codes and exit statuses |
//! | `sections` | `--sections` as the core's sections |
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
mod sections;
mod story;
mod temp_file;
mod text;
mod verbs;
mod view;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use failure::Failure;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let json = cli.json;
    match run(cli.command, json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            report(&failure, json);
            ExitCode::from(failure.exit_code())
        }
    }
}

/// Runs one verb.
fn run(command: Command, json: bool) -> Result<(), Failure> {
    match command {
        Command::Demo(options) => demo::run(&options, json),
        Command::Status(options) => verbs::status::run(&options, json),
        Command::Devices(options) => verbs::devices::run(&options, json),
        Command::Sessions(options) => verbs::sessions::run(&options, json),
        Command::Report(options) => verbs::report::run(&options, json),
        Command::Export(options) => verbs::export::run(&options, json),
        Command::Import(options) => verbs::import::run(&options, json),
        Command::Init(options) => verbs::init::run(&options, json),
        Command::Device(command) => verbs::device::run(&command, json),
        Command::Clean(options) => verbs::clean::clean(&options, json),
        Command::Soak(options) => verbs::clean::soak(&options, json),
        Command::Check(options) => verbs::check::run(&options, json),
        Command::Log(options) => verbs::log::run(&options, json),
        Command::Symptom(options) => verbs::symptom::report(&options, json),
        Command::CheckIn(options) => verbs::symptom::check_in(&options, json),
        Command::Reports(command) => verbs::reports::run(&command, json),
        Command::Profile(command) => verbs::profile::run(&command, json),
        Command::CarePlan(command) => verbs::care_plan::run(&command, json),
        Command::Alerts(options) => verbs::alerts::list(&options, json),
        Command::Ack(options) => verbs::alerts::acknowledge(&options, json),
        Command::Reminders(options) => verbs::reminders::list(&options, json),
        Command::QuietHours(options) => verbs::reminders::quiet_hours(&options, json),
        Command::Session(command) => verbs::session::run(&command, json),
        Command::Completions(options) => verbs::docs::completions(&options, json),
        Command::Man => verbs::docs::man(json),
    }
}

/// Prints a failure on standard error: a line of text, or with `--json`
/// the error object.
fn report(failure: &Failure, json: bool) {
    let text = match json {
        true => view::to_json("error", &view::error::ErrorView::from(failure)).ok(),
        false => None,
    };
    match text {
        Some(text) => eprint!("{text}"),
        None => eprintln!("rollsafe: {failure}"),
    }
}

/// A command line clap refused: as clap prints it (help and version are
/// not errors), or as a JSON error when `--json` was among the arguments.
fn usage_error(error: &clap::Error) -> ExitCode {
    let wants_json = std::env::args_os().skip(1).any(|a| a == "--json");
    if error.use_stderr() && wants_json {
        report(&failure::usage(error), true);
        return ExitCode::from(2);
    }
    let _ = error.print();
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}
