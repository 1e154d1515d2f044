//! What input means to the app: an [`Action`] (from a key, the mouse or a
//! resize) or an [`Update`] (an action, a paste, or word from the worker).
//! `App::apply` takes them; nothing else changes the app.

use crate::tab::Tab;
use crate::work::{Done, Progress, Report};

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
    HalfPageUp,
    HalfPageDown,
    Home,
    End,
    ToggleLater,
    /// Growth: SNS users in millions, or as a share of internet users.
    ToggleMeasure,
    /// Growth: the selected year's detail in full over the chart, or back
    /// under it.
    ToggleDetail,
    /// Growth: every report's figure as a table (the ledger), or the chart.
    ToggleTable,
    /// Rankings: open or close the list of tables.
    ShowPages,
    /// Rankings: go to the table chosen in the list.
    GoToPage,
    /// Writes the current Growth or Rankings view as CSV to a new file.
    Export,
    /// The selected figure with its citation to the terminal's clipboard.
    CopyFigure,
    /// The whole view as Markdown to the terminal's clipboard.
    CopyView,
    /// Rankings: sort by the next column or direction.
    NextSort,
    /// Rankings: into the page's other table, whose figures Enter and y
    /// take.
    OtherTable,
    /// Opens the search prompt (Essay, Sources) or the filter (Rankings).
    StartSearch,
    /// Opens the go-to prompt: a line, a year or a row.
    StartGoTo,
    /// A character typed at the prompt.
    Type(char),
    /// The prompt's character before the cursor.
    Erase,
    /// The prompt's character under the cursor.
    EraseForward,
    /// The prompt's line before the cursor.
    EraseToStart,
    /// The prompt's word before the cursor.
    EraseWord,
    /// Leaves the prompt, keeping what it found.
    Submit,
    /// Esc, backing out of what is open: the prompt (a search or filter
    /// cleared with it), a search or filter, Growth's detail in full.
    Cancel,
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
    /// Trends: the next family of surveys, on a chart of its own.
    NextFamily,
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    /// Essay, Sources: lines at the reading width, or the window's full
    /// width.
    ToggleWidth,
    /// Stops the app as Ctrl-Z stops any program, until `fg`.
    Suspend,
    /// Draws the whole screen again, over whatever else wrote to it.
    Repaint,
}

impl Action {
    /// Growth's chart keys (o, d, u): its table has no later figures,
    /// detail or measure of its own.
    pub fn is_for_the_chart(self) -> bool {
        matches!(
            self,
            Action::ToggleLater | Action::ToggleDetail | Action::ToggleMeasure
        )
    }

    /// How many rows a paging action moves in a view of `page` rows, up
    /// where negative: a page less one row, so one line stays in view for
    /// context, or half a page.
    pub fn page_delta(self, page: usize) -> Option<isize> {
        let page = page.max(2) as isize;
        match self {
            Action::PageUp => Some(1 - page),
            Action::PageDown => Some(page - 1),
            Action::HalfPageUp => Some(-page / 2),
            Action::HalfPageDown => Some(page / 2),
            _ => None,
        }
    }
}

/// What changes the app: an action, text pasted, or word from the work
/// under way.
#[derive(Debug)]
pub enum Update {
    Act(Action),
    /// What came of an [`Effect::Write`]: the file written, or why not.
    Written(Result<std::path::PathBuf, String>),
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

/// What the app asks of the world outside it, for the loop to do: the app
/// itself only changes its state, so its tests need no files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `contents` to a new file named from `stem` (never over one).
    Write { stem: String, contents: String },
    /// Send text to the terminal's clipboard (OSC 52).
    Copy(String),
    /// Give the terminal back and stop until continued.
    Suspend,
    /// Clear the screen and draw it all.
    Repaint,
}
