//! `synoptic export PATH -o FILE`: the folder's notes and scorecard, written for the translators.

use super::ExportArgs;
use crate::config::Config;
use crate::corpus::{Corpus, LoadOptions};
use crate::error::{Error, Result};
use crate::export::ExportFormat;
use crate::glossary::Glossary;
use crate::notes::sidecar::{Location, Sidecar, default_data_dir};
use crate::review::Review;
use std::path::Path;

/// What `export` did: the notes and locales written, and warnings about the sidecar or the glossary.
#[derive(Debug)]
pub struct Exported {
    /// Notes written.
    pub notes: usize,
    /// Of those, notes found in recovered-notes files beside the sidecar (saved while it could not be
    /// read), included with the rest.
    pub recovered: usize,
    /// Locales in the scorecard.
    pub locales: usize,
    /// Warnings (notes found in the data directory, a glossary that cannot be read).
    pub warnings: Vec<String>,
}

/// Run `export`: build the review, read the notes, write the file. A sidecar that cannot be read is
/// refused (an export without its notes would show a clean scorecard); a glossary that cannot be read is
/// only warned about (the export shows notes, not findings).
pub fn export(args: &ExportArgs) -> Result<Exported> {
    let format = match args.format.or_else(|| ExportFormat::from_path(&args.output)) {
        Some(f) => f,
        None => return Err(Error::UnknownExportFormat(args.output.clone())),
    };
    if !args.path.exists() {
        return Err(Error::MissingPath(args.path.clone()));
    }
    if !args.path.is_dir() {
        return Err(Error::NotAFolder(args.path.clone()));
    }
    let mut warnings = Vec::new();
    let review = review_without_failing_on_the_glossary(args, &mut warnings)?;
    let opened = Sidecar::open(&args.path, default_data_dir().as_deref());
    if let Location::Beside { reason, newer, .. } = opened.sidecar.location() {
        return Err(Error::NotesUnreadable { reason: reason.clone(), newer: *newer, done: "exported" });
    }
    warnings.extend(opened.warnings);
    let export = crate::export::collect(&review, &opened.book);
    crate::export::write(&export, format, &args.output)?;
    let recovered = opened.recovered.min(export.notes.len());
    Ok(Exported { notes: export.notes.len(), recovered, locales: export.scorecard.len(), warnings })
}

/// The review of `folder` as `check` builds it, except that a glossary that cannot be read or parsed
/// becomes a warning and no glossary.
fn review_without_failing_on_the_glossary(args: &ExportArgs, warnings: &mut Vec<String>) -> Result<Review> {
    let folder: &Path = &args.path;
    let config = Config::load(folder)?;
    let source = args.source.clone().or(config.source.clone());
    let options = LoadOptions { source: source.clone(), dialect: config.dialect, no_ignore: args.no_ignore };
    let corpus = Corpus::load(&[folder.to_path_buf()], &options)?;
    super::refuse_unreadable_folder(&corpus, folder)?;
    if let Some(s) = &source
        && !corpus.files.iter().any(|f| f.locale.same_language(s))
    {
        let found = corpus.locales().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        return Err(Error::UnknownSource(s.to_string(), found));
    }
    let glossary = match Glossary::for_review(None, config.glossary.as_deref(), &corpus.root) {
        Ok((_, glossary)) => glossary,
        Err(e) => {
            warnings.push(format!("{e} (the export does not need it; check the glossary with `synoptic check`)"));
            Glossary::default()
        }
    };
    Ok(Review::from_corpus(corpus, source, &glossary, &config))
}
