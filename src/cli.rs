//! The command line: flags and subcommands, nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "sns-tui",
    version,
    about = "Explore \"LINE me!\" (2013), an essay on social media in Japan, and the figures behind it",
    long_about = "Explore \"LINE me!\" (2013), an essay on social media (SNS) use in Japan, and the figures \
                  behind it: SNS users by year, platform rankings, the essay itself and the source of every \
                  figure.\n\nRun with no command to open the explorer in the terminal."
)]
pub struct Cli {
    /// Read this dataset file instead of the bundled one (same JSON shape; see `sns-tui dump`)
    #[arg(long, short = 'd', value_name = "FILE", global = true)]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset file; print "ok" or every problem found, and exit non-zero on problems
    Check {
        /// The file to check (default: the --data file, else the bundled dataset)
        file: Option<PathBuf>,
    },
    /// Write a view as plain text, with no escape codes
    Print {
        #[arg(value_enum)]
        view: View,
        /// Wrap text to this many columns
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: u16,
    },
    /// Print the dataset's JSON (the bundled one unless --data is given), to start a file of your own from
    Dump,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum View {
    Growth,
    Rankings,
    Essay,
    Sources,
    All,
}
