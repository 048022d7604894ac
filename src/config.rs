//! Folder configuration: `synoptic.toml` in the opened folder names the source locale, the glossary
//! file, per-id severities and the scorecard's scoring model; command-line options override it.
//!
//! ```toml
//! source = "en"
//! dialect = "hugo"        # msdocs, hugo, docusaurus, starlight, mkdocs, commands, commonmark
//! glossary = "terms.csv"
//! [severity]
//! "link.target-differs" = "error"
//! "term.untranslated" = "info"
//! [scorecard]
//! threshold = 99.0
//! penalties = { neutral = 0, minor = 1, major = 5, critical = 25 }
//! ```

use crate::checks::{CheckId, Severity};
use crate::dialect::Dialect;
use crate::error::{Error, Result};
use crate::locale::Locale;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Penalty points per severity of a reviewer's note (`[scorecard] penalties`).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Penalties {
    /// Neutral notes (default 0).
    pub neutral: f64,
    /// Minor (default 1).
    pub minor: f64,
    /// Major (default 5).
    pub major: f64,
    /// Critical (default 25).
    pub critical: f64,
}

impl Default for Penalties {
    fn default() -> Self {
        Penalties { neutral: 0.0, minor: 1.0, major: 5.0, critical: 25.0 }
    }
}

/// How the scorecard scores notes (`[scorecard]`).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringModel {
    /// Penalty points per severity.
    pub penalties: Penalties,
    /// The lowest passing quality score.
    pub threshold: f64,
}

impl Default for ScoringModel {
    fn default() -> Self {
        ScoringModel { penalties: Penalties::default(), threshold: 99.0 }
    }
}

/// The configuration file name.
pub const FILE_NAME: &str = "synoptic.toml";

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    source: Option<String>,
    dialect: Option<String>,
    glossary: Option<PathBuf>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default)]
    scorecard: ScoringModel,
}

/// The folder's configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The source locale.
    pub source: Option<Locale>,
    /// The site dialect, when named (else detected).
    pub dialect: Option<Dialect>,
    /// The glossary file, resolved against the folder.
    pub glossary: Option<PathBuf>,
    /// Severity overrides by finding id.
    pub severity: BTreeMap<CheckId, Severity>,
    /// How reviewer notes are scored (`[scorecard]`).
    pub scoring: ScoringModel,
}

impl Config {
    /// Read `synoptic.toml` from `folder`; the default configuration when there is none. The file is
    /// read through the guarded reader: a named pipe, a device, a link out of the folder or a file above
    /// 1 MB is refused with its reason.
    pub fn load(folder: &Path) -> Result<Config> {
        use crate::util::read::{FileKind, ReadError, read_guarded};
        let path = folder.join(FILE_NAME);
        let bytes = match read_guarded(&path, &FileKind::Config.limits().inside(folder)) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return Ok(Config::default()),
            Err(e) => return Err(Error::Config { path, reason: e.to_string() }),
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::Config { path: path.clone(), reason: "not UTF-8 text".into() })?;
        Config::parse(&text, &path, folder)
    }

    /// Parse configuration text; `path` is for messages, `folder` resolves the glossary path.
    pub fn parse(text: &str, path: &Path, folder: &Path) -> Result<Config> {
        let err = |reason: String| Error::Config { path: path.to_path_buf(), reason };
        let raw: Raw = toml::from_str(text).map_err(|e| err(e.message().to_owned()))?;
        let source = match raw.source {
            Some(s) => Some(Locale::parse(&s).ok_or_else(|| err(format!("source: '{s}' is not a locale tag")))?),
            None => None,
        };
        let dialect = match raw.dialect {
            Some(d) => Some(Dialect::parse(&d).ok_or_else(|| {
                let known = Dialect::ALL.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(", ");
                err(format!("dialect: '{d}' is not one of {known}"))
            })?),
            None => None,
        };
        let mut severity = BTreeMap::new();
        for (id, level) in raw.severity {
            let Some(check) = CheckId::parse(&id) else {
                return Err(err(format!("severity: unknown finding id `{id}`")));
            };
            let level = Severity::parse(&level)
                .ok_or_else(|| err(format!("severity: `{level}` for `{id}` is not error, warning or info")))?;
            severity.insert(check, level);
        }
        let scoring = raw.scorecard;
        let penalties =
            [scoring.penalties.neutral, scoring.penalties.minor, scoring.penalties.major, scoring.penalties.critical];
        if penalties.iter().chain([&scoring.threshold]).any(|v| !v.is_finite() || *v < 0.0) || scoring.threshold > 100.0
        {
            return Err(err("scorecard: penalties must be numbers ≥ 0 and the threshold between 0 and 100".into()));
        }
        Ok(Config { source, dialect, glossary: raw.glossary.map(|g| folder.join(g)), severity, scoring })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_source_glossary_and_severities() {
        let text = "source = \"en-US\"\nglossary = \"terms.csv\"\n[severity]\n\"term.untranslated\" = \"info\"\n";
        let c = Config::parse(text, Path::new("x/synoptic.toml"), Path::new("x")).expect("parse");
        assert_eq!(c.source.map(String::from).as_deref(), Some("en-US"));
        assert_eq!(c.glossary, Some(PathBuf::from("x/terms.csv")));
        assert_eq!(c.severity.get(&CheckId::TermUntranslated), Some(&Severity::Info));
    }

    #[test]
    fn mistakes_are_named() {
        let e = Config::parse("[severity]\n\"link.nope\" = \"info\"\n", Path::new("s.toml"), Path::new("."))
            .expect_err("bad id");
        assert_eq!(e.to_string(), "s.toml: configuration: severity: unknown finding id `link.nope`");
        assert!(Config::parse("sauce = 1\n", Path::new("s.toml"), Path::new(".")).is_err());
        let e =
            Config::parse("[scorecard]\nthreshold = 120\n", Path::new("s.toml"), Path::new(".")).expect_err("range");
        assert!(e.to_string().contains("threshold between 0 and 100"), "{e}");
    }

    #[test]
    fn reads_the_scoring_model() {
        let text = "[scorecard]\nthreshold = 98.5\npenalties = { major = 10 }\n";
        let c = Config::parse(text, Path::new("s.toml"), Path::new(".")).expect("parse");
        assert_eq!(c.scoring.threshold, 98.5);
        assert_eq!(c.scoring.penalties.major, 10.0);
        assert_eq!(c.scoring.penalties.critical, 25.0);
    }
}
