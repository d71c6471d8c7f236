//! `rollsafe`: RollSafe in a terminal.
//!
//! A thin front end over `rollsafe-core`, like the phone apps: it reads the
//! clock and the arguments, asks the core, and prints. It decides nothing the
//! core could decide.

mod args;
mod demo;
mod paths;
mod render;
mod story;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Demo(options) => demo::run(&options),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("rollsafe: {message}");
            ExitCode::from(2)
        }
    }
}
