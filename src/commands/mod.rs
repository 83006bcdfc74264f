//! One file per subcommand: each loads what it needs from the stages and calls them in order.

pub(crate) mod build;
mod check;
mod extract;
mod init;
mod site_input;
mod tag;

use crate::cli::{Cli, Command, Outcome};

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Tag(args) => tag::run(&args),
        Command::Init { dir } => init::run(&dir.unwrap_or(cli.root)),
        Command::Extract(args) => extract::run(&cli.root, &args),
        Command::Build(args) => build::run(&cli.root, &args),
        Command::Serve { port, open } => build::serve(&cli.root, port, open),
        Command::Check => check::run(&cli.root),
    }
}

/// "1 article", "3 articles": counts in messages read as English.
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
