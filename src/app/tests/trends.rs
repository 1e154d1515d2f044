//! The Trends tab.

use super::*;

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
    let mut a = App::new(stated, Theme::mono());
    let screen = trends_screen(&mut a);
    assert!(!screen.contains(not_enough), "{screen}");
    assert!(screen.contains("L LINE: 2013: 27% ict-2013"), "{screen}");
    // One family: m says there is no other.
    a.apply(Action::NextFamily);
    assert_eq!(
        a.status.as_deref(),
        Some("no other family of surveys has usage rates from two years")
    );
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

/// The bundled data has two families: m moves to the other, quietly.
#[test]
fn m_moves_to_the_other_family_of_surveys() {
    let mut a = app();
    trends_screen(&mut a);
    let first = a.trends.family().unwrap().clone();
    a.apply(Action::NextFamily);
    assert_ne!(a.trends.family(), Some(&first));
    assert_eq!(a.status, None);
}
