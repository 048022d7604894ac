//! The notes of the folder open in the window: the notebook, its sidecar, where each note is shown, and
//! autosave. Every change marks the notes unsaved; [`NoteSession::tick`] saves once no change came for
//! [`SAVE_DELAY`] (so a burst of edits is one write), and retries after a failed save without losing
//! anything; [`NoteSession::flush`] saves at once (on exit).

use super::anchor::Placements;
use super::sidecar::{Location, Sidecar};
use super::{Note, NoteBook, time};
use crate::review::Review;
use crate::scorecard::{Evaluated, LocaleScore, scorecard_of};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long after the last change notes are saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long after a failed save it is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// The open folder's notes.
#[derive(Debug)]
pub struct NoteSession {
    sidecar: Sidecar,
    book: NoteBook,
    placements: Placements,
    scores: Vec<LocaleScore>,
    evaluated: Evaluated,
    /// When the first unsaved change was made (`None`: everything is saved).
    dirty_since: Option<Instant>,
    last_change: Option<Instant>,
    failed_at: Option<Instant>,
    /// The last save's error, shown until a save succeeds.
    pub error: Option<String>,
    /// What the reviewer must know about the sidecar (an unreadable file left alone, a data-directory copy).
    pub warnings: Vec<String>,
    /// Bumped on every change of the notes, so views can cache what they derive from them.
    pub generation: u64,
    saved_at: Option<String>,
}

impl NoteSession {
    /// Open the notes of `review`'s folder (`data_dir`: where notes go when the folder is read-only).
    pub fn open(review: &Review, data_dir: Option<&Path>) -> NoteSession {
        let opened = Sidecar::open(&review.corpus.root, data_dir);
        let mut session = NoteSession {
            sidecar: opened.sidecar,
            book: opened.book,
            placements: Placements::default(),
            scores: Vec::new(),
            evaluated: evaluated_of(review),
            dirty_since: None,
            last_change: None,
            failed_at: None,
            error: None,
            warnings: opened.warnings,
            generation: 0,
            saved_at: None,
        };
        if opened.unsaved {
            // Notes merged back from the data directory go to the folder at the next autosave.
            let now = Instant::now();
            session.dirty_since = Some(now);
            session.last_change = Some(now);
        }
        session.refresh(review);
        session
    }

    /// The notebook.
    pub fn book(&self) -> &NoteBook {
        &self.book
    }

    /// Where each note is shown in `review`.
    pub fn placements(&self) -> &Placements {
        &self.placements
    }

    /// The MQM scorecard of the notes.
    pub fn scores(&self) -> &[LocaleScore] {
        &self.scores
    }

    /// The sidecar notes are saved to.
    pub fn sidecar(&self) -> &Sidecar {
        &self.sidecar
    }

    /// Add or change a note (its `updated` time is set now).
    pub fn upsert(&mut self, mut note: Note, review: &Review) {
        note.updated = time::now();
        self.book.upsert(note);
        self.changed(review);
    }

    /// Delete a note.
    pub fn remove(&mut self, id: &str, review: &Review) {
        if self.book.remove(id).is_some() {
            self.changed(review);
        }
    }

    /// The folder was reloaded: count its words again and place the notes anew.
    pub fn review_changed(&mut self, review: &Review) {
        self.evaluated = evaluated_of(review);
        self.refresh(review);
    }

    /// The sidecar changed on disk (another window saved, or a `git pull`): merge it in without writing.
    pub fn reload_from_disk(&mut self, review: &Review) {
        match self.sidecar.read_saved() {
            Ok(Some(disk)) => {
                let before = self.book.to_vec();
                self.book.merge_saved(disk);
                if self.book.to_vec() != before {
                    self.refresh(review);
                }
            }
            // The file went away: the notes are not deleted for that; they are written again.
            Ok(None) => {
                if !self.book.is_empty() {
                    self.book.forget_base();
                    let now = Instant::now();
                    self.dirty_since.get_or_insert(now);
                    self.last_change = Some(now);
                }
            }
            // A broken file is left alone; the next save goes beside it.
            Err(e) => {
                let warning = e.to_string();
                if !self.warnings.contains(&warning) {
                    self.warnings.push(warning);
                }
            }
        }
    }

    /// Recompute placements and scores after the notes changed.
    fn refresh(&mut self, review: &Review) {
        self.placements = Placements::compute(review, &self.book);
        self.scores = scorecard_of(&self.evaluated, &self.book, &review.scoring);
        self.generation += 1;
    }

    fn changed(&mut self, review: &Review) {
        let now = Instant::now();
        self.dirty_since.get_or_insert(now);
        self.last_change = Some(now);
        self.refresh(review);
    }

    /// Changes not yet on disk.
    pub fn is_dirty(&self) -> bool {
        self.dirty_since.is_some()
    }

    /// Save when due: [`SAVE_DELAY`] after the last change (at most one second after the first), or
    /// [`RETRY_DELAY`] after a failure. Returns how long until the next save is due, if one is pending.
    pub fn tick(&mut self, now: Instant, review: &Review) -> Option<Duration> {
        let (first, last) = (self.dirty_since?, self.last_change?);
        let due = (last + SAVE_DELAY).min(first + Duration::from_secs(1));
        let due = self.failed_at.map_or(due, |f| due.max(f + RETRY_DELAY));
        if now < due {
            return Some(due - now);
        }
        self.save(now, review);
        self.is_dirty().then_some(RETRY_DELAY)
    }

    /// Save now if anything is unsaved (on exit). True when everything is on disk.
    pub fn flush(&mut self, review: &Review) -> bool {
        if self.is_dirty() {
            self.save(Instant::now(), review);
        }
        !self.is_dirty()
    }

    fn save(&mut self, now: Instant, review: &Review) {
        let before = self.book.clone();
        match self.sidecar.save(&mut self.book) {
            Ok(()) => {
                self.dirty_since = None;
                self.last_change = None;
                self.failed_at = None;
                self.error = None;
                self.saved_at = Some(time::now());
                if self.book.to_vec() != before.to_vec() {
                    // Another window's notes were merged in.
                    self.refresh(review);
                }
            }
            Err(e) => {
                self.failed_at = Some(now);
                self.error = Some(e.to_string());
            }
        }
    }

    /// One line for the status bar: where notes are saved and whether they are.
    pub fn status_line(&self) -> String {
        let place = match self.sidecar.location() {
            Location::Folder => self.file_name(),
            Location::Beside { .. } => format!("{} (the original could not be read)", self.file_name()),
            Location::DataDir { .. } => format!("{} (the folder is read-only)", self.sidecar.path().display()),
        };
        if self.book.is_empty() && !self.is_dirty() && self.error.is_none() {
            return format!("No notes yet; they are saved in {place} as you write them");
        }
        let state = if self.error.is_some() {
            "NOT SAVED".to_owned()
        } else if self.is_dirty() {
            "saving...".to_owned()
        } else if let Some(at) = &self.saved_at {
            format!("saved {}", at.get(11..19).unwrap_or(at))
        } else {
            "saved".to_owned()
        };
        format!("{} notes in {place}: {state}", self.book.len())
    }

    fn file_name(&self) -> String {
        self.sidecar.path().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }
}

/// The review's word counts, counted now if the loader did not.
fn evaluated_of(review: &Review) -> Evaluated {
    review.evaluated.clone().unwrap_or_else(|| Evaluated::of(review))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::tests::note;

    fn empty_review(folder: &Path) -> Review {
        let mut review = Review::default();
        review.corpus.root = folder.to_path_buf();
        review
    }

    #[test]
    fn autosave_waits_for_a_pause_then_writes_once() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let review = empty_review(tmp.path());
        let mut session = NoteSession::open(&review, None);
        assert_eq!(session.status_line(), "No notes yet; they are saved in synoptic-notes.toml as you write them");
        let file = tmp.path().join(super::super::sidecar::FILE_NAME);
        session.upsert(note("1", ""), &review);
        let start = Instant::now();
        assert_eq!(session.tick(start, &review).map(|d| d <= SAVE_DELAY), Some(true));
        assert!(!file.exists(), "not saved before the pause");
        assert_eq!(session.tick(start + SAVE_DELAY, &review), None);
        assert!(file.is_file());
        assert!(!session.is_dirty());
        assert!(
            session.status_line().starts_with("1 notes in synoptic-notes.toml: saved "),
            "{}",
            session.status_line()
        );
    }

    #[test]
    fn a_failed_save_is_retried_and_nothing_is_lost() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let review = empty_review(tmp.path());
        let mut session = NoteSession::open(&review, None);
        let working = session.sidecar.clone();
        session.sidecar = session.sidecar.clone().with_writer(|_, _| Err(std::io::Error::other("disk on fire")));
        session.upsert(note("1", ""), &review);
        let later = Instant::now() + Duration::from_secs(2);
        assert_eq!(session.tick(later, &review), Some(RETRY_DELAY));
        assert!(session.error.as_deref().is_some_and(|e| e.contains("disk on fire")));
        assert!(session.status_line().ends_with("NOT SAVED"));
        assert_eq!(session.tick(later + Duration::from_secs(1), &review).map(|d| d > Duration::ZERO), Some(true));
        session.sidecar = working;
        assert!(session.flush(&review));
        assert_eq!(session.error, None);
        assert_eq!(Sidecar::open(tmp.path(), None).book.len(), 1);
    }
}
