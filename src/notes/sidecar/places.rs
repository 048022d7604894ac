//! Where a folder's notes can be: the sidecar, recovered-notes files beside an unreadable one, a copy in
//! Synoptic's data directory; and reading any of them through the guarded reader.

use super::{FILE_NAME, RECOVERED_NAME, format};
use crate::error::{Error, Result};
use crate::notes::Saved;
use crate::util::read::{FileKind, ReadError, read_guarded};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// Read a notes file: `Ok(None)` when there is none. `folder` is the folder it was found in: a link
/// from there to outside it is refused, and so are pipes, devices and files above the size limit.
pub(super) fn read(path: &Path, folder: &Path) -> Result<Option<Saved>> {
    let bytes = match read_guarded(path, &FileKind::Notes.limits().inside(folder)) {
        Ok(b) => b,
        Err(ReadError::NotFound) => return Ok(None),
        Err(e) => return Err(Error::Sidecar { path: path.to_path_buf(), reason: e.to_string() }),
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Sidecar { path: path.to_path_buf(), reason: "not UTF-8 text".into() })?;
    format::parse(&text, path).map(Some)
}

/// The name of the `n`th recovered-notes file (1 is `synoptic-notes.recovered.toml`).
fn recovered_name(n: usize) -> String {
    if n == 1 { RECOVERED_NAME.to_owned() } else { format!("synoptic-notes.recovered-{n}.toml") }
}

/// The recovered-notes file beside an unreadable sidecar, and what is already in it. When that file is
/// unreadable too, the next free `synoptic-notes.recovered-N.toml`.
pub(super) fn recovered_path(folder: &Path) -> (PathBuf, Saved) {
    for n in 1..100 {
        let path = folder.join(recovered_name(n));
        if let Ok(found) = read(&path, folder) {
            return (path, found.unwrap_or_default());
        }
    }
    (folder.join(format!("synoptic-notes.recovered-{}.toml", std::process::id())), Saved::default())
}

/// The recovered-notes files in `folder`, in name order.
pub(super) fn recovered_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else { return Vec::new() };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name == RECOVERED_NAME || (name.starts_with("synoptic-notes.recovered-") && name.ends_with(".toml"))
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// The lock file of a notes file.
pub(super) fn lock_path(notes: &Path) -> PathBuf {
    let mut name = notes.file_name().map_or_else(Default::default, |n| n.to_os_string());
    name.push(".lock");
    notes.with_file_name(name)
}

/// The file name for messages.
pub(super) fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// Where a folder's notes go in the data directory: a name from the folder's name and a hash of its path.
pub fn data_copy_path(data_dir: &Path, folder: &Path) -> PathBuf {
    let absolute = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let hash = crate::util::hash::fingerprint(&[&absolute.to_string_lossy()]);
    let name: String = folder
        .file_name()
        .map_or_else(|| "folder".into(), |n| n.to_string_lossy().into_owned())
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(40)
        .collect();
    data_dir.join("notes").join(format!("{name}-{}", &hash[..12])).join(FILE_NAME)
}

pub(super) fn is_read_only(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem)
}

pub(super) fn writable(folder: &Path) -> bool {
    let probe = folder.join(format!(".synoptic-probe-{}", std::process::id()));
    let ok = File::create(&probe).is_ok();
    let _ = fs::remove_file(&probe);
    ok
}
