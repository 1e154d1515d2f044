//! A figure with its citation, as `y` copies it: what it is, its value,
//! every source with publisher, title, date and address, and the essay's
//! words where it has them.

use crate::dataset::{CleanString, Dataset};
use crate::lang::Lang;
use crate::tr;

/// The figure selected in a view, and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it is a figure of: "2015, as the essay saw it".
    pub what: String,
    /// The value with its unit and kind; None where no figure was
    /// published (a gap).
    pub value: Option<String>,
    pub quote: Option<CleanString>,
    pub sources: Vec<CleanString>,
}

/// The figure's citation as plain text, a line each: the figure, each
/// source, the essay's words.
pub fn citation(d: &Dataset, lang: Lang, f: &Figure) -> String {
    let what = &f.what;
    let mut out = match &f.value {
        Some(v) => format!("{what}: {v}\n"),
        None => tr!(
            lang,
            "{what}: no figure published\n",
            "{what}: 数値の公表なし\n"
        ),
    };
    for id in &f.sources {
        let line = match d.source(id) {
            Some(s) => {
                let (publisher, title, date) = (&s.publisher, &s.title, &s.date);
                let urls = s
                    .urls
                    .iter()
                    .map(|u| u.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                tr!(
                    lang,
                    "Source: {publisher}, “{title}”, {date}, {urls}",
                    "出典: {publisher}「{title}」{date} {urls}"
                )
            }
            None => tr!(lang, "Source: {id}", "出典: {id}"),
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(q) = &f.quote {
        let essay = &d.essay.title;
        out.push_str(&tr!(
            lang,
            "In the essay “{essay}”: “{q}”\n",
            "エッセイ「{essay}」: “{q}”\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_names_the_figure_every_source_and_the_essays_words() {
        let d = crate::dataset::load(None).unwrap().dataset;
        let f = Figure {
            what: "2015, as the essay saw it".into(),
            value: Some("63.21 M SNS users, projection".into()),
            quote: Some(CleanString::from("it projects")),
            sources: vec![CleanString::from("ict-2013")],
        };
        let text = citation(&d, Lang::En, &f);
        let source = d.source("ict-2013").unwrap();
        assert!(text.starts_with("2015, as the essay saw it: 63.21 M SNS users, projection\n"));
        assert!(
            text.contains(&format!("Source: {}", source.publisher)),
            "{text}"
        );
        assert!(text.contains(source.date.as_str()), "{text}");
        assert!(text.contains(source.urls[0].as_str()), "{text}");
        assert!(text.ends_with("“it projects”\n"), "{text}");
        let gap = Figure {
            value: None,
            quote: None,
            sources: vec![],
            ..f
        };
        assert_eq!(
            citation(&d, Lang::Ja, &gap),
            "2015, as the essay saw it: 数値の公表なし\n"
        );
    }
}
