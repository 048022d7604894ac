//! The bundled sample: `assets/sample/` compiled into the binary, so an installed `synoptic` can show it
//! from any directory. It is written out to a folder of its own under the user's data directory the first
//! time it is opened (the review reads folders, and the sample stays an ordinary folder).

use crate::error::{Error, Result};
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

static SAMPLE: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/sample");

/// Write the sample out (once per version) and return its folder: under the user's data directory
/// (`directories`), or the temporary directory when there is none or it is not writable.
pub fn extract() -> Result<PathBuf> {
    let name = format!("synoptic-sample-{}", env!("CARGO_PKG_VERSION"));
    let data = directories::ProjectDirs::from("", "", "Synoptic").map(|d| d.data_dir().join(&name));
    if let Some(dir) = data
        && extract_to(&dir).is_ok()
    {
        return Ok(dir);
    }
    let dir = std::env::temp_dir().join(name);
    extract_to(&dir)?;
    Ok(dir)
}

/// Write the sample into `dir`, replacing files that differ (except the notes sidecar, which is only
/// written when absent).
pub fn extract_to(dir: &Path) -> Result<()> {
    write_dir(&SAMPLE, dir)
}

fn write_dir(d: &Dir<'_>, base: &Path) -> Result<()> {
    let err = |path: &Path, source| Error::Sample { path: path.to_path_buf(), source };
    std::fs::create_dir_all(base).map_err(|e| err(base, e))?;
    for f in d.files() {
        let path = base.join(f.path());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| err(parent, e))?;
        }
        // The sample's notes are only a seed: notes a reviewer wrote on the sample are kept.
        let is_notes = f.path().file_name().is_some_and(|n| n == crate::notes::sidecar::FILE_NAME);
        if is_notes && path.exists() {
            continue;
        }
        if std::fs::read(&path).ok().as_deref() != Some(f.contents()) {
            std::fs::write(&path, f.contents()).map_err(|e| err(&path, e))?;
        }
    }
    for sub in d.dirs() {
        write_dir(sub, base)?;
    }
    Ok(())
}

/// The number of files in the sample.
pub fn file_count() -> usize {
    fn count(d: &Dir<'_>) -> usize {
        d.files().count() + d.dirs().map(count).sum::<usize>()
    }
    count(&SAMPLE)
}

#[cfg(test)]
mod tests {
    #[test]
    fn extracts_every_file_byte_for_byte() {
        let tmp = tempfile::tempdir().expect("tempdir");
        super::extract_to(tmp.path()).expect("extract");
        let original = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/en/install.md");
        let copy = tmp.path().join("en/install.md");
        assert_eq!(std::fs::read(copy).ok(), std::fs::read(original).ok());
        assert!(super::file_count() >= 10);
    }

    #[test]
    fn notes_written_on_the_sample_survive_the_next_extraction() {
        let tmp = tempfile::tempdir().expect("tempdir");
        super::extract_to(tmp.path()).expect("extract");
        let notes = tmp.path().join(crate::notes::sidecar::FILE_NAME);
        assert!(std::fs::read_to_string(&notes).expect("seed notes").contains("[[note]]"));
        std::fs::write(&notes, "schema = 1\n").expect("write");
        super::extract_to(tmp.path()).expect("extract again");
        assert_eq!(std::fs::read_to_string(&notes).expect("notes"), "schema = 1\n");
    }
}
