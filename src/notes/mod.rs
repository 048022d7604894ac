//! Reviewer notes: what a reviewer writes about an aligned row, for one locale or for all. A note carries
//! MQM metadata (category, severity, status), its author and times, and an [`Anchor`] that ties it to a
//! block by document, locale, section, ordinal and a fingerprint plus quote of the block's text, so it
//! can be found again after the documents change ([`anchor`]). Notes are kept in a sidecar file next to
//! the documents ([`sidecar`]), with the review's other shared decisions ([`marks`]): what was reviewed
//! ([`reviewed`] measures it) and which findings are false positives.

pub mod anchor;
pub mod marks;
pub mod merge;
pub mod reviewed;
pub mod sidecar;
pub mod time;

use crate::checks::{CheckId, Family, Finding, Severity};
pub use marks::{ReviewMark, Suppression};
use merge::Records;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};

/// The locale of a note that applies to every locale.
pub const ALL_LOCALES: &str = "*";

/// MQM error categories (the top level of MQM-Core; Accuracy split into its four common subtypes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Wrong or inconsistent terms.
    Terminology,
    /// Accuracy: the meaning is not the source's.
    Mistranslation,
    /// Accuracy: content of the source is missing.
    Omission,
    /// Accuracy: content not in the source was added.
    Addition,
    /// Accuracy: source text left untranslated.
    Untranslated,
    /// Grammar, spelling, punctuation.
    LinguisticConventions,
    /// Register, awkward or unidiomatic style.
    Style,
    /// Number, date, address or measurement formats.
    LocaleConventions,
    /// Wrong for the intended readers.
    AudienceAppropriateness,
    /// Markup, links, formatting, layout.
    DesignAndMarkup,
}

impl Category {
    /// Every category, in menu order.
    pub const ALL: [Category; 10] = [
        Category::Terminology,
        Category::Mistranslation,
        Category::Omission,
        Category::Addition,
        Category::Untranslated,
        Category::LinguisticConventions,
        Category::Style,
        Category::LocaleConventions,
        Category::AudienceAppropriateness,
        Category::DesignAndMarkup,
    ];

    /// The name a reviewer reads, as MQM writes it.
    pub fn label(self) -> &'static str {
        match self {
            Category::Terminology => "Terminology",
            Category::Mistranslation => "Accuracy — mistranslation",
            Category::Omission => "Accuracy — omission",
            Category::Addition => "Accuracy — addition",
            Category::Untranslated => "Accuracy — untranslated",
            Category::LinguisticConventions => "Linguistic conventions",
            Category::Style => "Style",
            Category::LocaleConventions => "Locale conventions",
            Category::AudienceAppropriateness => "Audience appropriateness",
            Category::DesignAndMarkup => "Design and markup",
        }
    }

    /// The label in ASCII (for the window's default font and plain-text exports).
    pub fn ascii_label(self) -> String {
        self.label().replace('—', "-")
    }
}

/// MQM severities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteSeverity {
    /// Worth saying; no penalty.
    Neutral,
    /// Noticeable, does not hinder understanding.
    Minor,
    /// Hinders understanding or use.
    Major,
    /// Dangerous, offensive or blocks use.
    Critical,
}

impl NoteSeverity {
    /// Every severity, least first.
    pub const ALL: [NoteSeverity; 4] =
        [NoteSeverity::Neutral, NoteSeverity::Minor, NoteSeverity::Major, NoteSeverity::Critical];

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteSeverity::Neutral => "neutral",
            NoteSeverity::Minor => "minor",
            NoteSeverity::Major => "major",
            NoteSeverity::Critical => "critical",
        }
    }

    /// Position in [`NoteSeverity::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where a note stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteStatus {
    /// To be fixed.
    Open,
    /// Fixed.
    Resolved,
    /// Will not be fixed (not counted in the scorecard).
    WontFix,
}

impl NoteStatus {
    /// Every status.
    pub const ALL: [NoteStatus; 3] = [NoteStatus::Open, NoteStatus::Resolved, NoteStatus::WontFix];

    /// The name a reviewer reads.
    pub fn label(self) -> &'static str {
        match self {
            NoteStatus::Open => "open",
            NoteStatus::Resolved => "resolved",
            NoteStatus::WontFix => "won't fix",
        }
    }
}

/// Where a note belongs: enough to find its block again after the documents change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Anchor {
    /// The document name.
    pub document: String,
    /// The locale, or [`ALL_LOCALES`].
    pub locale: String,
    /// The file the block was in (relative to the folder); for an all-locale note, the reference's file.
    pub file: String,
    /// The anchor of the block's section heading (empty before the first heading).
    #[serde(default)]
    pub section: String,
    /// The block's ordinal inside its section (0 is the heading itself).
    pub block: usize,
    /// Fingerprint of the block's text when the note was anchored.
    pub fingerprint: String,
    /// The quoted text (the reviewer's selection, else the start of the block).
    #[serde(default)]
    pub quote: String,
}

/// One reviewer note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique and sortable by creation: creation time in milliseconds (hex) and a random suffix.
    pub id: String,
    /// Where it belongs.
    #[serde(flatten)]
    pub anchor: Anchor,
    /// What the reviewer says.
    pub text: String,
    /// MQM category.
    pub category: Category,
    /// MQM severity.
    pub severity: NoteSeverity,
    /// Open, resolved or won't fix.
    pub status: NoteStatus,
    /// Who wrote it.
    #[serde(default)]
    pub author: String,
    /// When it was written (RFC 3339, UTC).
    pub created: String,
    /// When it last changed (RFC 3339, UTC); the newer side wins when two copies meet.
    pub updated: String,
    /// The fingerprint of the finding it was made from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<String>,
}

/// A new, unique, time-ordered note id.
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let millis = time::now_millis();
    // The suffix tells apart notes made in the same millisecond by this process or by another reviewer.
    let mut hasher = std::hash::BuildHasher::build_hasher(&std::collections::hash_map::RandomState::new());
    std::hash::Hasher::write_u64(&mut hasher, COUNTER.fetch_add(1, Ordering::Relaxed));
    std::hash::Hasher::write_u32(&mut hasher, std::process::id());
    let suffix = std::hash::Hasher::finish(&hasher) & 0xffff_ffff;
    format!("{millis:012x}-{suffix:08x}")
}

/// Who is writing when nobody said: the system user name, else "reviewer".
pub fn default_author() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
        .unwrap_or_else(|| "reviewer".to_owned())
}

/// The prefilled category of a note made from a finding.
pub fn category_for(id: CheckId) -> Category {
    match id {
        CheckId::StructureMissing | CheckId::MetaMissing => Category::Omission,
        CheckId::StructureExtra => Category::Addition,
        CheckId::TermUntranslated => Category::Untranslated,
        CheckId::MetaStale | CheckId::MetaOrphan => Category::Mistranslation,
        id if id.family() == Family::Term => Category::Terminology,
        _ => Category::DesignAndMarkup,
    }
}

/// The prefilled severity of a note made from a finding.
pub fn severity_for(finding: &Finding) -> NoteSeverity {
    match finding.severity {
        Severity::Error => NoteSeverity::Major,
        Severity::Warning => NoteSeverity::Minor,
        Severity::Info => NoteSeverity::Neutral,
    }
}

impl merge::Record for Note {
    fn key(&self) -> String {
        self.id.clone()
    }

    fn changed(&self) -> &str {
        &self.updated
    }
}

/// What a sidecar file holds: notes, review marks and false-positive marks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    /// The notes.
    pub notes: Vec<Note>,
    /// What was marked as reviewed.
    pub reviewed: Vec<ReviewMark>,
    /// Findings marked as false positives.
    pub suppressed: Vec<Suppression>,
}

impl From<Vec<Note>> for Saved {
    fn from(notes: Vec<Note>) -> Saved {
        Saved { notes, ..Saved::default() }
    }
}

impl Saved {
    /// How many records in all.
    pub fn len(&self) -> usize {
        self.notes.len() + self.reviewed.len() + self.suppressed.len()
    }

    /// Nothing at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Everything a folder's sidecar keeps — notes, review marks, false-positive marks — each kind merged
/// three-way with other writers ([`merge::Records`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteBook {
    notes: Records<Note>,
    reviewed: Records<ReviewMark>,
    suppressed: Records<Suppression>,
}

impl NoteBook {
    /// A notebook holding what was just read from disk (it is the merge base).
    pub fn from_saved(saved: Saved) -> NoteBook {
        let mut book = NoteBook::default();
        book.merge_saved(saved);
        book
    }

    /// The notes, ordered by id (creation).
    pub fn iter(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter()
    }

    /// How many notes.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// No notes.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Nothing at all: no note and no mark.
    pub fn is_blank(&self) -> bool {
        self.notes.is_empty() && self.reviewed.is_empty() && self.suppressed.is_empty()
    }

    /// A note by id.
    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.get(id)
    }

    /// Add a note or replace the one with its id.
    pub fn upsert(&mut self, note: Note) {
        self.notes.upsert(note);
    }

    /// Delete a note; the deletion reaches the sidecar on the next save.
    pub fn remove(&mut self, id: &str) -> Option<Note> {
        self.notes.remove(id)
    }

    /// The review marks, ordered by document, locale and row.
    pub fn reviewed(&self) -> &Records<ReviewMark> {
        &self.reviewed
    }

    /// Add a review mark (or renew the one with its key).
    pub fn mark_reviewed(&mut self, mark: ReviewMark) {
        self.reviewed.upsert(mark);
    }

    /// Remove a review mark by its key.
    pub fn unmark_reviewed(&mut self, key: &str) -> Option<ReviewMark> {
        self.reviewed.remove(key)
    }

    /// The false-positive marks, ordered by fingerprint.
    pub fn suppressed(&self) -> &Records<Suppression> {
        &self.suppressed
    }

    /// Mark a finding as a false positive (or change the reason of its mark).
    pub fn suppress(&mut self, mark: Suppression) {
        self.suppressed.upsert(mark);
    }

    /// Take back a false-positive mark.
    pub fn unsuppress(&mut self, fingerprint: &str) -> Option<Suppression> {
        self.suppressed.remove(fingerprint)
    }

    /// True when the finding with this fingerprint is marked as a false positive.
    pub fn is_suppressed(&self, fingerprint: &str) -> bool {
        self.suppressed.get(fingerprint).is_some()
    }

    /// Merge what another writer saved (`disk`) into this notebook, three-way against the merge base
    /// ([`Records::merge_saved`]), each kind of record on its own. What was read becomes the new merge base.
    pub fn merge_saved(&mut self, disk: Saved) {
        self.notes.merge_saved(disk.notes);
        self.reviewed.merge_saved(disk.reviewed);
        self.suppressed.merge_saved(disk.suppressed);
    }

    /// Take in what another file holds (a data-directory copy, a recovered-notes file) as changes made
    /// here, record by record where it is new or newer ([`Records::absorb`]). Returns how many notes and
    /// how many marks were taken.
    pub fn absorb(&mut self, extra: Saved) -> (usize, usize) {
        let notes = self.notes.absorb(extra.notes);
        (notes, self.reviewed.absorb(extra.reviewed) + self.suppressed.absorb(extra.suppressed))
    }

    /// Forget what was last read: every record here counts as not yet saved. For a save that goes to
    /// another file than the one read (the data directory, a recovered file) or a sidecar that
    /// disappeared, where "not in the file" must not mean "deleted elsewhere".
    pub fn forget_base(&mut self) {
        self.notes.forget_base();
        self.reviewed.forget_base();
        self.suppressed.forget_base();
    }

    /// The notebook was written: it is now the merge base, and no deletion is pending.
    pub fn mark_saved(&mut self) {
        self.notes.mark_saved();
        self.reviewed.mark_saved();
        self.suppressed.mark_saved();
    }

    /// The notes as a list ordered by id.
    pub fn to_vec(&self) -> Vec<Note> {
        self.notes.to_vec()
    }

    /// Everything, as the sidecar stores it.
    pub fn to_saved(&self) -> Saved {
        Saved { notes: self.notes.to_vec(), reviewed: self.reviewed.to_vec(), suppressed: self.suppressed.to_vec() }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn note(id: &str, updated: &str) -> Note {
        Note {
            id: id.to_owned(),
            anchor: Anchor { document: "d".into(), locale: "de".into(), ..Anchor::default() },
            text: format!("note {id}"),
            category: Category::Style,
            severity: NoteSeverity::Minor,
            status: NoteStatus::Open,
            author: "a".into(),
            created: "2026-01-01T00:00:00Z".into(),
            updated: updated.to_owned(),
            finding: None,
        }
    }

    const T1: &str = "2026-01-01T00:00:00Z";
    const T2: &str = "2026-01-02T00:00:00Z";

    #[test]
    fn merge_keeps_both_sides_new_notes() {
        let mut book = NoteBook::from_saved(Saved::from(vec![note("1", T1)]));
        book.upsert(note("2", T1));
        book.merge_saved(Saved::from(vec![note("1", T1), note("3", T1)]));
        assert_eq!(book.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["1", "2", "3"]);
    }

    #[test]
    fn merge_takes_the_newer_edit() {
        let mut book = NoteBook::from_saved(Saved::from(vec![note("1", T1), note("2", T1)]));
        let mut mine = note("1", T2);
        mine.text = "mine".into();
        book.upsert(mine);
        let mut theirs = note("2", T2);
        theirs.text = "theirs".into();
        book.merge_saved(Saved::from(vec![note("1", T1), theirs]));
        assert_eq!(book.get("1").map(|n| n.text.as_str()), Some("mine"));
        assert_eq!(book.get("2").map(|n| n.text.as_str()), Some("theirs"));
    }

    #[test]
    fn merge_honours_deletions_on_either_side() {
        let mut book = NoteBook::from_saved(Saved::from(vec![note("1", T1), note("2", T1), note("3", T1)]));
        book.remove("1");
        // Another writer deleted 2; 3 was deleted there too but edited here, so it stays.
        book.upsert(note("3", T2));
        book.merge_saved(Saved::from(vec![note("1", T1)]));
        assert_eq!(book.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["3"]);
    }

    #[test]
    fn an_edit_elsewhere_wins_over_a_deletion_here() {
        let mut book = NoteBook::from_saved(Saved::from(vec![note("1", T1)]));
        book.remove("1");
        let mut edited = note("1", T2);
        edited.status = NoteStatus::Resolved;
        book.merge_saved(Saved::from(vec![edited.clone()]));
        assert_eq!(book.to_vec(), vec![edited]);
    }

    #[test]
    fn without_a_base_nothing_counts_as_deleted_elsewhere() {
        let mut book = NoteBook::from_saved(Saved::from(vec![note("1", T1), note("2", T1)]));
        book.forget_base();
        book.merge_saved(Saved::default());
        assert_eq!(book.len(), 2);
    }

    #[test]
    fn reading_without_writing_keeps_unsaved_notes_and_deletions() {
        let mut book = NoteBook::from_saved(Saved::from(vec![note("1", T1), note("2", T1)]));
        book.upsert(note("3", T1));
        book.remove("2");
        // Another writer's file is read (nothing written here yet): 3 is new here, 2 deleted here.
        book.merge_saved(Saved::from(vec![note("1", T1), note("2", T1), note("4", T1)]));
        assert_eq!(book.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["1", "3", "4"]);
        // Read again before saving: still nothing lost, the deletion still pending.
        book.merge_saved(Saved::from(vec![note("1", T1), note("2", T1), note("4", T1)]));
        assert_eq!(book.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["1", "3", "4"]);
    }

    #[test]
    fn ids_are_unique_and_ordered_by_time() {
        let a = new_id();
        let b = new_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 21);
        assert!(a[..12] <= b[..12]);
    }

    #[test]
    fn findings_prefill_category_and_severity() {
        assert_eq!(category_for(CheckId::TermGlossary), Category::Terminology);
        assert_eq!(category_for(CheckId::StructureMissing), Category::Omission);
        assert_eq!(category_for(CheckId::LinkMissingAnchor), Category::DesignAndMarkup);
        assert_eq!(category_for(CheckId::TermUntranslated), Category::Untranslated);
    }
}
