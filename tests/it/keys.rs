//! The explorer driven by keys, as a user drives it: each key goes through
//! the real keymap (`keymap::action_for` with the app's scopes, as the
//! event loop does) before `App::apply`, so these tests cover the table of
//! bindings as well as the app, in process and without a pty.
//!
//! `type_keys(&mut app, "2jjs")` types a string of keys; `<Tab>`, `<S-Tab>`,
//! `<Esc>`, `<Enter>`, `<Left>`, `<Right>`, `<Up>`, `<Down>`, `<Home>`,
//! `<End>`, `<PgUp>`, `<PgDn>`, `<Space>`, `<BS>`, `<Del>`, `<lt>` (a `<`) and
//! `<C-x>`, `<A-x>` name the keys a character cannot.

use std::sync::LazyLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use sns_tui::action::{Action, Effect};
use sns_tui::app::App;
use sns_tui::dataset::{self, Dataset};
use sns_tui::keymap::{self, BINDINGS, Scope};
use sns_tui::lang::Lang;
use sns_tui::tab::Tab;
use sns_tui::ui::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// The bundled data, loaded once: the tests build hundreds of apps.
static BUNDLED: LazyLock<Dataset> = LazyLock::new(|| dataset::load(None).unwrap().dataset);

/// The bundled data at 80x24, in the mono theme, on the Growth tab.
fn app() -> App {
    let mut app = App::new(BUNDLED.clone(), Theme::mono());
    app.apply(Action::Resize(80, 24));
    app
}

/// An app with `keys` typed into it.
fn app_after(keys: &str) -> App {
    let mut app = app();
    type_keys(&mut app, keys);
    app
}

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    // A press, as crossterm makes one.
    KeyEvent::new(code, modifiers)
}

/// A character as a terminal reports it: an upper-case letter with Shift.
fn char_key(c: char) -> KeyEvent {
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    press(KeyCode::Char(c), mods)
}

/// One `<...>` name: a special key, or a character with modifiers.
fn named_key(name: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let code = match name {
        "Tab" => KeyCode::Tab,
        "S-Tab" => return press(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Esc" => KeyCode::Esc,
        "Enter" | "CR" => KeyCode::Enter,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Space" => KeyCode::Char(' '),
        "BS" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "lt" => KeyCode::Char('<'),
        _ => {
            let (mods, rest) = match name.split_once('-') {
                Some(("C", rest)) => (KeyModifiers::CONTROL, rest),
                Some(("A", rest)) => (KeyModifiers::ALT, rest),
                _ => panic!("unknown key <{name}>"),
            };
            let mut chars = rest.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                panic!("unknown key <{name}>");
            };
            return press(KeyCode::Char(c), mods | char_key(c).modifiers);
        }
    };
    press(code, none)
}

/// The key presses `notation` stands for.
fn keys(notation: &str) -> Vec<KeyEvent> {
    let mut events = Vec::new();
    let mut rest = notation;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest
                .find('>')
                .unwrap_or_else(|| panic!("unclosed < in {notation:?}"));
            events.push(named_key(&rest[1..end]));
            rest = &rest[end + 1..];
        } else {
            events.push(char_key(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    events
}

/// Types `notation` into `app` as the explorer's loop does: each key is
/// looked up with the scopes in force at that moment, and its action, if
/// any, applied. Returns what the app asked of the world (a file to write),
/// which the loop would do and these tests do not.
fn type_keys(app: &mut App, notation: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys(notation) {
        if let Some(action) = keymap::action_for(&key, &app.scopes()) {
            effects.extend(app.apply(action));
        }
    }
    effects
}

/// The screen as a terminal would show it.
fn buffer(app: &App) -> Buffer {
    let size = app.size;
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` of `buf` as text, a wide character once (not with the blank
/// cell it covers).
fn row(buf: &Buffer, y: u16) -> String {
    let mut text = String::new();
    let mut covered = 0;
    for x in 0..buf.area.width {
        let symbol = buf[(x, y)].symbol();
        if covered > 0 {
            covered -= 1;
            continue;
        }
        text.push_str(symbol);
        covered = symbol.width().saturating_sub(1);
    }
    text
}

/// The screen as text, a line a row.
fn render(app: &App) -> String {
    let buf = buffer(app);
    (0..buf.area.height)
        .map(|y| row(&buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The footer: the screen's last row.
fn footer(app: &App) -> String {
    let buf = buffer(app);
    row(&buf, buf.area.height - 1)
}

/// The text the tab bar shows reversed: the selected tab's title.
fn selected_tab_title(app: &App) -> String {
    let buf = buffer(app);
    let reversed: String = (0..buf.area.width)
        .map(|x| &buf[(x, 0)])
        .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
        .map(|cell| cell.symbol())
        .collect();
    reversed.trim().to_string()
}

#[track_caller]
fn assert_shows(app: &App, what: &str) {
    let screen = render(app);
    assert!(screen.contains(what), "{what:?} not on screen:\n{screen}");
}

#[track_caller]
fn assert_does_not_show(app: &App, what: &str) {
    let screen = render(app);
    assert!(!screen.contains(what), "{what:?} on screen:\n{screen}");
}

#[test]
fn the_notation_names_the_keys_a_terminal_sends() {
    let none = KeyModifiers::NONE;
    assert_eq!(
        keys("aG<Tab><S-Tab><Esc><Enter><Space><BS><lt><C-c><PgDn>"),
        vec![
            press(KeyCode::Char('a'), none),
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            press(KeyCode::Tab, none),
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            press(KeyCode::Esc, none),
            press(KeyCode::Enter, none),
            press(KeyCode::Char(' '), none),
            press(KeyCode::Backspace, none),
            press(KeyCode::Char('<'), none),
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            press(KeyCode::PageDown, none),
        ]
    );
    // Keys no binding has do nothing, and are not an error.
    let mut app = app();
    type_keys(&mut app, "xyz<A-x><C-z>");
    assert_eq!(
        (app.tab, app.growth.year(), app.running),
        (Tab::Growth, 2015, true)
    );
}

#[test]
fn digits_and_tab_move_between_tabs() {
    let mut app = app();
    assert_eq!(selected_tab_title(&app), "1 Growth");
    for (keys, tab, title) in [
        ("2", Tab::Rankings, "2 Rankings"),
        ("<Tab>", Tab::Essay, "3 Essay"),
        ("<Tab>", Tab::Sources, "4 Sources"),
        ("<Tab>", Tab::Trends, "5 Trends"),
        ("<Tab>", Tab::Growth, "1 Growth"),
        ("<S-Tab>", Tab::Trends, "5 Trends"),
        ("<S-Tab>", Tab::Sources, "4 Sources"),
        ("<S-Tab>", Tab::Essay, "3 Essay"),
        ("1", Tab::Growth, "1 Growth"),
        ("5", Tab::Trends, "5 Trends"),
        ("4", Tab::Sources, "4 Sources"),
        ("3", Tab::Essay, "3 Essay"),
        ("2<S-Tab>", Tab::Growth, "1 Growth"),
    ] {
        type_keys(&mut app, keys);
        assert_eq!(app.tab, tab, "after {keys}");
        assert_eq!(selected_tab_title(&app), title, "after {keys}");
    }
}

#[test]
fn growth_years_move_with_the_arrows_and_h_l_and_stop_at_the_ends() {
    let mut app = app();
    assert_eq!(
        app.growth.year(),
        2015,
        "it opens on the essay's projection"
    );
    for (keys, year) in [
        ("<Left>", 2014),
        ("h", 2013),
        ("<Right>", 2014),
        ("l", 2015),
        ("l<Right>", 2015),
        ("<Home>", 2010),
        ("h<Left>", 2010),
        ("<End>", 2015),
        ("g", 2010),
        ("G", 2015),
        ("ghhlll", 2013),
    ] {
        type_keys(&mut app, keys);
        assert_eq!(app.growth.year(), year, "after {keys}");
        assert_shows(&app, &format!("{year}, as the essay saw it"));
    }
}

#[test]
fn o_shows_the_later_figures_and_hides_them_again() {
    let mut app = app();
    assert_does_not_show(&app, "Later estimates");
    type_keys(&mut app, "o");
    assert!(app.growth.show_later());
    assert_shows(&app, "Later estimates");
    type_keys(&mut app, "G");
    let last = app.growth.year();
    assert!(last > 2015, "the later figures go past 2015, to {last}");
    assert_shows(&app, &last.to_string());
    // Hidden again, the year comes back within the essay's.
    type_keys(&mut app, "o");
    assert!(!app.growth.show_later());
    assert_eq!(app.growth.year(), 2015);
    assert_does_not_show(&app, "Later estimates");
}

#[test]
fn u_switches_the_chart_to_shares_of_internet_users_and_back() {
    let mut app = app();
    let title = |app: &App| render(app).lines().nth(1).unwrap().to_string();
    assert!(title(&app).contains("million people"), "{}", title(&app));
    type_keys(&mut app, "u");
    assert!(
        title(&app).contains("share of internet users"),
        "{}",
        title(&app)
    );
    type_keys(&mut app, "u");
    assert!(title(&app).contains("million people"), "{}", title(&app));
}

#[test]
fn d_opens_the_detail_in_full_and_esc_or_d_closes_it() {
    let mut app = app_after("o");
    assert!(!app.growth.detail_open());
    assert_does_not_show(&app, "d/Esc close");
    type_keys(&mut app, "d");
    assert!(app.growth.detail_open());
    assert_shows(&app, "d/Esc close");
    type_keys(&mut app, "<Esc>");
    assert!(!app.growth.detail_open());
    assert_does_not_show(&app, "d/Esc close");
    type_keys(&mut app, "dd");
    assert!(!app.growth.detail_open());
    // Esc with the detail closed changes nothing.
    type_keys(&mut app, "<Esc>");
    assert!(!app.growth.detail_open());
    assert_eq!(app.tab, Tab::Growth);
}

#[test]
fn j_k_and_the_arrows_scroll_the_growth_detail() {
    // With the later figures the detail runs past its panel.
    let app_later = app_after("o");
    assert_shows(&app_later, "more lines");
    // With them, the arrows pick a figure and the page keys scroll; alone,
    // the essay's figure's detail scrolls with the arrows too.
    let mut app = app();
    app.apply(Action::Resize(80, 20));
    assert_shows(&app, "more lines");
    for (keys, top) in [("j", 1), ("<Down>", 2), ("k", 1), ("<Up>", 0), ("<Up>k", 0)] {
        type_keys(&mut app, keys);
        assert_eq!(app.growth.detail_scroll(), top, "after {keys}");
    }
    type_keys(&mut app, "jj");
    let scrolled = render(&app);
    type_keys(&mut app, "h");
    assert_eq!(
        app.growth.detail_scroll(),
        0,
        "a new year's detail from its top"
    );
    assert_ne!(render(&app), scrolled);
}

#[test]
fn rankings_selection_moves_with_j_k_and_the_arrows() {
    let mut app = app_after("2");
    let last = app.rankings.platforms().len() - 1;
    assert!(last >= 4);
    // The detail under the tables names the selected platform.
    let selected = |app: &App| app.rankings.selected_platform().to_string();
    assert_eq!(app.rankings.selected(), 0);
    assert_shows(&app, "LINE · LINE (ライン)");
    for (keys, at) in [
        ("j", 1),
        ("<Down>", 2),
        ("k", 1),
        ("<Up>", 0),
        ("k<Up>", 0),
        ("G", last),
        ("j<Down>", last),
        ("g", 0),
        ("<End>", last),
        ("<Home>", 0),
        ("jjj", 3),
    ] {
        type_keys(&mut app, keys);
        assert_eq!(app.rankings.selected(), at, "after {keys}");
    }
    type_keys(&mut app, "gj");
    assert_eq!(selected(&app), "facebook");
    assert_shows(&app, "Facebook · ");
}

#[test]
fn t_and_shift_t_turn_the_rankings_pages() {
    let mut app = app_after("2");
    let n = app.rankings.pages().len();
    assert!(n > 2);
    let title = |app: &App| render(app).lines().nth(1).unwrap().to_string();
    assert!(
        title(&app).contains(&format!("Rankings 1/{n}")),
        "{}",
        title(&app)
    );
    for (keys, page) in [
        ("<Right>", 2),
        ("<Right>", 3),
        ("<Left>", 2),
        ("<Left>", 1),
        ("<Left>", n),
        ("<Right>", 1),
    ] {
        type_keys(&mut app, keys);
        assert_eq!(app.rankings.page(), page - 1, "after {keys}");
        let want = format!("Rankings {page}/{n}");
        assert!(
            title(&app).contains(&want),
            "{want} after {keys}: {}",
            title(&app)
        );
    }
}

#[test]
fn s_sorts_the_rankings_and_keeps_the_selected_platform() {
    let mut app = app_after("2j");
    let before = app.rankings.selected_platform().to_string();
    assert_shows(&app, "Rank ▲");
    type_keys(&mut app, "s");
    assert_shows(&app, "Rank ▼");
    assert_eq!(app.rankings.selected_platform(), before);
    type_keys(&mut app, "s");
    assert_shows(&app, "Platform ▲");
    assert_does_not_show(&app, "Rank ▼");
    assert_eq!(app.rankings.selected_platform(), before);
    // Six sorts in all, then round to rank again.
    type_keys(&mut app, "ssss");
    assert_shows(&app, "Rank ▲");
    assert_eq!(app.rankings.sort(), sns_tui::tabs::rankings::Sort::RANK);
}

#[test]
fn slash_filters_the_rankings_and_esc_clears_the_filter() {
    let mut app = app_after("2");
    let all = app.rankings.platforms().len();
    type_keys(&mut app, "/");
    assert_eq!(app.prompt_text(), Some(""));
    assert!(footer(&app).starts_with(" /▏"), "{}", footer(&app));
    type_keys(&mut app, "fa");
    assert_eq!(app.rankings.filter(), "fa");
    assert!(footer(&app).contains("/fa▏"), "{}", footer(&app));
    assert!(
        footer(&app).contains("filter “fa”: 1 platform"),
        "{}",
        footer(&app)
    );
    assert_eq!(app.rankings.platforms(), ["facebook"]);
    // Backspace widens it again as it is typed.
    type_keys(&mut app, "<BS>");
    assert_eq!(app.rankings.filter(), "f");
    type_keys(&mut app, "a<Enter>");
    assert_eq!(app.prompt, None);
    assert_eq!(app.rankings.filter(), "fa");
    assert!(footer(&app).contains("filter “fa”"), "{}", footer(&app));
    // Out of the prompt, the keys move again: the one platform stays put.
    type_keys(&mut app, "jG");
    assert_eq!(app.rankings.selected(), 0);
    // `/` again opens empty, the filter kept until something is typed;
    // Up brings the last one back.
    type_keys(&mut app, "/");
    assert_eq!(app.prompt_text(), Some(""));
    assert_eq!(app.rankings.filter(), "fa");
    type_keys(&mut app, "<Up>");
    assert_eq!(app.prompt_text(), Some("fa"));
    type_keys(&mut app, "<Enter><Esc>");
    assert_eq!(app.rankings.filter(), "");
    assert_eq!(app.rankings.platforms().len(), all);
    assert!(!footer(&app).contains("filter"), "{}", footer(&app));
    // Esc at the prompt clears it too.
    type_keys(&mut app, "/tw<Esc>");
    assert_eq!((app.prompt_text(), app.rankings.filter()), (None, ""));
}

#[test]
fn slash_searches_the_essay_and_n_walks_the_matches() {
    let mut app = app_after("3/");
    assert_eq!(app.prompt_text(), Some(""));
    assert!(footer(&app).starts_with(" /▏"), "{}", footer(&app));
    type_keys(&mut app, "mixi");
    assert!(footer(&app).contains("/mixi▏"), "{}", footer(&app));
    assert!(footer(&app).contains("“mixi” 1/3"), "{}", footer(&app));
    // At the prompt n types; Enter keeps the search, and n walks it.
    type_keys(&mut app, "<Enter>");
    assert_eq!(app.prompt, None);
    assert_eq!(app.essay.query(), Some("mixi"));
    for (keys, status) in [
        ("n", "“mixi” 2/3"),
        ("n", "“mixi” 3/3"),
        ("n", "search wrapped · “mixi” 1/3"),
        ("N", "search wrapped · “mixi” 3/3"),
        ("N", "“mixi” 2/3"),
    ] {
        type_keys(&mut app, keys);
        assert!(
            footer(&app).contains(status),
            "{status} after {keys}: {}",
            footer(&app)
        );
        let line = app.essay.current_match_line().unwrap();
        let top = app.essay.scroll();
        assert!(
            (top..top + 20).contains(&line),
            "match on line {line} in view from {top}"
        );
    }
    type_keys(&mut app, "<Esc>");
    assert_eq!(app.essay.query(), None);
    assert!(!footer(&app).contains("mixi"), "{}", footer(&app));
}

#[test]
fn esc_at_the_essay_prompt_clears_the_search() {
    let mut app = app_after("3/line");
    assert_eq!(app.essay.query(), Some("line"));
    type_keys(&mut app, "<Esc>");
    assert_eq!((app.prompt_text(), app.essay.query()), (None, None));
    assert!(!footer(&app).contains("line"), "{}", footer(&app));
}

#[test]
fn q_at_the_prompt_types_a_q_and_ctrl_c_still_quits() {
    let mut app = app_after("3/q");
    assert!(app.running, "q at the prompt quit");
    assert_eq!(app.prompt_text(), Some("q"));
    assert!(footer(&app).contains("/q▏"), "{}", footer(&app));
    // Every plain key types, those bound elsewhere included.
    type_keys(&mut app, "?1L<Space>G");
    assert_eq!(app.prompt_text(), Some("q?1L G"));
    assert_eq!(
        (app.tab, app.help.is_some(), app.lang),
        (Tab::Essay, false, Lang::En)
    );
    type_keys(&mut app, "<C-c>");
    assert!(!app.running);

    let app = app_after("2/q");
    assert!(app.running);
    assert_eq!(app.rankings.filter(), "q");
}

#[test]
fn ctrl_c_quits_from_anywhere_and_q_wherever_it_does_not_type_or_close_the_help() {
    for before in [
        "",
        "o",
        "od",
        "2",
        "2/",
        "2/fa<Enter>",
        "3",
        "3/",
        "3/x",
        "4",
        "4/",
        "?",
        "2?",
        "3?",
        "<Enter>",
    ] {
        let mut app = app_after(before);
        assert!(app.running, "{before} quit");
        type_keys(&mut app, "<C-c>");
        assert!(!app.running, "Ctrl-C after {before:?} did not quit");
        let mut app = app_after(before);
        let typed_or_closes = app.prompt.is_some() || app.help.is_some();
        type_keys(&mut app, "q");
        assert_eq!(
            app.running, typed_or_closes,
            "q after {before:?}: quits unless typed at a prompt or closing the help"
        );
    }
}

#[test]
fn question_mark_opens_the_help_down_scrolls_it_and_esc_or_question_mark_closes_it() {
    let mut app = app();
    // It opens at the Growth keys; g goes to its top.
    type_keys(&mut app, "?g");
    assert!(app.help.is_some());
    assert_shows(&app, " Keys ");
    assert_shows(&app, "Everywhere");
    let top = |app: &App| app.help.map(|s| s.top());
    for (keys, want) in [
        ("<Down>", 1),
        ("j", 2),
        ("k", 1),
        ("<Up>", 0),
        ("<Up>k", 0),
        ("jjj", 3),
    ] {
        type_keys(&mut app, keys);
        assert_eq!(top(&app), Some(want), "after {keys}");
    }
    // Scrolled, its first lines are gone.
    assert_does_not_show(&app, "Everywhere");
    // The tab's own keys wait while it is open.
    type_keys(&mut app, "hgodu");
    assert_eq!(app.growth.year(), 2015);
    assert!(!app.growth.show_later() && !app.growth.detail_open());
    type_keys(&mut app, "?");
    assert_eq!(top(&app), None);
    assert_does_not_show(&app, " Keys ");
    // Opened again, at the Growth keys again; Esc closes it and nothing else.
    type_keys(&mut app, "od?");
    assert_eq!(top(&app), app_after("?").help.map(|s| s.top()));
    type_keys(&mut app, "<Esc>");
    assert_eq!(top(&app), None);
    assert!(
        app.growth.detail_open(),
        "Esc closed the help and the detail"
    );
    // A tab's key of everywhere leaves the help for that tab.
    type_keys(&mut app, "?2");
    assert_eq!((app.tab, top(&app)), (Tab::Rankings, None));
}

#[test]
fn enter_on_a_growth_figure_shows_the_essays_words_and_b_comes_back() {
    let mut app = app_after("hhh");
    assert_eq!(app.growth.year(), 2012);
    type_keys(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Essay);
    assert!(
        footer(&app).contains("the essay's words for the 2012 figure"),
        "{}",
        footer(&app)
    );
    assert!(app.essay.query().is_some());
    let line = app.essay.current_match_line().unwrap();
    let top = app.essay.scroll();
    assert!(
        top > 0 && (top..top + 20).contains(&line),
        "the words in view"
    );
    type_keys(&mut app, "b");
    assert_eq!(app.tab, Tab::Growth);
    assert_eq!(app.growth.year(), 2012, "back on the same year");
    // Nothing more to go back to.
    type_keys(&mut app, "3b");
    assert_eq!(app.tab, Tab::Essay);
}

#[test]
fn enter_on_a_figure_not_in_the_essays_text_shows_its_source() {
    let mut app = app_after("g<Enter>");
    assert_eq!(app.tab, Tab::Sources);
    assert!(
        footer(&app).contains("b back · source of the 2010 figure (as the essay saw it)"),
        "{}",
        footer(&app)
    );
    assert!(app.sources.query().is_some_and(|q| q.starts_with('[')));
    type_keys(&mut app, "b");
    assert_eq!((app.tab, app.growth.year()), (Tab::Growth, 2010));
}

#[test]
fn enter_on_a_ranking_jumps_to_its_provenance_and_b_comes_back() {
    let mut app = app_after("2j");
    let platform = app.rankings.selected_platform().to_string();
    type_keys(&mut app, "<Enter>");
    assert!(
        matches!(app.tab, Tab::Essay | Tab::Sources),
        "{:?}",
        app.tab
    );
    assert!(footer(&app).contains("b back"), "{}", footer(&app));
    type_keys(&mut app, "b");
    assert_eq!(app.tab, Tab::Rankings);
    assert_eq!(app.rankings.selected_platform(), platform);
}

#[test]
fn the_text_tabs_scroll_by_line_page_and_to_the_ends() {
    for tab in ["3", "4"] {
        let mut app = app_after(tab);
        let view = |app: &App| {
            if app.tab == Tab::Essay {
                (app.essay.scroll(), app.essay.max_scroll())
            } else {
                (app.sources.scroll(), app.sources.max_scroll())
            }
        };
        let (_, max) = view(&app);
        // 20 rows of text; a page keeps one of them.
        let page = 19;
        assert!(max > page, "{tab}: {max} lines to scroll");
        let two_pages = (2 * page).min(max);
        for (keys, top) in [
            ("j", 1),
            ("<Down>", 2),
            ("k", 1),
            ("<Up>", 0),
            ("<PgDn>", page),
            ("<Space>", two_pages),
            ("<PgUp>", two_pages - page),
            ("G", max),
            ("j<PgDn><Space>", max),
            ("g", 0),
            ("<End>", max),
            ("<Home>", 0),
            ("<PgUp>k", 0),
        ] {
            type_keys(&mut app, keys);
            assert_eq!(view(&app).0, top, "{tab} after {keys}");
        }
        type_keys(&mut app, "G");
        assert_shows(&app, &format!("of {} ┘", max + 20));
    }
}

#[test]
fn l_switches_to_japanese_and_back() {
    let mut app = app();
    type_keys(&mut app, "L");
    assert_eq!(app.lang, Lang::Ja);
    let title = selected_tab_title(&app);
    assert!(title.starts_with('1') && title != "1 Growth", "{title}");
    type_keys(&mut app, "L");
    assert_eq!(app.lang, Lang::En);
    assert_eq!(selected_tab_title(&app), "1 Growth");
}

#[test]
fn e_asks_for_the_views_csv_and_the_text_tabs_have_none() {
    let mut app = app();
    let growth = type_keys(&mut app, "e");
    assert!(
        matches!(&growth[..], [Effect::Write { stem, contents }] if stem == "sns-tui-growth" && !contents.is_empty()),
        "{growth:?}"
    );
    let rankings = type_keys(&mut app, "2e");
    assert!(
        matches!(&rankings[..], [Effect::Write { stem, .. }] if stem.starts_with("sns-tui-rankings-")),
        "{rankings:?}"
    );
    assert!(type_keys(&mut app, "3e4e").is_empty());
    assert!(app.running);
}

/// Every tab with the help closed, and then open; and the Rankings tab's
/// list of tables open: the keys typed, the tab, and the scopes in force.
fn states() -> Vec<(String, Tab, Vec<Scope>)> {
    let tabs = [
        ("1", Tab::Growth),
        ("2", Tab::Rankings),
        ("3", Tab::Essay),
        ("4", Tab::Sources),
        ("5", Tab::Trends),
    ];
    let mut states: Vec<(String, Tab, Vec<Scope>)> = [false, true]
        .into_iter()
        .flat_map(|help| {
            tabs.map(|(k, t)| {
                let keys = if help { format!("{k}?") } else { k.to_string() };
                (keys, t, Scope::active(t, help))
            })
        })
        .collect();
    states.push((
        "2p".into(),
        Tab::Rankings,
        vec![Scope::Pages, Scope::Paging, Scope::Global],
    ));
    states
}

#[test]
fn every_character_binding_does_what_the_table_says_where_it_applies() {
    let mut checked = 0;
    for b in BINDINGS {
        let chars = b.keys.iter().filter_map(|k| match k.code {
            KeyCode::Char(c) if k.mods == KeyModifiers::NONE => Some(c),
            _ => None,
        });
        for c in chars {
            let mut applies_somewhere = false;
            for (setup, tab, scopes) in states() {
                let Some(at) = scopes.iter().position(|s| *s == b.scope) else {
                    continue;
                };
                // A more specific scope's binding of the same key wins.
                let shadowed = scopes[..at].iter().any(|s| {
                    BINDINGS
                        .iter()
                        .any(|o| o.scope == *s && o.keys.iter().any(|k| k.code == KeyCode::Char(c)))
                });
                if shadowed {
                    continue;
                }
                applies_somewhere = true;
                let setup = setup.as_str();
                let mut app = app_after(setup);
                assert_eq!(app.tab, tab);
                assert_eq!(app.scopes(), scopes, "after {setup}");
                let key = char_key(c);
                assert_eq!(
                    keymap::action_for(&key, &app.scopes()),
                    Some(b.action),
                    "{c:?} after {setup}"
                );
                // Typed, it does to the app what the table's action does.
                let mut by_action = app_after(setup);
                let typed = type_keys(&mut app, &c.to_string());
                let applied: Vec<Effect> = by_action.apply(b.action).into_iter().collect();
                assert_eq!(typed, applied, "{c:?} after {setup}");
                assert_eq!(
                    (app.tab, app.running, app.help, app.prompt.clone()),
                    (
                        by_action.tab,
                        by_action.running,
                        by_action.help,
                        by_action.prompt.clone()
                    ),
                    "{c:?} after {setup}"
                );
                assert_eq!(render(&app), render(&by_action), "{c:?} after {setup}");
                checked += 1;
            }
            assert!(applies_somewhere, "{c:?} of {:?} applies nowhere", b.action);

            // At a search prompt, every one of them is typed instead.
            for setup in ["2/", "3/", "4/"] {
                let mut app = app_after(setup);
                assert_eq!(app.scopes(), [Scope::Prompt]);
                assert_eq!(
                    keymap::action_for(&char_key(c), &app.scopes()),
                    Some(Action::Type(c))
                );
                type_keys(&mut app, &c.to_string());
                assert_eq!(
                    app.prompt_text(),
                    Some(c.to_string().as_str()),
                    "{c:?} after {setup}"
                );
                assert!(app.running);
            }
        }
    }
    assert!(checked > 40, "only {checked} checked");
}

/// The Trends tab's family, platform and the selected survey's year.
fn trends_selection(app: &App) -> (String, String, i32) {
    let f = app.trends.family().unwrap();
    let t = app.trends.trend().unwrap();
    (
        f.id.clone(),
        t.platform.clone(),
        f.waves[app.trends.wave()].year,
    )
}

#[test]
fn trends_keys_choose_a_platform_and_a_survey_open_the_source_and_switch_surveys() {
    let mut app = app_after("5");
    assert_eq!(app.tab, Tab::Trends);
    let at = |f: &str, p: &str, y: i32| (f.to_string(), p.to_string(), y);
    // The platform leading the latest survey, at that survey.
    assert_eq!(trends_selection(&app), at("ict", "line", 2024));
    assert!(footer(&app).contains("↑↓ platform  ←→ survey  Enter source  m other surveys"));
    for (keys, want) in [
        ("h", at("ict", "line", 2022)),
        ("<Left><Left>", at("ict", "line", 2018)),
        ("l", at("ict", "line", 2020)),
        ("j", at("ict", "youtube", 2020)),
        ("<Down>", at("ict", "twitter", 2020)),
        ("k<Up><Up>", at("ict", "line", 2020)),
        // mixi was last listed in 2017: the nearest survey it has.
        ("jjjjjjjjjjjjjj", at("ict", "mixi", 2017)),
        ("llll", at("ict", "mixi", 2017)),
        ("hhhhhh", at("ict", "mixi", 2013)),
        ("<Up>", at("ict", "googleplus", 2014)),
    ] {
        type_keys(&mut app, keys);
        assert_eq!(trends_selection(&app), want, "after {keys}");
    }
    // Back to LINE, at the survey chosen last; Enter: the selected
    // point's source, and b comes back.
    type_keys(&mut app, "kkkkkkkkkkkk");
    assert_eq!(trends_selection(&app), at("ict", "line", 2013));
    type_keys(&mut app, "lllll<Enter>");
    assert_eq!(app.tab, Tab::Sources);
    assert_eq!(app.sources.query(), Some("[ict-2020]"));
    assert!(
        footer(&app).contains("LINE in 2020, all respondents"),
        "{}",
        footer(&app)
    );
    type_keys(&mut app, "b");
    assert_eq!(
        (app.tab, trends_selection(&app)),
        (Tab::Trends, at("ict", "line", 2020))
    );
    // m: 総務省's surveys on their own chart, at the survey nearest in time.
    type_keys(&mut app, "m");
    assert_eq!(trends_selection(&app), at("mic", "line", 2021));
    assert_shows(&app, "総務省: usage rate by survey");
    assert_does_not_show(&app, "ict-20");
    type_keys(&mut app, "m");
    assert_eq!(trends_selection(&app), at("ict", "line", 2020));
    assert_shows(&app, "m: 総務省");
}

/// The help's first line in view: its scroll.
fn help_top(app: &App) -> usize {
    app.help.expect("the help is open").top()
}

#[test]
fn ctrl_d_u_f_b_page_through_the_essay_as_in_less_and_vim() {
    let mut a = app_after("3");
    let page = usize::try_from(a.essay.page()).unwrap() + 1;
    type_keys(&mut a, "<C-d>");
    assert_eq!(a.essay.scroll(), page / 2, "Ctrl-D: half a page");
    type_keys(&mut a, "<C-f>");
    assert_eq!(
        a.essay.scroll(),
        (page / 2 + page - 1).min(a.essay.max_scroll()),
        "Ctrl-F: a page, one line kept"
    );
    type_keys(&mut a, "<C-b><C-u>");
    assert_eq!(a.essay.scroll(), 0);
    type_keys(&mut a, "<PgDn>");
    assert_eq!(a.essay.scroll(), page - 1, "PgDn as Ctrl-F");
    type_keys(&mut a, "G");
    assert_eq!(a.essay.scroll(), a.essay.max_scroll());
    type_keys(&mut a, "<C-d>");
    assert_eq!(
        a.essay.scroll(),
        a.essay.max_scroll(),
        "no further than the end"
    );
    type_keys(&mut a, "<Home>");
    assert_eq!(a.essay.scroll(), 0);
}

#[test]
fn the_help_pages_and_goes_to_its_ends() {
    let mut a = app_after("?");
    type_keys(&mut a, "<C-d>");
    let half = help_top(&a);
    assert!(half > 1, "half a page is more than a line: {half}");
    type_keys(&mut a, "<C-f>");
    assert!(help_top(&a) > half, "a page further");
    type_keys(&mut a, "G");
    let end = help_top(&a);
    assert!(
        end >= help_top(&a_after_help("?<C-f>")),
        "the end is furthest"
    );
    assert_shows(&a, "close this help");
    type_keys(&mut a, "<C-d>");
    assert_eq!(help_top(&a), end, "no further than the end");
    type_keys(&mut a, "g");
    assert_eq!(help_top(&a), 0);
    type_keys(&mut a, "<End><C-b>");
    assert!(help_top(&a) < end);
}

fn a_after_help(keys: &str) -> App {
    app_after(keys)
}

#[test]
fn ctrl_d_and_ctrl_u_move_the_rankings_selection_half_a_table() {
    // A short window, and the first page whose table it cuts.
    let mut a = app();
    a.apply(Action::Resize(80, 20));
    type_keys(&mut a, "2");
    for _ in 0..22 {
        if render(&a).contains(" of 8 ") {
            break;
        }
        type_keys(&mut a, "<Right>");
    }
    let rows = a.rankings.platforms().len();
    assert_shows(&a, "rows 1-");
    assert_eq!(a.rankings.selected(), 0);
    type_keys(&mut a, "<C-d>");
    let half = a.rankings.selected();
    assert!(half >= 1, "half the rows in view: {half}");
    type_keys(&mut a, "<C-f>");
    let page = a.rankings.selected() - half;
    assert!(
        page > half,
        "a page is more than half a page: {page} {half}"
    );
    type_keys(&mut a, "G");
    assert_eq!(a.rankings.selected(), rows - 1);
    type_keys(&mut a, "<C-f>");
    assert_eq!(
        a.rankings.selected(),
        rows - 1,
        "no further than the last row"
    );
    type_keys(&mut a, "<C-u>g");
    assert_eq!(a.rankings.selected(), 0);
}

#[test]
fn the_list_of_tables_pages_and_goes_to_its_ends_without_wrapping() {
    let mut a = app_after("2p");
    assert_eq!(a.rankings.picked(), Some(0));
    type_keys(&mut a, "<C-b>");
    assert_eq!(a.rankings.picked(), Some(0), "a page up at the top stays");
    type_keys(&mut a, "G");
    let last = a.rankings.picked().unwrap();
    assert!(last > 10, "{last}");
    type_keys(&mut a, "<C-d>");
    assert_eq!(a.rankings.picked(), Some(last));
    type_keys(&mut a, "<C-u>");
    assert!(a.rankings.picked().unwrap() < last);
    type_keys(&mut a, "g");
    assert_eq!(a.rankings.picked(), Some(0));
}

#[test]
fn growth_pages_through_its_table_and_its_detail() {
    let mut a = app_after("t");
    type_keys(&mut a, "<C-d>");
    let half = a.growth.table_row().unwrap();
    assert!(half >= 2, "{half}");
    type_keys(&mut a, "G");
    let last = a.growth.table_row().unwrap();
    assert!(last > half);
    type_keys(&mut a, "<C-f>g");
    assert_eq!(
        a.growth.table_row(),
        Some(0),
        "g: the first row, not a year"
    );
    // On the chart, g and G are the first and last year; a page scrolls
    // the detail.
    let mut a = app_after("o");
    type_keys(&mut a, "<C-d>");
    assert!(a.growth.detail_scroll() > 0, "the detail scrolled");
    type_keys(&mut a, "<C-u>");
    assert_eq!(a.growth.detail_scroll(), 0);
}

#[test]
fn trends_goes_to_its_first_and_last_platform() {
    let mut a = app_after("5G");
    let last = render(&a);
    type_keys(&mut a, "g");
    assert_shows(&a, "L LINE");
    assert_ne!(render(&a), last);
}

#[test]
fn the_help_opens_at_the_keys_of_the_view_and_q_esc_or_question_mark_close_it() {
    for (keys, heading, key) in [
        ("1?", "Growth", "show or hide the later figures"),
        ("2?", "Rankings", "sort by rank, platform or figure"),
        ("3?", "Essay and Sources", "search the text"),
        ("5?", "Trends", "another family of surveys"),
        ("2p?", "The list of tables", "go to this table"),
    ] {
        let a = app_after(keys);
        assert!(help_top(&a) > 0, "{keys}: scrolled to its section");
        let screen = render(&a);
        // The section's heading is the help's first line.
        let first = screen
            .lines()
            .find(|l| l.contains("│") && l.contains(heading));
        assert!(first.is_some(), "{keys}: {heading} in view:\n{screen}");
        assert_shows(&a, key);
    }
    for close in ["q", "<Esc>", "?"] {
        let mut a = app_after("3?");
        type_keys(&mut a, close);
        assert!(a.help.is_none(), "{close} closes the help");
        assert!(a.running, "{close} does not quit from the help");
        assert_eq!(a.tab, Tab::Essay);
    }
}

#[test]
fn the_footer_does_not_offer_help_while_the_help_is_open() {
    let a = app_after("?");
    let footer = footer(&a);
    assert!(!footer.contains("? help"), "{footer}");
    assert!(footer.contains("Esc close"), "{footer}");
}

/// The longest run of text between the borders of the body's rows.
fn longest_text_line(app: &App) -> usize {
    let buf = buffer(app);
    (2..buf.area.height - 2)
        .map(|y| {
            let row = row(&buf, y);
            let inside = row.trim_matches(|c| "│║█▐ ".contains(c));
            inside.width()
        })
        .max()
        .unwrap()
}

#[test]
fn essay_and_sources_read_at_a_reading_width_and_w_gives_the_full_width() {
    let mut a = app();
    a.apply(Action::Resize(200, 60));
    for tab in ["3", "4"] {
        type_keys(&mut a, tab);
        let reading = longest_text_line(&a);
        assert!(
            (60..=78).contains(&reading),
            "{tab}: lines at a reading width: {reading}"
        );
        // Centred: as much room left of the text as right of it, give or
        // take the scrollbar's column.
        let buf = buffer(&a);
        let line = row(&buf, 3);
        let left = line[3..].len() - line[3..].trim_start().len();
        assert!(left > 40, "{tab}: centred, {left} columns in:\n{line}");
    }
    type_keys(&mut a, "w");
    for tab in ["3", "4"] {
        type_keys(&mut a, tab);
        let full = longest_text_line(&a);
        assert!(full > 150, "{tab}: w gives the full width: {full}");
    }
    type_keys(&mut a, "w");
    assert!(longest_text_line(&a) <= 78, "w again: the reading width");
}

#[test]
fn text_keeps_a_margin_from_the_border_and_the_scrollbar() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let mut a = app();
        a.apply(Action::Resize(w, h));
        type_keys(&mut a, "3w");
        let buf = buffer(&a);
        for y in 2..h - 2 {
            let row = row(&buf, y);
            let chars: Vec<char> = row.chars().collect();
            let n = chars.len();
            assert_eq!(
                chars[1], ' ',
                "{w}x{h} row {y}: a margin after the border:\n{row}"
            );
            assert_eq!(
                chars[n - 3],
                ' ',
                "{w}x{h} row {y}: a margin before the bar:\n{row}"
            );
        }
    }
}

#[test]
fn the_prompt_edits_like_a_shell_line() {
    let mut app = app_after("3/social media");
    assert_eq!(app.essay.query(), Some("social media"));
    // ← ← and a letter: typed where the cursor is, searched at once.
    type_keys(&mut app, "<Left><Left>X");
    assert_eq!(app.prompt_text(), Some("social medXia"));
    assert!(footer(&app).contains("/social medX▏ia"), "{}", footer(&app));
    type_keys(&mut app, "<BS><Right><Del>");
    assert_eq!(app.prompt_text(), Some("social medi"));
    type_keys(&mut app, "<Home>the <End>a");
    assert_eq!(app.prompt_text(), Some("the social media"));
    type_keys(&mut app, "<C-w>");
    assert_eq!(app.prompt_text(), Some("the social "));
    type_keys(&mut app, "<Left><C-u>");
    assert_eq!(app.prompt_text(), Some(" "));
    assert_eq!(app.essay.query(), Some(" "));
    type_keys(&mut app, "<Del>line<Enter>");
    assert_eq!(app.essay.query(), Some("line"));
    // The searches of the session come back with Up, newest first.
    type_keys(&mut app, "/mixi<Enter>/<Up>");
    assert_eq!(app.prompt_text(), Some("mixi"));
    type_keys(&mut app, "<Up>");
    assert_eq!(app.prompt_text(), Some("line"));
    type_keys(&mut app, "<Down><Down>");
    assert_eq!(app.prompt_text(), Some(""));
}

#[test]
fn slash_after_a_jump_opens_an_empty_prompt_and_the_footer_shows_no_search_not_typed() {
    // Enter on 2012 highlights the essay's words for it.
    let mut app = app_after("hhh<Enter>");
    assert_eq!(app.tab, Tab::Essay);
    assert!(app.essay.query().is_some(), "the words are highlighted");
    type_keys(&mut app, "x");
    let foot = footer(&app);
    assert!(!foot.contains('“'), "no search in the footer: {foot}");
    type_keys(&mut app, "/");
    assert_eq!(app.prompt_text(), Some(""));
    type_keys(&mut app, "mixi");
    assert_eq!(
        app.essay.query(),
        Some("mixi"),
        "typed, not appended to the quote"
    );
}

#[test]
fn b_goes_back_through_every_jump_not_one() {
    // Growth → the essay's words for 2012; then Rankings → a source.
    let mut app = app_after("hhh<Enter>");
    assert_eq!(app.tab, Tab::Essay);
    type_keys(&mut app, "2<Enter>");
    assert_ne!(app.tab, Tab::Rankings, "Enter jumped");
    let landed = app.tab;
    // Enter on a ranking landed on the Essay or the Sources: b goes back
    // to Rankings, then to Growth where the first jump was made.
    type_keys(&mut app, "b");
    assert_eq!(app.tab, Tab::Rankings, "from {landed:?}");
    assert!(
        footer(&app).contains("1 more jump to go back"),
        "{}",
        footer(&app)
    );
    type_keys(&mut app, "b");
    assert_eq!((app.tab, app.growth.year()), (Tab::Growth, 2012));
    type_keys(&mut app, "b");
    assert_eq!(app.tab, Tab::Growth);
    assert!(
        footer(&app).contains("no jump to go back from"),
        "{}",
        footer(&app)
    );
}

#[test]
fn colon_goes_to_a_line_a_year_or_a_row_and_b_comes_back() {
    // A line of the essay, as :12 in less and vim.
    let mut app = app_after("3:12");
    assert!(footer(&app).contains(":12▏"), "{}", footer(&app));
    type_keys(&mut app, "<Enter>");
    assert_eq!(app.essay.scroll(), 11.min(app.essay.max_scroll()));
    type_keys(&mut app, "G:1<Enter>");
    assert_eq!(app.essay.scroll(), 0);
    type_keys(&mut app, "b");
    assert_eq!(
        app.essay.scroll(),
        app.essay.max_scroll(),
        "b: back to the end"
    );
    type_keys(&mut app, ":9999<Enter>");
    assert!(
        footer(&app).contains("no line 9999: the text has lines 1-"),
        "{}",
        footer(&app)
    );
    type_keys(&mut app, ":abc<Enter>");
    assert!(
        footer(&app).contains(":abc is not a number"),
        "{}",
        footer(&app)
    );
    // A year on Growth, in the chart and in the table.
    let mut app = app_after(":2012<Enter>");
    assert_eq!(app.growth.year(), 2012);
    type_keys(&mut app, ":1999<Enter>");
    assert_eq!(app.growth.year(), 2012);
    assert!(
        footer(&app).contains("no year 1999: the figures run 2010-2015"),
        "{}",
        footer(&app)
    );
    type_keys(&mut app, "t:2020<Enter>");
    let row = app.growth.table_row().unwrap();
    assert!(row > 0, "the table's first 2020 row");
    type_keys(&mut app, "<Up>");
    assert!(app.growth.table_row().unwrap() < row);
    type_keys(&mut app, ":1900<Enter>");
    assert!(
        footer(&app).contains("no figure for 1900 in the table"),
        "{}",
        footer(&app)
    );
    // A row on Rankings.
    let mut app = app_after("2:3<Enter>");
    assert_eq!(app.rankings.selected(), 2);
    type_keys(&mut app, "b");
    assert_eq!(app.rankings.selected(), 0);
    type_keys(&mut app, ":0<Enter>");
    assert!(footer(&app).contains("no row 0"), "{}", footer(&app));
    // Esc leaves : without touching the search; Up brings back a place.
    let mut app = app_after("3/mixi<Enter>:5<Esc>");
    assert_eq!((app.prompt_text(), app.essay.query()), (None, Some("mixi")));
    type_keys(&mut app, ":7<Enter>:<Up>");
    assert_eq!(app.prompt_text(), Some("7"));
}

/// The text a key sent to the terminal's clipboard, if it sent any.
fn copied(app: &mut App, key: &str) -> Option<String> {
    type_keys(app, key).into_iter().find_map(|e| match e {
        Effect::Copy(text) => Some(text),
        _ => None,
    })
}

#[test]
fn y_copies_the_selected_figure_with_its_citation() {
    let mut app = app();
    let text = copied(&mut app, "y").expect("y copies on Growth");
    let source = app.data.source("ict-2013").unwrap();
    assert!(
        text.starts_with("the 2015 figure (as the essay saw it): 63.21 M SNS users, projection\n"),
        "{text}"
    );
    for part in [
        source.publisher.as_str(),
        source.title.as_str(),
        source.date.as_str(),
        source.urls[0].as_str(),
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    assert!(
        text.contains("“it projects that SNS users in Japan will grow to 63.2 million by 2015”"),
        "{text}"
    );
    let n = text.chars().count();
    assert!(
        footer(&app).contains(&format!("sent {n} characters to the terminal's clipboard")),
        "{}",
        footer(&app)
    );
    // With the later figures, the one picked.
    let mut app = app_after("oj");
    let text = copied(&mut app, "y").unwrap();
    assert!(
        text.starts_with("the 2015 figure (later estimates): 64.88 M SNS users, estimate"),
        "{text}"
    );
    // A ranking: its value, unit and rank.
    let mut app = app_after("2j");
    let text = copied(&mut app, "y").unwrap();
    assert!(text.contains(" in 2013, smartphone users: "), "{text}");
    assert!(text.contains("%, rank 2"), "{text}");
    // The essay has no selected figure.
    let mut app = app_after("3");
    assert_eq!(copied(&mut app, "y"), None);
    assert!(
        footer(&app).contains("Y copies the whole view"),
        "{}",
        footer(&app)
    );
}

#[test]
fn capital_y_copies_the_view_as_markdown_and_refuses_what_terminals_cap() {
    let mut app = app_after("2");
    let text = copied(&mut app, "Y").unwrap();
    assert!(text.starts_with("| table | title |"), "{text}");
    let mut app = app_after("3");
    let text = copied(&mut app, "Y").unwrap();
    assert!(text.contains("LINE me!") && text.contains("mixi"), "{text}");
    // An essay longer than terminals take is refused, with what to do.
    let mut v: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
    let paragraphs = v["essay"]["paragraphs"].as_array_mut().unwrap();
    paragraphs.extend(vec![
        serde_json::json!(
            "A long paragraph of the essay. ".repeat(100)
        );
        40
    ]);
    let d = dataset::parse(&v.to_string(), dataset::Origin::Bundled).unwrap();
    let mut long = App::new(d.dataset, Theme::mono());
    long.apply(Action::Resize(80, 24));
    type_keys(&mut long, "3");
    assert_eq!(copied(&mut long, "Y"), None);
    assert!(footer(&long).contains("not copied: 1"), "{}", footer(&long));
    // --no-clipboard: neither copies, and both say why.
    let mut app = self::app();
    app.clipboard = false;
    for key in ["y", "Y"] {
        assert_eq!(copied(&mut app, key), None);
        assert!(
            footer(&app).contains("copying is off (--no-clipboard)"),
            "{}",
            footer(&app)
        );
    }
}

#[test]
fn e_writes_the_rankings_as_shown_and_says_so() {
    let mut app = app_after("2/face<Enter>ss");
    let effects = type_keys(&mut app, "e");
    let [Effect::Write { contents, .. }] = &effects[..] else {
        panic!("{effects:?}");
    };
    let rows: Vec<&str> = contents.lines().skip(1).collect();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.contains(",Facebook,")),
        "{contents}"
    );
    app.apply(sns_tui::action::Update::Written(Ok("./x.csv".into())));
    assert_eq!(
        app.status.as_deref(),
        Some("wrote ./x.csv: the rows shown, sorted by platform ▲, filter “face”")
    );
    // The texts have no table: e says what to do instead.
    for tab in ["3", "4"] {
        let mut app = app_after(tab);
        assert!(type_keys(&mut app, "e").is_empty());
        assert!(
            footer(&app).contains("sns-tui print"),
            "{tab}: {}",
            footer(&app)
        );
    }
}

#[test]
fn f_moves_into_the_pages_other_table_for_enter_and_y() {
    let mut app = app_after("2");
    assert_shows(&app, "▸ 2013, smartphone users");
    let main = copied(&mut app, "y").unwrap();
    type_keys(&mut app, "f");
    assert_shows(&app, "▸ 2013, all respondents");
    let base = copied(&mut app, "y").unwrap();
    assert!(
        main.contains("smartphone users") && base.contains("all respondents"),
        "{main}\n{base}"
    );
    assert_ne!(main, base);
    type_keys(&mut app, "f");
    assert_shows(&app, "▸ 2013, smartphone users");
}

#[test]
fn t_shows_the_trends_as_a_table_of_every_figure() {
    let mut app = app_after("5t");
    assert!(app.trends.table_shown());
    // Every LINE figure of ICT総研's surveys, as published, and the gaps.
    let f = app.trends.family().unwrap().clone();
    let line = f.trends.iter().find(|t| t.platform == "line").unwrap();
    let screen = render(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("L LINE"))
        .unwrap()
        .to_string();
    for w in line.waves() {
        let (v, _) = line.point(&app.data, &f, w).unwrap();
        let cell = sns_tui::format::with_unit(v, "%");
        // Each in view where the window shows its survey.
        if screen.contains(&f.waves[w].when()) {
            assert!(row.contains(&cell), "{cell} in {row}");
        }
    }
    assert_shows(&app, "t chart");
    // The keys still move the selection; t goes back to the chart.
    type_keys(&mut app, "j");
    assert_ne!(app.trends.trend().unwrap().platform, "line");
    type_keys(&mut app, "t");
    assert!(!app.trends.table_shown());
    assert_shows(&app, "usage rate by survey");
}

#[test]
fn no_key_means_two_things_outside_a_prompt_or_a_popup() {
    // The prompt types letters, and the help and the list of tables are
    // popups with keys of their own; everywhere else, a key is one action.
    let modal = [Scope::Prompt, Scope::Help, Scope::Pages];
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if modal.contains(&a.scope) || modal.contains(&b.scope) {
                continue;
            }
            for k in a.keys.iter().filter(|k| b.keys.contains(k)) {
                assert_eq!(
                    a.action,
                    b.action,
                    "{} means {:?} in {:?} and {:?} in {:?}",
                    k.label(),
                    a.action,
                    a.scope,
                    b.action,
                    b.scope
                );
            }
        }
    }
}

#[test]
fn the_tables_and_texts_write_and_copy_as_shown() {
    // Growth's table: the ledger, every report's figure.
    let mut app = app_after("t");
    let effects = type_keys(&mut app, "e");
    let [Effect::Write { stem, contents }] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!(stem, "sns-tui-ledger");
    assert_eq!(
        contents.lines().count(),
        1 + sns_tui::ledger::ledger(&app.data).len()
    );
    // Trends: every usage rate of the family, a row a figure.
    let mut app = app_after("5");
    let effects = type_keys(&mut app, "e");
    let [Effect::Write { stem, contents }] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!(stem, "sns-tui-trends-ict");
    assert!(contents.contains(",2024-12,LINE,74.7,"), "{contents}");
    // The essay copies as Markdown: a heading, a paragraph a line.
    let mut app = app_after("3");
    let text = copied(&mut app, "Y").unwrap();
    assert!(text.starts_with("# Essay\n\n"), "{text}");
    let para = &app.data.essay.paragraphs[0];
    assert!(
        text.lines().any(|l| l == para.as_str()),
        "a paragraph unbroken"
    );
}

#[test]
fn over_the_help_the_views_keys_wait_and_space_pages_it() {
    let mut app = app_after("hhh<Enter>b?");
    let top = help_top(&app);
    type_keys(&mut app, "b");
    assert_eq!(app.tab, Tab::Growth, "b waits while the help is open");
    assert!(app.help.is_some());
    assert!(type_keys(&mut app, "yYe").is_empty());
    type_keys(&mut app, "<Space>");
    assert!(help_top(&app) > top, "Space pages the help");
}

#[test]
fn n_without_a_typed_search_says_so_and_an_empty_prompt_quotes_no_search() {
    let app = app_after("hhh<Enter>n");
    assert!(
        footer(&app).contains("no search: / starts one"),
        "{}",
        footer(&app)
    );
    let mut app = app_after("3/lineine<Enter>/");
    assert!(!footer(&app).contains("not found"), "{}", footer(&app));
    type_keys(&mut app, "x");
    assert!(footer(&app).contains("“x”"), "{}", footer(&app));
}

#[test]
fn cut_lists_say_which_rows_they_show() {
    let table = app_after("t");
    assert_shows(&table, "rows ");
    let mut app = app();
    app.apply(Action::Resize(80, 20));
    type_keys(&mut app, "2p");
    assert_shows(&app, "tables 1-");
}

#[test]
fn the_rankings_detail_leads_with_the_table_the_user_is_in() {
    let mut app = app_after("2");
    let first = |app: &App| {
        let doc = app.rankings.detail_doc(&app.ctx());
        doc.paras
            .iter()
            .map(|p| sns_tui::text::plain(p))
            .find(|l| l.starts_with("2013, "))
            .unwrap()
    };
    assert!(
        first(&app).starts_with("2013, smartphone users"),
        "{}",
        first(&app)
    );
    type_keys(&mut app, "f");
    assert!(
        first(&app).starts_with("2013, all respondents"),
        "{}",
        first(&app)
    );
}

#[test]
fn a_platforms_english_name_longer_than_its_japanese_one_shows_whole() {
    let mut v: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
    let line = v["platforms"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "line")
        .unwrap();
    line["name"] = "LINE Corporation's messenger".into();
    let d = dataset::parse(&v.to_string(), dataset::Origin::Bundled).unwrap();
    let mut app = App::new(d.dataset, Theme::mono());
    app.apply(Action::Resize(200, 60));
    // Facebook selected, so the name can only show in the tables' rows.
    type_keys(&mut app, "2j");
    assert_shows(&app, "LINE Corporation's messenger");
}
