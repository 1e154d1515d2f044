//! Properties over generated input: any valid dataset, any terminal size,
//! any sequence of keys and resizes; and near-valid JSON for the loader.
//! Case counts are kept small for CI; PROPTEST_CASES=100000 runs longer.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use sns_tui::action::Action;
use sns_tui::app::App;
use sns_tui::dataset::{self, BUNDLED_JSON, CleanString, Dataset, Kind, Origin, RawDataset};
use sns_tui::keymap;
use sns_tui::layout;
use sns_tui::series::Measure;
use sns_tui::tab::Tab;
use sns_tui::text;
use sns_tui::ui;
use sns_tui::ui::theme::Theme;

use crate::common::assert_no_straddling;

/// `cases` unless PROPTEST_CASES says otherwise; failures are reported, not
/// saved to files beside the tests.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    // A failing case is kept (and replayed first on later runs), so a
    // failure seen once can be looked into.
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/it/props.proptest-regressions"
        )))),
        ..ProptestConfig::default()
    }
}

fn bundled() -> Dataset {
    dataset::load(None).unwrap().dataset
}

/// Every index the app keeps is inside what it indexes.
fn assert_in_range(app: &App) {
    let years = app.growth.years(&app.data);
    assert!(
        years.contains(&app.growth.year()),
        "year {} outside {years:?}",
        app.growth.year()
    );
    let r = &app.rankings;
    assert!(
        r.page() < r.pages().len(),
        "page {} of {}",
        r.page(),
        r.pages().len()
    );
    // A filter may leave a page with no platform, and nothing selected.
    let shown = r.platforms().len();
    assert!(
        r.selected() < shown || (shown == 0 && r.selected() == 0),
        "row {} of {}",
        r.selected(),
        r.platforms().len()
    );
    assert!(app.essay.scroll() <= app.essay.max_scroll());
    assert!(app.sources.scroll() <= app.sources.max_scroll());
    if let Some(scroll) = app.help {
        assert!(scroll.top() <= ui::help::max_scroll(app.size, app.lang));
    }
}

/// Draws the app as it would be drawn, and checks that no wide character
/// covers the cell after it.
fn render(app: &App) -> Buffer {
    let mut buf = Buffer::empty(app.size);
    app.render(app.size, &mut buf);
    assert_no_straddling(&buf);
    buf
}

/// Text a person could type: words of ASCII, Japanese, emoji and combining
/// marks, some longer than any line.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9,.%]{1,12}",
            "[ぁ-んァ-ン一-龯]{1,6}",
            Just("🙂".to_string()),
            Just("e\u{301}".to_string()),
            "[a-z]{40,120}",
        ],
        1..30,
    )
    .prop_map(|w| w.join(" "))
}

prop_compose! {
    /// The data of a dataset that passes validation, of any shape the
    /// schema allows.
    fn valid_raw_dataset()(
        paragraphs in prop::collection::vec(words(), 1..6),
        n_sources in 1usize..4,
        names in prop::collection::vec(words(), 1..7),
        series in prop::collection::vec(prop::collection::btree_map(dataset::YEARS, (0.0f64..1000.0, 0usize..3, prop::option::of(1.0f64..3.0)), 1..20), 1..4),
        tables in prop::collection::vec((prop::collection::vec(0.0f64..100.0, 1..8), 0usize..3, any::<bool>(), prop::option::of(any::<prop::sample::Index>()), (0usize..2, any::<bool>(), any::<bool>())), 1..5),
        quote_every in 1usize..4,
    ) -> RawDataset {
        let mut d = bundled().into_raw();
        d.essay.paragraphs = paragraphs.into_iter().map(CleanString::from).collect();
        d.sources.truncate(n_sources);
        let source_ids: Vec<CleanString> = d.sources.iter().map(|s| s.id.clone()).collect();
        let template = d.platforms[0].clone();
        d.platforms = names.iter().enumerate().map(|(i, name)| {
            let mut p = template.clone();
            p.id = format!("p{i}").into();
            p.name = name.as_str().into();
            p
        }).collect();
        let point_template = d.growth.series[0].points[0].clone();
        let quote = CleanString::from(d.essay.paragraphs[0].split(' ').next().unwrap());
        d.growth.series = series.iter().enumerate().map(|(si, points)| {
            let mut s = d.growth.series[0].clone();
            s.id = format!("s{si}").into();
            s.points = points.iter().enumerate().map(|(pi, (&year, &(users, kind, internet_ratio)))| {
                let mut p = point_template.clone();
                p.year = year;
                p.sns_users = users;
                p.internet_users = internet_ratio.map(|r| users * r);
                p.share_pct = internet_ratio.map(|r| 100.0 / r);
                p.kind = dataset::Kind::ALL[kind];
                p.sources = vec![source_ids[pi % source_ids.len()].clone()];
                p.quote = (pi % quote_every == 0).then(|| quote.clone());
                p
            }).collect();
            s
        }).collect();
        let row_template = d.rankings[0].rows[0].clone();
        let table_template = d.rankings[0].clone();
        let n_tables = tables.len();
        for s in &mut d.surveys {
            s.sources = vec![source_ids[0].clone()];
        }
        for b in &mut d.breaks {
            b.sources = vec![source_ids[0].clone()];
        }
        let unit = |points: bool| if points { "points" } else { "%" };
        d.rankings = tables.iter().enumerate().map(|(ti, (values, unpublished, ties, compare, (survey, unranked, points)))| {
            let mut t = table_template.clone();
            t.id = format!("t{ti}").into();
            t.survey = d.surveys[*survey].id.clone();
            t.unit = unit(*points).into();
            // Tables compare only with tables of their unit.
            t.compare_with = compare
                .as_ref()
                .map(|c| c.index(n_tables))
                .filter(|&c| c != ti && tables[c].4.2 == *points)
                .map(|c| format!("t{c}").into());
            let mut values: Vec<f64> = values.iter().take(d.platforms.len()).copied().collect();
            values.sort_by(|a, b| b.total_cmp(a));
            if *ties && values.len() > 1 {
                values[1] = values[0];
            }
            let keep = values.len().saturating_sub(*unpublished).max(1);
            let mut rank = 0;
            t.rows = values.iter().enumerate().map(|(i, &v)| {
                if i == 0 || values[i - 1] != v || i >= keep {
                    rank = i as u32 + 1;
                }
                let mut r = row_template.clone();
                r.platform = format!("p{i}").into();
                r.rank = (!unranked).then_some(rank);
                r.value = (i < keep).then_some(v);
                r.sources = vec![source_ids[i % source_ids.len()].clone()];
                r.quote = None;
                r
            }).collect();
            t
        }).collect();
        d.notes.truncate(2);
        for (i, n) in d.notes.iter_mut().enumerate() {
            // The essay itself is a source a note may cite.
            n.sources = vec![if i == 0 { "essay".into() } else { source_ids[0].clone() }];
            n.quote = None;
        }
        d
    }
}

/// A checked dataset of any shape the schema allows: that the check
/// passes, `generated_datasets_are_valid` shows.
fn valid_dataset() -> impl Strategy<Value = Dataset> {
    valid_raw_dataset().prop_map(|raw| Dataset::new(raw).unwrap_or_else(|f| panic!("{f:?}")))
}

fn key_event() -> impl Strategy<Value = KeyEvent> {
    let codes = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        "[0-9a-zA-Z?/ ]".prop_map(|s| KeyCode::Char(s.chars().next().unwrap())),
        prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Esc,
            KeyCode::Enter,
            KeyCode::Backspace,
            KeyCode::F(1),
        ]),
    ];
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    let kinds = prop::sample::select(vec![
        KeyEventKind::Press,
        KeyEventKind::Repeat,
        KeyEventKind::Release,
    ]);
    (codes, mods, kinds).prop_map(|(code, modifiers, kind)| KeyEvent {
        code,
        modifiers,
        kind,
        state: KeyEventState::NONE,
    })
}

#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Resize(u16, u16),
    Mouse(Action),
}

fn inputs() -> impl Strategy<Value = Vec<Input>> {
    prop::collection::vec(
        prop_oneof![
            8 => key_event().prop_map(Input::Key),
            1 => (1u16..300, 1u16..100).prop_map(|(w, h)| Input::Resize(w, h)),
            2 => (0u16..310, 0u16..110).prop_map(|(x, y)| Input::Mouse(Action::Click(x, y))),
            1 => prop::sample::select(vec![-1i8, 1]).prop_map(|n| Input::Mouse(Action::Wheel(n))),
        ],
        0..60,
    )
}

/// An app as the explorer makes it. `e` only asks for a file to be
/// written, so random keys write nothing.
fn app_for(d: Dataset, theme: Theme) -> App {
    App::new(d, theme)
}

fn drive(app: &mut App, inputs: &[Input]) {
    for input in inputs {
        match input {
            Input::Key(k) => {
                if let Some(action) = keymap::action_for(k, &app.scopes()) {
                    app.apply(action);
                }
            }
            Input::Resize(w, h) => {
                app.apply(Action::Resize(*w, *h));
            }
            Input::Mouse(action) => {
                app.apply(*action);
            }
        }
        assert_in_range(app);
    }
    render(app);
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn generated_datasets_are_valid(raw in valid_raw_dataset()) {
        let problems = dataset::validate(&raw);
        prop_assert!(problems.is_empty(), "{problems:?}");
        prop_assert!(Dataset::new(raw).is_ok());
    }

    #[test]
    fn any_size_any_tab_any_toggle_renders(
        width in 1u16..=300,
        height in 1u16..=100,
        tab in prop::sample::select(Tab::ALL.to_vec()),
        later in any::<bool>(),
        help in any::<bool>(),
        end in any::<bool>(),
        next_table in 0usize..4,
    ) {
        let mut app = app_for(bundled(), Theme::mono());
        app.apply(Action::Resize(width, height));
        app.apply(Action::ShowTab(tab));
        if later { app.apply(Action::ToggleLater); }
        for _ in 0..next_table { app.apply(Action::Right); }
        if end { app.apply(Action::End); }
        if help { app.apply(Action::ToggleHelp); }
        assert_in_range(&app);
        let buf = render(&app);
        if layout::too_small(Rect::new(0, 0, width, height)) {
            // The message, wrapped to whatever width there is.
            prop_assert_eq!(buf[(0, 0)].symbol(), "T");
        } else {
            let top: String = (0..width).map(|x| buf[(x, 0)].symbol()).collect();
            prop_assert!(top.contains("1 Growth"), "{}", top);
        }
    }

    #[test]
    fn any_keys_and_resizes_keep_indices_in_range(inputs in inputs()) {
        let mut app = app_for(bundled(), Theme::color());
        drive(&mut app, &inputs);
    }

    #[test]
    fn any_valid_dataset_survives_any_keys(d in valid_dataset(), inputs in inputs()) {
        let mut app = app_for(d, Theme::mono());
        drive(&mut app, &inputs);
        for tab in Tab::ALL {
            app.apply(Action::ShowTab(tab));
            render(&app);
        }
    }

    #[test]
    fn releases_never_act_and_repeats_act_once(k in key_event()) {
        let scopes = keymap::Scope::active(Tab::Essay, false);
        let press = keymap::action_for(&KeyEvent { kind: KeyEventKind::Press, ..k }, &scopes);
        prop_assert_eq!(keymap::action_for(&KeyEvent { kind: KeyEventKind::Release, ..k }, &scopes), None);
        prop_assert_eq!(keymap::action_for(&KeyEvent { kind: KeyEventKind::Repeat, ..k }, &scopes), press);
    }
}

/// A paragraph as a file may hold one, in spans of two marks: runs of
/// spaces (indents wider than any line among them), no-break spaces, ASCII,
/// accented letters precomposed and combined, Japanese, emoji and a
/// combining mark on its own.
fn paragraph() -> impl Strategy<Value = Vec<text::Marked>> {
    let piece = prop_oneof![
        " {1,3}",
        " {40,200}",
        Just("\u{a0}".to_string()),
        "[a-zA-Z0-9,.%]{1,12}",
        "[àéîõüÉ]{1,4}",
        Just("e\u{301}".to_string()),
        Just("\u{301}".to_string()),
        "[ぁ-んァ-ン一-龯]{1,6}",
        Just("🙂".to_string()),
        "[a-z]{40,120}",
    ];
    prop::collection::vec((piece, any::<bool>()), 1..40).prop_map(|pieces| {
        pieces
            .into_iter()
            .map(|(piece, figure)| {
                let mark = if figure {
                    text::Mark::Figure
                } else {
                    text::Mark::Plain
                };
                text::Marked::new(piece, mark)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(config(256))]

    /// A wrapped line is its paragraph's text from where its origin says,
    /// so every search hit falls on the line's character boundaries and
    /// every match that shows on a line is found.
    #[test]
    fn wrapped_lines_are_their_paragraphs_text_and_hits_land_on_them(
        spans in paragraph(),
        width in 1usize..200,
        from in any::<prop::sample::Index>(),
        len in 1usize..12,
        typed in prop::option::of(prop::sample::select(vec![" ", "é", "e\u{301}", "\u{a0}", "a", "🙂"])),
    ) {
        let para = text::plain(&spans);
        let chars: Vec<char> = para.chars().collect();
        let query: String = match typed {
            Some(t) => t.to_string(),
            None => chars.iter().skip(from.index(chars.len())).take(len).collect(),
        };
        // A blank paragraph first, so that the one under test is not the first.
        let doc = text::Doc { paras: vec![Vec::new(), spans] };
        let wrapped = text::wrap_with_origins(&doc, width);
        let lines: Vec<(usize, String, usize)> = wrapped
            .lines
            .iter()
            .zip(&wrapped.origins)
            .enumerate()
            .filter(|(_, (_, o))| o.para == 1)
            .map(|(i, (line, o))| (i, text::plain(line), o.offset))
            .collect();
        prop_assert!(!lines.is_empty());
        let mut end = 0;
        for (i, line, offset) in &lines {
            prop_assert!(*offset >= end, "line {} starts inside the line before", i);
            end = offset + line.len();
            prop_assert_eq!(para.get(*offset..end), Some(line.as_str()), "line {}", i);
        }
        let hits: Vec<text::Hit> = text::find_all(&para, &query)
            .into_iter()
            .flat_map(|range| wrapped.locate(1, range))
            .collect();
        for hit in &hits {
            let (_, line, offset) = lines.iter().find(|(i, ..)| *i == hit.line).unwrap();
            let Some(shown) = line.get(hit.start..hit.end) else {
                return Err(TestCaseError::fail(format!("{hit:?} cuts a character of {line:?}")));
            };
            prop_assert!(!shown.is_empty());
            prop_assert_eq!(shown, &para[offset + hit.start..offset + hit.end]);
        }
        for (i, line, _) in &lines {
            for seen in text::find_all(line, &query) {
                prop_assert!(
                    hits.iter().any(|h| h.line == *i && (h.start..h.end).contains(&seen.start)),
                    "{:?} shows at {:?} on line {} ({:?}) but is not found", query, seen, i, line
                );
            }
        }
    }
}

/// A byte-level change to a document.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(prop::sample::Index, u8),
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, Vec<u8>),
    Repeat(prop::sample::Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..8),
        prop::sample::select(vec![
            b"{".to_vec(),
            b"[".to_vec(),
            b"\"".to_vec(),
            b"\\".to_vec(),
            b"1e999".to_vec(),
            b"-1".to_vec(),
            b"null".to_vec(),
            b"\x1b[2J".to_vec(),
            b"\\u001b".to_vec(),
            b"\xff".to_vec(),
            b"\xef\xbb\xbf".to_vec(),
            b"99999999999999999999".to_vec(),
            b"\"x\":1,".to_vec(),
        ]),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<prop::sample::Index>(), interesting).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<prop::sample::Index>(), 1usize..256).prop_map(|(i, n)| Mutation::Repeat(i, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(i, b) if !bytes.is_empty() => bytes[i.index(len)] ^= b,
            Mutation::Delete(i, n) if !bytes.is_empty() => {
                let at = i.index(len);
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Insert(i, b) => {
                let at = i.index(len + 1).min(bytes.len());
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Repeat(i, n) if !bytes.is_empty() => {
                let at = i.index(len);
                let end = (at + n).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {}
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config(256))]

    /// The loader's fuzz target: near-valid JSON never panics, and every
    /// message it gives is free of control characters; what loads renders.
    #[test]
    fn mutated_json_is_loaded_or_refused_cleanly(mutations in prop::collection::vec(mutation(), 1..6)) {
        let bytes = mutate(BUNDLED_JSON.as_bytes().to_vec(), &mutations);
        match dataset::parse_bytes(bytes, Origin::Bundled) {
            Ok(loaded) => {
                let mut app = app_for(loaded.dataset, Theme::mono());
                app.apply(Action::Resize(80, 24));
                for tab in Tab::ALL {
                    app.apply(Action::ShowTab(tab));
                    render(&app);
                }
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.chars().any(|c| c.is_control() && c != '\n'), "{message:?}");
                prop_assert!(message.lines().count() <= 1 + dataset::SHOWN_PROBLEMS + 1, "{message}");
            }
        }
    }
}

/// Any JSON value, small, with the numbers and strings that trouble loaders.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        prop::sample::select(vec![
            0.0, -0.0, 1e300, -1.0, 100.0, 100.0001, 1000.0, 9999.0
        ])
        .prop_map(|f| json!(f)),
        any::<String>().prop_map(Value::String),
        prop::sample::select(vec![
            "",
            " ",
            "\u{1b}[2J",
            "ict-2013",
            "line",
            "2013-all",
            "essay",
            "2015",
            "NaN"
        ])
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the node reached by following `steps` (each picks a child,
/// until a leaf) with `value`.
fn replace_node(
    node: &mut serde_json::Value,
    steps: &[prop::sample::Index],
    value: serde_json::Value,
) {
    use serde_json::Value;
    let Some((step, rest)) = steps.split_first() else {
        *node = value;
        return;
    };
    match node {
        Value::Array(items) if !items.is_empty() => {
            let i = step.index(items.len());
            replace_node(&mut items[i], rest, value);
        }
        Value::Object(fields) if !fields.is_empty() => {
            let i = step.index(fields.len());
            replace_node(fields.values_mut().nth(i).unwrap(), rest, value);
        }
        _ => *node = value,
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// A second fuzz target, past the parser: datasets that are valid JSON
    /// of nearly the right shape, with one node anywhere replaced.
    #[test]
    fn datasets_with_a_node_replaced_load_or_are_refused_cleanly(
        edits in prop::collection::vec((prop::collection::vec(any::<prop::sample::Index>(), 1..7), json_value()), 1..4),
    ) {
        let mut v: serde_json::Value = serde_json::from_str(BUNDLED_JSON).unwrap();
        for (steps, value) in edits {
            replace_node(&mut v, &steps, value);
        }
        match dataset::parse(&v.to_string(), Origin::Bundled) {
            Ok(loaded) => {
                let mut app = app_for(loaded.dataset, Theme::mono());
                for (w, h) in [(80, 24), (50, 15), (200, 60)] {
                    app.apply(Action::Resize(w, h));
                    for tab in Tab::ALL {
                        app.apply(Action::ShowTab(tab));
                        app.apply(Action::End);
                        assert_in_range(&app);
                        render(&app);
                    }
                }
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.chars().any(|c| c.is_control() && c != '\n'), "{message:?}");
            }
        }
    }
}

/// The glyph of a bar's whole cells of `kind`, as the README's legend
/// gives it.
fn body(kind: Kind) -> char {
    match kind {
        Kind::Estimate => '█',
        Kind::Expected => '▓',
        Kind::Projection => '▒',
    }
}

/// The height of a bar of `kind` standing in `place`, in eighths of a
/// cell, read off the screen from its base up: 8 for each whole cell of its
/// kind's glyph, then the eighths of a partial block on top.
fn drawn_height(buf: &Buffer, place: Rect, kind: Kind) -> u32 {
    let mut eighths = 0;
    for y in (place.top()..place.bottom()).rev() {
        let cells: Vec<&str> = (place.left()..place.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        let glyph = cells[0].chars().next().unwrap_or(' ');
        if "█▓▒▁▂▃▄▅▆▇".contains(glyph) {
            assert!(
                cells.iter().all(|c| *c == cells[0]),
                "a bar's row is one glyph across: {cells:?}"
            );
        }
        if glyph == body(kind) {
            eighths += 8;
            continue;
        }
        assert!(
            !"█▓▒".contains(glyph),
            "a {kind:?} drawn with {glyph} at row {y}"
        );
        if let Some(part) = "▁▂▃▄▅▆▇".chars().position(|c| c == glyph) {
            eighths += part as u32 + 1;
        }
        break;
    }
    eighths
}

/// Each bar of the Growth chart with a figure, as drawn: where it stands,
/// the figure, and its height read off the screen.
fn growth_bars(app: &App) -> Vec<(Rect, f64, u32)> {
    let buf = render(app);
    let body = layout::body_area(app.size);
    let (area, columns) = app.growth.chart(&app.ctx(), body);
    let placed = columns.placed(area);
    assert!(!placed.is_empty(), "no room for bars in {area:?}");
    placed
        .into_iter()
        .filter_map(|(_, _, place, bar)| {
            Some((place, bar.value?, drawn_height(&buf, place, bar.kind)))
        })
        .collect()
}

proptest! {
    #![proptest_config(config(64))]

    /// At any size, with either measure and with or without the later
    /// estimates, a bigger figure is never drawn shorter, equal figures
    /// are drawn equal, and each bar is within half an eighth of a cell of
    /// its figure's exact height.
    #[test]
    fn growth_bars_are_as_tall_as_their_figures(
        d in prop_oneof![1 => Just(bundled()), 3 => valid_dataset()],
        width in layout::MIN_WIDTH..=250,
        height in layout::MIN_HEIGHT..=80,
        later in any::<bool>(),
        share in any::<bool>(),
        year in any::<prop::sample::Index>(),
    ) {
        let mut app = app_for(d, Theme::mono());
        app.apply(Action::Resize(width, height));
        if later { app.apply(Action::ToggleLater); }
        if share { app.apply(Action::ToggleMeasure); }
        let years: Vec<i32> = app.growth.years(&app.data).collect();
        app.growth.select(years[year.index(years.len())]);
        let measure = app.growth.measure();
        prop_assert_eq!(measure, if share { Measure::Share } else { Measure::Users });
        let max = app.growth.shown(&app.data).iter()
            .flat_map(|s| &s.points)
            .filter_map(|p| measure.of(p))
            .fold(0.0, f64::max);
        let mut bars = growth_bars(&app);
        for (place, value, drawn) in &bars {
            let exact = value / max * f64::from(place.height) * 8.0;
            prop_assert!((f64::from(*drawn) - exact).abs() <= 0.5 + 1e-9,
                "{value} of {max} drawn {drawn}/8 high, not {exact:.2}/8, in {place:?}");
        }
        bars.sort_by(|a, b| a.1.total_cmp(&b.1));
        for pair in bars.windows(2) {
            let ((_, a, ha), (_, b, hb)) = (pair[0], pair[1]);
            if a == b {
                prop_assert_eq!(ha, hb, "{} drawn {} and {} eighths high", a, ha, hb);
            } else {
                prop_assert!(ha <= hb, "{} drawn {} eighths high, {} only {}", a, ha, b, hb);
            }
        }
    }
}

/// The detail panel has its share of the tab whatever the selected year
/// says, so the chart, its bars and their scale stay put as the year moves.
/// With the later figures the bundled years do not all fit at 80 or 100
/// columns, so the years in view scroll: there every figure keeps its
/// height and its row wherever it is drawn; where every year fits, the
/// bars do not move at all.
#[test]
fn the_chart_keeps_its_place_and_scale_as_the_year_moves() {
    for (width, height) in [(80, 24), (100, 30), (400, 30)] {
        let mut app = app_for(bundled(), Theme::mono());
        app.apply(Action::Resize(width, height));
        app.apply(Action::ToggleLater);
        app.apply(Action::Home);
        let body = layout::body_area(app.size);
        let chart = |app: &App| app.growth.chart(&app.ctx(), body).0;
        let (first_chart, first_bars) = (chart(&app), growth_bars(&app));
        assert!(
            first_chart.height >= 10,
            "{width}x{height}: {first_chart:?}"
        );
        let figures: usize = app
            .growth
            .shown(&app.data)
            .iter()
            .map(|s| s.points.len())
            .sum();
        let all_in_view = first_bars.len() == figures;
        assert_eq!(
            all_in_view,
            width == 400,
            "{width}x{height}: {first_bars:?}"
        );
        // Each figure's height and rows, as first drawn; every figure drawn
        // at some year.
        let mut drawn: Vec<(f64, u16, u16, u32)> = Vec::new();
        let mut check = |bars: &[(Rect, f64, u32)], year: i32| {
            for &(place, value, eighths) in bars {
                let this = (value, place.y, place.height, eighths);
                match drawn.iter().find(|d| d.0 == value) {
                    Some(first) => assert_eq!(*first, this, "{width}x{height}, {year}"),
                    None => drawn.push(this),
                }
            }
        };
        check(&first_bars, app.growth.year());
        let years: Vec<i32> = app.growth.years(&app.data).collect();
        for &year in &years[1..] {
            app.apply(Action::Right);
            assert_eq!(app.growth.year(), year);
            assert_eq!(chart(&app), first_chart, "{width}x{height}, {year}");
            let bars = growth_bars(&app);
            if all_in_view {
                assert_eq!(bars, first_bars, "{width}x{height}, {year}");
            }
            check(&bars, year);
        }
        let values: std::collections::BTreeSet<u64> = app
            .growth
            .shown(&app.data)
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.sns_users.to_bits())
            .collect();
        assert_eq!(
            drawn.len(),
            values.len(),
            "{width}x{height}: every figure drawn"
        );
    }
}

/// The issue's own cases: with the later figures shown, the 2015
/// projection (63.21 M) stood taller than the later 64.88 M, and the two
/// equal 2015 shares (65.3 %) stood at different heights.
#[test]
fn the_2015_projection_is_drawn_by_its_figure() {
    for (width, height) in [(80, 24), (100, 30)] {
        let mut app = app_for(bundled(), Theme::mono());
        app.apply(Action::Resize(width, height));
        app.apply(Action::ToggleLater);
        let of = |bars: &[(Rect, f64, u32)], v: f64| {
            bars.iter().find(|b| b.1 == v).map(|b| b.2).unwrap()
        };
        let users = growth_bars(&app);
        assert!(
            of(&users, 63.21) < of(&users, 64.88),
            "{width}x{height}: {users:?}"
        );
        app.apply(Action::ToggleMeasure);
        let shares = growth_bars(&app);
        let at_65: Vec<u32> = shares.iter().filter(|b| b.1 == 65.3).map(|b| b.2).collect();
        assert_eq!(at_65.len(), 2, "{width}x{height}: {shares:?}");
        assert_eq!(at_65[0], at_65[1], "{width}x{height}");
    }
}

/// Text as cells: each character in its column, a wide one followed by an
/// empty cell, as a terminal lays it out.
fn cells(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in line.chars() {
        match unicode_width::UnicodeWidthChar::width(c).unwrap_or(1) {
            // A combining mark joins the cell before it.
            0 => match out.last_mut() {
                Some(last) => last.push(c),
                None => out.push(c.to_string()),
            },
            w => {
                out.push(c.to_string());
                out.extend(std::iter::repeat_n(String::new(), w - 1));
            }
        }
    }
    out
}

fn buffer_cells(buf: &Buffer) -> Vec<Vec<String>> {
    (buf.area.top()..buf.area.bottom())
        .map(|y| {
            (buf.area.left()..buf.area.right())
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// A bar column's axis starting at column `x` of `row`: "0", spaces, then
/// the figure a full bar stands for ("100%", "100 points"), which ends where
/// the column ends. Its width in cells and that figure.
fn axis_at(row: &[String], x: usize) -> Option<(usize, f64)> {
    let at = |i: usize| row.get(i).map_or("", String::as_str);
    if at(x) != "0" || !matches!(at(x.wrapping_sub(1)), " " | "│" | "") || at(x + 1) != " " {
        return None;
    }
    let mut i = x + 1;
    while at(i) == " " {
        i += 1;
    }
    let start = i;
    while at(i).chars().all(|c| c.is_ascii_digit() || c == '.') && !at(i).is_empty() {
        i += 1;
    }
    let scale: f64 = row[start..i].concat().parse().ok()?;
    if at(i) == "%" {
        i += 1;
    } else if row.get(i..i + 7).map(|s| s.concat()).as_deref() == Some(" points") {
        i += 7;
    }
    Some((i - x, scale))
}

/// Every ranking bar in `rows`, by the axis over its column: (figure,
/// length in eighths, axis width in cells, the figure the axis ends at).
fn ranking_bars(rows: &[Vec<String>]) -> Vec<(f64, u32, usize, f64)> {
    let mut bars = Vec::new();
    for (y, header) in rows.iter().enumerate() {
        for x in 0..header.len() {
            let Some((width, scale)) = axis_at(header, x) else {
                continue;
            };
            // On screen a table's rows lie inside its left border; in print
            // they are the lines that start with the rank's padding.
            let border = header[..x].iter().rposition(|c| c == "│");
            for row in &rows[y + 1..] {
                let inside = match border {
                    Some(b) => row.get(b).is_some_and(|c| c == "│"),
                    None => row.first().is_some_and(|c| c == " "),
                };
                if !inside {
                    break;
                }
                // In print a figure ends two columns before its bar; a line
                // of a folded row that holds no figure there (the name, or
                // the comparison alone) is not a bar's.
                if border.is_none() && row.get(x.wrapping_sub(3)).is_none_or(|c| c == " ") {
                    continue;
                }
                let before = row[..x.min(row.len())].concat();
                let Some(value) = before
                    .split_whitespace()
                    .last()
                    .and_then(|t| t.trim_end_matches('%').parse::<f64>().ok())
                else {
                    continue;
                };
                let mut eighths = 0;
                for cell in row.get(x..).unwrap_or_default() {
                    match cell.as_str() {
                        "█" => eighths += 8,
                        c => {
                            eighths += "▏▎▍▌▋▊▉"
                                .chars()
                                .position(|p| c.starts_with(p))
                                .map_or(0, |p| p as u32 + 1);
                            break;
                        }
                    }
                }
                bars.push((value, eighths, width, scale));
            }
        }
    }
    bars
}

/// Every bar is its figure's share of its axis, to the eighth, and all of
/// one unit stand on one axis: the same width and the same full figure.
fn assert_one_scale(bars: &[(f64, u32, usize, f64)], what: &str) {
    assert!(!bars.is_empty(), "no bars read: {what}");
    for &(value, eighths, width, scale) in bars {
        let exact = (value / scale * width as f64 * 8.0).round() as u32;
        assert_eq!(
            eighths, exact,
            "{value} on 0-{scale} over {width} cells: {what}"
        );
    }
    for unit_is_points in [false, true] {
        // Rates and points run to 100 in the bundled and generated data.
        let axes: std::collections::BTreeSet<(usize, u64)> = bars
            .iter()
            .filter(|b| (b.3 > 100.0) == unit_is_points || b.3 == 100.0)
            .map(|b| (b.2, b.3.to_bits()))
            .collect();
        assert!(axes.len() <= 1, "more than one axis {axes:?}: {what}");
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// On every page, at any size, both tables' bars are read off the
    /// screen and stand on one axis, each exactly its figure.
    #[test]
    fn ranking_bars_on_screen_share_one_scale(
        d in prop_oneof![Just(bundled()), valid_dataset()],
        width in 50u16..=250,
        height in 15u16..=80,
        turns in 0usize..6,
    ) {
        let mut app = app_for(d, Theme::mono());
        app.apply(Action::Resize(width, height));
        app.apply(Action::ShowTab(Tab::Rankings));
        for _ in 0..turns { app.apply(Action::Right); }
        let rows = buffer_cells(&render(&app));
        let bars = ranking_bars(&rows);
        if !bars.is_empty() {
            assert_one_scale(&bars, &format!("{width}x{height}, page {}", app.rankings.page()));
        }
    }

    /// In `print rankings` every table of a unit stands on one axis.
    #[test]
    fn ranking_bars_in_print_share_one_scale(
        d in prop_oneof![Just(bundled()), valid_dataset()],
        width in 40usize..=200,
    ) {
        let text = sns_tui::report::print(&d, &[sns_tui::report::Section::Rankings], width, sns_tui::lang::Lang::En);
        let rows: Vec<Vec<String>> = text.lines().map(cells).collect();
        let bars = ranking_bars(&rows);
        let published = d.rankings.iter().flat_map(|t| &t.rows).filter(|r| r.value.is_some()).count();
        // A narrow print may leave a bar no room for its axis; where there
        // is room for a rate's ("0 100%"), every figure has its bar.
        if bars.iter().any(|b| b.2 >= 6) {
            prop_assert_eq!(bars.len(), published, "every published figure has a bar:\n{}", text);
            assert_one_scale(&bars, &format!("width {width}"));
        }
    }
}

/// The bundled data at 80x24 and 120x40: every page shows its bars (ten
/// at least, or every figure of a page that has fewer), on one axis of
/// 0-100.
#[test]
fn every_bundled_ranking_page_draws_its_bars_to_one_scale() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app_for(bundled(), Theme::mono());
        app.apply(Action::Resize(width, height));
        app.apply(Action::ShowTab(Tab::Rankings));
        for page in 0..app.rankings.pages().len() {
            let bars = ranking_bars(&buffer_cells(&render(&app)));
            let p = app.rankings.pages()[page];
            let figures = p
                .base
                .into_iter()
                .chain([p.main])
                .flat_map(|t| &app.data.rankings[t].rows)
                .filter(|r| r.value.is_some())
                .count();
            assert!(
                bars.len() >= figures.min(10),
                "{width}x{height} page {page}: {bars:?}"
            );
            assert!(bars.iter().all(|b| b.3 == 100.0));
            assert_one_scale(&bars, &format!("{width}x{height} page {page}"));
            app.apply(Action::Right);
        }
    }
    let text = sns_tui::report::print(
        &bundled(),
        &[sns_tui::report::Section::Rankings],
        80,
        sns_tui::lang::Lang::En,
    );
    let bars = ranking_bars(&text.lines().map(cells).collect::<Vec<_>>());
    assert_eq!(bars.len(), 125, "{text}");
    assert_one_scale(&bars, "print at 80");
}

proptest! {
    #![proptest_config(config(256))]

    /// Typing a query a character at a time narrows the matches of the
    /// query before; the matches are the ones a search from scratch finds,
    /// in every paragraph, wherever folding changes a character's length.
    #[test]
    fn a_search_narrowed_as_typed_finds_what_a_fresh_one_finds(
        paras in prop::collection::vec(paragraph(), 1..4),
        typed in prop::collection::vec(
            prop::sample::select(vec!['a', 'A', 'e', 'é', 'É', ' ', '\u{a0}', 'ア', 'x', '.', '\u{301}']),
            1..10,
        ),
    ) {
        let doc = text::Doc { paras };
        let folded = text::Folded::new(&doc, &mut |_| true).unwrap();
        let mut query = String::new();
        let mut previous: Option<text::Matches> = None;
        for c in typed {
            query.push(c);
            let narrowed =
                text::find_matches(&folded, &query, previous.as_ref(), &mut |_, _| true).unwrap();
            let fresh = text::find_matches(&folded, &query, None, &mut |_, _| true).unwrap();
            prop_assert_eq!(&narrowed, &fresh, "{:?}", query);
            let places: Vec<(usize, std::ops::Range<usize>)> = narrowed
                .starts
                .iter()
                .map(|&s| {
                    let (para, start) = folded.place(&doc, s as usize);
                    let (_, end) = folded.place(&doc, s as usize + narrowed.len);
                    (para, start..end)
                })
                .collect();
            let by_find_all: Vec<(usize, std::ops::Range<usize>)> = doc
                .paras
                .iter()
                .enumerate()
                .flat_map(|(i, p)| text::find_all(&text::plain(p), &query).into_iter().map(move |r| (i, r)))
                .collect();
            prop_assert_eq!(places, by_find_all, "{:?}", query);
            previous = Some(narrowed);
        }
    }
}

/// The y axis of the Trends chart as the screen shows it: the row of its
/// corner, and each labelled tick's row and value, read from the labels.
fn trends_axis(buf: &Buffer, body: Rect) -> Option<(u16, Vec<(u16, f64)>)> {
    let (cx, cy) = (body.y..body.bottom())
        .flat_map(|y| (body.x + 1..body.right()).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol() == "└")?;
    let ticks = (body.y..cy)
        .filter(|&y| buf[(cx, y)].symbol() == "┤")
        .map(|y| {
            let label: String = (body.x + 1..cx).map(|x| buf[(x, y)].symbol()).collect();
            let value = label.trim().trim_end_matches('%').parse::<f64>();
            (y, value.unwrap_or_else(|_| panic!("tick label {label:?}")))
        })
        .collect();
    Some((cy, ticks))
}

proptest! {
    #![proptest_config(config(48))]

    /// Any size, the bundled or any generated dataset, any platform,
    /// survey, family and language: the Trends tab draws, no wide
    /// character straddles, and every point drawn sits in the row its
    /// value maps to on the y axis as the screen labels it, in its
    /// platform's marker (or the mark of a shared cell).
    #[test]
    fn trends_points_sit_on_the_rows_their_values_map_to(
        width in 50u16..=250,
        height in 15u16..=80,
        d in prop_oneof![1 => Just(()).prop_map(|_| bundled()), 3 => valid_dataset()],
        moves in prop::collection::vec(prop::sample::select(vec![
            Action::Up, Action::Down, Action::Left, Action::Right, Action::NextFamily, Action::ToggleLang,
        ]), 0..10),
    ) {
        let mut app = app_for(d, Theme::mono());
        app.apply(Action::Resize(width, height));
        app.apply(Action::ShowTab(Tab::Trends));
        for m in moves {
            app.apply(m);
        }
        let buf = render(&app);
        let body = layout::body_area(app.size);
        let drawn = app.trends.drawn(&app.ctx(), body);
        let Some(family) = app.trends.family() else {
            prop_assert!(drawn.is_empty());
            let screen: String = buf.content().iter().map(|c| c.symbol()).collect();
            prop_assert!(screen.contains("Not enough") || screen.contains("推"), "{}", screen);
            return Ok(());
        };
        prop_assert!(!drawn.is_empty(), "{:?}", family.id);
        let (corner, ticks) = trends_axis(&buf, body).expect("the axes");
        let (zero, top) = (ticks.last().copied().unwrap(), ticks[0]);
        prop_assert_eq!(zero.1, 0.0);
        prop_assert_eq!(zero.0, corner - 1, "0 is the plot's bottom row");
        prop_assert!(ticks.len() >= 2 && top.1 >= 100.0, "{:?}", ticks);
        // No two labels touch.
        prop_assert!(ticks.windows(2).all(|w| w[1].0 >= w[0].0 + 2), "{:?}", ticks);
        let rows = f64::from(zero.0 - top.0);
        for cell in &drawn {
            prop_assert_eq!(buf[(cell.x, cell.y)].symbol(), cell.glyph.to_string());
            for &v in &cell.values {
                let up = ((v / top.1).clamp(0.0, 1.0) * rows).round() as u16;
                prop_assert_eq!(cell.y, zero.0 - up, "{} drawn at row {}", v, cell.y);
            }
        }
        // Every figure of the family is drawn once.
        let figures: usize = family
            .trends
            .iter()
            .map(|t| t.waves().filter(|&w| t.point(&app.data, family, w).is_some()).count())
            .sum();
        prop_assert_eq!(drawn.iter().map(|c| c.values.len()).sum::<usize>(), figures);
    }
}
