//! Whole screens, drawn into a test backend: every tab at 80x24 and
//! 120x40, the help popup and the too-small screen, in the mono theme so a
//! snapshot shows exactly what a no-colour terminal shows.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use sns_tui::action::Action;
use sns_tui::app::App;
use sns_tui::dataset;
use sns_tui::tab::Tab;
use sns_tui::ui::theme::Theme;

use crate::common::assert_no_straddling;

fn app(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = App::new(dataset::load(None).unwrap().dataset, Theme::mono());
    app.apply(Action::Resize(width, height));
    for a in actions {
        app.apply(*a);
    }
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal
}

fn screen(width: u16, height: u16, actions: &[Action]) -> String {
    let app = app(width, height, actions);
    // What the app meant to draw, before a terminal's diff hides anything.
    let mut meant = Buffer::empty(app.size);
    ratatui::widgets::Widget::render(&app, app.size, &mut meant);
    assert_no_straddling(&meant);
    draw(&app).backend().to_string()
}

macro_rules! screens {
    ($($name:ident: $actions:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(concat!(stringify!($name), "_80x24"), screen(80, 24, $actions));
            insta::assert_snapshot!(concat!(stringify!($name), "_120x40"), screen(120, 40, $actions));
        }
    )*};
}

screens! {
    growth: &[];
    growth_later_estimates: &[Action::ToggleLater];
    growth_first_year: &[Action::Home];
    growth_share_of_internet_users: &[Action::ToggleMeasure, Action::ToggleLater];
    growth_detail_scrolled: &[Action::ToggleLater, Action::Down, Action::Down];
    growth_detail_in_full: &[Action::ToggleLater, Action::ToggleDetail];
    growth_ledger: &[Action::ToggleTable, Action::Down, Action::Down, Action::Down, Action::Down];
    growth_ledger_in_japanese: &[Action::ToggleLang, Action::ToggleTable];
    rankings: &[Action::ShowTab(Tab::Rankings)];
    rankings_sorted_by_platform: &[Action::ShowTab(Tab::Rankings), Action::NextSort, Action::NextSort];
    rankings_filtered: &[Action::ShowTab(Tab::Rankings), Action::StartSearch, Action::Type('i'), Action::Submit];
    rankings_in_japanese: &[Action::ShowTab(Tab::Rankings), Action::ToggleLang];
    rankings_list_of_tables: &[Action::ShowTab(Tab::Rankings), Action::ShowPages, Action::Down, Action::Down, Action::Down];
    growth_in_japanese: &[Action::ToggleLang, Action::ToggleLater];
    rankings_satisfaction: &[Action::ShowTab(Tab::Rankings), Action::Right, Action::Right, Action::End];
    essay: &[Action::ShowTab(Tab::Essay)];
    essay_end: &[Action::ShowTab(Tab::Essay), Action::End];
    essay_search: &[Action::ShowTab(Tab::Essay), Action::StartSearch, Action::Type('l'), Action::Type('i'), Action::Type('n'), Action::Type('e'), Action::Submit, Action::NextMatch];
    provenance_of_2012_in_the_essay: &[Action::Left, Action::Left, Action::Left, Action::Provenance];
    provenance_of_2010_in_the_sources: &[Action::Home, Action::Provenance];
    essay_search_prompt: &[Action::ShowTab(Tab::Essay), Action::StartSearch, Action::Type('6'), Action::Type('3')];
    sources: &[Action::ShowTab(Tab::Sources)];
    help: &[Action::ToggleHelp];
    help_over_japanese_text: &[Action::ShowTab(Tab::Sources), Action::ToggleHelp];
    trends: &[Action::ShowTab(Tab::Trends)];
    trends_in_japanese: &[Action::ShowTab(Tab::Trends), Action::ToggleLang];
    trends_mic_next_platform: &[Action::ShowTab(Tab::Trends), Action::NextFamily, Action::Down];
    trends_as_a_table: &[Action::ShowTab(Tab::Trends), Action::ToggleTable];
}

#[test]
fn help_and_essay_on_a_large_screen() {
    insta::assert_snapshot!(
        "help_200x60",
        screen(200, 60, &[Action::ToggleHelp, Action::Home])
    );
    insta::assert_snapshot!(
        "essay_200x60",
        screen(200, 60, &[Action::ShowTab(Tab::Essay)])
    );
}

#[test]
fn help_in_the_smallest_window_wraps() {
    insta::assert_snapshot!(screen(
        50,
        15,
        &[Action::ShowTab(Tab::Trends), Action::ToggleHelp]
    ));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(40, 10, &[]));
}

#[test]
fn growth_at_the_smallest_size() {
    insta::assert_snapshot!(screen(50, 15, &[Action::ToggleLater]));
}

#[test]
fn narrow_rankings_stack_the_tables() {
    insta::assert_snapshot!(screen(60, 30, &[Action::ShowTab(Tab::Rankings)]));
}

/// The cells of row `y` as text.
fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Positions of `needle` in row `y`, in cells.
fn find_in_row(buf: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    let needle: Vec<String> = needle.chars().map(String::from).collect();
    cells
        .windows(needle.len())
        .position(|w| w.iter().zip(&needle).all(|(a, b)| *a == b))
        .map(|x| x as u16)
}

#[test]
fn selected_year_label_is_reversed_and_others_are_not() {
    let terminal = draw(&app(80, 24, &[]));
    let buf = terminal.backend().buffer();
    let y = (0..24)
        .find(|&y| row_text(buf, y).contains("2010") && row_text(buf, y).contains("2015"))
        .unwrap();
    let at_2015 = find_in_row(buf, y, "2015").unwrap();
    let at_2010 = find_in_row(buf, y, "2010").unwrap();
    assert!(buf[(at_2015, y)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(at_2010, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn selected_platform_is_highlighted_in_both_tables() {
    let terminal = draw(&app(
        120,
        40,
        &[Action::ShowTab(Tab::Rankings), Action::Down],
    ));
    let buf = terminal.backend().buffer();
    // Facebook is second among smartphone users and first among all:
    // reversed in the table the user is in, underlined in the other.
    let (mut reversed, mut underlined) = (0, 0);
    for y in 0..40 {
        if let Some(x) = find_in_row(buf, y, "Facebook")
            && buf[(x, y)].modifier.contains(Modifier::UNDERLINED)
        {
            underlined += 1;
        }
        if let Some(x) = find_in_row(buf, y, "Facebook")
            && buf[(x, y)].modifier.contains(Modifier::REVERSED)
        {
            reversed += 1;
            // Its bar is not reversed: that would light its empty track.
            let bar = (x..120).find(|&bx| buf[(bx, y)].symbol() == "█").unwrap();
            assert!(!buf[(bar, y)].modifier.contains(Modifier::REVERSED));
        }
        if let Some(x) = find_in_row(buf, y, "Twitter") {
            assert!(
                !buf[(x, y)].modifier.contains(Modifier::REVERSED),
                "Twitter is not selected"
            );
        }
    }
    assert_eq!((reversed, underlined), (1, 1));
}

#[test]
fn projections_differ_from_estimates_by_glyph_not_colour() {
    let terminal = draw(&app(80, 24, &[]));
    let text = terminal.backend().to_string();
    assert!(text.contains('▒'), "the 2015 projection is hatched");
    assert!(text.contains('█'), "the estimates are solid");
    let legend = text.lines().find(|l| l.contains("projection")).unwrap();
    assert!(
        legend.contains("██ estimate  ▓▓ expected  ▒▒ projection"),
        "{legend}"
    );
}

#[test]
fn years_without_a_figure_show_a_gap_not_a_zero() {
    let text = screen(80, 24, &[]);
    assert_eq!(
        text.matches("n/a").count(),
        3,
        "2013, 2014 and the legend:\n{text}"
    );
    assert!(!text.contains(" 0.00"));
}

#[test]
fn the_selected_row_stays_in_view_when_the_window_shrinks() {
    // The last platform of the 2014 satisfaction page (the third), then a
    // window too short for both tables whole.
    let mut app = app(
        120,
        40,
        &[
            Action::ShowTab(Tab::Rankings),
            Action::Right,
            Action::Right,
            Action::End,
        ],
    );
    let selected = app.rankings.selected_platform().to_string();
    assert_eq!(selected, "mixi");
    app.apply(Action::Resize(60, 16));
    assert_eq!(app.rankings.selected_platform(), selected);
    let text = draw(&app).backend().to_string();
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("mixi")).collect();
    assert!(
        rows.iter().any(|l| l.contains("│")),
        "mixi's row is on screen:\n{text}"
    );
}

#[test]
fn search_hits_are_marked_and_the_current_one_is_reversed() {
    let app = app(
        80,
        24,
        &[
            Action::ShowTab(Tab::Essay),
            Action::StartSearch,
            Action::Type('m'),
            Action::Type('i'),
            Action::Type('x'),
            Action::Type('i'),
            Action::Submit,
        ],
    );
    let terminal = draw(&app);
    let buf = terminal.backend().buffer();
    let (mut current, mut others, mut shown) = (0, 0, 0);
    // The body's rows: the footer quotes the search.
    for y in 1..23 {
        let row: Vec<&str> = (0..80).map(|x| buf[(x, y)].symbol()).collect();
        for x in 0..77 {
            if row[x..x + 4].concat().eq_ignore_ascii_case("mixi") {
                shown += 1;
                let m = buf[(x as u16, y)].modifier;
                if m.contains(Modifier::REVERSED) {
                    current += 1;
                } else if m.contains(Modifier::UNDERLINED) {
                    others += 1;
                }
            }
        }
    }
    assert!(shown >= 2, "matches in view: {shown}");
    assert_eq!(
        (current, others),
        (1, shown - 1),
        "one current match, the others marked"
    );
}

/// In mono, the selected year shows on its bars: they alone stand on the
/// heavy stretch of the baseline, with or without the later figures, for
/// every year.
#[test]
fn the_selected_years_bars_stand_on_a_heavy_baseline() {
    for later in [false, true] {
        let mut a = app(120, 40, &[Action::Home]);
        if later {
            a.apply(Action::ToggleLater);
            a.apply(Action::Home);
        }
        let years = a.growth.years(&a.data);
        for _ in years.clone() {
            let body = sns_tui::layout::body_area(a.size);
            let (area, columns) = a.growth.chart(&a.ctx(), body);
            let selected = columns.selected.unwrap();
            let buf = draw(&a).backend().buffer().clone();
            let baseline = area.bottom() - 2;
            let heavy: Vec<u16> = (0..buf.area.width)
                .filter(|&x| buf[(x, baseline)].symbol() == "━")
                .collect();
            let under: Vec<u16> = columns
                .placed(area)
                .iter()
                .filter(|p| p.0 == selected)
                .flat_map(|p| p.2.x..p.2.right())
                .collect();
            assert_eq!(heavy, under, "{} later={later}", a.growth.year());
            a.apply(Action::Right);
        }
    }
}
