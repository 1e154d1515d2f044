//! `App::apply` driven as the keys and the worker drive it, with no terminal.
use super::*;
use crate::dataset;
use crate::scroll::Scroll;
use crate::work::Progress;

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
    a.apply(Action::Export)
        .map(|Effect::Write { stem, contents }| (stem, contents))
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
        Some("wrote ./sns-tui-rankings-2013-smartphone-2.csv")
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
    assert_eq!(a.status, None);
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
fn u_switches_growth_between_millions_and_shares() {
    use crate::series::Measure;
    use crate::tabs::growth::detail_doc;
    let mut a = app();
    a.apply(Action::ToggleMeasure);
    assert_eq!(a.growth.measure(), Measure::Share);
    let plain = |doc: crate::text::Doc| {
        doc.paras
            .iter()
            .map(|p| crate::text::plain(p))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let shown = a.growth.shown(&a.data);
    let y2011 = plain(detail_doc(&a.ctx(), shown, 2011, Measure::Share));
    assert!(
        y2011.starts_with("2011, as the essay saw it: 45% of internet users, estimate"),
        "{y2011}"
    );
    let y2012 = plain(detail_doc(&a.ctx(), shown, 2012, Measure::Share));
    assert!(
        y2012.contains("change on 2011 +7 percentage points"),
        "{y2012}"
    );
    assert!(y2012.contains("49.65 M SNS users"), "{y2012}");
    a.apply(Action::ToggleMeasure);
    assert_eq!(a.growth.measure(), Measure::Users);
}

#[test]
fn s_cycles_the_sort_and_keeps_the_selection() {
    use crate::tabs::rankings::SortKey;
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::Down);
    assert_eq!(a.rankings.selected_platform(), "facebook");
    let order = |a: &App| a.rankings.platforms().join(" ");
    assert_eq!(order(&a), "line facebook twitter mixi skype");
    a.apply(Action::NextSort);
    assert_eq!(
        (a.rankings.sort().key, a.rankings.sort().descending),
        (SortKey::Rank, true)
    );
    assert_eq!(order(&a), "skype mixi twitter facebook line");
    assert_eq!(
        a.rankings.selected_platform(),
        "facebook",
        "the selection follows its platform"
    );
    a.apply(Action::NextSort);
    assert_eq!(
        order(&a),
        "facebook line mixi skype twitter",
        "A-Z, any case"
    );
    a.apply(Action::NextSort);
    a.apply(Action::NextSort);
    assert_eq!(a.rankings.sort().key, SortKey::Value);
    a.apply(Action::NextTable);
    a.apply(Action::NextTable);
    // 2014 satisfaction by figure, high to low, then the 2013-only platforms.
    assert_eq!(
        order(&a),
        "line skype twitter googleplus facebook kakaotalk comm mixi"
    );
    a.apply(Action::NextSort);
    assert!(!a.rankings.sort().descending);
    assert_eq!(
        order(&a),
        "facebook googleplus twitter skype line kakaotalk comm mixi"
    );
    a.apply(Action::NextSort);
    assert_eq!(
        (a.rankings.sort().key, a.rankings.sort().descending),
        (SortKey::Rank, false)
    );
}

#[test]
fn slash_searches_the_essay_as_you_type_and_n_walks_the_matches() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Action::StartSearch);
    assert_eq!(a.scopes(), [Scope::Prompt]);
    for c in "facebook".chars() {
        a.apply(Action::Type(c));
    }
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“facebook” 1/7")
    );
    a.apply(Action::Submit);
    assert_eq!(a.prompt, None);
    a.apply(Action::PrevMatch);
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“facebook” 7/7")
    );
    let line = a.essay.current_match_line().unwrap();
    assert!(
        (a.essay.scroll()..a.essay.scroll() + 20).contains(&line),
        "the match is in view"
    );
    a.apply(Action::NextMatch);
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“facebook” 1/7")
    );
    a.apply(Action::CancelSearch);
    assert_eq!(a.essay.search_status(Lang::En), None);
}

#[test]
fn search_matches_across_line_breaks_and_no_break_spaces() {
    let mut a = app();
    a.apply(Action::Resize(50, 20));
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Action::StartSearch);
    for c in "japan is 95.6 million, and 52% of them".chars() {
        a.apply(Action::Type(c));
    }
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“japan is 95.6 million, and 52% of them” 1/1")
    );
    a.apply(Action::Erase);
    a.apply(Action::Type('X'));
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“japan is 95.6 million, and 52% of theX” not found")
    );
}

#[test]
fn a_match_on_spaces_dropped_at_a_break_is_left_out() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Action::StartSearch);
    a.apply(Action::Type(' '));
    a.apply(Action::NextMatch);
    let status = a.essay.search_status(Lang::En).unwrap();
    assert!(status.starts_with("“ ” 2/"), "{status}");
}

#[test]
fn search_in_a_paragraph_indented_wider_than_the_line_finds_what_shows() {
    // The file: 100 spaces of indent, then a one-column
    // character of two bytes, at 80x24.
    let mut json: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
    json["essay"]["paragraphs"][0] = format!("{}é and more", " ".repeat(100)).into();
    let d = dataset::parse(&json.to_string(), dataset::Origin::Bundled).unwrap();
    let mut a = App::new(d.dataset, Theme::mono());
    a.apply(Action::Resize(80, 24));
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Action::StartSearch);
    a.apply(Action::Type(' '));
    render_text_full(&a);
    a.apply(Action::Erase);
    for c in "é and".chars() {
        a.apply(Action::Type(c));
    }
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“é and” 1/1")
    );
    let line = a.essay.current_match_line().unwrap();
    let screen = render_text_full(&a);
    let row = screen.lines().nth(line - a.essay.scroll() + 2).unwrap();
    assert!(row.contains("é"), "{row}");
}

#[test]
fn enter_shows_the_essays_words_for_a_figure_and_b_goes_back() {
    let mut a = app();
    a.apply(Action::Left);
    a.apply(Action::Left);
    a.apply(Action::Left);
    assert_eq!(a.growth.year(), 2012);
    a.apply(Action::Provenance);
    assert_eq!(a.tab, Tab::Essay);
    let status = a.essay.search_status(Lang::En).unwrap();
    assert!(
        status.starts_with("“total internet users in Japan is 95.6") && status.ends_with("…” 1/1"),
        "{status}"
    );
    let line = a.essay.current_match_line().unwrap();
    assert!((a.essay.scroll()..a.essay.scroll() + 20).contains(&line));
    a.apply(Action::Back);
    assert_eq!((a.tab, a.growth.year()), (Tab::Growth, 2012));
}

#[test]
fn enter_on_a_figure_the_essay_does_not_state_opens_its_source() {
    let mut a = app();
    a.apply(Action::Home);
    a.apply(Action::Provenance);
    assert_eq!(a.tab, Tab::Sources);
    assert_eq!(a.sources.query(), Some("[ict-2011]"));
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("2010, as the essay saw it: its source (not in the essay")
    );
    a.apply(Action::Back);
    assert_eq!(a.tab, Tab::Growth);
}

#[test]
fn enter_on_a_platform_shows_its_essay_words_or_source() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::Provenance);
    assert_eq!(a.tab, Tab::Essay);
    assert_eq!(
        a.essay.query(),
        Some("Among Smartphone users, however, the top SNS service used is LINE")
    );
    a.apply(Action::Back);
    a.apply(Action::End);
    a.apply(Action::Provenance);
    assert_eq!(
        (a.tab, a.sources.query()),
        (Tab::Sources, Some("[ict-2013-iw]")),
        "Skype's smartphone rate"
    );
}

#[test]
fn slash_on_rankings_filters_platforms_by_name() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::Down);
    a.apply(Action::StartSearch);
    a.apply(Action::Type('F'));
    a.apply(Action::Type('a'));
    assert_eq!(a.rankings.platforms(), ["facebook"]);
    assert_eq!(a.rankings.selected_platform(), "facebook");
    assert_eq!(
        a.rankings.filter_status(Lang::En).as_deref(),
        Some("filter “Fa”: 1 platform")
    );
    a.apply(Action::Erase);
    a.apply(Action::Erase);
    for c in "ツイ".chars() {
        a.apply(Action::Type(c));
    }
    assert_eq!(
        a.rankings.platforms(),
        ["twitter"],
        "Japanese names match too"
    );
    a.apply(Action::Type('x'));
    assert!(a.rankings.platforms().is_empty());
    a.apply(Action::Down);
    a.apply(Action::End);
    assert_eq!(a.rankings.selected_platform(), "");
    a.apply(Action::CancelSearch);
    assert_eq!(a.rankings.platforms().len(), 5);
    assert_eq!(a.rankings.filter_status(Lang::En), None);
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

#[test]
fn q_at_the_prompt_is_typed_not_quit() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Sources));
    a.apply(Action::StartSearch);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        crate::keymap::action_for(&q, &a.scopes()),
        Some(Action::Type('q'))
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        crate::keymap::action_for(&ctrl_c, &a.scopes()),
        Some(Action::Quit)
    );
}

#[test]
fn a_paste_is_one_search_cleaned_of_what_must_not_reach_the_screen() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Update::Paste("face\u{202e}bo\u{200b}o\u{7}".into()));
    assert_eq!(
        a.prompt.as_deref(),
        Some("faceboo"),
        "a paste opens the prompt"
    );
    a.apply(Update::Paste("k\r\n".into()));
    assert_eq!(a.prompt.as_deref(), Some("facebook  "));
    a.apply(Action::Erase);
    a.apply(Action::Erase);
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“facebook” 1/7")
    );
    a.apply(Action::Type('\u{2066}'));
    a.apply(Action::Type('\u{1b}'));
    assert_eq!(
        a.prompt.as_deref(),
        Some("facebook"),
        "typed controls are dropped"
    );
    let long = "line \u{202e}".repeat(60);
    a.apply(Update::Paste(long));
    let q = a.prompt.clone().unwrap();
    assert!(q.len() > 300 && !q.contains('\u{202e}'), "{q}");
    let footer = render_text_full(&a).lines().last().unwrap().to_string();
    assert!(
        footer.contains("…") && footer.contains("not found"),
        "{footer}"
    );
}

/// An app whose jobs wait in `queue` until the test runs them.
fn app_with_queued_work() -> (App, std::sync::mpsc::Receiver<crate::work::Job>) {
    let mut a = app();
    let (jobs, queue) = std::sync::mpsc::channel();
    a.worker = Worker::Thread(jobs);
    (a, queue)
}

#[test]
fn esc_stops_a_wrap_under_way_and_goes_back_and_its_outcome_is_dropped() {
    let (mut a, queue) = app_with_queued_work();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::ShowTab(Tab::Essay));
    assert!(a.busy());
    let job = queue.try_recv().unwrap();
    assert_eq!(
        a.essay.status(Lang::En).as_deref(),
        Some("wrapping… 0% (Esc goes back)")
    );
    a.apply(Update::Progress(Progress {
        view: Tab::Essay,
        ticket: job.ticket,
        share: 0.4,
        found: 0,
    }));
    assert_eq!(
        a.essay.status(Lang::En).as_deref(),
        Some("wrapping… 40% (Esc goes back)")
    );
    a.apply(Action::CancelSearch);
    assert_eq!(a.tab, Tab::Rankings);
    assert!(!a.busy());
    a.apply(Update::Done(job.run_now()));
    assert_eq!(
        a.essay.line_count(),
        0,
        "a stopped job's outcome is dropped"
    );
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Update::Done(queue.try_recv().unwrap().run_now()));
    assert!(a.essay.line_count() > 0 && !a.busy());
}

#[test]
fn esc_stops_a_search_under_way_and_keys_work_while_it_runs() {
    let (mut a, queue) = app_with_queued_work();
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Update::Done(queue.try_recv().unwrap().run_now()));
    a.apply(Action::StartSearch);
    a.apply(Action::Type('e'));
    let job = queue.try_recv().unwrap();
    a.apply(Update::Progress(Progress {
        view: Tab::Essay,
        ticket: job.ticket,
        share: 0.5,
        found: 3120,
    }));
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“e” searching… 3,120 matches so far")
    );
    a.apply(Action::Type('s'));
    let es = queue.try_recv().unwrap();
    a.apply(Update::Done(job.run_now()));
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“es” searching… 0%"),
        "the outcome for \"e\" came too late"
    );
    a.apply(Action::CancelSearch);
    a.apply(Update::Done(es.run_now()));
    assert_eq!((a.essay.search_status(Lang::En), a.busy()), (None, false));
    assert_eq!(a.tab, Tab::Essay, "Esc after the wrap clears the search");
}

#[test]
fn a_figures_words_are_found_once_the_essay_is_wrapped() {
    let (mut a, queue) = app_with_queued_work();
    a.apply(Action::Left);
    a.apply(Action::Left);
    a.apply(Action::Left);
    a.apply(Action::Provenance);
    assert_eq!(a.tab, Tab::Essay);
    while let Ok(job) = queue.try_recv() {
        a.apply(Update::Done(job.run_now()));
    }
    let line = a.essay.current_match_line().unwrap();
    assert!(line > 20, "deep enough to need scrolling: {line}");
    assert!((a.essay.scroll()..a.essay.scroll() + 20).contains(&line));
}

#[test]
fn quit_stops_the_loop() {
    let mut a = app();
    a.apply(Action::Quit);
    assert!(!a.running);
}

#[test]
fn years_step_through_gaps_and_stop_at_the_ends() {
    let mut a = app();
    assert_eq!(a.growth.year(), 2015);
    a.apply(Action::Right);
    assert_eq!(a.growth.year(), 2015, "2015 is the essay's last year");
    a.apply(Action::Left);
    assert_eq!(a.growth.year(), 2014, "a gap year is still a year");
    a.apply(Action::Home);
    a.apply(Action::Left);
    assert_eq!(a.growth.year(), 2010);
}

#[test]
fn the_detail_scrolls_as_far_as_its_text_and_a_new_year_starts_at_the_top() {
    let mut a = app();
    a.apply(Action::ToggleLater);
    let screen = render_text_full(&a);
    assert!(screen.contains("… 9 more lines: ↓ scrolls"), "{screen}");
    for _ in 0..100 {
        a.apply(Action::Down);
    }
    assert_eq!(a.growth.detail_scroll(), 9);
    let screen = render_text_full(&a);
    assert!(
        screen.contains("… 9 lines above: ↑ scrolls back")
            && screen.contains("2015, later projections: no figure published"),
        "the last line in view:\n{screen}"
    );
    a.apply(Action::Up);
    assert_eq!(a.growth.detail_scroll(), 8);
    a.apply(Action::Left);
    assert_eq!(a.growth.detail_scroll(), 0, "2014 is read from its top");
    a.apply(Action::Resize(200, 60));
    a.apply(Action::Down);
    assert_eq!(a.growth.detail_scroll(), 0, "all of it fits");
}

#[test]
fn d_shows_the_detail_in_full_over_the_chart_and_esc_puts_it_back() {
    let mut a = app();
    a.apply(Action::ToggleLater);
    a.apply(Action::ToggleDetail);
    let screen = render_text_full(&a);
    assert!(
        screen.contains("2015 in full")
            && screen.contains("source ict-2016")
            && !screen.contains("more lines"),
        "{screen}"
    );
    let (x, y) = place_of(&a, "2015, as the essay", 0);
    a.apply(Action::Click(x, y));
    assert_eq!(a.growth.year(), 2015, "a click on the popup picks no year");
    a.apply(Action::CloseDetail);
    assert!(!a.growth.detail_open());
    assert!(render_text_full(&a).contains("more lines"));
    a.apply(Action::CloseDetail);
    assert!(!a.growth.detail_open(), "Esc only ever closes");
}

#[test]
fn later_estimates_widen_the_years_and_keep_the_selection_in_range() {
    let mut a = app();
    a.apply(Action::ToggleLater);
    a.apply(Action::End);
    assert_eq!(a.growth.year(), 2026);
    a.apply(Action::ToggleLater);
    assert_eq!(a.growth.year(), 2015, "back within the essay's years");
}

#[test]
fn turning_the_table_page_keeps_the_platform() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::Down);
    assert_eq!(a.rankings.selected_platform(), "facebook");
    a.apply(Action::NextTable);
    assert_eq!(a.rankings.selected_platform(), "facebook");
    a.apply(Action::NextTable);
    a.apply(Action::End);
    assert_eq!(
        a.rankings.selected_platform(),
        "mixi",
        "2014 satisfaction, then the 2013-only rows"
    );
    let last = a.rankings.platforms().len() - 1;
    assert_eq!(a.rankings.selected(), last);
    for _ in a.rankings.page()..a.rankings.pages().len() {
        a.apply(Action::NextTable);
    }
    assert_eq!(a.rankings.page(), 0, "pages wrap round");
    a.apply(Action::Down);
    a.apply(Action::Down);
    a.apply(Action::End);
    a.apply(Action::Down);
    assert_eq!(a.rankings.selected(), a.rankings.platforms().len() - 1);
}

#[test]
fn rankings_pages_pair_each_table_with_its_comparison() {
    let mut a = app();
    let titles: Vec<(String, Option<String>)> = a
        .rankings
        .pages()
        .iter()
        .map(|p| {
            (
                a.data.rankings[p.main].id.to_string(),
                p.base.map(|b| a.data.rankings[b].id.to_string()),
            )
        })
        .collect();
    let want = [
        ("2013-smartphone", "2013-all"),
        ("2014-all", "2013-all"),
        ("2014-satisfaction", "2013-satisfaction"),
        ("2016-all", "2014-all"),
        ("2016-satisfaction", "2014-satisfaction"),
        ("2017-all", "2016-all"),
        ("2017-satisfaction", "2016-satisfaction"),
        ("2018-all", "2017-all"),
        ("2018-satisfaction", "2017-satisfaction"),
        ("2020-all", "2018-all"),
        ("2020-satisfaction", "2018-satisfaction"),
        ("2022-all", "2020-all"),
        ("2022-satisfaction", "2020-satisfaction"),
        ("2024-all", "2022-all"),
        ("2024-satisfaction", "2022-satisfaction"),
        ("mic-2013-all", "mic-2012-all"),
        ("mic-2014-all", "mic-2013-all"),
        ("mic-2016-all", "mic-2014-all"),
        ("mic-2018-all", "mic-2016-all"),
        ("mic-2021-all", "mic-2018-all"),
        ("mic-2022-all", "mic-2021-all"),
        ("mic-2024-all", "mic-2022-all"),
    ];
    assert_eq!(
        titles,
        want.map(|(m, b)| (m.to_string(), Some(b.to_string())))
    );
    // Satisfaction 2013 ranks comm and mixi, which 2014 does not.
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::NextTable);
    a.apply(Action::NextTable);
    assert_eq!(a.rankings.page(), 2);
    assert_eq!(a.rankings.platforms().len(), 8);
    // 総務省 2024 lists LINE only; 2022 adds three more.
    a.apply(Action::PrevTable);
    a.apply(Action::PrevTable);
    a.apply(Action::PrevTable);
    assert_eq!(a.rankings.page(), 21, "the pages wrap round");
    assert_eq!(a.rankings.platforms().len(), 4);
}

#[test]
fn essay_scroll_is_clamped_to_the_text() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Action::Up);
    assert_eq!(a.essay.scroll(), 0);
    a.apply(Action::End);
    let end = a.essay.scroll();
    assert!(end > 0);
    assert_eq!(end, a.essay.max_scroll());
    a.apply(Action::PageDown);
    assert_eq!(a.essay.scroll(), end);
    a.apply(Action::PageUp);
    assert!(a.essay.scroll() < end);
}

#[test]
fn resizing_rewraps_and_keeps_scroll_in_range() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Essay));
    let lines_at_80 = a.essay.line_count();
    a.apply(Action::End);
    a.apply(Action::Resize(200, 60));
    assert!(a.essay.line_count() < lines_at_80);
    assert!(a.essay.scroll() <= a.essay.max_scroll());
    a.apply(Action::Resize(1, 1));
    assert!(a.essay.scroll() <= a.essay.max_scroll());
}

#[test]
fn scrolled_to_the_end_stays_at_the_end_through_resizes() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Essay));
    a.apply(Action::End);
    for (w, h) in [(60, 20), (100, 30), (50, 15), (80, 24)] {
        a.apply(Action::Resize(w, h));
        assert!(
            a.essay.max_scroll() > 0,
            "{w}x{h} must scroll for this test"
        );
        assert_eq!(a.essay.scroll(), a.essay.max_scroll(), "{w}x{h}");
    }
}

#[test]
fn scrolled_to_the_middle_keeps_its_place_through_a_resize() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Sources));
    a.apply(Action::PageDown);
    let fraction = a.sources.scroll() as f64 / a.sources.line_count() as f64;
    a.apply(Action::Resize(120, 40));
    let after = a.sources.scroll() as f64 / a.sources.line_count() as f64;
    assert!((after - fraction).abs() < 0.05, "{fraction} then {after}");
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
    a.apply(Action::Resize(200, 100));
    assert_eq!(
        a.help.map(Scroll::top),
        Some(0),
        "everything fits: no scroll"
    );
    a.apply(Action::Resize(80, 15));
    a.apply(Action::Down);
    assert!(a.help.map(Scroll::top) <= Some(ui::help::max_scroll(a.size)));
}

#[test]
fn help_scrolls_only_as_far_as_it_needs() {
    let mut a = app();
    a.apply(Action::Resize(80, 24));
    a.apply(Action::ToggleHelp);
    for _ in 0..100 {
        a.apply(Action::Down);
    }
    assert_eq!(a.help.map(Scroll::top), Some(ui::help::max_scroll(a.size)));
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

#[test]
fn t_shows_every_reports_figure_as_a_table_and_enter_opens_the_selected_ones_source() {
    let mut a = app();
    a.apply(Action::ToggleTable);
    assert_eq!(a.growth.table_row(), Some(0));
    let screen = render_text_full(&a);
    assert!(
        screen.contains("Every report's figure, year by year"),
        "{screen}"
    );
    assert!(screen.contains("2010  ict-2011  estimate"), "{screen}");
    assert!(
        screen.contains("In millions, 7 of the 7 projections"),
        "{screen}"
    );
    // Down to the 2015 figure of ict-2016 (a later estimate, not the
    // essay's): Enter opens its source, not the essay's.
    let rows = crate::ledger::ledger(&a.data);
    let at = rows
        .iter()
        .position(|r| r.point.year == 2015 && r.report() == "ict-2016")
        .unwrap();
    for _ in 0..at {
        a.apply(Action::Down);
    }
    assert_eq!(a.growth.table_row(), Some(at));
    a.apply(Action::Provenance);
    assert_eq!(a.tab, Tab::Sources);
    assert_eq!(a.sources.query(), Some("[ict-2016]"));
    a.apply(Action::Back);
    a.apply(Action::ToggleTable);
    assert_eq!(a.growth.table_row(), None, "t again: the chart");
}

#[test]
fn p_lists_the_tables_and_enter_goes_to_the_one_chosen() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::ShowPages);
    assert_eq!(a.rankings.picked(), Some(0));
    assert_eq!(a.scopes(), [Scope::Pages, Scope::Global]);
    assert!(render_text_full(&a).contains("  1/22  2013, smartphone users"));
    a.apply(Action::Up);
    assert_eq!(a.rankings.picked(), Some(21), "round the ends");
    let screen = render_text_full(&a);
    assert!(
        screen.contains("22/22  総務省 2024"),
        "the chosen one in view:\n{screen}"
    );
    a.apply(Action::Down);
    a.apply(Action::Down);
    a.apply(Action::Down);
    a.apply(Action::GoToPage);
    assert_eq!((a.rankings.page(), a.rankings.picked()), (2, None));
    a.apply(Action::ShowPages);
    a.apply(Action::ShowPages);
    assert_eq!(a.rankings.picked(), None, "p again closes it");
    assert_eq!(a.rankings.page(), 2, "and goes nowhere");
}

/// The screen of `a` on the Trends tab, as text.
fn trends_screen(a: &mut App) -> String {
    a.apply(Action::ShowTab(Tab::Trends));
    render_text_full(a)
}

#[test]
fn trends_need_usage_tables_from_two_years_of_one_family() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1/dataset.json"
    );
    let v1 = dataset::load(Some(std::path::Path::new(path)))
        .unwrap()
        .dataset;
    let not_enough = "Not enough surveys for a trend";
    // As version 1 has it: two ICT years, but no table states its base
    // and no survey its month, so none can be placed.
    let mut a = App::new(v1.clone(), Theme::mono());
    let screen = trends_screen(&mut a);
    assert!(screen.contains(not_enough), "{screen}");
    // Stated, the two years make a trend...
    let mut raw = v1.into_raw();
    for (s, month) in raw.surveys.iter_mut().zip(["2013-05", "2014-07"]) {
        s.month = Some(month.into());
    }
    for t in &mut raw.rankings {
        if t.id.ends_with("-all") {
            t.base = dataset::Base::Survey;
        }
    }
    let stated = dataset::Dataset::new(raw.clone()).unwrap();
    let screen = trends_screen(&mut App::new(stated, Theme::mono()));
    assert!(!screen.contains(not_enough), "{screen}");
    assert!(screen.contains("L LINE: 2013: 27% ict-2013"), "{screen}");
    // ... and without the 2014 table, one year makes none, in either language.
    raw.rankings.retain(|t| t.id != "2014-all");
    let one_year = dataset::Dataset::new(raw).unwrap();
    let mut a = App::new(one_year, Theme::mono());
    let screen = trends_screen(&mut a);
    assert!(screen.contains(not_enough), "{screen}");
    assert!(a.trends.family().is_none());
    // No key does anything there, and Enter opens nothing.
    for action in [
        Action::Up,
        Action::Right,
        Action::NextFamily,
        Action::Provenance,
    ] {
        a.apply(action);
    }
    assert_eq!(a.tab, Tab::Trends);
    a.apply(Action::ToggleLang);
    assert!(render_text_full(&a).contains("推移を描くには調査が足りない"));
}

#[test]
fn a_table_cut_by_the_window_says_which_rows_it_shows() {
    let mut a = app();
    a.apply(Action::Resize(80, 24));
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::ShowPages);
    for _ in 0..9 {
        a.apply(Action::Down);
    }
    a.apply(Action::GoToPage);
    let data = a.data.clone();
    let rows = |t: &str| {
        let i = data.rankings.iter().position(|r| r.id == t).unwrap();
        data.rankings[i].rows.len()
    };
    let screen = render_text_full(&a);
    assert!(
        screen.contains(&format!("rows 1-5 of {}", rows("2018-all"))),
        "{screen}"
    );
    // Down to the last row (Skype): both windows follow the selected
    // platform, and say so.
    for _ in 0..6 {
        a.apply(Action::Down);
    }
    let screen = render_text_full(&a);
    for want in [
        format!("rows 2-6 of {}", rows("2018-all")),
        format!("rows 3-7 of {}", rows("2020-all")),
    ] {
        assert!(screen.contains(&want), "{want}:\n{screen}");
    }
    // One row in view: "row 1", in either language.
    a.apply(Action::Resize(50, 18));
    a.apply(Action::Home);
    let screen = render_text_full(&a);
    assert!(screen.contains("row 1 of 7"), "{screen}");
    a.apply(Action::ToggleLang);
    assert!(render_text_full(&a).contains("7行中 1行目"));
    a.apply(Action::ToggleLang);
    // Tall enough for every row: nothing to say.
    a.apply(Action::Resize(120, 60));
    assert!(!render_text_full(&a).contains("rows "));
}

#[test]
fn a_growth_chart_too_wide_for_the_window_says_which_years_it_shows() {
    let mut a = app();
    a.apply(Action::Resize(80, 24));
    assert!(
        !render_text_full(&a).contains(" of 2010-"),
        "the essay's years all fit"
    );
    a.apply(Action::ToggleLater);
    let screen = render_text_full(&a);
    assert!(
        screen.contains("years 2013-2016 of 2010-2026: ←→"),
        "{screen}"
    );
    a.apply(Action::End);
    let screen = render_text_full(&a);
    assert!(screen.contains("years 2023-2026 of 2010-2026"), "{screen}");
    assert!(screen.contains("2026"), "the last year is drawn: {screen}");
    a.apply(Action::Resize(400, 40));
    let screen = render_text_full(&a);
    assert!(!screen.contains(" of 2010-2026"), "every year fits at 400");
}

#[test]
fn at_the_smallest_size_the_legend_gives_way_to_the_bars() {
    let mut a = app();
    a.apply(Action::Resize(50, 15));
    a.apply(Action::ToggleLater);
    let screen = render_text_full(&a);
    let chart: String = screen.lines().take(6).collect();
    assert!(
        chart.contains('█') && chart.contains('▒'),
        "bars drawn:\n{screen}"
    );
    assert!(screen.contains("… the legend in full in a taller window"));
    a.apply(Action::Resize(80, 40));
    assert!(!render_text_full(&a).contains("the legend in full"));
}
