//! The real binary in a real pseudo-terminal: keys in, screen out, and the
//! terminal left as it was found.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// How long to wait for a screen before calling the app hung. A guard
/// against hanging forever, not a measure of speed.
const HANG: Duration = Duration::from_secs(30);

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    fn start(cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sns-tui"));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn sns-tui");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(rows, cols, 0),
            output,
            writer,
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
                Ok(bytes) => self.parser.process(&bytes),
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

    /// Waits for the app to exit and reads the rest of its output.
    fn finish(mut self) -> (portable_pty::ExitStatus, vt100::Parser) {
        let status = self.child.wait().unwrap();
        let deadline = Instant::now() + HANG;
        while let Ok(bytes) = self
            .output
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.parser.process(&bytes);
        }
        (status, self.parser)
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
    s.wait_for("2014, later estimates: 60.23 M SNS users, projection");

    s.send("2");
    s.wait_for("Rankings 1/3: 2013, smartphone users against 2013, all respondents");
    s.send("j");
    s.wait_for("2013, smartphone users: rank 2, 47 %");
    s.send("t");
    s.wait_for("Rankings 2/3: 2014, all respondents");
    s.wait_for("2014, all respondents: rank 3, 39.9 %");

    s.send("3");
    s.wait_for("by Chizuru Misawa, marketing intern from Japan");
    s.send("G");
    s.wait_for("— contributed by Chizuru Misawa");

    s.send("\t");
    s.wait_for("Sources (8)");

    s.send("?");
    s.wait_for("Keys");
    s.wait_for("show or hide the later estimates");
    s.send("\x1b");
    s.wait_until("help closed", |screen| {
        !screen.contains("show or hide the later estimates")
    });
    s.send("1");
    s.wait_for("SNS users in Japan, end of year");

    s.send("q");
    let (status, parser) = s.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !parser.screen().alternate_screen(),
        "the alternate screen is left"
    );
    assert!(!parser.screen().hide_cursor(), "the cursor is shown again");
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start(80, 24);
    s.wait_for("1 Growth");
    s.send("\x03");
    let (status, parser) = s.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(!parser.screen().alternate_screen());
}

#[test]
fn a_small_terminal_gets_the_too_small_screen() {
    let mut s = Session::start(40, 10);
    s.wait_for("Terminal too small: 40x10");
    s.send("q");
    let (status, _) = s.finish();
    assert!(status.success());
}
