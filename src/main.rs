use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use clap_complete::Shell;
use sns_tui::app::App;
use sns_tui::cli::{Cli, Command, ThemeChoice, View};
use sns_tui::dataset::{self, LoadError};
use sns_tui::export;
use sns_tui::lang::Lang;
use sns_tui::report::{self, Section};
use sns_tui::tui;
use sns_tui::ui::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sns-tui: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Check { file }) => Ok(check(file.or(cli.data).as_deref())),
        Some(Command::Print { view, width }) => {
            let loaded = dataset::load(cli.data.as_deref())?;
            let sections = match view {
                View::Growth => vec![Section::Growth],
                View::Rankings => vec![Section::Rankings],
                View::Essay => vec![Section::Essay],
                View::Sources => vec![Section::Sources],
                View::All => Section::ALL.to_vec(),
            };
            write_out(&report::print(
                &loaded.dataset,
                &sections,
                usize::from(width),
            ))
        }
        Some(Command::Dump) => {
            let loaded = dataset::load(cli.data.as_deref())?;
            // The cleaned dataset, so a file's control characters stay behind.
            let json = serde_json::to_string_pretty(&loaded.dataset)?;
            write_out(&format!("{json}\n"))
        }
        Some(Command::Export { view, format }) => {
            let loaded = dataset::load(cli.data.as_deref())?;
            write_out(&export::export(&loaded.dataset, view, format))
        }
        Some(Command::Completions { shell }) => write_out(completion(shell)?),
        Some(Command::Man) => write_out(include_str!(concat!(env!("OUT_DIR"), "/sns-tui.1"))),
        None => {
            // Load and validate before the terminal is touched.
            let loaded = dataset::load(cli.data.as_deref())?;
            let theme = match cli.theme {
                ThemeChoice::Auto => Theme::from_env(),
                ThemeChoice::Color => Theme::color(),
                ThemeChoice::Mono => Theme::mono(),
            };
            let mut app = App::new(loaded.dataset, theme);
            app.set_lang(cli.lang.unwrap_or_else(Lang::from_env));
            tui::run(app, !cli.no_mouse)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(path: Option<&std::path::Path>) -> ExitCode {
    match dataset::load(path) {
        Ok(loaded) => {
            let d = &loaded.dataset;
            println!(
                "ok: {} (schema {}: {} sources, {} platforms, {} growth series, {} ranking tables, {} notes)",
                loaded.origin,
                d.schema,
                d.sources.len(),
                d.platforms.len(),
                d.growth.series.len(),
                d.rankings.len(),
                d.notes.len()
            );
            ExitCode::SUCCESS
        }
        Err(LoadError::Invalid { origin, problems }) => {
            let s = if problems.len() == 1 { "" } else { "s" };
            println!("{origin}: {} problem{s}:", problems.len());
            println!("{}", dataset::list(&problems, usize::MAX));
            ExitCode::FAILURE
        }
        Err(e) => {
            println!("{e}");
            ExitCode::FAILURE
        }
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

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn write_out(text: &str) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => other.map(|()| ExitCode::SUCCESS).map_err(Into::into),
    }
}
