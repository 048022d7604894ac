//! What was not read in the opened folder, counted by reason: for `check`'s summary (human and JSON) and
//! the window's status line. Every file inside the folder that is not reviewed is counted once: passed
//! over by the walk (ignored by `.gitignore`, not Markdown by name), skipped with its reason (links,
//! special files, beyond the file limit, outside the locale folders, `.txt` with no Markdown), or not
//! loaded (not text, too large, unreadable).

use super::{Corpus, ProblemKind};
use crate::util::plural;
use serde::Serialize;

/// Why an entry of the opened folder was not reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// A file a `.gitignore` inside the folder ignores.
    Ignored,
    /// A folder a `.gitignore` inside the folder ignores (not opened).
    IgnoredFolder,
    /// A file whose name is not a Markdown one (an image, a data file, a binary).
    NotMarkdown,
    /// A Markdown-named file whose bytes are not text (binary, undecodable).
    NotText,
    /// A file larger than the limit.
    TooLarge,
    /// A file or folder that could not be read or listed.
    Unreadable,
    /// A `.txt` file with no Markdown in it.
    NoMarkdownInside,
    /// A symbolic link (never followed).
    SymbolicLink,
    /// A named pipe, device or socket named like a document.
    NotRegularFile,
    /// Beyond the most files read from one folder.
    BeyondLimit,
    /// Outside every locale folder of a locale-folder layout.
    OutsideLocaleFolders,
    /// Any other reason.
    Other,
}

impl SkipReason {
    /// Every reason, in the order reports list them.
    pub const ALL: [SkipReason; 12] = [
        SkipReason::Ignored,
        SkipReason::IgnoredFolder,
        SkipReason::NotMarkdown,
        SkipReason::NotText,
        SkipReason::TooLarge,
        SkipReason::Unreadable,
        SkipReason::NoMarkdownInside,
        SkipReason::SymbolicLink,
        SkipReason::NotRegularFile,
        SkipReason::BeyondLimit,
        SkipReason::OutsideLocaleFolders,
        SkipReason::Other,
    ];

    /// The key in JSON reports (`skipped_by_reason`).
    pub fn key(self) -> &'static str {
        match self {
            SkipReason::Ignored => "ignored",
            SkipReason::IgnoredFolder => "ignored_folder",
            SkipReason::NotMarkdown => "not_markdown",
            SkipReason::NotText => "not_text",
            SkipReason::TooLarge => "too_large",
            SkipReason::Unreadable => "unreadable",
            SkipReason::NoMarkdownInside => "no_markdown_inside",
            SkipReason::SymbolicLink => "symbolic_link",
            SkipReason::NotRegularFile => "not_regular_file",
            SkipReason::BeyondLimit => "beyond_limit",
            SkipReason::OutsideLocaleFolders => "outside_locale_folders",
            SkipReason::Other => "other",
        }
    }

    /// `n` entries skipped for this reason, in words: "3 ignored by .gitignore", "1 symbolic link".
    pub fn describe(self, n: usize) -> String {
        match self {
            SkipReason::Ignored => format!("{} ignored by .gitignore", plural(n, "file")),
            SkipReason::IgnoredFolder => format!("{} ignored by .gitignore", plural(n, "folder")),
            SkipReason::NotMarkdown => format!("{n} not Markdown by name"),
            SkipReason::NotText => format!("{n} not text"),
            SkipReason::TooLarge => format!("{n} too large"),
            SkipReason::Unreadable => format!("{n} unreadable"),
            SkipReason::NoMarkdownInside => format!("{} with no Markdown", plural(n, ".txt file")),
            SkipReason::SymbolicLink => plural(n, "symbolic link"),
            SkipReason::NotRegularFile => format!("{n} not regular files"),
            SkipReason::BeyondLimit => format!("{n} beyond the file limit"),
            SkipReason::OutsideLocaleFolders => format!("{n} outside the locale folders"),
            SkipReason::Other => format!("{n} for other reasons"),
        }
    }

    /// The reason of a skipped entry, from the reason the loader gave it.
    pub fn of_message(why: &str) -> SkipReason {
        if why.starts_with("a symbolic link") {
            SkipReason::SymbolicLink
        } else if why.ends_with("not a regular file; not read") {
            SkipReason::NotRegularFile
        } else if why.starts_with("beyond the limit") {
            SkipReason::BeyondLimit
        } else if why.starts_with("outside the locale folders") {
            SkipReason::OutsideLocaleFolders
        } else if why.starts_with("a .txt file with no Markdown") {
            SkipReason::NoMarkdownInside
        } else {
            SkipReason::Other
        }
    }

    fn of_problem(kind: ProblemKind) -> SkipReason {
        match kind {
            ProblemKind::Encoding => SkipReason::NotText,
            ProblemKind::TooLarge => SkipReason::TooLarge,
            ProblemKind::Unreadable => SkipReason::Unreadable,
        }
    }
}

/// Entries not reviewed, counted by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SkipCounts([usize; SkipReason::ALL.len()]);

impl SkipCounts {
    /// The counts of a loaded folder.
    pub fn of(corpus: &Corpus) -> SkipCounts {
        let mut counts = SkipCounts::default();
        let walk = corpus.walk_counts;
        counts.add(SkipReason::Ignored, walk.ignored_files);
        counts.add(SkipReason::IgnoredFolder, walk.ignored_folders);
        counts.add(SkipReason::NotMarkdown, walk.not_markdown);
        for (_, why) in &corpus.skipped {
            counts.add(SkipReason::of_message(why), 1);
        }
        for problem in &corpus.problems {
            counts.add(SkipReason::of_problem(problem.kind), 1);
        }
        counts
    }

    fn add(&mut self, reason: SkipReason, n: usize) {
        self.0[reason as usize] += n;
    }

    /// How many entries were skipped for `reason`.
    pub fn get(&self, reason: SkipReason) -> usize {
        self.0[reason as usize]
    }

    /// Every entry skipped.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Files and folders `.gitignore` ignored.
    pub fn ignored(&self) -> usize {
        self.get(SkipReason::Ignored) + self.get(SkipReason::IgnoredFolder)
    }

    /// The reasons with a count, in report order.
    pub fn nonzero(&self) -> impl Iterator<Item = (SkipReason, usize)> + '_ {
        SkipReason::ALL.into_iter().map(|r| (r, self.get(r))).filter(|&(_, n)| n > 0)
    }

    /// Every reason's key and count (zeros included), for JSON.
    pub fn by_key(&self) -> std::collections::BTreeMap<&'static str, usize> {
        SkipReason::ALL.into_iter().map(|r| (r.key(), self.get(r))).collect()
    }

    /// The counts in words, largest first: "120 not Markdown by name, 3 files ignored by .gitignore".
    pub fn describe(&self) -> String {
        let mut parts: Vec<(SkipReason, usize)> = self.nonzero().collect();
        parts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        parts.into_iter().map(|(r, n)| r.describe(n)).collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, LoadProblem};

    #[test]
    fn every_reason_the_loader_gives_has_its_own_count() {
        let messages = [
            ("a symbolic link; links are not followed (open the target)", SkipReason::SymbolicLink),
            ("a symbolic link to a folder; links are not followed (open the target)", SkipReason::SymbolicLink),
            ("a symbolic link that loops or points nowhere; not followed", SkipReason::SymbolicLink),
            ("a named pipe (FIFO), not a regular file; not read", SkipReason::NotRegularFile),
            ("beyond the limit of 2 Markdown files per folder; open a subfolder", SkipReason::BeyondLimit),
            ("outside the locale folders", SkipReason::OutsideLocaleFolders),
            ("a .txt file with no Markdown in it", SkipReason::NoMarkdownInside),
        ];
        for (why, reason) in messages {
            assert_eq!(SkipReason::of_message(why), reason, "{why}");
        }
    }

    #[test]
    fn a_loaded_folder_counts_each_file_not_reviewed_once() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let put = |rel: &str, bytes: &[u8]| {
            let p = tmp.path().join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, bytes).expect("write");
        };
        put("en/a.md", b"# Install\n\nInstall the tool and follow every step shown on the screen.\n");
        put("de/a.md", b"# Installieren\n\nInstallieren Sie das Werkzeug und folgen Sie allen Schritten.\n");
        put("de/logo.png", b"\x89PNG\r\n\x1a\n");
        put("data.json", b"{}");
        put("synoptic-glossary.csv", b"term\n");
        put("de/broken.md", b"\x89PNG\r\n\x1a\n\x00\x00");
        put("README.md", b"# Read me\n");
        put("en/notes.txt", b"just words\n");
        put(".gitignore", b"drafts/\n*.bak.md\n");
        put("drafts/en/x.md", b"# X\n");
        put("en/old.bak.md", b"# Old\n");
        let corpus = Corpus::load(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("load");
        let counts = SkipCounts::of(&corpus);
        let nonzero: Vec<(&str, usize)> = counts.nonzero().map(|(r, n)| (r.key(), n)).collect();
        assert_eq!(
            nonzero,
            vec![
                ("ignored", 1),
                ("ignored_folder", 1),
                ("not_markdown", 2),
                ("not_text", 1),
                ("no_markdown_inside", 1),
                ("outside_locale_folders", 1)
            ]
        );
        assert_eq!((counts.total(), counts.ignored()), (7, 2));
        assert_eq!(
            counts.describe(),
            "2 not Markdown by name, 1 file ignored by .gitignore, 1 folder ignored by .gitignore, 1 not text, \
             1 .txt file with no Markdown, 1 outside the locale folders"
        );
    }

    #[test]
    fn problems_count_as_not_text_too_large_or_unreadable() {
        let mut corpus = Corpus::default();
        for kind in [ProblemKind::TooLarge, ProblemKind::TooLarge, ProblemKind::Unreadable] {
            corpus.problems.push(LoadProblem { kind, rel: "x.md".into(), reason: String::new(), line: 1 });
        }
        let counts = SkipCounts::of(&corpus);
        assert_eq!((counts.get(SkipReason::TooLarge), counts.get(SkipReason::Unreadable)), (2, 1));
        assert_eq!(counts.by_key().len(), SkipReason::ALL.len());
    }
}
