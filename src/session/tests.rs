use super::*;
use crate::notes::tests::note;

fn empty_review(folder: &Path) -> Review {
    let mut review = Review::default();
    review.corpus.root = folder.to_path_buf();
    review
}

const WAIT: Duration = Duration::from_secs(10);

#[test]
fn autosave_waits_for_a_pause_then_writes_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let review = empty_review(tmp.path());
    let mut session = NoteSession::open(&review, None);
    assert!(session.settle(&review, WAIT));
    assert_eq!(session.status_line(), "No notes yet; they are saved in synoptic-notes.toml as you write them");
    let file = tmp.path().join(FILE_NAME);
    session.upsert(note("1", ""), &review);
    let start = Instant::now();
    assert_eq!(session.tick(start, &review).map(|d| d <= SAVE_DELAY), Some(true));
    assert!(!file.exists(), "not saved before the pause");
    assert_eq!(session.tick(start + SAVE_DELAY, &review), Some(SAVE_DELAY), "the save is under way");
    assert!(session.settle(&review, WAIT));
    assert!(file.is_file());
    assert!(!session.is_dirty());
    assert!(session.status_line().starts_with("1 notes in synoptic-notes.toml: saved "), "{}", session.status_line());
}

#[test]
fn a_failed_save_is_retried_and_nothing_is_lost() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let review = empty_review(tmp.path());
    let mut session = NoteSession::open(&review, None);
    session.use_writer(|_, _| Err(std::io::Error::other("disk on fire")));
    assert!(session.settle(&review, WAIT));
    session.upsert(note("1", ""), &review);
    let later = Instant::now() + Duration::from_secs(2);
    session.tick(later, &review);
    assert!(session.settle(&review, WAIT));
    assert!(session.error.as_deref().is_some_and(|e| e.contains("disk on fire")));
    assert!(session.status_line().ends_with("NOT SAVED"));
    assert_eq!(session.tick(later + Duration::from_secs(1), &review).map(|d| d > Duration::ZERO), Some(true));
    session.use_writer(crate::util::fs::write_atomic);
    assert!(session.flush(&review));
    assert_eq!(session.error, None);
    assert_eq!(Sidecar::open(tmp.path(), None).book.len(), 1);
}

#[test]
fn changes_made_while_a_save_is_under_way_are_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let review = empty_review(tmp.path());
    let mut session = NoteSession::open(&review, None);
    // Made before the sidecar was even read: kept, and merged with what it holds.
    session.upsert(note("1", ""), &review);
    assert!(session.settle(&review, WAIT));
    assert!(session.is_dirty());
    session.tick(Instant::now() + Duration::from_secs(2), &review);
    assert_eq!(session.busy, Busy::Saving);
    // While the worker saves note 1: a new note, and note 1 deleted.
    session.upsert(note("2", ""), &review);
    session.remove("1", &review);
    assert!(session.settle(&review, WAIT));
    assert_eq!(session.book().iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["2"]);
    assert!(session.is_dirty(), "the later changes still need a save");
    assert!(session.flush(&review));
    assert_eq!(Sidecar::open(tmp.path(), None).book.to_vec().iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["2"]);
}

#[test]
fn a_closed_session_still_saves_its_last_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let review = empty_review(tmp.path());
    let mut session = NoteSession::open(&review, None);
    assert!(session.settle(&review, WAIT));
    session.upsert(note("1", ""), &review);
    session.close(&review);
    assert!(worker::wait_for_closed(WAIT));
    assert_eq!(Sidecar::open(tmp.path(), None).book.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_sidecar_blocks_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let made = std::process::Command::new("mkfifo").arg(tmp.path().join(FILE_NAME)).status().expect("mkfifo");
    assert!(made.success());
    let review = empty_review(tmp.path());
    let start = Instant::now();
    let mut session = NoteSession::open(&review, None);
    assert!(session.settle(&review, WAIT));
    assert!(start.elapsed() < Duration::from_secs(2));
    assert!(
        session.warnings[0].contains("cannot read the notes: a named pipe (FIFO), not a regular file"),
        "{:?}",
        session.warnings
    );
    session.upsert(note("1", ""), &review);
    assert!(session.flush(&review));
    assert!(session.sidecar().path().ends_with(crate::notes::sidecar::RECOVERED_NAME));
}
