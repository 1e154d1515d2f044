//! The binary's plain commands, as a user or a script runs them.

use assert_cmd::Command;
use predicates::prelude::*;
use sns_tui::dataset::{self, BUNDLED_JSON};
use sns_tui::lang::Lang;
use sns_tui::report::{self, Section};
use unicode_width::UnicodeWidthStr;

/// The binary, its output a pipe and with no `$COLUMNS`, whatever the
/// shell running the tests has: `print` then wraps to 80.
fn sns() -> Command {
    let mut cmd = Command::cargo_bin("sns-tui").unwrap();
    cmd.env_remove("COLUMNS");
    cmd
}

fn temp_json(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
    f
}

#[test]
fn help_lists_the_commands() {
    sns()
        .arg("--help")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("check")
                .and(predicate::str::contains("print"))
                .and(predicate::str::contains("dump")),
        )
        .stdout(predicate::str::contains("--data <FILE>"));
}

#[test]
fn version_names_the_release() {
    sns()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("sns-tui {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn check_accepts_the_bundled_dataset() {
    sns()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: the bundled dataset"));
}

#[test]
fn check_lists_every_problem_with_file_and_path() {
    let bad = BUNDLED_JSON
        .replacen("\"ict-2013-ascii\"\n", "\"ict-1999\"\n", 1)
        .replacen("\"rank\": 5", "\"rank\": 1", 1);
    let f = temp_json(&bad);
    let file = f.path().display().to_string();
    sns()
        .args(["check", &file])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(format!("{file}: 3 problems:")))
        .stdout(predicate::str::contains(
            "growth.series[0].points[0].sources[1]: unknown source id \"ict-1999\"",
        ))
        .stdout(predicate::str::contains(
            "rankings[0].rows[4].rank: rank 1 (16)",
        ));
    // The explorer refuses it with the same list, all of it shown: no
    // line counts what is left, for nothing is.
    let out = sns().args(["--data", &file]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let listed: Vec<&str> = err
        .lines()
        .skip_while(|l| !l.ends_with("3 problems:"))
        .collect();
    assert_eq!(listed.len(), 4, "{err}");
    assert!(
        listed[1..]
            .iter()
            .all(|l| l.starts_with("  ") && !l.contains('…')),
        "{err}"
    );
}

#[test]
fn check_gives_line_and_column_of_a_syntax_error() {
    let f = temp_json("{\n  \"schema\": 1,,\n}");
    sns()
        .arg("check")
        .arg(f.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(": line 2, column 15: "));
}

#[test]
fn data_flag_works_with_check_and_print() {
    let f = temp_json(&BUNDLED_JSON.replace("LINE me!", "LINE me, again!"));
    sns()
        .arg("--data")
        .arg(f.path())
        .arg("check")
        .assert()
        .success();
    sns()
        .arg("--data")
        .arg(f.path())
        .args(["print", "essay"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("LINE me, again!\n"));
}

/// `sns-tui dump`'s output, as a user pipes it into another command.
fn dumped() -> Vec<u8> {
    let out = sns().arg("dump").output().unwrap();
    assert!(out.status.success());
    out.stdout
}

#[test]
fn data_from_standard_input_works_with_every_command() {
    let json = dumped();
    let bundled = sns().args(["print", "growth"]).output().unwrap().stdout;
    let piped = sns()
        .args(["print", "growth", "--data", "-"])
        .write_stdin(json.clone())
        .output()
        .unwrap();
    assert!(piped.status.success(), "{piped:?}");
    assert_eq!(
        String::from_utf8(piped.stdout).unwrap(),
        String::from_utf8(bundled).unwrap(),
        "the dump piped in prints as the bundled dataset"
    );
    sns()
        .args(["check", "-"])
        .write_stdin(json.clone())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: standard input (schema 2"));
    let dump = sns()
        .args(["--data", "-", "dump"])
        .write_stdin(json.clone())
        .output()
        .unwrap();
    assert_eq!(dump.stdout, json, "dump reads back what it wrote");
    sns()
        .args(["--data", "-", "export", "growth"])
        .write_stdin(json)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("series,year,"));
}

#[test]
fn bad_json_on_standard_input_is_named_with_its_line() {
    sns()
        .args(["--data", "-", "print", "growth"])
        .write_stdin("{\n  \"schema\": 2,\n  oops\n}")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "sns-tui: error: standard input: line 3, column 3: ",
        ));
    sns()
        .args(["check", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "standard input: the input is empty; expected a JSON object",
        ));
}

/// The explorer with its dataset on standard input reads keys from the
/// terminal instead, so a piped standard input is not refused; here the
/// output is not a terminal either, and only that is said.
#[test]
fn the_explorer_takes_its_dataset_from_a_pipe_and_needs_only_a_terminal_for_output() {
    sns()
        .args(["--data", "-"])
        .write_stdin(dumped())
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("but standard output is not a terminal.")
                .and(predicate::str::contains("standard input").not()),
        );
}

/// Standard input that cannot be read (here a directory) is an error
/// that says so, once: the read is not tried again for ever.
#[cfg(unix)]
#[test]
fn standard_input_that_cannot_be_read_says_why() {
    let dir = std::fs::File::open(std::env::temp_dir()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sns-tui"))
        .args(["--data", "-", "check"])
        .stdin(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "standard input: cannot read the input: Is a directory (os error 21)\n"
    );
}

/// Standard input that stays silent: the loader says on standard error
/// that it waits, then reads what comes. Nothing is written until the
/// notice has come, so no sleep decides the order.
#[test]
fn a_silent_standard_input_is_waited_for_aloud() {
    use std::io::{BufRead, Write};
    use std::process::Stdio;

    let mut child = bin()
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut notice = String::new();
    err.read_line(&mut notice).unwrap();
    assert_eq!(
        notice,
        "sns-tui: waiting for data from standard input (nothing written to it yet)\n"
    );
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(BUNDLED_JSON.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("ok: standard input"),
        "{out:?}"
    );
}

#[test]
fn a_bad_data_file_stops_the_explorer_before_the_terminal() {
    sns()
        .args(["--data", "/no/such/dataset.json"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "sns-tui: error: /no/such/dataset.json: cannot read the file: \
             No such file or directory (os error 2)\n",
        );
}

#[test]
fn print_growth_shows_projection_against_outcome() {
    sns()
        .args(["print", "growth"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2015      63.21         —  65.3%  projection",
        ))
        .stdout(predicate::str::contains(
            "2015      64.88     99.43  65.3%  estimate",
        ))
        .stdout(predicate::str::contains("2013-2014  no figures"))
        .stdout(predicate::str::contains(
            "2015: projected 63.21 M, later estimated at 64.88 M, 2.6% low",
        ));
}

/// Every bar of `print growth` is exact to an eighth of a character: its
/// length keeps the order of the figures whatever their kind, and each
/// kind keeps its own glyph.
#[test]
fn print_growth_bars_are_as_long_as_their_figures() {
    let out = sns().args(["print", "growth"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut bars: Vec<(f64, usize)> = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let [_, users, .., kind, bar] = words[..] else {
            continue;
        };
        let Ok(users) = users.parse::<f64>() else {
            continue;
        };
        let body = match kind {
            "estimate" => '█',
            "expected" => '▓',
            "projection" => '▒',
            _ => continue,
        };
        let whole = bar.chars().take_while(|c| *c == body).count();
        let tip = bar.chars().nth(whole).map_or(0, |c| {
            1 + "▏▎▍▌▋▊▉".chars().position(|p| p == c).expect("a solid tip")
        });
        assert_eq!(bar.chars().count(), whole + usize::from(tip > 0), "{line}");
        bars.push((users, whole * 8 + tip));
    }
    // The essay's 4 figures, then 6 later estimates, 7 expectations, 6
    // later projections and the earlier projection of the ledger.
    assert_eq!(bars.len(), 4 + 6 + 7 + 6 + 1, "{text}");
    bars.sort_by(|a, b| a.0.total_cmp(&b.0));
    for pair in bars.windows(2) {
        assert!(pair[0].1 <= pair[1].1, "{pair:?}");
    }
    // The longest bar is a whole number of characters: the scale.
    let (max, full) = bars[bars.len() - 1];
    for (v, eighths) in &bars {
        let exact = v / max * full as f64;
        assert!(
            (*eighths as f64 - exact).abs() <= 0.5,
            "{v}: {eighths}/8, not {exact:.2}/8"
        );
    }
    let at = |v: f64| bars.iter().find(|b| b.0 == v).unwrap().1;
    assert!(at(63.21) < at(64.88), "{text}");
    assert!(
        text.contains("█ estimate, ▓ expected, ▒ projection"),
        "{text}"
    );
}

/// The table of `print rankings` whose heading starts with `title` (and a
/// space), up to the next blank line.
fn printed_table(text: &str, title: &str) -> String {
    let start = text
        .find(&format!("\n{title} "))
        .unwrap_or_else(|| panic!("no table {title}"));
    let rest = &text[start + 1..];
    rest[..rest.find("\n\n").unwrap_or(rest.len())].to_string()
}

fn row<'a>(table: &'a str, platform: &str) -> &'a str {
    table
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some(platform))
        .unwrap_or_else(|| panic!("no row {platform} in\n{table}"))
}

#[test]
fn print_rankings_says_what_each_comparison_compares() {
    let out = sns()
        .args(["print", "rankings", "--width", "100"])
        .output()
        .unwrap();
    let text = format!("\n{}", String::from_utf8(out.stdout).unwrap());
    // Smartphone users against all respondents of the same survey: a
    // difference between populations, never an arrow that reads as a trend.
    // Where the source compares with a survey whose figures are not at
    // hand, the comparison shown says so.
    let twenty = printed_table(&text, "2020, all respondents");
    assert!(
        twenty.contains("compares 2020 with a 2019 survey whose figures were not found"),
        "{twenty}"
    );
    let phones = printed_table(&text, "2013, smartphone users");
    assert!(row(&phones, "LINE").ends_with(" +27"), "{phones}");
    assert!(!phones.contains('▲') && !phones.contains('▼'), "{phones}");
    let header = phones.lines().find(|l| l.starts_with("rank ")).unwrap();
    assert!(
        header.ends_with(" vs") && !header.contains("change"),
        "{header}"
    );
    let said = phones.replace('\n', " ");
    assert!(
        said.contains("the same survey, another population, not a change"),
        "{said}"
    );
    // 2014 against 2013: a change, ranked among the platforms both list.
    let all = printed_table(&text, "2014, all respondents");
    assert!(row(&all, "Facebook").contains("▼2"), "{all}");
    assert!(row(&all, "Google+").contains("unlisted"), "{all}");
    assert!(!all.contains("new"), "{all}");
    let said = all.replace('\n', " ");
    assert!(
        said.contains(
            "Caveats: From 2014, communicating with people; surveys of 12,000 and 4,193."
        ),
        "{all}"
    );
    assert!(said.contains("unlisted: not among the figures published for 2013, all respondents"));
    // Satisfaction 2014 lists fewer platforms: Facebook stays fifth of the
    // five both list, not "up 3".
    let satisfaction = printed_table(&text, "2014, satisfaction");
    assert!(
        row(&satisfaction, "Facebook").ends_with(" ="),
        "{satisfaction}"
    );
}

#[test]
fn a_sample_size_is_printed_as_a_base_only_where_it_is_one() {
    let out = sns()
        .args(["print", "rankings", "--width", "200"])
        .output()
        .unwrap();
    let text = format!("\n{}", String::from_utf8(out.stdout).unwrap());
    for (title, base) in [
        ("2013, all respondents", "n=12,000)"),
        (
            "2013, smartphone users",
            "of 12,000 respondents; base not published)",
        ),
        (
            "2013, satisfaction",
            "of 12,000 respondents; bases not published)",
        ),
        ("2014, all respondents", "n=4,193)"),
    ] {
        let heading = printed_table(&text, title)
            .lines()
            .next()
            .unwrap()
            .to_string();
        assert!(heading.ends_with(base), "{heading}");
    }
    assert_eq!(
        text.matches("n=12,000)").count(),
        1,
        "n=12,000 as a base once only"
    );
}

#[test]
fn print_all_has_every_section_and_no_escape_codes() {
    for width in ["40", "60", "100"] {
        let out = sns()
            .args(["print", "all", "--width", width])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(
            !out.stdout.contains(&0x1b),
            "an escape byte at width {width}"
        );
        let text = String::from_utf8(out.stdout).unwrap();
        for section in [
            "Growth\n======",
            "Rankings\n========",
            "Essay\n=====",
            "Sources\n=======",
            "Trends\n======",
        ] {
            assert!(text.contains(section), "{section}");
        }
    }
}

/// The widest line of `print essay` (prose, no links) run with `args` and
/// `COLUMNS` set to `columns` (unset for None).
fn widest_printed(args: &[&str], columns: Option<&str>) -> usize {
    let mut cmd = sns();
    cmd.args(["print", "essay"]).args(args);
    if let Some(columns) = columns {
        cmd.env("COLUMNS", columns);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().map(|l| l.width()).max().unwrap()
}

/// Into a pipe, `print` wraps to `$COLUMNS`, else 80; `--width` beats
/// both. (Into a terminal, to its width: see tests/it/pty.rs.) The widest
/// line comes within a few columns of the width, so each is the one used.
#[test]
fn print_wraps_to_columns_else_80_and_width_beats_both() {
    let near = |widest: usize, width: usize| (width - 6..=width).contains(&widest);
    let widest = widest_printed(&[], None);
    assert!(near(widest, 80), "{widest} without COLUMNS");
    let widest = widest_printed(&[], Some("50"));
    assert!(near(widest, 50), "{widest} with COLUMNS=50");
    let widest = widest_printed(&["--width", "70"], Some("50"));
    assert!(near(widest, 70), "{widest} with --width 70 and COLUMNS=50");
    // A window narrower than print's least is brought up to it.
    let widest = widest_printed(&[], Some("5"));
    assert!(near(widest, 20), "{widest} with COLUMNS=5");
    let widest = widest_printed(&[], Some(""));
    assert!(near(widest, 80), "{widest} with COLUMNS empty");
}

#[test]
fn a_columns_that_is_not_a_number_is_named() {
    sns()
        .args(["print", "growth"])
        .env("COLUMNS", "wide")
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "sns-tui: error: COLUMNS is \"wide\", not a number of columns; \
             set it to one, unset it, or give print --width\n",
        );
    // --width wins, so COLUMNS is not even read.
    sns()
        .args(["print", "growth", "--width", "60"])
        .env("COLUMNS", "wide")
        .assert()
        .success();
}

/// At every width `print` takes, in both languages, no line is wider than
/// the paper, but a link: a URL stands whole on a line of its own, since
/// one cut across lines can be neither followed nor copied (the bundled
/// data's longest is 81 columns, so below that some do exceed). Printed in
/// process: the binary only adds the width it was given.
#[test]
fn no_printed_line_is_wider_than_the_paper_but_a_whole_link() {
    let d = dataset::load(None).unwrap().dataset;
    for lang in [Lang::En, Lang::Ja] {
        for width in 20..=120 {
            let text = report::print(&d, &Section::ALL, width, lang);
            for line in text.lines().filter(|l| l.width() > width) {
                assert!(
                    line.starts_with("http") && line.contains("://") && !line.contains(' '),
                    "{} columns at width {width} ({lang:?}): {line}",
                    line.width()
                );
            }
        }
    }
}

/// On narrow paper a table's rows fold at the same columns as its header,
/// each later line indented past the first column, and every bar keeps
/// its figure beside it.
#[test]
fn narrow_tables_fold_under_their_headers() {
    let out = sns()
        .args(["print", "all", "--lang", "en", "--width", "30"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "year  SNS users  internet\n      share  kind\n\
             2010      36.71         —\n      38.8%  estimate\n      █"
        ),
        "{text}"
    );
    assert!(
        text.contains("   1  LINE\n        73.1  █████▉    ▲1\n"),
        "the figure and its bar on one line: {text}"
    );
    assert!(
        text.contains("2014  ict-2011  projection\n      56.43    59%\n      → 60.23 ict-2014"),
        "{text}"
    );
}

#[test]
fn print_refuses_a_silly_width() {
    sns()
        .args(["print", "essay", "--width", "3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--width"));
}

#[test]
fn dump_prints_the_bundled_dataset_which_checks_ok_and_reads_back_the_same() {
    let out = sns().arg("dump").output().unwrap();
    assert!(out.status.success());
    let text = std::str::from_utf8(&out.stdout).unwrap();
    let dumped = dataset::parse(text, dataset::Origin::Bundled)
        .unwrap()
        .dataset;
    assert!(
        *dumped == *dataset::load(None).unwrap().dataset,
        "dump reads back as the same dataset"
    );
    let f = temp_json(std::str::from_utf8(&out.stdout).unwrap());
    sns().arg("check").arg(f.path()).assert().success();
}

#[test]
fn without_a_terminal_the_explorer_points_to_print() {
    // assert_cmd gives the child pipes, not a terminal.
    sns().write_stdin("").assert().code(1).stdout("").stderr(
        predicate::str::contains("needs a terminal").and(predicate::str::contains("sns-tui print")),
    );
}

#[test]
fn export_writes_each_format_with_sources() {
    let csv = sns().args(["export", "growth"]).output().unwrap();
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("series,year,sns_users_million"), "{csv}");
    assert!(
        csv.contains("later-estimates,2015,64.88,99.43,65.3,estimate,ict-2016,"),
        "{csv}"
    );
    let md = sns()
        .args(["export", "rankings", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("| 2013-smartphone | 2013, smartphone users |"),
        "{md}"
    );
    let json = sns()
        .args(["export", "rankings", "--format", "json"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 128);
    sns()
        .args(["export", "essay"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: growth, rankings",
        ));
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let out = sns().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("sns-tui") && script.contains("export"),
            "{shell}: {script}"
        );
    }
    sns()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH sns-tui 1").and(predicate::str::contains("export")));
}

/// The man page's own sections, the keys from the key table (see
/// `assets/keys.roff`), and no pointer to a page that is not installed:
/// clap_mangen names one per command (`sns-tui-check(1)`).
#[test]
fn the_man_page_has_commands_keys_environment_and_files() {
    let out = sns().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    for wanted in [
        ".SH COMMANDS\n",
        "\\fBsns\\-tui print\\fR \\fIVIEW\\fR [\\fB\\-\\-width\\fR \\fIWIDTH\\fR]\n",
        "\\fBsns\\-tui check\\fR [\\fIFILE\\fR]\n",
        ".SH KEYS\n",
        ".SS Everywhere\n",
        ".TP\n\\fBq\\fR, \\fBCtrl\\-C\\fR\nquit\n",
        ".TP\n\\fB\\[u2190]\\fR, \\fBh\\fR\nprevious year\n",
        ".SS Essay and Sources\n",
        ".TP\n\\fB/\\fR\nsearch the text\n",
        ".SH ENVIRONMENT\n",
        "\\fBNO_COLOR\\fR\n",
        "\\fBLC_ALL, LC_MESSAGES, LANG\\fR\n",
        "\\fBCOLUMNS\\fR\n",
        ".SH FILES\n",
        "sns\\-tui\\-growth.csv",
        ".SH CLIPBOARD\n",
        "set \\-g set\\-clipboard on",
    ] {
        assert!(page.contains(wanted), "no {wanted:?} in\n{page}");
    }
    assert!(!page.contains("SUBCOMMANDS"), "{page}");
    assert!(
        !page.contains("(1)") && !page.contains("SEE ALSO"),
        "{page}"
    );
}

/// Every command that writes to stdout, as a script runs it.
const WRITERS: &[&[&str]] = &[
    &["print", "all"],
    &["check"],
    &["dump"],
    &["export", "rankings"],
    &["completions", "bash"],
    &["man"],
    &["--help"],
    &["--version"],
];

fn bin() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sns-tui"));
    cmd.env_remove("COLUMNS");
    cmd
}

/// Runs `args` with stdout a pipe whose read end is closed before the
/// program starts, so that its first write fails with EPIPE, every time.
fn into_a_closed_pipe(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    bin().args(args).stdout(writer).output().unwrap()
}

#[test]
fn every_command_says_once_that_stdout_is_full_and_exits_1() {
    for args in WRITERS {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bin().args(*args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "sns-tui: error: cannot write to stdout: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn every_command_ends_quietly_when_the_reader_has_gone() {
    for args in WRITERS {
        let out = into_a_closed_pipe(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn check_into_a_closed_pipe_still_fails_a_file_with_problems() {
    // `check bad.json | head -1` under pipefail must not pass the file.
    let bad = BUNDLED_JSON.replace("\"rank\": 5", "\"rank\": 1");
    let f = temp_json(&bad);
    let out = into_a_closed_pipe(&["check", f.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_reader_that_stops_early_ends_a_long_print_quietly() {
    // `| head -1`: the first line read, then the pipe closed while
    // megabytes are still to come (more than a pipe holds).
    let essay = "word ".repeat(200_000);
    let mut json: serde_json::Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    json["essay"]["paragraphs"][0] = essay.into();
    let f = temp_json(&json.to_string());
    let mut child = bin()
        .arg("--data")
        .arg(f.path())
        .args(["print", "essay"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    assert!(first.starts_with("LINE me!"), "{first}");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn an_error_with_stderr_full_still_exits_1() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = bin()
        .args(["--data", "/no/such/dataset.json"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn arguments_reach_the_terminal_without_their_control_characters() {
    let hostile = ["\u{1b}]2;PWNED\u{7}", "\u{1b}[31mx\u{9b}2J\u{202e}txt"];
    let cases: Vec<(Vec<String>, i32)> = hostile
        .iter()
        .flat_map(|h| {
            [
                (vec![h.to_string()], 2),
                (vec![format!("--{h}")], 2),
                (vec!["--theme".into(), h.to_string()], 2),
                (vec!["print".into(), h.to_string()], 2),
                (vec!["--data".into(), h.to_string()], 1),
                (vec!["check".into(), h.to_string()], 1),
            ]
        })
        .collect();
    for (args, code) in cases {
        // As on a terminal: clap writes its colours, and with them
        // whatever an argument holds, when it thinks it may.
        let out = bin()
            .args(&args)
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        for text in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(text);
            let control = |c: char| {
                (c.is_control() && c != '\n')
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            };
            assert!(!text.chars().any(control), "{args:?}: {text:?}");
        }
    }
}

/// The bundled dataset with cells a spreadsheet would run or a Markdown
/// viewer would render: a formula for Facebook's name, a table title that
/// starts like a sum and goes on with a tag and an image.
fn hostile_cells() -> tempfile::NamedTempFile {
    let mut v: serde_json::Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    v["platforms"][0]["name"] = "=HYPERLINK(\"http://evil.example\",\"Facebook\")".into();
    v["rankings"][0]["title"]["en"] = "-2+3 <b>all</b> ![x](http://evil.example/x.png)".into();
    temp_json(&v.to_string())
}

fn export_of(data: &tempfile::NamedTempFile, args: &[&str]) -> String {
    let out = sns()
        .arg("--data")
        .arg(data.path())
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn csv_export_never_hands_a_spreadsheet_a_formula() {
    let f = hostile_cells();
    let csv = export_of(&f, &["rankings"]);
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("2013-all,'-2+3 <b>all</b> ![x](http://evil.example/x.png),"),
        "{row}"
    );
    assert!(
        row.contains(",1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Facebook\"\")\",34,"),
        "{row}"
    );
}

#[test]
fn markdown_export_shows_a_title_as_text_not_as_a_tag_or_an_image() {
    let f = hostile_cells();
    let md = export_of(&f, &["rankings", "--format", "markdown"]);
    let row = md.lines().nth(2).unwrap();
    assert!(
        row.starts_with(
            "| 2013-all | -2+3 &lt;b&gt;all&lt;/b&gt; \\!\\[x\\]\\(http://evil.example/x.png\\) |"
        ),
        "{row}"
    );
    assert!(row.contains("| 1 | =HYPERLINK\\(\"http://evil.example\",\"Facebook\"\\) | 34 |"));
}

#[test]
fn export_writes_a_byte_order_mark_only_when_asked() {
    let plain = sns().args(["export", "growth"]).output().unwrap();
    assert!(plain.stdout.starts_with(b"series,"));
    for format in ["csv", "markdown", "json"] {
        let marked = sns()
            .args(["export", "growth", "--bom", "--format", format])
            .output()
            .unwrap();
        assert!(marked.status.success(), "{format}");
        let text = String::from_utf8(marked.stdout).unwrap();
        let rest = text.strip_prefix('\u{feff}').expect(format);
        assert!(!rest.starts_with('\u{feff}'), "{format}: one mark");
    }
    sns()
        .args(["export", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--bom").and(predicate::str::contains("byte-order mark")));
}

#[test]
fn print_and_export_follow_the_language_before_or_after_the_command() {
    for args in [
        &["print", "rankings", "--lang", "ja"][..],
        &["--lang", "ja", "print", "rankings"][..],
    ] {
        let out = sns().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("フェイスブック") && text.contains("順位"),
            "{args:?}"
        );
        assert!(
            text.contains("回答者12,000人のうち; 母数は非公表"),
            "{args:?}"
        );
        // Each table's population, in the heading, is in Japanese too.
        assert!(
            text.contains("; 日本のインターネット利用者;") && !text.contains("internet users"),
            "{args:?}"
        );
    }
    let out = sns()
        .args(["export", "rankings", "--format", "csv", "--lang", "ja"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    // The columns keep their English names for the tools that read them.
    assert!(csv.starts_with("table,title,survey,"), "{csv}");
    assert!(csv.contains("フェイスブック") && csv.contains("2013年 回答者全体"));
    let english = sns()
        .args(["print", "growth", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(english.stdout)
            .unwrap()
            .contains("later estimated at 64.88 M")
    );
}

#[test]
fn print_trends_lists_each_platform_by_survey_with_gaps_and_breaks() {
    let out = sns()
        .args(["print", "trends", "--lang", "en", "--width", "80"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("ICT総研: usage rate by survey, % of all respondents\n"));
    let line = text
        .split("\n\n")
        .find(|b| b.starts_with("L LINE\n"))
        .unwrap();
    assert_eq!(
        line,
        "L LINE
2013-05     27%  ict-2013
┆ a break in method: From 2014, communicating with people
2014-07   47.6%  ict-2014
2015     no survey
2016-08   72.1%  ict-2016
2017-10   76.9%  ict-2017
2018-11   80.8%  ict-2018
2019     no survey
2020-07   77.4%  ict-2020
2021     no survey
┆ a break in method: From 2022, other purposes counted too
2022-04   79.5%  ict-2022
2023     no survey
2024-12   74.7%  ict-2024"
    );
    // A platform a survey does not list is a gap, never a zero.
    let mixi = text
        .split("\n\n")
        .find(|b| b.starts_with("m mixi\n"))
        .unwrap();
    assert!(
        mixi.contains("2017-10    6.2%  ict-2017\n2018-11  not listed"),
        "{mixi}"
    );
    // 総務省's surveys come apart, never merged into ICT総研's.
    let mic = text.find("総務省: usage rate by survey").unwrap();
    assert!(!text[..mic].contains("mic-20"));
    assert!(!text[mic..].contains("ict-20"));
    assert!(text[mic..].contains("┆ a break in method: From 2024, ages 10-69, not 13-69"));
    assert!(text.lines().all(|l| l.width() <= 80), "{text}");
    // Japanese, and a file with no trend to draw.
    sns()
        .args(["print", "trends", "--lang", "ja"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2015     調査なし"));
    let v1 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1/dataset.json"
    );
    sns()
        .args(["--data", v1, "print", "trends", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Not enough surveys for a trend",
        ));
}
