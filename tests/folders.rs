//! Where the folder is: the folder the user opens is read even when an enclosing git repository ignores
//! it; only the `.gitignore` files inside it apply; what is not reviewed is counted by reason (human
//! summary, JSON `skipped_by_reason`); `--no-ignore` reads the ignored files too.

use clap::Parser;
use serde_json::Value;
use std::path::Path;
use synoptic::cli::{Cli, Command};

const EN: &str = "# Install\n\nInstall the tool with the installer and follow every step shown on the screen.\n";
const DE: &str = "# Installieren\n\nInstallieren Sie das Werkzeug und folgen Sie allen Schritten auf dem Bildschirm.\n";

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Tester", "-c", "user.email=tester@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A git repository whose `.gitignore` ignores everything in `handoff/*/` (the example), with a
/// delivery of two locales in `handoff/delivery`.
fn repository_ignoring_the_delivery() -> tempfile::TempDir {
    let repo = tempfile::tempdir().expect("tempdir");
    git(repo.path(), &["init", "-q", "-b", "main"]);
    write(repo.path(), ".gitignore", "/handoff/*/*\n");
    write(repo.path(), "README.md", "# Tools\n");
    write(repo.path(), "handoff/delivery/en/install.md", EN);
    write(repo.path(), "handoff/delivery/de/install.md", DE);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "tools"]);
    repo
}

/// What `synoptic ARGS…` gives: the report, or the error's message.
fn run(args: &[&str]) -> Result<String, String> {
    let cli = Cli::try_parse_from(std::iter::once("synoptic").chain(args.iter().copied())).expect("arguments");
    let result = match cli.command.expect("a subcommand") {
        Command::Check(a) => synoptic::cli::check(&a).map(|c| String::from_utf8_lossy(&c.report).into_owned()),
        Command::Status(a) => synoptic::cli::status(&a),
        Command::Export(a) => synoptic::cli::export(&a).map(|e| format!("{} notes", e.notes)),
        Command::Ignore(_) => unreachable!("not run here"),
    };
    result.map_err(|e| e.to_string())
}

fn path_text(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&run(args).expect("check runs")).expect("JSON")
}

#[test]
fn a_folder_an_enclosing_repository_ignores_is_read() {
    let repo = repository_ignoring_the_delivery();
    // git itself ignores the delivery's files…
    let files = ["handoff/delivery/de/install.md", "handoff/delivery/en/install.md"];
    let ignored = git(repo.path(), &[&["check-ignore"][..], &files[..]].concat());
    assert_eq!(ignored, "handoff/delivery/de/install.md\nhandoff/delivery/en/install.md\n");
    // …and the delivery is read whole when it is the folder opened.
    let delivery = repo.path().join("handoff/delivery");
    let report = run(&["check", path_text(&delivery)]).expect("check runs");
    assert!(
        report.ends_with("0 findings (0 errors, 0 warnings, 0 info) in 1 document, 2 files, 2 locales\n"),
        "{report}"
    );
    let status = run(&["status", path_text(&delivery)]).expect("status runs");
    let (_, table) = status.split_once('\n').expect("a heading");
    assert_eq!(
        table,
        "\nlocale  up to date  behind  unknown  missing  orphan  total\n\
         de               0       0        1        0       0      1\n\
         total            0       0        1        0       0      1\n\n\
         Needs work (most behind first):\n  \
         de/install.md [de]: unknown: not committed yet: git has no history of this translation\n"
    );
    let out = repo.path().join("notes.csv");
    assert_eq!(run(&["export", path_text(&delivery), "-o", path_text(&out)]), Ok("0 notes".to_owned()));
}

/// A delivery whose own `.gitignore` ignores a drafts folder and backup files, with an image, a README
/// outside the locale folders and a symbolic link.
fn delivery_with_its_own_gitignore() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    write(root, ".gitignore", "drafts/\n*.bak.md\n!keep.bak.md\n");
    write(root, "en/install.md", EN);
    write(root, "de/install.md", DE);
    write(root, "en/old.bak.md", EN);
    write(root, "de/old.bak.md", DE);
    write(root, "en/keep.bak.md", EN);
    write(root, "de/keep.bak.md", DE);
    write(root, "drafts/en/new.md", EN);
    write(root, "drafts/de/new.md", DE);
    write(root, "en/logo.png", "\u{89}PNG");
    write(root, "README.md", "# Delivery\n");
    std::os::unix::fs::symlink("install.md", root.join("en/link.md")).expect("symlink");
    tmp
}

#[test]
fn the_folders_own_gitignore_applies_and_what_it_ignores_is_counted() {
    let tmp = delivery_with_its_own_gitignore();
    let root = path_text(tmp.path());
    let report = json_of(&["check", root, "--format", "json"]);
    let names: Vec<&str> =
        report["documents"].as_array().expect("documents").iter().map(|d| d["name"].as_str().unwrap_or("")).collect();
    assert_eq!(names, vec!["install.md", "keep.bak.md"]);
    let by_reason = &report["summary"]["skipped_by_reason"];
    let nonzero: Vec<(String, u64)> = by_reason
        .as_object()
        .expect("an object")
        .iter()
        .filter(|(_, n)| n.as_u64() != Some(0))
        .map(|(k, n)| (k.clone(), n.as_u64().unwrap_or(0)))
        .collect();
    let expected = [
        ("ignored", 2),
        ("ignored_folder", 1),
        ("not_markdown", 1),
        ("outside_locale_folders", 1),
        ("symbolic_link", 1),
    ];
    assert_eq!(nonzero, expected.map(|(k, n)| (k.to_owned(), n)).to_vec());
    assert_eq!(by_reason.as_object().map(|o| o.len()), Some(12), "every reason is always present");

    let human = run(&["check", root]).expect("check runs");
    assert!(
        human.contains(
            "skipped README.md: outside the locale folders\n\
             skipped en/link.md: a symbolic link; links are not followed (open the target)\n\
             skipped: 2 files ignored by .gitignore, 1 folder ignored by .gitignore, 1 not Markdown by name, \
             1 symbolic link, 1 outside the locale folders (--no-ignore reads the ignored ones)\n\n"
        ),
        "{human}"
    );
}

#[test]
fn no_ignore_reads_the_ignored_files_too() {
    let tmp = delivery_with_its_own_gitignore();
    let root = path_text(tmp.path());
    let report = json_of(&["check", root, "--format", "json", "--no-ignore"]);
    let names: Vec<&str> =
        report["documents"].as_array().expect("documents").iter().map(|d| d["name"].as_str().unwrap_or("")).collect();
    assert_eq!(names, vec!["drafts/new.md", "install.md", "keep.bak.md", "old.bak.md"]);
    let by_reason = &report["summary"]["skipped_by_reason"];
    assert_eq!((by_reason["ignored"].as_u64(), by_reason["ignored_folder"].as_u64()), (Some(0), Some(0)));
    assert_eq!(by_reason["not_markdown"].as_u64(), Some(1));
}

#[test]
fn a_folder_whose_gitignore_ignores_every_document_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), ".gitignore", "*.md\n");
    write(tmp.path(), "en/install.md", EN);
    write(tmp.path(), "de/install.md", DE);
    write(tmp.path(), "fr/install.md", EN);
    write(tmp.path(), "es/install.md", EN);
    let root = path_text(tmp.path());
    let expected = format!(
        "{root}: no Markdown files found: its .gitignore files ignore 4 files (de/install.md, en/install.md, \
         es/install.md, …); add --no-ignore to read them"
    );
    for command in ["check", "status"] {
        assert_eq!(run(&[command, root]).map(|_| ()), Err(expected.clone()), "{command}");
    }
    let report = run(&["check", root, "--no-ignore"]).expect("check runs");
    assert!(report.ends_with("in 1 document, 4 files, 4 locales\n"), "{report}");
}

#[test]
fn an_empty_folder_without_ignored_files_keeps_the_plain_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), "logo.png", "\u{89}PNG");
    let root = path_text(tmp.path());
    let expected = format!("{root}: no Markdown files found (looked for .md, .markdown and Markdown .txt files)");
    assert_eq!(run(&["check", root]).map(|_| ()), Err(expected));
}
