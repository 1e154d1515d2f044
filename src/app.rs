//! The application state and `App::apply`, the only place it changes.
//! Rendering reads it; input becomes an [`Action`] first.

use ratatui::layout::Rect;

use crate::dataset::Dataset;
use crate::keymap::Scope;
use crate::tabs::Tab;
use crate::tabs::growth::GrowthView;
use crate::tabs::rankings::RankingsView;
use crate::tabs::text::TextView;
use crate::text::{essay_doc, sources_doc};
use crate::ui;
use crate::ui::theme::Theme;

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
    NextTable,
    PrevTable,
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
}

pub struct App {
    pub data: Dataset,
    pub theme: Theme,
    pub tab: Tab,
    /// The help popup's scroll offset, when it is open.
    pub help: Option<usize>,
    pub size: Rect,
    pub growth: GrowthView,
    pub rankings: RankingsView,
    pub essay: TextView,
    pub sources: TextView,
    pub running: bool,
}

impl App {
    /// An app for a validated dataset, laid out for an 80x24 terminal until
    /// told its real size.
    pub fn new(data: Dataset, theme: Theme) -> Self {
        let mut app = App {
            growth: GrowthView::new(&data),
            rankings: RankingsView::new(&data),
            essay: TextView::new(essay_doc(&data)),
            sources: TextView::new(sources_doc(&data)),
            data,
            theme,
            tab: Tab::Growth,
            help: None,
            size: Rect::default(),
            running: true,
        };
        app.apply(Action::Resize(80, 24));
        app
    }

    pub fn scopes(&self) -> Vec<Scope> {
        Scope::active(self.tab, self.help.is_some())
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.running = false,
            Action::NextTab => self.show(self.tab.cycle(1)),
            Action::PrevTab => self.show(self.tab.cycle(-1)),
            Action::ShowTab(tab) => self.show(tab),
            Action::ToggleHelp => self.help = if self.help.is_some() { None } else { Some(0) },
            Action::CloseHelp => self.help = None,
            Action::Resize(w, h) => self.resize(w, h),
            _ if self.help.is_some() => self.scroll_help(action),
            _ => self.apply_to_tab(action),
        }
    }

    fn show(&mut self, tab: Tab) {
        self.tab = tab;
        self.help = None;
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        let body = ui::body_area(self.size);
        self.essay.resize(body);
        self.sources.resize(body);
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
        match self.tab {
            Tab::Growth => match action {
                Action::Left => self.growth.step(d, -1),
                Action::Right => self.growth.step(d, 1),
                Action::Home => self.growth.first(d),
                Action::End => self.growth.last(d),
                Action::ToggleLater => self.growth.toggle_later(d),
                _ => {}
            },
            Tab::Rankings => match action {
                Action::Up => self.rankings.move_by(-1),
                Action::Down => self.rankings.move_by(1),
                Action::Home => self.rankings.selected = 0,
                Action::End => self.rankings.to_last(),
                Action::NextTable => self.rankings.turn(1),
                Action::PrevTable => self.rankings.turn(-1),
                _ => {}
            },
            Tab::Essay | Tab::Sources => {
                let view = if self.tab == Tab::Essay { &mut self.essay } else { &mut self.sources };
                match action {
                    Action::Up => view.scroll_by(-1),
                    Action::Down => view.scroll_by(1),
                    Action::PageUp => view.scroll_by(-view.page()),
                    Action::PageDown => view.scroll_by(view.page()),
                    Action::Home => view.to_top(),
                    Action::End => view.to_bottom(),
                    _ => {}
                }
            }
        }
    }
}
