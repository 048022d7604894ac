//! The review view: one pane per locale, side by side, aligned row by row. All panes live in one
//! scroll area, so scrolling any pane scrolls all; row k of every pane starts at the same height and is
//! as tall as its tallest block. Only the rows in view are laid out (a prefix sum of row heights maps
//! the viewport to rows); heights are measured as rows are drawn and estimated until then.

use super::app::DocView;
use super::command::Command;
use super::markdown::{self, Piece};
use super::problems_panel::severity_color;
use super::settings::Settings;
use crate::checks::{CheckId, Finding};
use crate::corpus::SourceFile;
use crate::diff::{Change, word_diff};
use crate::notes::Note;
use crate::notes::anchor::Fit;
use crate::notes::session::NoteSession;
use crate::review::Review;
use crate::skeleton::frontmatter::KeyRow;
use egui::{Rect, UiBuilder, Vec2, vec2};
use std::collections::HashMap;
use std::ops::Range;

/// Word-level changes of a cell against an earlier pane of the same language.
type WordDiff = Vec<(Change, Range<usize>)>;

/// Narrowest a pane gets; more panes than fit scroll sideways.
pub const MIN_PANE_WIDTH: f32 = 300.0;
const GUTTER: f32 = 16.0;
const HEADER_HEIGHT: f32 = 26.0;

/// Heights of the virtual rows (row 0: front matter; row k+1: aligned row k) and their prefix sums.
#[derive(Debug, Default)]
struct RowHeights {
    heights: Vec<f32>,
    tops: Vec<f32>,
    dirty: bool,
}

impl RowHeights {
    fn reset(&mut self, estimates: Vec<f32>) {
        self.heights = estimates;
        self.dirty = true;
    }

    fn set(&mut self, row: usize, height: f32) -> bool {
        match self.heights.get_mut(row) {
            Some(h) if (*h - height).abs() > 0.5 => {
                *h = height;
                self.dirty = true;
                true
            }
            _ => false,
        }
    }

    fn tops(&mut self) -> &[f32] {
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
    fn row_at(&mut self, y: f32) -> usize {
        let tops = self.tops();
        tops.partition_point(|&t| t <= y).saturating_sub(1).min(tops.len().saturating_sub(2))
    }
}

/// The panes' own state.
#[derive(Default)]
pub struct Panes {
    heights: RowHeights,
    layout_key: Option<(usize, u32, Vec<usize>, bool)>,
    pending_offset: Option<f32>,
    pending_row: Option<usize>,
    offset: Vec2,
    viewport_height: f32,
    visible: Range<usize>,
    pieces: HashMap<(usize, usize), Vec<Piece>>,
    front_matter: Vec<KeyRow>,
    diffs: HashMap<(usize, usize), WordDiff>,
}

impl Panes {
    /// A new document: forget heights and caches, scroll to the top.
    pub fn reset(&mut self) {
        self.layout_key = None;
        self.pending_offset = Some(0.0);
        self.pieces.clear();
        self.diffs.clear();
    }

    /// Findings were marked or unmarked, or the rendering changed: rendered blocks are redone.
    pub fn findings_changed(&mut self) {
        self.pieces.clear();
    }

    /// Columns were shown, hidden or moved.
    pub fn layout_changed(&mut self) {
        self.layout_key = None;
    }

    /// Scroll so `row` is at the top of the view.
    pub fn scroll_to_row(&mut self, row: usize) {
        self.pending_row = Some(row);
    }

    /// Scroll by a number of pages.
    pub fn scroll_pages(&mut self, pages: f32) {
        self.pending_offset = Some((self.offset.y + pages * self.viewport_height * 0.9).max(0.0));
    }

    /// Scroll to the top or the bottom.
    pub fn scroll_to_end(&mut self, top: bool) {
        if top {
            self.pending_offset = Some(0.0);
        } else {
            self.pending_row = Some(usize::MAX);
        }
    }

    /// The aligned rows drawn in the last frame.
    pub fn visible_rows(&self) -> Range<usize> {
        self.visible.clone()
    }

    /// Draw the panes of the current document.
    pub fn panes_ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        view: &DocView,
        settings: &Settings,
        marks: &Marks<'_>,
        commands: &mut Vec<Command>,
    ) {
        let document = &review.corpus.documents[view.doc];
        let files: Vec<&SourceFile> = review.corpus.document_files(document).collect();
        let alignment = &review.documents[view.doc].alignment;
        let columns = &view.columns;
        // Leave room for the vertical scroll bar, so the last pane is not cut off under it.
        let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin + 4.0;
        let width = ((ui.available_width() - bar) / columns.len().max(1) as f32).max(MIN_PANE_WIDTH);
        let key = (view.doc, width.round() as u32, columns.clone(), settings.raw_text);
        // Rendered blocks are dropped by `findings_changed` (raw text, false positives) and `reset`.
        if self.layout_key.as_ref() != Some(&key) {
            self.heights.reset(estimate_heights(&files, alignment, columns, width));
            let fms: Vec<_> = columns.iter().map(|&c| &files[c].skeleton.front_matter).collect();
            self.front_matter = crate::skeleton::frontmatter::compare(&fms);
            self.layout_key = Some(key);
        }
        let ctx = PaneCtx { review, view, files: &files, settings, width, marks };
        self.header_ui(ui, &ctx, commands);
        if let Some(row) = self.pending_row.take() {
            let viewport = self.viewport_height;
            let tops = self.heights.tops();
            let total = tops.last().copied().unwrap_or(0.0);
            let top = tops.get(row.saturating_add(1)).copied().unwrap_or(total);
            self.pending_offset = Some(top.min((total - viewport).max(0.0)));
        }
        let total_width = width * columns.len() as f32;
        let mut area = egui::ScrollArea::both().id_salt(("panes", view.doc)).auto_shrink(false);
        if let Some(y) = self.pending_offset.take() {
            area = area.vertical_scroll_offset(y);
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            let total_height = *self.heights.tops().last().unwrap_or(&0.0);
            ui.set_min_size(vec2(total_width, total_height));
            let origin = ui.max_rect().min;
            let rows = alignment.rows.len() + 1;
            let first = self.heights.row_at(viewport.min.y);
            let mut changed = false;
            let mut last = first;
            for v in first..rows {
                let top = self.heights.tops()[v];
                if top > viewport.max.y {
                    break;
                }
                let rect = Rect::from_min_size(origin + vec2(0.0, top), vec2(total_width, self.heights.heights[v]));
                let height = self.row_ui(ui, rect, v, &ctx, commands);
                changed |= self.heights.set(v, height);
                last = v;
            }
            self.visible = first.saturating_sub(1)..last;
            if changed {
                ui.ctx().request_repaint();
            }
        });
        self.offset = output.state.clamped_offset();
        self.viewport_height = output.inner_rect.height();
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, ctx: &PaneCtx<'_>, commands: &mut Vec<Command>) {
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), HEADER_HEIGHT), egui::Sense::hover());
        let document = &ctx.review.corpus.documents[ctx.view.doc];
        for (k, &col) in ctx.view.columns.iter().enumerate() {
            let x = rect.min.x + k as f32 * ctx.width - self.offset.x;
            let cell = Rect::from_min_size(egui::pos2(x, rect.min.y), vec2(ctx.width, HEADER_HEIGHT));
            if !cell.intersects(rect) {
                continue;
            }
            let mut child = ui.new_child(
                UiBuilder::new()
                    .max_rect(cell)
                    .id_salt(("header", col))
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
            );
            child.set_clip_rect(rect.intersect(cell));
            let locale = &ctx.view.locales[col];
            let is_source = document.source == Some(document.files[col]);
            let title = if is_source { format!("{locale} (source)") } else { locale.clone() };
            child.strong(title).on_hover_text(&ctx.files[col].rel);
            if child.small_button("<").on_hover_text(format!("Move {locale} left")).clicked() {
                commands.push(Command::MoveLocale(locale.clone(), true));
            }
            if child.small_button(">").on_hover_text(format!("Move {locale} right")).clicked() {
                commands.push(Command::MoveLocale(locale.clone(), false));
            }
            if child.small_button("Hide").on_hover_text(format!("Hide {locale}")).clicked() {
                commands.push(Command::ToggleLocale(locale.clone()));
            }
        }
        let hidden: Vec<String> =
            ctx.view.locales.iter().filter(|l| ctx.settings.hidden_locales.contains(*l)).cloned().collect();
        if !hidden.is_empty() {
            ui.horizontal(|ui| {
                ui.label("Hidden:");
                for l in hidden {
                    if ui.small_button(format!("Show {l}")).clicked() {
                        commands.push(Command::ToggleLocale(l));
                    }
                }
            });
        }
    }

    /// Draw virtual row `v` inside `rect`; returns the height it needs.
    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        rect: Rect,
        v: usize,
        ctx: &PaneCtx<'_>,
        commands: &mut Vec<Command>,
    ) -> f32 {
        if v == 0 {
            return front_matter_ui(ui, rect, ctx, &self.front_matter);
        }
        let r = v - 1;
        let alignment = &ctx.review.documents[ctx.view.doc].alignment;
        let row = &alignment.rows[r];
        let findings: Vec<&Finding> = ctx.view.by_row.get(&r).map_or_else(Vec::new, |ids| {
            ids.iter()
                .map(|&i| &ctx.review.findings[i])
                .filter(|f| ctx.settings.show_false_positives || !ctx.settings.false_positives.contains(&f.fingerprint))
                .collect()
        });
        if ctx.marks.highlight == Some(r) {
            ui.painter().rect_filled(rect, 0.0, ui.visuals().selection.bg_fill.gamma_multiply(0.35));
        }
        let mut height: f32 = 0.0;
        for (k, &col) in ctx.view.columns.iter().enumerate() {
            let cell = Rect::from_min_size(
                rect.min + vec2(k as f32 * ctx.width, 0.0),
                vec2(ctx.width, rect.height().max(1.0)),
            );
            if clicked_inside(ui, cell) {
                commands.push(Command::SelectCell { row: r, column: col });
            }
            if ctx.marks.selected_cell == Some((r, col)) {
                ui.painter().rect_stroke(
                    cell.shrink(1.0),
                    2.0,
                    egui::Stroke::new(1.5, ui.visuals().weak_text_color()),
                    egui::StrokeKind::Inside,
                );
            }
            if ctx.marks.find == Some((r, col)) {
                ui.painter().rect_stroke(
                    cell.shrink(1.0),
                    2.0,
                    egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
                    egui::StrokeKind::Inside,
                );
            }
            let locale = &ctx.view.locales[col];
            let mine: Vec<&Finding> =
                findings.iter().copied().filter(|f| &f.locale == locale || (f.locale == "*" && k == 0)).collect();
            let inner = Rect::from_min_max(cell.min + vec2(GUTTER, 3.0), cell.max - vec2(6.0, 0.0));
            let mut child = ui.new_child(
                UiBuilder::new()
                    .max_rect(inner)
                    .id_salt(("cell", r, col))
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            child.set_width(inner.width());
            self.gutter_ui(ui, cell, &mine, ctx, commands);
            note_markers_ui(ui, cell, r, col, ctx, commands);
            match row.cells[col] {
                Some(b) => self.block_ui(&mut child, r, col, b, &mine, ctx, commands),
                None => gap_ui(&mut child, locale, row.moved),
            }
            height = height.max(child.min_rect().height() + 8.0);
        }
        let y = rect.min.y + height - 1.0;
        ui.painter().hline(rect.x_range(), y, ui.visuals().widgets.noninteractive.bg_stroke);
        height
    }

    fn gutter_ui(
        &self,
        ui: &mut egui::Ui,
        cell: Rect,
        findings: &[&Finding],
        ctx: &PaneCtx<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(worst) = findings.iter().map(|f| f.severity).max() else { return };
        let spot = Rect::from_center_size(cell.min + vec2(GUTTER / 2.0, 12.0), vec2(10.0, 10.0));
        let response = ui.interact(
            spot,
            ui.scope_id().with(("gutter", cell.min.x as i32, cell.min.y as i32)),
            egui::Sense::click(),
        );
        ui.painter().circle_filled(spot.center(), 4.5, severity_color(ui, worst));
        let text: Vec<String> =
            findings.iter().map(|f| format!("{} {}: {}", f.severity.as_str(), f.id, f.message)).collect();
        let response = response.on_hover_text(text.join("\n"));
        if response.clicked()
            && let Some(first) = findings.first()
            && let Some(i) = ctx.review.findings.iter().position(|f| std::ptr::eq(f, *first))
        {
            commands.push(Command::JumpToFinding(i));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn block_ui(
        &mut self,
        ui: &mut egui::Ui,
        r: usize,
        col: usize,
        b: usize,
        findings: &[&Finding],
        ctx: &PaneCtx<'_>,
        commands: &mut Vec<Command>,
    ) {
        let file = ctx.files[col];
        let Some(block) = file.skeleton.blocks.get(b) else { return };
        badges_ui(ui, findings);
        let (source, hidden) = markdown::shown(&file.text[block.range.clone()]);
        if hidden > 0 {
            let note = format!(
                "Only the first {} KB of this block are shown; open the file for the rest.",
                source.len() >> 10
            );
            ui.label(egui::RichText::new(note).weak().italics());
        }
        if ctx.settings.raw_text {
            ui.add(egui::Label::new(egui::RichText::new(source).monospace()).wrap());
            return;
        }
        if hidden == 0
            && let Some(diff) = self.same_language_diff(r, col, ctx)
        {
            let width = ui.available_width();
            diff_ui(ui, &block.text, diff, width);
            return;
        }
        let pieces = self.pieces.entry((r, col)).or_insert_with(|| {
            let marks: Vec<usize> = findings.iter().map(|f| file.lines.offset(&file.text, f.line, f.column)).collect();
            markdown::pieces(source, block.range.start, &marks)
        });
        let quote = block.kind == crate::skeleton::BlockKind::Quote;
        if quote {
            egui::Frame::new()
                .inner_margin(egui::Margin { left: 8, ..Default::default() })
                .stroke(egui::Stroke::new(2.0, ui.visuals().weak_text_color()))
                .show(ui, |ui| markdown::pieces_ui(ui, pieces, col, commands));
        } else {
            markdown::pieces_ui(ui, pieces, col, commands);
        }
    }

    /// When an earlier visible pane holds the same language, the word-level changes of this cell.
    fn same_language_diff(&mut self, r: usize, col: usize, ctx: &PaneCtx<'_>) -> Option<&WordDiff> {
        let alignment = &ctx.review.documents[ctx.view.doc].alignment;
        let row = &alignment.rows[r];
        let me = &ctx.files[col].locale;
        let other = ctx
            .view
            .columns
            .iter()
            .take_while(|&&c| c != col)
            .find(|&&c| ctx.files[c].locale.same_language(me) && row.cells[c].is_some())?;
        let old = &ctx.files[*other].skeleton.blocks[row.cells[*other]?].text;
        let new = &ctx.files[col].skeleton.blocks[row.cells[col]?].text;
        if old.len().max(new.len()) > markdown::MAX_SHOWN_BYTES {
            return None; // a word diff of megabytes would stall the frame; the block is cut anyway
        }
        Some(self.diffs.entry((r, col)).or_insert_with(|| word_diff(old, new)))
    }
}

/// What the panes mark besides the documents: the selected finding's row, the find match, the
/// selected cell and the notes.
pub struct Marks<'a> {
    /// The aligned row of the selected finding.
    pub highlight: Option<usize>,
    /// The (row, column) of the current find match.
    pub find: Option<(usize, usize)>,
    /// The selected (row, column): where a new note goes.
    pub selected_cell: Option<(usize, usize)>,
    /// The notes, with where each is shown.
    pub notes: Option<&'a NoteSession>,
}

/// What every part of the panes reads.
struct PaneCtx<'a> {
    review: &'a Review,
    view: &'a DocView,
    files: &'a [&'a SourceFile],
    settings: &'a Settings,
    width: f32,
    marks: &'a Marks<'a>,
}

/// Guess row heights from text length until rows are measured.
fn estimate_heights(
    files: &[&SourceFile],
    alignment: &crate::align::Alignment,
    columns: &[usize],
    width: f32,
) -> Vec<f32> {
    let chars_per_line = ((width - GUTTER - 10.0) / 7.5).max(10.0);
    let keys = columns.iter().map(|&c| files[c].skeleton.front_matter.entries.len()).max().unwrap_or(0);
    let mut out = vec![24.0 + 18.0 * keys as f32];
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

fn badges_ui(ui: &mut egui::Ui, findings: &[&Finding]) {
    let badges: Vec<&str> = findings
        .iter()
        .filter_map(|f| match f.id {
            CheckId::StructureMissing => Some("missing"),
            CheckId::StructureExtra => Some("extra"),
            CheckId::StructureMoved => Some("moved"),
            CheckId::StructureCount => Some("count differs"),
            CheckId::StructureHeadingLevel => Some("level differs"),
            _ => None,
        })
        .collect();
    if badges.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        for b in badges {
            ui.label(
                egui::RichText::new(b)
                    .small()
                    .color(ui.visuals().warn_fg_color)
                    .background_color(ui.visuals().faint_bg_color),
            );
        }
    });
}

fn gap_ui(ui: &mut egui::Ui, locale: &str, moved: Option<usize>) {
    let text = match moved {
        Some(other) => format!("missing in {locale} here (moved: see row {})", other + 1),
        None => format!("missing in {locale}"),
    };
    egui::Frame::new().fill(ui.visuals().faint_bg_color).inner_margin(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(text).italics().weak());
    });
}

/// A word-level diff as wrapped text, the inserted words highlighted, at most `width` wide.
pub(super) fn diff_ui(ui: &mut egui::Ui, text: &str, diff: &[(Change, Range<usize>)], width: f32) {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    for (change, range) in diff {
        let mut format = egui::TextFormat::simple(body.clone(), ui.visuals().text_color());
        if *change == Change::Inserted {
            format.background = ui.visuals().warn_fg_color.gamma_multiply(0.3);
        }
        job.append(text.get(range.clone()).unwrap_or_default(), 0.0, format);
    }
    job.wrap.max_width = width;
    ui.label(job);
}

/// The front-matter row, from the comparison made once per document and column set.
fn front_matter_ui(ui: &mut egui::Ui, rect: Rect, ctx: &PaneCtx<'_>, rows: &[KeyRow]) -> f32 {
    if rows.is_empty() {
        return 4.0;
    }
    let mut height: f32 = 0.0;
    for (k, &col) in ctx.view.columns.iter().enumerate() {
        let cell = Rect::from_min_size(
            rect.min + vec2(k as f32 * ctx.width + GUTTER, 2.0),
            vec2(ctx.width - GUTTER - 6.0, rect.height()),
        );
        let mut child = ui.new_child(
            UiBuilder::new()
                .max_rect(cell)
                .id_salt(("front-matter", col))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        egui::CollapsingHeader::new("Front matter").id_salt(("fm", col)).default_open(rows.len() <= 8).show(
            &mut child,
            |ui| {
                for row in rows {
                    let value = row.values[k].as_deref();
                    let text = egui::RichText::new(format!("{}: {}", row.key, value.unwrap_or("—")));
                    let text = if row.differs[k] {
                        text.color(ui.visuals().warn_fg_color).strong()
                    } else if value.is_none() {
                        text.weak()
                    } else {
                        text
                    };
                    ui.add(egui::Label::new(text).truncate());
                }
            },
        );
        height = height.max(child.min_rect().height() + 8.0);
    }
    height
}

/// The notes of a cell, as a marker in its gutter under the findings' dot: colored by the worst
/// severity, hollow when a note is outdated; hover shows them, a click opens the first.
fn note_markers_ui(
    ui: &mut egui::Ui,
    cell: Rect,
    r: usize,
    col: usize,
    ctx: &PaneCtx<'_>,
    commands: &mut Vec<Command>,
) {
    let Some(session) = ctx.marks.notes else { return };
    let ids = session.placements().in_cell(ctx.view.doc, r, col);
    let notes: Vec<&Note> = ids.iter().filter_map(|id| session.book().get(id)).collect();
    let Some(worst) = notes.iter().map(|n| n.severity).max() else { return };
    let outdated = ids.iter().any(|id| session.placements().by_id.get(id).is_some_and(|p| p.fit == Fit::Outdated));
    let spot = Rect::from_center_size(cell.min + vec2(GUTTER / 2.0, 30.0), vec2(11.0, 11.0));
    let response = ui.interact(spot, ui.scope_id().with(("note", r, col)), egui::Sense::click());
    let color = super::notes_panel::severity_color(ui, worst);
    if outdated {
        ui.painter().rect_stroke(spot, 2.0, egui::Stroke::new(1.5, color), egui::StrokeKind::Inside);
    } else {
        ui.painter().rect_filled(spot, 2.0, color);
    }
    let text: Vec<String> = notes
        .iter()
        .map(|n| {
            format!(
                "note ({}, {}): {}",
                n.severity.as_str(),
                n.status.label(),
                n.text.lines().next().unwrap_or_default()
            )
        })
        .collect();
    let hint = if outdated { "\n(outdated: its text changed since)" } else { "" };
    if response.on_hover_text(format!("{}{hint}", text.join("\n"))).clicked()
        && let Some(first) = ids.first()
    {
        commands.push(Command::EditNote(first.clone()));
    }
}

/// A primary click landed in `rect` on this layer — on the text or between it. Read from the pointer
/// rather than a widget response, because the cell's labels take clicks for text selection.
fn clicked_inside(ui: &egui::Ui, rect: Rect) -> bool {
    let Some(pos) = ui.input(|i| i.pointer.primary_clicked().then_some(i.pointer.interact_pos()).flatten()) else {
        return false;
    };
    rect.contains(pos) && ui.clip_rect().contains(pos) && ui.ctx().layer_id_at(pos) == Some(ui.layer_id())
}
