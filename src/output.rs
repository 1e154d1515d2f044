//! The one way the commands write to stdout and stderr. `println!` panics
//! when a write fails, and the release build aborts on a panic; here a
//! reader that has gone away (`| head`) is no error, and any other failure
//! (a full disk) is one message on stderr and exit status 1.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use crate::dataset::clean_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl fmt::Display for Stream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        })
    }
}

/// Writes `text` to `stream` and gives back `code`, the status the program
/// ends with; a closed pipe leaves it as it is, since the reader took what
/// it wanted, and any other write error makes it a failure, said once.
pub fn write(stream: Stream, text: &str, code: ExitCode) -> ExitCode {
    match write_all(stream, text) {
        Ok(()) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            // If stderr cannot be written either, the status is all there is.
            let _ = write_all(
                Stream::Stderr,
                &format!("sns-tui: error: cannot write to {stream}: {e}\n"),
            );
            ExitCode::FAILURE
        }
    }
}

fn write_all(stream: Stream, text: &str) -> io::Result<()> {
    fn to(mut w: impl Write, text: &str) -> io::Result<()> {
        w.write_all(text.as_bytes())?;
        w.flush()
    }
    match stream {
        Stream::Stdout => to(io::stdout().lock(), text),
        Stream::Stderr => to(io::stderr().lock(), text),
    }
}

/// Says why the program failed, on stderr, and gives the failure status.
pub fn error(message: &str) -> ExitCode {
    write(
        Stream::Stderr,
        &format!("sns-tui: error: {}\n", clean_lines(message)),
        ExitCode::FAILURE,
    )
}

/// `text` with no control character but its line breaks: messages quote
/// arguments and file names, which must not reach the terminal as escape
/// sequences.
pub fn clean_lines(text: &str) -> String {
    text.split('\n')
        .map(clean_text)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_keeps_line_breaks_and_drops_every_other_control() {
        assert_eq!(
            clean_lines("error: '\u{1b}]2;PWNED\u{7}'\n\n  \u{9b}31m\u{202e}x\n"),
            "error: ']2;PWNED'\n\n  31mx\n"
        );
    }
}
