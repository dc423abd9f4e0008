//! Line and column numbers in the file an exchange came from.
//!
//! A HAR file of a thousand exchanges is located in one forward pass: the
//! index keeps its position between calls, so each byte of the file is
//! counted once whatever the number of exchanges and findings, as long as
//! offsets are asked in increasing order (they are: exchanges come in file
//! order and the findings of one are sorted first).

/// A forward-moving line counter over one text.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    pos: usize,
    line: u32,
    line_start: usize,
    col_pos: usize,
    col: u32,
}

impl Default for LineIndex {
    fn default() -> Self {
        LineIndex { pos: 0, line: 1, line_start: 0, col_pos: 0, col: 1 }
    }
}

impl LineIndex {
    /// 1-based line and column (in characters) of byte `offset` of `src`.
    /// An offset behind the previous one restarts from the top (correct,
    /// only slower).
    pub(crate) fn locate(&mut self, src: &str, offset: usize) -> (u32, u32) {
        let bytes = src.as_bytes();
        let off = offset.min(bytes.len());
        if off < self.pos {
            *self = LineIndex::default();
        }
        let chunk = bytes.get(self.pos..off).unwrap_or_default();
        for nl in memchr::memchr_iter(b'\n', chunk) {
            self.line = self.line.saturating_add(1);
            self.line_start = self.pos + nl + 1;
        }
        self.pos = off;
        if self.col_pos < self.line_start || self.col_pos > off {
            self.col_pos = self.line_start;
            self.col = 1;
        }
        // Columns count characters: skip UTF-8 continuation bytes.
        let chunk = bytes.get(self.col_pos..off).unwrap_or_default();
        let chars = chunk.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        self.col = self.col.saturating_add(u32::try_from(chars).unwrap_or(u32::MAX));
        self.col_pos = off;
        (self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_forward_and_back() {
        let src = "ab\ncé\n\nxyz";
        let mut ix = LineIndex::default();
        assert_eq!(ix.locate(src, 0), (1, 1));
        assert_eq!(ix.locate(src, 1), (1, 2));
        assert_eq!(ix.locate(src, 3), (2, 1));
        assert_eq!(ix.locate(src, 6), (2, 3));
        assert_eq!(ix.locate(src, 8), (4, 1));
        assert_eq!(ix.locate(src, 10), (4, 3));
        assert_eq!(ix.locate(src, 99), (4, 4));
        assert_eq!(ix.locate(src, 4), (2, 2));
    }
}
