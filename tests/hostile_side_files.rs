//! Every file Synoptic reads goes through one guarded reader. For each kind — a document, the notes
//! sidecar, the glossary, `synoptic.toml` — each hostile shape gives a clear message and the rest keeps
//! working: a named pipe (which would block the open), a link to `/dev/zero` (endless), a sparse 2 GB
//! file, and a link to a file outside the folder.
#![cfg(unix)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use synoptic::config::Config;
use synoptic::notes::sidecar::{FILE_NAME, Location, Sidecar};
use synoptic::review::{CheckOptions, Review};

const EN: &str = "# Guide\n\nRead this first, then follow the steps below.\n\n## Setup\n\nRun the installer.\n";
const DE: &str = "# Anleitung\n\nLesen Sie dies zuerst und folgen Sie dann den Schritten.\n";

#[derive(Debug, Clone, Copy)]
enum Hostile {
    Pipe,
    DevZero,
    Sparse2Gb,
    LinkOutside,
}

const ALL: [Hostile; 4] = [Hostile::Pipe, Hostile::DevZero, Hostile::Sparse2Gb, Hostile::LinkOutside];

/// A folder with the guide in English and German (German lacks a section), inside a temporary folder
/// that also holds `outside.txt`.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("docs");
    for (rel, text) in [("en/guide.md", EN), ("de/guide.md", DE)] {
        fs::create_dir_all(root.join(rel).parent().expect("parent")).expect("mkdir");
        fs::write(root.join(rel), text).expect("write");
    }
    fs::write(tmp.path().join("outside.txt"), "term,kind\nsecret,dnt\n").expect("write");
    (tmp, root)
}

/// Put the hostile shape at `path` in the folder `root` (a link out of it goes to `outside.txt` beside
/// it); returns what a link points at.
fn plant(root: &Path, path: &Path, how: Hostile) -> PathBuf {
    match how {
        Hostile::Pipe => {
            let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo");
            assert!(made.success());
            path.to_path_buf()
        }
        Hostile::DevZero => {
            std::os::unix::fs::symlink("/dev/zero", path).expect("symlink");
            PathBuf::from("/dev/zero")
        }
        Hostile::Sparse2Gb => {
            fs::File::create(path).and_then(|f| f.set_len(2 << 30)).expect("sparse file");
            path.to_path_buf()
        }
        Hostile::LinkOutside => {
            let target = root.parent().expect("temp folder").join("outside.txt");
            std::os::unix::fs::symlink(&target, path).expect("symlink");
            fs::canonicalize(target).expect("canonical")
        }
    }
}

/// The reason each shape is refused with, for a side file of a kind with `limit` MB and `noun`.
fn reason(how: Hostile, target: &Path, limit: u64, noun: &str) -> String {
    match how {
        Hostile::Pipe => "a named pipe (FIFO), not a regular file".to_owned(),
        Hostile::DevZero | Hostile::LinkOutside => {
            format!("a symbolic link to {}, outside the folder; not followed", target.display())
        }
        Hostile::Sparse2Gb => format!("2048 MB is larger than the limit of {limit} MB for {noun}"),
    }
}

fn review(root: &Path) -> synoptic::Result<Review> {
    Review::build(&[root.to_path_buf()], &CheckOptions::default())
}

/// The planted finding is there: the guide was loaded, aligned and checked.
fn checked(r: &Review) -> bool {
    r.findings.iter().any(|f| f.id == "structure.missing" && f.file == "de/guide.md")
}

#[test]
fn a_hostile_document_is_named_and_the_rest_is_checked() {
    for how in ALL {
        let (_tmp, root) = folder();
        plant(&root, &root.join("de/extra.md"), how);
        let r = review(&root).expect("review");
        assert!(checked(&r), "{how:?}");
        let skipped: Vec<(&str, &str)> = r.corpus.skipped.iter().map(|(f, w)| (f.as_str(), w.as_str())).collect();
        let problems: Vec<(&str, &str)> = r
            .corpus
            .problems
            .iter()
            .map(|p| (synoptic::checks::input::id_of(p.kind).as_str(), p.reason.as_str()))
            .collect();
        match how {
            Hostile::Pipe => {
                assert_eq!(skipped, [("de/extra.md", "a named pipe (FIFO), not a regular file; not read")])
            }
            // Links among the documents are never followed, wherever they lead.
            Hostile::DevZero | Hostile::LinkOutside => assert_eq!(
                skipped,
                [("de/extra.md", "a symbolic link; links are not followed (open the target)")],
                "{how:?}"
            ),
            Hostile::Sparse2Gb => assert_eq!(
                problems,
                [("input.too-large", "2048 MB is larger than the limit of 20 MB per file; split the file")]
            ),
        }
    }
}

#[test]
fn a_hostile_sidecar_is_left_alone_and_notes_go_beside_it() {
    for how in ALL {
        let (_tmp, root) = folder();
        let target = plant(&root, &root.join(FILE_NAME), how);
        let opened = Sidecar::open(&root, None);
        let expected = format!(
            "{}: cannot read the notes: {}",
            root.join(FILE_NAME).display(),
            reason(how, &target, 10, "a notes file")
        );
        assert!(opened.warnings[0].starts_with(&expected), "{how:?}: {}", opened.warnings[0]);
        assert!(matches!(opened.sidecar.location(), Location::Beside { newer: false, .. }), "{how:?}");
        assert!(opened.book.is_empty());
    }
}

#[test]
fn a_hostile_glossary_stops_check_with_its_reason() {
    for how in ALL {
        let (_tmp, root) = folder();
        let path = root.join("glossary.csv");
        let target = plant(&root, &path, how);
        let e = review(&root).expect_err("a glossary that cannot be read stops the check");
        assert_eq!(e.to_string(), format!("{}: glossary: {}", path.display(), reason(how, &target, 20, "a glossary")));
    }
    // Named in the configuration, the same.
    let (_tmp, root) = folder();
    plant(&root, &root.join("terms.csv"), Hostile::Pipe);
    fs::write(root.join("synoptic.toml"), "glossary = \"terms.csv\"\n").expect("write");
    let e = review(&root).expect_err("configured pipe");
    assert!(e.to_string().ends_with("terms.csv: glossary: a named pipe (FIFO), not a regular file"), "{e}");
    // Named on the command line, a link out of the folder is the user's choice; a device is still refused.
    let options = CheckOptions { glossary: Some(PathBuf::from("/dev/zero")), ..CheckOptions::default() };
    let e = Review::build(std::slice::from_ref(&root), &options).expect_err("device");
    assert!(e.to_string().ends_with("/dev/zero: glossary: a device, not a regular file"), "{e}");
}

#[test]
fn a_hostile_configuration_stops_with_its_reason() {
    for how in ALL {
        let (_tmp, root) = folder();
        let path = root.join("synoptic.toml");
        let target = plant(&root, &path, how);
        let e = Config::load(&root).expect_err("refused");
        let expected =
            format!("{}: configuration: {}", path.display(), reason(how, &target, 1, "a configuration file"));
        assert_eq!(e.to_string(), expected);
        assert_eq!(review(&root).expect_err("check stops").to_string(), expected);
    }
}

#[test]
fn a_glossary_link_that_stays_inside_the_folder_is_read() {
    let (_tmp, root) = folder();
    fs::create_dir_all(root.join("shared")).expect("mkdir");
    fs::write(root.join("shared/terms.csv"), "term,kind\nGuide,dnt\n").expect("write");
    std::os::unix::fs::symlink("shared/terms.csv", root.join("glossary.csv")).expect("symlink");
    let r = review(&root).expect("review");
    assert_eq!(r.glossary.as_deref(), Some(root.join("glossary.csv").as_path()));
    assert!(checked(&r));
}

fn synoptic() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("synoptic").expect("the binary is built")
}

#[test]
fn the_command_line_answers_each_case_at_once() {
    let (tmp, root) = folder();
    let pipe = tmp.path().join("pipe.csv");
    plant(&root, &pipe, Hostile::Pipe);
    synoptic()
        .arg("check")
        .arg(&root)
        .arg("--glossary")
        .arg(&pipe)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(format!("synoptic: {}: glossary: a named pipe (FIFO), not a regular file\n", pipe.display()));
    // A pipe as the sidecar: export refuses at once rather than hanging; check warns and goes on.
    plant(&root, &root.join(FILE_NAME), Hostile::Pipe);
    let out = tmp.path().join("out.csv");
    synoptic()
        .arg("export")
        .arg(&root)
        .arg("-o")
        .arg(&out)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(format!(
            "synoptic: {}: cannot read the notes: a named pipe (FIFO), not a regular file. Nothing was exported: fix \
             the file (a merge conflict?) and try again\n",
            root.join(FILE_NAME).display()
        ));
    let check = synoptic().arg("check").arg(&root).timeout(std::time::Duration::from_secs(20)).assert().code(0);
    let said = String::from_utf8_lossy(&check.get_output().stderr).into_owned();
    assert_eq!(
        said,
        format!(
            "synoptic: warning: {}: cannot read the notes: a named pipe (FIFO), not a regular file; the false-positive \
             marks in it are not applied\n",
            root.join(FILE_NAME).display()
        )
    );
}
