//! The terminal as the explorer uses it (raw mode, the alternate screen,
//! bracketed paste, the mouse if asked) and as it was found, on every way
//! in and out: start, return, error, panic, the signals that end a
//! program, and job control (Ctrl-Z, SIGTSTP, `fg`).

use std::io::{self, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Held while a frame is written, and by a signal handler that restores the
/// terminal, so the two never interleave on the screen.
static SCREEN: Mutex<()> = Mutex::new(());

/// Whether the session captures the mouse, for re-entering after a stop.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// The screen, for writing a frame.
pub fn screen() -> MutexGuard<'static, ()> {
    SCREEN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Restores the terminal when dropped, on return and on unwinding alike.
pub struct Session;

impl Session {
    /// Takes the terminal over. `repaint` is called (from another thread)
    /// when the app comes back from a stop and must draw the whole screen.
    pub fn start(mouse: bool, repaint: impl Fn() + Send + 'static) -> io::Result<Session> {
        install_panic_hook();
        MOUSE.store(mouse, Ordering::Relaxed);
        #[cfg(unix)]
        watch_signals(repaint)?;
        #[cfg(not(unix))]
        drop(repaint);
        enter()?;
        Ok(Session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    // A paste arrives as one event, so it is one search, not a key each.
    execute!(stdout(), EnterAlternateScreen, Hide, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::Relaxed) {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
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

/// Ctrl-Z: in raw mode the terminal sends no SIGTSTP, so the app sends it,
/// to its whole process group as the terminal would (so `cargo run`, which
/// waits for the app, stops too and the shell gets the terminal back). The
/// app's own handler then restores the terminal and stops.
#[cfg(unix)]
pub fn suspend() {
    // SAFETY: kill has no memory effects; 0 names the caller's group.
    unsafe {
        libc::kill(0, libc::SIGTSTP);
    }
}

#[cfg(not(unix))]
pub fn suspend() {}

/// On a signal that ends the program, restore the terminal, then die of
/// that signal as if it had not been caught, so the parent sees the usual
/// status. On SIGTSTP, restore the terminal and stop; on SIGCONT (after a
/// stop, or alone), take the terminal again and draw it all.
#[cfg(unix)]
fn watch_signals(repaint: impl Fn() + Send + 'static) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        // Held from a stop until the terminal is taken again, so no frame
        // is written to the shell's screen in between.
        let mut stopped = None;
        for signal in signals.forever() {
            match signal {
                SIGTSTP => {
                    let guard = stopped.take().unwrap_or_else(screen);
                    restore();
                    stopped = Some(guard);
                    // SIGSTOP, not SIGTSTP: the kernel discards a SIGTSTP
                    // whose default action would stop an orphaned process
                    // group; a SIGSTOP always stops.
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                }
                SIGCONT => {
                    let guard = stopped.take().unwrap_or_else(screen);
                    let _ = enter();
                    drop(guard);
                    repaint();
                }
                _ => {
                    // Never released: no frame may follow the restore.
                    let _screen = stopped.take().unwrap_or_else(screen);
                    restore();
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            }
        }
    });
    Ok(())
}
