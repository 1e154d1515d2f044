//! Writing an export to a new file, never over an old one.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The longest stem `e` gives a file, in bytes: with "-9999.csv" after it,
/// a name stays well inside the 255 bytes that common file systems allow,
/// however long the table id it comes from.
const MAX_STEM: usize = 100;

/// `stem` as a file name every common system accepts: letters and digits of
/// any script and `-` as they are, `_` for anything else (a path separator,
/// a colon, a space, a dot at the end, all of which some system or shell
/// trips on), cut to [`MAX_STEM`] bytes at a character boundary.
fn safe_stem(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.chars() {
        let c = if c.is_alphanumeric() || c == '-' {
            c
        } else {
            '_'
        };
        if out.len() + c.len_utf8() > MAX_STEM {
            break;
        }
        out.push(c);
    }
    out
}

/// A file that could not be written: the one tried, and why.
#[derive(Debug, thiserror::Error)]
#[error("could not write {}: {error}", path.display())]
pub struct WriteError {
    pub path: PathBuf,
    error: io::Error,
}

/// Writes `contents` to a new file `STEM.csv` in `dir`, or `STEM-2.csv`
/// and so on, `stem` made safe for a file name ([`safe_stem`]); gives back
/// the file written. An existing file is never overwritten, even one that
/// appears between the look and the write.
pub fn write_new_file(dir: &Path, stem: &str, contents: &str) -> Result<PathBuf, WriteError> {
    let stem = safe_stem(stem);
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.csv")
        } else {
            format!("{stem}-{n}.csv")
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return fill(file, path, contents.as_bytes()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(WriteError { path, error }),
        }
    }
    Err(WriteError {
        path: dir.join(format!("{stem}.csv")),
        error: io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("it exists, and so do {stem}-2.csv to {stem}-9999.csv"),
        ),
    })
}

/// Writes `contents` to `file`, just created at `path`, and gives back the
/// path; if the write fails (a full disk) the file is removed, so no
/// export is left behind that looks whole and is not.
fn fill(mut file: impl Write, path: PathBuf, contents: &[u8]) -> Result<PathBuf, WriteError> {
    match file.write_all(contents).and_then(|()| file.flush()) {
        Ok(()) => Ok(path),
        Err(error) => {
            // Closed first: Windows removes no file that is open.
            drop(file);
            // A file that cannot be removed either is still named in the error.
            let _ = std::fs::remove_file(&path);
            Err(WriteError { path, error })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new_file(dir.path(), "sns-tui-growth", "a").unwrap();
        let second = write_new_file(dir.path(), "sns-tui-growth", "b").unwrap();
        assert_eq!(first.file_name().unwrap(), "sns-tui-growth.csv");
        assert_eq!(second.file_name().unwrap(), "sns-tui-growth-2.csv");
        assert_eq!(std::fs::read_to_string(first).unwrap(), "a");
        let odd = write_new_file(dir.path(), "a/b c", "x").unwrap();
        assert_eq!(odd.file_name().unwrap(), "a_b_c.csv");
        // A directory that is not there: its own cause, at the first name,
        // not "it exists" after trying ten thousand.
        let gone = dir.path().join("gone");
        let err = write_new_file(&gone, "sns-tui-growth", "x").unwrap_err();
        assert_eq!(err.error.kind(), io::ErrorKind::NotFound, "{err}");
        assert_eq!(err.path, gone.join("sns-tui-growth.csv"));
    }

    #[test]
    fn file_names_keep_letters_of_any_script_and_stay_short() {
        assert_eq!(safe_stem("ICT総研: 2013/05."), "ICT総研__2013_05_");
        assert_eq!(safe_stem("..\\..\\CON*?<>|\"'"), "______CON_______");
        let long = safe_stem(&format!("a{}", "調".repeat(300)));
        assert_eq!(long, format!("a{}", "調".repeat(33)), "cut at a character");
        assert_eq!(long.len(), MAX_STEM);
    }

    /// A disk that fills up after `room` bytes.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_that_fails_leaves_no_file_and_names_the_one_it_tried() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sns-tui-growth-2.csv");
        std::fs::write(&path, "series,ye").unwrap();
        let e = fill(Full { room: 9 }, path.clone(), b"series,year\n").unwrap_err();
        assert!(!path.exists(), "the partial file is removed");
        assert_eq!(
            e.to_string(),
            format!("could not write {}: disk full", path.display())
        );
    }
}
