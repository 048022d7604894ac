//! Reviewer notes and their sidecar file: round trip, re-anchoring after edits, two writers, a corrupt or
//! newer sidecar left untouched, a read-only folder, a failing disk, and a kill in the middle of saves.

mod common;

use common::{copy_fixture, find_block, note_on, review};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use synoptic::notes::anchor::{Fit, Placements};
use synoptic::notes::sidecar::{self, FILE_NAME, Location, RECOVERED_NAME, Sidecar};
use synoptic::notes::{Anchor, Category, Note, NoteBook, NoteSeverity, NoteStatus};

fn ids(book: &NoteBook) -> Vec<String> {
    book.iter().map(|n| n.id.clone()).collect()
}

/// Note ids in the sidecar's order.
fn sorted(ids: &[&Note]) -> Vec<String> {
    let mut out: Vec<String> = ids.iter().map(|n| n.id.clone()).collect();
    out.sort();
    out
}

fn plain_note(n: usize) -> Note {
    Note {
        id: synoptic::notes::new_id(),
        anchor: Anchor {
            document: "guide".into(),
            locale: "de".into(),
            file: "de/guide.md".into(),
            ..Anchor::default()
        },
        text: format!("note {n}"),
        category: Category::Style,
        severity: NoteSeverity::Minor,
        status: NoteStatus::Open,
        author: "loop".into(),
        created: synoptic::notes::time::now(),
        updated: synoptic::notes::time::now(),
        finding: None,
    }
}

#[test]
fn notes_round_trip_through_the_sidecar() {
    let (_tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let a = note_on(
        &r,
        "guide.md",
        "de",
        "Laden Sie das Archiv",
        false,
        "\"Seite der Veröffentlichungen\" → Releases-Seite",
        Category::Terminology,
        NoteSeverity::Major,
    );
    let b = note_on(
        &r,
        "guide.md",
        "en",
        "Tinker builds static sites",
        true,
        "Product name: keep \"Tinker\"",
        Category::Style,
        NoteSeverity::Neutral,
    );
    let mut opened = Sidecar::open(&folder, None);
    assert!(opened.warnings.is_empty());
    opened.book.upsert(a.clone());
    opened.book.upsert(b.clone());
    opened.sidecar.save(&mut opened.book).expect("save");
    assert_eq!(opened.sidecar.path(), folder.join(FILE_NAME));
    assert_eq!(opened.sidecar.location(), &Location::Folder);

    let text = std::fs::read_to_string(folder.join(FILE_NAME)).expect("sidecar");
    assert!(text.contains("schema = 1\n"));
    assert_eq!(text.matches("\n[[note]]\n").count(), 2);
    let again = Sidecar::open(&folder, None);
    assert_eq!(again.book.to_vec(), {
        let mut v = vec![a.clone(), b.clone()];
        v.sort_by(|x, y| x.id.cmp(&y.id));
        v
    });
    // Saving unchanged notes writes the same bytes: stable order and formatting.
    let mut reopened = Sidecar::open(&folder, None);
    reopened.sidecar.save(&mut reopened.book).expect("save again");
    assert_eq!(std::fs::read_to_string(folder.join(FILE_NAME)).expect("sidecar"), text);

    // Both notes sit on their rows: the German paragraph, and the English one for every locale.
    let places = Placements::compute(&r, &again.book);
    let (doc, col, block) = find_block(&r, "guide.md", "de", "Laden Sie das Archiv");
    let pa = places.of(&a).expect("placed");
    assert_eq!((pa.doc, pa.column, pa.block, pa.fit), (Some(doc), Some(col), Some(block), Fit::Exact));
    let (_, en_col, en_block) = find_block(&r, "guide.md", "en", "Tinker builds static sites");
    let pb = places.of(&b).expect("placed");
    assert_eq!((pb.column, pb.block, pb.fit), (Some(en_col), Some(en_block), Fit::Exact));
    assert_eq!(places.in_cell(doc, pa.row.expect("row"), col), std::slice::from_ref(&a.id));
}

#[test]
fn notes_are_reanchored_after_the_document_changes_and_never_dropped() {
    let (_tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let moved = note_on(
        &r,
        "guide.md",
        "de",
        "Laden Sie das Archiv",
        false,
        "moved",
        Category::Terminology,
        NoteSeverity::Minor,
    );
    let changed = note_on(
        &r,
        "guide.md",
        "de",
        "Tinker erzeugt statische Websites",
        false,
        "changed",
        Category::Style,
        NoteSeverity::Minor,
    );
    let gone = note_on(
        &r,
        "guide.md",
        "de",
        "Unter Konfigurieren",
        false,
        "gone",
        Category::Mistranslation,
        NoteSeverity::Major,
    );
    let mut opened = Sidecar::open(&folder, None);
    for n in [&moved, &changed, &gone] {
        opened.book.upsert(n.clone());
    }
    opened.sidecar.save(&mut opened.book).expect("save");

    // The translator inserts a paragraph, rewords one sentence and replaces another entirely.
    let path = folder.join("de/guide.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text
        .replace("## Installieren {#install}\n", "## Installieren {#install}\n\nEin neuer Absatz vor dem Download.\n")
        .replace("Es läuft unter macOS", "Es funktioniert unter macOS")
        .replace(
            "Unter [Konfigurieren](configure.md#options) finden Sie die Optionen und die Anbindung an [PyTorch](https://pytorch.org).",
            "Völlig anderer Text ohne Bezug.",
        );
    std::fs::write(&path, text).expect("write");
    let r2 = review(&folder);
    let reopened = Sidecar::open(&folder, None);
    assert_eq!(reopened.book.len(), 3, "no note is dropped");
    let places = Placements::compute(&r2, &reopened.book);

    let (_, _, block) = find_block(&r2, "guide.md", "de", "Laden Sie das Archiv");
    let p = places.of(&moved).expect("placed");
    assert_eq!((p.block, p.fit), (Some(block), Fit::Moved));
    assert!(p.row.is_some());

    let (_, _, block) = find_block(&r2, "guide.md", "de", "Es funktioniert unter macOS");
    let p = places.of(&changed).expect("placed");
    assert_eq!((p.block, p.fit), (Some(block), Fit::Changed));

    // The replaced paragraph cannot be found: the note stays, outdated, at its section's heading.
    let (_, _, heading) = find_block(&r2, "guide.md", "de", "Installieren");
    let p = places.of(&gone).expect("placed");
    assert_eq!((p.block, p.fit), (Some(heading), Fit::Outdated));

    // A note whose document disappeared is kept too, and shown as outdated with no place.
    std::fs::remove_file(folder.join("de/guide.md")).expect("rm");
    std::fs::remove_file(folder.join("en/guide.md")).expect("rm");
    std::fs::remove_file(folder.join("fr/guide.md")).expect("rm");
    let r3 = review(&folder);
    let places = Placements::compute(&r3, &reopened.book);
    let p = places.of(&moved).expect("placed");
    assert_eq!((p.doc, p.fit), (None, Fit::Outdated));
}

#[test]
fn two_writers_on_one_folder_lose_nothing() {
    let (_tmp, folder) = copy_fixture("clean");
    let mut first = Sidecar::open(&folder, None);
    let mut second = Sidecar::open(&folder, None);
    let (a, b, c) = (plain_note(1), plain_note(2), plain_note(3));
    first.book.upsert(a.clone());
    first.sidecar.save(&mut first.book).expect("save 1");
    second.book.upsert(b.clone());
    second.sidecar.save(&mut second.book).expect("save 2");
    // The second window merged the first's note before writing; the first sees the second's on its next save.
    assert_eq!(ids(&second.book), sorted(&[&a, &b]));
    first.book.upsert(c.clone());
    first.book.remove(&a.id);
    first.sidecar.save(&mut first.book).expect("save 3");
    assert_eq!(ids(&first.book), sorted(&[&b, &c]));
    second.sidecar.save(&mut second.book).expect("save 4");
    assert_eq!(ids(&second.book), sorted(&[&b, &c]), "a deletion elsewhere is honoured");
    let on_disk = Sidecar::open(&folder, None).book;
    assert_eq!(ids(&on_disk), sorted(&[&b, &c]));
}

#[test]
fn concurrent_writers_keep_every_note() {
    let (_tmp, folder) = copy_fixture("clean");
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let folder = folder.clone();
            std::thread::spawn(move || {
                let mut opened = Sidecar::open(&folder, None);
                let mut mine = Vec::new();
                for n in 0..15 {
                    let note = plain_note(w * 100 + n);
                    mine.push(note.id.clone());
                    opened.book.upsert(note);
                    opened.sidecar.save(&mut opened.book).expect("save");
                }
                mine
            })
        })
        .collect();
    let mut expected: Vec<String> = writers.into_iter().flat_map(|h| h.join().expect("writer")).collect();
    expected.sort();
    assert_eq!(ids(&Sidecar::open(&folder, None).book), expected);
    assert!(!folder.join(format!("{FILE_NAME}.lock")).exists(), "the lock is released");
}

#[test]
fn a_corrupt_sidecar_is_left_untouched_and_notes_are_saved_beside_it() {
    let (_tmp, folder) = copy_fixture("clean");
    let broken = "schema = 1\n[[note]]\nid = \"x\"\ntext = \"unterminated\n";
    std::fs::write(folder.join(FILE_NAME), broken).expect("write");
    let mut opened = Sidecar::open(&folder, None);
    assert_eq!(opened.warnings.len(), 1);
    assert!(opened.warnings[0].contains("cannot read the notes: line 4"), "{}", opened.warnings[0]);
    assert!(opened.warnings[0].contains("left untouched; new notes are saved in synoptic-notes.recovered.toml"));
    assert!(matches!(opened.sidecar.location(), Location::Beside { .. }));
    let note = plain_note(1);
    opened.book.upsert(note.clone());
    opened.sidecar.save(&mut opened.book).expect("save");
    assert_eq!(std::fs::read_to_string(folder.join(FILE_NAME)).expect("read"), broken);
    assert_eq!(opened.sidecar.path(), folder.join(RECOVERED_NAME));
    let again = Sidecar::open(&folder, None);
    assert_eq!(again.book.to_vec(), vec![note]);
    assert_eq!(again.warnings.len(), 1);
}

#[test]
fn a_sidecar_from_a_newer_synoptic_is_left_untouched() {
    let (_tmp, folder) = copy_fixture("clean");
    let newer = "schema = 3\n[[note]]\nid = \"n\"\nshape = \"unknown\"\n";
    std::fs::write(folder.join(FILE_NAME), newer).expect("write");
    let mut opened = Sidecar::open(&folder, None);
    assert!(
        opened.warnings[0].contains("written by a newer Synoptic (schema 3; this one reads up to 2)"),
        "{}",
        opened.warnings[0]
    );
    opened.book.upsert(plain_note(1));
    opened.sidecar.save(&mut opened.book).expect("save");
    assert_eq!(std::fs::read_to_string(folder.join(FILE_NAME)).expect("read"), newer);
    assert!(folder.join(RECOVERED_NAME).is_file());
}

/// Refuses writes into the reviewed folder, like a read-only folder; writes under a `notes` folder
/// (the data directory's copy) go through.
fn read_only_folder(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.components().any(|c| c.as_os_str() == "data") {
        synoptic::util::fs::write_atomic(path, bytes)
    } else {
        Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "Permission denied (os error 13)"))
    }
}

#[test]
fn a_read_only_folder_saves_notes_in_the_data_directory() {
    let (tmp, folder) = copy_fixture("clean");
    let data = tmp.path().join("data");
    let opened = Sidecar::open(&folder, Some(&data));
    let (mut side, mut book) = (opened.sidecar.with_writer(read_only_folder), opened.book);
    let note = plain_note(1);
    book.upsert(note.clone());
    side.save(&mut book).expect("saved in the data directory");
    assert!(matches!(side.location(), Location::DataDir { reason } if reason.contains("Permission denied")));
    assert!(side.path().starts_with(&data), "{}", side.path().display());
    assert!(!folder.join(FILE_NAME).exists());
    let copy = std::fs::read_to_string(side.path()).expect("copy");
    assert!(copy.contains(&format!("folder = \"{}\"", folder.display())), "{copy}");
    // Next time the folder is opened, the notes come back, and the reviewer is told where from.
    let mut again = Sidecar::open(&folder, Some(&data));
    assert_eq!(again.book.to_vec(), vec![note.clone()]);
    assert!(again.warnings[0].contains("while this folder could not be written"), "{}", again.warnings[0]);
    assert!(again.unsaved, "the notes are not in the folder yet");
    // The folder takes writes again: the notes move into it and the data-directory copy goes.
    again.sidecar.save(&mut again.book).expect("save in the folder");
    assert_eq!(again.sidecar.location(), &Location::Folder);
    assert_eq!(Sidecar::open(&folder, None).book.to_vec(), vec![note]);
    assert!(!sidecar::data_copy_path(&data, &folder).exists());
    assert!(Sidecar::open(&folder, Some(&data)).warnings.is_empty());
}

fn disk_full(_: &Path, _: &[u8]) -> std::io::Result<()> {
    Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "No space left on device (os error 28)"))
}

#[test]
fn a_failed_write_keeps_the_old_sidecar_and_the_unsaved_notes() {
    let (_tmp, folder) = copy_fixture("clean");
    let mut opened = Sidecar::open(&folder, None);
    let saved = plain_note(1);
    opened.book.upsert(saved.clone());
    opened.sidecar.save(&mut opened.book).expect("save");
    let before = std::fs::read_to_string(folder.join(FILE_NAME)).expect("read");

    let mut failing = opened.sidecar.clone().with_writer(disk_full);
    let unsaved = plain_note(2);
    opened.book.upsert(unsaved.clone());
    let error = failing.save(&mut opened.book).expect_err("disk full");
    assert!(error.to_string().contains("cannot save the notes: No space left on device"), "{error}");
    assert!(error.to_string().contains("the previous file is intact; unsaved notes are kept"));
    assert_eq!(std::fs::read_to_string(folder.join(FILE_NAME)).expect("read"), before);
    assert_eq!(ids(&opened.book), sorted(&[&saved, &unsaved]));
    // Retry once the disk has room.
    opened.sidecar.save(&mut opened.book).expect("retry");
    assert_eq!(ids(&Sidecar::open(&folder, None).book), sorted(&[&saved, &unsaved]));
}

const LOOP_DIR: &str = "SYNOPTIC_TEST_SAVE_LOOP_DIR";
const LOOP_PATH: &str = "SYNOPTIC_TEST_SAVE_LOOP_PATH";

/// The three places a save can go: the folder, beside an unreadable sidecar, the data directory.
#[derive(Clone, Copy, Debug)]
enum SavePath {
    Folder,
    Beside,
    DataDir,
}

impl SavePath {
    fn name(self) -> &'static str {
        match self {
            SavePath::Folder => "folder",
            SavePath::Beside => "beside",
            SavePath::DataDir => "datadir",
        }
    }

    /// Prepare `folder` for this path and open its sidecar.
    fn open(self, folder: &Path) -> Sidecar {
        let data = folder.join("data");
        match self {
            SavePath::Folder => Sidecar::open(folder, None).sidecar,
            SavePath::Beside => {
                if !folder.join(FILE_NAME).exists() {
                    std::fs::write(folder.join(FILE_NAME), "not = [toml").expect("write");
                }
                Sidecar::open(folder, None).sidecar
            }
            SavePath::DataDir => Sidecar::open(folder, Some(&data)).sidecar.with_writer(read_only_folder),
        }
    }

    /// Where this path's saves end up.
    fn file(self, folder: &Path) -> PathBuf {
        match self {
            SavePath::Folder => folder.join(FILE_NAME),
            SavePath::Beside => folder.join(RECOVERED_NAME),
            SavePath::DataDir => sidecar::data_copy_path(&folder.join("data"), folder),
        }
    }
}

/// Saves notes one by one and prints each id once it is saved. Run alone, it checks 30 saves on each
/// save path; the kill test below runs it as a child process in a folder of its own and kills it mid-loop.
#[test]
fn saves_in_a_loop() {
    if let Some(dir) = std::env::var_os(LOOP_DIR) {
        let path = match std::env::var(LOOP_PATH).as_deref() {
            Ok("beside") => SavePath::Beside,
            Ok("datadir") => SavePath::DataDir,
            _ => SavePath::Folder,
        };
        save_loop(&PathBuf::from(dir), path, 100_000);
        return;
    }
    for path in [SavePath::Folder, SavePath::Beside, SavePath::DataDir] {
        let tmp = tempfile::tempdir().expect("tempdir");
        save_loop(tmp.path(), path, 30);
        let text = std::fs::read_to_string(path.file(tmp.path())).expect("saved");
        assert_eq!(sidecar::parse(&text, Path::new("s")).expect("parse").notes.len(), 30, "{path:?}");
    }
}

fn save_loop(folder: &Path, path: SavePath, rounds: usize) {
    let mut side = path.open(folder);
    let mut book = NoteBook::default();
    for n in 0..rounds {
        let note = plain_note(n);
        let id = note.id.clone();
        book.upsert(note);
        side.save(&mut book).expect("save");
        println!("saved {id}");
    }
}

#[test]
fn a_kill_during_saves_leaves_a_sidecar_with_every_saved_note() {
    for (path, kill_after) in [
        (SavePath::Folder, 3),
        (SavePath::Folder, 17),
        (SavePath::Folder, 40),
        (SavePath::Beside, 11),
        (SavePath::DataDir, 23),
    ] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", "saves_in_a_loop", "--nocapture", "--test-threads=1"])
            .env(LOOP_DIR, tmp.path())
            .env(LOOP_PATH, path.name())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let mut saved = Vec::new();
        while saved.len() < kill_after {
            let line = lines.next().expect("the child saves").expect("line");
            if let Some(id) = line.strip_prefix("saved ") {
                saved.push(id.to_owned());
            }
        }
        child.kill().expect("kill");
        // Ids printed after the kill signal was sent were saved too.
        saved.extend(lines.map_while(Result::ok).filter_map(|l| l.strip_prefix("saved ").map(str::to_owned)));
        child.wait().expect("wait");
        let text = std::fs::read_to_string(path.file(tmp.path())).expect("a sidecar");
        let notes = sidecar::parse(&text, Path::new("sidecar")).expect("the sidecar parses after a kill").notes;
        let on_disk: Vec<&str> = notes.iter().map(|n| n.id.as_str()).collect();
        for id in &saved {
            assert!(on_disk.contains(&id.as_str()), "{path:?}: note {id} was saved before the kill but is missing");
        }
        if let SavePath::Beside = path {
            assert_eq!(std::fs::read_to_string(tmp.path().join(FILE_NAME)).expect("original"), "not = [toml");
        }
    }
}

#[test]
fn paths_inside_a_sidecar_never_lead_outside_the_folder() {
    let (tmp, folder) = copy_fixture("clean");
    let hostile = "schema = 1\n[[note]]\nid = \"1\"\ndocument = \"../../outside.md\"\nlocale = \"de\"\nfile = \"../../../etc/passwd\"\nsection = \"../x\"\nblock = 99999999\nfingerprint = \"x\"\nquote = \"\"\ntext = \"t\"\ncategory = \"style\"\nseverity = \"minor\"\nstatus = \"open\"\ncreated = \"2026\"\nupdated = \"2026\"\n";
    std::fs::write(folder.join(FILE_NAME), hostile).expect("write");
    let before: Vec<PathBuf> = walk(tmp.path());
    let r = review(&folder);
    let mut opened = Sidecar::open(&folder, Some(&tmp.path().join("data")));
    let places = Placements::compute(&r, &opened.book);
    assert_eq!(places.by_id.get("1").map(|p| (p.doc, p.fit)), Some((None, Fit::Outdated)));
    let rows = synoptic::export::collect(&r, &opened.book).notes;
    assert_eq!((rows[0].line, rows[0].outdated), (None, true));
    opened.book.upsert(plain_note(2));
    opened.sidecar.save(&mut opened.book).expect("save");
    assert_eq!(walk(tmp.path()), before, "only the sidecar itself was rewritten");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A folder whose sidecar already holds two notes, opened.
fn folder_with_two_notes() -> (tempfile::TempDir, PathBuf, Vec<Note>) {
    let (tmp, folder) = copy_fixture("clean");
    let mut opened = Sidecar::open(&folder, None);
    let notes = vec![plain_note(1), plain_note(2)];
    for n in &notes {
        opened.book.upsert(n.clone());
    }
    opened.sidecar.save(&mut opened.book).expect("save");
    (tmp, folder, notes)
}

#[test]
fn no_note_is_lost_when_saves_move_elsewhere_mid_session() {
    // The folder turns read-only: the data-directory copy gets every note, not just the new one.
    let (tmp, folder, old) = folder_with_two_notes();
    let data = tmp.path().join("data");
    let opened = Sidecar::open(&folder, Some(&data));
    let (mut side, mut book) = (opened.sidecar.with_writer(read_only_folder), opened.book);
    let new = plain_note(3);
    book.upsert(new.clone());
    side.save(&mut book).expect("save");
    let expected = sorted(&[&old[0], &old[1], &new]);
    assert_eq!(ids(&book), expected);
    let copy = sidecar::parse(&std::fs::read_to_string(side.path()).expect("copy"), side.path()).expect("parse").notes;
    assert_eq!(copy.iter().map(|n| n.id.clone()).collect::<Vec<_>>(), expected);

    // The sidecar is broken after opening (a merge conflict from `git pull`): the recovered file gets all.
    let (_tmp, folder, old) = folder_with_two_notes();
    let mut opened = Sidecar::open(&folder, None);
    std::fs::write(folder.join(FILE_NAME), "<<<<<<< HEAD\n").expect("conflict");
    let new = plain_note(3);
    opened.book.upsert(new.clone());
    opened.sidecar.save(&mut opened.book).expect("save");
    assert_eq!(ids(&opened.book), sorted(&[&old[0], &old[1], &new]));
    assert_eq!(ids(&Sidecar::open(&folder, None).book), sorted(&[&old[0], &old[1], &new]));
    assert_eq!(std::fs::read_to_string(folder.join(FILE_NAME)).expect("left"), "<<<<<<< HEAD\n");

    // The sidecar is deleted (a `git stash`): the next save writes every note again.
    let (_tmp, folder, old) = folder_with_two_notes();
    let mut opened = Sidecar::open(&folder, None);
    std::fs::remove_file(folder.join(FILE_NAME)).expect("rm");
    let new = plain_note(3);
    opened.book.upsert(new.clone());
    opened.sidecar.save(&mut opened.book).expect("save");
    assert_eq!(ids(&Sidecar::open(&folder, None).book), sorted(&[&old[0], &old[1], &new]));
}

#[test]
fn a_note_on_a_code_block_follows_its_code_and_no_other() {
    let (_tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let (doc, col, block) = find_block_kind(&r, "de", synoptic::skeleton::BlockKind::Code);
    let anchor = synoptic::notes::anchor::anchor_at(&r, doc, col, block, false, "").expect("anchor");
    assert!(anchor.quote.contains("tinker install --prefix"), "{}", anchor.quote);
    let mut note = plain_note(1);
    note.anchor = anchor;
    let mut book = NoteBook::default();
    book.upsert(note.clone());
    assert_eq!(Placements::compute(&r, &book).of(&note).map(|p| p.fit), Some(Fit::Exact));

    // The code is edited: the note stays on it, marked changed.
    let path = folder.join("de/guide.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("--prefix ~/.local", "--prefix ~/.local --force")).expect("write");
    let r2 = review(&folder);
    let p = Placements::compute(&r2, &book).of(&note).cloned().expect("placed");
    assert_eq!((p.block, p.fit), (Some(block), Fit::Changed));

    // The code block is removed and another one appears elsewhere: the note does not jump to it.
    let text = std::fs::read_to_string(&path).expect("read");
    let start = text.find("```bash").expect("fence");
    let end = text[start + 3..].find("```").map(|e| start + 3 + e + 3).expect("closing fence");
    let text = format!("{}{}\n```sh\ntinker serve --port 9000\n```\n", &text[..start], &text[end..]);
    std::fs::write(&path, text).expect("write");
    let r3 = review(&folder);
    let p = Placements::compute(&r3, &book).of(&note).cloned().expect("placed");
    assert_eq!(p.fit, Fit::Outdated);
    let (_, _, other_code) = find_block_kind(&r3, "de", synoptic::skeleton::BlockKind::Code);
    assert_ne!(p.block, Some(other_code));
}

fn find_block_kind(
    r: &synoptic::review::Review,
    locale: &str,
    kind: synoptic::skeleton::BlockKind,
) -> (usize, usize, usize) {
    let doc = r.document_index("guide.md").expect("doc");
    let d = &r.corpus.documents[doc];
    let col = d.files.iter().position(|&f| r.corpus.files[f].locale.to_string() == locale).expect("col");
    let file = &r.corpus.files[d.files[col]];
    let block = file.skeleton.blocks.iter().position(|b| b.kind == kind).expect("block of kind");
    (doc, col, block)
}

#[test]
fn the_sample_notes_sit_exactly_on_their_blocks() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let r = review(&folder);
    let opened = Sidecar::open(&folder, None);
    assert!(opened.warnings.is_empty());
    let places = Placements::compute(&r, &opened.book);
    let fits: Vec<(String, Fit, bool)> = opened
        .book
        .iter()
        .map(|n| {
            let p = places.of(n).expect("placed");
            (n.anchor.file.clone(), p.fit, p.row.is_some())
        })
        .collect();
    assert_eq!(
        fits,
        [
            ("de/configure.md".to_owned(), Fit::Exact, true),
            ("fr/install.md".to_owned(), Fit::Exact, true),
            ("es/install.md".to_owned(), Fit::Exact, true)
        ]
    );
}
