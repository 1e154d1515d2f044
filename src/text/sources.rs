use rustc_hash::FxHashMap as HashMap;

use super::{Doc, Mark, Marked, MarkedLine};
use crate::dataset::{CleanString, Dataset, ESSAY_SOURCE};
use crate::format::{self, listing};
use crate::lang::Lang;
use crate::series::short_label;
use crate::tr;

/// The Sources tab: every source with what it is cited for, the surveys and
/// the breaks in their methods, then the notes on the essay and its figures.
pub fn sources_doc(d: &Dataset, lang: Lang) -> Doc {
    let mut doc = Doc::default();
    let n = d.sources.len();
    doc.push(vec![Marked::new(
        tr!(lang, "Sources ({n})", "出典（{n}）"),
        Mark::Title,
    )]);
    let mut uses = citations(d, lang);
    for s in &d.sources {
        doc.blank();
        doc.push(vec![
            Marked::new(format!("[{}] ", s.id), Mark::Heading),
            Marked::new(s.publisher.clone(), Mark::Heading),
            Marked::new(format!(", {}", s.date), Mark::Meta),
        ]);
        doc.push(vec![Marked::new(s.title.clone(), Mark::Plain)]);
        for url in &s.urls {
            doc.push(vec![Marked::new(url.clone(), Mark::Link)]);
        }
        if let Some(uses) = uses.remove(s.id.as_str()) {
            doc.push(vec![
                Marked::new(lang.pick("Cited for: ", "使われている所: "), Mark::Meta),
                Marked::new(uses.join("; "), Mark::Plain),
            ]);
        }
    }
    surveys(d, lang, &mut doc);
    if !d.notes.is_empty() {
        doc.blank();
        doc.push(vec![Marked::new(
            lang.pick(
                "Notes on the essay and its figures",
                "エッセイと数値についての注",
            ),
            Mark::Title,
        )]);
    }
    for n in &d.notes {
        doc.blank();
        doc.push(vec![Marked::new(n.title.clone(), Mark::Heading)]);
        if let Some(q) = &n.quote {
            doc.push(vec![
                Marked::new(lang.pick("Essay: ", "エッセイ: "), Mark::Meta),
                Marked::new(format!("“{q}”"), Mark::Quote),
            ]);
        }
        doc.push(vec![Marked::new(n.text.clone(), Mark::Plain)]);
        doc.push(sources_line(&n.sources, lang));
    }
    doc
}

/// "Sources: ict-2013, the essay", for a note, a survey or a break.
fn sources_line(ids: &[CleanString], lang: Lang) -> MarkedLine {
    let ids = cited(ids, lang);
    vec![Marked::new(
        tr!(lang, "Sources: {ids}", "出典: {ids}"),
        Mark::Meta,
    )]
}

/// Every survey, with who was asked, when and how, then every break in
/// method with what it means for a comparison across it.
fn surveys(d: &Dataset, lang: Lang, doc: &mut Doc) {
    if d.surveys.is_empty() {
        return;
    }
    doc.blank();
    let n = d.surveys.len();
    doc.push(vec![Marked::new(
        tr!(lang, "Surveys ({n})", "調査（{n}）"),
        Mark::Title,
    )]);
    for s in &d.surveys {
        doc.blank();
        let mut facts: Vec<String> = Vec::new();
        if let Some(month) = &s.month {
            facts.push(tr!(lang, "asked {month}", "{month}に実施"));
        }
        if let Some(n) = s.sample_size {
            facts.push(format!("n={}", format::thousands(n)));
        }
        if let Some(p) = &s.population {
            facts.push(p.get(lang).to_string());
        }
        if let Some(def) = &s.definition {
            let def = def.get(lang);
            facts.push(tr!(lang, "counts {def}", "数えるのは{def}"));
        }
        doc.push(vec![Marked::new(s.name.get(lang), Mark::Heading)]);
        if !facts.is_empty() {
            doc.push(vec![Marked::new(facts.join(" · "), Mark::Plain)]);
        }
        doc.push(sources_line(&s.sources, lang));
    }
    if d.breaks.is_empty() {
        return;
    }
    doc.blank();
    doc.push(vec![Marked::new(
        lang.pick("Breaks in method", "方法の変更"),
        Mark::Title,
    )]);
    for b in &d.breaks {
        doc.blank();
        let from = d
            .survey(&b.from)
            .map_or(b.from.as_str(), |s| s.name.get(lang));
        doc.push(vec![
            Marked::new(b.title.get(lang), Mark::Heading),
            Marked::new(tr!(lang, " (from {from})", "（{from}から）"), Mark::Meta),
        ]);
        doc.push(vec![Marked::new(b.text.get(lang), Mark::Plain)]);
        doc.push(sources_line(&b.sources, lang));
    }
}

/// Source ids as a note lists them, the essay by name.
fn cited(ids: &[CleanString], lang: Lang) -> String {
    ids.iter()
        .map(|id| {
            if id == ESSAY_SOURCE {
                lang.pick("the essay", "エッセイ")
            } else {
                id
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What each source is cited for, in words: series years, then tables,
/// surveys and breaks. One walk over every citation, however many sources
/// there are.
fn citations(d: &Dataset, lang: Lang) -> HashMap<&str, Vec<String>> {
    let mut uses: HashMap<&str, Vec<String>> = HashMap::default();
    for series in &d.growth.series {
        let mut years: HashMap<&str, Vec<String>> = HashMap::default();
        for p in &series.points {
            for id in &p.sources {
                let list = years.entry(id).or_default();
                let year = p.year.to_string();
                // A point that cites a source twice is one use of it.
                if list.last() != Some(&year) {
                    list.push(year);
                }
            }
        }
        let label = short_label(series, lang);
        let label = lang.pick(label.to_lowercase(), label.to_string());
        for (id, years) in years {
            let years = listing(&years);
            let used = tr!(
                lang,
                "SNS users {years} ({label})",
                "SNS利用者 {years}年（{label}）"
            );
            uses.entry(id).or_default().push(used);
        }
    }
    for t in &d.rankings {
        let mut rows: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, r) in t.rows.iter().enumerate() {
            for id in &r.sources {
                let list = rows.entry(id).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        for (id, rows) in rows {
            let title = t.title.get(lang);
            let used = if rows.len() == t.rows.len() {
                tr!(lang, "the table {title}", "表「{title}」")
            } else {
                let names: Vec<String> = rows
                    .iter()
                    .map(|&i| lang.row_name(d, &t.rows[i]).to_string())
                    .collect();
                let names = listing(&names);
                tr!(lang, "the table {title}: {names}", "表「{title}」: {names}")
            };
            uses.entry(id).or_default().push(used);
        }
    }
    for s in &d.surveys {
        for id in &s.sources {
            let name = s.name.get(lang);
            uses.entry(id)
                .or_default()
                .push(tr!(lang, "the survey {name}", "調査「{name}」"));
        }
    }
    for b in &d.breaks {
        for id in &b.sources {
            let title = b.title.get(lang);
            uses.entry(id).or_default().push(tr!(
                lang,
                "the break {title}",
                "方法の変更「{title}」"
            ));
        }
    }
    for n in &d.notes {
        for id in &n.sources {
            let title = &n.title;
            uses.entry(id)
                .or_default()
                .push(tr!(lang, "the note {title}", "注「{title}」"));
        }
    }
    uses
}
