//! Reading one listed file: bounded, decoded, parsed, its locale found.

use super::layout::Placement;
use super::locate::find_locale;
use super::{LoadProblem, Loaded, MAX_FILE_BYTES, ProblemKind, SourceFile};
use crate::skeleton::{Flavor, Skeleton};
use crate::text::{self, LineIndex};
use std::path::{Path, PathBuf};

/// Read and load one listed file, unless the layout puts it outside every translation set (then it is not
/// read at all).
pub(super) fn load_one(path: &Path, rel: &str, placement: Placement) -> Loaded {
    if placement == Placement::Outside {
        return Loaded::Skipped(rel.to_owned(), "outside the locale folders".to_owned());
    }
    match read_limited(path) {
        Ok(bytes) => load_bytes(path.to_path_buf(), rel.to_owned(), bytes, placement),
        Err((kind, reason)) => Loaded::Problem(LoadProblem { kind, rel: rel.to_owned(), reason, line: 1 }),
    }
}

/// Read a file of at most [`MAX_FILE_BYTES`] through the guarded reader (no blocking open, regular files
/// only, size checked before and while reading); the error is the problem's kind and the reason.
pub(super) fn read_limited(path: &Path) -> std::result::Result<Vec<u8>, (ProblemKind, String)> {
    use crate::util::read::{FileKind, ReadError, read_guarded};
    read_guarded(path, &FileKind::Document.limits().with_max_bytes(MAX_FILE_BYTES)).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => {
            let mb = size.div_ceil(1 << 20);
            (
                ProblemKind::TooLarge,
                format!("{mb} MB is larger than the limit of {} MB per file; split the file", MAX_FILE_BYTES >> 20),
            )
        }
        other => (ProblemKind::Unreadable, format!("cannot read: {other}")),
    })
}

/// Decode, parse and place one file's bytes.
pub(super) fn load_bytes(path: PathBuf, rel: String, bytes: Vec<u8>, placement: Placement) -> Loaded {
    let (text, encoding) = match text::decode_owned(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = match e {
                text::DecodeError::InvalidUtf8 { line, .. } => line,
                _ => 1,
            };
            return Loaded::Problem(LoadProblem { kind: ProblemKind::Encoding, rel, reason: e.to_string(), line });
        }
    };
    let is_txt = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_txt && !looks_like_markdown(&text) {
        return Loaded::Skipped(rel, "a .txt file with no Markdown in it".to_owned());
    }
    let lines = LineIndex::new(&text);
    let skeleton = Skeleton::parse_as(&text, &lines, Flavor::of_path(&rel));
    let (locale, locale_origin) = find_locale(&placement, &skeleton);
    let (group_key, in_default_folder) = match placement {
        Placement::Located { key, .. } => (key, false),
        Placement::Default { key } => (key, true),
        Placement::Outside | Placement::Free => (rel.clone(), false),
    };
    Loaded::File(Box::new(SourceFile {
        path,
        group_key,
        in_default_folder,
        rel,
        locale,
        locale_origin,
        text,
        lines,
        skeleton,
        encoding,
    }))
}

/// A `.txt` file counts as Markdown when it has front matter, a heading, or a link.
pub(super) fn looks_like_markdown(text: &str) -> bool {
    text.starts_with("---\n")
        || text.starts_with("+++\n")
        || text.lines().any(|l| {
            let t = l.trim_start();
            (t.starts_with('#') && t.trim_start_matches('#').starts_with(' ')) || t.contains("](")
        })
}
