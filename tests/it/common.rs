//! Checks shared by the test files.

use ratatui::buffer::Buffer;

/// A wide character covers two cells; the second must be left blank, or a
/// real terminal draws the character over whatever the buffer put there.
pub fn assert_no_straddling(buf: &Buffer) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width.saturating_sub(1) {
            let symbol = buf[(x, y)].symbol();
            if unicode_width::UnicodeWidthStr::width(symbol) > 1 {
                let next = buf[(x + 1, y)].symbol();
                assert_eq!(next, " ", "{symbol:?} at {x},{y} spills over {next:?}");
            }
        }
    }
}
