//! `cargo bench --bench bench`: load, render and scroll timings as one
//! table. Each case runs until half a second has passed (at least five
//! times) and reports the median.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use sns_tui::action::{Action, Update};
use sns_tui::app::App;
use sns_tui::dataset::{self, BUNDLED_JSON, Dataset, Origin};
use sns_tui::lang::Lang;
use sns_tui::layout;
use sns_tui::tab::Tab;
use sns_tui::tabs::text::TextView;
use sns_tui::tabs::{Ctx, View};
use sns_tui::text::{Folded, Matches, essay_doc, find_matches};
use sns_tui::ui::theme::Theme;

#[path = "support/large.rs"]
mod large;
#[path = "support/surveys.rs"]
mod surveys;

const BUDGET: Duration = Duration::from_millis(500);
/// The surveys of the one family the Trends rows are measured on.
const SURVEYS: usize = 3_000;

fn median(mut f: impl FnMut()) -> (Duration, usize) {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < BUDGET && times.len() < 100_000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    (times[times.len() / 2], times.len())
}

fn row(name: &str, (time, runs): (Duration, usize)) {
    let micros = time.as_secs_f64() * 1e6;
    println!("| {name:<44} | {micros:>12.1} | {runs:>7} |");
}

fn app(d: &Dataset, width: u16, height: u16) -> App {
    let mut app = App::new(d.clone(), Theme::color());
    app.apply(Action::Resize(width, height));
    app
}

/// A full redraw: every cell of a fresh buffer.
fn frame(app: &App) {
    let area = Rect::new(0, 0, app.size.width, app.size.height);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    black_box(buf);
}

fn main() {
    let large_json = large::large_json();
    println!("large dataset: {} bytes of JSON", large_json.len());
    println!();
    println!("| {:<44} | {:>12} | {:>7} |", "case", "median (µs)", "runs");
    println!("|{}|{}|{}|", "-".repeat(46), "-".repeat(14), "-".repeat(9));
    row(
        "load and validate: bundled",
        median(|| {
            black_box(dataset::parse(BUNDLED_JSON, Origin::Bundled).unwrap());
        }),
    );
    row(
        "load and validate: large",
        median(|| {
            black_box(dataset::parse(&large_json, Origin::Bundled).unwrap());
        }),
    );
    let surveys_json = surveys::one_family(serde_json::from_str(BUNDLED_JSON).unwrap(), SURVEYS);
    let surveys = dataset::parse(&surveys_json.to_string(), Origin::Bundled)
        .unwrap()
        .dataset;
    let bundled = dataset::parse(BUNDLED_JSON, Origin::Bundled)
        .unwrap()
        .dataset;
    let large = dataset::parse(&large_json, Origin::Bundled)
        .unwrap()
        .dataset;

    for (data_name, d) in [("bundled", &bundled), ("large", &large)] {
        for (w, h) in [(80, 24), (200, 60)] {
            for tab in Tab::ALL {
                let mut a = app(d, w, h);
                a.apply(Action::ShowTab(tab));
                // The large Rankings page is the 100,000-row table.
                if data_name == "large" && tab == Tab::Rankings {
                    a.apply(Action::Left);
                }
                row(
                    &format!("frame {} {w}x{h}: {data_name}", tab.title(Lang::En)),
                    median(|| frame(&a)),
                );
            }
        }
    }

    for (w, h) in [(80, 24), (200, 60)] {
        // What switching to the Essay tab does the first time: build the
        // marked text, wrap it to the width, draw the first screen.
        let body = layout::body_area(Rect::new(0, 0, w, h));
        let theme = Theme::color();
        // Freeing the text is not part of opening it: keep each until the end.
        let mut opened = Vec::new();
        let shared = Arc::new(large.clone());
        row(
            &format!("open Essay, first wrap {w}x{h}: large"),
            median(|| {
                let mut view = TextView::new(Tab::Essay, essay_doc);
                view.resize(body);
                while let Some(job) = view.next_job(&shared, Lang::En, true) {
                    view.finish(job.run_now());
                }
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                let ctx = Ctx {
                    data: &shared,
                    theme: &theme,
                    lang: Lang::En,
                };
                view.render(&ctx, body, &mut buf);
                opened.push((view, buf));
            }),
        );
        drop(opened);
        let mut a = app(&large, w, h);
        a.apply(Action::ShowTab(Tab::Essay));
        row(
            &format!("essay frame at start {w}x{h}: large"),
            median(|| frame(&a)),
        );
        a.essay.scroll_by((a.essay.max_scroll() / 2) as isize);
        row(
            &format!("essay frame at middle {w}x{h}: large"),
            median(|| frame(&a)),
        );
        a.apply(Action::End);
        row(
            &format!("essay frame at end {w}x{h}: large"),
            median(|| frame(&a)),
        );
        row(
            &format!("key PgDn at middle {w}x{h}: large"),
            median(|| {
                a.essay.scroll_by(-((a.essay.max_scroll() / 2) as isize));
                a.apply(Action::PageDown);
                frame(&a);
            }),
        );
        // Searching as one types: "e" finds 422,166 matches in the large essay.
        row(
            &format!("search key \"e\" and frame {w}x{h}: large"),
            median(|| {
                a.apply(Action::StartSearch);
                a.apply(Action::Type('e'));
                frame(&a);
                a.apply(Action::Cancel);
            }),
        );
        row(
            &format!("search paste \"facebook\" and frame {w}x{h}: large"),
            median(|| {
                a.apply(Update::Paste("facebook".into()));
                frame(&a);
                a.apply(Action::Cancel);
            }),
        );
        let mut g = app(&large, w, h);
        g.apply(Action::ToggleLater);
        g.growth.select(5_000);
        row(
            &format!("growth frame, year 5000 of 10000 {w}x{h}: large"),
            median(|| frame(&g)),
        );
        let mut r = app(&large, w, h);
        r.apply(Action::ShowTab(Tab::Rankings));
        r.apply(Action::Left);
        r.rankings.select(&format!("p{}", large::TABLE_ROWS / 2));
        row(
            &format!("rankings frame, row 50000 {w}x{h}: large"),
            median(|| frame(&r)),
        );
        r.apply(Action::End);
        row(
            &format!("rankings frame, last row {w}x{h}: large"),
            median(|| frame(&r)),
        );
        let mut t = app(&surveys, w, h);
        t.apply(Action::ShowTab(Tab::Trends));
        row(
            &format!("trends frame {w}x{h}: {SURVEYS} surveys"),
            median(|| frame(&t)),
        );
        row(
            &format!("trends key ↓ and frame {w}x{h}: {SURVEYS} surveys"),
            median(|| {
                t.apply(Action::Down);
                frame(&t);
            }),
        );
    }

    // The search alone, on the large essay folded once: from scratch, and
    // narrowing the query one key shorter, as typing does.
    let doc = essay_doc(&large, Lang::En);
    let folded = Folded::new(&doc, &mut |_| true).unwrap();
    let find = |query: &str, previous: Option<&Matches>| {
        find_matches(&folded, query, previous, &mut |_, _| true).unwrap()
    };
    for (query, key) in [("e", ""), ("facebook", "k"), ("line", "e")] {
        row(
            &format!("find \"{query}\" from scratch: large"),
            median(|| {
                black_box(find(query, None));
            }),
        );
        if !key.is_empty() {
            let shorter = find(&query[..query.len() - key.len()], None);
            row(
                &format!("find \"{query}\" narrowing the key before: large"),
                median(|| {
                    black_box(find(query, Some(&shorter)));
                }),
            );
        }
    }
    row(
        "fold the essay for search, once: large",
        median(|| {
            black_box(Folded::new(&doc, &mut |_| true));
        }),
    );
}
