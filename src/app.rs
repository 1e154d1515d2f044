//! The application state and `App::apply`, the only place it changes.
//! Rendering reads it; input becomes an [`Action`] first.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::dataset::{Dataset, clean_text};
use crate::export;
use crate::keymap::Scope;
use crate::lang::Lang;
use crate::tabs::Tab;
use crate::tabs::growth::{GrowthView, point, short_label};
use crate::tabs::rankings::RankingsView;
use crate::tabs::text::TextView;
use crate::text::{essay_doc, sources_doc};
use crate::ui;
use crate::ui::theme::Theme;
use crate::work::{Done, Progress, Report, Worker};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    ShowTab(Tab),
    ToggleHelp,
    CloseHelp,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    ToggleLater,
    /// Growth: SNS users in millions, or as a share of internet users.
    ToggleMeasure,
    /// Growth: the selected year's detail in full over the chart, or back
    /// under it.
    ToggleDetail,
    /// Growth: the detail back under the chart.
    CloseDetail,
    /// Writes the current Growth or Rankings view as CSV to a new file.
    Export,
    NextTable,
    /// Rankings: sort by the next column or direction.
    NextSort,
    /// Opens the search prompt (Essay, Sources) or the filter (Rankings).
    StartSearch,
    /// A character typed at the prompt.
    Type(char),
    Erase,
    /// Leaves the prompt, keeping what it found.
    Submit,
    /// Leaves the prompt and clears the search or filter.
    CancelSearch,
    NextMatch,
    PrevMatch,
    /// Growth, Rankings: where the selected figure comes from: the essay's
    /// words on the Essay tab, or else its source on the Sources tab.
    Provenance,
    /// Back to the tab a provenance jump came from.
    Back,
    /// English or Japanese names and labels.
    ToggleLang,
    /// A left click at a column and row of the screen.
    Click(u16, u16),
    /// The mouse wheel: negative up, positive down.
    Wheel(i8),
    PrevTable,
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
}

/// What changes the app: an action, text pasted, or word from the work
/// under way.
#[derive(Debug)]
pub enum Update {
    Act(Action),
    /// Text pasted in one piece (the terminal's bracketed paste): at a
    /// search prompt, or to start one, it is one search, not a key each.
    Paste(String),
    Progress(Progress),
    Done(Done),
}

impl From<Action> for Update {
    fn from(action: Action) -> Self {
        Update::Act(action)
    }
}

impl From<Report> for Update {
    fn from(report: Report) -> Self {
        match report {
            Report::Progress(p) => Update::Progress(p),
            Report::Done(done) => Update::Done(done),
        }
    }
}

pub struct App {
    /// Shared with the work that builds the texts.
    pub data: Arc<Dataset>,
    pub theme: Theme,
    pub tab: Tab,
    /// The help popup's scroll offset, when it is open.
    pub help: Option<usize>,
    pub size: Rect,
    pub growth: GrowthView,
    pub rankings: RankingsView,
    pub essay: TextView,
    pub sources: TextView,
    /// A message for the footer, until the next key.
    pub status: Option<String>,
    /// What is being typed at the search prompt, while it is open.
    pub prompt: Option<String>,
    /// The tab a provenance jump came from.
    pub back: Option<Tab>,
    /// The tab shown before this one: Esc goes back to it from a text
    /// still being wrapped.
    pub before: Tab,
    pub lang: Lang,
    /// Where `e` writes its CSV files.
    pub export_dir: PathBuf,
    pub running: bool,
    /// Where building, wrapping and searching the texts runs.
    pub worker: Worker,
}

impl App {
    /// An app for a dataset as [`crate::dataset::load`] returns it
    /// (validated and prepared), laid out for an 80x24 terminal until told
    /// its real size.
    pub fn new(data: Dataset, theme: Theme) -> Self {
        let mut app = App {
            growth: GrowthView::new(&data),
            rankings: RankingsView::new(&data),
            essay: TextView::new(Tab::Essay, essay_doc),
            sources: TextView::new(Tab::Sources, sources_doc),
            data: Arc::new(data),
            theme,
            tab: Tab::Growth,
            help: None,
            size: Rect::default(),
            status: None,
            prompt: None,
            back: None,
            before: Tab::Growth,
            lang: Lang::En,
            export_dir: PathBuf::from("."),
            running: true,
            worker: Worker::Inline,
        };
        app.apply(Action::Resize(80, 24));
        app
    }

    pub fn scopes(&self) -> Vec<Scope> {
        if self.prompt.is_some() {
            return vec![Scope::Prompt];
        }
        Scope::active(self.tab, self.help.is_some())
    }

    /// Whether work runs that the screen should show the progress of.
    pub fn busy(&self) -> bool {
        self.essay.busy() || self.sources.busy()
    }

    pub fn apply(&mut self, update: impl Into<Update>) {
        match update.into() {
            Update::Act(action) => self.act(action),
            Update::Paste(text) => self.paste(&text),
            Update::Progress(p) => self.text_view(p.view).progress(p),
            Update::Done(done) => {
                let view = done.view;
                self.text_view(view).finish(done);
            }
        }
        self.start_work();
    }

    /// The Essay or Sources view (Sources for any other tab).
    fn text_view(&mut self, tab: Tab) -> &mut TextView {
        if tab == Tab::Essay {
            &mut self.essay
        } else {
            &mut self.sources
        }
    }

    /// Starts what the text views need done: on the worker thread, or here
    /// and now, one job after another.
    fn start_work(&mut self) {
        for tab in [Tab::Essay, Tab::Sources] {
            let shown = self.tab == tab;
            let data = Arc::clone(&self.data);
            while let Some(job) = self.text_view(tab).next_job(&data, shown) {
                match &self.worker {
                    Worker::Inline => self.text_view(tab).finish(job.run_now()),
                    Worker::Thread(jobs) => {
                        // A worker gone has panicked, and the panic ends the app.
                        let _ = jobs.send(job);
                        break;
                    }
                }
            }
        }
    }

    fn act(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.status = None;
        }
        match action {
            Action::Quit => self.running = false,
            Action::NextTab => self.show(self.tab.cycle(1)),
            Action::PrevTab => self.show(self.tab.cycle(-1)),
            Action::ShowTab(tab) => self.show(tab),
            Action::ToggleHelp => self.help = if self.help.is_some() { None } else { Some(0) },
            Action::CloseHelp => self.help = None,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Export => self.export(),
            Action::StartSearch => self.prompt = Some(self.query().unwrap_or_default().to_string()),
            Action::Type(c) => self.edit_prompt(|q| q.push(c)),
            Action::Erase => self.edit_prompt(|q| {
                q.pop();
            }),
            Action::Submit => self.prompt = None,
            Action::Provenance => self.provenance(),
            Action::ToggleLang => self.set_lang(self.lang.toggle()),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(n) if self.help.is_some() => {
                let step = if n < 0 { Action::Up } else { Action::Down };
                self.scroll_help(step);
            }
            Action::Wheel(n) => self.wheel(isize::from(n)),
            Action::Back => {
                if let Some(tab) = self.back.take() {
                    self.show(tab);
                }
            }
            Action::CancelSearch => {
                self.prompt = None;
                let text = matches!(self.tab, Tab::Essay | Tab::Sources);
                if text && self.text_view(self.tab).wrapping() {
                    // A text too large to wrap at once: stop, and go back.
                    self.text_view(self.tab).stop();
                    self.show(self.before);
                } else {
                    self.set_query("");
                }
            }
            _ if self.help.is_some() => self.scroll_help(action),
            _ => self.apply_to_tab(action),
        }
    }

    /// Names platforms and labels tabs, tables and the legend in `lang`.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.growth.lang = lang;
        self.rankings.set_lang(&self.data, lang);
    }

    /// The essay's words and sources behind the selected figure.
    fn selected_figure(&self) -> Option<(String, Option<String>, Vec<String>)> {
        let d = &self.data;
        match self.tab {
            Tab::Growth => {
                let year = self.growth.year;
                let (s, p) = self
                    .growth
                    .shown(d)
                    .iter()
                    .find_map(|s| point(s, year).map(|p| (s, p)))?;
                let what = format!("{year}, {}", short_label(s, Lang::En).to_lowercase());
                Some((what, p.quote.clone(), p.sources.clone()))
            }
            Tab::Rankings => {
                let page = self.rankings.current();
                let id = self.rankings.selected_platform();
                let (ti, row) = [page.main]
                    .into_iter()
                    .chain(page.base)
                    .find_map(|ti| Some((ti, d.row_of(ti, id)?)))?;
                let what = format!("{} in {}", d.platform_name(id), d.rankings[ti].title);
                Some((what, row.quote.clone(), row.sources.clone()))
            }
            Tab::Essay | Tab::Sources => None,
        }
    }

    /// The essay's words for the selected figure, or else its source. The
    /// words are found once the essay is ready: a quote is checked at load
    /// to stand in the essay.
    fn provenance(&mut self) {
        let Some((what, quote, sources)) = self.selected_figure() else {
            return;
        };
        let from = self.tab;
        if let Some(q) = quote {
            self.show(Tab::Essay);
            self.essay.show_quote(&q);
            self.back = Some(from);
            self.status = Some(format!("the essay's words for {what}; b goes back"));
            return;
        }
        if let Some(id) = sources.first() {
            self.show(Tab::Sources);
            self.sources.search(&format!("[{id}]"));
            self.back = Some(from);
            self.status = Some(format!(
                "the essay does not state {what}: its source; b goes back"
            ));
        }
    }

    /// A click on a tab's title switches to it; on a year's bars or a
    /// table's row, selects it.
    fn click(&mut self, x: u16, y: u16) {
        if let Some(tab) = ui::tab_at(self.size, self.lang, x, y) {
            self.show(tab);
            return;
        }
        if self.help.is_some() || ui::too_small(self.size) {
            return;
        }
        let body = ui::body_area(self.size);
        match self.tab {
            Tab::Growth => {
                if let Some(year) = self.growth.year_at(&self.data, &self.theme, body, x, y) {
                    self.growth.select(year);
                }
            }
            Tab::Rankings => {
                if let Some(platform) = self.rankings.platform_at(&self.data, body, x, y) {
                    self.rankings.select(&platform);
                }
            }
            Tab::Essay | Tab::Sources => {}
        }
    }

    /// The wheel moves what the arrows move; text three lines a notch.
    fn wheel(&mut self, notches: isize) {
        match self.tab {
            Tab::Growth => self.growth.step(&self.data, notches as i32),
            Tab::Rankings => self.rankings.move_by(notches),
            Tab::Essay => self.essay.scroll_by(3 * notches),
            Tab::Sources => self.sources.scroll_by(3 * notches),
        }
    }

    /// The search of the current tab.
    pub fn query(&self) -> Option<&str> {
        match self.tab {
            Tab::Essay => self.essay.query(),
            Tab::Sources => self.sources.query(),
            Tab::Rankings => Some(self.rankings.filter()).filter(|f| !f.is_empty()),
            Tab::Growth => None,
        }
    }

    /// Searches as the query is typed. The query is cleaned as the data
    /// is, so nothing typed or pasted (a bidi override, a control or
    /// zero-width character) reaches the screen.
    fn edit_prompt(&mut self, edit: impl FnOnce(&mut String)) {
        if let Some(mut q) = self.prompt.take() {
            edit(&mut q);
            let q = clean_text(&q);
            self.set_query(&q);
            self.prompt = Some(q);
        }
    }

    /// Pasted text is one edit of the prompt, which it opens where a
    /// search can start.
    fn paste(&mut self, text: &str) {
        self.status = None;
        if self.prompt.is_none() && self.help.is_none() && self.tab != Tab::Growth {
            self.act(Action::StartSearch);
        }
        self.edit_prompt(|q| q.push_str(text));
    }

    fn set_query(&mut self, q: &str) {
        match self.tab {
            Tab::Essay => self.essay.search(q),
            Tab::Sources => self.sources.search(q),
            Tab::Rankings => self.rankings.set_filter(&self.data, q),
            Tab::Growth => {}
        }
    }

    fn export(&mut self) {
        let (stem, table) = match self.tab {
            Tab::Growth => ("sns-tui-growth".to_string(), export::growth(&self.data)),
            Tab::Rankings => {
                let page = self.rankings.current();
                let tables: Vec<usize> = page.base.into_iter().chain([page.main]).collect();
                let stem = format!("sns-tui-rankings-{}", self.data.rankings[page.main].id);
                (stem, export::rankings(&self.data, &tables))
            }
            Tab::Essay | Tab::Sources => return,
        };
        let csv = format!("{}{}", export::BOM, table.render(export::Format::Csv));
        self.status = Some(
            match export::write_new_file(&self.export_dir, &stem, &csv) {
                Ok(path) => format!("wrote {}", path.display()),
                Err(e) => e.to_string(),
            },
        );
    }

    /// Shows `tab`; a text tab's text is built and wrapped (by
    /// [`App::start_work`]) only when it is on screen.
    fn show(&mut self, tab: Tab) {
        if tab != self.tab {
            self.before = self.tab;
        }
        self.tab = tab;
        self.help = None;
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        let body = ui::body_area(self.size);
        self.essay.resize(body);
        self.sources.resize(body);
        self.growth.scroll_detail(&self.data, &self.theme, body, 0);
        if let Some(scroll) = &mut self.help {
            *scroll = (*scroll).min(ui::help::max_scroll(self.size));
        }
    }

    fn scroll_help(&mut self, action: Action) {
        let max = ui::help::max_scroll(self.size);
        if let Some(scroll) = &mut self.help {
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = (*scroll + 1).min(max),
                _ => {}
            }
        }
    }

    fn apply_to_tab(&mut self, action: Action) {
        let d = &self.data;
        let body = ui::body_area(self.size);
        match self.tab {
            Tab::Growth => match action {
                Action::Up => self.growth.scroll_detail(d, &self.theme, body, -1),
                Action::Down => self.growth.scroll_detail(d, &self.theme, body, 1),
                Action::ToggleDetail => self.growth.toggle_detail(),
                Action::CloseDetail => self.growth.close_detail(),
                Action::Left => self.growth.step(d, -1),
                Action::Right => self.growth.step(d, 1),
                Action::Home => self.growth.first(d),
                Action::End => self.growth.last(d),
                Action::ToggleLater => self.growth.toggle_later(d),
                Action::ToggleMeasure => self.growth.toggle_measure(),
                _ => {}
            },
            Tab::Rankings => match action {
                Action::Up => self.rankings.move_by(-1),
                Action::Down => self.rankings.move_by(1),
                Action::Home => self.rankings.selected = 0,
                Action::End => self.rankings.to_last(),
                Action::NextTable => self.rankings.turn(d, 1),
                Action::PrevTable => self.rankings.turn(d, -1),
                Action::NextSort => self.rankings.next_sort(d),
                _ => {}
            },
            Tab::Essay | Tab::Sources => {
                let view = if self.tab == Tab::Essay {
                    &mut self.essay
                } else {
                    &mut self.sources
                };
                match action {
                    Action::Up => view.scroll_by(-1),
                    Action::Down => view.scroll_by(1),
                    Action::PageUp => view.scroll_by(-view.page()),
                    Action::PageDown => view.scroll_by(view.page()),
                    Action::Home => view.to_top(),
                    Action::End => view.to_bottom(),
                    Action::NextMatch => view.next_match(1),
                    Action::PrevMatch => view.next_match(-1),
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;

    fn app() -> App {
        App::new(dataset::load(None).unwrap().dataset, Theme::mono())
    }

    #[test]
    fn tabs_cycle_both_ways_and_close_help() {
        let mut a = app();
        a.apply(Action::ToggleHelp);
        a.apply(Action::PrevTab);
        assert_eq!(a.tab, Tab::Sources);
        assert_eq!(a.help, None);
        a.apply(Action::NextTab);
        a.apply(Action::NextTab);
        assert_eq!(a.tab, Tab::Rankings);
        a.apply(Action::ShowTab(Tab::Essay));
        assert_eq!(a.tab, Tab::Essay);
    }

    #[test]
    fn e_writes_the_view_as_csv_to_a_new_file_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app();
        a.export_dir = dir.path().to_path_buf();
        a.apply(Action::Export);
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::Export);
        a.apply(Action::Export);
        let status = a.status.clone().unwrap();
        assert!(
            status.starts_with("wrote ")
                && status.ends_with("sns-tui-rankings-2013-smartphone-2.csv"),
            "{status}"
        );
        let growth = std::fs::read_to_string(dir.path().join("sns-tui-growth.csv")).unwrap();
        assert!(
            growth.starts_with("\u{feff}series,year,"),
            "a byte-order mark, for Excel"
        );
        assert!(growth.contains("essay,2012,49.65,95.56,52,estimate,ict-2013,"));
        let rankings =
            std::fs::read_to_string(dir.path().join("sns-tui-rankings-2013-smartphone.csv"))
                .unwrap();
        assert_eq!(
            rankings.lines().count(),
            1 + 5 + 5,
            "both tables of the page"
        );
        a.apply(Action::Down);
        assert_eq!(a.status, None, "the message lasts until the next key");
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::Export);
        assert_eq!(a.status, None, "nothing to export from the essay");
    }

    #[test]
    fn e_names_the_file_it_could_not_write() {
        let mut a = app();
        a.export_dir = PathBuf::from("/nonexistent/sns-tui");
        a.apply(Action::Export);
        let status = a.status.clone().unwrap();
        assert!(
            status.starts_with("could not write /nonexistent/sns-tui/sns-tui-growth.csv: "),
            "{status}"
        );
    }

    #[test]
    fn e_writes_a_table_with_a_long_id_to_a_short_safe_file_name() {
        let mut v: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
        v["rankings"][1]["id"] = format!("ICT総研/{}", "調".repeat(300)).into();
        let d = dataset::parse(&v.to_string(), dataset::Origin::Bundled).unwrap();
        let mut a = App::new(d.dataset, Theme::mono());
        let dir = tempfile::tempdir().unwrap();
        a.export_dir = dir.path().to_path_buf();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::Export);
        // 17 bytes of "sns-tui-rankings-", 10 of "ICT総研_", 73 left: 24 調.
        let name = format!("sns-tui-rankings-ICT総研_{}.csv", "調".repeat(24));
        let path = dir.path().join(&name);
        assert_eq!(a.status, Some(format!("wrote {}", path.display())));
        let csv = std::fs::read_to_string(path).unwrap();
        assert!(csv.contains(&format!("ICT総研/{}", "調".repeat(300))));
    }

    #[test]
    fn e_writes_a_name_that_looks_like_a_formula_as_text() {
        let mut v: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
        v["platforms"][1]["name"] = "=cmd|' /C calc'!A0".into();
        let d = dataset::parse(&v.to_string(), dataset::Origin::Bundled).unwrap();
        let mut a = App::new(d.dataset, Theme::mono());
        let dir = tempfile::tempdir().unwrap();
        a.export_dir = dir.path().to_path_buf();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::Export);
        let csv = std::fs::read_to_string(dir.path().join("sns-tui-rankings-2013-smartphone.csv"))
            .unwrap();
        assert!(csv.contains(",1,'=cmd|' /C calc'!A0,54,"), "{csv}");
    }

    #[test]
    fn u_switches_growth_between_millions_and_shares() {
        use crate::tabs::growth::{Measure, detail_doc};
        let mut a = app();
        a.apply(Action::ToggleMeasure);
        assert_eq!(a.growth.measure, Measure::Share);
        let plain = |doc: crate::text::Doc| {
            doc.paras
                .iter()
                .map(|p| crate::text::plain(p))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let shown = a.growth.shown(&a.data);
        let y2011 = plain(detail_doc(&a.data, shown, 2011, Measure::Share));
        assert!(
            y2011.starts_with("2011, as the essay saw it: 45% of internet users, estimate"),
            "{y2011}"
        );
        let y2012 = plain(detail_doc(&a.data, shown, 2012, Measure::Share));
        assert!(
            y2012.contains("change on 2011 +7 percentage points"),
            "{y2012}"
        );
        assert!(y2012.contains("49.65 M SNS users"), "{y2012}");
        a.apply(Action::ToggleMeasure);
        assert_eq!(a.growth.measure, Measure::Users);
    }

    #[test]
    fn s_cycles_the_sort_and_keeps_the_selection() {
        use crate::tabs::rankings::SortKey;
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::Down);
        assert_eq!(a.rankings.selected_platform(), "facebook");
        let order = |a: &App| a.rankings.platforms().join(" ");
        assert_eq!(order(&a), "line facebook twitter mixi skype");
        a.apply(Action::NextSort);
        assert_eq!(
            (a.rankings.sort.key, a.rankings.sort.descending),
            (SortKey::Rank, true)
        );
        assert_eq!(order(&a), "skype mixi twitter facebook line");
        assert_eq!(
            a.rankings.selected_platform(),
            "facebook",
            "the selection follows its platform"
        );
        a.apply(Action::NextSort);
        assert_eq!(
            order(&a),
            "facebook line mixi skype twitter",
            "A-Z, any case"
        );
        a.apply(Action::NextSort);
        a.apply(Action::NextSort);
        assert_eq!(a.rankings.sort.key, SortKey::Value);
        a.apply(Action::NextTable);
        a.apply(Action::NextTable);
        // 2014 satisfaction by figure, high to low, then the 2013-only platforms.
        assert_eq!(
            order(&a),
            "line skype twitter googleplus facebook kakaotalk comm mixi"
        );
        a.apply(Action::NextSort);
        assert!(!a.rankings.sort.descending);
        assert_eq!(
            order(&a),
            "facebook googleplus twitter skype line kakaotalk comm mixi"
        );
        a.apply(Action::NextSort);
        assert_eq!(
            (a.rankings.sort.key, a.rankings.sort.descending),
            (SortKey::Rank, false)
        );
    }

    #[test]
    fn slash_searches_the_essay_as_you_type_and_n_walks_the_matches() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::StartSearch);
        assert_eq!(a.scopes(), [Scope::Prompt]);
        for c in "facebook".chars() {
            a.apply(Action::Type(c));
        }
        assert_eq!(a.essay.search_status().as_deref(), Some("“facebook” 1/7"));
        a.apply(Action::Submit);
        assert_eq!(a.prompt, None);
        a.apply(Action::PrevMatch);
        assert_eq!(a.essay.search_status().as_deref(), Some("“facebook” 7/7"));
        let line = a.essay.current_match_line().unwrap();
        assert!(
            (a.essay.scroll()..a.essay.scroll() + 20).contains(&line),
            "the match is in view"
        );
        a.apply(Action::NextMatch);
        assert_eq!(a.essay.search_status().as_deref(), Some("“facebook” 1/7"));
        a.apply(Action::CancelSearch);
        assert_eq!(a.essay.search_status(), None);
    }

    #[test]
    fn search_matches_across_line_breaks_and_no_break_spaces() {
        let mut a = app();
        a.apply(Action::Resize(50, 20));
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::StartSearch);
        for c in "japan is 95.6 million, and 52% of them".chars() {
            a.apply(Action::Type(c));
        }
        assert_eq!(
            a.essay.search_status().as_deref(),
            Some("“japan is 95.6 million, and 52% of them” 1/1")
        );
        a.apply(Action::Erase);
        a.apply(Action::Type('X'));
        assert_eq!(
            a.essay.search_status().as_deref(),
            Some("“japan is 95.6 million, and 52% of theX” not found")
        );
    }

    #[test]
    fn a_match_on_spaces_dropped_at_a_break_is_left_out() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::StartSearch);
        a.apply(Action::Type(' '));
        a.apply(Action::NextMatch);
        let status = a.essay.search_status().unwrap();
        assert!(status.starts_with("“ ” 2/"), "{status}");
    }

    #[test]
    fn search_in_a_paragraph_indented_wider_than_the_line_finds_what_shows() {
        // The file: 100 spaces of indent, then a one-column
        // character of two bytes, at 80x24.
        let mut json: serde_json::Value = serde_json::from_str(dataset::BUNDLED_JSON).unwrap();
        json["essay"]["paragraphs"][0] = format!("{}é and more", " ".repeat(100)).into();
        let d = dataset::parse(&json.to_string(), dataset::Origin::Bundled).unwrap();
        let mut a = App::new(d.dataset, Theme::mono());
        a.apply(Action::Resize(80, 24));
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::StartSearch);
        a.apply(Action::Type(' '));
        render_text_full(&a);
        a.apply(Action::Erase);
        for c in "é and".chars() {
            a.apply(Action::Type(c));
        }
        assert_eq!(a.essay.search_status().as_deref(), Some("“é and” 1/1"));
        let line = a.essay.current_match_line().unwrap();
        let screen = render_text_full(&a);
        let row = screen.lines().nth(line - a.essay.scroll() + 2).unwrap();
        assert!(row.contains("é"), "{row}");
    }

    #[test]
    fn enter_shows_the_essays_words_for_a_figure_and_b_goes_back() {
        let mut a = app();
        a.apply(Action::Left);
        a.apply(Action::Left);
        a.apply(Action::Left);
        assert_eq!(a.growth.year, 2012);
        a.apply(Action::Provenance);
        assert_eq!(a.tab, Tab::Essay);
        let status = a.essay.search_status().unwrap();
        assert!(
            status.starts_with("“total internet users in Japan is 95.6")
                && status.ends_with("…” 1/1"),
            "{status}"
        );
        let line = a.essay.current_match_line().unwrap();
        assert!((a.essay.scroll()..a.essay.scroll() + 20).contains(&line));
        a.apply(Action::Back);
        assert_eq!((a.tab, a.growth.year), (Tab::Growth, 2012));
    }

    #[test]
    fn enter_on_a_figure_the_essay_does_not_state_opens_its_source() {
        let mut a = app();
        a.apply(Action::Home);
        a.apply(Action::Provenance);
        assert_eq!(a.tab, Tab::Sources);
        assert_eq!(a.sources.query(), Some("[ict-2011]"));
        assert!(
            a.status
                .as_deref()
                .unwrap()
                .starts_with("the essay does not state 2010")
        );
        a.apply(Action::Back);
        assert_eq!(a.tab, Tab::Growth);
    }

    #[test]
    fn enter_on_a_platform_shows_its_essay_words_or_source() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::Provenance);
        assert_eq!(a.tab, Tab::Essay);
        assert_eq!(
            a.essay.query(),
            Some("Among Smartphone users, however, the top SNS service used is LINE")
        );
        a.apply(Action::Back);
        a.apply(Action::End);
        a.apply(Action::Provenance);
        assert_eq!(
            (a.tab, a.sources.query()),
            (Tab::Sources, Some("[ict-2013-iw]")),
            "Skype's smartphone rate"
        );
    }

    #[test]
    fn slash_on_rankings_filters_platforms_by_name() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::Down);
        a.apply(Action::StartSearch);
        a.apply(Action::Type('F'));
        a.apply(Action::Type('a'));
        assert_eq!(a.rankings.platforms(), ["facebook"]);
        assert_eq!(a.rankings.selected_platform(), "facebook");
        assert_eq!(
            a.rankings.filter_status().as_deref(),
            Some("filter “Fa”: 1 platform")
        );
        a.apply(Action::Erase);
        a.apply(Action::Erase);
        for c in "ツイ".chars() {
            a.apply(Action::Type(c));
        }
        assert_eq!(
            a.rankings.platforms(),
            ["twitter"],
            "Japanese names match too"
        );
        a.apply(Action::Type('x'));
        assert!(a.rankings.platforms().is_empty());
        a.apply(Action::Down);
        a.apply(Action::End);
        assert_eq!(a.rankings.selected_platform(), "");
        a.apply(Action::CancelSearch);
        assert_eq!(a.rankings.platforms().len(), 5);
        assert_eq!(a.rankings.filter_status(), None);
    }

    #[test]
    fn clicks_switch_tabs_and_select_years_and_rows() {
        let mut a = app();
        // " 1 Growth │ 2 Rankings │ ...": "2 Rankings" starts at column 12.
        a.apply(Action::Click(14, 0));
        assert_eq!(a.tab, Tab::Rankings);
        // The second table's rows start below its border and header.
        let (x, y) = place_of(&a, "Twitter", 10);
        a.apply(Action::Click(x, y));
        assert_eq!(a.rankings.selected_platform(), "twitter");
        a.apply(Action::Click(1, 0));
        assert_eq!(a.tab, Tab::Growth);
        let (x, y) = place_of(&a, "2011", 0);
        a.apply(Action::Click(x, y));
        assert_eq!(a.growth.year, 2011);
    }

    /// The column and row where `text` first shows, from row `from` down.
    fn place_of(a: &App, text: &str, from: usize) -> (u16, u16) {
        let screen = render_text_full(a);
        let (y, line) = screen
            .lines()
            .enumerate()
            .skip(from)
            .find(|(_, l)| l.contains(text))
            .unwrap();
        let x = crate::text::str_width(&line[..line.find(text).unwrap()]);
        (x as u16, y as u16)
    }

    #[test]
    fn the_wheel_scrolls_and_steps() {
        let mut a = app();
        a.apply(Action::Wheel(-1));
        assert_eq!(a.growth.year, 2014);
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::Wheel(2));
        assert_eq!(a.essay.scroll(), 6);
        a.apply(Action::Wheel(-1));
        assert_eq!(a.essay.scroll(), 3);
    }

    #[test]
    fn l_switches_names_and_labels_to_japanese_and_back() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::ToggleLang);
        assert_eq!(a.lang, Lang::Ja);
        let screen = render_text_full(&a);
        assert!(screen.contains("ランキング"), "{screen}");
        assert!(
            screen.contains("フェイスブック") && screen.contains("順位"),
            "{screen}"
        );
        // A click on the Japanese tab title still finds its tab.
        let top = screen.lines().next().unwrap();
        let x = top.chars().take_while(|c| *c != '1').count() as u16;
        a.apply(Action::Click(x + 1, 0));
        assert_eq!(a.tab, Tab::Growth);
        a.apply(Action::ToggleLang);
        assert!(render_text_full(&a).contains("Growth"));
    }

    /// The screen as text, wide characters whole.
    fn render_text_full(a: &App) -> String {
        use ratatui::widgets::Widget;
        let mut buf = ratatui::buffer::Buffer::empty(a.size);
        a.render(a.size, &mut buf);
        let mut text = String::new();
        for y in 0..a.size.height {
            let mut x = 0;
            while x < a.size.width {
                let symbol = buf[(x, y)].symbol();
                text.push_str(symbol);
                x += crate::text::str_width(symbol).max(1) as u16;
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn q_at_the_prompt_is_typed_not_quit() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Sources));
        a.apply(Action::StartSearch);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            crate::keymap::action_for(&q, &a.scopes()),
            Some(Action::Type('q'))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            crate::keymap::action_for(&ctrl_c, &a.scopes()),
            Some(Action::Quit)
        );
    }

    #[test]
    fn a_paste_is_one_search_cleaned_of_what_must_not_reach_the_screen() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Update::Paste("face\u{202e}bo\u{200b}o\u{7}".into()));
        assert_eq!(
            a.prompt.as_deref(),
            Some("faceboo"),
            "a paste opens the prompt"
        );
        a.apply(Update::Paste("k\r\n".into()));
        assert_eq!(a.prompt.as_deref(), Some("facebook  "));
        a.apply(Action::Erase);
        a.apply(Action::Erase);
        assert_eq!(a.essay.search_status().as_deref(), Some("“facebook” 1/7"));
        a.apply(Action::Type('\u{2066}'));
        a.apply(Action::Type('\u{1b}'));
        assert_eq!(
            a.prompt.as_deref(),
            Some("facebook"),
            "typed controls are dropped"
        );
        let long = "line \u{202e}".repeat(60);
        a.apply(Update::Paste(long));
        let q = a.prompt.clone().unwrap();
        assert!(q.len() > 300 && !q.contains('\u{202e}'), "{q}");
        let footer = render_text_full(&a).lines().last().unwrap().to_string();
        assert!(
            footer.contains("…") && footer.contains("not found"),
            "{footer}"
        );
    }

    /// An app whose jobs wait in `queue` until the test runs them.
    fn app_with_queued_work() -> (App, std::sync::mpsc::Receiver<crate::work::Job>) {
        let mut a = app();
        let (jobs, queue) = std::sync::mpsc::channel();
        a.worker = Worker::Thread(jobs);
        (a, queue)
    }

    #[test]
    fn esc_stops_a_wrap_under_way_and_goes_back_and_its_outcome_is_dropped() {
        let (mut a, queue) = app_with_queued_work();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::ShowTab(Tab::Essay));
        assert!(a.busy());
        let job = queue.try_recv().unwrap();
        assert_eq!(
            a.essay.status().as_deref(),
            Some("wrapping… 0% (Esc goes back)")
        );
        a.apply(Update::Progress(Progress {
            view: Tab::Essay,
            ticket: job.ticket,
            share: 0.4,
            found: 0,
        }));
        assert_eq!(
            a.essay.status().as_deref(),
            Some("wrapping… 40% (Esc goes back)")
        );
        a.apply(Action::CancelSearch);
        assert_eq!(a.tab, Tab::Rankings);
        assert!(!a.busy());
        a.apply(Update::Done(job.run_now()));
        assert_eq!(
            a.essay.line_count(),
            0,
            "a stopped job's outcome is dropped"
        );
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Update::Done(queue.try_recv().unwrap().run_now()));
        assert!(a.essay.line_count() > 0 && !a.busy());
    }

    #[test]
    fn esc_stops_a_search_under_way_and_keys_work_while_it_runs() {
        let (mut a, queue) = app_with_queued_work();
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Update::Done(queue.try_recv().unwrap().run_now()));
        a.apply(Action::StartSearch);
        a.apply(Action::Type('e'));
        let job = queue.try_recv().unwrap();
        a.apply(Update::Progress(Progress {
            view: Tab::Essay,
            ticket: job.ticket,
            share: 0.5,
            found: 3120,
        }));
        assert_eq!(
            a.essay.search_status().as_deref(),
            Some("“e” searching… 3,120 matches so far")
        );
        a.apply(Action::Type('s'));
        let es = queue.try_recv().unwrap();
        a.apply(Update::Done(job.run_now()));
        assert_eq!(
            a.essay.search_status().as_deref(),
            Some("“es” searching… 0%"),
            "the outcome for \"e\" came too late"
        );
        a.apply(Action::CancelSearch);
        a.apply(Update::Done(es.run_now()));
        assert_eq!((a.essay.search_status(), a.busy()), (None, false));
        assert_eq!(a.tab, Tab::Essay, "Esc after the wrap clears the search");
    }

    #[test]
    fn a_figures_words_are_found_once_the_essay_is_wrapped() {
        let (mut a, queue) = app_with_queued_work();
        a.apply(Action::Left);
        a.apply(Action::Left);
        a.apply(Action::Left);
        a.apply(Action::Provenance);
        assert_eq!(a.tab, Tab::Essay);
        while let Ok(job) = queue.try_recv() {
            a.apply(Update::Done(job.run_now()));
        }
        let line = a.essay.current_match_line().unwrap();
        assert!(line > 20, "deep enough to need scrolling: {line}");
        assert!((a.essay.scroll()..a.essay.scroll() + 20).contains(&line));
    }

    #[test]
    fn quit_stops_the_loop() {
        let mut a = app();
        a.apply(Action::Quit);
        assert!(!a.running);
    }

    #[test]
    fn years_step_through_gaps_and_stop_at_the_ends() {
        let mut a = app();
        assert_eq!(a.growth.year, 2015);
        a.apply(Action::Right);
        assert_eq!(a.growth.year, 2015, "2015 is the essay's last year");
        a.apply(Action::Left);
        assert_eq!(a.growth.year, 2014, "a gap year is still a year");
        a.apply(Action::Home);
        a.apply(Action::Left);
        assert_eq!(a.growth.year, 2010);
    }

    #[test]
    fn the_detail_scrolls_as_far_as_its_text_and_a_new_year_starts_at_the_top() {
        let mut a = app();
        a.apply(Action::ToggleLater);
        let screen = render_text_full(&a);
        assert!(screen.contains("… 9 more lines: ↓ scrolls"), "{screen}");
        for _ in 0..100 {
            a.apply(Action::Down);
        }
        assert_eq!(a.growth.detail_scroll(), 9);
        let screen = render_text_full(&a);
        assert!(
            screen.contains("… 9 lines above: ↑ scrolls back")
                && screen.contains("2015, later projections: no figure published"),
            "the last line in view:\n{screen}"
        );
        a.apply(Action::Up);
        assert_eq!(a.growth.detail_scroll(), 8);
        a.apply(Action::Left);
        assert_eq!(a.growth.detail_scroll(), 0, "2014 is read from its top");
        a.apply(Action::Resize(200, 60));
        a.apply(Action::Down);
        assert_eq!(a.growth.detail_scroll(), 0, "all of it fits");
    }

    #[test]
    fn d_shows_the_detail_in_full_over_the_chart_and_esc_puts_it_back() {
        let mut a = app();
        a.apply(Action::ToggleLater);
        a.apply(Action::ToggleDetail);
        let screen = render_text_full(&a);
        assert!(
            screen.contains("2015 in full")
                && screen.contains("source ict-2016")
                && !screen.contains("more lines"),
            "{screen}"
        );
        let (x, y) = place_of(&a, "2015, as the essay", 0);
        a.apply(Action::Click(x, y));
        assert_eq!(a.growth.year, 2015, "a click on the popup picks no year");
        a.apply(Action::CloseDetail);
        assert!(!a.growth.detail_open);
        assert!(render_text_full(&a).contains("more lines"));
        a.apply(Action::CloseDetail);
        assert!(!a.growth.detail_open, "Esc only ever closes");
    }

    #[test]
    fn later_estimates_widen_the_years_and_keep_the_selection_in_range() {
        let mut a = app();
        a.apply(Action::ToggleLater);
        a.apply(Action::End);
        assert_eq!(a.growth.year, 2026);
        a.apply(Action::ToggleLater);
        assert_eq!(a.growth.year, 2015, "back within the essay's years");
    }

    #[test]
    fn turning_the_table_page_keeps_the_platform() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::Down);
        assert_eq!(a.rankings.selected_platform(), "facebook");
        a.apply(Action::NextTable);
        assert_eq!(a.rankings.selected_platform(), "facebook");
        a.apply(Action::NextTable);
        a.apply(Action::End);
        assert_eq!(
            a.rankings.selected_platform(),
            "mixi",
            "2014 satisfaction, then the 2013-only rows"
        );
        let last = a.rankings.platforms().len() - 1;
        assert_eq!(a.rankings.selected, last);
        for _ in a.rankings.page..a.rankings.pages.len() {
            a.apply(Action::NextTable);
        }
        assert_eq!(a.rankings.page, 0, "pages wrap round");
        a.apply(Action::Down);
        a.apply(Action::Down);
        a.apply(Action::End);
        a.apply(Action::Down);
        assert_eq!(a.rankings.selected, a.rankings.platforms().len() - 1);
    }

    #[test]
    fn rankings_pages_pair_each_table_with_its_comparison() {
        let mut a = app();
        let titles: Vec<(String, Option<String>)> = a
            .rankings
            .pages
            .iter()
            .map(|p| {
                (
                    a.data.rankings[p.main].id.clone(),
                    p.base.map(|b| a.data.rankings[b].id.clone()),
                )
            })
            .collect();
        let want = [
            ("2013-smartphone", "2013-all"),
            ("2014-all", "2013-all"),
            ("2014-satisfaction", "2013-satisfaction"),
            ("2016-all", "2014-all"),
            ("2016-satisfaction", "2014-satisfaction"),
            ("2017-all", "2016-all"),
            ("2017-satisfaction", "2016-satisfaction"),
            ("2018-all", "2017-all"),
            ("2018-satisfaction", "2017-satisfaction"),
            ("2020-all", "2018-all"),
            ("2020-satisfaction", "2018-satisfaction"),
            ("2022-all", "2020-all"),
            ("2022-satisfaction", "2020-satisfaction"),
            ("2024-all", "2022-all"),
            ("2024-satisfaction", "2022-satisfaction"),
            ("mic-2013-all", "mic-2012-all"),
            ("mic-2014-all", "mic-2013-all"),
            ("mic-2016-all", "mic-2014-all"),
            ("mic-2018-all", "mic-2016-all"),
            ("mic-2021-all", "mic-2018-all"),
            ("mic-2022-all", "mic-2021-all"),
            ("mic-2024-all", "mic-2022-all"),
        ];
        assert_eq!(
            titles,
            want.map(|(m, b)| (m.to_string(), Some(b.to_string())))
        );
        // Satisfaction 2013 ranks comm and mixi, which 2014 does not.
        a.apply(Action::ShowTab(Tab::Rankings));
        a.apply(Action::NextTable);
        a.apply(Action::NextTable);
        assert_eq!(a.rankings.page, 2);
        assert_eq!(a.rankings.platforms().len(), 8);
        // 総務省 2024 lists LINE only; 2022 adds three more.
        a.apply(Action::PrevTable);
        a.apply(Action::PrevTable);
        a.apply(Action::PrevTable);
        assert_eq!(a.rankings.page, 21, "the pages wrap round");
        assert_eq!(a.rankings.platforms().len(), 4);
    }

    #[test]
    fn essay_scroll_is_clamped_to_the_text() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::Up);
        assert_eq!(a.essay.scroll(), 0);
        a.apply(Action::End);
        let end = a.essay.scroll();
        assert!(end > 0);
        assert_eq!(end, a.essay.max_scroll());
        a.apply(Action::PageDown);
        assert_eq!(a.essay.scroll(), end);
        a.apply(Action::PageUp);
        assert!(a.essay.scroll() < end);
    }

    #[test]
    fn resizing_rewraps_and_keeps_scroll_in_range() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Essay));
        let lines_at_80 = a.essay.line_count();
        a.apply(Action::End);
        a.apply(Action::Resize(200, 60));
        assert!(a.essay.line_count() < lines_at_80);
        assert!(a.essay.scroll() <= a.essay.max_scroll());
        a.apply(Action::Resize(1, 1));
        assert!(a.essay.scroll() <= a.essay.max_scroll());
    }

    #[test]
    fn scrolled_to_the_end_stays_at_the_end_through_resizes() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Essay));
        a.apply(Action::End);
        for (w, h) in [(60, 20), (100, 30), (50, 15), (80, 24)] {
            a.apply(Action::Resize(w, h));
            assert!(
                a.essay.max_scroll() > 0,
                "{w}x{h} must scroll for this test"
            );
            assert_eq!(a.essay.scroll(), a.essay.max_scroll(), "{w}x{h}");
        }
    }

    #[test]
    fn scrolled_to_the_middle_keeps_its_place_through_a_resize() {
        let mut a = app();
        a.apply(Action::ShowTab(Tab::Sources));
        a.apply(Action::PageDown);
        let fraction = a.sources.scroll() as f64 / a.sources.line_count() as f64;
        a.apply(Action::Resize(120, 40));
        let after = a.sources.scroll() as f64 / a.sources.line_count() as f64;
        assert!((after - fraction).abs() < 0.05, "{fraction} then {after}");
    }

    #[test]
    fn resizing_with_the_help_open_keeps_its_scroll_valid() {
        let mut a = app();
        a.apply(Action::Resize(80, 20));
        a.apply(Action::ToggleHelp);
        for _ in 0..50 {
            a.apply(Action::Down);
        }
        assert!(a.help > Some(0));
        a.apply(Action::Resize(200, 100));
        assert_eq!(a.help, Some(0), "everything fits: no scroll");
        a.apply(Action::Resize(80, 15));
        a.apply(Action::Down);
        assert!(a.help <= Some(ui::help::max_scroll(a.size)));
    }

    #[test]
    fn help_scrolls_only_as_far_as_it_needs() {
        let mut a = app();
        a.apply(Action::Resize(80, 24));
        a.apply(Action::ToggleHelp);
        for _ in 0..100 {
            a.apply(Action::Down);
        }
        assert_eq!(a.help, Some(ui::help::max_scroll(a.size)));
        assert!(a.help > Some(0), "the help is taller than 24 rows");
        a.apply(Action::Left);
        assert_eq!(a.tab, Tab::Growth);
        assert_eq!(
            a.growth.year, 2015,
            "keys meant for the tab do nothing under the help"
        );
    }
}
