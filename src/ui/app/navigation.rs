//! Moving around the review: showing a document (its view derived once), the visible columns (per folder),
//! jumping to a finding (its pane brought into view) or a status entry, stepping through findings (F8,
//! on into the next document) and following links. Every jump is remembered for Back and Forward.

use super::SynopticApp;
use super::history::Place;
use crate::ui::state::{DocView, Flagged, is_false_positive};
use crate::ui::views::highlight::quoted_terms;

impl SynopticApp {
    /// Show a document: derive its view once, scroll to the top, clear the selection.
    pub(super) fn select_document(&mut self, doc: usize) {
        let Some(review) = self.review.clone() else { return };
        let Some(document) = review.corpus.documents.get(doc) else { return };
        let locales: Vec<String> = review.corpus.document_files(document).map(|f| f.locale.to_string()).collect();
        let (by_row, unplaced) = review.findings_by_row(doc);
        let in_order = by_row.values().flatten().copied().collect();
        self.settings.last_document = Some(document.name.clone());
        self.view = Some(DocView { doc, locales, by_row, unplaced, in_order, ..DocView::default() });
        self.refresh_columns();
        self.panes.reset();
        self.find.reset();
        self.selected_finding = None;
        self.flagged = None;
        self.selected_cell = None;
    }

    /// Visible columns in the folder's order, the source first; never none.
    pub(super) fn refresh_columns(&mut self) {
        let Some(review) = self.review.clone() else { return };
        let Some(view) = self.view.as_mut() else { return };
        let document = &review.corpus.documents[view.doc];
        let source = document.source.map(|s| review.corpus.files[s].locale.to_string());
        let layout = self.settings.layout(&review.corpus.root);
        let order = layout.order_locales(&view.locales, source.as_deref());
        let mut columns: Vec<usize> = order
            .iter()
            .filter(|l| !layout.hidden.contains(*l))
            .filter_map(|l| view.locales.iter().position(|x| x == l))
            .collect();
        if columns.is_empty() {
            columns = order.iter().filter_map(|l| view.locales.iter().position(|x| x == l)).collect();
        }
        view.hidden = order.iter().filter(|l| !columns.iter().any(|&c| &view.locales[c] == *l)).cloned().collect();
        view.source = source;
        view.columns = columns;
        self.panes.layout_changed();
    }

    /// Show or hide one locale's pane in this folder.
    pub(super) fn toggle_locale(&mut self, locale: String) {
        let Some(root) = self.review.as_ref().map(|r| r.corpus.root.clone()) else { return };
        let layout = self.settings.layout_mut(&root);
        if !layout.hidden.remove(&locale) {
            layout.hidden.insert(locale);
        }
        self.refresh_columns();
    }

    /// Show exactly these locales' panes (of the current document's) in this folder.
    pub(super) fn show_only(&mut self, shown: &[String]) {
        let (Some(review), Some(view)) = (self.review.clone(), self.view.as_ref()) else { return };
        let layout = self.settings.layout_mut(&review.corpus.root);
        for locale in &view.locales {
            if shown.contains(locale) {
                layout.hidden.remove(locale);
            } else {
                layout.hidden.insert(locale.clone());
            }
        }
        self.refresh_columns();
    }

    /// Move a locale's pane one place left or right in this folder.
    pub(super) fn move_locale(&mut self, locale: &str, left: bool) {
        let (Some(review), Some(view)) = (self.review.clone(), self.view.as_ref()) else { return };
        let order: Vec<String> = view.columns.iter().map(|&c| view.locales[c].clone()).collect();
        self.settings.layout_mut(&review.corpus.root).move_locale(&order, locale, left);
        self.refresh_columns();
    }

    /// Select a finding: show its document, scroll every pane to its row and bring its locale's pane
    /// into view (shown again if it was hidden).
    pub(super) fn jump_to_finding(&mut self, i: usize) {
        let Some(review) = self.review.clone() else { return };
        let Some(f) = review.findings.get(i) else { return };
        self.remember_place();
        if self.view.as_ref().is_none_or(|v| review.corpus.documents[v.doc].name != f.document)
            && let Some(doc) = review.document_index(&f.document)
        {
            self.select_document(doc);
        }
        self.selected_finding = Some(i);
        self.flagged = self.flagged_by(i);
        if let Some(row) = f.row {
            self.panes.scroll_to_row(row);
        }
        if self.view.as_ref().is_some_and(|v| v.hidden.contains(&f.locale)) {
            self.toggle_locale(f.locale.clone());
        }
        let column = self.view.as_ref().and_then(|v| v.columns.iter().position(|&c| v.locales[c] == f.locale));
        if let Some(k) = column {
            self.panes.reveal_column(k);
        }
    }

    /// What finding `i` flags in its row: the terms its message quotes, in its locale's cell (every
    /// cell for a finding shared by all locales) and the reference's.
    fn flagged_by(&self, i: usize) -> Option<Flagged> {
        let (review, view) = (self.review.as_ref()?, self.view.as_ref()?);
        let f = review.findings.get(i)?;
        let terms = quoted_terms(&f.message);
        if terms.is_empty() {
            return None;
        }
        let mut columns: Vec<usize> =
            (0..view.locales.len()).filter(|&c| f.locale == "*" || view.locales[c] == f.locale).collect();
        columns.extend(crate::notes::anchor::reference_column(review, view.doc));
        Some(Flagged { finding: i, row: f.row?, columns, terms })
    }

    /// Scroll to a row of the current document (a jump: Back returns).
    pub(super) fn jump_to_row(&mut self, row: usize) {
        self.remember_place();
        self.panes.scroll_to_row(row);
    }

    /// Select the next (`forward`) or previous shown finding: in the document, then on into the next (or
    /// previous) document that has one, round the folder.
    pub(super) fn step_finding(&mut self, forward: bool) {
        let Some(view) = &self.view else { return };
        let visible = self.shown_in_order(&view.in_order);
        let pos = self.selected_finding.and_then(|s| visible.iter().position(|&i| i == s));
        let next = match (pos, forward) {
            (None, _) if visible.is_empty() => None,
            (None, true) => Some(0),
            (None, false) => Some(visible.len() - 1),
            (Some(p), true) => (p + 1 < visible.len()).then_some(p + 1),
            (Some(p), false) => p.checked_sub(1),
        };
        match next.map(|n| visible[n]).or_else(|| self.finding_in_another_document(view.doc, forward)) {
            Some(i) => self.jump_to_finding(i),
            // No other document has one: go round this one.
            None if !visible.is_empty() => {
                self.jump_to_finding(if forward { visible[0] } else { visible[visible.len() - 1] })
            }
            None => {}
        }
    }

    /// The findings of `in_order` not hidden as false positives.
    fn shown_in_order(&self, in_order: &[usize]) -> Vec<usize> {
        let Some(review) = &self.review else { return Vec::new() };
        in_order
            .iter()
            .copied()
            .filter(|&i| {
                self.settings.show_false_positives
                    || !is_false_positive(self.notes.as_ref(), &review.findings[i].fingerprint)
            })
            .collect()
    }

    /// The first (forward) or last shown finding of the nearest other document that has one.
    fn finding_in_another_document(&self, doc: usize, forward: bool) -> Option<usize> {
        let review = self.review.as_ref()?;
        let n = review.corpus.documents.len();
        (1..n).map(|k| if forward { (doc + k) % n } else { (doc + n - k) % n }).find_map(|d| {
            // The summary's counts skip documents without findings at no cost.
            if review.summaries.get(d).is_none_or(|s| s.counts.iter().sum::<usize>() == 0) {
                return None;
            }
            let (by_row, _) = review.findings_by_row(d);
            let in_order: Vec<usize> = by_row.values().flatten().copied().collect();
            let shown = self.shown_in_order(&in_order);
            if forward { shown.first().copied() } else { shown.last().copied() }
        })
    }

    /// Follow a link of a column's file: the browser for http(s), the document for a relative link.
    pub(super) fn follow_link(&mut self, column: usize, target: &str, ctx: &egui::Context) {
        if let Some(url) = crate::ui::views::markdown::web_link(target) {
            ctx.open_url(egui::OpenUrl::new_tab(url));
            return;
        }
        if has_scheme(target) {
            self.error = Some(format!("`{target}` is not opened: only http and https links open the browser."));
            return;
        }
        let (Some(review), Some(view)) = (self.review.clone(), self.view.as_ref()) else { return };
        let Some(&file) = review.corpus.documents[view.doc].files.get(column) else { return };
        let from = review.corpus.files[file].rel.clone();
        match crate::corpus::resolve::resolve(&review.corpus, &from, target).and_then(|p| review.corpus.document_of(&p))
        {
            Some(doc) => {
                self.remember_place();
                self.select_document(doc);
            }
            None => self.error = Some(format!("`{target}` is not a document of this folder.")),
        }
    }

    /// Show a document picked in the list (a jump: Back returns).
    pub(super) fn open_document(&mut self, doc: usize) {
        if self.view.as_ref().is_some_and(|v| v.doc == doc) {
            return;
        }
        self.remember_place();
        self.select_document(doc);
    }

    /// Show a status entry: its document in the panes, its source changes in the status view.
    pub(super) fn show_status_entry(&mut self, i: usize) {
        let doc = self.review.as_ref().and_then(|r| r.status.entries.get(i)).map(|e| e.doc_index);
        if let Some(doc) = doc {
            self.open_document(doc);
            self.status_view.show_entry(i);
        }
    }

    /// Where the reviewer is: the document and the row at the top of the panes.
    pub(super) fn place(&mut self) -> Option<Place> {
        let row = self.panes.top_position().map(|(row, _)| row);
        let (review, view) = (self.review.as_ref()?, self.view.as_ref()?);
        Some(Place { document: review.corpus.documents[view.doc].name.clone(), row })
    }

    /// Go to a remembered place (Back, Forward).
    pub(super) fn go_to(&mut self, place: &Place) {
        let Some(doc) = self.review.as_ref().and_then(|r| r.document_index(&place.document)) else { return };
        if self.view.as_ref().is_none_or(|v| v.doc != doc) {
            self.select_document(doc);
        }
        match place.row {
            Some(row) => self.panes.scroll_to_row(row),
            None => self.panes.scroll_to_end(true),
        }
    }
}

/// A target with a URL scheme (`mailto:`, `javascript:`, `file:`): not a path inside the folder.
fn has_scheme(target: &str) -> bool {
    target.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1 && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}
