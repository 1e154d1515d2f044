//! The Essay and Sources tabs: search, jumps to a figure's words, work on the worker thread, scrolling through resizes.

use super::*;

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
    a.apply(Action::Cancel);
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
    assert_eq!(
        a.essay.search_status(Lang::En),
        None,
        "the words are a highlight, not a search the user typed"
    );
    assert!(
        a.essay
            .query()
            .unwrap()
            .starts_with("total internet users in Japan is 95.6")
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
            .contains("b back · source of the 2010 figure (as the essay saw it)")
    );
    a.apply(Action::Back);
    assert_eq!(a.tab, Tab::Growth);
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
    assert_eq!(a.prompt_text(), Some("faceboo"), "a paste opens the prompt");
    a.apply(Update::Paste("k\r\n".into()));
    assert_eq!(a.prompt_text(), Some("facebook  "));
    a.apply(Action::Erase);
    a.apply(Action::Erase);
    assert_eq!(
        a.essay.search_status(Lang::En).as_deref(),
        Some("“facebook” 1/7")
    );
    a.apply(Action::Type('\u{2066}'));
    a.apply(Action::Type('\u{1b}'));
    assert_eq!(
        a.prompt_text(),
        Some("facebook"),
        "typed controls are dropped"
    );
    let long = "line \u{202e}".repeat(60);
    a.apply(Update::Paste(long));
    let q = a.prompt_text().unwrap().to_string();
    assert!(q.len() > 300 && !q.contains('\u{202e}'), "{q}");
    let footer = render_text_full(&a).lines().last().unwrap().to_string();
    assert!(
        footer.contains("…") && footer.contains("not found"),
        "{footer}"
    );
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
    a.apply(Action::Cancel);
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
    a.apply(Action::Cancel);
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
