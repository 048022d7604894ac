//! The notes of the folder open in the window: the notebook, its sidecar, where each note is shown, the
//! review marks and progress, the scorecard, and autosave. Every change marks the notes unsaved;
//! [`NoteSession::tick`] saves once no change came for [`SAVE_DELAY`] (so a burst of edits is one write),
//! and retries after a failed save without losing anything; [`NoteSession::flush`] saves at once (on
//! exit).
//!
//! All file I/O — opening the sidecar, saving, reading it again — runs on the session's worker thread
//! ([`worker`]); the window's thread only sends requests and applies replies in [`NoteSession::tick`].
//! Changes made while a save is under way are kept aside and applied again to what the save returns, so
//! nothing typed during a save is lost.

mod decisions;
pub mod worker;

use crate::corpus::words::Evaluated;
use crate::notes::anchor::Placements;
use crate::notes::reviewed::ReviewIndex;
use crate::notes::sidecar::{FILE_NAME, Location, Sidecar, WriteFn};
use crate::notes::{Note, NoteBook, ReviewMark, Suppression, time};
use crate::review::Review;
use crate::scorecard::{LocaleScore, scorecard_of};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use worker::{Reply, Request, Wake, Worker};

/// How long after the last change notes are saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long after a failed save it is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);
/// How long [`NoteSession::flush`] waits for the worker.
const FLUSH_WAIT: Duration = Duration::from_secs(8);

/// One change to the notebook, kept while a save is under way to be applied again to its result.
#[derive(Debug, Clone)]
enum Change {
    Upsert(Note),
    Remove(String),
    Mark(ReviewMark),
    Unmark(String),
    Suppress(Suppression),
    Unsuppress(String),
}

impl Change {
    fn apply(&self, book: &mut NoteBook) -> bool {
        match self.clone() {
            Change::Upsert(note) => {
                book.upsert(note);
                true
            }
            Change::Remove(id) => book.remove(&id).is_some(),
            Change::Mark(mark) => {
                book.mark_reviewed(mark);
                true
            }
            Change::Unmark(key) => book.unmark_reviewed(&key).is_some(),
            Change::Suppress(mark) => {
                book.suppress(mark);
                true
            }
            Change::Unsuppress(fingerprint) => book.unsuppress(&fingerprint).is_some(),
        }
    }
}

/// What the worker is doing for the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Idle,
    Opening,
    Saving,
}

/// The open folder's notes.
pub struct NoteSession {
    worker: Worker,
    /// The sidecar as the worker last reported it (where saves go).
    sidecar: Sidecar,
    opened: bool,
    busy: Busy,
    /// Reloads asked for and not answered yet.
    reloads: usize,
    book: NoteBook,
    /// Changes made since the notebook in the worker's hands was taken.
    since_snapshot: Vec<Change>,
    placements: Placements,
    reviewed: ReviewIndex,
    scores: Vec<LocaleScore>,
    evaluated: Evaluated,
    /// When the first unsaved change was made (`None`: everything is saved).
    dirty_since: Option<Instant>,
    last_change: Option<Instant>,
    failed_at: Option<Instant>,
    /// The last save's error, shown until a save succeeds.
    pub error: Option<String>,
    /// What the reviewer must know about the sidecar (an unreadable file left alone, a data-directory copy,
    /// recovered notes merged back).
    pub warnings: Vec<String>,
    /// Bumped on every change of the notes, so views can cache what they derive from them.
    pub generation: u64,
    saved_at: Option<String>,
    /// Notes merged back from recovered-notes files in this session.
    recovered: usize,
}

impl std::fmt::Debug for NoteSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoteSession").field("notes", &self.book.len()).field("busy", &self.busy).finish()
    }
}

impl NoteSession {
    /// Open the notes of `review`'s folder (`data_dir`: where notes go when the folder is read-only). The
    /// sidecar is read on the session's worker thread; until it answers the notebook is empty (changes
    /// made meanwhile are kept and merged).
    pub fn open(review: &Review, data_dir: Option<&Path>) -> NoteSession {
        NoteSession::open_waking(review, data_dir, Arc::new(|| {}))
    }

    /// [`NoteSession::open`], calling `wake` (from the worker thread) whenever the worker has a reply, so
    /// the window repaints and [`NoteSession::tick`] takes it.
    pub fn open_waking(review: &Review, data_dir: Option<&Path>, wake: Wake) -> NoteSession {
        let worker = Worker::start(review.corpus.root.clone(), data_dir.map(Path::to_path_buf), wake);
        let mut session = NoteSession {
            worker,
            sidecar: Sidecar::unread(&review.corpus.root, data_dir),
            opened: false,
            busy: Busy::Opening,
            reloads: 0,
            book: NoteBook::default(),
            since_snapshot: Vec::new(),
            placements: Placements::default(),
            reviewed: ReviewIndex::default(),
            scores: Vec::new(),
            evaluated: evaluated_of(review),
            dirty_since: None,
            last_change: None,
            failed_at: None,
            error: None,
            warnings: Vec::new(),
            generation: 0,
            saved_at: None,
            recovered: 0,
        };
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

    /// The review marks placed in the review, with progress per locale.
    pub fn reviewed(&self) -> &ReviewIndex {
        &self.reviewed
    }

    /// The MQM scorecard of the notes.
    pub fn scores(&self) -> &[LocaleScore] {
        &self.scores
    }

    /// The sidecar notes are saved to (as the worker last reported it).
    pub fn sidecar(&self) -> &Sidecar {
        &self.sidecar
    }

    /// True until the sidecar has been read.
    pub fn is_opening(&self) -> bool {
        self.busy == Busy::Opening
    }

    /// Add or change a note (its `updated` time is set now).
    pub fn upsert(&mut self, mut note: Note, review: &Review) {
        note.updated = time::now();
        self.change(Change::Upsert(note), review);
    }

    /// Delete a note.
    pub fn remove(&mut self, id: &str, review: &Review) {
        if self.book.get(id).is_some() {
            self.change(Change::Remove(id.to_owned()), review);
        }
    }

    fn change(&mut self, change: Change, review: &Review) {
        if change.apply(&mut self.book) {
            self.since_snapshot.push(change);
            self.changed(review);
        }
    }

    /// The folder was reloaded: count its words again and place the notes anew.
    pub fn review_changed(&mut self, review: &Review) {
        self.evaluated = evaluated_of(review);
        self.refresh(review);
    }

    /// The sidecar changed on disk (another window saved, or a `git pull`): have it read again; its
    /// notes are merged in when the worker answers ([`NoteSession::tick`]), without writing.
    pub fn reload_from_disk(&mut self, review: &Review) {
        self.take_replies(review);
        if self.worker.send(Request::Reload) {
            self.reloads += 1;
        }
    }

    /// Write with `write` from now on (tests play a failing disk with it).
    pub fn use_writer(&mut self, write: WriteFn) {
        self.worker.send(Request::UseWriter(write));
    }

    /// Recompute placements, review progress and scores after the notes changed.
    fn refresh(&mut self, review: &Review) {
        self.placements = Placements::compute(review, &self.book);
        self.reviewed = ReviewIndex::compute(review, &self.book, &self.evaluated);
        self.scores = scorecard_of(&self.reviewed, &self.book, &review.scoring);
        self.generation += 1;
    }

    fn changed(&mut self, review: &Review) {
        self.mark_dirty();
        self.refresh(review);
    }

    fn mark_dirty(&mut self) {
        let now = Instant::now();
        self.dirty_since.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Changes not yet on disk.
    pub fn is_dirty(&self) -> bool {
        self.dirty_since.is_some()
    }

    /// Take the worker's replies, then save when due: [`SAVE_DELAY`] after the last change (at most one
    /// second after the first), or [`RETRY_DELAY`] after a failure. Returns how long until the next save
    /// is due, if one is pending.
    pub fn tick(&mut self, now: Instant, review: &Review) -> Option<Duration> {
        self.take_replies(review);
        let (first, last) = (self.dirty_since?, self.last_change?);
        if self.busy != Busy::Idle {
            return Some(SAVE_DELAY);
        }
        let due = (last + SAVE_DELAY).min(first + Duration::from_secs(1));
        let due = self.failed_at.map_or(due, |f| due.max(f + RETRY_DELAY));
        if now < due {
            return Some(due - now);
        }
        self.start_save();
        Some(SAVE_DELAY)
    }

    fn start_save(&mut self) {
        if self.worker.send(Request::Save(Box::new(self.book.clone()))) {
            self.busy = Busy::Saving;
            self.since_snapshot.clear();
        } else {
            self.error = Some("the notes cannot be saved: the saving thread stopped".to_owned());
        }
    }

    /// Wait (at most `timeout`) until the worker has answered everything asked, taking its replies.
    /// True when it did.
    pub fn settle(&mut self, review: &Review, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while self.busy != Busy::Idle || self.reloads > 0 {
            match self.worker.reply_before(deadline) {
                Some(reply) => self.take(reply, review),
                None => return false,
            }
        }
        true
    }

    /// Save now if anything is unsaved, and wait for it (on exit). True when everything is on disk.
    pub fn flush(&mut self, review: &Review) -> bool {
        if !self.settle(review, FLUSH_WAIT) {
            return false;
        }
        if self.is_dirty() {
            self.start_save();
            self.settle(review, FLUSH_WAIT);
        }
        !self.is_dirty()
    }

    /// Hand the session's last unsaved changes to its worker and let it save them on its own (another
    /// folder is being opened). [`worker::wait_for_closed`] waits for such saves on exit.
    pub fn close(mut self, review: &Review) {
        self.take_replies(review);
        if self.is_dirty() || !self.since_snapshot.is_empty() {
            // The worker serves requests in order: this snapshot is saved after any save under way.
            self.worker.send(Request::Save(Box::new(self.book.clone())));
        }
        let NoteSession { worker, .. } = self;
        worker.close();
    }

    /// Apply the replies the worker has ready.
    fn take_replies(&mut self, review: &Review) {
        while let Some(reply) = self.worker.try_reply() {
            self.take(reply, review);
        }
    }

    /// Apply one reply of the worker.
    fn take(&mut self, reply: Reply, review: &Review) {
        match reply {
            Reply::Opened(opened) => {
                let opened = *opened;
                self.busy = Busy::Idle;
                self.sidecar = opened.sidecar;
                self.opened = true;
                self.warnings.extend(opened.warnings);
                self.recovered += opened.recovered;
                self.book = opened.book;
                let made_meanwhile = !self.since_snapshot.is_empty();
                self.replay();
                if opened.unsaved || made_meanwhile {
                    // Notes merged back from elsewhere go to the folder at the next autosave.
                    self.mark_dirty();
                }
                self.refresh(review);
            }
            Reply::Saved(result, sidecar) => {
                self.busy = Busy::Idle;
                self.sidecar = *sidecar;
                match result {
                    Ok(saved) => {
                        let before = self.book.to_saved();
                        self.book = saved;
                        let made_meanwhile = self.replay();
                        (self.failed_at, self.error) = (None, None);
                        self.saved_at = Some(time::now());
                        if !made_meanwhile {
                            (self.dirty_since, self.last_change) = (None, None);
                        }
                        if self.book.to_saved() != before {
                            // Another window's notes were merged in.
                            self.refresh(review);
                        }
                    }
                    Err(e) => {
                        // The notebook here still holds everything; the next save takes it whole.
                        self.since_snapshot.clear();
                        self.failed_at = Some(Instant::now());
                        self.error = Some(e.to_string());
                    }
                }
            }
            Reply::Reloaded(result, sidecar) => {
                self.reloads = self.reloads.saturating_sub(1);
                self.sidecar = *sidecar;
                self.take_reload(result, review);
            }
        }
    }

    /// Apply the changes made since the worker took its notebook; true when there were any.
    fn replay(&mut self) -> bool {
        let changes = std::mem::take(&mut self.since_snapshot);
        for change in &changes {
            change.apply(&mut self.book);
        }
        let any = !changes.is_empty();
        self.since_snapshot = changes;
        any
    }

    fn take_reload(&mut self, result: crate::Result<crate::notes::sidecar::Reloaded>, review: &Review) {
        let reloaded = match result {
            Ok(r) => r,
            // A broken file is left alone; the next save goes beside it.
            Err(e) => {
                let warning = e.to_string();
                if !self.warnings.contains(&warning) {
                    self.warnings.push(warning);
                }
                return;
            }
        };
        let before = self.book.to_saved();
        if reloaded.switched {
            // The sidecar is readable again: nothing missing from it was deleted there.
            self.book.forget_base();
            self.mark_dirty();
        }
        match reloaded.disk {
            Some(disk) => self.book.merge_saved(disk),
            // The file went away: the notes are not deleted for that; they are written again.
            None if !self.book.is_blank() => {
                self.book.forget_base();
                self.mark_dirty();
            }
            None => {}
        }
        let (notes, marks) = self.book.absorb(reloaded.recovered);
        if notes + marks > 0 {
            self.recovered += notes;
            self.mark_dirty();
        }
        for warning in reloaded.warnings {
            if !self.warnings.contains(&warning) {
                self.warnings.push(warning);
            }
        }
        if self.book.to_saved() != before {
            self.refresh(review);
        }
    }

    /// One line for the status bar: where notes are saved, whether they are, and recovered notes merged
    /// back.
    pub fn status_line(&self) -> String {
        if !self.opened {
            return format!("Reading the notes ({FILE_NAME})...");
        }
        let sidecar = &self.sidecar;
        let name = sidecar.path().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let place = match sidecar.location() {
            Location::Folder => name,
            Location::Beside { .. } => format!("{name} (the original could not be read)"),
            Location::DataDir { .. } => format!("{} (the folder is read-only)", sidecar.path().display()),
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
        let recovered = match self.recovered {
            0 => String::new(),
            n => format!(" ({n} recovered from an earlier unreadable file)"),
        };
        format!("{} notes{recovered} in {place}: {state}", self.book.len())
    }
}

/// The review's word counts, counted now if the loader did not.
fn evaluated_of(review: &Review) -> Evaluated {
    review.corpus.evaluated().clone()
}

#[cfg(test)]
mod tests;
