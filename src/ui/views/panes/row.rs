//! One aligned row across the panes: each cell's block (rendered, or raw; a same-language pane marks
//! the words it adds over the earlier one), gaps, badges, the findings' and notes' gutter markers (on
//! the right of a right-to-left pane) and each cell's context menu.

use super::{GUTTER, PaneCtx, Panes};
use crate::checks::{CheckId, Finding};
use crate::notes::Note;
use crate::notes::anchor::Fit;
use crate::skeleton::BlockKind;
use crate::ui::command::Command;
use crate::ui::state::is_false_positive;
use crate::ui::views::highlight::highlight;
use crate::ui::views::markdown::{self, Highlight, Piece};
use crate::ui::widgets::{REVIEWED_COLOR, finding_severity_color, note_severity_color};
use egui::{Rect, UiBuilder, vec2};

impl Panes {
    /// Draw virtual row `v` inside `rect`; returns the height it needs.
    pub(super) fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        rect: Rect,
        v: usize,
        ctx: &PaneCtx<'_>,
        commands: &mut Vec<Command>,
    ) -> f32 {
        if v == 0 {
            return self.front_matter_ui(ui, rect, ctx);
        }
        let r = v - 1;
        let alignment = &ctx.review.documents[ctx.view.doc].alignment;
        let row = &alignment.rows[r];
        let findings: Vec<&Finding> = ctx.view.by_row.get(&r).map_or_else(Vec::new, |ids| {
            ids.iter()
                .map(|&i| &ctx.review.findings[i])
                .filter(|f| ctx.settings.show_false_positives || !is_false_positive(ctx.marks.notes, &f.fingerprint))
                .collect()
        });
        if ctx.marks.highlight == Some(r) {
            ui.painter().rect_filled(rect, 0.0, ui.visuals().selection.bg_fill.gamma_multiply(0.35));
        }
        let mut height: f32 = 0.0;
        // The pinned column last, so it is drawn over the columns scrolled under it.
        for k in ctx.drawing_order() {
            let col = ctx.view.columns[k];
            let cell = Rect::from_min_size(
                egui::pos2(rect.min.x + ctx.column_x(k), rect.min.y),
                vec2(ctx.width, rect.height().max(1.0)),
            );
            let mut cell_ui = ui.new_child(UiBuilder::new().max_rect(cell).id_salt(("cell-frame", r, col)));
            cell_ui.set_clip_rect(ctx.clip_of(k, ui.clip_rect()).intersect(cell));
            if ctx.is_pinned(k) {
                let fill = if ctx.marks.highlight == Some(r) {
                    ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                } else {
                    ui.visuals().panel_fill
                };
                cell_ui.painter().rect_filled(cell, 0.0, fill);
            }
            if clicked_inside(&cell_ui, cell) {
                commands.push(Command::SelectCell { row: r, column: col });
            }
            let rtl = ctx.styles[col].rtl;
            cell_marks_ui(&cell_ui, cell, r, col, ctx);
            reviewed_mark_ui(&cell_ui, cell, rtl, r, col, ctx);
            let locale = &ctx.view.locales[col];
            let mine: Vec<&Finding> =
                findings.iter().copied().filter(|f| &f.locale == locale || (f.locale == "*" && k == 0)).collect();
            let inner = inner_rect(cell, rtl);
            let mut child = cell_ui.new_child(
                UiBuilder::new()
                    .max_rect(inner)
                    .id_salt(("cell", r, col))
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            child.set_width(inner.width());
            if let Some(b) = row.cells[col] {
                self.copy_menu_ui(&cell_ui, cell, r, col, b, ctx);
            }
            self.gutter_ui(&mut cell_ui, cell, rtl, &mine, ctx, commands);
            note_markers_ui(&mut cell_ui, cell, rtl, r, col, ctx, commands);
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

    #[allow(clippy::too_many_arguments)]
    fn gutter_ui(
        &self,
        ui: &mut egui::Ui,
        cell: Rect,
        rtl: bool,
        findings: &[&Finding],
        ctx: &PaneCtx<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(worst) = findings.iter().map(|f| f.severity).max() else { return };
        let spot = Rect::from_center_size(gutter_point(cell, rtl, 12.0), vec2(10.0, 10.0));
        let response = ui.interact(
            spot,
            ui.scope_id().with(("gutter", cell.min.x as i32, cell.min.y as i32)),
            egui::Sense::click(),
        );
        ui.painter().circle_filled(spot.center(), 4.5, finding_severity_color(ui, worst));
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
        let pane = &ctx.styles[col];
        if ctx.settings.raw_text {
            markdown::raw_ui(ui, source, pane, ctx.marks.find_text.trim());
            return;
        }
        if !self.pieces.contains_key(&(r, col)) {
            let marks: Vec<usize> = findings.iter().map(|f| file.lines.offset(&file.text, f.line, f.column)).collect();
            let refs = self.refs_of(ctx, col);
            let mut pieces = block_pieces(block, source, &marks, &refs);
            if hidden == 0
                && let Some(old) = self.same_language_pieces(r, col, ctx)
            {
                markdown::mark_changes(&mut pieces, &old);
            }
            self.pieces.insert((r, col), pieces);
        }
        let Some(pieces) = self.pieces.get(&(r, col)) else { return };
        let highlighted = self.highlighted.entry((r, col)).or_insert_with(|| highlights(pieces, r, col, ctx));
        let pieces = highlighted.as_ref().unwrap_or(pieces);
        if matches!(block.kind, BlockKind::Quote | BlockKind::Admonition) {
            quote_ui(ui, pane.rtl, |ui| markdown::pieces_ui(ui, pieces, pane, col, commands));
        } else {
            markdown::pieces_ui(ui, pieces, pane, col, commands);
        }
    }

    /// The cell's context menu: **Copy block** (the text as shown, in logical order — the way to copy
    /// from a right-to-left paragraph, whose text cannot be selected) and **Copy Markdown**.
    fn copy_menu_ui(&self, ui: &egui::Ui, cell: Rect, r: usize, col: usize, b: usize, ctx: &PaneCtx<'_>) {
        let response = ui.interact(cell, ui.scope_id().with(("cell-menu", r, col)), egui::Sense::click());
        let name = format!("{} row {}", ctx.view.locales[col], r + 1);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, &name));
        let file = ctx.files[col];
        let Some(block) = file.skeleton.blocks.get(b) else { return };
        response.context_menu(|ui| {
            if ui.button("Copy block").clicked() {
                let text = match self.pieces.get(&(r, col)) {
                    Some(pieces) if !ctx.settings.raw_text => markdown::plain_text(pieces),
                    _ => file.text[block.range.clone()].to_owned(),
                };
                ui.ctx().copy_text(text);
                ui.close();
            }
            if ui.button("Copy Markdown").clicked() {
                ui.ctx().copy_text(file.text[block.range.clone()].to_owned());
                ui.close();
            }
        });
    }

    /// A file's link reference definitions (collected once per document and column).
    fn refs_of(&mut self, ctx: &PaneCtx<'_>, col: usize) -> std::sync::Arc<markdown::RefDefs> {
        let file = ctx.files[col];
        std::sync::Arc::clone(
            self.refs.entry(col).or_insert_with(|| std::sync::Arc::new(markdown::RefDefs::of(&file.text))),
        )
    }

    /// When an earlier visible pane holds the same language, that pane's rendering of this row: the
    /// words this cell adds over it are marked.
    fn same_language_pieces(&mut self, r: usize, col: usize, ctx: &PaneCtx<'_>) -> Option<Vec<markdown::Piece>> {
        let alignment = &ctx.review.documents[ctx.view.doc].alignment;
        let row = &alignment.rows[r];
        let me = &ctx.files[col].locale;
        let other = *ctx
            .view
            .columns
            .iter()
            .take_while(|&&c| c != col)
            .find(|&&c| ctx.files[c].locale.same_language(me) && row.cells[c].is_some())?;
        let file = ctx.files[other];
        let block = file.skeleton.blocks.get(row.cells[other]?)?;
        let (source, hidden) = markdown::shown(&file.text[block.range.clone()]);
        if hidden > 0 || ctx.files[col].text.len().min(source.len()) > markdown::MAX_SHOWN_BYTES {
            return None; // a word diff of megabytes would stall the frame; the block is cut anyway
        }
        Some(block_pieces(block, source, &[], &self.refs_of(ctx, other)))
    }
}

/// A cell's pieces with the selected finding's terms (in its row: its locale's and the reference's cells)
/// and the find bar's matches highlighted; `None` when neither occurs in the cell.
fn highlights(pieces: &[Piece], r: usize, col: usize, ctx: &PaneCtx<'_>) -> Option<Vec<Piece>> {
    let flagged = ctx.marks.flagged.as_ref().filter(|f| f.row == r && f.columns.contains(&col));
    let flagged = flagged.and_then(|f| highlight(pieces, &f.terms, Highlight::Flagged));
    let base = flagged.as_deref().unwrap_or(pieces);
    let find = [ctx.marks.find_text.trim().to_owned()];
    highlight(base, &find, Highlight::Found).or(flagged)
}

/// A block's pieces: its Markdown rendered; an admonition's body under its name; site markup as written.
fn block_pieces(block: &crate::skeleton::Block, source: &str, marks: &[usize], refs: &markdown::RefDefs) -> Vec<Piece> {
    match block.kind {
        // Site markup (imports, comments, shortcodes) has no prose: shown as it is written.
        BlockKind::Markup => vec![Piece::Html(source.trim_end().to_owned())],
        BlockKind::Admonition => {
            let mut pieces = markdown::pieces(&markdown::admonition_body(source), block.range.start, marks, refs);
            if !matches!(pieces.first(), Some(Piece::Alert(_))) {
                pieces.insert(0, Piece::Alert(block.name.as_deref().unwrap_or("note").to_uppercase()));
            }
            pieces
        }
        _ => markdown::pieces(source, block.range.start, marks, refs),
    }
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

/// The selected cell's frame and the current find match's frame.
fn cell_marks_ui(ui: &egui::Ui, cell: Rect, r: usize, col: usize, ctx: &PaneCtx<'_>) {
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
}

/// A reviewed cell (its row, or its document in its locale, marked reviewed): a green bar down its left
/// edge, with who and when on hover.
fn reviewed_mark_ui(ui: &egui::Ui, cell: Rect, rtl: bool, r: usize, col: usize, ctx: &PaneCtx<'_>) {
    let Some(session) = ctx.marks.notes else { return };
    if !session.reviewed().is_row_reviewed(ctx.view.doc, r, col) {
        return;
    }
    // On the side the text starts from, like the gutter.
    let x = if rtl { cell.max.x - 4.0 } else { cell.min.x + 1.0 };
    let bar = Rect::from_min_max(egui::pos2(x, cell.min.y + 2.0), egui::pos2(x + 3.0, cell.max.y - 2.0));
    ui.painter().rect_filled(bar, 1.0, REVIEWED_COLOR);
    let id = ui.scope_id().with(("reviewed", r, col));
    ui.interact(bar, id, egui::Sense::hover()).on_hover_text("reviewed");
}

/// The notes of a cell, as a marker in its gutter under the findings' dot: colored by the worst
/// severity, hollow when a note is outdated; hover shows them, a click opens the first.
fn note_markers_ui(
    ui: &mut egui::Ui,
    cell: Rect,
    rtl: bool,
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
    let spot = Rect::from_center_size(gutter_point(cell, rtl, 30.0), vec2(11.0, 11.0));
    let response = ui.interact(spot, ui.scope_id().with(("note", r, col)), egui::Sense::click());
    let color = note_severity_color(ui, worst);
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

/// The text area of a cell: the gutter (findings' and notes' markers) is on the left of a left-to-right
/// pane and on the right of a right-to-left one.
fn inner_rect(cell: Rect, rtl: bool) -> Rect {
    if rtl {
        Rect::from_min_max(cell.min + vec2(6.0, 3.0), cell.max - vec2(GUTTER, 0.0))
    } else {
        Rect::from_min_max(cell.min + vec2(GUTTER, 3.0), cell.max - vec2(6.0, 0.0))
    }
}

/// The centre of a gutter marker `y` below the cell's top.
fn gutter_point(cell: Rect, rtl: bool, y: f32) -> egui::Pos2 {
    let x = if rtl { cell.max.x - GUTTER / 2.0 } else { cell.min.x + GUTTER / 2.0 };
    egui::pos2(x, cell.min.y + y)
}

/// A block quote: its bar on the side the text starts from.
fn quote_ui(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui)) {
    let margin = if rtl {
        egui::Margin { right: 10, ..Default::default() }
    } else {
        egui::Margin { left: 10, ..Default::default() }
    };
    let response = egui::Frame::new().inner_margin(margin).show(ui, add).response;
    let rect = response.rect;
    let x = if rtl { rect.right() - 2.0 } else { rect.left() + 2.0 };
    ui.painter().vline(x, rect.y_range(), egui::Stroke::new(3.0, ui.visuals().weak_text_color()));
}

/// A primary click landed in `rect` on this layer — on the text or between it. Read from the pointer
/// rather than a widget response, because the cell's labels take clicks for text selection.
fn clicked_inside(ui: &egui::Ui, rect: Rect) -> bool {
    let Some(pos) = ui.input(|i| i.pointer.primary_clicked().then_some(i.pointer.interact_pos()).flatten()) else {
        return false;
    };
    rect.contains(pos) && ui.clip_rect().contains(pos) && ui.ctx().layer_id_at(pos) == Some(ui.layer_id())
}
