//! The dataset, in layers: [`CleanString`], a string cleaned however it is
//! made; [`RawDataset`], the serde model of a file, all of whose strings
//! are those; [`Dataset`], a raw one that passed validation, with its ids
//! indexed, made only by [`Dataset::new`]. Loading reads a file into the
//! raw model (upgrading version 1), with JSON paths in errors, then checks
//! it.

mod bilingual;
mod checked;
mod clean;
mod ids;
mod lookup;
mod model;
mod quote;
mod v1;
mod validate;

use std::fmt;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

pub use bilingual::Bilingual;
pub use checked::Dataset;
pub use clean::{CleanString, clean_text};
pub use model::*;
pub use quote::{QuoteIndex, find_quote};
pub use validate::{Findings, KEPT_PROBLEMS, Problem, YEARS, validate};

/// The dataset compiled into the binary.
pub const BUNDLED_JSON: &str = include_str!("../../assets/sns_japan.json");

/// Files larger than this are refused before they are read whole.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The `--data` argument that names standard input, as in most tools.
pub const STDIN: &str = "-";

/// Whether `path` is the argument that names standard input; a file of
/// that name can still be read as `./-`.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Where a dataset came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    File(PathBuf),
    Stdin,
}

impl Origin {
    /// What the messages call what was read.
    fn noun(&self) -> &'static str {
        match self {
            Origin::Bundled => "the dataset",
            Origin::File(_) => "the file",
            Origin::Stdin => "the input",
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => f.write_str("the bundled dataset"),
            // A file name is text from outside too: no escapes through it.
            Origin::File(p) => f.write_str(&clean_text(&p.display().to_string())),
            Origin::Stdin => f.write_str("standard input"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The cause is part of the message, as every variant's message is
    /// whole; named `cause`, not `source`, so that it is not also the
    /// error's source, which `{:#}` would print a second time.
    #[error("{origin}: cannot read {}: {cause}", origin.noun())]
    Io {
        origin: Origin,
        cause: std::io::Error,
    },
    #[error("{origin}: not a regular file")]
    NotAFile { origin: Origin },
    #[error("{origin}: {} is {size} bytes; the limit is {MAX_FILE_BYTES} bytes", origin.noun())]
    TooLarge { origin: Origin, size: u64 },
    #[error(
        "{origin}: not UTF-8 text: invalid byte at line {line}, column {column} (byte offset {offset})"
    )]
    NotUtf8 {
        origin: Origin,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error(
        "{origin}: {} is empty; expected a JSON object (`sns-tui dump` prints one to start from)",
        origin.noun()
    )]
    Empty { origin: Origin },
    #[error(
        "{origin}: {} holds {found}; expected a JSON object (`sns-tui dump` prints one to start from)",
        origin.noun()
    )]
    NotAnObject { origin: Origin, found: &'static str },
    /// Bad JSON, or JSON of the wrong shape; `path` is where in the
    /// document, when the parser had got inside it.
    #[error("{origin}: line {line}, column {column}: {}{message}", path.as_ref().map(|p| format!("{p}: ")).unwrap_or_default())]
    Json {
        origin: Origin,
        path: Option<String>,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{origin}: {}:\n{}", count(findings), list(findings, SHOWN_PROBLEMS))]
    Invalid { origin: Origin, findings: Findings },
}

/// How many problems an error message lists, so that it fits on a screen;
/// `sns-tui check` lists up to [`KEPT_PROBLEMS`].
pub const SHOWN_PROBLEMS: usize = 12;

/// "1 problem", "3 problems".
pub fn count(findings: &Findings) -> String {
    let n = findings.total();
    format!("{n} problem{}", if n == 1 { "" } else { "s" })
}

/// The first `most` problems, one a line, and how many more there are.
pub fn list(findings: &Findings, most: usize) -> String {
    let problems = &findings.problems;
    let mut lines: Vec<String> = problems
        .iter()
        .take(most)
        .map(|p| format!("  {p}"))
        .collect();
    let unlisted_kept = problems.len().saturating_sub(most);
    let unlisted = unlisted_kept + findings.more;
    if unlisted > 0 {
        // `check` lists what was kept; past that, problems were only counted.
        let hint = match (unlisted_kept, findings.more) {
            (0, _) => String::new(),
            (_, 0) => " (`sns-tui check FILE` lists them all)".into(),
            _ => format!(" (`sns-tui check FILE` lists the first {KEPT_PROBLEMS})"),
        };
        lines.push(format!("  … and {unlisted} more{hint}"));
    }
    lines.join("\n")
}

/// A dataset that passed validation.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub origin: Origin,
}

/// Loads the bundled dataset, the file at `path`, or standard input when
/// `path` is [`STDIN`].
pub fn load(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match path {
        None => parse(BUNDLED_JSON, Origin::Bundled),
        Some(path) if is_stdin(path) => {
            let origin = Origin::Stdin;
            let stdin = std::io::stdin();
            let why = if stdin.is_terminal() {
                "a terminal: paste or type the JSON, then press Ctrl-D"
            } else {
                "nothing written to it yet"
            };
            let waiting = Some(say_if_waiting(origin.clone(), why));
            let bytes = read_limited(stdin.lock(), waiting, &origin)?;
            parse_bytes(bytes, origin)
        }
        Some(path) => {
            let origin = Origin::File(path.to_path_buf());
            let bytes = read_file(path, &origin)?;
            parse_bytes(bytes, origin)
        }
    }
}

fn read_file(path: &Path, origin: &Origin) -> Result<Vec<u8>, LoadError> {
    let io = |cause| LoadError::Io {
        origin: origin.clone(),
        cause,
    };
    let waiting =
        is_pipe(path).then(|| say_if_waiting(origin.clone(), "a pipe: nothing written to it yet"));
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::NotAFile {
            origin: origin.clone(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            origin: origin.clone(),
            size: meta.len(),
        });
    }
    read_limited(file, waiting, origin)
}

/// Reads `source` whole, up to [`MAX_FILE_BYTES`]. A pipe or device
/// reports no length: at most one byte past the limit is read, so an
/// endless stream is refused rather than read forever. `waiting` is
/// dropped once the first bytes come.
fn read_limited(
    source: impl Read,
    waiting: Option<mpsc::Sender<()>>,
    origin: &Origin,
) -> Result<Vec<u8>, LoadError> {
    let io = |cause| LoadError::Io {
        origin: origin.clone(),
        cause,
    };
    let mut bytes = Vec::new();
    let mut source = source.take(MAX_FILE_BYTES + 1);
    // The first read is where an open pipe waits for its writer.
    let mut first = [0; 4096];
    let n = loop {
        match source.read(&mut first) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            read => break read.map_err(io)?,
        }
    };
    drop(waiting);
    bytes.extend_from_slice(&first[..n]);
    source.read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            origin: origin.clone(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// How long a pipe may keep the loader waiting before it says so.
const QUIET_WAIT: Duration = Duration::from_millis(500);

/// Whether `path` is a pipe: a named one, or `<(command)`'s.
fn is_pipe(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Reading a pipe waits, at the open for a named one with no writer and at
/// the first read for any, and standard input may be a terminal: if
/// nothing has come after [`QUIET_WAIT`], a line on standard error says
/// what the program waits for and `why`, so that a forgotten writer does
/// not look like a hang. Dropping the returned sender, once data comes,
/// keeps the line from being written.
fn say_if_waiting(origin: Origin, why: &'static str) -> mpsc::Sender<()> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        if rx.recv_timeout(QUIET_WAIT) == Err(mpsc::RecvTimeoutError::Timeout) {
            // A notice only: a closed or full standard error must not stop
            // the read (eprintln! would panic).
            let _ = writeln!(
                std::io::stderr(),
                "sns-tui: waiting for data from {origin} ({why})"
            );
        }
    });
    tx
}

/// Checks that `bytes` are UTF-8, then parses them as [`parse`] does.
pub fn parse_bytes(bytes: Vec<u8>, origin: Origin) -> Result<Loaded, LoadError> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..offset];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            // Columns count characters, as serde_json's do; the bytes before the bad one are valid.
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            return Err(LoadError::NotUtf8 {
                origin,
                offset,
                line,
                column,
            });
        }
    };
    parse(&text, origin)
}

/// Parses dataset text, cleaning its strings, and checks it.
pub fn parse(text: &str, origin: Origin) -> Result<Loaded, LoadError> {
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    if json.trim().is_empty() {
        return Err(LoadError::Empty { origin });
    }
    if let Some(found) = top_level_kind(json) {
        return Err(LoadError::NotAnObject { origin, found });
    }
    // A current file is read at the cost of one parse; only a file that is
    // not one is asked its version, and an older one read as that.
    // Strings are cleaned as they are read.
    let raw = match serde_json::from_str::<RawDataset>(json) {
        Ok(d) => d,
        Err(_) if declared_version(json) == Some(1) => {
            deserialize::<v1::DatasetV1>(json, &origin)?.upgrade()
        }
        Err(first) => return Err(path_error::<RawDataset>(json, origin, &first)),
    };
    match Dataset::new(raw) {
        Ok(dataset) => Ok(Loaded { dataset, origin }),
        Err(findings) => Err(LoadError::Invalid { origin, findings }),
    }
}

/// The `schema` a document declares, if it declares a whole number.
fn declared_version(json: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Version {
        schema: u32,
    }
    serde_json::from_str::<Version>(json).ok().map(|v| v.schema)
}

fn deserialize<T: serde::de::DeserializeOwned>(
    json: &str,
    origin: &Origin,
) -> Result<T, LoadError> {
    serde_json::from_str(json).map_err(|first| path_error::<T>(json, origin.clone(), &first))
}

/// The error of a document that does not deserialize as `T`, with where in
/// it things went wrong. Tracking the path costs a third of a parse (bench:
/// "load and validate: large"), so it
/// is done only once a plain parse has failed.
fn path_error<T: serde::de::DeserializeOwned>(
    json: &str,
    origin: Origin,
    first: &serde_json::Error,
) -> LoadError {
    let mut de = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => {
            let path = clean_text(&e.path().to_string());
            json_error(origin, Some(path), e.inner())
        }
        // Only trailing characters fail after a whole document.
        Ok(_) => json_error(origin, None, first),
    }
}

fn json_error(origin: Origin, path: Option<String>, e: &serde_json::Error) -> LoadError {
    // serde_json's message ends with its own " at line L column C".
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    // The message may quote the file; it must not carry its control bytes.
    let message = plain_words(&clean_text(message));
    // serde_path_to_error writes "." for the top and "?" where it lost track.
    let path = path.filter(|p| p != "." && p != "?");
    LoadError::Json {
        origin,
        path,
        line: e.line(),
        column: e.column(),
        message,
    }
}

/// serde speaks of Rust types ("expected struct Essay"); a person writing
/// JSON wants to hear "expected a JSON object".
fn plain_words(message: &str) -> String {
    match message.find("expected struct ") {
        Some(at) => format!("{}expected a JSON object", &message[..at]),
        None => message.to_string(),
    }
}

/// The first character of a document that is not white space: the top
/// level must be an object, and serde would take an array for one.
fn top_level_kind(json: &str) -> Option<&'static str> {
    let json = json.trim_start();
    // A word is named only when it is that word: "nope" is not null.
    let word = |w: &str| json.starts_with(w);
    match json.chars().next()? {
        '{' => None,
        '[' => Some("an array"),
        '"' => Some("a string"),
        c if c == '-' || c.is_ascii_digit() => Some("a number"),
        't' | 'f' if word("true") || word("false") => Some("true or false"),
        'n' if word("null") => Some("null"),
        _ => Some("something that is not JSON"),
    }
}

#[cfg(test)]
mod tests;
