//! The terminal session: enter raw mode and the alternate screen, run the
//! event loop, and leave the terminal as it was on every way out.

use std::io::{self, IsTerminal, Stdout, stdout};

use anyhow::{Context, Result, bail};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::{Action, App};
use crate::keymap;

/// Restores the terminal when dropped, on return and on unwinding alike.
struct Session;

impl Session {
    fn start() -> io::Result<Session> {
        install_panic_hook();
        enable_raw_mode()?;
        let session = Session;
        execute!(stdout(), EnterAlternateScreen, Hide)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Best effort: each step runs even if one before it failed.
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

/// A panic restores the terminal before its message prints, so the message
/// is readable and the shell usable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Runs the explorer until the user quits.
pub fn run(mut app: App) -> Result<()> {
    let stdin_ok = io::stdin().is_terminal();
    let stdout_ok = io::stdout().is_terminal();
    if !stdin_ok || !stdout_ok {
        let which = match (stdin_ok, stdout_ok) {
            (false, false) => "standard input and output are not terminals",
            (false, true) => "standard input is not a terminal",
            _ => "standard output is not a terminal",
        };
        bail!(
            "the explorer needs a terminal, but {which}.\n\
             To write a view as plain text, run: sns-tui print growth|rankings|essay|sources|all"
        );
    }
    let _session = Session::start().context("cannot set up the terminal")?;
    let mut terminal =
        Terminal::new(CrosstermBackend::new(stdout())).context("cannot set up the terminal")?;
    event_loop(&mut terminal, &mut app)
}

/// Draws, then blocks until an event changes something: no timer, so an
/// idle explorer uses no CPU and writes nothing.
fn event_loop(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> Result<()> {
    let size = terminal.size()?;
    app.apply(Action::Resize(size.width, size.height));
    while app.running {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        let action = loop {
            match event::read()? {
                Event::Key(key) => {
                    if let Some(action) = keymap::action_for(&key, &app.scopes()) {
                        break action;
                    }
                }
                Event::Resize(w, h) => {
                    terminal.autoresize()?;
                    break Action::Resize(w, h);
                }
                _ => {}
            }
        };
        app.apply(action);
    }
    Ok(())
}
