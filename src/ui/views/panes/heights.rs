//! Row heights of the panes: measured as rows are drawn, estimated from text length until then, with
//! prefix sums that map a scroll offset to a row and a row to its top.

use super::GUTTER;
use crate::corpus::SourceFile;

/// Heights of the virtual rows (row 0: front matter; row k+1: aligned row k) and their prefix sums.
#[derive(Debug, Default)]
pub(super) struct RowHeights {
    /// The height of each virtual row.
    pub(super) heights: Vec<f32>,
    tops: Vec<f32>,
    dirty: bool,
}

impl RowHeights {
    pub(super) fn reset(&mut self, estimates: Vec<f32>) {
        self.heights = estimates;
        self.dirty = true;
    }

    pub(super) fn set(&mut self, row: usize, height: f32) -> bool {
        match self.heights.get_mut(row) {
            Some(h) if (*h - height).abs() > 0.5 => {
                *h = height;
                self.dirty = true;
                true
            }
            _ => false,
        }
    }

    pub(super) fn tops(&mut self) -> &[f32] {
        if self.dirty || self.tops.len() != self.heights.len() + 1 {
            self.tops.clear();
            self.tops.push(0.0);
            let mut y = 0.0;
            for h in &self.heights {
                y += h;
                self.tops.push(y);
            }
            self.dirty = false;
        }
        &self.tops
    }

    /// The row at content height `y`.
    pub(super) fn row_at(&mut self, y: f32) -> usize {
        let tops = self.tops();
        tops.partition_point(|&t| t <= y).saturating_sub(1).min(tops.len().saturating_sub(2))
    }
}

/// Guess row heights from text length until rows are measured.
pub(super) fn estimate_heights(
    files: &[&SourceFile],
    alignment: &crate::align::Alignment,
    columns: &[usize],
    width: f32,
    front_matter_open: bool,
) -> Vec<f32> {
    let chars_per_line = ((width - GUTTER - 10.0) / 7.5).max(10.0);
    let keys = columns.iter().map(|&c| files[c].skeleton.front_matter.entries.len()).max().unwrap_or(0);
    let mut out = vec![if front_matter_open { 24.0 + 18.0 * keys as f32 } else { 30.0 }];
    for row in &alignment.rows {
        let lines = columns
            .iter()
            .filter_map(|&c| row.cells[c].and_then(|b| files[c].skeleton.blocks.get(b)))
            .map(|b| (b.text.chars().count() as f32 / chars_per_line).ceil().max(1.0) + b.items as f32)
            .fold(1.0f32, f32::max);
        out.push(12.0 + 18.0 * lines);
    }
    out
}
