//! The terminal session: enter raw mode and the alternate screen, run the
//! event loop, and leave the terminal as it was on every way out: return,
//! error, panic, and the signals that end a program (TERM, HUP, INT, QUIT).

use std::io::{self, IsTerminal, Stdout, stdout};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::action::{Action, Effect, Update};
use crate::app::App;
use crate::export;
use crate::keymap;
use crate::work::Worker;

/// Held while a frame is written, and by a signal handler that restores the
/// terminal, so the two never interleave on the screen.
static SCREEN: Mutex<()> = Mutex::new(());

/// Restores the terminal when dropped, on return and on unwinding alike.
struct Session;

impl Session {
    fn start(mouse: bool) -> io::Result<Session> {
        install_panic_hook();
        #[cfg(unix)]
        watch_signals()?;
        enable_raw_mode()?;
        let session = Session;
        // A paste arrives as one event, so it is one search, not a key each.
        execute!(stdout(), EnterAlternateScreen, Hide, EnableBracketedPaste)?;
        if mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
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
    // Mouse capture is turned off whether or not it was on: harmless if not.
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
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

/// On a signal that ends the program, restore the terminal, then die of
/// that signal as if it had not been caught, so the parent sees the usual
/// status.
#[cfg(unix)]
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Never released: no frame may follow the restore.
            let _screen = SCREEN.lock().unwrap_or_else(PoisonError::into_inner);
            restore();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

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
    let _session = Session::start(mouse).context("cannot set up the terminal")?;
    let mut terminal =
        Terminal::new(CrosstermBackend::new(stdout())).context("cannot set up the terminal")?;
    event_loop(&mut terminal, &mut app)
}

/// What the event loop waits for: the terminal's events, read on a thread
/// of their own so that keys work whatever else runs, and word from the
/// worker.
enum Message {
    Input(io::Result<Event>),
    Work(Update),
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
fn event_loop(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> Result<()> {
    let (messages, inbox) = channel();
    read_input(messages.clone()).context("cannot read the terminal")?;
    app.worker = Worker::spawn(move |report| {
        let _ = messages.send(Message::Work(report.into()));
    })
    .context("cannot start the worker")?;
    let size = terminal.size()?;
    app.apply(Action::Resize(size.width, size.height));
    while app.running {
        {
            let _screen = SCREEN.lock().unwrap_or_else(PoisonError::into_inner);
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
        settle(terminal, app, &inbox)?;
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
    if let Some(effect) = update.and_then(|update| app.apply(update)) {
        app.apply(perform(effect));
    }
    Ok(())
}

/// Does what the app asked: `e`'s file goes in the current directory.
fn perform(effect: Effect) -> Update {
    match effect {
        Effect::Write { stem, contents } => Update::Written(
            export::write_new_file(std::path::Path::new("."), &stem, &contents)
                .map_err(|e| e.to_string()),
        ),
    }
}

/// Debug builds panic after a frame when SNS_TUI_TEST_PANIC is set, so the
/// tests can prove that a panic leaves the terminal as it was found.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("SNS_TUI_TEST_PANIC").is_some() {
        panic!("SNS_TUI_TEST_PANIC is set");
    }
}
