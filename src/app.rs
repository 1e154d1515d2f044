//! The application state and `App::apply`, the only place it changes.
//! Rendering reads it; input becomes an [`Action`] first.

use std::sync::Arc;

use ratatui::layout::Rect;

pub use crate::action::{Action, Effect, Update};
use crate::dataset::Dataset;
use crate::keymap::Scope;
use crate::lang::Lang;
use crate::layout;
use crate::prompt::{Prompt, Purpose};
use crate::scroll::Scroll;
use crate::tab::Tab;
use crate::tabs::Ctx;
use crate::tabs::growth::GrowthView;
use crate::tabs::rankings::RankingsView;
use crate::tabs::text::TextView;
use crate::tabs::trends::TrendsView;
use crate::text::{essay_doc, sources_doc};
use crate::tr;
use crate::ui;
use crate::ui::theme::Theme;
use crate::work::Worker;
pub use jump::{Place, Spot};

pub struct App {
    /// Shared with the work that builds the texts.
    pub data: Arc<Dataset>,
    pub theme: Theme,
    pub tab: Tab,
    /// How far the help popup is scrolled, when it is open.
    pub help: Option<Scroll>,
    pub size: Rect,
    pub growth: GrowthView,
    pub rankings: RankingsView,
    pub essay: TextView,
    pub sources: TextView,
    pub trends: TrendsView,
    /// A message for the footer, until the next key.
    pub status: Option<String>,
    /// What is being typed at the search prompt, while it is open.
    pub prompt: Option<Prompt>,
    /// What was submitted at the prompt in this session, oldest first,
    /// for its Up and Down: the searches and filters, and the places gone
    /// to.
    pub searches: Vec<String>,
    pub gone_to: Vec<String>,
    /// Where each jump (Enter to a source, `:` to a line) came from, the
    /// latest last: `b` goes back through them.
    pub back: Vec<Place>,
    /// The tab shown before this one: Esc goes back to it from a text
    /// still being wrapped.
    pub before: Tab,
    pub lang: Lang,
    pub running: bool,
    /// Where building, wrapping and searching the texts runs.
    pub worker: Worker,
    /// Whether y and Y may send text to the terminal's clipboard.
    pub clipboard: bool,
    /// What the file `e` asked for holds, to say once it is written.
    written_what: String,
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
            trends: TrendsView::new(&data),
            data: Arc::new(data),
            theme,
            tab: Tab::Growth,
            help: None,
            size: Rect::default(),
            status: None,
            prompt: None,
            searches: Vec::new(),
            gone_to: Vec::new(),
            back: Vec::new(),
            before: Tab::Growth,
            lang: Lang::En,
            running: true,
            worker: Worker::Inline,
            clipboard: true,
            written_what: String::new(),
        };
        app.apply(Action::Resize(80, 24));
        app
    }

    pub fn scopes(&self) -> Vec<Scope> {
        if self.prompt.is_some() {
            return vec![Scope::Prompt];
        }
        if self.tab == Tab::Rankings && self.rankings.picked().is_some() && self.help.is_none() {
            return vec![Scope::Pages, Scope::Paging, Scope::Global];
        }
        Scope::active(self.tab, self.help.is_some())
    }

    /// Whether `action` does what its hint says where the app is: in
    /// Growth's table the chart's keys only say that they are the chart's,
    /// so the footer does not offer them.
    pub fn offers(&self, action: Action) -> bool {
        let table = self.tab == Tab::Growth && self.growth.table_row().is_some();
        !(table && action.is_for_the_chart())
    }

    /// What is typed at the prompt, while it is open.
    pub fn prompt_text(&self) -> Option<&str> {
        self.prompt.as_ref().map(Prompt::text)
    }

    /// Whether work runs that the screen should show the progress of.
    pub fn busy(&self) -> bool {
        self.essay.busy() || self.sources.busy()
    }

    /// Changes the state as `update` says; returns what the loop must do
    /// outside the app, if anything.
    pub fn apply(&mut self, update: impl Into<Update>) -> Option<Effect> {
        let mut effect = None;
        let update = update.into();
        // Over the help, keys for the view under it wait; moving to a tab
        // (which closes the help), language, quitting and the terminal's
        // own keys do not.
        if self.help.is_some()
            && let Update::Act(
                Action::Back
                | Action::CopyFigure
                | Action::CopyView
                | Action::Export
                | Action::StartGoTo
                | Action::StartSearch,
            ) = update
        {
            return None;
        }
        match update {
            Update::Act(Action::Export) => {
                self.status = None;
                effect = self.export();
            }
            Update::Act(Action::CopyFigure) => {
                self.status = None;
                effect = self.copy_figure();
            }
            Update::Act(Action::CopyView) => {
                self.status = None;
                effect = self.copy_view();
            }
            Update::Act(Action::Suspend) => effect = Some(Effect::Suspend),
            Update::Act(Action::Repaint) => effect = Some(Effect::Repaint),
            Update::Act(action) => self.act(action),
            Update::Written(result) => self.written(result),
            Update::Paste(text) => self.paste(&text),
            Update::Progress(p) => self.text_view(p.view).progress(p),
            Update::Done(done) => {
                let view = done.view;
                self.text_view(view).finish(done);
            }
        }
        self.start_work();
        effect
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
            let lang = self.lang;
            while let Some(job) = self.text_view(tab).next_job(&data, lang, shown) {
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
            Action::ToggleHelp => {
                self.help = match self.help {
                    Some(_) => None,
                    None => {
                        // At the section of the keys in force here.
                        let mut scroll = Scroll::default();
                        scroll.set_max(ui::help::max_scroll(self.size, self.lang));
                        let here = self.scopes()[0];
                        scroll.to(ui::help::section(self.size, self.lang, here));
                        Some(scroll)
                    }
                }
            }
            Action::CloseHelp => self.help = None,
            Action::Resize(w, h) => self.resize(w, h),
            // Empty: what it finds replaces the search once typed.
            Action::StartSearch => self.prompt = Some(Prompt::new(Purpose::Search)),
            Action::StartGoTo => self.prompt = Some(Prompt::new(Purpose::GoTo)),
            Action::Type(_)
            | Action::Erase
            | Action::EraseForward
            | Action::EraseWord
            | Action::EraseToStart
            | Action::Submit
            | Action::Left
            | Action::Right
            | Action::Home
            | Action::End
            | Action::Up
            | Action::Down
                if self.prompt.is_some() =>
            {
                self.edit_prompt(action)
            }
            Action::Provenance => self.provenance(),
            Action::ToggleLang => self.set_lang(self.lang.toggle()),
            Action::Click(x, y) => self.click(x, y),
            // Bound for the texts only: under the help it is no key.
            Action::ToggleWidth => {
                // One setting for both texts: a reader who wants long
                // lines wants them in both.
                let (full, body) = (!self.essay.full_width(), layout::body_area(self.size));
                self.essay.set_full_width(full, body);
                self.sources.set_full_width(full, body);
            }
            Action::Wheel(n) if self.help.is_some() => {
                let step = if n < 0 { Action::Up } else { Action::Down };
                self.scroll_help(step);
            }
            Action::Wheel(n) => self.wheel(isize::from(n)),
            Action::Back => self.go_back(),
            // Esc at `:` leaves the search there is.
            Action::Cancel if self.prompt.as_ref().map(Prompt::purpose) == Some(Purpose::GoTo) => {
                self.prompt = None;
            }
            Action::Cancel => {
                self.prompt = None;
                let text = matches!(self.tab, Tab::Essay | Tab::Sources);
                if text && self.text_view(self.tab).wrapping() {
                    // A text too large to wrap at once: stop, and go back.
                    self.text_view(self.tab).stop();
                    self.show(self.before);
                } else if self.tab == Tab::Growth {
                    self.growth.close_detail();
                } else {
                    self.set_query("");
                }
            }
            _ if self.help.is_some() => self.scroll_help(action),
            _ => self.apply_to_tab(action),
        }
    }

    /// What the tabs draw with.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            data: &self.data,
            theme: &self.theme,
            lang: self.lang,
        }
    }

    /// Names platforms and labels tabs, tables and the legend in `lang`.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        if let Some(scroll) = &mut self.help {
            scroll.set_max(ui::help::max_scroll(self.size, lang));
        }
        self.rankings.set_lang(&self.data, lang);
    }

    /// A click on a tab's title switches to it; on a year's bars or a
    /// table's row, selects it.
    fn click(&mut self, x: u16, y: u16) {
        if let Some(tab) = layout::tab_at(self.size, self.lang, x, y) {
            self.show(tab);
            return;
        }
        if self.help.is_some() || layout::too_small(self.size) {
            return;
        }
        let body = layout::body_area(self.size);
        match self.tab {
            Tab::Growth => {
                if let Some(year) = self.growth.year_at(&self.ctx(), body, x, y) {
                    self.growth.select(year);
                }
            }
            Tab::Rankings => {
                if let Some(platform) = self.rankings.platform_at(&self.ctx(), body, x, y) {
                    self.rankings.select(&platform);
                }
            }
            Tab::Essay | Tab::Sources | Tab::Trends => {}
        }
    }

    /// The wheel moves what the arrows move; text three lines a notch.
    fn wheel(&mut self, notches: isize) {
        match self.tab {
            Tab::Growth => self.growth.step(&self.data, notches as i32),
            Tab::Rankings => self.rankings.move_by(notches),
            Tab::Essay => self.essay.scroll_by(3 * notches),
            Tab::Sources => self.sources.scroll_by(3 * notches),
            Tab::Trends => self.trends.move_platform(notches),
        }
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
        let body = layout::body_area(self.size);
        self.essay.resize(body);
        self.sources.resize(body);
        let ctx = Ctx {
            data: &self.data,
            theme: &self.theme,
            lang: self.lang,
        };
        self.growth.scroll_detail(&ctx, body, 0);
        if let Some(scroll) = &mut self.help {
            scroll.set_max(ui::help::max_scroll(self.size, self.lang));
        }
    }

    fn scroll_help(&mut self, action: Action) {
        let page = ui::help::page(self.size, self.lang);
        if let Some(scroll) = &mut self.help {
            match action {
                Action::Up => scroll.by(-1),
                Action::Down => scroll.by(1),
                Action::Home => scroll.to_top(),
                Action::End => scroll.to_bottom(),
                _ => scroll.by(action.page_delta(page).unwrap_or(0)),
            }
        }
    }

    fn apply_to_tab(&mut self, action: Action) {
        let d = &self.data;
        let ctx = Ctx {
            data: d,
            theme: &self.theme,
            lang: self.lang,
        };
        let body = layout::body_area(self.size);
        match self.tab {
            Tab::Growth if self.growth.table_row().is_some() => match action {
                Action::Up => self.growth.move_in_table(-1),
                Action::Down => self.growth.move_in_table(1),
                Action::Home => self.growth.move_in_table(isize::MIN),
                Action::End => self.growth.move_in_table(isize::MAX),
                Action::Left => self.growth.table_step_year(d, -1),
                Action::Right => self.growth.table_step_year(d, 1),
                Action::ToggleTable => self.growth.toggle_table(d),
                action if action.is_for_the_chart() => {
                    self.status = Some(
                        self.lang
                            .pick(
                                "o, d and u are for the chart: t goes back to it",
                                "o・d・u はグラフ用: t でグラフに戻る",
                            )
                            .to_string(),
                    );
                }
                _ => {
                    let page = self.growth.table_page(&ctx, body);
                    let delta = action.page_delta(page).unwrap_or(0);
                    self.growth.move_in_table(delta);
                }
            },
            Tab::Growth => match action {
                Action::ToggleTable => self.growth.toggle_table(d),
                Action::Up | Action::Down if self.growth.show_later() => {
                    let delta = if action == Action::Up { -1 } else { 1 };
                    self.growth.move_figure(&ctx, body, delta);
                }
                Action::Up => self.growth.scroll_detail(&ctx, body, -1),
                Action::Down => self.growth.scroll_detail(&ctx, body, 1),
                Action::ToggleDetail => self.growth.toggle_detail(),
                Action::Left => self.growth.step(d, -1),
                Action::Right => self.growth.step(d, 1),
                Action::Home => self.growth.first(d),
                Action::End => self.growth.last(d),
                Action::ToggleLater => self.growth.toggle_later(d),
                Action::ToggleMeasure => self.growth.toggle_measure(),
                _ => {
                    let page = self.growth.detail_page(&ctx, body);
                    if let Some(delta) = action.page_delta(page) {
                        self.growth.scroll_detail(&ctx, body, delta);
                    }
                }
            },
            Tab::Rankings if self.rankings.picked().is_some() => match action {
                Action::Up => self.rankings.pick_by(-1),
                Action::Down => self.rankings.pick_by(1),
                Action::Home => self.rankings.pick(0),
                Action::End => self.rankings.pick(usize::MAX),
                Action::GoToPage => self.rankings.go_to_picked(d),
                Action::ShowPages => self.rankings.toggle_pages(),
                _ => {
                    let page = self.rankings.pages_in_view(body);
                    if let Some(delta) = action.page_delta(page) {
                        self.rankings.pick_within(delta);
                    }
                }
            },
            Tab::Rankings => match action {
                Action::ShowPages => self.rankings.toggle_pages(),
                Action::Up => self.rankings.move_by(-1),
                Action::Down => self.rankings.move_by(1),
                Action::Home => self.rankings.to_first(),
                Action::End => self.rankings.to_last(),
                // Along the page's axis, as ←→ move a year or a survey.
                Action::Right => self.rankings.turn(d, 1),
                Action::Left => self.rankings.turn(d, -1),
                Action::NextSort => self.rankings.next_sort(d, ctx.lang),
                Action::OtherTable => self.rankings.other_table(),
                _ => {
                    let page = self.rankings.rows_in_view(&ctx, body);
                    if let Some(delta) = action.page_delta(page) {
                        self.rankings.move_by(delta);
                    }
                }
            },
            Tab::Trends => match action {
                Action::Up => self.trends.move_platform(-1),
                Action::Down => self.trends.move_platform(1),
                Action::Left => self.trends.step_wave(-1),
                Action::Right => self.trends.step_wave(1),
                Action::ToggleTable => self.trends.toggle_table(),
                Action::Home => self.trends.move_platform(isize::MIN),
                Action::End => self.trends.move_platform(isize::MAX),
                Action::NextFamily if !self.trends.next_family() => {
                    self.status = Some(
                        self.lang
                            .pick(
                                "no other family of surveys has usage rates from two years",
                                "2年分の利用率がある調査の系列はほかにない",
                            )
                            .to_string(),
                    );
                }
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
                    Action::PageUp
                    | Action::PageDown
                    | Action::HalfPageUp
                    | Action::HalfPageDown => {
                        let page = view.page().unsigned_abs() + 1;
                        view.scroll_by(action.page_delta(page).unwrap_or(0));
                    }
                    Action::Home => view.to_top(),
                    Action::End => view.to_bottom(),
                    Action::NextMatch | Action::PrevMatch if !view.searching() => {
                        self.status = Some(
                            self.lang
                                .pick("no search: / starts one", "検索はない: / で始める")
                                .to_string(),
                        );
                    }
                    Action::NextMatch | Action::PrevMatch => {
                        let delta = if action == Action::NextMatch { 1 } else { -1 };
                        if view.next_match(delta) {
                            let found = view.search_status(self.lang).unwrap_or_default();
                            self.status = Some(tr!(
                                self.lang,
                                "search wrapped · {found}",
                                "検索が一周した · {found}"
                            ));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

mod jump;
mod out;
mod prompting;
#[cfg(test)]
mod tests;
