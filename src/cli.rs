//! The command line: `synoptic check PATH…`, `synoptic status PATH` and `synoptic export PATH -o FILE` —
//! argument parsing and the exit-code policy. Printing and error messages happen in `main.rs`.

use crate::checks::Severity;
use crate::export::ExportFormat;
use crate::locale::Locale;
use crate::notes::sidecar::{Sidecar, default_data_dir};
use crate::report::Format;
use crate::review::{CheckOptions, Review};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Review translated documentation: N locales aligned by structure, with link, term, structure and
/// staleness checks.
#[derive(Debug, Parser)]
#[command(name = "synoptic", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a subcommand the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A folder or Markdown file to open in the window (default: the last folder, else the bundled sample).
    pub path: Option<PathBuf>,
    /// Render the window until the document is shown, write a PNG of it to FILE, and exit.
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,
    /// The window's theme (remembered for the next start).
    #[arg(long, value_parser = ["system", "light", "dark"])]
    pub theme: Option<String>,
    /// The window's zoom, 0.5 to 4 (Ctrl+0 resets it to 1).
    #[arg(long, value_name = "FACTOR")]
    pub zoom: Option<f32>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a folder (or files) of translated Markdown and report findings.
    Check(CheckArgs),
    /// Export the reviewer's notes and the MQM scorecard of a folder.
    Export(ExportArgs),
    /// Show which translations are up to date, behind their source (from git history), unknown, missing
    /// or orphaned, per locale.
    Status(StatusArgs),
}

/// Arguments of `synoptic export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The reviewed folder (its notes are read from `synoptic-notes.toml`).
    pub path: PathBuf,
    /// Export format (default: from the output file's extension).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// The file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The source (reference) locale, as for `check`.
    #[arg(long, value_parser = parse_locale)]
    pub source: Option<Locale>,
}

/// Arguments of `synoptic status`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The folder of translated Markdown.
    pub path: PathBuf,
    /// The source locale, e.g. `en`. Default: the folder's `synoptic.toml`, else English when present.
    #[arg(long, value_parser = parse_locale)]
    pub source: Option<Locale>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: crate::report::status::StatusFormat,
    /// Also show each behind translation's source diff since its revision.
    #[arg(long)]
    pub diff: bool,
}

/// Arguments of `synoptic check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Folders or files to check.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The source (reference) locale, e.g. `en` or `en-US`. Default: the folder's `synoptic.toml`, else
    /// English when present, else none (locales are compared with their consensus).
    #[arg(long, value_parser = parse_locale)]
    pub source: Option<Locale>,
    /// A glossary CSV file. Default: `synoptic-glossary.csv` or `glossary.csv` in the folder.
    #[arg(long)]
    pub glossary: Option<PathBuf>,
    /// Report format: `csv`, `xlsx` and `html` are the QA report of findings (one row per finding, with
    /// its row's source and translation text).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the report to FILE instead of standard output (required for `xlsx`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
}

/// The `--fail-on` threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on errors.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Never fail because of findings.
    Never,
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    Locale::parse(s).ok_or_else(|| crate::Error::BadLocale(s.to_owned()).to_string())
}

/// What `check` produced.
#[derive(Debug)]
pub struct Checked {
    /// What goes to standard output (empty when the report went to a file).
    pub report: Vec<u8>,
    /// The file written and how many findings it holds, with `--output`.
    pub written: Option<(PathBuf, usize)>,
    /// The findings fail the run (`--fail-on`).
    pub failed: bool,
}

/// Run `check`: build the review, render it (to standard output or `--output`), and say whether the
/// findings fail the run.
pub fn check(args: &CheckArgs) -> crate::Result<Checked> {
    if args.format == Format::Xlsx && args.output.is_none() {
        return Err(crate::Error::NeedsOutputFile);
    }
    let options = CheckOptions { source: args.source.clone(), glossary: args.glossary.clone() };
    let review = Review::build(&args.paths, &options)?;
    let decisions = crate::report::findings::Decisions::default();
    let failed = match args.fail_on {
        FailOn::Error => review.count_at_least(Severity::Error) > 0,
        FailOn::Warning => review.count_at_least(Severity::Warning) > 0,
        FailOn::Never => false,
    };
    let Some(path) = &args.output else {
        let report = crate::report::render(&review, args.format, &decisions)
            .map_err(|reason| crate::Error::Export { path: PathBuf::from("-"), reason })?;
        return Ok(Checked { report, written: None, failed });
    };
    let fail = |reason: String| crate::Error::Export { path: path.clone(), reason };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return Err(fail(format!("the folder {} does not exist", parent.display())));
    }
    let bytes = crate::report::render(&review, args.format, &decisions).map_err(fail)?;
    crate::util::fs::write_atomic(path, &bytes).map_err(|e| fail(e.to_string()))?;
    Ok(Checked { report: Vec::new(), written: Some((path.clone(), review.findings.len())), failed })
}

/// What `export` did: the notes and locales written, and warnings about the sidecar.
#[derive(Debug)]
pub struct Exported {
    /// Notes written.
    pub notes: usize,
    /// Locales in the scorecard.
    pub locales: usize,
    /// Warnings (an unreadable sidecar left untouched, notes found in the data directory).
    pub warnings: Vec<String>,
}

/// Run `export`: build the review, read the notes, write the file.
pub fn export(args: &ExportArgs) -> crate::Result<Exported> {
    let format = match args.format.or_else(|| ExportFormat::from_path(&args.output)) {
        Some(f) => f,
        None => return Err(crate::Error::UnknownExportFormat(args.output.clone())),
    };
    if !args.path.exists() {
        return Err(crate::Error::MissingPath(args.path.clone()));
    }
    if !args.path.is_dir() {
        return Err(crate::Error::NotAFolder(args.path.clone()));
    }
    let options = CheckOptions { source: args.source.clone(), glossary: None };
    let review = Review::build(std::slice::from_ref(&args.path), &options)?;
    let opened = Sidecar::open(&args.path, default_data_dir().as_deref());
    // An export without the notes of an unreadable sidecar would look clean: refuse instead.
    if let crate::notes::sidecar::Location::Beside { reason, .. } = opened.sidecar.location() {
        return Err(crate::Error::NotesUnreadable(reason.clone()));
    }
    let export = crate::export::collect(&review, &opened.book);
    crate::export::write(&export, format, &args.output)?;
    Ok(Exported { notes: export.notes.len(), locales: export.scorecard.len(), warnings: opened.warnings })
}

/// Run `status`: load the folder, read its history once, and render the status of every translation.
pub fn status(args: &StatusArgs) -> crate::Result<String> {
    use crate::report::status::{StatusFormat, human, json};
    let config = crate::config::Config::load(&args.path)?;
    let configured = args.source.clone().or(config.source);
    let options = crate::corpus::LoadOptions { source: configured.clone() };
    let corpus = crate::corpus::Corpus::load(std::slice::from_ref(&args.path), &options)?;
    let source = corpus.effective_source(configured.as_ref()).ok_or(crate::Error::NoSourceLocale)?;
    if !corpus.files.iter().any(|f| f.locale.same_language(&source)) {
        let found = corpus.locales().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        return Err(crate::Error::UnknownSource(source.to_string(), found));
    }
    let report = crate::status::compute(&corpus, Some(&source));
    let diffs = if args.diff { diffs(&corpus, &report) } else { Default::default() };
    let root = args.path.display().to_string();
    Ok(match args.format {
        StatusFormat::Human => human(&root, &report, &diffs),
        StatusFormat::Json => json(&root, &report, &diffs),
    })
}

/// The source diff of each behind translation, by entry index.
fn diffs(
    corpus: &crate::corpus::Corpus,
    report: &crate::status::StatusReport,
) -> std::collections::BTreeMap<usize, String> {
    crate::status::sources_then(report)
        .into_iter()
        .filter_map(|(i, then)| {
            let entry = &report.entries[i];
            let now = corpus.file(entry.source_file.as_deref()?)?;
            Some((i, crate::status::source_diff(entry, &then, &now.text)))
        })
        .collect()
}
