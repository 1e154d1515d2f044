//! A [`Table`] written as CSV, Markdown or JSON, its cells made safe for
//! the program that opens each.

use serde_json::{Map, Value};

use super::{Format, Table};
use crate::format;

/// A cell as text: nothing for an absent figure, numbers as the sources give
/// them, a list's items separated by spaces.
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(" "),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().map(format::value).unwrap_or_default(),
        },
        other => other.to_string(),
    }
}

/// A CSV cell a spreadsheet cannot take for a formula: one that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, as
/// OWASP advises against CSV injection. A negative number keeps its sign
/// and stays a number: a minus sign starts a formula only in what is not one.
fn inert(cell: String) -> String {
    let number = || cell.parse::<f64>().is_ok_and(f64::is_finite);
    let formula =
        cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && !number());
    if formula { format!("'{cell}") } else { cell }
}

/// A Markdown table cell that shows its text and nothing else: `<`, `>` and
/// `&` as HTML entities, so that no tag or entity survives, and a backslash
/// before each character that could end the cell or start a link, code,
/// emphasis, strikethrough or math; `!` only before `[`, where it would
/// start an image, since elsewhere it is plain punctuation.
fn markdown_cell(text: &str) -> String {
    if let Some(links) = autolinks(text) {
        return links;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '[' | ']' | '(' | ')' | '`' | '*' | '_' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '!' if chars.peek() == Some(&'[') => out.push_str("\\!"),
            c => out.push(c),
        }
    }
    out
}

/// A cell of web addresses only, each as an autolink (`<https://…>`):
/// inside one, nothing is markup and no backslash is read, so the address
/// stays whole and followable. None where any word is not such an address,
/// or holds what would end the link or the cell.
fn autolinks(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let plain = |w: &&str| {
        (w.starts_with("https://") || w.starts_with("http://"))
            && !w.contains(|c: char| c == '<' || c == '>' || c == '|' || c.is_whitespace())
    };
    (!text.is_empty() && words.iter().all(plain)).then(|| {
        words
            .iter()
            .map(|w| format!("<{w}>"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

impl Table {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Csv => self.csv(),
            Format::Markdown => self.markdown(),
            Format::Json => self.json(),
        }
    }

    fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        let _ = w.write_record(&self.columns);
        for row in &self.rows {
            let _ = w.write_record(row.iter().map(|v| inert(text(v))));
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    fn markdown(&self) -> String {
        let cell = |v: &Value| markdown_cell(&text(v));
        let mut out = format!(
            "| {} |\n|{}\n",
            self.columns.join(" | "),
            "---|".repeat(self.columns.len())
        );
        for row in &self.rows {
            out.push_str(&format!(
                "| {} |\n",
                row.iter().map(cell).collect::<Vec<_>>().join(" | ")
            ));
        }
        out
    }

    fn json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                Value::Object(
                    self.columns
                        .iter()
                        .map(|c| c.to_string())
                        .zip(row.iter().cloned())
                        .collect::<Map<_, _>>(),
                )
            })
            .collect();
        format!(
            "{}\n",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        )
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A one-column table of `cells`, as an export writes it.
    fn one_column(cells: Vec<Value>, format: Format) -> String {
        let rows = cells.into_iter().map(|c| vec![c]).collect();
        Table {
            columns: vec!["cell"],
            rows,
        }
        .render(format)
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_text() {
        let csv = one_column(
            vec![
                json!("=HYPERLINK(\"http://evil.example\",\"x\")"),
                json!("+49 30 1234"),
                json!("-2+3"),
                json!("@SUM(A1:A9)"),
                json!("\tx"),
                json!("\rx"),
                json!("-3.5"),
                json!(-3.5),
                json!("1+1"),
                json!("ICT総研"),
            ],
            Format::Csv,
        );
        assert_eq!(
            csv,
            "cell\n\
             \"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\n\
             '+49 30 1234\n\
             '-2+3\n\
             '@SUM(A1:A9)\n\
             '\tx\n\
             \"'\rx\"\n\
             -3.5\n\
             -3.5\n\
             1+1\n\
             ICT総研\n"
        );
    }

    #[test]
    fn markdown_cells_show_their_text_and_never_become_markup() {
        let md = one_column(
            vec![
                json!("<img src=x onerror=alert(1)>&amp;"),
                json!("![x](http://evil.example/x.png) [click](javascript:alert(1))"),
                json!("`code` **bold** _em_ ~~gone~~ $x^2$"),
                json!("a|b \\| c\\"),
                json!("Wow! ICT総研"),
                json!("https://ictr.co.jp/report/20130530_601545.html https://x.example/a_b"),
                json!("https://x.example/a|b <https://y.example>"),
                json!("https://x.example/a|b"),
                json!("https://x.example/a<b"),
                json!("https://x.example/a>b"),
            ],
            Format::Markdown,
        );
        assert_eq!(
            md,
            "| cell |\n|---|\n\
             | &lt;img src=x onerror=alert\\(1\\)&gt;&amp;amp; |\n\
             | \\!\\[x\\]\\(http://evil.example/x.png\\) \\[click\\]\\(javascript:alert\\(1\\)\\) |\n\
             | \\`code\\` \\*\\*bold\\*\\* \\_em\\_ \\~\\~gone\\~\\~ \\$x^2\\$ |\n\
             | a\\|b \\\\\\| c\\\\ |\n\
             | Wow! ICT総研 |\n\
             | <https://ictr.co.jp/report/20130530_601545.html> <https://x.example/a_b> |\n\
             | https://x.example/a\\|b &lt;https://y.example&gt; |\n\
             | https://x.example/a\\|b |\n\
             | https://x.example/a&lt;b |\n\
             | https://x.example/a&gt;b |\n"
        );
    }
}
