//! The prompt at the foot of the screen: typing a search or a filter, or
//! a place to go to.

use super::App;
use crate::action::Action;
use crate::prompt::Purpose;
use crate::tab::Tab;

impl App {
    /// Edits the prompt's line, a search searching as it changes; Enter
    /// keeps the search or goes to the place, and remembers the line for
    /// Up and Down.
    pub(super) fn edit_prompt(&mut self, action: Action) {
        let Some(mut p) = self.prompt.take() else {
            return;
        };
        let purpose = p.purpose();
        let history = match purpose {
            Purpose::Search => &mut self.searches,
            Purpose::GoTo => &mut self.gone_to,
        };
        let before = p.text().to_string();
        match action {
            Action::Type(c) => p.insert(c.encode_utf8(&mut [0; 4])),
            Action::Erase => p.erase_back(),
            Action::EraseForward => p.erase_forward(),
            Action::EraseWord => p.erase_word(),
            Action::EraseToStart => p.erase_to_start(),
            Action::Left => p.left(),
            Action::Right => p.right(),
            Action::Home => p.home(),
            Action::End => p.end(),
            Action::Up => p.recall(history, -1),
            Action::Down => p.recall(history, 1),
            Action::Submit => {
                if !p.text().is_empty() && history.last().map(String::as_str) != Some(p.text()) {
                    history.push(p.text().to_string());
                }
                if purpose == Purpose::GoTo {
                    self.go_to(p.text());
                }
                return;
            }
            _ => {}
        }
        if purpose == Purpose::Search && p.text() != before {
            self.set_query(p.text());
        }
        self.prompt = Some(p);
    }

    /// Pasted text is one edit of the prompt, which it opens where a
    /// search can start.
    pub(super) fn paste(&mut self, text: &str) {
        self.status = None;
        if self.prompt.is_none()
            && self.help.is_none()
            && !matches!(self.tab, Tab::Growth | Tab::Trends)
        {
            self.act(Action::StartSearch);
        }
        if let Some(p) = &mut self.prompt {
            p.insert(text);
            if p.purpose() == Purpose::Search {
                let q = p.text().to_string();
                self.set_query(&q);
            }
        }
    }

    pub(super) fn set_query(&mut self, q: &str) {
        match self.tab {
            Tab::Essay => self.essay.search(q),
            Tab::Sources => self.sources.search(q),
            Tab::Rankings => self.rankings.set_filter(&self.data, self.lang, q),
            Tab::Growth | Tab::Trends => {}
        }
    }
}
