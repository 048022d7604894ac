//! `synoptic ignore PATH FINGERPRINT [--reason TEXT]`: mark a finding as a false positive in the folder's
//! notes file, the same mark the window makes, so that colleagues and `synoptic check` in CI see it.

use super::IgnoreArgs;
use crate::error::{Error, Result};
use crate::notes::marks::{Suppression, is_fingerprint};
use crate::notes::sidecar::{Location, Sidecar, default_data_dir};
use crate::notes::{default_author, time};
use crate::review::{CheckOptions, Review};
use crate::util::escape::visible;

/// What `ignore` did.
#[derive(Debug)]
pub struct Ignored {
    /// One line for the user: what was marked (or unmarked), where, and whether a current finding has
    /// the fingerprint.
    pub message: String,
    /// Warnings (the findings could not be checked).
    pub warnings: Vec<String>,
}

/// Run `ignore`: check the fingerprint, look for the finding it names, write the mark.
pub fn ignore(args: &IgnoreArgs) -> Result<Ignored> {
    let fingerprint = args.fingerprint.trim().to_ascii_lowercase();
    if !is_fingerprint(&fingerprint) {
        return Err(Error::BadFingerprint(args.fingerprint.clone()));
    }
    if !args.path.exists() {
        return Err(Error::MissingPath(args.path.clone()));
    }
    if !args.path.is_dir() {
        return Err(Error::NotAFolder(args.path.clone()));
    }
    let mut warnings = Vec::new();
    let options = CheckOptions { no_ignore: args.no_ignore, ..CheckOptions::default() };
    let finding = match Review::build(std::slice::from_ref(&args.path), &options) {
        Ok(review) => review.findings.into_iter().find(|f| f.fingerprint == fingerprint),
        Err(e) => {
            warnings.push(format!("the findings could not be checked ({e}); the mark is written all the same"));
            None
        }
    };
    let mut opened = Sidecar::open(&args.path, default_data_dir().as_deref());
    if let Location::Beside { reason, newer, .. } = opened.sidecar.location() {
        return Err(Error::NotesUnreadable { reason: reason.clone(), newer: *newer, done: "written" });
    }
    let file = opened.sidecar.path().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let what = match &finding {
        Some(f) => format!("{} {}:{}: {}", f.id, f.file, f.line, f.message),
        None => "no current finding has this fingerprint; the mark applies when one does".to_owned(),
    };
    let book = &mut opened.book;
    let message = if args.remove {
        if book.unsuppress(&fingerprint).is_none() {
            let message = format!("{fingerprint} was not marked as a false positive in {file}; nothing changed");
            return Ok(Ignored { message, warnings });
        }
        format!("Removed the false-positive mark of {fingerprint} from {file} ({what})")
    } else {
        let (reason, by, at) = (args.reason.as_deref().unwrap_or(""), args.by.clone(), time::now());
        let by = by.filter(|b| !b.trim().is_empty()).unwrap_or_else(default_author);
        let again = book.is_suppressed(&fingerprint);
        let mark = match &finding {
            Some(f) => Suppression::of(f, reason, &by, &at),
            None => Suppression::bare(&fingerprint, reason, &by, &at),
        };
        book.suppress(mark);
        let verb = if again { "Marked again (reason and author updated)" } else { "Marked" };
        format!("{verb} {fingerprint} as a false positive in {file}: {what}")
    };
    opened.sidecar.save(&mut opened.book)?;
    Ok(Ignored { message: visible(&message).into_owned(), warnings })
}
