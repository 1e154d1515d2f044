//! Bad and hostile data files: each gets a clear message naming the file,
//! where in it and what is wrong, a non-zero exit, no terminal set-up, and
//! no control byte in anything printed. `tests/hostile/` holds the small
//! files; the cases built on the whole bundled dataset are made here.

use std::path::Path;

use assert_cmd::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};
use sns_tui::action::Action;
use sns_tui::app::App;
use sns_tui::dataset::{self, BUNDLED_JSON, MAX_FILE_BYTES};
use sns_tui::tab::Tab;
use sns_tui::ui::theme::Theme;

fn sns() -> Command {
    Command::cargo_bin("sns-tui").unwrap()
}

/// A control character or a bidi control, anywhere in `text`.
fn control_in(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

fn assert_clean(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = control_in(&text) {
        panic!("{what} carries the control character {c:?}:\n{text}");
    }
}

/// Runs the explorer and `check` on `file`; both must fail with `message`,
/// clean output, and the explorer must not have touched the terminal.
fn refused(file: &Path, message: &str) {
    let shown = file.display().to_string();
    let out = sns().arg("--data").arg(file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        out.stdout.is_empty(),
        "{shown}: nothing on stdout, no terminal set-up"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("sns-tui: error: {shown}")),
        "{shown}: {err}"
    );
    assert!(
        err.contains(message),
        "{shown}: want {message:?} in:\n{err}"
    );
    assert!(err.lines().count() <= 20, "one screen at most:\n{err}");
    assert!(
        !err.contains(" 0 more"),
        "nothing left unlisted is not counted:\n{err}"
    );
    assert_clean(&out.stderr, &shown);

    let out = sns().arg("check").arg(file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "check {shown}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(message),
        "check {shown}: want {message:?} in:\n{text}"
    );
    assert_clean(&out.stdout, &shown);
}

const CORPUS: &[(&str, &str)] = &[
    ("empty.json", "the file is empty; expected a JSON object"),
    ("whitespace-only.json", "the file is empty"),
    (
        "invalid-utf8.json",
        "not UTF-8 text: invalid byte at line 2, column 15",
    ),
    (
        "truncated.json",
        "line 1, column 38: essay.title: EOF while parsing a string",
    ),
    (
        "deep-nesting.json",
        "essay.paragraphs[0]: invalid type: sequence, expected a string",
    ),
    ("duplicate-key.json", "duplicate field `schema`"),
    (
        "huge-number.json",
        "schema: invalid type: floating point `1e+23`, expected u32",
    ),
    (
        "negative-count.json",
        "schema: invalid value: integer `-1`, expected u32",
    ),
    (
        "nan-string.json",
        "growth.series[0].points[0].sns_users: invalid type: string \"NaN\", expected f64",
    ),
    (
        "infinity-string.json",
        "sns_users: invalid type: string \"Infinity\", expected f64",
    ),
    (
        "year-too-large.json",
        "growth.series[0].points[0].year: invalid value: integer `99999999999`, expected i32",
    ),
    (
        "wrong-type-top.json",
        "the file holds an array; expected a JSON object",
    ),
    ("bom-then-wrong-type.json", "the file holds an array"),
    (
        "wrong-type-essay.json",
        "essay: invalid type: string \"LINE me!\", expected a JSON object",
    ),
    (
        "wrong-type-rank.json",
        "rankings[0].rows[0].rank: invalid type: string \"first\", expected u32",
    ),
    (
        "wrong-type-urls.json",
        "sources[0].urls: invalid type: string \"https://example.org\", expected a sequence",
    ),
    (
        "wrong-type-kind.json",
        "kind: unknown variant `guess`, expected one of `estimate`, `expected`, `projection`",
    ),
    ("unknown-field.json", "colour: unknown field `colour`"),
    ("missing-field.json", "missing field `essay`"),
    ("escape-in-key.json", "unknown field `[2J[31mred`"),
    ("osc52-in-key.json", "unknown field `]52;c;aGVsbG8=`"),
    ("c1-and-bidi-in-key.json", "unknown field `31mgnp.exe`"),
    (
        "raw-escape-byte.json",
        "control character (\\u0000-\\u001F) found while parsing a string",
    ),
];

#[test]
fn every_corpus_file_is_refused_clearly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut listed: Vec<&str> = CORPUS.iter().map(|(f, _)| *f).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    present.sort_unstable();
    assert_eq!(
        listed, present,
        "every file in tests/hostile has its expectation here"
    );
    for (file, message) in CORPUS {
        refused(&dir.join(file), message);
    }
}

fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let f = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(f.path(), bytes).unwrap();
    f
}

#[test]
fn missing_file_and_directory() {
    refused(
        Path::new("/no/such/dir/data.json"),
        "cannot read the file: No such file or directory",
    );
    let dir = tempfile::tempdir().unwrap();
    refused(dir.path(), "not a regular file");
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let f = tempfile::NamedTempFile::new().unwrap();
    // Sparse: no disk is used, but its length is a gibibyte. Read, only
    // the limit and a byte would be, and counted.
    let size: u64 = 1 << 30;
    f.as_file().set_len(size).unwrap();
    refused(
        f.path(),
        &format!("the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes"),
    );
}

/// The README's limit, 64 MiB, to the byte, whether the bytes come from a
/// file (its length is asked first) or a pipe (read up to the limit):
/// exactly that many are read, one more is refused. (The bytes are not
/// UTF-8 from the first: being read is seen without parsing 64 MiB.)
#[test]
fn sixty_four_mebibytes_are_read_from_a_file_or_a_pipe_and_one_byte_more_is_not() {
    let limit = 64 << 20;
    let mut bytes = vec![b' '; limit];
    bytes[0] = 0xff;
    let f = temp_file(&bytes);
    let check = |stdin: &[u8], data: &Path| {
        let out = sns()
            .arg("--data")
            .arg(data)
            .arg("check")
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        // `check` reports on standard output, a refusal as any problem.
        String::from_utf8(out.stdout).unwrap()
    };
    for report in [check(b"", f.path()), check(&bytes, Path::new("-"))] {
        assert!(
            report.contains("not UTF-8 text: invalid byte at line 1, column 1"),
            "{report}"
        );
    }
    bytes.push(b' ');
    let report = check(&bytes, Path::new("-"));
    assert!(
        report.contains(&format!(
            "is {} bytes; the limit is {limit} bytes",
            limit + 1
        )),
        "{report}"
    );
}

#[test]
fn trailing_garbage_after_a_valid_dataset() {
    let f = temp_file(format!("{BUNDLED_JSON}\n}} extra").as_bytes());
    refused(f.path(), "trailing characters");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let f = temp_file(format!("\u{feff}{BUNDLED_JSON}").as_bytes());
    sns().arg("check").arg(f.path()).assert().success();
}

#[test]
fn a_duplicate_key_deep_inside_is_named_with_its_path() {
    let text = BUNDLED_JSON.replacen("\"rank\": 1,", "\"rank\": 1, \"rank\": 2,", 1);
    let f = temp_file(text.as_bytes());
    refused(f.path(), "rankings[0].rows[0]: duplicate field `rank`");
}

#[test]
fn a_long_list_of_problems_fits_a_screen_and_check_lists_them_all() {
    let mut v: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    for table in v["rankings"].as_array_mut().unwrap() {
        for row in table["rows"].as_array_mut().unwrap() {
            row["sources"] = json!(["nowhere"]);
        }
    }
    let f = temp_file(v.to_string().as_bytes());
    let out = sns().arg("--data").arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.matches("unknown source id \"nowhere\"").count(),
        12,
        "{err}"
    );
    assert!(
        err.contains("… and 116 more (`sns-tui check FILE` lists them all)"),
        "{err}"
    );
    let out = sns().arg("check").arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(&format!("{}: 128 problems:\n", f.path().display())),
        "{text}"
    );
    assert_eq!(text.matches("unknown source id \"nowhere\"").count(), 128);
}

/// The bundled dataset with terminal controls planted in its strings.
fn hostile_strings() -> String {
    let mut v: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    let nasty = "\u{1b}[2J\u{1b}]52;c;aGVsbG8=\u{7}\u{8}\r\u{9b}31m\u{202e}\u{2066}";
    let p = &mut v["essay"]["paragraphs"][0];
    *p = json!(format!("{nasty}{}", p.as_str().unwrap()));
    v["platforms"][1]["name"] = json!(format!("LI{nasty}NE"));
    v["sources"][0]["title"] = json!(format!("title{nasty}"));
    v["notes"][0]["text"] = json!(format!("note\t{nasty}"));
    v["growth"]["series"][0]["label"] = json!(format!("essay{nasty}"));
    v["rankings"][0]["title"] = json!(format!("table{nasty}"));
    v.to_string()
}

#[test]
fn control_characters_in_strings_never_reach_the_output() {
    let f = temp_file(hostile_strings().as_bytes());
    sns().arg("check").arg(f.path()).assert().success();
    for args in [&["print", "all"][..], &["dump"]] {
        let out = sns()
            .arg("--data")
            .arg(f.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_clean(&out.stdout, &format!("{args:?}"));
    }
}

#[test]
fn control_characters_in_strings_never_reach_the_screen() {
    let d = dataset::parse(&hostile_strings(), dataset::Origin::Bundled)
        .unwrap()
        .dataset;
    let mut app = App::new(d, Theme::mono());
    for tab in Tab::ALL {
        for later in [false, true] {
            app.apply(Action::ShowTab(tab));
            if later {
                app.apply(Action::ToggleLater);
                app.apply(Action::ToggleHelp);
            }
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
            app.apply(Action::Resize(100, 30));
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
            let cells: String = terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect();
            assert!(control_in(&cells).is_none(), "{tab:?}: {cells}");
        }
    }
}

/// The bundled dataset with the first platforms renamed.
fn with_platform_names(names: &[&str]) -> dataset::Dataset {
    let mut v: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    for (i, name) in names.iter().enumerate() {
        v["platforms"][i]["name"] = json!(name);
    }
    dataset::parse(&v.to_string(), dataset::Origin::Bundled)
        .unwrap()
        .dataset
}

/// The Rankings tab of `d` drawn at `width` x `height`, row by row.
fn rankings_screen(d: &dataset::Dataset, width: u16, height: u16) -> (App, Vec<Vec<String>>) {
    let mut app = App::new(d.clone(), Theme::mono());
    app.apply(Action::Resize(width, height));
    app.apply(Action::ShowTab(Tab::Rankings));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    let rows = (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    (app, rows)
}

#[test]
fn wide_text_keeps_tables_aligned_and_inside_their_borders() {
    let d = with_platform_names(&[
        "フェイスブック公式アカウント",
        "👩\u{200d}💻e\u{301}LINE",
        "Twitterwithaverylongnamethathasnospacesatall",
    ]);
    for (width, height) in [(80, 24), (120, 40), (50, 15)] {
        let (_, rows) = rankings_screen(&d, width, height);
        // Every row of a table ends in its border at the same column.
        let mut rights: std::collections::BTreeMap<usize, std::collections::BTreeSet<usize>> =
            Default::default();
        for (y, row) in rows.iter().enumerate() {
            let Some(left) = row.iter().position(|s| *s == "│") else {
                continue;
            };
            let right = row
                .iter()
                .skip(left + 1)
                .position(|s| *s == "│")
                .map(|p| p + left + 1);
            let right = right.unwrap_or_else(|| {
                panic!(
                    "{width}x{height} row {y} lost its right border: {}",
                    row.concat()
                )
            });
            rights.entry(left).or_default().insert(right);
        }
        assert!(!rights.is_empty(), "{width}x{height}: no table drawn");
        for (left, right) in &rights {
            assert_eq!(
                right.len(),
                1,
                "{width}x{height}: the table at column {left} has ragged right borders {right:?}"
            );
        }
    }
}

/// Found by the fuzz targets: a byte-order mark inside a string, and a
/// wide character followed by a lone Hangul vowel. Each is a cluster of no
/// width, which ratatui gave a cell of its own; the cleaner now drops them.
#[test]
fn fuzz_findings_zero_width_clusters_never_take_a_cell() {
    let mut v: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    v["sources"][1]["title"] = json!("2013年\u{feff} SNS利用動向");
    v["platforms"][0]["name"] = json!("🉠\u{d7b0}");
    v["essay"]["paragraphs"][0] = json!(format!(
        "\u{feff}{}",
        v["essay"]["paragraphs"][0].as_str().unwrap()
    ));
    let d = dataset::parse(&v.to_string(), dataset::Origin::Bundled)
        .unwrap()
        .dataset;
    assert_eq!(d.platforms[0].name, "🉠");
    let mut app = App::new(d, Theme::mono());
    app.apply(Action::Resize(80, 24));
    for tab in Tab::ALL {
        app.apply(Action::ShowTab(tab));
        let mut buf = ratatui::buffer::Buffer::empty(app.size);
        ratatui::widgets::Widget::render(&app, app.size, &mut buf);
        crate::common::assert_no_straddling(&buf);
    }
}

/// A platform name of 70,000 characters once overflowed the table layout's
/// `u16` arithmetic: now it is cut with an ellipsis in the table, the bars
/// keep their room, and the detail line names it whole.
#[test]
fn a_huge_platform_name_is_cut_in_the_table_and_whole_in_the_detail() {
    let name = format!("Face{}", "book".repeat(17_500));
    let d = with_platform_names(&[&name]);
    for (width, height) in [(80, 24), (200, 60)] {
        let (mut app, rows) = rankings_screen(&d, width, height);
        let rows: Vec<String> = rows.iter().map(|r| r.concat()).collect();
        let facebook = rows
            .iter()
            .find(|r| r.contains("Facebookbook") && r.contains('█'))
            .unwrap_or_else(|| panic!("{width}x{height}: no Facebook row\n{}", rows.join("\n")));
        assert!(facebook.contains('…'), "{facebook}");
        assert!(
            facebook.contains("34%"),
            "the figure keeps its column: {facebook}"
        );
        // The detail names the selected platform whole (wrapped).
        app.apply(Action::Down);
        let doc = app.rankings.detail_doc(&app.ctx());
        let full: String = doc.paras.iter().map(|p| sns_tui::text::plain(p)).collect();
        assert!(
            full.contains(&name),
            "{width}x{height}: the detail has the whole name"
        );
    }
}
