use super::{Doc, Mark, Marked, MarkedLine, Marker};
use crate::dataset::Dataset;
use crate::lang::Lang;
use crate::tr;

/// The essay as the Essay tab shows it: its heading, then each paragraph
/// with platform names and figures marked.
pub fn essay_doc(d: &Dataset, lang: Lang) -> Doc {
    Doc {
        paras: essay_paras(d, lang).collect(),
    }
}

/// The paragraphs of [`essay_doc`], one at a time: a print can write each
/// and let it go, where a whole document of millions of short paragraphs
/// would hold many times the file.
pub fn essay_paras(d: &Dataset, lang: Lang) -> impl Iterator<Item = MarkedLine> + '_ {
    let e = &d.essay;
    let blog = match &e.site {
        Some(site) => format!("{} ({site})", e.blog),
        None => e.blog.to_string(),
    };
    let heading = [
        vec![Marked::new(e.title.clone(), Mark::Title)],
        vec![Marked::new(
            {
                let author = &e.author;
                tr!(lang, "by {author}", "著者: {author}")
            },
            Mark::Meta,
        )],
        vec![Marked::new(
            format!("{} · {}", e.date, e.byline),
            Mark::Meta,
        )],
        vec![Marked::new(blog, Mark::Meta)],
    ];
    let names: Vec<&str> = d.platforms.iter().map(|p| p.name.as_str()).collect();
    let marker = Marker::new(&names, &e.paragraphs);
    // The essay's lost chart is drawn under its caption.
    let body = e.paragraphs.iter().flat_map(move |para| {
        let chart = super::lost_chart::under(d, lang, para);
        [Vec::new(), marker.mark(para)].into_iter().chain(chart)
    });
    heading.into_iter().chain(body)
}
