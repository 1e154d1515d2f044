//! What leaves the app: `e`'s file of the view as shown, and `y` and `Y`
//! through the terminal's clipboard (OSC 52).

use super::App;
use crate::action::Effect;
use crate::cite;
use crate::export::{self, Format, Table};
use crate::report::{self, Section};
use crate::tab::Tab;
use crate::tr;

/// The most text `Y` sends: terminals cap what OSC 52 carries (xterm at
/// 100,000 bytes of base64 by default), and this much encodes to less.
pub const COPY_LIMIT: usize = 74_000;

/// Wide enough that no paragraph of a copied text is broken.
const UNWRAPPED: usize = 1_000_000;

impl App {
    /// The table of the current view as shown (Growth's series on the
    /// chart; the Rankings page's rows filtered and in the sort's order),
    /// with a file stem and what it holds in words; None where the view
    /// is no table.
    fn view_table(&self) -> Option<(String, Table, String)> {
        let (d, lang) = (&*self.data, self.lang);
        match self.tab {
            Tab::Growth if self.growth.table_row().is_some() => {
                let what = lang.pick(
                    "every report's figure, as the table",
                    "報告ごとの数値（表のとおり）",
                );
                Some((
                    "sns-tui-ledger".to_string(),
                    export::ledger(d),
                    what.to_string(),
                ))
            }
            Tab::Trends => {
                let f = self.trends.family()?;
                let stem = format!("sns-tui-trends-{}", f.id);
                let label = f.label(lang);
                let what = tr!(lang, "every {label} usage rate", "{label}のすべての利用率");
                Some((stem, export::trends(d, f, lang), what))
            }
            Tab::Growth => {
                let shown = self.growth.shown(d);
                let what = if shown.len() > 1 {
                    lang.pick("every series on the chart", "グラフのすべての系列")
                } else {
                    lang.pick("the essay's figures", "エッセイの数値")
                };
                let table = export::growth(d, shown);
                Some(("sns-tui-growth".to_string(), table, what.to_string()))
            }
            Tab::Rankings => {
                let page = self.rankings.current();
                let stem = format!("sns-tui-rankings-{}", d.rankings[page.main].id);
                let table = export::rankings(d, &self.rankings.shown_rows(), lang);
                let how = self.rankings.describe_view(lang);
                let what = tr!(lang, "the rows shown, {how}", "表示中の行（{how}）");
                Some((stem, table, what))
            }
            Tab::Essay | Tab::Sources => None,
        }
    }

    /// `e`: the view as shown, as CSV for a new file; on a view that is no
    /// table, what to do instead.
    pub(super) fn export(&mut self) -> Option<Effect> {
        let Some((stem, table, what)) = self.view_table() else {
            // The command's own word for the view, in either language.
            let view = match self.tab {
                Tab::Essay => "essay",
                _ => "sources",
            };
            self.status = Some(tr!(
                self.lang,
                "no table here: run sns-tui print {view}, or Y copies it",
                "表はない: sns-tui print {view} を実行するか Y でコピー"
            ));
            return None;
        };
        self.written_what = what;
        let contents = format!("{}{}", export::BOM, table.render(Format::Csv));
        Some(Effect::Write { stem, contents })
    }

    /// What came of `e`'s file: where it went and what it holds, or why not.
    pub(super) fn written(&mut self, result: Result<std::path::PathBuf, String>) {
        self.status = Some(match result {
            Ok(path) => {
                let (path, what) = (path.display(), &self.written_what);
                tr!(
                    self.lang,
                    "wrote {path}: {what}",
                    "{path} に書き出した: {what}"
                )
            }
            Err(e) => e,
        });
    }

    /// `y`: the selected figure with its citation.
    pub(super) fn copy_figure(&mut self) -> Option<Effect> {
        let Some(figure) = self.selected_figure() else {
            self.status = Some(
                self.lang
                    .pick(
                        "no figure is selected here: Y copies the whole view",
                        "ここで選ばれた数値はない: Y で画面全体をコピー",
                    )
                    .to_string(),
            );
            return None;
        };
        let text = cite::citation(&self.data, self.lang, &figure);
        self.copy(text)
    }

    /// `Y`: the whole view as Markdown: a table as a table; the essay and
    /// the sources under their heading, a paragraph a line; the trends,
    /// drawn in columns, as a block that keeps them.
    pub(super) fn copy_view(&mut self) -> Option<Effect> {
        let lang = self.lang;
        let text = match self.view_table() {
            Some((_, table, _)) => table.render(Format::Markdown),
            None => {
                let section = match self.tab {
                    Tab::Essay => Section::Essay,
                    _ => Section::Sources,
                };
                let body = report::print(&self.data, &[section], UNWRAPPED, lang);
                format!("# {}\n\n{body}", section.title(lang))
            }
        };
        self.copy(text)
    }

    /// Sends `text` to the terminal's clipboard, unless copying is off or
    /// it is more than terminals take; says which.
    fn copy(&mut self, text: String) -> Option<Effect> {
        let lang = self.lang;
        if !self.clipboard {
            self.status = Some(
                lang.pick(
                    "copying is off (--no-clipboard)",
                    "コピーは無効（--no-clipboard）",
                )
                .to_string(),
            );
            return None;
        }
        let (size, limit) = (text.len().div_ceil(1000), COPY_LIMIT / 1000);
        if text.len() > COPY_LIMIT {
            let instead = match self.tab {
                Tab::Growth | Tab::Rankings => "e".to_string(),
                Tab::Essay => "sns-tui print essay".to_string(),
                Tab::Sources => "sns-tui print sources".to_string(),
                Tab::Trends => "sns-tui print trends".to_string(),
            };
            self.status = Some(tr!(
                lang,
                "not copied: {size} KB, terminals take {limit} KB; {instead} writes it",
                "コピーしなかった: {size} KB（端末は {limit} KB まで）。{instead} で書き出す"
            ));
            return None;
        }
        let n = text.chars().count();
        self.status = Some(tr!(
            lang,
            "sent {n} characters to the terminal's clipboard (OSC 52: ? lists where)",
            "{n}文字を端末のクリップボードへ送った（OSC 52: 対応は ? に）"
        ));
        Some(Effect::Copy(text))
    }
}
