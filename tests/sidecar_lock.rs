//! Two or three windows saving at once never hold the sidecar's lock together, and no saved note is lost.
//!
//! The old lock (a file holding a process id, broken by hand when its writer looked dead or old) lost
//! notes when two writers broke a dead writer's lock at once: both "held" it, and the loser's save
//! returned OK while its note was missing from disk. These tests replay exactly those moments with the
//! save's hooks, deterministically: a lock file left by a killed writer, two writers at its door at the
//! same instant, and a third arriving while the second waits on a lock file the first already removed.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::time::Duration;
use synoptic::notes::sidecar::{FILE_NAME, SaveHook, SaveStep, Sidecar};
use synoptic::notes::{Anchor, Category, Note, NoteBook, NoteSeverity, NoteStatus};
use synoptic::util::lock::FileLock;

fn note(text: &str) -> Note {
    Note {
        id: synoptic::notes::new_id(),
        anchor: Anchor { document: "guide".into(), locale: "de".into(), ..Anchor::default() },
        text: text.to_owned(),
        category: Category::Style,
        severity: NoteSeverity::Minor,
        status: NoteStatus::Open,
        author: "race".into(),
        created: synoptic::notes::time::now(),
        updated: synoptic::notes::time::now(),
        finding: None,
    }
}

/// Atomic like the real writer, without flushing to disk (the race is about locking, and the loop runs
/// a thousand times).
fn quick_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let tmp = path.with_extension(format!("{}.part", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(tmp, path)
}

fn on_disk(folder: &Path) -> BTreeSet<String> {
    Sidecar::open(folder, None).book.iter().map(|n| n.text.clone()).collect()
}

/// Counts writers between "lock held" and "written", remembering the most ever at once.
#[derive(Default)]
struct Inside {
    now: AtomicUsize,
    most: AtomicUsize,
}

impl Inside {
    fn step(&self, step: SaveStep) {
        match step {
            SaveStep::Locked => {
                let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
                self.most.fetch_max(n, Ordering::SeqCst);
            }
            SaveStep::Written => {
                self.now.fetch_sub(1, Ordering::SeqCst);
            }
            _ => {}
        }
    }
}

/// A writer with one new note whose saves report to `hook`.
fn writer(folder: &Path, text: &str, hook: impl Fn(SaveStep) + Send + Sync + 'static) -> (Sidecar, NoteBook) {
    let opened = Sidecar::open(folder, None);
    let mut book = opened.book;
    book.upsert(note(text));
    (opened.sidecar.with_writer(quick_write).with_hook(SaveHook(Arc::new(hook))), book)
}

const HOLDER: &str = "SYNOPTIC_TEST_LOCK_HOLDER";

/// Run as a child process: take the folder's lock, say so, and wait to be killed.
#[test]
fn hold_the_lock_until_killed() {
    let Some(folder) = std::env::var_os(HOLDER) else { return };
    let lock = PathBuf::from(folder).join(format!("{FILE_NAME}.lock"));
    let _held = FileLock::acquire(&lock, Duration::from_secs(5)).expect("lock");
    println!("held");
    std::thread::sleep(Duration::from_secs(60));
}

/// A writer that took the lock and was killed (`kill -9`) while holding it: its lock file stays behind.
fn killed_holder(folder: &Path) {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "hold_the_lock_until_killed", "--nocapture", "--test-threads=1"])
        .env(HOLDER, folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    // The test harness prints the test's name on the same line.
    while let Some(Ok(line)) = lines.next() {
        if line.ends_with("held") {
            break;
        }
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert!(folder.join(format!("{FILE_NAME}.lock")).exists(), "the killed writer left its lock file");
}

#[test]
fn two_writers_at_a_dead_writers_lock_take_turns_and_keep_both_notes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path();
    killed_holder(folder);
    let inside = Arc::new(Inside::default());
    let door = Arc::new(Barrier::new(2));
    let spawn = |text: &'static str| {
        let (inside, door, first) = (Arc::clone(&inside), Arc::clone(&door), AtomicBool::new(true));
        let (mut sidecar, mut book) = writer(folder, text, move |step| {
            // Both writers stand at the left lock file at the same instant, then race for it.
            if step == SaveStep::LockOpened && first.swap(false, Ordering::SeqCst) {
                door.wait();
            }
            inside.step(step);
            // The first one in stays a while: a second holder would be inside now.
            if step == SaveStep::Locked {
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        std::thread::spawn(move || sidecar.save(&mut book).map(|()| book))
    };
    let (a, b) = (spawn("from A"), spawn("from B"));
    a.join().expect("A").expect("A saved");
    b.join().expect("B").expect("B saved");
    assert_eq!(inside.most.load(Ordering::SeqCst), 1, "the lock was held by one writer at a time");
    assert_eq!(on_disk(folder), BTreeSet::from(["from A".to_owned(), "from B".to_owned()]));
    assert!(!folder.join(format!("{FILE_NAME}.lock")).exists(), "no lock file is left in the folder");
}

#[test]
fn a_writer_waiting_on_a_removed_lock_file_does_not_join_the_next_holder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path();
    let inside = Arc::new(Inside::default());
    let (b_opened_tx, b_opened) = mpsc::channel::<()>();
    let (c_holds_tx, c_holds) = mpsc::channel::<()>();
    let c_holds = Arc::new(std::sync::Mutex::new(c_holds));
    // A takes the lock first and holds it until B has opened the same lock file and is waiting on it.
    let b_opened = std::sync::Mutex::new(b_opened);
    let (a_locked_tx, a_locked) = mpsc::channel::<()>();
    let count = Arc::clone(&inside);
    let (mut a_side, mut a_book) = writer(folder, "from A", move |step| {
        count.step(step);
        if step == SaveStep::Locked {
            a_locked_tx.send(()).expect("tell the test");
            b_opened.lock().expect("lock").recv().expect("B opened");
        }
    });
    let a = std::thread::spawn(move || a_side.save(&mut a_book));
    a_locked.recv().expect("A holds the lock");
    // B opens the lock file A holds; once A is done and has removed it, B gets the lock on the removed
    // file — and waits there until C has made and locked a new one.
    let count = Arc::clone(&inside);
    let (first_open, first_take) = (AtomicBool::new(true), AtomicBool::new(true));
    let waiting = Arc::clone(&c_holds);
    let (mut b_side, mut b_book) = writer(folder, "from B", move |step| {
        count.step(step);
        if step == SaveStep::LockOpened && first_open.swap(false, Ordering::SeqCst) {
            b_opened_tx.send(()).expect("tell A");
        }
        if step == SaveStep::LockTaken && first_take.swap(false, Ordering::SeqCst) {
            waiting.lock().expect("lock").recv().expect("C holds");
        }
    });
    let b = std::thread::spawn(move || b_side.save(&mut b_book));
    a.join().expect("A").expect("A saved");
    let count = Arc::clone(&inside);
    let (mut c_side, mut c_book) = writer(folder, "from C", move |step| {
        count.step(step);
        if step == SaveStep::Locked {
            c_holds_tx.send(()).expect("tell B");
            // B now checks its lock file: it is not the one in the folder any more, so B must wait.
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    c_side.save(&mut c_book).expect("C saved");
    b.join().expect("B").expect("B saved");
    assert_eq!(inside.most.load(Ordering::SeqCst), 1, "B never held the lock together with C");
    assert_eq!(on_disk(folder), BTreeSet::from(["from A".into(), "from B".into(), "from C".into()]));
}

#[test]
fn a_thousand_races_lose_no_note() {
    for run in 0..1000 {
        let tmp = tempfile::tempdir().expect("tempdir");
        let folder = tmp.path();
        // Every other run starts from a lock file a crashed writer left.
        if run % 2 == 0 {
            std::fs::write(folder.join(format!("{FILE_NAME}.lock")), "4194304\n").expect("left lock");
        }
        let inside = Arc::new(Inside::default());
        let door = Arc::new(Barrier::new(3));
        let writers: Vec<_> = (0..3)
            .map(|w| {
                let (inside, door, first) = (Arc::clone(&inside), Arc::clone(&door), AtomicBool::new(true));
                let (mut sidecar, mut book) = writer(folder, &format!("note {w}"), move |step| {
                    if step == SaveStep::LockOpened && first.swap(false, Ordering::SeqCst) {
                        door.wait();
                    }
                    inside.step(step);
                });
                std::thread::spawn(move || sidecar.save(&mut book))
            })
            .collect();
        for w in writers {
            w.join().expect("writer").expect("saved");
        }
        assert_eq!(inside.most.load(Ordering::SeqCst), 1, "run {run}");
        assert_eq!(on_disk(folder).len(), 3, "run {run}: a note was lost");
    }
}
