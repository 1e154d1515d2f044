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
                listing(&years),
                short_label(series).to_lowercase()
            ));
        }
    }
    for t in &d.rankings {
        let rows: Vec<String> = t
            .rows
            .iter()
            .filter(|r| cites(&r.sources))
            .map(|r| d.platform_name(&r.platform).to_string())
            .collect();
        if rows.len() == t.rows.len() {
            uses.push(format!("the table {}", t.title));
        } else if !rows.is_empty() {
            uses.push(format!("the table {}: {}", t.title, listing(&rows)));
        }
    }
    uses
}

/// How many items a listing names before it counts the rest.
const LISTED: usize = 12;

/// The items joined, or past [`LISTED`] items the first ones and a count
/// of the rest: "1, 2, … 12 and 88 more".
fn listing(items: &[String]) -> String {
    if items.len() <= LISTED {
        return items.join(", ");
    }
    format!(
        "{} and {} more",
        items[..LISTED].join(", "),
        items.len() - LISTED
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_listings_are_counted_not_spelled_out() {
        let few: Vec<String> = (1..=3).map(|i| i.to_string()).collect();
        assert_eq!(listing(&few), "1, 2, 3");
        let many: Vec<String> = (1..=100).map(|i| i.to_string()).collect();
        assert_eq!(
            listing(&many),
            "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 88 more"
        );
    }
}
