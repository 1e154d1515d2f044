//! Reading and parsing: what comes before the rules of `validate` (JSON
//! errors and where they are, the shape of the document, reads that fail
//! or are interrupted) and the cleaning of every string on the way in.

use serde_json::json;

use super::*;

#[test]
fn syntax_errors_give_line_and_column() {
    let err = parse(
        "{\n  \"schema\": 1,\n  oops\n}",
        Origin::File("my.json".into()),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("my.json: line 3, column 3: "), "{msg}");
}

#[test]
fn wrong_type_names_its_path() {
    let mut v = bundled_value();
    v["growth"]["series"][0]["points"][3]["year"] = json!("2015");
    let msg = load_value(&v).unwrap_err().to_string();
    assert!(
        msg.contains(
            "growth.series[0].points[3].year: invalid type: string \"2015\", expected i32"
        ),
        "{msg}"
    );
}

#[test]
fn unknown_field_is_named() {
    let mut v = bundled_value();
    v["platforms"][0]["colour"] = json!("blue");
    let msg = load_value(&v).unwrap_err().to_string();
    assert!(
        msg.contains("platforms[0].colour: unknown field `colour`"),
        "{msg}"
    );
}

#[test]
fn trailing_garbage_is_refused() {
    let err = parse(&format!("{BUNDLED_JSON} x"), Origin::Bundled).unwrap_err();
    assert!(matches!(err, LoadError::Json { path: None, .. }), "{err}");
}

#[test]
fn byte_order_mark_is_accepted() {
    assert!(parse(&format!("\u{feff}{BUNDLED_JSON}"), Origin::Bundled).is_ok());
}

#[test]
fn strings_are_cleaned_at_load() {
    let mut v = bundled_value();
    v["platforms"][0]["name"] = json!("Face\u{1b}[2Jbook");
    let d = load_value(&v).unwrap().dataset;
    assert_eq!(d.platforms[0].name, "Face[2Jbook");
}

#[test]
fn missing_file_and_directory() {
    let err = load(Some(Path::new("/no/such/file.json"))).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/no/such/file.json: cannot read the file"),
        "{err}"
    );
    let dir = std::env::temp_dir();
    assert!(matches!(
        load(Some(&dir)).unwrap_err(),
        LoadError::NotAFile { .. }
    ));
}

/// An escape sequence, a C1 control (CSI), a bidi override and a
/// zero-width joiner: what the poisoned strings below carry.
const POISON: &str = "\u{1b}[31m\u{9b}\u{202e}\u{200d}";

/// The characters of [`POISON`] after its escape sequence.
const CONTROLS: &str = "\u{9b}\u{202e}\u{200d}";

/// What a data file's strings must never bring to the terminal.
fn forbidden_in(s: &str) -> Option<char> {
    s.chars().find(|&c| super::clean::is_forbidden(c))
}

/// Puts [`POISON`] into every string value of `v`, wherever it stands, in
/// ways that keep the dataset valid once cleaned: every string but a date
/// or the essay's words gets it in front, so an id and each mention of it
/// get the same; a date, and the source id that names the essay, get a
/// bare ESC in front, which with the first character is an escape sequence
/// of its own, and the rest behind, so that they keep their shape; the
/// paragraphs and the quotes get it in each run of white space between
/// words, so a quote still stands in the essay word for word. Strings
/// that name a variant of an enum (`kind`, `base`) are not text, and are
/// left alone: one poisoned is refused by name. Returns how many strings
/// there are.
fn poison(v: &mut Value, key: Option<&str>) -> usize {
    match v {
        Value::String(_) if matches!(key, Some("kind" | "base")) => 1,
        Value::String(s) => {
            *s = match key {
                Some("date" | "month") => format!("\u{1b}{s}{CONTROLS}"),
                Some("sources") if s == ESSAY_SOURCE => format!("\u{1b}{s}{CONTROLS}"),
                Some("paragraphs" | "quote") => {
                    let words: Vec<&str> = s.split_whitespace().collect();
                    assert!(words.len() > 1, "{s:?} has no white space to poison");
                    words.join(&format!(" {POISON} "))
                }
                _ => format!("{POISON}{s}"),
            };
            1
        }
        Value::Array(items) => items.iter_mut().map(|i| poison(i, key)).sum(),
        Value::Object(fields) => fields
            .iter_mut()
            // The words of a bilingual string are poisoned as it is.
            .map(|(k, f)| match k.as_str() {
                "en" | "ja" => poison(f, key),
                k => poison(f, Some(k)),
            })
            .sum(),
        _ => 0,
    }
}

/// Every string of the bundled dataset, poisoned, loads, and the loaded
/// dataset written out again holds no forbidden character: no string field
/// of the model escapes cleaning.
#[test]
fn every_string_is_cleaned_at_load() {
    let mut v = bundled_value();
    let strings = poison(&mut v, None);
    assert!(strings > 100, "only {strings} strings");
    let json = v.to_string();
    assert!(json.contains("\\u001b[31m") && json.contains(CONTROLS));
    let loaded = load_value(&v).unwrap_or_else(|e| panic!("{e}"));
    let out = serde_json::to_value(&loaded.dataset).unwrap();
    let mut seen = 0;
    let mut check = |s: &str| {
        seen += 1;
        assert_eq!(forbidden_in(s), None, "in {s:?}");
        assert_eq!(clean_text(s), s);
    };
    fn walk(v: &Value, check: &mut impl FnMut(&str)) {
        match v {
            Value::String(s) => check(s),
            Value::Array(items) => items.iter().for_each(|i| walk(i, check)),
            Value::Object(fields) => fields.values().for_each(|f| walk(f, check)),
            _ => {}
        }
    }
    walk(&out, &mut check);
    assert_eq!(seen, strings, "every string written out again");
    // What was poisoned shows, cleaned, where it was put.
    assert_eq!(loaded.dataset.sources[0].id, "[31mict-2011");
    assert!(loaded.dataset.essay.paragraphs[0].contains(" [31m "));
    assert_eq!(
        forbidden_in(&serde_json::to_string(&loaded.dataset).unwrap()),
        None
    );
}

/// A read interrupted by a signal (a resize while a pipe is quiet) is
/// tried again, not reported as a failure to read.
#[test]
fn an_interrupted_first_read_is_tried_again() {
    struct Interrupted<'a>(bool, &'a [u8]);
    impl Read for Interrupted<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if std::mem::replace(&mut self.0, false) {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            self.1.read(buf)
        }
    }
    let bytes = read_limited(Interrupted(true, b"{}"), None, &Origin::Stdin).unwrap();
    assert_eq!(bytes, b"{}");
}

/// A document that is not an object is named by what it holds, from its
/// first character after white space.
#[test]
fn a_document_that_is_not_an_object_is_named_by_what_it_holds() {
    for (text, holds) in [
        (" [1]", "an array"),
        ("\"x\"", "a string"),
        ("-1", "a number"),
        ("12", "a number"),
        ("true", "true or false"),
        ("false", "true or false"),
        ("null", "null"),
        ("\n\tnope", "something that is not JSON"),
        ("tru", "something that is not JSON"),
        ("+1", "something that is not JSON"),
    ] {
        let e = parse(text, Origin::Stdin).unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "standard input: the input holds {holds}; expected a JSON object \
                 (`sns-tui dump` prints one to start from)"
            ),
            "{text:?}"
        );
    }
}

/// A fault at the top of the document has no path to give: the message
/// goes straight from the place to the fault.
#[test]
fn a_fault_at_the_top_has_no_path() {
    let e = parse("{}", Origin::Stdin).unwrap_err().to_string();
    assert_eq!(
        e,
        "standard input: line 1, column 2: missing field `schema`"
    );
    let e = parse(r#"{"schema": 2, "essay": {}}"#, Origin::Stdin)
        .unwrap_err()
        .to_string();
    assert!(e.ends_with(": essay: missing field `title`"), "{e}");
}
