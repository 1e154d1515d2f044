//! What Growth's detail panel says of a year: each shown series' figure
//! with its context and provenance, or the gap.

use crate::dataset::{Point, Series};
use crate::format;
use crate::lang::Lang;
use crate::series::{Measure, against_outcome, point, short_label};
use crate::tabs::Ctx;
use crate::text::{self, Doc, Mark};
use crate::tr;

/// What the detail panel says of one year: each shown series' figure with
/// its context and provenance, or the gap; the `picked` one marked ▸.
pub fn detail_doc(
    ctx: &Ctx,
    shown: &[Series],
    year: i32,
    measure: Measure,
    picked: Option<usize>,
) -> Doc {
    let (d, lang) = (ctx.data, ctx.lang);
    let mut doc = Doc::default();
    // The comparison leads: in a short window it is what must not be cut.
    if let Some(line) = against_outcome(shown, year, lang) {
        doc.push(vec![text::Marked::new(line, Mark::Heading)]);
    }
    for (i, s) in shown.iter().enumerate() {
        let label = short_label(s, lang);
        let label = lang.pick(label.to_lowercase(), label.to_string());
        let mark = if picked == Some(i) { "▸ " } else { "" };
        let mut head = vec![text::Marked::new(
            format!("{mark}{year}, {label}: "),
            Mark::Heading,
        )];
        let Some(p) = point(s, year) else {
            head.push(text::Marked::new(
                lang.pick(
                    "no figure published (a gap, not a zero)",
                    "数値の公表なし（0ではなく空白）",
                ),
                Mark::Meta,
            ));
            doc.push(head);
            continue;
        };
        let millions = format::millions(p.sns_users);
        let users = tr!(lang, "{millions} M SNS users", "SNS利用者 {millions} M");
        let share = match p.share_pct {
            Some(v) => {
                let v = format::with_unit(v, "%");
                tr!(lang, "{v} of internet users", "インターネット利用者の{v}")
            }
            None => lang
                .pick(
                    "share of internet users not published",
                    "インターネット利用者に占める割合は非公表",
                )
                .to_string(),
        };
        // The measure on the chart leads; the other follows among the facts.
        let (lead, other) = match measure {
            Measure::Users => (users, share),
            Measure::Share => (share, users),
        };
        head.push(text::Marked::new(lead, Mark::Figure));
        head.push(text::Marked::new(
            format!(", {}", lang.kind(p.kind)),
            Mark::Plain,
        ));
        doc.push(head);
        let mut facts = vec![
            other,
            match p.internet_users {
                Some(v) => {
                    let v = format::millions(v);
                    tr!(lang, "internet users {v} M", "インターネット利用者 {v} M")
                }
                None => lang
                    .pick(
                        "internet users not published",
                        "インターネット利用者は非公表",
                    )
                    .to_string(),
            },
        ];
        if s.points.first().is_some_and(|f| f.year < year) {
            facts.push(change_on_year_before(s, p, measure, lang));
        }
        doc.push(vec![text::Marked::new(facts.join(" · "), Mark::Plain)]);
        let mut source = vec![
            text::Marked::new(lang.pick("source ", "出典 "), Mark::Meta),
            text::Marked::new(format::sources(d, &p.sources), Mark::Plain),
        ];
        if let Some(q) = &p.quote {
            source.push(text::Marked::new(
                lang.pick(" · essay ", " · エッセイ "),
                Mark::Meta,
            ));
            source.push(text::Marked::new(format!("“{q}”"), Mark::Quote));
        }
        doc.push(source);
        if let Some(n) = &p.note {
            doc.push(vec![
                text::Marked::new(lang.pick("note ", "注 "), Mark::Meta),
                text::Marked::new(n.to_string(), Mark::Plain),
            ]);
        }
    }
    doc
}

/// How `p` differs from its series' figure of the year before, in the
/// measure on the chart; a figure of another kind before says so, since an
/// estimate on an expectation is not like for like.
fn change_on_year_before(s: &Series, p: &Point, measure: Measure, lang: Lang) -> String {
    let prev = p.year - 1;
    let before = point(s, prev);
    let prev = match before {
        Some(q) if q.kind != p.kind => format!("{prev} ({})", lang.kind(q.kind)),
        _ => prev.to_string(),
    };
    match (before, measure) {
        (Some(q), Measure::Users) => {
            let delta = format::change(p.sns_users - q.sns_users);
            let sign = if p.sns_users >= q.sns_users { "+" } else { "-" };
            let pct = format::rounded(((p.sns_users - q.sns_users) / q.sns_users * 100.0).abs(), 1);
            tr!(
                lang,
                "change on {prev} {delta} M ({sign}{pct}%)",
                "{prev}比 {delta} M（{sign}{pct}%）"
            )
        }
        (Some(q), Measure::Share) => match (p.share_pct, q.share_pct) {
            (Some(a), Some(b)) => {
                let sign = if a >= b { "+" } else { "-" };
                let points = format::value(((a - b).abs() * 10.0).round() / 10.0);
                tr!(
                    lang,
                    "change on {prev} {sign}{points} percentage points",
                    "{prev}比 {sign}{points}ポイント"
                )
            }
            _ => tr!(lang, "no {prev} share to compare", "比べる{prev}の割合なし"),
        },
        (None, _) => tr!(
            lang,
            "no {prev} figure to compare",
            "比べる{prev}の数値なし"
        ),
    }
}
