use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use clap_complete::Shell;
use sns_tui::app::App;
use sns_tui::cli::{Cli, Command, MAX_WIDTH, MIN_WIDTH, ThemeChoice, View};
use sns_tui::dataset::{self, LoadError};
use sns_tui::export;
use sns_tui::lang::Lang;
use sns_tui::output::{self, Stream};
use sns_tui::report::{self, Section};
use sns_tui::tui;
use sns_tui::ui::theme::Theme;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => output::error(&format!("{e:#}")),
    }
}

/// What clap would print and exit with, cleaned: its messages quote the
/// arguments, and an argument can hold escape sequences. Help and version
/// go to stdout with status 0, a usage error to stderr with status 2.
fn parse_error(e: &clap::Error) -> ExitCode {
    let stream = if e.use_stderr() {
        Stream::Stderr
    } else {
        Stream::Stdout
    };
    let code = u8::try_from(e.exit_code()).map_or(ExitCode::FAILURE, ExitCode::from);
    output::write(stream, &output::clean_lines(&e.render().to_string()), code)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Check { file }) => {
            let (report, code) = check(file.or(cli.data).as_deref());
            Ok(output::write(Stream::Stdout, &report, code))
        }
        Some(Command::Print { view, width }) => {
            let width = print_width(width)?;
            let loaded = dataset::load(cli.data.as_deref())?;
            let sections = match view {
                View::Growth => vec![Section::Growth],
                View::Rankings => vec![Section::Rankings],
                View::Essay => vec![Section::Essay],
                View::Sources => vec![Section::Sources],
                View::Trends => vec![Section::Trends],
                View::All => Section::ALL.to_vec(),
            };
            write_out(&report::print(
                &loaded.dataset,
                &sections,
                width,
                cli.lang.unwrap_or_else(Lang::from_env),
            ))
        }
        Some(Command::Dump) => {
            let loaded = dataset::load(cli.data.as_deref())?;
            // The cleaned dataset, so a file's control characters stay behind.
            let json = serde_json::to_string_pretty(&loaded.dataset)?;
            write_out(&format!("{json}\n"))
        }
        Some(Command::Export { view, format, bom }) => {
            let loaded = dataset::load(cli.data.as_deref())?;
            write_out(&export::export(
                &loaded.dataset,
                view,
                format,
                bom,
                cli.lang.unwrap_or_else(Lang::from_env),
            ))
        }
        Some(Command::Completions { shell }) => write_out(completion(shell)?),
        Some(Command::Man) => write_out(include_str!(concat!(env!("OUT_DIR"), "/sns-tui.1"))),
        None => {
            // Load and validate before the terminal is touched.
            let loaded = dataset::load(cli.data.as_deref())?;
            let theme = match cli.theme {
                ThemeChoice::Auto => Theme::from_env(),
                ThemeChoice::Color => {
                    // A flag given beats the environment (as the NO_COLOR
                    // convention says), but crossterm drops colours under
                    // NO_COLOR unless told otherwise.
                    crossterm::style::force_color_output(true);
                    Theme::color()
                }
                ThemeChoice::Mono => Theme::mono(),
            };
            let mut app = App::new(loaded.dataset, theme);
            app.set_lang(cli.lang.unwrap_or_else(Lang::from_env));
            app.clipboard = !cli.no_clipboard;
            let stdin_is_data = cli.data.as_deref().is_some_and(dataset::is_stdin);
            tui::run(app, !cli.no_mouse, stdin_is_data)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The width `print` wraps to: `--width`, else the terminal's when
/// standard output is one, else `$COLUMNS`, else 80. A terminal or
/// `$COLUMNS` outside the range `--width` takes is brought into it: a
/// narrow window is no error, only a word that is not a number is.
fn print_width(flag: Option<u16>) -> Result<usize> {
    let clamp = |n: u64| n.clamp(u64::from(MIN_WIDTH), u64::from(MAX_WIDTH)) as usize;
    if let Some(width) = flag {
        return Ok(usize::from(width));
    }
    // A terminal that reports no width (a pty never sized) has none to use.
    if std::io::stdout().is_terminal()
        && let Ok((columns, _)) = ratatui::crossterm::terminal::size()
        && columns > 0
    {
        return Ok(clamp(u64::from(columns)));
    }
    match std::env::var_os("COLUMNS") {
        Some(v) if !v.is_empty() => match v.to_str().and_then(|s| s.trim().parse::<u64>().ok()) {
            Some(n) => Ok(clamp(n)),
            None => anyhow::bail!(
                "COLUMNS is {:?}, not a number of columns; set it to one, unset it, or give print --width",
                v.to_string_lossy()
            ),
        },
        _ => Ok(80),
    }
}

/// What `check` says of the dataset at `path`, and its exit status.
fn check(path: Option<&std::path::Path>) -> (String, ExitCode) {
    match dataset::load(path) {
        Ok(loaded) => {
            let d = &loaded.dataset;
            let report = format!(
                "ok: {} (schema {}: {} sources, {} platforms, {} growth series, {} ranking tables, {} notes)\n",
                loaded.origin,
                d.schema,
                d.sources.len(),
                d.platforms.len(),
                d.growth.series.len(),
                d.rankings.len(),
                d.notes.len()
            );
            (report, ExitCode::SUCCESS)
        }
        Err(LoadError::Invalid { origin, findings }) => {
            let report = format!(
                "{origin}: {}:\n{}\n",
                dataset::count(&findings),
                dataset::list(&findings, usize::MAX)
            );
            (report, ExitCode::FAILURE)
        }
        Err(e) => (format!("{e}\n"), ExitCode::FAILURE),
    }
}

/// The completion script for `shell`, written by `build.rs` from the
/// command line's definition.
fn completion(shell: Shell) -> Result<&'static str> {
    let out = |name| -> &'static str {
        match name {
            "bash" => include_str!(concat!(env!("OUT_DIR"), "/completion.bash")),
            "elvish" => include_str!(concat!(env!("OUT_DIR"), "/completion.elvish")),
            "fish" => include_str!(concat!(env!("OUT_DIR"), "/completion.fish")),
            "powershell" => include_str!(concat!(env!("OUT_DIR"), "/completion.powershell")),
            "zsh" => include_str!(concat!(env!("OUT_DIR"), "/completion.zsh")),
            _ => "",
        }
    };
    let script = out(&shell.to_string());
    anyhow::ensure!(!script.is_empty(), "no completions are built for {shell}");
    Ok(script)
}

/// Writes a command's output to stdout.
fn write_out(text: &str) -> Result<ExitCode> {
    Ok(output::write(Stream::Stdout, text, ExitCode::SUCCESS))
}
