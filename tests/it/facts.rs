//! Every figure of FACTS.md section 4 ("What happened next: ICT's reports
//! 2016 to 2025"), with the earlier reports it lists for the same ledger,
//! checked against the bundled dataset by value, kind and source. The
//! figures are written out here as data: the project never reads the
//! shared notes it was built from.

use sns_tui::dataset::{self, Dataset, Kind, Point, RankingTable};

fn data() -> Dataset {
    dataset::load(None).unwrap().dataset
}

/// One figure of "SNS users in Japan, every figure each report gave":
/// year, SNS users (million), internet users, share %, kind, report.
type Growth = (i32, f64, Option<f64>, Option<f64>, Kind, &'static str);

use Kind::{Estimate as E, Expected as X, Projection as P};

/// Section 4's table, then "Earlier reports, for the same ledger".
const GROWTH: &[Growth] = &[
    (2015, 64.88, Some(99.43), Some(65.3), E, "ict-2016"),
    (2016, 68.72, None, Some(69.3), X, "ict-2016"),
    (2018, 74.86, None, Some(74.7), P, "ict-2016"),
    (2016, 68.78, Some(99.77), Some(68.9), E, "ict-2017"),
    (2017, 72.16, None, None, X, "ict-2017"),
    (2019, 77.32, None, Some(76.7), P, "ict-2017"),
    (2017, 72.16, Some(100.12), Some(72.1), E, "ict-2018"),
    (2018, 75.23, None, Some(74.9), X, "ict-2018"),
    (2020, 79.37, None, Some(78.7), P, "ict-2018"),
    (2019, 77.86, Some(99.60), Some(78.2), E, "ict-2020"),
    (2020, 79.75, None, Some(80.3), X, "ict-2020"),
    (2022, 82.41, None, Some(83.3), P, "ict-2020"),
    (2021, 81.49, Some(100.78), Some(80.2), E, "ict-2022"),
    (2022, 82.70, None, Some(82.0), X, "ict-2022"),
    (2024, 83.88, None, Some(83.2), P, "ict-2022"),
    (2024, 84.52, Some(107.04), Some(79.0), X, "ict-2024"),
    (2026, 85.50, None, Some(80.1), P, "ict-2024"),
    (2014, 56.43, None, Some(59.0), P, "ict-2011"),
    (2015, 63.21, None, Some(65.3), P, "ict-2013"),
    (2013, 54.87, Some(97.36), Some(56.4), E, "ict-2014"),
    (2014, 60.23, None, Some(61.0), X, "ict-2014"),
];

/// The series each later figure belongs in, by kind; the ict-2011
/// projection is the ledger's only, the ict-2013 one the essay's.
fn series_for(kind: Kind, report: &str) -> &'static str {
    match (kind, report) {
        (_, "ict-2011") => "earlier-projection",
        (_, "ict-2013") => "essay",
        (Kind::Estimate, _) => "later-estimates",
        (Kind::Expected, _) => "later-expected",
        (Kind::Projection, _) => "later-projections",
    }
}

fn points_of<'d>(d: &'d Dataset, series: &str) -> &'d [Point] {
    let s = d.growth.series.iter().find(|s| s.id == series);
    &s.unwrap_or_else(|| panic!("no series {series}")).points
}

#[test]
fn every_growth_figure_with_its_kind_and_report() {
    let d = data();
    for &(year, users, internet, share, kind, report) in GROWTH {
        let series = series_for(kind, report);
        let p = points_of(&d, series)
            .iter()
            .find(|p| p.year == year)
            .unwrap_or_else(|| panic!("{series} has no {year}"));
        let what = format!("{series} {year} ({report})");
        assert_eq!(p.sns_users, users, "{what}");
        assert_eq!(p.internet_users, internet, "{what}: internet users");
        assert_eq!(p.share_pct, share, "{what}: share");
        assert_eq!(p.kind, kind, "{what}");
        assert_eq!(p.sources.first().map(|s| &**s), Some(report), "{what}");
    }
    // Nothing beyond them in the later series: each figure is one of the list.
    for s in &d.growth.series[1..] {
        for p in &s.points {
            assert!(
                GROWTH
                    .iter()
                    .any(|g| g.0 == p.year && g.1 == p.sns_users && series_for(g.4, g.5) == s.id),
                "{} {} {} is not in FACTS",
                s.id,
                p.year,
                p.sns_users
            );
        }
    }
    let later: usize = d.growth.series[1..].iter().map(|s| s.points.len()).sum();
    assert_eq!(later, GROWTH.len() - 1, "every figure but the essay's 2015");
}

#[test]
fn the_growth_series_in_order_and_only_the_essays_charted_first() {
    let d = data();
    let ids: Vec<(&str, bool)> = d
        .growth
        .series
        .iter()
        .map(|s| (s.id.as_str(), s.chart))
        .collect();
    assert_eq!(
        ids,
        [
            ("essay", true),
            ("later-estimates", true),
            ("later-expected", true),
            ("later-projections", true),
            ("earlier-projection", false),
        ]
    );
    // The essay's view as it was: 2010-2012 and the 2015 projection.
    let essay: Vec<(i32, f64)> = points_of(&d, "essay")
        .iter()
        .map(|p| (p.year, p.sns_users))
        .collect();
    assert_eq!(
        essay,
        [(2010, 36.71), (2011, 42.89), (2012, 49.65), (2015, 63.21)]
    );
}

#[test]
fn no_figure_for_2023_or_2025() {
    let d = data();
    for s in &d.growth.series {
        for p in &s.points {
            assert!(![2023, 2025].contains(&p.year), "{} {}", s.id, p.year);
        }
    }
    for t in &d.rankings {
        let month = d.survey(&t.survey).and_then(|s| s.month.clone());
        let month = month.unwrap_or_default();
        assert!(
            !month.starts_with("2023") && !month.starts_with("2025"),
            "{}: a survey of {month}",
            t.id
        );
        let title = &t.title.en;
        assert!(
            !title.contains("2023") && !title.contains("2025"),
            "{title}"
        );
    }
}

fn table<'d>(d: &'d Dataset, id: &str) -> &'d RankingTable {
    let i = d.table_index(id).unwrap_or_else(|| panic!("no table {id}"));
    &d.rankings[i]
}

/// Usage rates, % of respondents, by ICT survey; None where FACTS writes
/// — (not in the published list: no row).
const PLATFORMS: [&str; 9] = [
    "line",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "mixi",
    "skype",
    "googleplus",
];
type Usage = (i32, [Option<f64>; 9], &'static [(&'static str, f64)]);
const N: Option<f64> = None;
const USAGE: &[Usage] = &[
    (
        2013,
        [
            Some(27.0),
            Some(26.0),
            Some(34.0),
            N,
            N,
            N,
            Some(22.0),
            Some(16.0),
            N,
        ],
        &[],
    ),
    (
        2014,
        [
            Some(47.6),
            Some(41.9),
            Some(39.9),
            N,
            N,
            N,
            Some(19.7),
            Some(18.8),
            Some(16.1),
        ],
        &[],
    ),
    (
        2016,
        [
            Some(72.1),
            Some(40.8),
            Some(36.1),
            Some(22.1),
            N,
            N,
            Some(7.6),
            Some(10.9),
            Some(11.4),
        ],
        &[],
    ),
    (
        2017,
        [
            Some(76.9),
            Some(41.2),
            Some(32.7),
            Some(28.6),
            N,
            N,
            Some(6.2),
            Some(9.2),
            Some(9.2),
        ],
        &[],
    ),
    (
        2018,
        [
            Some(80.8),
            Some(42.8),
            Some(31.2),
            Some(35.8),
            Some(34.0),
            Some(7.1),
            N,
            Some(8.4),
            N,
        ],
        &[],
    ),
    (
        2020,
        [
            Some(77.4),
            Some(38.5),
            Some(21.7),
            Some(35.7),
            Some(23.2),
            Some(8.1),
            N,
            Some(7.1),
            N,
        ],
        &[],
    ),
    (
        2022,
        [
            Some(79.5),
            Some(55.9),
            Some(24.6),
            Some(52.9),
            Some(62.0),
            Some(19.7),
            N,
            N,
            N,
        ],
        &[("niconico", 11.4), ("pinterest", 7.9)],
    ),
    (
        2024,
        [
            Some(74.7),
            Some(55.9),
            Some(19.8),
            Some(54.5),
            Some(65.4),
            Some(30.6),
            N,
            N,
            N,
        ],
        &[("niconico", 9.5), ("pinterest", 7.2)],
    ),
];

#[test]
fn every_usage_rate_by_survey_and_none_where_unpublished() {
    let d = data();
    for &(year, rates, others) in USAGE {
        let t = table(&d, &format!("{year}-all"));
        let report = format!("ict-{year}");
        let mut expected = 0;
        let listed = PLATFORMS
            .iter()
            .zip(rates)
            .filter_map(|(p, v)| Some((*p, v?)));
        for (platform, value) in listed.chain(others.iter().copied()) {
            expected += 1;
            let i = d
                .row_index(d.table_index(&t.id).unwrap(), platform)
                .unwrap_or_else(|| panic!("{year}: no row {platform}"));
            let r = &t.rows[i];
            assert_eq!(r.value, Some(value), "{year} {platform}");
            assert_eq!(r.sources, [report.as_str()], "{year} {platform}");
        }
        for (platform, v) in PLATFORMS.iter().zip(rates) {
            if v.is_none() {
                assert!(
                    t.rows.iter().all(|r| r.platform != *platform),
                    "{year}: {platform} is not in the published list"
                );
            }
        }
        assert_eq!(t.rows.len(), expected, "{year}: no other rows");
        assert_eq!(t.unit, "%");
        assert_eq!(t.metric.en, "usage rate");
        assert_eq!(t.metric.ja.as_deref(), Some("利用率"));
        if year >= 2016 {
            // Figures, not a ranking: no row ranked.
            assert!(t.rows.iter().all(|r| r.rank.is_none()), "{year}");
        }
    }
    // Each compares with the one before.
    let years: Vec<i32> = USAGE.iter().map(|u| u.0).collect();
    for pair in years[1..].windows(2) {
        let t = table(&d, &format!("{}-all", pair[1]));
        assert_eq!(
            t.compare_with.as_deref(),
            Some(format!("{}-all", pair[0]).as_str())
        );
    }
}

/// Satisfaction, points, in the published (ranking) order.
const SATISFACTION: &[(i32, &[(&str, f64)])] = &[
    (
        2016,
        &[
            ("line", 77.9),
            ("instagram", 77.8),
            ("twitter", 74.0),
            ("skype", 68.7),
            ("facebook", 66.9),
        ],
    ),
    (
        2017,
        &[
            ("line", 77.9),
            ("instagram", 77.7),
            ("twitter", 74.0),
            ("googleplus", 69.0),
            ("skype", 68.7),
            ("facebook", 66.5),
        ],
    ),
    (
        2018,
        &[
            ("youtube", 79.7),
            ("instagram", 78.5),
            ("line", 78.4),
            ("tiktok", 76.8),
            ("twitter", 74.9),
            ("skype", 69.7),
            ("facebook", 64.5),
        ],
    ),
    (
        2020,
        &[
            ("instagram", 81.2),
            ("youtube", 80.8),
            ("line", 79.1),
            ("tiktok", 78.5),
            ("twitter", 78.0),
            ("facebook", 73.5),
        ],
    ),
    (
        2022,
        &[
            ("tiktok", 82.4),
            ("youtube", 81.9),
            ("instagram", 81.0),
            ("line", 79.3),
            ("twitter", 77.9),
        ],
    ),
    (
        2024,
        &[
            ("tiktok", 86.5),
            ("youtube", 85.6),
            ("instagram", 85.3),
            ("line", 84.2),
            ("niconico", 82.8),
            ("pinterest", 82.4),
            ("facebook", 79.2),
            ("twitter", 78.3),
        ],
    ),
];

#[test]
fn every_satisfaction_score_in_its_published_order() {
    let d = data();
    let mut before = "2014-satisfaction".to_string();
    for &(year, rows) in SATISFACTION {
        let id = format!("{year}-satisfaction");
        let t = table(&d, &id);
        let got: Vec<(Option<u32>, &str, Option<f64>)> = t
            .rows
            .iter()
            .map(|r| (r.rank, r.platform.as_str(), r.value))
            .collect();
        let want: Vec<(Option<u32>, &str, Option<f64>)> = rows
            .iter()
            .enumerate()
            .map(|(i, &(p, v))| (Some(i as u32 + 1), p, Some(v)))
            .collect();
        assert_eq!(got, want, "{id}");
        assert!(
            t.rows.iter().all(|r| r.sources == [format!("ict-{year}")]),
            "{id}"
        );
        assert_eq!(t.unit, "points");
        assert_eq!(t.metric.en, "satisfaction");
        assert_eq!(t.metric.ja.as_deref(), Some("満足度"));
        assert_eq!(t.compare_with.as_deref(), Some(before.as_str()), "{id}");
        before = id;
    }
}

#[test]
fn twitter_is_x_in_2024_under_its_old_id() {
    let d = data();
    for id in ["2024-all", "2024-satisfaction"] {
        let t = table(&d, id);
        let r = t.rows.iter().find(|r| r.platform == "twitter").unwrap();
        let name = r.name.as_ref().expect("a name of its own");
        assert_eq!(name.en, "X (formerly Twitter)", "{id}");
        assert_eq!(name.ja.as_deref(), Some("X(旧Twitter)"), "{id}");
    }
    let earlier = table(&d, "2022-all");
    assert!(earlier.rows.iter().all(|r| r.name.is_none()));
    let twitter = d.platform("twitter").unwrap();
    assert_eq!(twitter.note.as_deref(), Some("renamed X in 2023"));
}

/// 総務省's LINE series and the other platforms of the same survey:
/// year, platform, % of all respondents, source.
const MIC: &[(i32, &str, f64, &str)] = &[
    (2012, "line", 20.3, "mic-2013"),
    (2013, "line", 44.0, "mic-2013"),
    (2013, "facebook", 26.0, "mic-2013"),
    (2013, "twitter", 18.0, "mic-2013"),
    (2014, "line", 55.1, "mic-2024"),
    (2016, "line", 67.0, "mic-2016"),
    (2016, "instagram", 20.5, "mic-2016"),
    (2018, "line", 82.3, "mic-2018"),
    (2018, "twitter", 37.3, "mic-2018"),
    (2018, "instagram", 35.5, "mic-2018"),
    (2018, "youtube", 75.7, "mic-2018"),
    (2018, "facebook", 32.8, "mic-2018"),
    (2021, "line", 92.5, "mic-2021"),
    (2022, "line", 94.0, "mic-2022"),
    (2022, "twitter", 45.3, "mic-2022"),
    (2022, "instagram", 50.1, "mic-2022"),
    (2022, "facebook", 29.9, "mic-2022"),
    (2024, "line", 94.9, "mic-2024"),
];

#[test]
fn every_mic_figure_in_its_own_family() {
    let d = data();
    let years = [2012, 2013, 2014, 2016, 2018, 2021, 2022, 2024];
    for (i, year) in years.iter().enumerate() {
        let t = table(&d, &format!("mic-{year}-all"));
        let want: Vec<(&str, f64, &str)> = MIC
            .iter()
            .filter(|m| m.0 == *year)
            .map(|m| (m.1, m.2, m.3))
            .collect();
        assert_eq!(t.rows.len(), want.len(), "{year}: no other rows");
        for (platform, value, source) in want {
            let r = t
                .rows
                .iter()
                .find(|r| r.platform == platform)
                .unwrap_or_else(|| panic!("mic {year}: no row {platform}"));
            assert_eq!(r.value, Some(value), "mic {year} {platform}");
            assert_eq!(r.sources, [source], "mic {year} {platform}");
            assert_eq!(r.rank, None);
        }
        let survey = d.survey(&t.survey).unwrap();
        assert_eq!(survey.family, "mic", "{year}");
        assert!(
            survey
                .month
                .as_deref()
                .unwrap()
                .starts_with(&year.to_string())
        );
        let ages = if *year == 2024 { "10-69" } else { "13-69" };
        let population = survey.population.as_ref().unwrap();
        assert_eq!(population.en, format!("people aged {ages} in Japan"));
        assert_eq!(survey.sample_size, (*year == 2013).then_some(1500));
        let before = (i > 0).then(|| format!("mic-{}-all", years[i - 1]));
        assert_eq!(t.compare_with.as_deref(), before.as_deref(), "{year}");
    }
    let months: Vec<Option<&str>> = ["mic-survey-2013", "mic-survey-2022"]
        .iter()
        .map(|id| d.survey(id).unwrap().month.as_deref())
        .collect();
    assert_eq!(months, [Some("2013-11"), Some("2022-11")]);
}

#[test]
fn ict_surveys_and_breaks() {
    let d = data();
    for (id, month, n, other_purposes) in [
        ("ict-2016-08", "2016-08", 4251, false),
        ("ict-2017-10", "2017-10", 4196, false),
        ("ict-2018-11", "2018-11", 4022, false),
        ("ict-2020-07", "2020-07", 4400, false),
        ("ict-2022-04", "2022-04", 4406, true),
        ("ict-2024-12", "2024-12", 4225, true),
    ] {
        let s = d.survey(id).unwrap_or_else(|| panic!("no survey {id}"));
        assert_eq!(s.family, "ict");
        assert_eq!(s.month.as_deref(), Some(month));
        assert_eq!(s.sample_size, Some(n));
        let definition = &s.definition.as_ref().unwrap().en;
        assert_eq!(
            definition.contains("other purposes"),
            other_purposes,
            "{id}"
        );
        assert_eq!(s.sources, [format!("ict-{}", &month[..4])]);
    }
    let breaks: Vec<(&str, Vec<&str>)> = d
        .breaks
        .iter()
        .map(|b| (&*b.from, b.sources.iter().map(|s| &**s).collect()))
        .collect();
    assert_eq!(
        breaks,
        [
            ("ict-2014-07", vec!["ict-2014"]),
            ("ict-2022-04", vec!["ict-2022"]),
            ("mic-survey-2024", vec!["mic-2024"]),
        ]
    );
    for b in &d.breaks {
        assert!(b.title.ja.is_some(), "{}", b.title.en);
    }
}

#[test]
fn every_new_platform_with_its_japanese_name() {
    let d = data();
    for (id, name, ja) in [
        ("instagram", "Instagram", "インスタグラム"),
        ("youtube", "YouTube", "ユーチューブ"),
        ("tiktok", "TikTok", "ティックトック"),
        ("niconico", "niconico", "ニコニコ動画"),
        ("pinterest", "Pinterest", "ピンタレスト"),
    ] {
        let p = d.platform(id).unwrap_or_else(|| panic!("no platform {id}"));
        assert_eq!((p.name.as_str(), p.name_ja.as_str()), (name, ja));
        assert!(p.note.is_some(), "{id} has FACTS's note");
    }
}

#[test]
fn every_source_with_every_url_facts_lists() {
    let d = data();
    let sources: &[(&str, &str, &[&str])] = &[
        (
            "ict-2016",
            "2016-08-16",
            &[
                "https://ict-enews.net/2016/08/17ictr/",
                "https://news.mynavi.jp/techplus/article/20160817-a176/",
                "http://marketing-base.jp/marketing/data/5215",
                "http://ictr.co.jp/report/20160816.html",
                "https://denpanews.jp/trend/plan/20160816_10670.html",
            ],
        ),
        (
            "ict-2017",
            "2017-10-11",
            &[
                "https://travelvoice.jp/20171012-98720",
                "https://s.resemom.jp/article/2017/10/12/40799.html",
            ],
        ),
        (
            "ict-2018",
            "2018-12-18",
            &[
                "https://japan.zdnet.com/release/30287509/",
                "https://k-tai.watch.impress.co.jp/docs/news/1158973.html",
                "http://www.itmedia.co.jp/business/articles/1812/18/news107.html",
            ],
        ),
        (
            "ict-2020",
            "2020-07-29",
            &[
                "https://creatorzine.jp/news/detail/1254",
                "https://active.nikkeibp.co.jp/atcl/act/19/00006/101300098/",
            ],
        ),
        (
            "ict-2022",
            "2022-05-17",
            &[
                "https://news.mynavi.jp/article/20220522-2347470/",
                "https://tsuhannews.jp/shopblogs/detail/68949",
            ],
        ),
        (
            "ict-2024",
            "2025-01-22",
            &[
                "https://prtimes.jp/main/html/rd/p/000000010.000019182.html",
                "https://ampmedia.jp/?p=449269",
            ],
        ),
        (
            "mic-2013",
            "2014-04-19",
            &[
                "https://news.mynavi.jp/article/20140419-a024/",
                "https://www.asahi.com/articles/ASG533SVFG53ULFA004.html",
            ],
        ),
        (
            "mic-2016",
            "2017-07",
            &["https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/h29/html/nc111130.html"],
        ),
        (
            "mic-2018",
            "2019-09",
            &[
                "https://www.soumu.go.jp/menu_news/s-news/01iicp01_02000082.html",
                "https://www.doyu.jp/topics/posts/article/20200225-134623",
            ],
        ),
        (
            "mic-2021",
            "2022-08-26",
            &["https://news.yahoo.co.jp/expert/articles/5185cd7da8c130044522965ce17a606260fca14a"],
        ),
        (
            "mic-2022",
            "2023",
            &[
                "https://blog.netadreport.com/2023/07/twitter.html",
                "https://news.yahoo.co.jp/articles/da44b7eff08eab6858dfcd7bf5631555fd6196d8",
            ],
        ),
        (
            "mic-2024",
            "2025-07-08",
            &["https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/r07/html/nd111120.html"],
        ),
    ];
    for &(id, date, urls) in sources {
        let s = d.source(id).unwrap_or_else(|| panic!("no source {id}"));
        assert_eq!(s.date, date, "{id}");
        assert_eq!(s.urls, urls, "{id}");
        let publisher = if id.starts_with("ict") {
            "ICT総研"
        } else {
            "総務省"
        };
        assert!(s.publisher.starts_with(publisher), "{id}: {}", s.publisher);
    }
    for (id, title) in [
        (
            "ict-2016",
            "2016年度 SNS利用動向に関する調査 (survey August 2016, n=4,251)",
        ),
        (
            "ict-2017",
            "2017年度 SNS利用動向に関する調査 (survey October 2017, n=4,196)",
        ),
        (
            "ict-2018",
            "2018年度 SNS利用動向に関する調査 (survey November 2018, n=4,022)",
        ),
        (
            "ict-2020",
            "2020年度 SNS利用動向に関する調査 (survey July 2020, n=4,400)",
        ),
        (
            "ict-2022",
            "2022年度 SNS利用動向に関する調査 (survey April 2022, n=4,406)",
        ),
        (
            "ict-2024",
            "2024年度 SNS利用動向に関する調査 (survey December 2024, n=4,225)",
        ),
    ] {
        assert_eq!(d.source(id).unwrap().title, title);
    }
}
