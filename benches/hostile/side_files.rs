//! (c) Hostile side files: the time until each gives its clear message.

use std::path::Path;
use std::time::{Duration, Instant};
use synoptic::config::Config;
use synoptic::notes::sidecar::{FILE_NAME, Sidecar};
use synoptic::review::{CheckOptions, Review};
use synoptic::session::NoteSession;

/// A folder with a guide in English and German.
fn folder() -> std::io::Result<tempfile::TempDir> {
    let tmp = tempfile::tempdir()?;
    for (rel, text) in
        [("en/guide.md", "# Guide\n\nInstall the tool.\n"), ("de/guide.md", "# Anleitung\n\nInstallieren.\n")]
    {
        std::fs::create_dir_all(tmp.path().join(rel).parent().unwrap_or(tmp.path()))?;
        std::fs::write(tmp.path().join(rel), text)?;
    }
    Ok(tmp)
}

fn pipe(path: &Path) -> std::io::Result<()> {
    let made = std::process::Command::new("mkfifo").arg(path).status()?;
    if made.success() { Ok(()) } else { Err(std::io::Error::other("mkfifo failed")) }
}

fn sparse(path: &Path) -> std::io::Result<()> {
    std::fs::File::create(path)?.set_len(2 << 30)
}

fn row(name: &str, took: Duration, said: &str) {
    let said: String = said.chars().take(110).collect();
    println!("{name}: {:.2} ms: {said}", took.as_secs_f64() * 1000.0);
}

/// The best of three runs of `what`, and its message.
fn timed(mut what: impl FnMut() -> String) -> (Duration, String) {
    let mut best = Duration::MAX;
    let mut said = String::new();
    for _ in 0..3 {
        let start = Instant::now();
        said = what();
        best = best.min(start.elapsed());
    }
    (best, said)
}

fn sidecar_case(name: &str, plant: impl Fn(&Path) -> std::io::Result<()>) -> std::io::Result<()> {
    let tmp = folder()?;
    plant(&tmp.path().join(FILE_NAME))?;
    let (took, said) = timed(|| Sidecar::open(tmp.path(), None).warnings.join("; "));
    row(&format!("{name} as the sidecar (check, export)"), took, &said);
    let review = Review::build(&[tmp.path().to_path_buf()], &CheckOptions::default()).map_err(std::io::Error::other)?;
    let (took, said) = timed(|| {
        let mut session = NoteSession::open(&review, None);
        session.settle(&review, Duration::from_secs(30));
        session.warnings.join("; ")
    });
    row(&format!("{name} as the sidecar (window, until its notes thread answers)"), took, &said);
    Ok(())
}

fn review_case(name: &str, file: &str, plant: impl Fn(&Path) -> std::io::Result<()>) -> std::io::Result<()> {
    let tmp = folder()?;
    plant(&tmp.path().join(file))?;
    let (took, said) = timed(|| match Review::build(&[tmp.path().to_path_buf()], &CheckOptions::default()) {
        Ok(_) => "read".to_owned(),
        Err(e) => e.to_string(),
    });
    row(name, took, &said);
    Ok(())
}

pub fn run() -> std::io::Result<()> {
    sidecar_case("a named pipe", pipe)?;
    sidecar_case("a link to /dev/zero", |p| std::os::unix::fs::symlink("/dev/zero", p))?;
    sidecar_case("a sparse 2 GB file", sparse)?;
    review_case("a sparse 2 GB synoptic.toml (check)", "synoptic.toml", sparse)?;
    let tmp = folder()?;
    sparse(&tmp.path().join("synoptic.toml"))?;
    let (took, said) = timed(|| Config::load(tmp.path()).map_or_else(|e| e.to_string(), |_| "read".into()));
    row("a sparse 2 GB synoptic.toml (status, export, window)", took, &said);
    review_case("a sparse 2 GB glossary (check)", "glossary.csv", sparse)?;
    review_case("a named pipe as the glossary (check)", "glossary.csv", pipe)?;
    review_case("a link to /dev/zero as the glossary (check)", "glossary.csv", |p| {
        std::os::unix::fs::symlink("/dev/zero", p)
    })?;
    Ok(())
}
