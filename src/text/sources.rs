use super::{Doc, Mark, Span};
use crate::dataset::Dataset;
use crate::tabs::growth::short_label;

/// The Sources tab: every source with what it is cited for, then the notes
/// on where the essay and its sources differ.
pub fn sources_doc(d: &Dataset) -> Doc {
    let mut doc = Doc::default();
    doc.push(vec![Span::new(
        format!("Sources ({})", d.sources.len()),
        Mark::Title,
    )]);
    for s in &d.sources {
        doc.blank();
        doc.push(vec![
            Span::new(format!("[{}] ", s.id), Mark::Heading),
            Span::new(s.publisher.clone(), Mark::Heading),
            Span::new(format!(", {}", s.date), Mark::Meta),
        ]);
        doc.push(vec![Span::new(s.title.clone(), Mark::Plain)]);
        for url in &s.urls {
            doc.push(vec![Span::new(url.clone(), Mark::Link)]);
        }
        let uses = cited_for(d, &s.id);
        if !uses.is_empty() {
            doc.push(vec![
                Span::new("Cited for: ", Mark::Meta),
                Span::new(uses.join("; "), Mark::Plain),
            ]);
        }
    }
    if !d.notes.is_empty() {
        doc.blank();
        doc.push(vec![Span::new(
            "Notes: where the essay and its sources differ",
            Mark::Title,
        )]);
    }
    for n in &d.notes {
        doc.blank();
        doc.push(vec![Span::new(n.title.clone(), Mark::Heading)]);
        if let Some(q) = &n.quote {
            doc.push(vec![
                Span::new("Essay: ", Mark::Meta),
                Span::new(format!("“{q}”"), Mark::Quote),
            ]);
        }
        doc.push(vec![Span::new(n.text.clone(), Mark::Plain)]);
        doc.push(vec![Span::new(
            format!("Sources: {}", n.sources.join(", ")),
            Mark::Meta,
        )]);
    }
    doc
}

/// What a source is cited for, in words: series years, then tables.
fn cited_for(d: &Dataset, id: &str) -> Vec<String> {
    let cites = |sources: &[String]| sources.iter().any(|s| s == id);
    let mut uses = Vec::new();
    for series in &d.growth.series {
        let years: Vec<String> = series
            .points
            .iter()
            .filter(|p| cites(&p.sources))
            .map(|p| p.year.to_string())
            .collect();
        if !years.is_empty() {
            uses.push(format!(
                "SNS users {} ({})",
                years.join(", "),
                short_label(series).to_lowercase()
            ));
        }
    }
    for t in &d.rankings {
        let rows: Vec<&str> = t
            .rows
            .iter()
            .filter(|r| cites(&r.sources))
            .map(|r| d.platform_name(&r.platform))
            .collect();
        if rows.len() == t.rows.len() {
            uses.push(format!("the table {}", t.title));
        } else if !rows.is_empty() {
            uses.push(format!("the table {}: {}", t.title, rows.join(", ")));
        }
    }
    uses
}
