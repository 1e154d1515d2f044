//! The bundled dataset against the essay as published
//! (`tests/fixtures/line-me-essay.txt`, a copy of the seed text).

use sns_tui::dataset::{self, find_quote};

const PUBLISHED: &str = include_str!("../fixtures/line-me-essay.txt");

#[test]
fn essay_is_the_published_text_to_the_byte() {
    let d = dataset::load(None).unwrap().dataset;
    let blocks: Vec<&str> = PUBLISHED.split("\n\n").collect();
    assert_eq!(blocks[0], d.essay.blog);
    assert_eq!(blocks[1], d.essay.title);
    assert_eq!(blocks[2], d.essay.byline);
    assert_eq!(blocks[3..], d.essay.paragraphs[..]);
}

#[test]
fn every_quote_is_in_the_published_text() {
    let d = dataset::load(None).unwrap().dataset;
    let quotes: Vec<&str> = d.quotes().collect();
    assert!(quotes.len() >= 10, "{} quotes", quotes.len());
    for q in quotes {
        assert!(find_quote(PUBLISHED, q).is_some(), "not in the essay: {q}");
    }
}

#[test]
fn the_essay_figures_round_the_source_figures() {
    // The essay writes 95.6, 52% and 49.7 million for 2012, and 63.2 million
    // for 2015: the dataset holds the source's unrounded figures.
    let d = dataset::load(None).unwrap().dataset;
    let essay = &d.growth.series[0];
    let p2012 = essay.points.iter().find(|p| p.year == 2012).unwrap();
    assert_eq!(sns_tui::format::rounded(p2012.sns_users, 1), "49.7");
    assert_eq!(
        sns_tui::format::rounded(p2012.internet_users.unwrap(), 1),
        "95.6"
    );
    assert_eq!(p2012.share_pct, Some(52.0));
    let p2015 = essay.points.iter().find(|p| p.year == 2015).unwrap();
    assert_eq!(sns_tui::format::rounded(p2015.sns_users, 1), "63.2");
    assert!(
        essay
            .points
            .iter()
            .all(|p| p.year != 2013 && p.year != 2014),
        "no interpolated years"
    );
}
