//! The README's screen captures are the app's screens: each block that
//! starts with the tab bar is, line for line, one of the 80x24 snapshots
//! `tests/it/render.rs` checks, so a change to a screen fails here until the
//! README shows it too.

use std::fs;

/// A snapshot's screen as the terminal shows it: each quoted line,
/// without insta's note on wide characters and without trailing blanks.
fn screen(snapshot: &str) -> String {
    snapshot
        .lines()
        .filter_map(|l| l.strip_prefix('"'))
        .map(|l| {
            let end = l.find("\" Hidden by").unwrap_or(l.len() - 1);
            l[..end].trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_screen_in_the_readme_is_a_current_snapshot() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/snapshots");
    let screens: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("80x24.snap"))
        .map(|p| screen(&fs::read_to_string(p).unwrap()))
        .collect();
    let readme = include_str!("../../README.md");
    let captures: Vec<&str> = readme
        .split("```\n")
        .filter(|block| block.starts_with(" 1 Growth"))
        .map(|block| block.trim_end())
        .collect();
    assert!(
        captures.len() >= 2,
        "the README shows the Trends and Growth screens"
    );
    for capture in captures {
        assert!(
            screens.iter().any(|s| s == capture),
            "not a current 80x24 screen:\n{capture}"
        );
    }
}
