//! The Rankings tab: sorting, filtering, pages, the list of tables.

use super::*;

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
    a.apply(Action::Right);
    a.apply(Action::Right);
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
    a.apply(Action::Cancel);
    assert_eq!(a.rankings.platforms().len(), 5);
    assert_eq!(a.rankings.filter_status(Lang::En), None);
}

#[test]
fn turning_the_table_page_keeps_the_platform() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::Down);
    assert_eq!(a.rankings.selected_platform(), "facebook");
    a.apply(Action::Right);
    assert_eq!(a.rankings.selected_platform(), "facebook");
    a.apply(Action::Right);
    a.apply(Action::End);
    assert_eq!(
        a.rankings.selected_platform(),
        "mixi",
        "2014 satisfaction, then the 2013-only rows"
    );
    let last = a.rankings.platforms().len() - 1;
    assert_eq!(a.rankings.selected(), last);
    for _ in a.rankings.page()..a.rankings.pages().len() {
        a.apply(Action::Right);
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
    a.apply(Action::Right);
    a.apply(Action::Right);
    assert_eq!(a.rankings.page(), 2);
    assert_eq!(a.rankings.platforms().len(), 8);
    // 総務省 2024 lists LINE only; 2022 adds three more.
    a.apply(Action::Left);
    a.apply(Action::Left);
    a.apply(Action::Left);
    assert_eq!(a.rankings.page(), 21, "the pages wrap round");
    assert_eq!(a.rankings.platforms().len(), 4);
}

#[test]
fn p_lists_the_tables_and_enter_goes_to_the_one_chosen() {
    let mut a = app();
    a.apply(Action::ShowTab(Tab::Rankings));
    a.apply(Action::ShowPages);
    assert_eq!(a.rankings.picked(), Some(0));
    assert_eq!(a.scopes(), [Scope::Pages, Scope::Paging, Scope::Global]);
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
    // So short that no row shows (page 10 at 50x16): it says that, not
    // "row 1".
    a.apply(Action::Resize(50, 16));
    let screen = render_text_full(&a);
    assert!(screen.contains("7 rows, none in view"), "{screen}");
    // Narrow, the base text gives way to the rows, never over them.
    let mut a = app();
    a.apply(Action::Resize(50, 16));
    a.apply(Action::ShowTab(Tab::Rankings));
    let screen = render_text_full(&a);
    assert!(
        screen.contains("└ row 1 of 5 ── of 12,000 respondents; base n…"),
        "{screen}"
    );
    // Tall enough for every row: nothing to say.
    a.apply(Action::Resize(120, 60));
    assert!(!render_text_full(&a).contains("rows "));
}
