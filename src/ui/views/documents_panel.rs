//! The document list: every document with its locales, finding counts and stale/missing markers, and a
//! filter box. Entries have one fixed height, so only the ones in view are laid out (`show_rows`), for
//! folders of tens of thousands of documents. Up and Down move through the list and Enter opens, while
//! the filter box has the focus or after a click in the list.

use crate::notes::reviewed::ReviewIndex;
use crate::review::Review;
use crate::ui::command::Command;
use crate::ui::widgets::{REVIEWED_COLOR, plural};
use egui::{Key, Modifiers, Rect, Sense, UiBuilder, vec2};

/// The height of one entry: its name, then its locales and counts.
const ENTRY_HEIGHT: f32 = 40.0;

/// The list's own state.
#[derive(Debug, Default)]
pub struct DocumentsPanel {
    filter: String,
    /// The documents the filter keeps, and what they were selected for (filter, review, documents).
    shown: Vec<usize>,
    shown_for: Option<(String, usize, usize)>,
    /// The entry Up and Down move (a document index).
    cursor: Option<usize>,
    /// The list takes Up, Down and Enter.
    active: bool,
    /// Scroll so the cursor is in view.
    follow_cursor: bool,
    offset: f32,
    viewport: f32,
}

impl DocumentsPanel {
    /// Draw the list.
    pub fn documents_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        current: Option<usize>,
        reviewed: Option<&ReviewIndex>,
        commands: &mut Vec<Command>,
    ) {
        ui.heading("Documents");
        let label = ui.label("Filter:");
        let filter =
            ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("name or locale")).labelled_by(label.id);
        ui.separator();
        self.select(review);
        if self.cursor.is_none_or(|c| !self.shown.contains(&c)) {
            self.cursor = current.filter(|c| self.shown.contains(c)).or(self.shown.first().copied());
        }
        let typing_elsewhere = ui.memory(|m| m.focused().is_some()) && !filter.has_focus();
        if filter.has_focus() {
            self.active = true;
        }
        if self.active && !typing_elsewhere {
            self.keys_ui(ui, current, commands);
        }
        let list_rect = ui.available_rect_before_wrap();
        let spacing = ui.spacing().item_spacing.y;
        let mut area = egui::ScrollArea::vertical().id_salt("documents").auto_shrink(false);
        if std::mem::take(&mut self.follow_cursor)
            && let Some(pos) = self.cursor.and_then(|c| self.shown.iter().position(|&d| d == c))
        {
            let top = pos as f32 * (ENTRY_HEIGHT + spacing);
            if top < self.offset || top + ENTRY_HEIGHT > self.offset + self.viewport {
                area = area.vertical_scroll_offset((top - self.viewport / 2.0).max(0.0));
            }
        }
        let mut clicked_entry = false;
        let output = area.show_rows(ui, ENTRY_HEIGHT, self.shown.len(), |ui, range| {
            for &i in &self.shown[range] {
                let marked = (current == Some(i), self.active && self.cursor == Some(i));
                if entry_ui(ui, review, reviewed, i, marked) {
                    commands.push(Command::SelectDocument(i));
                    self.cursor = Some(i);
                    clicked_entry = true;
                }
            }
        });
        self.offset = output.state.clamped_offset().y;
        self.viewport = output.inner_rect.height();
        // A click in the list hands it the keys; a click anywhere else takes them back.
        let clicked_at = ui.input(|i| i.pointer.any_click().then(|| i.pointer.interact_pos()).flatten());
        if clicked_entry {
            self.active = true;
        } else if let Some(pos) = clicked_at
            && !list_rect.contains(pos)
            && !filter.rect.contains(pos)
        {
            self.active = false;
        }
    }

    /// The documents the filter keeps, selected once per change of the filter or the review.
    fn select(&mut self, review: &Review) {
        let key =
            (self.filter.trim().to_lowercase(), std::ptr::from_ref(review) as usize, review.corpus.documents.len());
        if self.shown_for.as_ref() == Some(&key) {
            return;
        }
        let needle = &key.0;
        self.shown = (0..review.corpus.documents.len())
            .filter(|&i| {
                needle.is_empty()
                    || review.corpus.documents[i].name.to_lowercase().contains(needle)
                    || review
                        .summaries
                        .get(i)
                        .is_some_and(|s| s.locales.iter().any(|l| l.to_lowercase().contains(needle)))
            })
            .collect();
        self.shown_for = Some(key);
    }

    /// Up and Down move the cursor, Enter opens its document.
    fn keys_ui(&mut self, ui: &egui::Ui, current: Option<usize>, commands: &mut Vec<Command>) {
        let (up, down, enter) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        let pos = self.cursor.and_then(|c| self.shown.iter().position(|&d| d == c));
        let moved = match (pos, up, down) {
            (Some(p), true, false) => p.checked_sub(1),
            (Some(p), false, true) => (p + 1 < self.shown.len()).then_some(p + 1),
            (None, _, true) => (!self.shown.is_empty()).then_some(0),
            _ => None,
        };
        if let Some(p) = moved {
            self.cursor = Some(self.shown[p]);
            self.follow_cursor = true;
        }
        if enter && let Some(c) = self.cursor.filter(|&c| Some(c) != current) {
            commands.push(Command::SelectDocument(c));
        }
    }

    /// The document under the keyboard cursor, while the list has the keys.
    pub fn cursor(&self) -> Option<usize> {
        self.cursor.filter(|_| self.active)
    }
}

/// One entry, `ENTRY_HEIGHT` tall: name and markers, then locales and counts. `marked` is (shown in the
/// panes, under the keyboard cursor). True when clicked.
fn entry_ui(
    ui: &mut egui::Ui,
    review: &Review,
    reviewed: Option<&ReviewIndex>,
    i: usize,
    (current, cursor): (bool, bool),
) -> bool {
    let doc = &review.corpus.documents[i];
    let summary = review.summaries.get(i).cloned().unwrap_or_default();
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), ENTRY_HEIGHT), Sense::click());
    let mut title = doc.name.clone();
    if summary.stale {
        title.push_str("  [stale]");
    }
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, current, &title));
    let visuals = ui.visuals().clone();
    if current {
        ui.painter().rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        ui.painter().rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if cursor {
        ui.painter().rect_stroke(rect.shrink(1.0), 2.0, visuals.selection.stroke, egui::StrokeKind::Inside);
    }
    let inner = Rect::from_min_max(rect.min + vec2(4.0, 2.0), rect.max - vec2(4.0, 2.0));
    let mut child = ui.new_child(UiBuilder::new().max_rect(inner).id_salt(("document", i)));
    child.set_clip_rect(inner.intersect(ui.clip_rect()));
    let color = if current { visuals.selection.stroke.color } else { visuals.strong_text_color() };
    child.add(egui::Label::new(egui::RichText::new(title).strong().color(color)).truncate().selectable(false));
    child.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        // The locales, those whose document is marked reviewed in green.
        for (c, locale) in summary.locales.iter().enumerate() {
            let text = egui::RichText::new(locale).small();
            if reviewed.is_some_and(|r| r.is_document_reviewed(i, c)) {
                ui.label(text.color(REVIEWED_COLOR)).on_hover_text(format!("{locale}: reviewed"));
            } else {
                ui.label(text);
            }
        }
        ui.add_space(4.0);
        let [e, w, n] = summary.counts;
        if e > 0 {
            ui.colored_label(ui.visuals().error_fg_color, egui::RichText::new(plural(e, "error")).small());
        }
        if w > 0 {
            ui.colored_label(ui.visuals().warn_fg_color, egui::RichText::new(plural(w, "warning")).small());
        }
        if n > 0 {
            ui.small(format!("{n} info"));
        }
        if !summary.missing.is_empty() {
            ui.small(format!("missing: {}", summary.missing.join(", ")));
        }
    });
    response.clicked()
}
