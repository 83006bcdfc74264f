//! One file per subcommand: each loads what it needs from the stages and calls them in order.

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
        Command::Build(_) => not_built("build"),
        Command::Serve { .. } => not_built("serve"),
        Command::Check => check::run(&cli.root),
    }
}

fn not_built(name: &str) -> anyhow::Result<Outcome> {
    anyhow::bail!("`annals {name}` is not built yet")
}
