//! Which folders the check bench measures: the generated one, and real translated documentation sets
//! when they are on this machine.
//!
//! Real folders are looked for in `$SYNOPTIC_BENCH_CORPORA` (default `../corpora` beside the checkout),
//! each at the root a reviewer would open; more can be named in `$SYNOPTIC_BENCH_FOLDERS` (paths
//! separated by `:`). `$SYNOPTIC_BENCH_ONLY` (names separated by `,`) keeps only those folders.

use std::path::{Path, PathBuf};

/// Known real folders: the name of the folder in the corpora directory, and the root to open inside it.
const KNOWN: &[(&str, &str)] = &[
    ("cncf-glossary", "content"),
    ("fastapi", "docs"),
    ("wails", "website"),
    ("astro-docs", "src/content/docs"),
    ("fcc-curriculum", "curriculum/challenges"),
    ("mdn", "files"),
];

/// A folder to measure.
#[derive(Debug, Clone)]
pub struct Folder {
    pub name: String,
    pub root: PathBuf,
    /// The generated folder, whose findings are checked against the defects seeded in it.
    pub seeded: bool,
}

/// The corpora directory: `$SYNOPTIC_BENCH_CORPORA`, else `../corpora` beside the checkout.
pub fn corpora_dir() -> PathBuf {
    std::env::var_os("SYNOPTIC_BENCH_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpora"))
}

/// The real folders present on this machine, and what was looked for but is absent.
pub fn real_folders() -> (Vec<Folder>, Vec<String>) {
    let corpora = corpora_dir();
    let mut found = Vec::new();
    let mut absent = Vec::new();
    for (name, root) in KNOWN {
        let path = corpora.join(name).join(root);
        if path.is_dir() {
            found.push(Folder { name: (*name).to_owned(), root: path, seeded: false });
        } else {
            absent.push(path.display().to_string());
        }
    }
    if let Some(extra) = std::env::var_os("SYNOPTIC_BENCH_FOLDERS") {
        for path in std::env::split_paths(&extra).filter(|p| p.is_dir()) {
            let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
            found.push(Folder { name, root: path, seeded: false });
        }
    }
    (found, absent)
}

/// Whether `$SYNOPTIC_BENCH_ONLY` (if set) keeps the folder called `name`.
pub fn wanted(name: &str) -> bool {
    match std::env::var("SYNOPTIC_BENCH_ONLY") {
        Ok(only) if !only.trim().is_empty() => only.split(',').any(|n| n.trim() == name),
        _ => true,
    }
}

/// Markdown files (as Synoptic lists them: `.md`, `.mdx`, `.markdown`, `.txt`) under `dir`, recursively,
/// links not followed, `.git` left out.
pub fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() && entry.file_name() != ".git" {
            markdown_files(&path, out)?;
        } else if kind.is_file() && is_markdown(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_markdown(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("md" | "mdx" | "markdown" | "txt"))
}
