//! The command line: flags and subcommands, nothing else. `build.rs`
//! includes this file to write the completions and the man page at build
//! time, so it depends on nothing else in the crate.

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
    /// Read this dataset file instead of the bundled one, or standard input for - (same JSON shape; see `sns-tui dump`)
    #[arg(long, short = 'd', value_name = "FILE", global = true)]
    pub data: Option<PathBuf>,

    /// Names and labels in English or Japanese, on screen, in print and in export (default: Japanese when LC_ALL, LC_MESSAGES or LANG says ja)
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Leave the mouse to the terminal (its own selection) rather than to clicks and the wheel
    #[arg(long)]
    pub no_mouse: bool,

    /// Never send text to the terminal's clipboard: y and Y say so instead of copying (OSC 52)
    #[arg(long)]
    pub no_clipboard: bool,

    /// Colours, or bold, reverse and underline only; auto is mono when NO_COLOR is set
    #[arg(long, value_enum, default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The narrowest and widest `print` writes: narrower, a table has no room
/// for a bar beside its figure.
pub const MIN_WIDTH: u16 = 20;
pub const MAX_WIDTH: u16 = 1000;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset file; print "ok" or every problem found, and exit non-zero on problems
    Check {
        /// The file to check, - for standard input (default: the --data file, else the bundled dataset)
        file: Option<PathBuf>,
    },
    /// Write a view as plain text, with no escape codes
    Print {
        #[arg(value_enum)]
        view: View,
        /// Wrap text to this many columns (default: the terminal's width when the output is a terminal, else $COLUMNS, else 80)
        #[arg(long, value_parser = clap::value_parser!(u16).range(i64::from(MIN_WIDTH)..=i64::from(MAX_WIDTH)))]
        width: Option<u16>,
    },
    /// Print the dataset's JSON (the bundled one unless --data is given), to start a file of your own from
    Dump,
    /// Write a view's data, with its sources, as CSV, Markdown or JSON
    Export {
        #[arg(value_enum)]
        view: ExportView,
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// Start with a UTF-8 byte-order mark, which Excel needs to read names such as ICT総研 right (files written by `e` in the explorer have one)
        #[arg(long)]
        bom: bool,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeChoice {
    Auto,
    Color,
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum View {
    Growth,
    Rankings,
    Essay,
    Sources,
    Trends,
    All,
}

/// The views `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportView {
    Growth,
    Rankings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Markdown,
    Json,
}

/// The language of names and labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Ja,
}
