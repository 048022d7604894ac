//! The glossary: a CSV file of terms with their required translations, do-not-translate terms and
//! forbidden words, and the inflection-tolerant matching the term checks use.
//!
//! Columns: `term,locale,translation,kind,note` — kind is `dnt` (keep the term verbatim in every locale),
//! `term` (in `locale`, translate `term` as `translation`) or `forbidden` (in `locale`, or every locale
//! when empty, never use `translation`, or `term` when `translation` is empty).

use crate::error::{Error, Result};
use crate::locale::Locale;
use std::path::Path;

/// File names the glossary is picked up under, in the opened folder.
pub const FILE_NAMES: &[&str] = &["synoptic-glossary.csv", "glossary.csv"];

/// What a glossary row asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Keep verbatim.
    DoNotTranslate,
    /// Translate with the given translation.
    Term,
    /// Never use.
    Forbidden,
}

/// One glossary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The source-language term (empty for a forbidden word given only as translation).
    pub term: String,
    /// The locale the row applies to (`None`: every locale).
    pub locale: Option<Locale>,
    /// The required (or forbidden) translation.
    pub translation: String,
    /// What the row asks for.
    pub kind: Kind,
    /// A note for the translator.
    pub note: String,
}

impl Entry {
    /// True when the row applies to `locale` (same language, or no locale given).
    pub fn applies_to(&self, locale: &Locale) -> bool {
        self.locale.as_ref().is_none_or(|l| l.same_language(locale))
    }

    /// The word a forbidden row forbids.
    pub fn forbidden_word(&self) -> &str {
        if self.translation.is_empty() { &self.term } else { &self.translation }
    }
}

/// The loaded glossary (empty when there is none).
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Rows, longest term first (so longer terms win over the terms inside them).
    pub entries: Vec<Entry>,
    /// Finds the `term` rows whose term a text may hold.
    pub terms: Matcher,
    /// Finds the `forbidden` rows whose word a text may hold.
    pub forbidden: Matcher,
}

/// Finds, in time linear in a text, the glossary rows it may hold: an Aho-Corasick automaton over the
/// lowercased stem of each row's first word (the part inflection leaves alone); only those rows are then
/// matched in full. Thousands of terms cost no more per block than a few.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Per pattern, the rows it stands for.
    rows: Vec<Vec<usize>>,
}

impl Matcher {
    /// A matcher over (row index, phrase) pairs.
    fn new<'a>(phrases: impl Iterator<Item = (usize, &'a str)>) -> Matcher {
        let mut by_stem: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
        for (row, phrase) in phrases {
            if let Some((_, first)) = words(phrase).first() {
                by_stem.entry(stem(&first.to_lowercase())).or_default().push(row);
            }
        }
        let (patterns, rows): (Vec<String>, Vec<Vec<usize>>) = by_stem.into_iter().unzip();
        let automaton = (!patterns.is_empty()).then(|| aho_corasick::AhoCorasick::new(&patterns).ok()).flatten();
        Matcher { automaton, rows }
    }

    /// The rows whose first word's stem starts a word of `lower` (a lowercased text), in row order.
    pub fn candidates(&self, lower: &str) -> Vec<usize> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        let mut out: Vec<usize> = ac
            .find_overlapping_iter(lower)
            .filter(|m| !lower[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric))
            .flat_map(|m| self.rows[m.pattern().as_usize()].iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The part of a lowercase word inflection leaves alone (see [`word_matches`]).
fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n < 4 { word.to_owned() } else { word.chars().take(n - (n / 4).clamp(1, 2)).collect() }
}

impl Glossary {
    /// Read a glossary CSV file named by the user (`--glossary`).
    pub fn load(path: &Path) -> Result<Glossary> {
        Glossary::load_within(path, None)
    }

    /// Read a glossary CSV file through the guarded reader: a named pipe, a device or a file above 20 MB
    /// is refused with its reason, and so is a link out of `folder` (for a glossary found in, or named
    /// relative to, the opened folder).
    pub fn load_within(path: &Path, folder: Option<&Path>) -> Result<Glossary> {
        use crate::util::read::{FileKind, read_guarded};
        let bad = |reason: String| Error::Glossary { path: path.to_path_buf(), line: 0, reason };
        let limits = FileKind::Glossary.limits();
        let limits = folder.map_or(limits, |f| limits.inside(f));
        let bytes = read_guarded(path, &limits).map_err(|e| bad(e.to_string()))?;
        let (text, _) = crate::text::decode(&bytes).map_err(|e| bad(e.to_string()))?;
        Glossary::parse(&text, path)
    }

    /// The glossary of a review of `folder`: the one named by the user (`explicit`), else the one the
    /// configuration names, else one found in the folder ([`Glossary::find_in`]); with its path.
    pub fn for_review(
        explicit: Option<&Path>,
        configured: Option<&Path>,
        folder: &Path,
    ) -> Result<(Option<std::path::PathBuf>, Glossary)> {
        if let Some(path) = explicit {
            return Ok((Some(path.to_path_buf()), Glossary::load(path)?));
        }
        match configured.map(Path::to_path_buf).or_else(|| Glossary::find_in(folder)) {
            Some(path) => {
                let glossary = Glossary::load_within(&path, Some(folder))?;
                Ok((Some(path), glossary))
            }
            None => Ok((None, Glossary::default())),
        }
    }

    /// The glossary under one of [`FILE_NAMES`] in `folder`, if there is one. Anything by that name counts
    /// (a pipe, a link, a folder), so that what cannot be read is said, not passed over.
    pub fn find_in(folder: &Path) -> Option<std::path::PathBuf> {
        FILE_NAMES.iter().map(|n| folder.join(n)).find(|p| p.symlink_metadata().is_ok())
    }

    /// Parse glossary CSV text; `path` is for messages.
    pub fn parse(text: &str, path: &Path) -> Result<Glossary> {
        let err = |line: u64, reason: String| Error::Glossary { path: path.to_path_buf(), line, reason };
        let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| err(1, e.to_string()))?.clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(term_col), Some(kind_col)) = (col("term"), col("kind")) else {
            return Err(err(1, "the header must name at least the columns `term` and `kind`".to_owned()));
        };
        let (locale_col, translation_col, note_col) = (col("locale"), col("translation"), col("note"));
        let mut entries = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| err(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or_default().to_owned();
            let kind = match get(Some(kind_col)).to_ascii_lowercase().as_str() {
                "dnt" | "do-not-translate" => Kind::DoNotTranslate,
                "term" | "" => Kind::Term,
                "forbidden" => Kind::Forbidden,
                other => {
                    return Err(err(line, format!("unknown kind `{other}` (expected dnt, term or forbidden)")));
                }
            };
            let locale_text = get(locale_col);
            let locale = if locale_text.is_empty() {
                None
            } else {
                Some(
                    Locale::parse(&locale_text)
                        .ok_or_else(|| err(line, format!("`{locale_text}` is not a locale tag")))?,
                )
            };
            let entry = Entry {
                term: get(Some(term_col)),
                locale,
                translation: get(translation_col),
                kind,
                note: get(note_col),
            };
            let complete = match kind {
                Kind::DoNotTranslate => !entry.term.is_empty(),
                Kind::Term => !entry.term.is_empty() && !entry.translation.is_empty() && entry.locale.is_some(),
                Kind::Forbidden => !entry.forbidden_word().is_empty(),
            };
            if !complete {
                return Err(err(
                    line,
                    "a `term` row needs term, locale and translation; `dnt` a term; `forbidden` a word".to_owned(),
                ));
            }
            entries.push(entry);
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.term.chars().count().max(e.translation.chars().count())));
        let terms = Matcher::new(
            entries.iter().enumerate().filter(|(_, e)| e.kind == Kind::Term).map(|(i, e)| (i, e.term.as_str())),
        );
        let forbidden = Matcher::new(
            entries.iter().enumerate().filter(|(_, e)| e.kind == Kind::Forbidden).map(|(i, e)| (i, e.forbidden_word())),
        );
        Ok(Glossary { entries, terms, forbidden })
    }
}

/// Words of a text with their byte ranges (letters, digits, and inner `-`, `'`, `.` joining them).
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '-' | '\'' | '’' | '.' | '_')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || is_mark(c) || joiner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Does `word` match `wanted`, allowing inflectional endings (Konfigurationsdatei → -en, папка → папки)?
fn word_matches(word: &str, wanted: &str) -> bool {
    let (w, t) = (word.to_lowercase(), wanted.to_lowercase());
    if w == t {
        return true;
    }
    let t_len = t.chars().count();
    if t_len < 4 {
        return false;
    }
    w.starts_with(&stem(&t)) && w.chars().count() <= t_len + 4
}

/// The byte range of the first occurrence of `term` in `text`, tolerating inflection; `None` if absent.
pub fn find(text: &str, term: &str) -> Option<std::ops::Range<usize>> {
    let wanted: Vec<&str> = words(term).into_iter().map(|(_, w)| w).collect();
    if wanted.is_empty() {
        return None;
    }
    let have = words(text);
    have.windows(wanted.len()).find_map(|win| {
        win.iter().zip(&wanted).all(|((_, w), t)| word_matches(w, t)).then(|| {
            let (start, _) = win[0];
            let (last_start, last) = win[win.len() - 1];
            start..last_start + last.len()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "term,locale,translation,kind,note\nLumen,,,dnt,product\nconfig file,de,Konfigurationsdatei,term,\nfolder,ru,папка,term,\n,fr,répertoire,forbidden,use dossier\n";

    #[test]
    fn parses_rows_and_sorts_longest_first() {
        let g = Glossary::parse(CSV, Path::new("g.csv")).expect("parse");
        assert_eq!(g.entries.len(), 4);
        assert_eq!(g.entries[0].translation, "Konfigurationsdatei");
        let forbidden = g.entries.iter().find(|e| e.kind == Kind::Forbidden).expect("forbidden");
        assert_eq!(forbidden.forbidden_word(), "répertoire");
        assert!(forbidden.applies_to(&Locale::parse("fr-CA").expect("locale")));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let bad = "term,locale,translation,kind\nx,de,y,maybe\n";
        let e = Glossary::parse(bad, Path::new("g.csv")).expect_err("unknown kind");
        assert_eq!(e.to_string(), "g.csv:2: glossary: unknown kind `maybe` (expected dnt, term or forbidden)");
        let e = Glossary::parse("a,b\n", Path::new("g.csv")).expect_err("no columns");
        assert!(e.to_string().contains("term"));
    }

    #[test]
    fn matching_tolerates_inflection_but_not_other_words() {
        assert!(find("Die Konfigurationsdateien liegen hier.", "Konfigurationsdatei").is_some());
        assert!(find("Откройте папку проекта.", "папка").is_some());
        assert!(find("Proje klasörünü açın.", "klasör").is_some());
        assert_eq!(find("Edit the config file now", "config file"), Some(9..20));
        assert!(find("Die Einstellungsdatei liegt hier.", "Konfigurationsdatei").is_none());
        assert!(find("a configuration", "config file").is_none());
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let w: Vec<&str> = words("scikit-learn, l’outil (ML.NET) x-").into_iter().map(|(_, w)| w).collect();
        assert_eq!(w, vec!["scikit-learn", "l’outil", "ML.NET", "x"]);
    }
}
