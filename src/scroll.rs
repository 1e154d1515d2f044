//! How far a column of lines is scrolled: one type for the essay, the
//! sources, the help and the Growth detail. It knows how far it may go, so
//! no move can leave it out of range; a view sets that bound whenever its
//! lines or its rows change.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The first line in view.
    top: usize,
    /// The furthest `top` may go.
    max: usize,
}

impl Scroll {
    /// The first line in view.
    pub fn top(self) -> usize {
        self.top
    }

    /// The furthest the view can scroll.
    pub fn max(self) -> usize {
        self.max
    }

    /// Bounds for `lines` lines shown in `rows` rows.
    pub fn fit(&mut self, lines: usize, rows: usize) {
        self.set_max(lines.saturating_sub(rows));
    }

    /// Bounds where the view can scroll `max` lines at most.
    pub fn set_max(&mut self, max: usize) {
        self.max = max;
        self.top = self.top.min(max);
    }

    /// Moves by `delta` lines, up where negative.
    pub fn by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.max);
    }

    pub fn to_top(&mut self) {
        self.top = 0;
    }

    pub fn to_bottom(&mut self) {
        self.top = self.max;
    }

    /// Moves so that `top` is the first line in view, as far as it can.
    pub fn to(&mut self, top: usize) {
        self.top = top.min(self.max);
    }

    /// Whether the view is at the end of a text longer than it.
    pub fn at_bottom(self) -> bool {
        self.top > 0 && self.top == self.max
    }

    /// Brings `line` into a view of `rows` rows, a third of the way down
    /// where the view must move.
    pub fn reveal(&mut self, line: usize, rows: usize) {
        if line < self.top || line >= self.top + rows {
            self.to(line.saturating_sub(rows / 3));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_move_leaves_the_bounds() {
        let mut s = Scroll::default();
        s.fit(100, 20);
        assert_eq!(s.max(), 80);
        s.by(-5);
        assert_eq!(s.top(), 0);
        s.by(500);
        assert_eq!(s.top(), 80);
        assert!(s.at_bottom());
        s.fit(50, 20);
        assert_eq!(s.top(), 30, "a shorter text pulls the view back");
        s.fit(10, 20);
        assert_eq!(
            (s.top(), s.max()),
            (0, 0),
            "a text that fits does not scroll"
        );
        assert!(!s.at_bottom());
    }

    #[test]
    fn reveal_moves_only_when_the_line_is_out_of_view() {
        let mut s = Scroll::default();
        s.fit(100, 30);
        s.reveal(10, 30);
        assert_eq!(s.top(), 0, "already in view");
        s.reveal(60, 30);
        assert_eq!(s.top(), 50, "a third of the way down");
        s.reveal(99, 30);
        assert_eq!(s.top(), 70, "as far as it can");
    }
}
