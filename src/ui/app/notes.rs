//! The app's handling of notes: opening a folder's notes, autosave, the note commands (new, from a
//! finding, edit, save, delete, jump). Drawing is in `note_editor`, `notes_panel` and
//! `scorecard_view`; the notes themselves live in the core's [`NoteSession`].

use super::SynopticApp;
use crate::checks::Finding;
use crate::notes::anchor::{anchor_at, anchor_missing, reference_column};
use crate::notes::{Category, NoteSeverity, NoteStatus, category_for, new_id, severity_for};
use crate::review::Review;
use crate::session::NoteSession;
use crate::ui::command::Command;
use crate::ui::views::note_editor::Draft;
use std::sync::Arc;
use std::time::Instant;

impl SynopticApp {
    /// A folder was loaded: keep its notes session when it is the same folder (placing the notes anew),
    /// else let the previous folder's session save its last notes on its own thread and open the new
    /// one's. The sidecar is read on the session's thread; `ctx` repaints when it answers.
    pub(super) fn open_notes(&mut self, review: &Review, ctx: &egui::Context) {
        let same_folder = self.review.as_ref().is_some_and(|r| r.corpus.root == review.corpus.root);
        if same_folder && let Some(notes) = self.notes.as_mut() {
            notes.review_changed(review);
            return;
        }
        if let (Some(previous), Some(old_review)) = (self.notes.take(), self.review.as_deref()) {
            previous.close(old_review);
        }
        self.note_editor.close();
        self.notes_panel.reset();
        self.selected_note = None;
        let wake = ctx.clone();
        let session =
            NoteSession::open_waking(review, self.data_dir.as_deref(), Arc::new(move || wake.request_repaint()));
        self.notes = Some(session);
    }

    /// Save notes when due, and wake up for the next save.
    pub(super) fn autosave_notes(&mut self, ctx: &egui::Context) {
        let (Some(notes), Some(review)) = (self.notes.as_mut(), self.review.as_deref()) else { return };
        if let Some(wait) = notes.tick(Instant::now(), review) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Save unsaved notes now and wait for it (on exit), and for the last saves of folders closed before.
    pub(super) fn flush_notes(&mut self) {
        if let (Some(notes), Some(review)) = (self.notes.as_mut(), self.review.as_deref())
            && !notes.flush(review)
        {
            // Nothing else can be done on exit: say where the notes could not go.
            eprintln!(
                "synoptic: {}",
                notes.error.clone().unwrap_or_else(|| "the notes could not be saved in time".into())
            );
        }
        if !crate::session::worker::wait_for_closed(std::time::Duration::from_secs(8)) {
            eprintln!("synoptic: the notes of a folder closed earlier could not be saved in time");
        }
    }

    /// The notes of the open folder.
    pub fn notes(&self) -> Option<&NoteSession> {
        self.notes.as_ref()
    }

    /// The draft in the note editor, if it is open.
    pub fn note_draft(&self) -> Option<&Draft> {
        self.note_editor.draft()
    }

    pub(super) fn apply_note_command(&mut self, command: Command) {
        let Some(review) = self.review.clone() else { return };
        match command {
            Command::NewNote => {
                if let Some(draft) = self.new_note_draft(&review) {
                    self.note_editor.open(draft);
                } else {
                    self.error = Some("Select a cell of a document first (click it), then press N.".to_owned());
                }
            }
            Command::NoteFromFinding(i) => {
                if let Some(draft) = review.findings.get(i).and_then(|f| self.finding_draft(&review, f)) {
                    self.jump_to_finding(i);
                    self.note_editor.open(draft);
                }
            }
            Command::EditNote(id) => {
                if let Some(note) = self.notes.as_ref().and_then(|n| n.book().get(&id)) {
                    self.note_editor.open(Draft::of(note));
                    self.jump_to_note(&review, &id);
                }
            }
            Command::SaveNote(note) => {
                let id = note.id.clone();
                if let Some(notes) = self.notes.as_mut() {
                    notes.upsert(*note, &review);
                }
                self.selected_note = Some(id);
                self.panes.findings_changed();
            }
            Command::DeleteNote(id) => {
                if let Some(notes) = self.notes.as_mut() {
                    notes.remove(&id, &review);
                }
                self.panes.findings_changed();
            }
            Command::JumpToNote(id) => self.jump_to_note(&review, &id),
            _ => {}
        }
    }

    /// A new note on the selected cell; without a selection, on the first visible row of the first
    /// translation pane.
    fn new_note_draft(&self, review: &Review) -> Option<Draft> {
        let view = self.view.as_ref()?;
        let reference = reference_column(review, view.doc);
        let (row, column) = self.selected_cell.or_else(|| {
            let column =
                view.columns.iter().copied().find(|&c| Some(c) != reference).or(view.columns.first().copied())?;
            Some((self.top_row().min(review.documents[view.doc].alignment.rows.len().saturating_sub(1)), column))
        })?;
        self.draft_at(review, view.doc, row, column)
    }

    /// A draft for a cell: for its locale (a note on missing text when the cell is a gap), or for all.
    fn draft_at(&self, review: &Review, doc: usize, row: usize, column: usize) -> Option<Draft> {
        let cells = &review.documents.get(doc)?.alignment.rows.get(row)?.cells;
        let reference = reference_column(review, doc).unwrap_or(column);
        let reference_block = cells.get(reference).copied().flatten();
        let anchor_one = match cells.get(column).copied().flatten() {
            Some(block) => anchor_at(review, doc, column, block, false, ""),
            None => reference_block.and_then(|b| anchor_missing(review, doc, column, reference, b)),
        };
        let anchor_all = match (reference_block, cells.get(column).copied().flatten()) {
            (Some(b), _) => anchor_at(review, doc, reference, b, true, ""),
            (None, Some(b)) => anchor_at(review, doc, column, b, true, ""),
            (None, None) => None,
        };
        if anchor_one.is_none() && anchor_all.is_none() {
            return None;
        }
        let gap = cells.get(column).copied().flatten().is_none();
        Some(Draft {
            id: new_id(),
            is_new: true,
            all: anchor_one.is_none(),
            quote: String::new(),
            anchor_one,
            anchor_all,
            text: String::new(),
            category: if gap { Category::Omission } else { Category::Mistranslation },
            severity: NoteSeverity::Minor,
            status: NoteStatus::Open,
            author: self.settings.author_name(),
            created: String::new(),
            finding: None,
        })
    }

    /// A draft prefilled from a finding: its row and locale, message, category and severity.
    fn finding_draft(&self, review: &Review, finding: &Finding) -> Option<Draft> {
        let doc = review.document_index(&finding.document)?;
        let document = &review.corpus.documents[doc];
        let column = document
            .files
            .iter()
            .position(|&f| review.corpus.files[f].locale.to_string() == finding.locale)
            .or_else(|| reference_column(review, doc))?;
        let row = finding.row.or_else(|| first_row_of(review, doc, column))?;
        let mut draft = self.draft_at(review, doc, row, column)?;
        draft.all = finding.locale == crate::notes::ALL_LOCALES || draft.anchor_one.is_none();
        draft.text = finding.message.clone();
        draft.category = category_for(finding.id);
        draft.severity = severity_for(finding);
        draft.finding = Some(finding.fingerprint.clone());
        Some(draft)
    }

    fn jump_to_note(&mut self, review: &Review, id: &str) {
        let Some(place) =
            self.notes.as_ref().and_then(|n| n.book().get(id).and_then(|note| n.placements().of(note))).cloned()
        else {
            return;
        };
        self.selected_note = Some(id.to_owned());
        let Some(doc) = place.doc else {
            self.error = Some("This note's document is no longer in the folder; it is kept, shown as outdated.".into());
            return;
        };
        self.remember_place();
        if self.view.as_ref().is_none_or(|v| v.doc != doc) && doc < review.corpus.documents.len() {
            self.select_document(doc);
        }
        if let Some(row) = place.row {
            self.panes.scroll_to_row(row);
            if let Some(column) = place.column {
                self.selected_cell = Some((row, column));
            }
        }
    }
}

/// The first row where `column` has a block.
fn first_row_of(review: &Review, doc: usize, column: usize) -> Option<usize> {
    review.documents.get(doc)?.alignment.rows.iter().position(|r| r.cells.get(column).copied().flatten().is_some())
}
