//! Command-line arguments and the exit codes they end with. Each subcommand's work lives in
//! [`crate::commands`]; this module only parses and reports.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands;
use crate::error::ContentError;

#[derive(Debug, Parser)]
#[command(
    name = "annals",
    version,
    about = "Turn a pile of news articles into a timeline website"
)]
#[command(propagate_version = true)]
pub struct Cli {
    /// The site's folder (the one with site.toml).
    #[arg(
        short = 'C',
        long = "root",
        global = true,
        default_value = ".",
        value_name = "DIR"
    )]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new site: site.toml, an example article and the content folder.
    Init {
        /// Where to create it (default: the current folder).
        dir: Option<PathBuf>,
    },
    /// Read the articles in content/, find their dated events and update the event store.
    Extract(ExtractArgs),
    /// Render the timeline website and its feeds and exports into output/.
    Build(BuildArgs),
    /// Build, serve on 127.0.0.1 and rebuild when content, events, templates or site.toml change.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Validate site.toml, the articles and the event store without writing anything.
    Check,
    /// Find and anchor the temporal expressions of one text (a file or standard input).
    Tag(TagArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Print what would change and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// For each merged event, show which reports joined and why; and near misses.
    #[arg(long)]
    pub explain: bool,
    /// List the events people deleted, which extraction will not bring back.
    #[arg(long)]
    pub show_rejected: bool,
    /// Publication date for articles that give none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Where to write the site (default: output/ in the site folder).
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The absolute URL the site will be published at (for feeds and the sitemap).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include articles marked as drafts.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// The text to tag; `-` or nothing reads standard input.
    pub file: Option<PathBuf>,
    /// The publication date that anchors "yesterday", "on Wednesday"... (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub dct: Option<String>,
    /// How to print the expressions found.
    #[arg(long, value_enum, default_value_t = TagFormat::Jsonl)]
    pub format: TagFormat,
    /// What the input is: plain text, or a TempEval-3 TimeML file (DCT and TEXT read from it).
    #[arg(long, value_enum, default_value_t = TagInput::Text)]
    pub input: TagInput,
    /// How to read numeric dates such as 3/2/2017.
    #[arg(long, value_enum, default_value_t = NumericDates::MonthFirst)]
    pub numeric_dates: NumericDates,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TagFormat {
    /// One JSON object a line: start, end (UTF-8 byte offsets), text, type, value, mod, first, last, granularity.
    Jsonl,
    /// The text as TimeML with inline TIMEX3 tags, for the TempEval-3 scorer.
    Timeml,
    /// Each sentence with its expressions marked and resolved, for people.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TagInput {
    Text,
    Timeml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NumericDates {
    /// 3/2/2017 is March 2 (US).
    MonthFirst,
    /// 3/2/2017 is 3 February.
    DayFirst,
}

/// Runs the command line and returns the exit code: 0 ok, 1 content or validation errors,
/// 2 usage or I/O errors.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(err) => {
            report(&err);
            ExitCode::from(exit_code(&err))
        }
    }
}

/// What a command that ran to its end says about the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok = 0,
    /// It ran, but found errors in the content (`annals check`).
    ContentErrors = 1,
}

fn exit_code(err: &anyhow::Error) -> u8 {
    if err
        .chain()
        .any(|cause| cause.downcast_ref::<ContentError>().is_some())
    {
        1
    } else {
        2
    }
}

/// Prints the error and its chain of causes, most general first, as Zola does.
pub fn report(err: &anyhow::Error) {
    eprintln!("error: {err}");
    for cause in err.chain().skip(1) {
        eprintln!("caused by: {cause}");
    }
}
