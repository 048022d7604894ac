//! The command line: `synoptic check PATH…`, `synoptic status PATH`, `synoptic export PATH -o FILE` and
//! `synoptic ignore PATH FINGERPRINT` — argument parsing and the exit-code policy. Printing and error
//! messages happen in `main.rs`.

mod export;
mod ignore;

pub use export::{Exported, export};
pub use ignore::{Ignored, ignore};

use crate::checks::Severity;
use crate::export::ExportFormat;
use crate::locale::Locale;
use crate::notes::sidecar::{Location, Sidecar};
use crate::report::findings::Decisions;
use crate::report::{Format, Suppressed};
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
    /// Mark a finding as a false positive in the folder's notes file (shared with the team; `check`
    /// leaves it out from then on).
    Ignore(IgnoreArgs),
}

/// Arguments of `synoptic ignore`.
#[derive(Debug, clap::Args)]
pub struct IgnoreArgs {
    /// The reviewed folder (the mark goes into its `synoptic-notes.toml`).
    pub path: PathBuf,
    /// The finding's fingerprint: 16 hexadecimal digits, as `check --format json` and SARIF show them.
    pub fingerprint: String,
    /// Why the finding is not a problem.
    #[arg(long)]
    pub reason: Option<String>,
    /// Who decides (default: the system user name).
    #[arg(long)]
    pub by: Option<String>,
    /// Take the mark back instead.
    #[arg(long)]
    pub remove: bool,
    /// Also read the files that `.gitignore` files inside the folder ignore (the folder itself is always
    /// read, whatever an enclosing repository ignores).
    #[arg(long)]
    pub no_ignore: bool,
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
    /// Also read the files that `.gitignore` files inside the folder ignore (the folder itself is always
    /// read, whatever an enclosing repository ignores).
    #[arg(long)]
    pub no_ignore: bool,
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
    /// Also read the files that `.gitignore` files inside the folder ignore (the folder itself is always
    /// read, whatever an enclosing repository ignores).
    #[arg(long)]
    pub no_ignore: bool,
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
    /// Also read the files that `.gitignore` files inside the folder ignore (the folder itself is always
    /// read, whatever an enclosing repository ignores).
    #[arg(long)]
    pub no_ignore: bool,
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

/// What `check` found: the report, whether its findings fail the run, and what to warn about.
#[derive(Debug)]
pub struct Checked {
    /// What goes to standard output (empty when the report went to a file).
    pub report: Vec<u8>,
    /// The file written and how many findings it holds, with `--output`.
    pub written: Option<(PathBuf, usize)>,
    /// A finding at or above `--fail-on` (false positives left out).
    pub failed: bool,
    /// Warnings for standard error (a notes file whose false-positive marks cannot be read).
    pub warnings: Vec<String>,
}

/// Run `check`: build the review, leave out the findings the folder's notes file marks as false
/// positives, render the rest, and say whether they fail the run.
pub fn check(args: &CheckArgs) -> crate::Result<Checked> {
    if args.format == Format::Xlsx && args.output.is_none() {
        return Err(crate::Error::NeedsOutputFile);
    }
    let options =
        CheckOptions { source: args.source.clone(), glossary: args.glossary.clone(), no_ignore: args.no_ignore };
    let mut review = Review::build(&args.paths, &options)?;
    let opened = Sidecar::open(&review.corpus.root, None);
    let (suppressed, warnings) = leave_out_false_positives(&mut review, &opened);
    let failed = match args.fail_on {
        FailOn::Error => review.count_at_least(Severity::Error) > 0,
        FailOn::Warning => review.count_at_least(Severity::Warning) > 0,
        FailOn::Never => false,
    };
    // The QA report also says what reviewers decided (review state, false-positive marks).
    let decisions = match args.format.findings() {
        Some(_) => Decisions::of_notes(&review, &suppressed.findings, &opened.book),
        None => Decisions::default(),
    };
    let Some(path) = &args.output else {
        let report = crate::report::render_bytes(&review, args.format, &suppressed, &decisions)
            .map_err(|reason| crate::Error::Export { path: PathBuf::from("-"), reason })?;
        return Ok(Checked { report, written: None, failed, warnings });
    };
    let fail = |reason: String| crate::Error::Export { path: path.clone(), reason };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return Err(fail(format!("the folder {} does not exist", parent.display())));
    }
    let bytes = crate::report::render_bytes(&review, args.format, &suppressed, &decisions).map_err(fail)?;
    crate::util::fs::write_atomic(path, &bytes).map_err(|e| fail(e.to_string()))?;
    let written = review.findings.len() + suppressed.findings.len();
    Ok(Checked { report: Vec::new(), written: Some((path.clone(), written)), failed, warnings })
}

/// Move the findings marked as false positives in the folder's notes file out of the review.
fn leave_out_false_positives(review: &mut Review, opened: &crate::notes::sidecar::Opened) -> (Suppressed, Vec<String>) {
    let mut warnings = Vec::new();
    if let Location::Beside { reason, .. } = opened.sidecar.location() {
        warnings.push(format!("{reason}; the false-positive marks in it are not applied"));
    }
    let marks = opened.book.suppressed();
    if marks.is_empty() {
        return (Suppressed::default(), warnings);
    }
    let (out, kept): (Vec<_>, Vec<_>) =
        std::mem::take(&mut review.findings).into_iter().partition(|f| marks.get(&f.fingerprint).is_some());
    review.findings = kept;
    let unmatched = marks.iter().filter(|m| !out.iter().any(|f| f.fingerprint == m.fingerprint)).count();
    let reasons =
        out.iter().map(|f| marks.get(&f.fingerprint).map_or_else(String::new, |m| m.reason.clone())).collect();
    (Suppressed { findings: out, reasons, unmatched }, warnings)
}

/// A folder that could not be read at all (it lists nothing but its own problem) is an error, not an
/// empty review.
fn refuse_unreadable_folder(corpus: &crate::corpus::Corpus, path: &std::path::Path) -> crate::Result<()> {
    match corpus.problems.first() {
        Some(problem) if corpus.files.is_empty() => {
            let reason = problem.reason.strip_prefix("cannot list: ").unwrap_or(&problem.reason).to_owned();
            Err(crate::Error::FolderUnreadable { path: path.to_path_buf(), reason })
        }
        _ => Ok(()),
    }
}

/// Run `status`: load the folder, read its history once, and render the status of every translation.
pub fn status(args: &StatusArgs) -> crate::Result<String> {
    use crate::report::status::{StatusFormat, human, json};
    let config = crate::config::Config::load(&args.path)?;
    let configured = args.source.clone().or(config.source.clone());
    let options =
        crate::corpus::LoadOptions { source: configured.clone(), dialect: config.dialect, no_ignore: args.no_ignore };
    let corpus = crate::corpus::Corpus::load(std::slice::from_ref(&args.path), &options)?;
    refuse_unreadable_folder(&corpus, &args.path)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, LoadProblem};

    #[test]
    fn a_folder_that_lists_nothing_but_its_own_problem_is_an_error() {
        let mut corpus = Corpus::default();
        corpus.problems.push(LoadProblem {
            kind: crate::corpus::ProblemKind::Unreadable,
            rel: String::new(),
            reason: "cannot list: Permission denied (os error 13)".into(),
            line: 1,
        });
        let e = refuse_unreadable_folder(&corpus, std::path::Path::new("/docs")).expect_err("unreadable");
        assert_eq!(e.to_string(), "/docs: cannot read the folder: Permission denied (os error 13)");
        assert!(refuse_unreadable_folder(&Corpus::default(), std::path::Path::new("/docs")).is_ok());
    }
}
