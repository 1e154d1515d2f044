//! What the Rankings tab says below its tables: what the comparison
//! compares and its caveats, then the selected platform in each table.

use super::RankingsView;
use crate::compare::Standing;
use crate::format;
use crate::lang::Lang;
use crate::tabs::Ctx;
use crate::text::{self, Doc, Mark};
use crate::tr;

impl RankingsView {
    /// What the page compares, with its caveats, then the selected platform
    /// across the page's tables, with sources and the essay's words.
    pub fn detail_doc(&self, ctx: &Ctx) -> Doc {
        let d = ctx.data;
        let page = self.current();
        let lang = ctx.lang;
        let id = self.selected_platform();
        let mut doc = Doc::default();
        if id.is_empty() {
            let filter = &self.filter;
            let none = tr!(
                lang,
                "No platform on this page matches “{filter}”; Esc clears the filter.",
                "このページに「{filter}」に合うサービスはない。Escで絞り込みを解除。"
            );
            doc.push(vec![text::Marked::new(none, Mark::Meta)]);
            return doc;
        }
        // What the comparison compares leads: a short window must not cut it.
        if let Some(c) = self.comparison() {
            for caveat in c.caption(d, lang) {
                doc.push(vec![text::Marked::new(caveat, Mark::Meta)]);
            }
        }
        let mut head = vec![text::Marked::new(
            lang.platform(d, id).to_string(),
            Mark::Platform,
        )];
        if let Some(p) = d.platform(id) {
            // The name in the other language, where it differs.
            let other = lang.toggle().platform(d, id);
            let mut extra = if p.name_ja == p.name {
                String::new()
            } else {
                format!(" · {other}")
            };
            if let Some(note) = &p.note {
                extra.push_str(&format!(" · {note}"));
            }
            head.push(text::Marked::new(extra, Mark::Meta));
        }
        doc.push(head);
        // The table the user is in first.
        let focused = self.focused_table();
        let other = page
            .base
            .into_iter()
            .chain([page.main])
            .filter(|&t| t != focused);
        for ti in std::iter::once(focused).chain(other) {
            let t = &d.rankings[ti];
            let title = t.title.get(lang);
            let line = match d.row_index(ti, id) {
                None => vec![text::Marked::new(
                    tr!(
                        lang,
                        "{title}: not in its published list",
                        "{title}: 公表された一覧になし"
                    ),
                    Mark::Meta,
                )],
                Some(ri) => {
                    let r = &t.rows[ri];
                    let value = r.value.map_or_else(
                        || {
                            lang.pick("figure not published", "数値は非公表")
                                .to_string()
                        },
                        |v| format::with_unit(v, &t.unit),
                    );
                    let rank = r.rank.map_or_else(
                        || lang.pick("not ranked", "順位なし").to_string(),
                        |n| tr!(lang, "rank {n}", "{n}位"),
                    );
                    let mut line = vec![
                        text::Marked::new(format!("{title}: "), Mark::Plain),
                        text::Marked::new(format!("{rank}, {value}"), Mark::Figure),
                    ];
                    if let Some(c) = self.comparison().filter(|c| c.main == ti) {
                        let base = d.rankings[c.base].title.get(lang);
                        let words = standing_words(c.standings[ri], base, &t.unit, lang);
                        line.push(text::Marked::new(format!(" ({words})"), Mark::Plain));
                    }
                    if let Some(name) = &r.name {
                        let name = name.get(lang);
                        line.push(text::Marked::new(
                            tr!(lang, " · named “{name}”", " · 表記「{name}」"),
                            Mark::Meta,
                        ));
                    }
                    line.push(text::Marked::new(
                        format!(" · {}", r.sources.join(", ")),
                        Mark::Meta,
                    ));
                    if let Some(q) = &r.quote {
                        line.push(text::Marked::new(
                            lang.pick(" · essay ", " · エッセイ "),
                            Mark::Meta,
                        ));
                        line.push(text::Marked::new(format!("“{q}”"), Mark::Quote));
                    }
                    line
                }
            };
            doc.push(line);
        }
        doc
    }
}

/// A standing in words, for the detail line.
fn standing_words(s: Standing, base: &str, unit: &str, lang: Lang) -> String {
    let points = match unit {
        "%" => lang.pick(" percentage points", "ポイント"),
        _ => "",
    };
    match s {
        Standing::Up(n) => tr!(
            lang,
            "up {n} since {base}, among the platforms both list",
            "{base}から{n}つ上がった（両方にあるサービスの中で）"
        ),
        Standing::Down(n) => tr!(
            lang,
            "down {n} since {base}, among the platforms both list",
            "{base}から{n}つ下がった（両方にあるサービスの中で）"
        ),
        Standing::Same => tr!(
            lang,
            "same place as in {base}, among the platforms both list",
            "{base}と同じ順位（両方にあるサービスの中で）"
        ),
        Standing::Diff(v) => {
            let v = format::signed(v);
            tr!(
                lang,
                "{v}{points} against {base}",
                "{base}との差 {v}{points}"
            )
        }
        Standing::Unlisted => tr!(
            lang,
            "not among the figures published for {base}",
            "{base}に数値の公表なし"
        ),
        Standing::NoFigure => tr!(
            lang,
            "no figure to set against {base}",
            "{base}と比べる数値なし"
        ),
    }
}
