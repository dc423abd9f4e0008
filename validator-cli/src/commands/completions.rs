//! `sas-validate completions SHELL`.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

/// Prints the completion script of `shell`.
pub fn print(out: &mut dyn Write, shell: clap_complete::Shell) {
    clap_complete::generate(shell, &mut Cli::command(), "sas-validate", out);
}
