//! Writes the shell completions and the man page from the command line's
//! definition, so the binary prints them without carrying their generators.

use std::path::PathBuf;

use clap::{Arg, CommandFactory};
use clap_complete::Shell;
use roff::{Inline, Roff, bold, italic, roman};

#[allow(dead_code)]
#[path = "src/cli.rs"]
mod cli;

/// The man page's KEYS section, written from the key table by a test
/// (`src/keymap.rs`), since the table cannot be compiled here.
const KEYS: &str = "assets/keys.roff";

fn main() -> std::io::Result<()> {
    println!("cargo::rerun-if-changed=src/cli.rs");
    println!("cargo::rerun-if-changed={KEYS}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut command = cli::Cli::command();
    for shell in [
        Shell::Bash,
        Shell::Elvish,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Zsh,
    ] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command, "sns-tui", &mut script);
        std::fs::write(out.join(format!("completion.{shell}")), script)?;
    }
    let keys = std::fs::read_to_string(KEYS)?;
    std::fs::write(out.join("sns-tui.1"), man_page(cli::Cli::command(), &keys)?)
}

/// clap_mangen's page, its SUBCOMMANDS section replaced: that one names a
/// page for each command (`sns-tui-check(1)`), and none is installed. In
/// its place, COMMANDS with each command's arguments, then KEYS,
/// ENVIRONMENT and FILES.
fn man_page(command: clap::Command, keys: &str) -> std::io::Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    let page = String::from_utf8(page).expect("clap_mangen writes UTF-8");
    let mut out = String::new();
    let mut replaced = false;
    for section in sections(&page) {
        if section.starts_with(".SH SUBCOMMANDS\n") {
            out.push_str(&commands(&command));
            out.push_str(keys);
            out.push_str(&environment_and_files());
            replaced = true;
        } else {
            out.push_str(section);
        }
    }
    assert!(replaced, "clap_mangen wrote no SUBCOMMANDS section");
    Ok(out)
}

/// The page cut before each `.SH`, the first piece its preamble.
fn sections(page: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.get(1..).and_then(|r| r.find("\n.SH ")) {
        let (section, next) = rest.split_at(at + 2);
        out.push(section);
        rest = next;
    }
    out.push(rest);
    out
}

/// Each command with how it is called and what each of its own arguments
/// does (the global ones are under OPTIONS).
fn commands(command: &clap::Command) -> String {
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let args: Vec<&Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
            .collect();
        let mut usage = vec![bold(format!("sns-tui {}", sub.get_name()))];
        for arg in &args {
            usage.push(roman(" "));
            usage.extend(synopsis(arg));
        }
        roff.control("TP", []);
        roff.text(usage);
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        if args.is_empty() {
            continue;
        }
        roff.control("RS", []);
        for arg in &args {
            roff.control("TP", []);
            roff.text(name(arg));
            roff.text([roman(description(arg))]);
        }
        roff.control("RE", []);
    }
    render(&roff)
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), |n| n.to_string())
}

/// How an argument is written: `VIEW`, `[FILE]`, `[--width WIDTH]`.
fn synopsis(arg: &Arg) -> Vec<Inline> {
    let mut words = name(arg);
    if !arg.is_required_set() {
        words.insert(0, roman("["));
        words.push(roman("]"));
    }
    words
}

/// An argument's name, and its value's.
fn name(arg: &Arg) -> Vec<Inline> {
    match arg.get_long() {
        None => vec![italic(value_name(arg))],
        Some(long) if arg.get_action().takes_values() => {
            vec![
                bold(format!("--{long}")),
                roman(" "),
                italic(value_name(arg)),
            ]
        }
        Some(long) => vec![bold(format!("--{long}"))],
    }
}

/// An argument's help, the values it takes where they are few, and its
/// default.
fn description(arg: &Arg) -> String {
    let mut text = arg
        .get_long_help()
        .or(arg.get_help())
        .map(|h| format!("{h}."))
        .unwrap_or_default();
    let values: Vec<String> = if arg.get_action().takes_values() {
        arg.get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect()
    } else {
        Vec::new()
    };
    if !values.is_empty() {
        text.push_str(&format!(" One of: {}.", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        text.push_str(&format!(" Default: {}.", defaults.join(", ")));
    }
    text.trim_start().to_string()
}

fn environment_and_files() -> String {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    for (names, text) in [
        (
            "NO_COLOR",
            "Set and not empty: with --theme auto, the default, no colour; bold, reverse, \
             underline and dim only.",
        ),
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "The first of these that is set and not empty chooses the language of names and \
             labels: Japanese where it starts with ja (as ja_JP.UTF-8 does), English otherwise. \
             --lang overrides it.",
        ),
        (
            "COLUMNS",
            "The width print wraps to when its output is not a terminal and --width is not \
             given; 80 when it is not set.",
        ),
        (
            "TERM",
            "The explorer refuses to start where it is dumb: such a terminal cannot move the \
             cursor.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(names)]);
        roff.text([roman(text)]);
    }
    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "None is read at run time: the dataset is compiled in, and --data reads another. \
         In the explorer, e writes the table in view, as shown, as CSV to a new file in the \
         current directory: sns-tui-growth.csv from Growth's chart, sns-tui-ledger.csv from its \
         table, sns-tui-rankings-TABLE.csv from Rankings (TABLE the table's id), \
         sns-tui-trends-FAMILY.csv from Trends. Where the name is taken, -2, -3 and so on come \
         before .csv; no file is ever overwritten.",
    )]);
    roff.control("SH", ["CLIPBOARD"]);
    roff.text([roman(
        "y copies the selected figure with its citation, Y the whole view as Markdown, to the \
         terminal's clipboard by OSC 52, which works over SSH. kitty, WezTerm, foot, Alacritty, \
         Windows Terminal and iTerm2 (with clipboard access allowed) take it; GNOME Terminal \
         and other VTE terminals and macOS Terminal ignore it; in tmux, set -g set-clipboard \
         on. Y refuses more than 74,000 bytes, which terminals would drop. --no-clipboard turns \
         both off.",
    )]);
    render(&roff)
}

/// Roff's text without the preamble it starts every document with: the
/// page has it once already.
fn render(roff: &Roff) -> String {
    let text = roff.render();
    match text.split_once(".el .ds Aq '\n") {
        Some((_, body)) => body.to_string(),
        None => text,
    }
}
