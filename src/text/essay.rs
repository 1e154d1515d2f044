use super::{Doc, Mark, Marker, Span};
use crate::dataset::Dataset;

/// The essay as the Essay tab shows it: its heading, then each paragraph
/// with platform names and figures marked.
pub fn essay_doc(d: &Dataset) -> Doc {
    let e = &d.essay;
    let mut doc = Doc::default();
    doc.push(vec![Span::new(e.title.clone(), Mark::Title)]);
    doc.push(vec![Span::new(format!("by {}", e.author), Mark::Meta)]);
    doc.push(vec![Span::new(
        format!("{} · {}", e.date, e.byline),
        Mark::Meta,
    )]);
    let blog = match &e.site {
        Some(site) => format!("{} ({site})", e.blog),
        None => e.blog.clone(),
    };
    doc.push(vec![Span::new(blog, Mark::Meta)]);
    let names: Vec<&str> = d.platforms.iter().map(|p| p.name.as_str()).collect();
    let marker = Marker::new(&names, &e.paragraphs);
    for para in &e.paragraphs {
        doc.blank();
        doc.push(marker.mark(para));
    }
    doc
}
