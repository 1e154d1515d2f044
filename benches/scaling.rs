//! `cargo bench --bench scaling`: hostile shapes of data at two sizes, one
//! twice the other. For each, loading and validating (timed in the child
//! that makes the file), then the release binary's `check`, `print all` and
//! `export` as child processes,
//! each timed, with its peak memory (from wait4's rusage) and the bytes it
//! wrote. A cost that grows with the file shows as ratios near 2; the peak
//! should stay under 20 times the file plus 20 MB.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sns_tui::dataset::{self, BUNDLED_JSON, Origin};

#[path = "support/surveys.rs"]
mod surveys;

/// The bundled data with no quotes, so that any essay may replace its own.
fn base() -> Value {
    let mut v: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    for s in v["growth"]["series"].as_array_mut().unwrap() {
        for p in s["points"].as_array_mut().unwrap() {
            p.as_object_mut().unwrap().remove("quote");
        }
    }
    for t in v["rankings"].as_array_mut().unwrap() {
        for r in t["rows"].as_array_mut().unwrap() {
            r.as_object_mut().unwrap().remove("quote");
        }
    }
    for n in v["notes"].as_array_mut().unwrap() {
        n.as_object_mut().unwrap().remove("quote");
    }
    v
}

fn note(quote: String) -> Value {
    json!({"title": "a quote", "quote": quote, "text": "said", "sources": ["essay"]})
}

fn point(year: usize, kind: &str, source: &str) -> Value {
    json!({"year": year, "sns_users": 1.0 + year as f64 / 1e5, "kind": kind, "sources": [source]})
}

fn series(id: String, points: Vec<Value>) -> Value {
    json!({"id": id, "label": "generated", "points": points})
}

/// 5,000 quotes of "the xK" against an essay of a million "the ".
fn first_word_quotes(k: usize) -> Value {
    let mut v = base();
    v["essay"]["paragraphs"] = json!(["the ".repeat(500_000 * k) + "x"]);
    v["notes"] = (0..2_500 * k).map(|i| note(format!("the x{i}K"))).collect();
    v
}

/// Quotes of 1, 2, … K words of "a" against an essay of "a a a …": every
/// quote is there, and each is a prefix of the next.
fn deep_quotes(k: usize) -> Value {
    let mut v = base();
    v["essay"]["paragraphs"] = json!(["a ".repeat(500_000 * k)]);
    let deepest = (1_000.0 * (k as f64).sqrt()) as usize;
    v["notes"] = (1..=deepest).map(|j| note("a ".repeat(j))).collect();
    v
}

/// Series of two points each, years 0 and 99999.
fn wide_years(k: usize) -> Value {
    let mut v = base();
    v["growth"]["series"] = (0..10_000 * k)
        .map(|i| {
            let points = vec![
                point(0, "estimate", "ict-2013"),
                point(99_999, "estimate", "ict-2013"),
            ];
            series(format!("s{i}"), points)
        })
        .collect();
    v
}

/// One point citing one source again and again.
fn one_source_often(k: usize) -> Value {
    let mut v = base();
    v["growth"]["series"][0]["points"][0]["sources"] = json!(vec!["ict-2013"; 400_000 * k]);
    v
}

/// Unknown source ids by the hundred thousand: a problem each.
fn many_problems(k: usize) -> Value {
    let mut v = base();
    let ids: Vec<String> = (0..300_000 * k).map(|i| format!("x{i}")).collect();
    v["growth"]["series"][0]["points"][0]["sources"] = json!(ids);
    v
}

/// Many sources, each cited by a point of its own.
fn many_sources(k: usize) -> Value {
    let mut v = base();
    let n = 20_000 * k;
    let template = v["sources"][0].clone();
    let sources = v["sources"].as_array_mut().unwrap();
    let mut points = Vec::new();
    for i in 0..n {
        let mut s = template.clone();
        s["id"] = json!(format!("src{i}"));
        sources.push(s);
        points.push(point(i, "estimate", &format!("src{i}")));
    }
    v["growth"]["series"]
        .as_array_mut()
        .unwrap()
        // Charted series come before the ledger-only ones.
        .insert(1, series("many".into(), points));
    v
}

/// Paragraphs of one letter each.
fn one_letter_paragraphs(k: usize) -> Value {
    let mut v = base();
    v["essay"]["paragraphs"] = json!(vec!["a"; 1_000_000 * k]);
    v
}

/// Many small ranking tables.
fn many_tables(k: usize) -> Value {
    let mut v = base();
    let template = v["rankings"][0].clone();
    let tables = v["rankings"].as_array_mut().unwrap();
    for i in 0..3_000 * k {
        let mut t = template.clone();
        t["id"] = json!(format!("t{i}"));
        t.as_object_mut().unwrap().remove("compare_with");
        tables.push(t);
    }
    v
}

/// One table of many rows, each its own platform, compared with another.
fn huge_table(k: usize) -> Value {
    let mut v = base();
    let n = 50_000 * k;
    let platforms = v["platforms"].as_array_mut().unwrap();
    for i in 0..n {
        platforms.push(json!({"id": format!("p{i}"), "name": format!("Platform {i}"), "name_ja": "プラットフォーム"}));
    }
    let rows: Vec<Value> = (0..n)
        .map(|i| json!({"rank": i + 1, "platform": format!("p{i}"), "value": (n - i) as f64 / 1e3, "sources": ["ict-2014"]}))
        .collect();
    let mut t = v["rankings"][0].clone();
    t["id"] = json!("huge");
    t["unit"] = json!("points");
    t.as_object_mut().unwrap().remove("compare_with");
    t["rows"] = json!(rows);
    v["rankings"].as_array_mut().unwrap().push(t);
    v
}

/// A first series of many projections and many later series of one
/// point, none of them an outcome: every projection meets every series.
fn many_series(k: usize) -> Value {
    let mut v = base();
    let n = 16_000 * k;
    let projections = (0..n).map(|y| point(y, "projection", "ict-2013")).collect();
    let mut all = vec![series("first".into(), projections)];
    all.extend((0..n).map(|i| {
        series(
            format!("later{i}"),
            vec![point(n + i, "estimate", "ict-2013")],
        )
    }));
    v["growth"]["series"] = json!(all);
    v
}

/// Long strings: one paragraph, one title and one note of megabytes.
fn long_strings(k: usize) -> Value {
    let mut v = base();
    let words = "words of the essay ".repeat(100_000 * k);
    v["essay"]["paragraphs"] = json!([words.clone()]);
    v["sources"][0]["title"] = json!(words.clone());
    v["notes"][0]["text"] = json!(words);
    v
}

/// Platforms named "the x0" … "the xK" against an essay of "the the …"
/// that also holds every "xI": each name can occur, and every "the" starts
/// one; `print essay` marks the names.
fn names_of_a_common_first_word(k: usize) -> Value {
    let mut v = base();
    let names = 2_500 * k;
    let xs: Vec<String> = (0..names).map(|i| format!("x{i}")).collect();
    v["essay"]["paragraphs"] = json!(["the ".repeat(250_000 * k), xs.join(" ")]);
    let platforms = v["platforms"].as_array_mut().unwrap();
    for i in 0..names {
        platforms.push(json!({"id": format!("p{i}"), "name": format!("the x{i}"), "name_ja": "x"}));
    }
    v
}

/// One family of many surveys: see `support/surveys.rs`.
fn many_surveys_of_one_family(k: usize) -> Value {
    surveys::one_family(base(), 3_000 * k)
}

type Shape = (&'static str, fn(usize) -> Value);

const SHAPES: &[Shape] = &[
    ("quotes of a common first word", first_word_quotes),
    ("deep quote sets", deep_quotes),
    ("series spanning 0-99999", wide_years),
    ("one source cited again and again", one_source_often),
    ("many problems", many_problems),
    ("many sources", many_sources),
    ("one-letter paragraphs", one_letter_paragraphs),
    ("many tables", many_tables),
    ("one huge table", huge_table),
    ("many series", many_series),
    ("long strings", long_strings),
    ("names of a common first word", names_of_a_common_first_word),
    ("many surveys of one family", many_surveys_of_one_family),
];

const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["print", "all"],
    &["export", "growth"],
    &["export", "rankings"],
];

struct Measure {
    time: Duration,
    /// Peak resident memory, bytes; None for the in-process load.
    peak: Option<u64>,
    output: usize,
}

/// Runs the binary to the end, counting what it writes, and reads its peak
/// resident memory from the rusage wait4 gives for it alone.
// wait4 reaps the child, as `Child::wait` would, and also says its peak.
#[allow(clippy::zombie_processes)]
fn run(args: &[&str], file: &Path) -> Measure {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sns-tui"))
        .args(args)
        .arg("--data")
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut output = 0;
    let mut out = child.stdout.take().unwrap();
    let mut buf = vec![0; 1 << 16];
    while let Ok(n) = out.read(&mut buf) {
        if n == 0 {
            break;
        }
        output += n;
    }
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our child's, not yet waited for.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    let time = start.elapsed();
    let status = ExitStatus::from_raw(status);
    assert!(status.code().is_some(), "{args:?} ended by a signal");
    Measure {
        time,
        // Linux gives ru_maxrss in KiB.
        peak: Some(usage.ru_maxrss as u64 * 1024),
        output,
    }
}

/// Makes shape `shape` at size `k` into `path` and times loading it, in a
/// process of its own: the files are built and loaded there, so that this
/// process stays small, as the peak memory a child reports counts what its
/// parent held when it started.
fn make(shape: usize, k: usize, path: &Path) {
    let bytes = (SHAPES[shape].1)(k).to_string().into_bytes();
    std::fs::write(path, &bytes).unwrap();
    let start = Instant::now();
    let loaded = dataset::parse_bytes(bytes, Origin::Bundled);
    let time = start.elapsed();
    drop(loaded);
    print!("{}", time.as_nanos());
}

/// Runs [`make`] in a child; its time to load and validate.
fn made(shape: usize, k: usize, path: &Path) -> Measure {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--make", &shape.to_string(), &k.to_string()])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nanos: u64 = String::from_utf8(out.stdout).unwrap().parse().unwrap();
    Measure {
        time: Duration::from_nanos(nanos),
        peak: None,
        output: 0,
    }
}

fn mb(bytes: f64) -> f64 {
    bytes / 1e6
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--make") {
        let number = |i: usize| args[at + i].parse().unwrap();
        return make(number(1), number(2), Path::new(&args[at + 3]));
    }
    let dir = tempfile::tempdir().unwrap();
    println!(
        "| shape | command | file (MB) | time (ms) | time ×| peak (MB) | peak × | output (MB) | peak ≤ 20×file+20 MB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let started = Instant::now();
    let mut worst: (f64, f64) = (0.0, 0.0);
    let mut over = 0;
    for (shape, (name, _)) in SHAPES.iter().enumerate() {
        let paths = [1, 2].map(|k| dir.path().join(format!("{k}.json")));
        let loads = [1, 2].map(|k| made(shape, k, &paths[k - 1]));
        let files = paths
            .each_ref()
            .map(|p| std::fs::metadata(p).unwrap().len() as usize);
        let mut cases: Vec<(String, [Measure; 2])> = vec![("load+validate".into(), loads)];
        for args in COMMANDS {
            cases.push((args.join(" "), [run(args, &paths[0]), run(args, &paths[1])]));
        }
        for (command, [small, large]) in &cases {
            let time_ratio = large.time.as_secs_f64() / small.time.as_secs_f64();
            worst.0 = worst.0.max(time_ratio);
            for (m, bytes) in [(small, files[0]), (large, files[1])] {
                let ratio = match (m.peak, small.peak) {
                    (Some(p), Some(s)) if std::ptr::eq(m, large) => {
                        let r = p as f64 / s as f64;
                        worst.1 = worst.1.max(r);
                        format!("{r:.2}")
                    }
                    _ => String::new(),
                };
                let (peak, within) = match m.peak {
                    Some(p) => {
                        let ok = p as f64 <= 20.0 * bytes as f64 + 20e6;
                        over += usize::from(!ok);
                        (
                            format!("{:.1}", mb(p as f64)),
                            if ok { "yes" } else { "NO" },
                        )
                    }
                    None => ("—".into(), ""),
                };
                let time_ratio = if std::ptr::eq(m, large) {
                    format!("{time_ratio:.2}")
                } else {
                    String::new()
                };
                println!(
                    "| {name} | {command} | {:.2} | {:.1} | {time_ratio} | {peak} | {ratio} | {:.2} | {within} |",
                    mb(bytes as f64),
                    m.time.as_secs_f64() * 1e3,
                    mb(m.output as f64),
                );
            }
        }
    }
    println!();
    println!(
        "worst time ratio {:.2}, worst peak ratio {:.2}, {over} runs over 20×file+20 MB, {:.0} s in all",
        worst.0,
        worst.1,
        started.elapsed().as_secs_f64()
    );
}
