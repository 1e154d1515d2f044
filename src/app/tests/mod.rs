//! `App::apply` driven as the keys and the worker drive it, with no terminal.
//! The tests of one tab are in its own file; what crosses tabs is here.

use super::*;
use crate::dataset;
use crate::scroll::Scroll;
use crate::work::Progress;

mod growth;
mod rankings;
mod text;
mod trends;

fn app() -> App {
    App::new(dataset::load(None).unwrap().dataset, Theme::mono())
}

#[test]
fn tabs_cycle_both_ways_and_close_help() {
    let mut a = app();
    a.apply(Action::ToggleHelp);
    a.apply(Action::PrevTab);
    assert_eq!(a.tab, Tab::Trends);
    assert_eq!(a.help, None);
    a.apply(Action::PrevTab);
    assert_eq!(a.tab, Tab::Sources);
    a.apply(Action::NextTab);
    a.apply(Action::NextTab);
    a.apply(Action::NextTab);
    assert_eq!(a.tab, Tab::Rankings);
    a.apply(Action::ShowTab(Tab::Essay));
    assert_eq!(a.tab, Tab::Essay);
}

/// What `e` asks the loop to write: the file's stem and contents.
fn written(a: &mut App) -> Option<(String, String)> {
    match a.apply(Action::Export)? {
        Effect::Write { stem, contents } => Some((stem, contents)),
        other => panic!("e asked for {other:?}"),
    }
}

#[test]
fn e_asks_for_the_view_as_csv_in_a_new_file_and_says_what_came_of_it() {
    let mut a = app();
    let (stem, growth) = written(&mut a).unwrap();
    assert_eq!(stem, "sns-tui-growth");
    assert!(
        growth.starts_with("\u{feff}series,year,"),
        "a byte-order mark, for Excel"
    );
    assert!(growth.contains("essay,2012,49.65,95.56,52,estimate,ict-2013,"));
    a.apply(Action::ShowTab(Tab::Rankings));
    let (stem, rankings) = written(&mut a).unwrap();
    assert_eq!(stem, "sns-tui-rankings-2013-smartphone");
    assert_eq!(
        rankings.lines().count(),
        1 + 5 + 5,
        "both tables of the page"
    );
    a.apply(Update::Written(Ok(
        "./sns-tui-rankings-2013-smartphone-2.csv".into(),
    )));
    assert_eq!(
        a.status.as_deref(),
        Some("wrote ./sns-tui-rankings-2013-smartphone-2.csv: the rows shown, sorted by rank ▲")
    );
    a.apply(Action::Down);
    assert_eq!(a.status, None, "the message lasts until the next key");
    a.apply(Update::Written(Err(
        "could not write ./x.csv: disk full".into()
    )));
    assert_eq!(
        a.status.as_deref(),
        Some("could not write ./x.csv: disk full")
    );
    a.apply(Action::ShowTab(Tab::Essay));
    assert_eq!(written(&mut a), None, "nothing to export from the essay");
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("run sns-tui print essay"),
        "{:?}",
        a.status
    );
}

#[test]
fn e_names_a_table_with_a_long_id_by_its_id() {
    let mut v: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
    v["rankings"][1]["id"] = format!("ICT総研/{}", "調".repeat(300)).into();
    let d = dataset::parse(&v.to_string(), dataset::Origin::Bundled).unwrap();
    let mut a = App::new(d.dataset, Theme::mono());
    a.apply(Action::ShowTab(Tab::Rankings));
    // The file name is cut and made safe where it is written (export).
    let (stem, csv) = written(&mut a).unwrap();
    assert_eq!(
        stem,
        format!("sns-tui-rankings-ICT総研/{}", "調".repeat(300))
    );
    assert!(csv.contains(&format!("ICT総研/{}", "調".repeat(300))));
}

#[test]
fn e_writes_a_name_that_looks_like_a_formula_as_text() {
    let mut v: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
    v["platforms"][1]["name"] = "=cmd|' /C calc'!A0".into();
    let d = dataset::parse(&v.to_string(), dataset::Origin::Bundled).unwrap();
    let mut a = App::new(d.dataset, Theme::mono());
    a.apply(Action::ShowTab(Tab::Rankings));
    let (_, csv) = written(&mut a).unwrap();
    assert!(csv.contains(",1,'=cmd|' /C calc'!A0,54,"), "{csv}");
}

#[test]
fn clicks_switch_tabs_and_select_years_and_rows() {
    let mut a = app();
    // " 1 Growth │ 2 Rankings │ ...": "2 Rankings" starts at column 12.
    a.apply(Action::Click(14, 0));
    assert_eq!(a.tab, Tab::Rankings);
    // The second table's rows start below its border and header.
    let (x, y) = place_of(&a, "Twitter", 10);
    a.apply(Action::Click(x, y));
    assert_eq!(a.rankings.selected_platform(), "twitter");
    a.apply(Action::Click(1, 0));
    assert_eq!(a.tab, Tab::Growth);
    let (x, y) = place_of(&a, "2011", 0);
    a.apply(Action::Click(x, y));
    assert_eq!(a.growth.year(), 2011);
}

#[test]
fn a_click_on_any_tab_title_finds_it_at_any_width_and_in_both_languages() {
    for lang in [Lang::En, Lang::Ja] {
        for width in [50, 56, 60, 80, 200] {
            let mut a = app();
            a.set_lang(lang);
            a.apply(Action::Resize(width, 24));
            let bar: String = render_text_full(&a).lines().next().unwrap().to_string();
            for tab in Tab::ALL {
                let title = format!("{} {}", tab.index() + 1, tab.title(lang));
                assert!(
                    bar.contains(&title),
                    "{width} {lang:?}: {title} whole in {bar}"
                );
                let x = crate::width::str_width(&bar[..bar.find(&title).unwrap()]) + 1;
                a.apply(Action::Click(x as u16, 0));
                assert_eq!(a.tab, tab, "{width} {lang:?}: a click on {title}");
            }
        }
    }
}

/// The column and row where `text` first shows, from row `from` down.
fn place_of(a: &App, text: &str, from: usize) -> (u16, u16) {
    let screen = render_text_full(a);
    let (y, line) = screen
        .lines()
        .enumerate()
        .skip(from)
        .find(|(_, l)| l.contains(text))
        .unwrap();
    let x = crate::width::str_width(&line[..line.find(text).unwrap()]);
    (x as u16, y as u16)
}

#[test]
fn the_wheel_scrolls_and_steps() {
    let mut a = app();
    a.apply(Action::Wheel(-1));
    assert_eq!(a.growth.year(), 2014);
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Action::Wheel(2));
    assert_eq!(a.essay.scroll(), 6);
    a.apply(Action::Wheel(-1));
    assert_eq!(a.essay.scroll(), 3);
    a.apply(Action::ShowTab(Tab::Sources));
    a.apply(Action::Wheel(2));
    assert_eq!(a.sources.scroll(), 6);
}

/// Over the help, the wheel scrolls the help, down and back up, and
/// neither the wheel nor a click reaches the view under it.
#[test]
fn over_the_help_the_wheel_scrolls_it_and_clicks_reach_nothing_under_it() {
    let mut a = app();
    a.apply(Action::Resize(80, 24));
    let (x, y) = place_of(&a, "2011", 0);
    a.apply(Action::ToggleHelp);
    // It opens at Growth's keys, near its end.
    let top = a.help.map(Scroll::top).unwrap();
    a.apply(Action::Wheel(-1));
    a.apply(Action::Wheel(-1));
    assert_eq!(a.help.map(Scroll::top), Some(top - 2));
    a.apply(Action::Wheel(1));
    assert_eq!(a.help.map(Scroll::top), Some(top - 1));
    a.apply(Action::Click(x, y));
    assert_eq!(a.growth.year(), 2015, "the year under the help");
    // The same click, the help closed, selects the year.
    a.apply(Action::CloseHelp);
    a.apply(Action::Click(x, y));
    assert_eq!(a.growth.year(), 2011);
}

#[test]
fn l_switches_names_and_labels_to_japanese_and_back() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::ToggleLang);
    assert_eq!(a.lang, Lang::Ja);
    let screen = render_text_full(&a);
    assert!(screen.contains("ランキング"), "{screen}");
    assert!(
        screen.contains("フェイスブック") && screen.contains("順位"),
        "{screen}"
    );
    // A click on the Japanese tab title still finds its tab.
    let top = screen.lines().next().unwrap();
    let x = top.chars().take_while(|c| *c != '1').count() as u16;
    a.apply(Action::Click(x + 1, 0));
    assert_eq!(a.tab, Tab::Growth);
    a.apply(Action::ToggleLang);
    assert!(render_text_full(&a).contains("Growth"));
}

/// The screen as text, wide characters whole.
fn render_text_full(a: &App) -> String {
    use ratatui::widgets::Widget;
    let mut buf = ratatui::buffer::Buffer::empty(a.size);
    a.render(a.size, &mut buf);
    let mut text = String::new();
    for y in 0..a.size.height {
        let mut x = 0;
        while x < a.size.width {
            let symbol = buf[(x, y)].symbol();
            text.push_str(symbol);
            x += crate::width::str_width(symbol).max(1) as u16;
        }
        text.push('\n');
    }
    text
}

/// An app whose jobs wait in `queue` until the test runs them.
fn app_with_queued_work() -> (App, std::sync::mpsc::Receiver<crate::work::Job>) {
    let mut a = app();
    let (jobs, queue) = std::sync::mpsc::channel();
    a.worker = Worker::Thread(jobs);
    (a, queue)
}

#[test]
fn quit_stops_the_loop() {
    let mut a = app();
    a.apply(Action::Quit);
    assert!(!a.running);
}

#[test]
fn resizing_with_the_help_open_keeps_its_scroll_valid() {
    let mut a = app();
    a.apply(Action::Resize(80, 20));
    a.apply(Action::ToggleHelp);
    for _ in 0..50 {
        a.apply(Action::Down);
    }
    assert!(a.help.map(Scroll::top) > Some(0));
    a.apply(Action::Resize(200, 150));
    assert_eq!(
        a.help.map(Scroll::top),
        Some(0),
        "everything fits: no scroll"
    );
    a.apply(Action::Resize(80, 15));
    a.apply(Action::Down);
    assert!(a.help.map(Scroll::top) <= Some(ui::help::max_scroll(a.size, a.lang)));
}

#[test]
fn help_scrolls_only_as_far_as_it_needs() {
    let mut a = app();
    a.apply(Action::Resize(80, 24));
    a.apply(Action::ToggleHelp);
    for _ in 0..100 {
        a.apply(Action::Down);
    }
    assert_eq!(
        a.help.map(Scroll::top),
        Some(ui::help::max_scroll(a.size, a.lang))
    );
    assert!(
        a.help.map(Scroll::top) > Some(0),
        "the help is taller than 24 rows"
    );
    a.apply(Action::Left);
    assert_eq!(a.tab, Tab::Growth);
    assert_eq!(
        a.growth.year(),
        2015,
        "keys meant for the tab do nothing under the help"
    );
}
