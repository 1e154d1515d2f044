//! One module per tab: its view state and how it draws.

pub mod growth;
pub mod rankings;
pub mod text;
pub mod trends;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::dataset::Dataset;
use crate::lang::Lang;
use crate::ui::theme::Theme;

/// What every tab draws with, and reads a click with: the data, the theme
/// and the language. The views hold only their own state.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub theme: &'a Theme,
    pub lang: Lang,
}

/// A tab's view state, drawn in the tab's body with the context.
pub trait View {
    fn render(&self, ctx: &Ctx, body: Rect, buf: &mut Buffer);
}

/// A tab as a widget: its view and what it draws with.
pub struct TabWidget<'a> {
    pub view: &'a dyn View,
    pub ctx: Ctx<'a>,
}

impl Widget for TabWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.view.render(&self.ctx, area, buf);
    }
}
