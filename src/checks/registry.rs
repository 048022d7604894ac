//! The one registry of check ids: every finding carries a [`CheckId`], and the command line, the SARIF
//! rules, the README's table (verified by a test) and the window's filters all read this table.

use serde::{Serialize, Serializer};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix in this locale.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// Parse `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The family of a check: the part of its id before the dot, and the file under `src/checks/` that
/// produces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Files that could not be read or placed (`checks/input.rs`).
    Input,
    /// Sections and blocks missing, extra, moved or shaped differently (`checks/structure.rs`).
    Structure,
    /// Code blocks and inline code (`checks/code.rs`).
    Code,
    /// Links and link syntax (`checks/link.rs`).
    Link,
    /// Terms: do-not-translate, glossary, forbidden, untranslated (`checks/term/`).
    Term,
    /// Staleness and coverage of the translation set (`checks/meta.rs`).
    Meta,
}

impl Family {
    /// The id prefix (`link`).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Input => "input",
            Family::Structure => "structure",
            Family::Code => "code",
            Family::Link => "link",
            Family::Term => "term",
            Family::Meta => "meta",
        }
    }
}

macro_rules! checks {
    ($( $variant:ident = $id:literal, $family:ident, $severity:ident, $doc:literal, $example:literal; )*) => {
        /// A check id (`link.missing-anchor`), as a type.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum CheckId {
            $( #[doc = $doc] $variant, )*
        }

        impl CheckId {
            /// Every check, in the registry's order (by family, then as listed).
            pub const ALL: &'static [CheckId] = &[ $( CheckId::$variant, )* ];

            /// The id as written in reports and `synoptic.toml` (`link.missing-anchor`).
            pub fn as_str(self) -> &'static str {
                match self { $( CheckId::$variant => $id, )* }
            }

            /// The family (the part before the dot).
            pub fn family(self) -> Family {
                match self { $( CheckId::$variant => Family::$family, )* }
            }

            /// The default severity (`synoptic.toml` `[severity]` can change it).
            pub fn default_severity(self) -> Severity {
                match self { $( CheckId::$variant => Severity::$severity, )* }
            }

            /// What a finding of this id means, in one line.
            pub fn doc(self) -> &'static str {
                match self { $( CheckId::$variant => $doc, )* }
            }

            /// An example of what it reports.
            pub fn example(self) -> &'static str {
                match self { $( CheckId::$variant => $example, )* }
            }
        }
    };
}

checks! {
    InputEncoding = "input.encoding", Input, Error,
        "a file is not valid UTF-8/UTF-16 text, or is binary; it was not loaded (the rest was)",
        "invalid UTF-8 at byte 812 (line 14)";
    InputUnreadable = "input.unreadable", Input, Error,
        "a file or folder could not be read or listed (permissions, removed or replaced while loading); it was not loaded",
        "cannot read: Permission denied";
    InputTooLarge = "input.too-large", Input, Error,
        "a file is larger than 20 MB; it was not loaded",
        "31 MB is larger than the limit of 20 MB per file";
    InputLocale = "input.locale", Input, Warning,
        "nothing tells a file's locale and its text is too short or mixed to identify",
        "cannot tell this file's locale";
    StructureMissing = "structure.missing", Structure, Warning,
        "a section or block of the reference is missing in this locale (a missing section is one finding)",
        "section 'Prerequisites' of en is missing here";
    StructureExtra = "structure.extra", Structure, Warning,
        "this locale has a section or block the reference does not",
        "paragraph 'Hinweis: …' is not in en";
    StructureMoved = "structure.moved", Structure, Warning,
        "a section stands at another place than in the reference",
        "section 'Privacy' stands at another place than in en";
    StructureHeadingLevel = "structure.heading-level", Structure, Warning,
        "an aligned heading has another level",
        "heading 'Installation' is level 3 here but level 2 in en";
    StructureCount = "structure.count", Structure, Warning,
        "list items, table rows/columns or links differ in an aligned block",
        "list: 4 list items where en has 5 (missing: 'Restart the service')";
    CodeChanged = "code.changed", Code, Warning,
        "a code block (comments, string literals and placeholders aside) or inline code differs from the reference",
        "code block differs from en: `kubectl get pod` where en has `kubectl get pods`";
    LinkMissingFile = "link.missing-file", Link, Error,
        "a relative link's target is served by no page or file of the site, in this locale or the default one",
        "link target `../setup/` is not there (looked for docs/setup.md, docs/setup/index.md …)";
    LinkMissingAnchor = "link.missing-anchor", Link, Error,
        "a link's #fragment names no heading id or anchor of its target",
        "#install-the-cli is not an anchor in docs/setup.md";
    LinkMalformed = "link.malformed", Link, Error,
        "link or emphasis markup broken by translation, so that CommonMark renders it as text",
        "`[Docs] (https://x.org)` is not a link: remove the space between `]` and `(`";
    LinkTargetDiffers = "link.target-differs", Link, Warning,
        "an aligned link points elsewhere than in the reference",
        "links to `install.md` where en links to `configure.md`";
    TermDoNotTranslate = "term.do-not-translate", Term, Warning,
        "a term that must stay verbatim is mangled: transliterated, split, half-translated, or a link's name changed",
        "`TensorFlow` must stay as it is, but this locale has `tensor flow`";
    TermGlossary = "term.glossary", Term, Warning,
        "a glossary term's required translation is not used",
        "`config file` should be `Konfigurationsdatei` in de";
    TermForbidden = "term.forbidden", Term, Error,
        "a word the glossary forbids is used",
        "`répertoire` is forbidden in fr by the glossary";
    TermUntranslated = "term.untranslated", Term, Warning,
        "source-language text left in a translation (a block identical to the source, or telling English words)",
        "paragraph is identical to en: not translated";
    MetaStale = "meta.stale", Meta, Warning,
        "translated from an older source revision than the source (front matter, drift flag or git history); says by how much and which sections drifted",
        "de was translated from 0a9b8c7 (2025-11-20); the source changed in 3 commits since";
    MetaOrphan = "meta.orphan", Meta, Warning,
        "a translation whose source document is not there",
        "de/old-page.md has no en source document";
    MetaMissing = "meta.missing", Meta, Info,
        "a locale most documents have lacks this document",
        "no fr translation of this document, though 40 of 42 documents have one";
}

impl CheckId {
    /// The check with this id, if any.
    pub fn parse(id: &str) -> Option<CheckId> {
        CheckId::ALL.iter().copied().find(|c| c.as_str() == id)
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CheckId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for CheckId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The registry as a Markdown table (`id | default | meaning`), as the README carries it.
pub fn markdown_table() -> String {
    let mut out = String::from("| id | default | meaning |\n|---|---|---|\n");
    for c in CheckId::ALL {
        out.push_str(&format!("| `{}` | {} | {} |\n", c.as_str(), c.default_severity().as_str(), c.doc()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_prefixed_by_their_family_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for &c in CheckId::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            let (prefix, rest) = c.as_str().split_once('.').expect("family.name");
            assert_eq!(prefix, c.family().as_str());
            assert!(!rest.is_empty() && !c.doc().is_empty() && !c.example().is_empty());
            assert_eq!(CheckId::parse(c.as_str()), Some(c));
        }
        assert_eq!(CheckId::parse("link.nope"), None);
        assert_eq!(CheckId::MetaMissing.default_severity(), Severity::Info);
    }

    #[test]
    fn the_readme_carries_the_registry_table() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README.md's check table differs from the registry; paste this in:\n{}",
            markdown_table()
        );
    }
}
