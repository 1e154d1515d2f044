//! Loading, `check`, every print and every export cost at most a constant
//! times the file, whatever its shape: the output, the memory held at
//! once and the memory asked for in all are bounded by its size. Memory is
//! counted by this file's global allocator, per thread, so the tests
//! running beside each other do not count each other. Times are left to
//! `cargo bench --bench scaling`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use serde_json::{Value, json};
use sns_tui::action::Action;
use sns_tui::app::App;
use sns_tui::cli::{ExportView, Format};
use sns_tui::dataset::{self, BUNDLED_JSON, Origin};
use sns_tui::export;
use sns_tui::lang::Lang;
use sns_tui::report::{self, Section};

#[path = "../../benches/support/surveys.rs"]
mod surveys;
use sns_tui::tab::Tab;
use sns_tui::ui::theme::Theme;

struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
    static TOTAL: Cell<usize> = const { Cell::new(0) };
}

fn count_alloc(size: usize) {
    // try_with: a thread being torn down has no counters, and is not measured.
    let _ = LIVE.try_with(|live| {
        live.set(live.get() + size);
        PEAK.with(|p| p.set(p.get().max(live.get())));
        TOTAL.with(|t| t.set(t.get() + size));
    });
}

fn count_free(size: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(size)));
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_alloc(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count_free(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_free(layout.size());
        count_alloc(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What `f` allocated: the most held at once beyond what was held before,
/// and the total asked for.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let (live, total) = (LIVE.with(Cell::get), TOTAL.with(Cell::get));
    PEAK.with(|p| p.set(live));
    let out = f();
    let peak = PEAK.with(Cell::get) - live;
    (out, peak, TOTAL.with(Cell::get) - total)
}

/// A word of the generated essays, and of the quotes taken from them.
fn word() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z]{1,8}", "[ぁ-ん]{1,4}", Just("the".to_string())]
}

/// The shape of a generated file: how many of each thing, and how large.
#[derive(Debug, Clone)]
struct Shape {
    paragraphs: Vec<Vec<String>>,
    sources: usize,
    /// Per series, its years: anywhere in 0..=99999, so spans are wide.
    series: Vec<Vec<i32>>,
    /// Per table, its number of rows.
    tables: Vec<usize>,
    platforms: usize,
    /// Quotes, as (paragraph, first word, words) taken from the essay.
    quotes: Vec<(usize, usize, usize)>,
    /// Source ids no source has, one problem each.
    unknown: usize,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::collection::vec(prop::collection::vec(word(), 1..40), 1..60),
        1usize..30,
        prop::collection::vec(
            prop::collection::btree_set(dataset::YEARS, 1..40)
                .prop_map(|years| years.into_iter().collect()),
            1..12,
        ),
        prop::collection::vec(1usize..40, 1..12),
        1usize..40,
        prop::collection::vec((0usize..60, 0usize..40, 1usize..8), 0..30),
        prop_oneof![3 => Just(0usize), 1 => 1usize..3000],
    )
        .prop_map(
            |(paragraphs, sources, series, tables, platforms, quotes, unknown)| Shape {
                paragraphs,
                sources,
                series,
                tables,
                platforms,
                quotes,
                unknown,
            },
        )
}

/// The file a shape describes, built on the bundled data.
fn file(shape: &Shape) -> String {
    let mut v: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    let paragraphs: Vec<String> = shape.paragraphs.iter().map(|p| p.join(" ")).collect();
    v["essay"]["paragraphs"] = json!(paragraphs);
    let template = v["sources"][0].clone();
    let sources: Vec<Value> = (0..shape.sources)
        .map(|i| {
            let mut s = template.clone();
            s["id"] = json!(format!("s{i}"));
            s
        })
        .collect();
    v["sources"] = json!(sources);
    let cite = |i: usize| json!([format!("s{}", i % shape.sources)]);
    let quote = |i: usize| {
        let &(p, first, n) = shape.quotes.get(i % shape.quotes.len().max(1))?;
        let words = &shape.paragraphs[p % shape.paragraphs.len()];
        let first = first % words.len();
        Some(words[first..(first + n).min(words.len())].join(" "))
    };
    v["platforms"] = (0..shape.platforms)
        .map(|i| json!({"id": format!("p{i}"), "name": format!("Platform {i}"), "name_ja": "名"}))
        .collect();
    for (i, survey) in v["surveys"].as_array_mut().unwrap().iter_mut().enumerate() {
        survey["sources"] = cite(i);
    }
    v["breaks"] = json!([]);
    let kinds = ["estimate", "expected", "projection"];
    v["growth"]["series"] = shape
        .series
        .iter()
        .enumerate()
        .map(|(si, years)| {
            let points: Vec<Value> = years
                .iter()
                .enumerate()
                .map(|(i, &year)| {
                    let mut p = json!({"year": year, "sns_users": i as f64, "kind": kinds[(i + si) % 3], "sources": cite(i)});
                    if let Some(q) = quote(i + si) {
                        p["quote"] = json!(q);
                    }
                    p
                })
                .collect();
            json!({"id": format!("g{si}"), "label": "generated (series)", "points": points})
        })
        .collect();
    let table = v["rankings"][0].clone();
    v["rankings"] = shape
        .tables
        .iter()
        .enumerate()
        .map(|(ti, &rows)| {
            let mut t = table.clone();
            t["id"] = json!(format!("t{ti}"));
            t["survey"] = v["surveys"][0]["id"].clone();
            t["unit"] = json!("points");
            t["compare_with"] = json!(format!("t{}", (ti + 1) % shape.tables.len()));
            if shape.tables.len() == 1 {
                t.as_object_mut().unwrap().remove("compare_with");
            }
            t["rows"] = (0..rows.min(shape.platforms))
                .map(|i| json!({"rank": i + 1, "platform": format!("p{i}"), "value": 100 - i, "sources": cite(i)}))
                .collect();
            t
        })
        .collect();
    v["notes"] = json!([{"title": "a note", "text": "text", "sources": ["essay"]}]);
    let unknown: Vec<String> = (0..shape.unknown).map(|i| format!("nowhere{i}")).collect();
    if !unknown.is_empty() {
        v["notes"][0]["sources"] = json!(unknown);
    }
    v.to_string()
}

/// Bounds, as so many bytes for each byte of the file, plus a constant.
const OUTPUT_PER_BYTE: usize = 40;
const HELD_PER_BYTE: usize = 40;
const ASKED_PER_BYTE: usize = 200;
const SLACK: usize = 1 << 20;

fn within(what: &str, bytes: usize, per_byte: usize, file: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        bytes <= per_byte * file + SLACK,
        "{what}: {bytes} bytes for a file of {file} ({:.1} a byte)",
        bytes as f64 / file as f64
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn loading_printing_and_exporting_stay_within_the_files_size(shape in shape(), width in 20usize..300) {
        let json = file(&shape);
        let n = json.len();
        let (loaded, held, asked) = allocations(|| dataset::parse(&json, Origin::Bundled));
        within("load: held", held, HELD_PER_BYTE, n)?;
        within("load: asked", asked, ASKED_PER_BYTE, n)?;
        let d = match loaded {
            Ok(loaded) => loaded.dataset,
            Err(e) => {
                // Only the unknown ids are meant to be wrong.
                prop_assert!(shape.unknown > 0, "{e}");
                let (message, held, _) = allocations(|| e.to_string());
                within("error message", message.len(), OUTPUT_PER_BYTE, n)?;
                return within("error message: held", held, HELD_PER_BYTE, n);
            }
        };
        for section in Section::ALL {
            let (text, held, asked) = allocations(|| report::print(&d, &[section], width, sns_tui::lang::Lang::En));
            let what = format!("print {section:?}");
            within(&what, text.len(), OUTPUT_PER_BYTE, n)?;
            within(&format!("{what}: held"), held, HELD_PER_BYTE, n)?;
            within(&format!("{what}: asked"), asked, ASKED_PER_BYTE, n)?;
        }
        for view in [ExportView::Growth, ExportView::Rankings] {
            for format in [Format::Csv, Format::Markdown, Format::Json] {
                let (text, held, asked) = allocations(|| export::export(&d, view, format, false, sns_tui::lang::Lang::En));
                let what = format!("export {view:?} {format:?}");
                within(&what, text.len(), OUTPUT_PER_BYTE, n)?;
                within(&format!("{what}: held"), held, HELD_PER_BYTE, n)?;
                within(&format!("{what}: asked"), asked, ASKED_PER_BYTE, n)?;
            }
        }
    }
}

/// The bundled data as one family of `n` surveys: see
/// `benches/support/surveys.rs`, which the benchmarks measure too.
fn sparse_trends(n: usize) -> String {
    surveys::one_family(serde_json::from_str(BUNDLED_JSON).unwrap(), n).to_string()
}

#[test]
fn trends_of_many_surveys_each_listing_other_platforms_stay_within_the_files_size() {
    let json = sparse_trends(1500);
    let n = json.len();
    let d = dataset::parse(&json, Origin::Bundled).unwrap().dataset;
    let families = sns_tui::trends::Trends::new(&d).families;
    assert_eq!(
        (
            families.len(),
            families[0].waves.len(),
            families[0].trends.len()
        ),
        (1, 1500, 1500),
        "the shape under test: one family, every survey a wave"
    );
    let (text, held, asked) = allocations(|| report::print(&d, &[Section::Trends], 80, Lang::En));
    within("print trends", text.len(), OUTPUT_PER_BYTE, n).unwrap();
    within("print trends: held", held, HELD_PER_BYTE, n).unwrap();
    within("print trends: asked", asked, ASKED_PER_BYTE, n).unwrap();
    // A run of surveys that do not list a platform is one line, however long.
    assert!(text.contains(
        "2000-02  not listed in the 1499 surveys to 2124-12, across 1498 breaks in method"
    ));
    let ((), held, asked) = allocations(|| {
        let _ = sns_tui::trends::Trends::new(&d);
    });
    within("trends: held", held, HELD_PER_BYTE, n).unwrap();
    within("trends: asked", asked, ASKED_PER_BYTE, n).unwrap();
    // On screen, the breaks past the first few are counted, not listed,
    // and a frame asks for what the window holds, not the file.
    let mut app = App::new(d, Theme::mono());
    app.apply(Action::Resize(80, 24));
    app.apply(Action::ShowTab(Tab::Trends));
    let area = Rect::new(0, 0, 80, 24);
    let (buf, _, asked) = allocations(|| {
        let mut buf = Buffer::empty(area);
        (&app).render(area, &mut buf);
        buf
    });
    let screen: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(
        screen.contains("… and 1496 more breaks in method"),
        "{screen}"
    );
    assert!(
        asked < n,
        "a frame asked for {asked} bytes, the file is {n}"
    );
}
