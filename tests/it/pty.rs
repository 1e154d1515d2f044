//! The real binary in a real pseudo-terminal: keys in, screen out, and the
//! terminal left as it was found.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for a screen before calling the app hung. A guard
/// against hanging forever, not a measure of speed.
const HANG: Duration = Duration::from_secs(30);

struct Session {
    parser: vt100::Parser,
    /// Every byte the app has written, as read so far.
    written: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(cols: u16, rows: u16) -> Session {
        Session::start_with(cols, rows, &[("TERM", Some("xterm-256color"))])
    }

    /// Starts the binary with environment changes: a value sets, None unsets.
    fn start_with(cols: u16, rows: u16, env: &[(&str, Option<&str>)]) -> Session {
        Session::start_args(cols, rows, env, &[], None)
    }

    /// As [`Session::start_with`], with command-line arguments.
    fn start_args(
        cols: u16,
        rows: u16,
        env: Env,
        args: &[&str],
        dir: Option<&std::path::Path>,
    ) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sns-tui"));
        cmd.args(args);
        if let Some(dir) = dir {
            cmd.cwd(dir);
        }
        for (key, value) in env {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            }
        }
        Session::spawn(cols, rows, cmd)
    }

    /// Runs `cmd` with the pty as its terminal.
    fn spawn(cols: u16, rows: u16, cmd: CommandBuilder) -> Session {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn sns-tui");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let master = pair.master;
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(rows, cols, 0),
            written: Vec::new(),
            output,
            writer,
            master,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feeds output to the parser until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(text, |screen| screen.contains(text));
    }

    /// Feeds output to the parser until `done` holds for the screen.
    fn wait_until(&mut self, text: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + HANG;
        while !done(&self.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .output
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.written.extend_from_slice(&bytes);
                }
                Err(RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
                Err(e) => panic!(
                    "no {text:?} on screen ({e:?}); the screen:\n{}",
                    self.screen()
                ),
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).unwrap();
        self.parser.screen_mut().set_size(rows, cols);
    }

    fn signal(&self, name: &str) {
        let pid = self
            .child
            .process_id()
            .expect("the child's pid")
            .to_string();
        let killed = std::process::Command::new("kill")
            .args(["-s", name, &pid])
            .status()
            .unwrap();
        assert!(killed.success(), "kill -s {name} {pid}");
    }

    /// Reads what the app wrote until it has been quiet a while: a stopped
    /// app writes nothing more.
    fn drain(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.parser.process(&bytes);
            self.written.extend_from_slice(&bytes);
        }
    }

    /// The app's state as the kernel has it: 'T' when stopped.
    fn process_state(&self) -> char {
        let pid = self.child.process_id().expect("the child's pid");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        // The state follows the command's name, which is in parentheses.
        let after = &stat[stat.rfind(')').unwrap() + 1..];
        after.trim_start().chars().next().unwrap()
    }

    /// Waits until the kernel says the app is stopped ('T') or not.
    fn wait_stopped(&self, stopped: bool) {
        let deadline = Instant::now() + HANG;
        while (self.process_state() == 'T') != stopped {
            assert!(Instant::now() < deadline, "stopped should be {stopped}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The line discipline's local modes now, as `Ended::modes` has them.
    fn modes(&self) -> String {
        format!(
            "{:?}",
            self.master
                .get_termios()
                .expect("the pty's modes")
                .local_flags
        )
    }

    /// Writes `text` on the test's copy of the screen, as another program
    /// writing to the terminal would.
    fn scribble(&mut self, text: &str) {
        self.parser.process(format!("\x1b[3;5H{text}").as_bytes());
        assert!(self.screen().contains(text));
    }

    /// Waits for the app to exit and reads the rest of its output.
    fn finish(mut self) -> Ended {
        let status = self.child.wait().unwrap();
        let deadline = Instant::now() + HANG;
        while let Ok(bytes) = self
            .output
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.parser.process(&bytes);
        }
        // The line discipline's modes as the app left them.
        let termios = self.master.get_termios().expect("the pty's modes");
        Ended {
            status,
            parser: self.parser,
            modes: format!("{:?}", termios.local_flags),
        }
    }
}

struct Ended {
    status: portable_pty::ExitStatus,
    parser: vt100::Parser,
    /// The terminal's local modes after the app ended.
    modes: String,
}

impl Ended {
    /// The terminal as the app found it: main screen, cursor shown, and
    /// out of raw mode (line editing and echo back on).
    fn assert_restored(&self) {
        assert_restored(&self.parser, &self.modes);
    }
}

/// The terminal as the app found it, from its screen and its local modes.
fn assert_restored(parser: &vt100::Parser, modes: &str) {
    {
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "the alternate screen is left");
        assert!(!screen.hide_cursor(), "the cursor is shown again");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the mouse is released"
        );
        assert!(!screen.bracketed_paste(), "bracketed paste is off again");
        let flags: Vec<&str> = modes.split(|c: char| !c.is_alphanumeric()).collect();
        for mode in ["ICANON", "ECHO", "ISIG"] {
            assert!(flags.contains(&mode), "{mode} is back on: {modes}");
        }
    }
}

#[test]
fn tour_of_every_tab_then_quit() {
    let mut s = Session::start(100, 30);
    s.wait_for("1 Growth");
    s.wait_for("2015, as the essay saw it: 63.21 M SNS users, projection");
    assert!(
        s.parser.screen().alternate_screen(),
        "the app runs on the alternate screen"
    );

    // Left arrow: 2014, a year with no figure.
    s.send("\x1b[D");
    s.wait_for("2014, as the essay saw it: no figure published");
    s.send("o");
    s.wait_for("2014, each report's expectation for its own year: 60.23 M SNS users, expected");

    s.send("2");
    s.wait_for("Rankings 1/22: 2013, smartphone users against 2013, all respondents");
    s.send("j");
    s.wait_for("2013, smartphone users: rank 2, 47%");
    s.send("\x1b[C");
    s.wait_for("Rankings 2/22: 2014, all respondents");
    s.wait_for("2014, all respondents: rank 3, 39.9%");

    s.send("3");
    s.wait_for("by Chizuru Misawa, marketing intern from Japan");
    s.send("G");
    s.wait_for("— contributed by Chizuru Misawa");

    s.send("\t");
    s.wait_for("Sources (17)");

    s.send("\t");
    s.wait_for("5 Trends");
    s.wait_for("ICT総研: usage rate by survey, % of all respondents");
    s.wait_for("L LINE: 2013: 27% ict-2013");
    s.send("m");
    s.wait_for("総務省: usage rate by survey, % of all respondents");

    // The help opens at the keys of the view it is asked from.
    s.send("?");
    s.wait_for("Keys");
    s.wait_for("another family of surveys (総務省's) on its own chart");
    s.send("q");
    s.wait_until("help closed", |screen| {
        !screen.contains("another family of surveys")
    });
    s.send("1");
    s.wait_for("SNS users in Japan, end of year");

    s.send("q");
    let end = s.finish();
    assert!(end.status.success(), "exit status {:?}", end.status);
    end.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start(80, 24);
    s.wait_for("1 Growth");
    s.send("\x03");
    let end = s.finish();
    assert!(end.status.success(), "exit status {:?}", end.status);
    end.assert_restored();
}

#[test]
fn a_small_terminal_gets_the_too_small_screen() {
    let mut s = Session::start(40, 10);
    s.wait_for("Terminal too small: 40x10");
    s.send("q");
    let end = s.finish();
    assert!(end.status.success());
}

#[test]
fn signals_restore_the_terminal_and_end_the_app_as_they_would_any_program() {
    for (signal, name) in [
        ("TERM", "Terminated"),
        ("HUP", "Hangup"),
        ("INT", "Interrupt"),
    ] {
        let mut s = Session::start(80, 24);
        s.wait_for("1 Growth");
        s.signal(signal);
        let end = s.finish();
        assert_eq!(
            end.status.signal(),
            Some(name),
            "SIG{signal}: {:?}",
            end.status
        );
        end.assert_restored();
    }
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut s = Session::start_with(
        80,
        24,
        &[
            ("TERM", Some("xterm-256color")),
            ("SNS_TUI_TEST_PANIC", Some("1")),
        ],
    );
    s.wait_for("SNS_TUI_TEST_PANIC is set");
    let end = s.finish();
    assert!(!end.status.success());
    end.assert_restored();
    // The message is on the main screen, where the user can read it.
    assert!(
        end.parser
            .screen()
            .contents()
            .contains("SNS_TUI_TEST_PANIC is set")
    );
}

#[test]
fn a_dumb_terminal_is_refused_with_a_message() {
    let mut s = Session::start_with(80, 24, &[("TERM", Some("dumb"))]);
    s.wait_for("TERM=dumb");
    s.wait_for("sns-tui print");
    let end = s.finish();
    assert_eq!(end.status.exit_code(), 1);
    assert!(!end.parser.screen().alternate_screen());
}

#[test]
fn without_term_the_app_still_starts() {
    let mut s = Session::start_with(80, 24, &[("TERM", None)]);
    s.wait_for("1 Growth");
    s.send("q");
    let end = s.finish();
    assert!(end.status.success());
    end.assert_restored();
}

#[test]
fn resizing_redraws_for_the_new_size() {
    let mut s = Session::start(80, 24);
    s.wait_for("1 Growth");
    s.send("3");
    s.wait_for("lines 1-20 of ");
    s.resize(120, 40);
    s.wait_for("lines 1-36 of ");
    s.resize(40, 10);
    s.wait_for("Terminal too small: 40x10");
    s.resize(100, 30);
    s.wait_for("by Chizuru Misawa");
    s.send("q");
    let end = s.finish();
    assert!(end.status.success());
    end.assert_restored();
}

/// Environment changes for a session: a value sets, None unsets.
type Env<'a> = &'a [(&'a str, Option<&'a str>)];

/// Whether any cell on screen has a colour of its own.
fn any_colour(parser: &vt100::Parser) -> bool {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    (0..rows).any(|r| {
        (0..cols).any(|c| {
            screen.cell(r, c).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn the_mono_theme_uses_no_colour_but_still_marks_the_selection() {
    let term = ("TERM", Some("xterm-256color"));
    let cases: [(Env, &[&str]); 2] = [
        (&[term, ("NO_COLOR", Some("1"))], &[]),
        (&[term], &["--theme", "mono"]),
    ];
    for (env, args) in cases {
        let mut s = Session::start_args(100, 30, env, args, None);
        s.wait_for("q quit");
        assert!(!any_colour(&s.parser), "no colour with {env:?} {args:?}");
        let screen = s.parser.screen();
        let selected =
            (0..30).any(|r| (0..100).any(|c| screen.cell(r, c).is_some_and(|cell| cell.inverse())));
        assert!(selected, "the selected tab and year are in reverse video");
        s.send("q");
        s.finish().assert_restored();
    }
    let mut s = Session::start(100, 30);
    s.wait_for("q quit");
    assert!(any_colour(&s.parser), "the default theme has colour");
    s.send("q");
    s.finish();
}

#[test]
fn e_writes_a_csv_file_where_the_app_was_started_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start_args(
        100,
        30,
        &[("TERM", Some("xterm-256color"))],
        &[],
        Some(dir.path()),
    );
    s.wait_for("q quit");
    s.send("e");
    s.wait_for("wrote ./sns-tui-growth.csv");
    s.send("q");
    s.finish().assert_restored();
    let csv = std::fs::read_to_string(dir.path().join("sns-tui-growth.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}series,year,"), "{csv}");
}

#[test]
fn slash_searches_the_essay_and_n_moves_between_matches() {
    let mut s = Session::start(100, 30);
    s.wait_for("1 Growth");
    s.send("3");
    s.wait_for("by Chizuru Misawa");
    s.send("/line");
    s.wait_for("/line▏");
    s.wait_for("“line” 1/");
    s.send("\r");
    s.wait_until("prompt closed", |screen| !screen.contains("/line▏"));
    s.send("n");
    s.wait_for("“line” 2/");
    s.send("q");
    s.finish().assert_restored();
}

#[test]
fn the_mouse_clicks_tabs_and_rows_and_is_released_on_exit() {
    let mut s = Session::start(100, 30);
    s.wait_for("q quit");
    assert_ne!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse captured"
    );
    // A left click (SGR encoding, 1-based) on "2 Rankings" in the tab bar.
    s.send("\x1b[<0;15;1M\x1b[<0;15;1m");
    s.wait_for("Rankings 1/22");
    // The wheel, one notch down: the next platform.
    s.send("\x1b[<65;30;10M");
    s.wait_for("2013, smartphone users: rank 2, 47%");
    s.send("q");
    s.finish().assert_restored();
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    let mut s = Session::start_args(
        100,
        30,
        &[("TERM", Some("xterm-256color"))],
        &["--no-mouse"],
        None,
    );
    s.wait_for("q quit");
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    s.send("q");
    s.finish().assert_restored();
}

/// Work in the debug binary waits this long before it starts: far longer
/// than any test waits for a key to act, so a key that acts while the
/// work waits proves the keys are read while work runs.
const SLOW: &str = "60000";

fn start_slow(slow_ms: &str) -> Session {
    Session::start_with(
        100,
        30,
        &[
            ("TERM", Some("xterm-256color")),
            ("SNS_TUI_TEST_SLOW_MS", Some(slow_ms)),
        ],
    )
}

/// Sends `key` and waits for the app to end, well before the slow work
/// could have.
fn quits_with(mut s: Session, key: &str) {
    let sent = Instant::now();
    s.send(key);
    let end = s.finish();
    assert!(
        sent.elapsed() < Duration::from_secs(20),
        "{:?}",
        sent.elapsed()
    );
    assert!(end.status.success(), "exit status {:?}", end.status);
    end.assert_restored();
}

#[test]
fn q_and_ctrl_c_quit_while_a_text_is_being_wrapped() {
    for key in ["q", "\x03"] {
        let mut s = start_slow(SLOW);
        s.wait_for("q quit");
        s.send("3");
        s.wait_for("wrapping… 0% (Esc goes back)");
        quits_with(s, key);
    }
}

#[test]
fn esc_stops_a_wrap_under_way_and_goes_back() {
    let mut s = start_slow(SLOW);
    s.wait_for("q quit");
    s.send("2");
    s.wait_for("Rankings 1/22");
    s.send("3");
    s.wait_for("wrapping… 0%");
    s.send("\x1b");
    s.wait_for("Rankings 1/22");
    s.wait_until("no wrapping", |screen| !screen.contains("wrapping…"));
    quits_with(s, "q");
}

#[test]
fn esc_stops_a_search_under_way_and_ctrl_c_quits_during_one() {
    // Long enough to see the search under way, short enough to wait for
    // the essay to open.
    let mut s = start_slow("1500");
    s.wait_for("q quit");
    s.send("3");
    s.wait_for("by Chizuru Misawa");
    s.send("/line");
    s.wait_for("“line” searching… 0%");
    s.send("\x1b");
    s.wait_until("search cleared", |screen| {
        !screen.contains("“line”") && screen.contains("/ search")
    });
    s.send("/mixi");
    s.wait_for("“mixi” searching…");
    quits_with(s, "\x03");
}

#[test]
fn a_bracketed_paste_is_one_search_and_its_controls_never_show() {
    let mut s = Session::start(100, 30);
    s.wait_for("q quit");
    assert!(s.parser.screen().bracketed_paste(), "bracketed paste is on");
    s.send("3");
    s.wait_for("by Chizuru Misawa");
    s.send("\x1b[200~face\u{202e}book\x1b[201~");
    s.wait_for("/facebook▏ “facebook” 1/7");
    // 300 characters and more, bidi overrides among them: one search.
    s.send("\x1b/");
    s.send(&format!(
        "\x1b[200~{}\x1b[201~",
        "line\u{2066} is ".repeat(40)
    ));
    s.wait_for("not found");
    assert!(!s.screen().contains('\u{2066}'), "{}", s.screen());
    s.send("\x1b");
    s.wait_until("search cleared", |screen| !screen.contains("not found"));
    s.send("q");
    s.finish().assert_restored();
}

/// The app in charge of the terminal again: alternate screen, no cursor,
/// the mouse captured, raw mode (no line editing, no echo).
fn assert_taken(s: &Session) {
    let screen = s.parser.screen();
    assert!(screen.alternate_screen(), "back on the alternate screen");
    assert!(screen.hide_cursor(), "the cursor hidden again");
    assert_ne!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "the mouse captured again"
    );
    assert!(screen.bracketed_paste(), "bracketed paste on again");
    let modes = s.modes();
    let flags: Vec<&str> = modes.split(|c: char| !c.is_alphanumeric()).collect();
    assert!(!flags.contains(&"ICANON"), "raw mode again: {modes}");
}

#[test]
fn ctrl_z_and_sigtstp_give_the_terminal_back_and_fg_takes_it_again() {
    for stop in ["ctrl-z", "TSTP"] {
        let mut s = Session::start(80, 24);
        s.wait_for("1 Growth");
        s.send("3");
        s.wait_for("by Chizuru Misawa");
        match stop {
            "ctrl-z" => s.send("\x1a"),
            signal => s.signal(signal),
        }
        s.wait_stopped(true);
        s.drain();
        assert_restored(&s.parser, &s.modes());
        s.scribble("the shell wrote here");
        s.signal("CONT");
        s.wait_stopped(false);
        s.wait_until("the essay drawn again", |screen| {
            screen.contains("by Chizuru Misawa") && !screen.contains("the shell wrote here")
        });
        assert_taken(&s);
        s.send("1");
        s.wait_for("SNS users in Japan, end of year");
        s.send("q");
        let end = s.finish();
        assert!(end.status.success(), "{stop}: {:?}", end.status);
        end.assert_restored();
    }
}

#[test]
fn sigcont_alone_draws_the_whole_screen_again() {
    let mut s = Session::start(80, 24);
    s.wait_for("1 Growth");
    s.signal("STOP");
    s.wait_stopped(true);
    s.scribble("written over the app");
    s.signal("CONT");
    s.wait_until("drawn again", |screen| {
        screen.contains("1 Growth") && !screen.contains("written over the app")
    });
    assert_taken(&s);
    s.send("q");
    s.finish().assert_restored();
}

#[test]
fn ctrl_l_draws_the_whole_screen_again_without_asking_the_terminal_anything() {
    let mut s = Session::start(80, 24);
    s.wait_for("1 Growth");
    s.scribble("garbage from elsewhere");
    s.send("\x0c");
    s.wait_until("drawn again", |screen| {
        screen.contains("1 Growth") && !screen.contains("garbage from elsewhere")
    });
    // ESC [ 6 n asks where the cursor is; the reply would come as keys.
    assert!(
        !s.written.windows(4).any(|w| w == b"\x1b[6n"),
        "no cursor position query"
    );
    s.send("q");
    s.finish().assert_restored();
}

#[test]
fn theme_color_beats_no_color() {
    let env: Env = &[("TERM", Some("xterm-256color")), ("NO_COLOR", Some("1"))];
    let mut s = Session::start_args(100, 30, env, &["--theme", "color"], None);
    s.wait_for("q quit");
    assert!(
        any_colour(&s.parser),
        "--theme color has colour despite NO_COLOR"
    );
    s.send("q");
    s.finish().assert_restored();
}

/// `sns-tui --data -` run by a shell with the bundled dataset piped in
/// through `via` (a command that runs the app, or nothing): standard input
/// is a pipe, and the terminal is the pty.
fn start_piped(via: &str) -> Session {
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        &format!("cat \"$1\" | {via} \"$0\" --data -"),
        env!("CARGO_BIN_EXE_sns-tui"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sns_japan.json"),
    ]);
    cmd.env("TERM", "xterm-256color");
    Session::spawn(200, 30, cmd)
}

/// With the dataset on standard input, keys come from the terminal: a
/// key that acts with no Enter after it shows raw mode was set there, not
/// on the pipe, and quitting gives the terminal back as it was.
#[test]
fn with_the_dataset_piped_in_keys_come_from_the_terminal() {
    let mut s = start_piped("");
    s.wait_for("1 Growth");
    s.send("2");
    s.wait_for("Rankings 1/22");
    s.send("q");
    let end = s.finish();
    end.assert_restored();
    assert!(end.status.success(), "exit status {:?}", end.status);
}

/// In a session of its own the app has no controlling terminal, so no
/// /dev/tty to read keys from: it says so, before touching the screen.
#[cfg(target_os = "linux")]
#[test]
fn with_the_dataset_piped_in_and_no_terminal_device_the_app_says_so() {
    let mut s = start_piped("setsid -w");
    s.wait_for("sns-tui: error: the explorer reads keys from /dev/tty when the dataset comes on standard input, but /dev/tty cannot be opened: ");
    let end = s.finish();
    assert_eq!(end.status.exit_code(), 1);
    end.assert_restored();
}

/// Into a terminal, `print` wraps to the terminal's width, whatever
/// `$COLUMNS` says: no line runs past the edge (the terminal would wrap
/// it), and the widest comes near it.
#[test]
fn print_into_a_terminal_wraps_to_its_width() {
    let end = Session::start_args(
        50,
        200,
        &[("TERM", Some("xterm-256color")), ("COLUMNS", Some("100"))],
        &["print", "essay"],
        None,
    )
    .finish();
    assert!(end.status.success(), "exit status {:?}", end.status);
    let screen = end.parser.screen();
    let rows: Vec<String> = screen.rows(0, 50).collect();
    for (i, row) in rows.iter().enumerate() {
        assert!(!screen.row_wrapped(i as u16), "a line past the edge: {row}");
    }
    let widest = rows.iter().map(|r| r.trim_end().chars().count()).max();
    assert!(widest.is_some_and(|w| w > 44), "{widest:?}");
}

/// `--data -` at a terminal reads what is typed there, to Ctrl-D; until
/// something comes, it says what it waits for, rather than seeming to hang.
#[test]
fn data_from_a_terminal_is_asked_for_and_read_to_ctrl_d() {
    let mut s = Session::start_args(
        100,
        30,
        &[("TERM", Some("xterm-256color"))],
        &["check", "-"],
        None,
    );
    s.wait_for("waiting for data from standard input (a terminal: paste or type the JSON, then press Ctrl-D)");
    s.send("[]\n\x04");
    s.wait_for("standard input: the input holds an array; expected a JSON object");
    let end = s.finish();
    assert_eq!(end.status.exit_code(), 1);
}

/// A terminal that reports no width (a pty never sized, as some CI
/// runners make) is no width to wrap to: `$COLUMNS` is used instead.
#[test]
fn print_into_a_terminal_of_no_width_wraps_to_columns() {
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        "stty cols 0 rows 0 && exec \"$0\" print essay",
        env!("CARGO_BIN_EXE_sns-tui"),
    ]);
    cmd.env("COLUMNS", "60");
    let end = Session::spawn(100, 200, cmd).finish();
    assert!(end.status.success(), "exit status {:?}", end.status);
    let widest = end
        .parser
        .screen()
        .rows(0, 100)
        .map(|r| r.trim_end().chars().count())
        .max();
    assert!(widest.is_some_and(|w| (54..=60).contains(&w)), "{widest:?}");
}

#[test]
fn y_sends_the_figure_to_the_terminals_clipboard_by_osc_52() {
    let mut s = Session::start(100, 30);
    s.wait_for("q quit");
    s.send("y");
    s.wait_for("characters to the terminal's clipboard");
    // OSC 52, the clipboard, and the citation in base64: it starts with
    // "the 2015 figure (as the essay saw it): ".
    let osc = b"\x1b]52;c;dGhlIDIwMTUgZmlndXJlIChhcyB0aGUgZXNzYXkgc2F3IGl0KTog";
    assert!(
        s.written.windows(osc.len()).any(|w| w == osc),
        "no OSC 52 sequence with the citation"
    );
    s.send("q");
    s.finish().assert_restored();
    // --no-clipboard: nothing sent, and the footer says why.
    let term = [("TERM", Some("xterm-256color"))];
    let mut s = Session::start_args(100, 30, &term, &["--no-clipboard"], None);
    s.wait_for("q quit");
    s.send("y");
    s.wait_for("copying is off (--no-clipboard)");
    assert!(!s.written.windows(5).any(|w| w == b"\x1b]52;"), "no OSC 52");
    s.send("q");
    s.finish().assert_restored();
}
