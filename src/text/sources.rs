use rustc_hash::FxHashMap as HashMap;

use super::{Doc, Mark, Marked};
use crate::dataset::{CleanString, Dataset, ESSAY_SOURCE};
use crate::format::{self, listing};
use crate::lang::Lang;
use crate::series::short_label;

/// The Sources tab: every source with what it is cited for, the surveys and
/// the breaks in their methods, then the notes on the essay and its figures.
pub fn sources_doc(d: &Dataset) -> Doc {
    let mut doc = Doc::default();
    doc.push(vec![Marked::new(
        format!("Sources ({})", d.sources.len()),
        Mark::Title,
    )]);
    let mut uses = citations(d);
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
                Marked::new("Cited for: ", Mark::Meta),
                Marked::new(uses.join("; "), Mark::Plain),
            ]);
        }
    }
    surveys(d, &mut doc);
    if !d.notes.is_empty() {
        doc.blank();
        doc.push(vec![Marked::new(
            "Notes on the essay and its figures",
            Mark::Title,
        )]);
    }
    for n in &d.notes {
        doc.blank();
        doc.push(vec![Marked::new(n.title.clone(), Mark::Heading)]);
        if let Some(q) = &n.quote {
            doc.push(vec![
                Marked::new("Essay: ", Mark::Meta),
                Marked::new(format!("“{q}”"), Mark::Quote),
            ]);
        }
        doc.push(vec![Marked::new(n.text.clone(), Mark::Plain)]);
        doc.push(vec![Marked::new(
            format!("Sources: {}", cited(&n.sources)),
            Mark::Meta,
        )]);
    }
    doc
}

/// Every survey, with who was asked, when and how, then every break in
/// method with what it means for a comparison across it.
fn surveys(d: &Dataset, doc: &mut Doc) {
    if d.surveys.is_empty() {
        return;
    }
    doc.blank();
    doc.push(vec![Marked::new(
        format!("Surveys ({})", d.surveys.len()),
        Mark::Title,
    )]);
    for s in &d.surveys {
        doc.blank();
        let mut facts: Vec<String> = Vec::new();
        if let Some(month) = &s.month {
            facts.push(format!("asked {month}"));
        }
        if let Some(n) = s.sample_size {
            facts.push(format!("n={}", format::thousands(n)));
        }
        if let Some(p) = &s.population {
            facts.push(p.en.to_string());
        }
        if let Some(def) = &s.definition {
            facts.push(format!("counts {def}"));
        }
        doc.push(vec![Marked::new(s.name.en.clone(), Mark::Heading)]);
        if !facts.is_empty() {
            doc.push(vec![Marked::new(facts.join(" · "), Mark::Plain)]);
        }
        doc.push(vec![Marked::new(
            format!("Sources: {}", cited(&s.sources)),
            Mark::Meta,
        )]);
    }
    if d.breaks.is_empty() {
        return;
    }
    doc.blank();
    doc.push(vec![Marked::new("Breaks in method", Mark::Title)]);
    for b in &d.breaks {
        doc.blank();
        let from = d
            .survey(&b.from)
            .map_or(b.from.as_str(), |s| s.name.en.as_str());
        doc.push(vec![
            Marked::new(b.title.en.clone(), Mark::Heading),
            Marked::new(format!(" (from {from})"), Mark::Meta),
        ]);
        doc.push(vec![Marked::new(b.text.en.clone(), Mark::Plain)]);
        doc.push(vec![Marked::new(
            format!("Sources: {}", cited(&b.sources)),
            Mark::Meta,
        )]);
    }
}

/// Source ids as a note lists them, the essay by name.
fn cited(ids: &[CleanString]) -> String {
    ids.iter()
        .map(|id| if id == ESSAY_SOURCE { "the essay" } else { id })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What each source is cited for, in words: series years, then tables,
/// surveys and breaks. One walk over every citation, however many sources
/// there are.
fn citations(d: &Dataset) -> HashMap<&str, Vec<String>> {
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
        let label = short_label(series, Lang::En).to_lowercase();
        for (id, years) in years {
            let used = format!("SNS users {} ({label})", listing(&years));
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
            let used = if rows.len() == t.rows.len() {
                format!("the table {}", t.title)
            } else {
                let names: Vec<String> = rows
                    .iter()
                    .map(|&i| d.platform_name(&t.rows[i].platform).to_string())
                    .collect();
                format!("the table {}: {}", t.title, listing(&names))
            };
            uses.entry(id).or_default().push(used);
        }
    }
    for s in &d.surveys {
        for id in &s.sources {
            uses.entry(id)
                .or_default()
                .push(format!("the survey {}", s.name));
        }
    }
    for b in &d.breaks {
        for id in &b.sources {
            uses.entry(id)
                .or_default()
                .push(format!("the break {}", b.title));
        }
    }
    for n in &d.notes {
        for id in &n.sources {
            uses.entry(id)
                .or_default()
                .push(format!("the note {}", n.title));
        }
    }
    uses
}
