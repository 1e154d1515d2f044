//! What the Rankings tab says below its tables: what the comparison
//! compares and its caveats, then the selected platform in each table.

use super::RankingsView;
use crate::compare::Standing;
use crate::format;
use crate::tabs::Ctx;
use crate::text::{self, Doc, Mark};

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
            let none = format!(
                "No platform on this page matches “{}”; Esc clears the filter.",
                self.filter
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
        for ti in page.base.into_iter().chain([page.main]) {
            let t = &d.rankings[ti];
            let title = t.title.get(lang);
            let line = match d.row_index(ti, id) {
                None => vec![text::Marked::new(
                    format!("{title}: not in its published list"),
                    Mark::Meta,
                )],
                Some(ri) => {
                    let r = &t.rows[ri];
                    let value = r.value.map_or("figure not published".to_string(), |v| {
                        format::with_unit(v, &t.unit)
                    });
                    let rank = r
                        .rank
                        .map_or("not ranked".to_string(), |n| format!("rank {n}"));
                    let mut line = vec![
                        text::Marked::new(format!("{title}: "), Mark::Plain),
                        text::Marked::new(format!("{rank}, {value}"), Mark::Figure),
                    ];
                    if let Some(c) = self.comparison().filter(|c| c.main == ti) {
                        let base = d.rankings[c.base].title.get(lang);
                        let words = standing_words(c.standings[ri], base, &t.unit);
                        line.push(text::Marked::new(format!(" ({words})"), Mark::Plain));
                    }
                    if let Some(name) = &r.name {
                        line.push(text::Marked::new(
                            format!(" · named “{}”", name.get(lang)),
                            Mark::Meta,
                        ));
                    }
                    line.push(text::Marked::new(
                        format!(" · {}", r.sources.join(", ")),
                        Mark::Meta,
                    ));
                    if let Some(q) = &r.quote {
                        line.push(text::Marked::new(" · essay ", Mark::Meta));
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
fn standing_words(s: Standing, base: &str, unit: &str) -> String {
    let points = if unit == "%" {
        " percentage points"
    } else {
        ""
    };
    match s {
        Standing::Up(n) => format!("up {n} since {base}, among the platforms both list"),
        Standing::Down(n) => format!("down {n} since {base}, among the platforms both list"),
        Standing::Same => format!("same place as in {base}, among the platforms both list"),
        Standing::Diff(v) => format!("{}{points} against {base}", format::signed(v)),
        Standing::Unlisted => format!("not among the figures published for {base}"),
        Standing::NoFigure => format!("no figure to set against {base}"),
    }
}
