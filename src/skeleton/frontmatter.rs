//! Front matter: the `---` YAML or `+++` TOML block at the top of a Markdown file, read as flat
//! `key: value` pairs (one level of nesting is flattened to `parent.child`, as in MDN's `l10n.sourceCommit`).
//!
//! A tolerant hand-written reader rather than a YAML library: translated front matter is often not valid
//! YAML (unquoted colons in titles), and only a handful of flat keys matter to a review.

use serde::Serialize;

/// One front-matter entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The key, nested keys joined with `.`.
    pub key: String,
    /// The value without surrounding quotes.
    pub value: String,
    /// 1-based line of the entry in the file.
    pub line: usize,
}

/// The front matter of a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FrontMatter {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
    /// Byte offset where the Markdown body starts (0 when there is no front matter).
    #[serde(skip)]
    pub body_start: usize,
}

impl FrontMatter {
    /// The value of `key` (case-insensitive), if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entry(key).map(|e| e.value.as_str())
    }

    /// The entry of `key` (case-insensitive), if present.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key.eq_ignore_ascii_case(key))
    }

    /// The first of `keys` that is present, with its entry.
    pub fn first_of<'a>(&'a self, keys: &[&'a str]) -> Option<&'a Entry> {
        keys.iter().find_map(|k| self.entry(k))
    }
}

/// One front-matter key lined up across files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    /// The key.
    pub key: String,
    /// Its value in each file (`None`: the file lacks the key).
    pub values: Vec<Option<String>>,
    /// Per file: the value is technical (a hash, date or code) and differs from the majority's.
    pub differs: Vec<bool>,
}

/// Line up the keys of several files' front matter, in order of first appearance, marking technical
/// values that differ from the majority (prose values such as titles differ by design).
pub fn compare(files: &[&FrontMatter]) -> Vec<KeyRow> {
    let mut keys: Vec<&str> = Vec::new();
    for fm in files {
        for e in &fm.entries {
            if !keys.contains(&e.key.as_str()) {
                keys.push(&e.key);
            }
        }
    }
    keys.into_iter()
        .map(|key| {
            let values: Vec<Option<String>> = files.iter().map(|fm| fm.get(key).map(str::to_owned)).collect();
            let majority = crate::util::hash::majority(values.iter().flatten());
            let technical = majority.is_some_and(|m| !m.contains(char::is_whitespace));
            let differs = values.iter().map(|v| technical && v.is_some() && v.as_ref() != majority).collect();
            KeyRow { key: key.to_owned(), values, differs }
        })
        .collect()
}

/// Read the front matter at the start of `text` (which has `\n` line ends).
pub fn parse(text: &str) -> FrontMatter {
    let fence = if text.starts_with("---\n") {
        "---"
    } else if text.starts_with("+++\n") {
        "+++"
    } else {
        return FrontMatter::default();
    };
    let toml = fence == "+++";
    let mut entries = Vec::new();
    let mut parent: Option<String> = None;
    let mut offset = fence.len() + 1;
    for (i, line) in text[offset..].split_inclusive('\n').enumerate() {
        offset += line.len();
        let content = line.trim_end_matches('\n');
        if content.trim_end() == fence || (!toml && content.trim_end() == "...") {
            return FrontMatter { entries, body_start: offset };
        }
        read_line(content, toml, i + 2, &mut parent, &mut entries);
    }
    // An unclosed block is not front matter: the file is all body.
    FrontMatter::default()
}

fn read_line(content: &str, toml: bool, line: usize, parent: &mut Option<String>, out: &mut Vec<Entry>) {
    let trimmed = content.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("- ") {
        return;
    }
    if toml && trimmed.starts_with('[') && trimmed.ends_with(']') {
        *parent = Some(trimmed.trim_matches(['[', ']']).trim().to_owned());
        return;
    }
    let separator = if toml { '=' } else { ':' };
    let Some((key, value)) = trimmed.split_once(separator) else {
        return;
    };
    let key = key.trim().trim_matches('"');
    if key.is_empty() || key.contains(' ') {
        return;
    }
    let indented = content.starts_with([' ', '\t']);
    let value = unquote(value.trim());
    if !toml {
        if !indented && value.is_empty() {
            *parent = Some(key.to_owned());
            return;
        }
        if !indented {
            *parent = None;
        }
    }
    let full_key = match parent {
        Some(p) if indented || toml => format!("{p}.{key}"),
        _ => key.to_owned(),
    };
    out.push(Entry { key: full_key, value: value.to_owned(), line });
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flat_yaml_with_quotes_and_colons_in_values() {
        let text = "---\ntitle: Intro: a guide\nms.locfileid: \"98223080\"\nlang: 'de'\n---\n# Body\n";
        let fm = parse(text);
        assert_eq!(fm.get("title"), Some("Intro: a guide"));
        assert_eq!(fm.get("ms.locfileid"), Some("98223080"));
        assert_eq!(fm.get("LANG"), Some("de"));
        assert_eq!(fm.entry("lang").map(|e| e.line), Some(4));
        assert_eq!(&text[fm.body_start..], "# Body\n");
    }

    #[test]
    fn flattens_one_level_of_nesting_like_mdn() {
        let fm = parse("---\ntitle: X\nl10n:\n  sourceCommit: abc123\nslug: y\n---\n");
        assert_eq!(fm.get("l10n.sourceCommit"), Some("abc123"));
        assert_eq!(fm.get("slug"), Some("y"));
    }

    #[test]
    fn reads_toml_front_matter() {
        let fm = parse("+++\ntitle = \"Hallo\"\n[params]\nlocale = \"de\"\n+++\nText\n");
        assert_eq!(fm.get("title"), Some("Hallo"));
        assert_eq!(fm.get("params.locale"), Some("de"));
    }

    #[test]
    fn compare_marks_technical_values_that_differ_from_the_majority() {
        let a = parse("---\ntitle: Eins\nms.date: 01/14/2020\n---\n");
        let b = parse("---\ntitle: Zwei\nms.date: 01/14/2020\n---\n");
        let c = parse("---\ntitle: Drei\nms.date: 11/04/2021\nextra: x\n---\n");
        let rows = compare(&[&a, &b, &c]);
        let summary: Vec<(&str, Vec<bool>)> = rows.iter().map(|r| (r.key.as_str(), r.differs.clone())).collect();
        assert_eq!(
            summary,
            vec![
                ("title", vec![false; 3]),
                ("ms.date", vec![false, false, true]),
                ("extra", vec![false, false, false])
            ]
        );
        assert_eq!(rows[2].values, vec![None, None, Some("x".to_owned())]);
    }

    #[test]
    fn no_or_unclosed_front_matter_means_all_body() {
        assert_eq!(parse("# Title\n---\n").body_start, 0);
        assert_eq!(parse("---\ntitle: x\n# never closed\n"), FrontMatter::default());
    }
}
