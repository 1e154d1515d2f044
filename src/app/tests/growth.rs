//! The Growth tab: years, measures, the detail, later figures, the ledger.

use super::*;

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
    let y2011 = plain(detail_doc(&a.ctx(), shown, 2011, Measure::Share, None));
    assert!(
        y2011.starts_with("2011, as the essay saw it: 45% of internet users, estimate"),
        "{y2011}"
    );
    let y2012 = plain(detail_doc(&a.ctx(), shown, 2012, Measure::Share, None));
    assert!(
        y2012.contains("change on 2011 +7 percentage points"),
        "{y2012}"
    );
    assert!(y2012.contains("49.65 M SNS users"), "{y2012}");
    a.apply(Action::ToggleMeasure);
    assert_eq!(a.growth.measure(), Measure::Users);
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
    // ↑↓ pick among the year's figures; the page keys scroll.
    assert!(screen.contains("… 9 more lines: PgDn scrolls"), "{screen}");
    for _ in 0..100 {
        a.apply(Action::PageDown);
    }
    assert_eq!(a.growth.detail_scroll(), 9);
    let screen = render_text_full(&a);
    assert!(
        screen.contains("… 9 lines above: PgUp scrolls back")
            && screen.contains("2015, later projections: no figure published"),
        "the last line in view:\n{screen}"
    );
    a.apply(Action::HalfPageUp);
    assert!(a.growth.detail_scroll() < 9);
    a.apply(Action::Left);
    assert_eq!(a.growth.detail_scroll(), 0, "2014 is read from its top");
    a.apply(Action::Resize(200, 60));
    a.apply(Action::PageDown);
    assert_eq!(a.growth.detail_scroll(), 0, "all of it fits");
    // A lone figure's detail scrolls with the arrows.
    let mut a = app();
    a.apply(Action::Resize(80, 20));
    a.apply(Action::Down);
    assert_eq!(a.growth.detail_scroll(), 1);
}

#[test]
fn with_later_figures_the_arrows_pick_the_years_figure_and_enter_traces_that_one() {
    let mut a = app();
    a.apply(Action::ToggleLater);
    assert_eq!(a.growth.figure(), 0);
    a.apply(Action::Down);
    assert_eq!(a.growth.figure(), 1);
    let screen = render_text_full(&a);
    assert!(
        screen.contains("▸ 2015, later estimates: 64.88 M"),
        "{screen}"
    );
    a.apply(Action::Provenance);
    assert_eq!(a.tab, Tab::Sources);
    assert_eq!(
        a.sources.query(),
        Some("[ict-2016]"),
        "the later estimate's source"
    );
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("source of the 2015 figure (later estimates)"),
        "{:?}",
        a.status
    );
    a.apply(Action::Back);
    for _ in 0..5 {
        a.apply(Action::Down);
    }
    assert_eq!(a.growth.figure(), 3, "no further than the last");
    a.apply(Action::Up);
    assert_eq!(a.growth.figure(), 2, "↑ picks the figure above");
    a.apply(Action::Down);
    // 2015 has no later projection: a gap, and it says so.
    a.apply(Action::Provenance);
    assert_eq!(a.tab, Tab::Growth);
    assert!(
        a.status
            .as_deref()
            .unwrap()
            .contains("the 2015 figure (later projections): none was published"),
        "{:?}",
        a.status
    );
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
    a.apply(Action::Cancel);
    assert!(!a.growth.detail_open());
    assert!(render_text_full(&a).contains("more lines"));
    a.apply(Action::Cancel);
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
fn t_shows_every_reports_figure_as_a_table_and_enter_opens_the_selected_ones_source() {
    let mut a = app();
    a.apply(Action::Home);
    a.apply(Action::ToggleTable);
    assert_eq!(a.growth.table_row(), Some(0), "at the chart's year, 2010");
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
    // ←→ go a year at a time, to its first row.
    a.apply(Action::Left);
    let row = a.growth.table_entry().unwrap().row(&a.data);
    assert_eq!(row.point.year, 2014);
    a.apply(Action::Right);
    a.apply(Action::Right);
    assert_eq!(
        a.growth.table_entry().unwrap().row(&a.data).point.year,
        2016
    );
    // t again: the chart, at the table's year where the chart has it.
    a.apply(Action::Left);
    a.apply(Action::ToggleTable);
    assert_eq!(a.growth.table_row(), None, "t again: the chart");
    assert_eq!(a.growth.year(), 2015);
    // And t opens the table at the chart's year.
    a.apply(Action::Left);
    a.apply(Action::ToggleTable);
    assert_eq!(
        a.growth.table_entry().unwrap().row(&a.data).point.year,
        2014
    );
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

/// In the table, the chart's keys o, d and u say where they work, and
/// change nothing.
#[test]
fn in_the_table_o_d_and_u_say_they_are_for_the_chart() {
    let mut a = app();
    a.apply(Action::ToggleTable);
    for action in [
        Action::ToggleLater,
        Action::ToggleDetail,
        Action::ToggleMeasure,
    ] {
        a.status = None;
        a.apply(action);
        assert_eq!(
            a.status.as_deref(),
            Some("o, d and u are for the chart: t goes back to it")
        );
    }
    assert!(a.growth.table_row().is_some());
    a.apply(Action::ToggleTable);
    assert!(
        !a.growth.show_later(),
        "o in the table did not show later figures"
    );
    assert_eq!(a.growth.measure(), crate::series::Measure::Users);
}

#[test]
fn the_tables_footer_offers_no_key_of_the_charts() {
    for lang in [Lang::En, Lang::Ja] {
        let mut a = app();
        if lang == Lang::Ja {
            a.apply(Action::ToggleLang);
        }
        a.apply(Action::Resize(120, 24));
        let footer = |a: &App| render_text_full(a).lines().last().unwrap().to_string();
        let chart = footer(&a);
        a.apply(Action::ToggleTable);
        let table = footer(&a);
        for key in [" o ", " d "] {
            assert!(chart.contains(key), "{lang:?} chart: {chart}");
            assert!(!table.contains(key), "{lang:?} table: {table}");
        }
        assert!(table.contains("←→"), "{lang:?} table: {table}");
    }
}

#[test]
fn a_table_line_too_wide_for_the_window_ends_in_an_ellipsis() {
    // What the box holds on each screen line, in from its borders.
    let inside = |screen: String| -> Vec<String> {
        screen
            .lines()
            .map(|l| l.trim_start_matches('│').trim_end_matches('│').trim_end())
            .map(str::to_string)
            .collect()
    };
    for lang in [Lang::En, Lang::Ja] {
        let mut a = app();
        if lang == Lang::Ja {
            a.apply(Action::ToggleLang);
        }
        a.apply(Action::ToggleTable);
        // As wide as every line needs, and tall enough for every row at
        // any width, the tally under them wrapped however it wraps.
        a.apply(Action::Resize(200, 40));
        let whole = inside(render_text_full(&a));
        // The header, then the rows: each begins with its year.
        let lines: Vec<usize> = (2..whole.len())
            .filter(|&y| y == 2 || whole[y].starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        assert_eq!(
            lines.len(),
            1 + crate::ledger::ledger(&a.data).len(),
            "{whole:#?}"
        );
        for width in crate::layout::MIN_WIDTH..=100 {
            a.apply(Action::Resize(width, 40));
            let drawn = inside(render_text_full(&a));
            for &y in &lines {
                let (full, shown) = (&whole[y], &drawn[y]);
                match shown.strip_suffix('…') {
                    Some(part) => assert!(
                        full.starts_with(part) && part.len() < full.len(),
                        "{lang:?} at {width}: {shown:?} is not a cut of {full:?}"
                    ),
                    None => assert_eq!(shown, full, "{lang:?} at {width}: cut without saying so"),
                }
            }
        }
    }
}
