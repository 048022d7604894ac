//! The review: the one value the rest of Synoptic reads. It runs the chain once — files → documents →
//! skeletons → aligned rows → findings — with documents processed in parallel, and holds the result.
//! The command line prints it; the desktop app will draw it.

use crate::align::{self, Alignment};
use crate::checks::term::loans::LoanWords;
use crate::checks::{self, CheckId, DocContext, Finding, Severity};
use crate::config::Config;
use crate::config::ScoringModel;
use crate::corpus::{Corpus, LoadOptions, Progress};
use crate::error::Result;
use crate::glossary::Glossary;
use crate::locale::Locale;
use crate::revision::Revisions;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What the user asked for on top of the folder's configuration.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The source locale (`--source`).
    pub source: Option<Locale>,
    /// The glossary file (`--glossary`).
    pub glossary: Option<PathBuf>,
    /// Read what `.gitignore` files inside the folder ignore too (`--no-ignore`).
    pub no_ignore: bool,
}

/// One document with its alignment.
#[derive(Debug, Clone)]
pub struct ReviewedDocument {
    /// Index into `corpus.documents`.
    pub index: usize,
    /// The alignment of its files (columns in `corpus.documents[index].files` order).
    pub alignment: Alignment,
}

/// Per document, what the document list shows: finding counts and markers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentSummary {
    /// Findings by severity: error, warning, info.
    pub counts: [usize; 3],
    /// Some locale is behind (`meta.stale`).
    pub stale: bool,
    /// Locales most documents have and this one lacks (`meta.missing`).
    pub missing: Vec<String>,
    /// The document's locales, in its column order.
    pub locales: Vec<String>,
}

/// Everything computed for a folder.
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// The loaded files and documents.
    pub corpus: Corpus,
    /// Per document, its alignment.
    pub documents: Vec<ReviewedDocument>,
    /// Every finding, sorted by document, locale, file, line.
    pub findings: Vec<Finding>,
    /// The glossary file used, if any.
    pub glossary: Option<PathBuf>,
    /// The source locale in force (from options or configuration), if any.
    pub source: Option<Locale>,
    /// Per document (same order as `corpus.documents`), counts and markers for the document list.
    pub summaries: Vec<DocumentSummary>,
    /// How reviewer notes are scored (from `synoptic.toml`).
    pub scoring: ScoringModel,
    /// The translation status of every document (git history, else front matter).
    pub status: crate::status::StatusReport,
    /// For behind translations (by status entry), the source rows changed since their revision: read
    /// from git on first use ([`Review::source_changes`]; the window's loader asks off the UI thread).
    source_changes: std::sync::OnceLock<BTreeMap<usize, Vec<crate::status::RowChange>>>,
}

impl Review {
    /// Load `paths` and run every check.
    pub fn build(paths: &[PathBuf], options: &CheckOptions) -> Result<Review> {
        Review::build_with_progress(paths, options, &Progress::default())
    }

    /// [`Review::build`], reporting files read in `progress` and stopping when it is cancelled.
    pub fn build_with_progress(paths: &[PathBuf], options: &CheckOptions, progress: &Progress) -> Result<Review> {
        let root_dir = paths.first().filter(|p| p.is_dir()).cloned().unwrap_or_default();
        let config = Config::load(&root_dir)?;
        let source = options.source.clone().or(config.source.clone());
        let load = LoadOptions { source: source.clone(), dialect: config.dialect, no_ignore: options.no_ignore };
        let corpus = Corpus::load_with_progress(paths, &load, progress)?;
        if let Some(s) = &source
            && !corpus.files.iter().any(|f| f.locale.same_language(s))
        {
            let found = corpus.locales().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            return Err(crate::Error::UnknownSource(s.to_string(), found));
        }
        let (glossary_path, glossary) =
            Glossary::for_review(options.glossary.as_deref(), config.glossary.as_deref(), &corpus.root)?;
        let mut review = Review::from_corpus(corpus, source, &glossary, &config);
        if progress.is_cancelled() {
            return Err(crate::Error::Cancelled);
        }
        review.glossary = glossary_path;
        Ok(review)
    }

    /// Run every check on a loaded corpus (from disk or [`Corpus::from_memory`]) with a source locale, a
    /// glossary and a configuration already in hand. Reads nothing.
    pub fn from_corpus(corpus: Corpus, source: Option<Locale>, glossary: &Glossary, config: &Config) -> Review {
        let loans = LoanWords::of(&corpus);
        let has_source = corpus.effective_source(source.as_ref()).is_some();
        let per_doc: Vec<(ReviewedDocument, Vec<Finding>)> = (0..corpus.documents.len())
            .into_par_iter()
            .map(|i| review_document(&corpus, &loans, i, glossary, has_source))
            .collect();
        let mut findings = checks::input::check(&corpus);
        let mut documents = Vec::with_capacity(per_doc.len());
        for (doc, f) in per_doc {
            documents.push(doc);
            findings.extend(f);
        }
        let corpus_source = corpus.effective_source(source.as_ref());
        findings.extend(checks::meta::check_corpus(&corpus, corpus_source.as_ref()));
        let status = crate::status::compute(&corpus, corpus_source.as_ref());
        findings.extend(checks::meta::git_stale_findings(&status, &corpus));
        apply_severities(&mut findings, &config.severity);
        findings.sort_by(|a, b| {
            (&a.document, &a.locale, &a.file, a.line, a.column, a.id).cmp(&(
                &b.document,
                &b.locale,
                &b.file,
                b.line,
                b.column,
                b.id,
            ))
        });
        let summaries = summarize_documents(&corpus, &findings);
        Review {
            corpus,
            documents,
            findings,
            glossary: None,
            source,
            summaries,
            status,
            source_changes: std::sync::OnceLock::new(),
            scoring: config.scoring,
        }
    }

    /// For behind translations (by status entry), the source rows changed since their revision (one git
    /// process on first use).
    pub fn source_changes(&self) -> &BTreeMap<usize, Vec<crate::status::RowChange>> {
        self.source_changes.get_or_init(|| {
            crate::status::source_changes(&self.corpus, |d| self.documents.get(d).map(|x| &x.alignment), &self.status)
        })
    }

    /// The index of a document by name.
    pub fn document_index(&self, name: &str) -> Option<usize> {
        self.corpus.documents.iter().position(|d| d.name == name)
    }

    /// For one document, the findings (indices into `findings`) of each aligned row, and those of no row.
    pub fn findings_by_row(&self, doc: usize) -> (BTreeMap<usize, Vec<usize>>, Vec<usize>) {
        let name = &self.corpus.documents[doc].name;
        let mut by_row: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut unplaced = Vec::new();
        for (i, f) in self.findings.iter().enumerate().filter(|(_, f)| &f.document == name) {
            match f.row {
                Some(r) => by_row.entry(r).or_default().push(i),
                None => unplaced.push(i),
            }
        }
        (by_row, unplaced)
    }

    /// The cells of a document whose text contains `query` (case-insensitive), as (row, column), top to
    /// bottom, left to right.
    pub fn find_text(&self, doc: usize, query: &str) -> Vec<(usize, usize)> {
        let needle = query.trim().to_lowercase();
        let (Some(reviewed), Some(document)) = (self.documents.get(doc), self.corpus.documents.get(doc)) else {
            return Vec::new();
        };
        if needle.is_empty() {
            return Vec::new();
        }
        let files: Vec<_> = self.corpus.document_files(document).collect();
        let mut out = Vec::new();
        for (r, row) in reviewed.alignment.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                let Some(block) = cell.and_then(|b| files[c].skeleton.blocks.get(b)) else { continue };
                let source = &files[c].text[block.range.clone()];
                if block.text.to_lowercase().contains(&needle) || source.to_lowercase().contains(&needle) {
                    out.push((r, c));
                }
            }
        }
        out
    }

    /// Findings at or above a severity.
    pub fn count_at_least(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity >= severity).count()
    }
}

fn summarize_documents(corpus: &Corpus, findings: &[Finding]) -> Vec<DocumentSummary> {
    let index: BTreeMap<&str, usize> = corpus.documents.iter().enumerate().map(|(i, d)| (d.name.as_str(), i)).collect();
    let mut out: Vec<DocumentSummary> = corpus
        .documents
        .iter()
        .map(|d| DocumentSummary {
            locales: corpus.document_files(d).map(|f| f.locale.to_string()).collect(),
            ..DocumentSummary::default()
        })
        .collect();
    for f in findings {
        let Some(s) = index.get(f.document.as_str()).and_then(|&i| out.get_mut(i)) else { continue };
        let slot = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        s.counts[slot] += 1;
        s.stale |= f.id == CheckId::MetaStale;
        if f.id == CheckId::MetaMissing {
            s.missing.push(f.locale.clone());
        }
    }
    out
}

fn review_document(
    corpus: &Corpus,
    loans: &LoanWords,
    index: usize,
    glossary: &Glossary,
    has_source: bool,
) -> (ReviewedDocument, Vec<Finding>) {
    let doc = &corpus.documents[index];
    let files: Vec<_> = corpus.document_files(doc).collect();
    let skeletons: Vec<_> = files.iter().map(|f| &f.skeleton).collect();
    let source_col = doc.source.and_then(|s| doc.files.iter().position(|&f| f == s));
    let alignment = align::align(&skeletons, source_col);
    let revisions = Revisions::new(&files, source_col);
    let mut ctx = DocContext::new(corpus, loans, doc, &alignment, glossary, &revisions);
    // A page without the source in a folder that has one has nothing to be compared with.
    ctx.compare = !(has_source && doc.source.is_none());
    let findings = checks::check_document(&ctx);
    (ReviewedDocument { index, alignment: alignment.clone() }, findings)
}

fn apply_severities(findings: &mut [Finding], overrides: &BTreeMap<CheckId, Severity>) {
    for f in findings {
        // Shared findings stay info: they describe the folder, not a locale's defect.
        if f.locale != "*"
            && let Some(&s) = overrides.get(&f.id)
        {
            f.severity = s;
        }
    }
}
