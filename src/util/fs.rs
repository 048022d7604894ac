//! Writing files safely: atomic replacement, and cleaning up after a writer that was killed mid-write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Write `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk, renamed
/// over the old file. A crash at any moment leaves the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "sidecar".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(
        "{}{}-{}.tmp",
        temp_prefix(&name),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        // Make the rename itself durable (Unix; elsewhere opening a folder fails and that is fine).
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The start of the names of `write_atomic`'s temporary files for a file named `name`.
fn temp_prefix(name: &str) -> String {
    format!(".{name}.")
}

/// Remove the temporary files a killed [`write_atomic`] of `path` left beside it; returns how many. Call
/// it only while holding the lock every writer of `path` holds, so no other write is under way.
pub fn remove_leftover_temps(path: &Path) -> usize {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return 0 };
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(middle) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)?.strip_suffix(".tmp")) else {
            continue;
        };
        let ours = middle.split_once('-').is_some_and(|(pid, n)| {
            !pid.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
        });
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftover_temporary_files_are_removed_and_nothing_else() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("notes.toml");
        for name in [
            ".notes.toml.123-0.tmp",
            ".notes.toml.9-17.tmp",
            ".notes.toml.x-1.tmp",
            ".other.toml.1-1.tmp",
            "notes.toml.1-1.tmp",
        ] {
            fs::write(tmp.path().join(name), "partial").expect("write");
        }
        write_atomic(&path, b"done").expect("write");
        assert_eq!(remove_leftover_temps(&path), 2);
        let mut left: Vec<String> = fs::read_dir(tmp.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".notes.toml.x-1.tmp", ".other.toml.1-1.tmp", "notes.toml", "notes.toml.1-1.tmp"]);
    }
}
