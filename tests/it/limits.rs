//! What a file can make the commands do is bounded by the file: output
//! that grows with the figures, not with the years they span, and a
//! message while a pipe has not yet given anything.

use serde_json::{Value, json};
use sns_tui::dataset::{self, BUNDLED_JSON, Origin};
use sns_tui::report::{self, Section};

fn bundled() -> Value {
    serde_json::from_str(BUNDLED_JSON).unwrap()
}

fn print(v: &Value, section: Section) -> String {
    let d = dataset::parse(&v.to_string(), Origin::Bundled)
        .unwrap()
        .dataset;
    report::print(&d, &[section], 80, sns_tui::lang::Lang::En)
}

/// 22 series of two points, years 0 and 99999, printed 372 MB: a row for
/// every year between. Now a gap is one line.
#[test]
fn a_span_of_years_prints_the_years_with_figures_and_one_line_per_gap() {
    let mut v = bundled();
    let series = v["growth"]["series"].as_array_mut().unwrap();
    for s in series.iter_mut() {
        let points = s["points"].as_array_mut().unwrap();
        points.truncate(1);
        let mut last = points[0].clone();
        points[0]["year"] = json!(0);
        last["year"] = json!(99_999);
        points.push(last);
    }
    let text = print(&v, Section::Growth);
    assert!(text.contains("\n1-99998  no figures\n"), "{text}");
    assert!(!text.contains("\n2  "), "{text}");
    assert!(text.len() < 10_000, "{} bytes", text.len());
}

#[test]
fn a_single_missing_year_is_its_own_line() {
    let text = print(&bundled(), Section::Growth);
    assert!(text.contains("\n2013-2014  no figures\n"), "{text}");
    let mut v = bundled();
    v["growth"]["series"][0]["points"][3]["year"] = json!(2014);
    let text = print(&v, Section::Growth);
    assert!(text.contains("\n2013  no figure\n"), "{text}");
}

/// Many later series, none of which gives the projected years: the
/// outcomes are found in one walk, and still found where they are.
#[test]
fn projections_meet_their_outcomes_across_many_series() {
    let mut v = bundled();
    let series = v["growth"]["series"].as_array_mut().unwrap();
    let mut filler = series[1].clone();
    filler["points"] = json!([series[1]["points"][0].clone()]);
    filler["points"][0]["year"] = json!(1990);
    for i in 0..500 {
        let mut s = filler.clone();
        s["id"] = json!(format!("filler-{i}"));
        series.insert(1, s);
    }
    let text = print(&v, Section::Growth);
    assert!(
        text.contains("2015: projected 63.21 M, later estimated at 64.88 M, 2.6% low"),
        "{text}"
    );
}

/// A named pipe with no writer: the loader says on standard error that it
/// waits, then reads what comes.
#[cfg(unix)]
#[test]
fn a_pipe_with_no_writer_yet_is_waited_for_aloud() {
    use std::io::Write;
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("data.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sns-tui"))
        .arg("check")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Nothing is written until the notice has come, however long that
    // takes: no sleep decides the order.
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut notice = String::new();
    std::io::BufRead::read_line(&mut err, &mut notice).unwrap();
    assert!(
        notice.starts_with("sns-tui: waiting for data from ")
            && notice.contains("nothing written to it yet"),
        "{notice}"
    );
    std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .unwrap()
        .write_all(BUNDLED_JSON.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: "));
}

/// `--data <(jq …)` keeps working. Whether the notice shows depends on how
/// soon the command writes, which no test should time: only a notice may
/// stand on standard error.
#[cfg(unix)]
#[test]
fn a_pipe_from_a_command_is_read() {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "{} check <(cat \"$0\")",
            env!("CARGO_BIN_EXE_sns-tui")
        ))
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/sns_japan.json"
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines()
            .all(|l| l.starts_with("sns-tui: waiting for data from ")),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: "));
}
