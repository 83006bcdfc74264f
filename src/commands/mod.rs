//! One file per subcommand: each loads what it needs from the stages and calls them in order.

mod init;
mod tag;

use crate::cli::{Cli, Command, Outcome};

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Tag(args) => tag::run(&args),
        Command::Init { dir } => init::run(&dir.unwrap_or(cli.root)),
        Command::Extract(_) => not_built("extract"),
        Command::Build(_) => not_built("build"),
        Command::Serve { .. } => not_built("serve"),
        Command::Check => not_built("check"),
    }
}

fn not_built(name: &str) -> anyhow::Result<Outcome> {
    anyhow::bail!("`annals {name}` is not built yet")
}
