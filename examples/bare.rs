//! The reference for the startup harness (`cargo bench --bench startup`):
//! a bare ratatui program that draws one frame of a few widgets and exits
//! on q. sns-tui's startup is measured against it.

use std::io::stdout;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, Event, KeyCode};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Block, Gauge, Paragraph, Tabs};

fn main() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Hide)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    terminal.draw(|frame| {
        let [tabs, body, gauge] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(3),
        ])
        .areas(frame.area());
        frame.render_widget(Tabs::new(["One", "Two", "Three"]).select(0), tabs);
        frame.render_widget(
            Paragraph::new("A bare ratatui program. Press q to quit.")
                .block(Block::bordered().title(" bare ")),
            body,
        );
        frame.render_widget(Gauge::default().block(Block::bordered()).percent(42), gauge);
    })?;
    loop {
        if let Event::Key(key) = event::read()?
            && key.code == KeyCode::Char('q')
        {
            break;
        }
    }
    disable_raw_mode()?;
    execute!(stdout(), LeaveAlternateScreen, Show)?;
    Ok(())
}
