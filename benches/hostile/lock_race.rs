//! (d) The lock race: three writers at a crashed writer's lock file at the same instant.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Instant;
use synoptic::notes::sidecar::{FILE_NAME, SaveHook, SaveStep, Sidecar};
use synoptic::notes::{Anchor, Category, Note, NoteSeverity, NoteStatus};

const RACES: usize = 1000;
const WRITERS: usize = 3;

fn note(text: String) -> Note {
    Note {
        id: synoptic::notes::new_id(),
        anchor: Anchor { document: "guide".into(), locale: "de".into(), ..Anchor::default() },
        text,
        category: Category::Style,
        severity: NoteSeverity::Minor,
        status: NoteStatus::Open,
        author: "race".into(),
        created: synoptic::notes::time::now(),
        updated: synoptic::notes::time::now(),
        finding: None,
    }
}

/// Atomic, without flushing to disk: the race is about the lock.
fn quick_write(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("{:?}.part", std::thread::current().id()).replace(['(', ')'], ""));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(tmp, path)
}

pub fn run() -> std::io::Result<()> {
    let start = Instant::now();
    let mut lost = 0;
    for _ in 0..RACES {
        let tmp = tempfile::tempdir()?;
        let folder = tmp.path().to_path_buf();
        std::fs::write(folder.join(format!("{FILE_NAME}.lock")), "4194304\n")?;
        let door = Arc::new(Barrier::new(WRITERS));
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (door, first) = (Arc::clone(&door), AtomicBool::new(true));
                let opened = Sidecar::open(&folder, None);
                let mut book = opened.book;
                book.upsert(note(format!("note {w}")));
                let hook = SaveHook(Arc::new(move |step| {
                    if step == SaveStep::LockOpened && first.swap(false, Ordering::SeqCst) {
                        door.wait();
                    }
                }));
                let mut sidecar = opened.sidecar.with_writer(quick_write).with_hook(hook);
                std::thread::spawn(move || sidecar.save(&mut book))
            })
            .collect();
        for w in writers {
            w.join().map_err(|_| std::io::Error::other("a writer panicked"))?.map_err(std::io::Error::other)?;
        }
        lost += WRITERS - Sidecar::open(&folder, None).book.len();
    }
    let each = start.elapsed().as_secs_f64() * 1000.0 / RACES as f64;
    println!(
        "lock race: {RACES} races of {WRITERS} writers at a crashed writer's lock file: {lost} notes lost, {each:.2} ms per race"
    );
    Ok(())
}
