//! Moving around the review: showing a document (its view derived once), the visible columns, jumping to
//! a finding or a status entry, stepping through findings (F8) and following links.

use super::SynopticApp;
use crate::ui::state::DocView;

impl SynopticApp {
    /// Show a document: derive its view once, scroll to the top, clear the selection.
    pub(super) fn select_document(&mut self, doc: usize) {
        let Some(review) = self.review.clone() else { return };
        let Some(document) = review.corpus.documents.get(doc) else { return };
        let locales: Vec<String> = review.corpus.document_files(document).map(|f| f.locale.to_string()).collect();
        let (by_row, unplaced) = review.findings_by_row(doc);
        let in_order = by_row.values().flatten().copied().collect();
        self.settings.last_document = Some(document.name.clone());
        self.view = Some(DocView { doc, locales, columns: Vec::new(), by_row, unplaced, in_order });
        self.refresh_columns();
        self.panes.reset();
        self.find.reset();
        self.selected_finding = None;
        self.selected_cell = None;
    }

    /// Visible columns in the user's order, the source first; never none.
    pub(super) fn refresh_columns(&mut self) {
        let Some(review) = self.review.clone() else { return };
        let Some(view) = self.view.as_mut() else { return };
        let document = &review.corpus.documents[view.doc];
        let source = document.source.map(|s| review.corpus.files[s].locale.to_string());
        let order = self.settings.order_locales(&view.locales, source.as_deref());
        let mut columns: Vec<usize> = order
            .iter()
            .filter(|l| !self.settings.hidden_locales.contains(*l))
            .filter_map(|l| view.locales.iter().position(|x| x == l))
            .collect();
        if columns.is_empty() {
            columns = (0..view.locales.len()).collect();
        }
        view.columns = columns;
        self.panes.layout_changed();
    }

    /// Select a finding: show its document and scroll every pane to its row.
    pub(super) fn jump_to_finding(&mut self, i: usize) {
        let Some(review) = self.review.clone() else { return };
        let Some(f) = review.findings.get(i) else { return };
        if self.view.as_ref().is_none_or(|v| review.corpus.documents[v.doc].name != f.document)
            && let Some(doc) = review.document_index(&f.document)
        {
            self.select_document(doc);
        }
        self.selected_finding = Some(i);
        if let Some(row) = f.row {
            self.panes.scroll_to_row(row);
        }
    }

    /// Select the next (`forward`) or previous shown finding of the document, wrapping around.
    pub(super) fn step_finding(&mut self, forward: bool) {
        let Some(view) = &self.view else { return };
        let Some(review) = &self.review else { return };
        let visible: Vec<usize> = view
            .in_order
            .iter()
            .copied()
            .filter(|&i| {
                self.settings.show_false_positives
                    || !self.settings.false_positives.contains(&review.findings[i].fingerprint)
            })
            .collect();
        if visible.is_empty() {
            return;
        }
        let pos = self.selected_finding.and_then(|s| visible.iter().position(|&i| i == s));
        let next = match (pos, forward) {
            (None, true) => 0,
            (None, false) => visible.len() - 1,
            (Some(p), true) => (p + 1) % visible.len(),
            (Some(p), false) => (p + visible.len() - 1) % visible.len(),
        };
        self.jump_to_finding(visible[next]);
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
            Some(doc) => self.select_document(doc),
            None => self.error = Some(format!("`{target}` is not a document of this folder.")),
        }
    }

    /// Show a status entry: its document in the panes, its source changes in the status view.
    pub(super) fn show_status_entry(&mut self, i: usize) {
        let doc = self.review.as_ref().and_then(|r| r.status.entries.get(i)).map(|e| e.doc_index);
        if let Some(doc) = doc.filter(|&d| self.view.as_ref().is_none_or(|v| v.doc != d)) {
            self.select_document(doc);
        }
        if doc.is_some() {
            self.status_view.show_entry(i);
        }
    }
}

/// A target with a URL scheme (`mailto:`, `javascript:`, `file:`): not a path inside the folder.
fn has_scheme(target: &str) -> bool {
    target.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1 && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}
