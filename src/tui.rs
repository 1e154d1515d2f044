//! The event loop: input, the worker's word and repaints in; frames out.
//! The terminal itself is set up and given back by [`crate::session`].

use std::io::{self, IsTerminal, Stdout, stdout};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use crossterm::clipboard::CopyToClipboard;
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::{Position, Rect};

use crate::action::{Action, Effect, Update};
use crate::app::App;
use crate::export;
use crate::keymap;
use crate::session::{self, Session};
use crate::work::Worker;

/// Why the explorer cannot run here, if it cannot. When standard input
/// held the dataset (`stdin_is_data`), it need not be a terminal: when it
/// is not, crossterm reads keys from the terminal device and sets raw mode
/// there (its `tty_fd`), which must then open.
fn unusable_terminal(stdin_is_data: bool) -> Option<String> {
    let stdin_tty = io::stdin().is_terminal();
    // Only on unix does crossterm turn to a terminal device.
    let keys_from_device = stdin_is_data && !stdin_tty && cfg!(unix);
    let stdin_ok = stdin_tty || keys_from_device;
    let stdout_ok = io::stdout().is_terminal();
    let which = match (stdin_ok, stdout_ok) {
        (true, true) => None,
        (false, false) => Some("standard input and output are not terminals"),
        (false, true) => Some("standard input is not a terminal"),
        (true, false) => Some("standard output is not a terminal"),
    };
    if let Some(which) = which {
        return Some(format!("the explorer needs a terminal, but {which}"));
    }
    if keys_from_device
        && let Err(e) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
    {
        return Some(format!(
            "the explorer reads keys from /dev/tty when the dataset comes on standard input, \
             but /dev/tty cannot be opened: {e}"
        ));
    }
    // A dumb terminal cannot move the cursor; drawing on it makes a mess.
    (std::env::var("TERM").as_deref() == Ok("dumb"))
        .then(|| "the explorer cannot draw on a terminal with TERM=dumb".to_string())
}

/// Runs the explorer until the user quits. With `mouse`, clicks and the
/// wheel work and the terminal's own selection needs Shift held. With
/// `stdin_is_data`, standard input held the dataset, and keys come from
/// the terminal device.
pub fn run(mut app: App, mouse: bool, stdin_is_data: bool) -> Result<()> {
    if let Some(why) = unusable_terminal(stdin_is_data) {
        bail!(
            "{why}.\nTo write a view as plain text, run: sns-tui print growth|rankings|essay|sources|all"
        );
    }
    let (messages, inbox) = channel();
    let repaint = messages.clone();
    let _session = Session::start(mouse, move || {
        let _ = repaint.send(Message::Repaint);
    })
    .context("cannot set up the terminal")?;
    let mut terminal =
        Terminal::new(CrosstermBackend::new(stdout())).context("cannot set up the terminal")?;
    event_loop(&mut terminal, &mut app, messages, &inbox)
}

/// What the event loop waits for: the terminal's events, read on a thread
/// of their own so that keys work whatever else runs, and word from the
/// worker, and a call to draw the whole screen again (after a stop).
enum Message {
    Input(io::Result<Event>),
    Work(Update),
    Repaint,
}

/// While work runs, the screen is redrawn this often to show its progress.
const TICK: Duration = Duration::from_millis(100);

/// Work that ends this soon after a key is drawn with it, in one frame.
const SETTLE: Duration = Duration::from_millis(10);

/// Reads the terminal's events on a thread of their own until the loop
/// stops listening or reading fails.
fn read_input(messages: Sender<Message>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                if messages.send(Message::Input(event)).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(())
}

/// Draws, then blocks until a message changes something: no timer while
/// nothing runs, so an idle explorer uses no CPU and writes nothing. While
/// work runs, a frame every [`TICK`] shows how far it has got.
fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    messages: Sender<Message>,
    inbox: &Receiver<Message>,
) -> Result<()> {
    read_input(messages.clone()).context("cannot read the terminal")?;
    app.worker = Worker::spawn(move |report| {
        let _ = messages.send(Message::Work(report.into()));
    })
    .context("cannot start the worker")?;
    let size = terminal.size()?;
    app.apply(Action::Resize(size.width, size.height));
    while app.running {
        {
            let _screen = session::screen();
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        panic_if_asked();
        let message = if app.busy() {
            match inbox.recv_timeout(TICK) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            inbox.recv()?
        };
        handle(terminal, app, message)?;
        settle(terminal, app, inbox)?;
    }
    Ok(())
}

/// Takes whatever else is waiting, and the outcome of work that ends
/// within [`SETTLE`], before the next frame.
fn settle(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    inbox: &Receiver<Message>,
) -> Result<()> {
    let until = Instant::now() + SETTLE;
    while app.running {
        let message = if app.busy() {
            inbox.recv_timeout(until.saturating_duration_since(Instant::now()))
        } else {
            inbox.try_recv().map_err(|_| RecvTimeoutError::Timeout)
        };
        match message {
            Ok(message) => handle(terminal, app, message)?,
            Err(_) => break,
        }
    }
    Ok(())
}

fn handle(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    message: Message,
) -> Result<()> {
    let update = match message {
        Message::Work(update) => Some(update),
        Message::Repaint => return repaint(terminal, app),
        Message::Input(event) => match event? {
            Event::Key(key) => keymap::action_for(&key, &app.scopes()).map(Update::Act),
            Event::Mouse(m) => keymap::action_for_mouse(&m).map(Update::Act),
            Event::Paste(text) => Some(Update::Paste(text)),
            Event::Resize(w, h) => {
                terminal.autoresize()?;
                Some(Update::Act(Action::Resize(w, h)))
            }
            _ => None,
        },
    };
    match update.and_then(|update| app.apply(update)) {
        // `e`'s file goes in the current directory.
        Some(Effect::Write { stem, contents }) => {
            let written = export::write_new_file(std::path::Path::new("."), &stem, &contents);
            app.apply(Update::Written(written.map_err(|e| e.to_string())));
        }
        Some(Effect::Copy(text)) => {
            // Between frames, so the sequence never splits one.
            let _screen = session::screen();
            execute!(stdout(), CopyToClipboard::to_clipboard_from(text))?;
        }
        Some(Effect::Suspend) => session::suspend(),
        Some(Effect::Repaint) => repaint(terminal, app)?,
        None => {}
    }
    Ok(())
}

/// Clears the screen and forgets the last frame, so the next one is drawn
/// in full: whatever else wrote to the terminal is gone. Resizing to the
/// terminal's size does both without asking the terminal where its cursor
/// is (`Terminal::clear` asks, and a reply can arrive as keys). The size
/// may have changed while the app was stopped.
fn repaint(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::from((Position::ORIGIN, size)))?;
    app.apply(Action::Resize(size.width, size.height));
    Ok(())
}

/// Debug builds panic after a frame when SNS_TUI_TEST_PANIC is set, so the
/// tests can prove that a panic leaves the terminal as it was found.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("SNS_TUI_TEST_PANIC").is_some() {
        panic!("SNS_TUI_TEST_PANIC is set");
    }
}
