//! `cargo bench --bench startup`: the real release binary in a
//! pseudo-terminal at 120x40, against the bare ratatui program in
//! `examples/bare.rs`, runs alternating. For each: time from spawn to the
//! first full frame, peak resident memory, and, over 5 s of no input, the
//! CPU ticks used and the bytes written to the terminal.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 30;
const IDLE: Duration = Duration::from_secs(5);
const COLS: u16 = 120;
const ROWS: u16 = 40;

struct Program {
    name: &'static str,
    path: PathBuf,
    /// Text on the last row the program draws: once it shows, the frame is whole.
    done: &'static str,
}

struct Run {
    first_frame: Duration,
    peak_kb: u64,
    idle: Option<(u64, usize)>,
}

/// `(field, value)` from /proc/PID/status, in kB.
fn status_kb(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// User plus system CPU time of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
    fields
        .get(11)
        .and_then(|u| u.parse::<u64>().ok())
        .unwrap_or(0)
        + fields
            .get(12)
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0)
}

fn run(program: &Program, idle: bool) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(&program.path);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let pid = child.process_id().unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let (tx, rx): (_, Receiver<(Instant, Vec<u8>)>) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);
    let first_frame = loop {
        let (at, bytes) = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a first frame");
        parser.process(&bytes);
        if parser.screen().contents().contains(program.done) {
            break at - start;
        }
    };
    let idle = idle.then(|| {
        // Let anything still in flight arrive, then watch a quiet terminal.
        std::thread::sleep(Duration::from_millis(200));
        while rx.try_recv().is_ok() {}
        let ticks = cpu_ticks(pid);
        std::thread::sleep(IDLE);
        let bytes: usize = rx.try_iter().map(|(_, b)| b.len()).sum();
        (cpu_ticks(pid) - ticks, bytes)
    });
    let peak_kb = status_kb(pid, "VmHWM:");
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{} exited with {status:?}", program.name);
    drop(pair.master);
    Run {
        first_frame,
        peak_kb,
        idle,
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Builds the bare example beside the release binary.
fn bare_example(sns: &Path) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--example", "bare"])
        .status()
        .expect("cargo build --example bare");
    assert!(status.success());
    sns.parent().unwrap().join("examples").join("bare")
}

fn main() {
    let sns = PathBuf::from(env!("CARGO_BIN_EXE_sns-tui"));
    let programs = [
        Program {
            name: "bare ratatui (examples/bare.rs)",
            path: bare_example(&sns),
            done: "42%",
        },
        Program {
            name: "sns-tui",
            path: sns,
            done: "q quit",
        },
    ];
    let mut results: Vec<Vec<Run>> = vec![Vec::new(), Vec::new()];
    for i in 0..RUNS {
        for (p, program) in programs.iter().enumerate() {
            results[p].push(run(program, i == 0));
        }
    }
    println!("{RUNS} runs each, alternating, in a {COLS}x{ROWS} pseudo-terminal");
    println!();
    println!(
        "| program | first frame, median (ms) | peak RSS, median (KiB) | idle 5 s: CPU ticks | idle 5 s: bytes written |"
    );
    println!("|---|---|---|---|---|");
    let mut medians = Vec::new();
    for (program, runs) in programs.iter().zip(&results) {
        let frame = median(runs.iter().map(|r| r.first_frame).collect());
        let mut rss: Vec<u64> = runs.iter().map(|r| r.peak_kb).collect();
        rss.sort();
        let (ticks, bytes) = runs[0].idle.unwrap_or_default();
        println!(
            "| {} | {:.2} | {} | {ticks} | {bytes} |",
            program.name,
            frame.as_secs_f64() * 1e3,
            rss[rss.len() / 2]
        );
        medians.push(frame);
    }
    println!();
    println!(
        "sns-tui / bare: {:.2}x",
        medians[1].as_secs_f64() / medians[0].as_secs_f64()
    );
}
