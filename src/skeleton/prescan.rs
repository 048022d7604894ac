//! Site syntax that CommonMark does not know, found line by line before the Markdown parser runs:
//! admonition containers (`:::note[Title]` … `:::`, `/// note | Title` … `///`, MkDocs `!!! note` with an
//! indented body, Hugo `{{% alert %}}` … `{{% /alert %}}`, JSX `<Aside>` … `</Aside>`) and lines of markup
//! with no prose of their own (MDX `import`/`export`, JSX component tags, Hugo shortcodes, include
//! directives, comments).
//!
//! Such lines are blanked (replaced by spaces, so every byte offset stays valid) before parsing, which lets
//! the content between them parse as the Markdown it is; the markers are kept and [`super::assemble`]
//! turns them into blocks. Bodies that a generator reads indented (MkDocs admonitions and tabs, the
//! children of MDX components) are dedented by moving their indentation to the end of the line; the
//! per-line shift is recorded so that ranges map back to the original text.

use super::Flavor;
use std::borrow::Cow;
use std::ops::Range;

/// A marker line (or run of lines) found by the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Marker {
    /// Byte range of the marker's lines in the text (without the final line break).
    pub range: Range<usize>,
    /// What it is.
    pub kind: MarkerKind,
}

/// What a marker is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MarkerKind {
    /// Opens a container (`:::note`, `/// tip | Title`, `<Aside>`, `{{% alert %}}`).
    Open { family: Family, name: String, title: String },
    /// Closes the innermost open container of that family.
    Close { family: Family, name: String },
    /// An admonition whose body is the indented lines below it (MkDocs `!!! note`), up to `body_end`.
    Indented { name: String, title: String, body_end: usize },
    /// Markup standing for itself: a component tag, a shortcode, an import, an include, a comment.
    Markup { name: String },
}

/// The container syntaxes, which close only their own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    /// `:::` (Docusaurus, Starlight, VuePress).
    Colons,
    /// `///` (pymdownx blocks, MkDocs).
    Slashes,
    /// `{{% name %}}` / `{{< name >}}` (Hugo shortcodes).
    Shortcode,
    /// `<Name>` … `</Name>` (MDX/JSX components).
    Jsx,
}

/// The result of the scan: the text to parse, the per-line shifts of dedented lines, the markers.
pub(super) struct Scanned<'a> {
    pub text: Cow<'a, str>,
    /// Per line (0-based), how many bytes its content moved left; empty when nothing moved.
    pub shifts: Vec<u32>,
    pub markers: Vec<Marker>,
}

/// Components that are admonitions (their body is one callout block).
const ADMONITION_COMPONENTS: &[&str] =
    &["Aside", "Admonition", "Callout", "Note", "Tip", "Info", "Warning", "Caution", "Danger", "Important"];
/// Hugo shortcodes that are admonitions.
const ADMONITION_SHORTCODES: &[&str] = &[
    "alert",
    "note",
    "warning",
    "caution",
    "tip",
    "info",
    "notice",
    "callout",
    "admonition",
    "hint",
    "danger",
    "important",
    "pageinfo",
];

/// Scan `text` from `body_start` (after front matter).
pub(super) fn scan(text: &str, body_start: usize, flavor: Flavor) -> Scanned<'_> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut at = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let end = at + line.trim_end_matches(['\n', '\r']).len();
        lines.push(at..end);
        at += line.len();
    }
    let blank = vec![false; lines.len()];
    let mut scan = Scan { text, flavor, lines, markers: Vec::new(), blank, dedent: Vec::new() };
    scan.run();
    scan.finish()
}

struct Scan<'a> {
    text: &'a str,
    flavor: Flavor,
    lines: Vec<Range<usize>>,
    markers: Vec<Marker>,
    /// Per line, whether it is blanked.
    blank: Vec<bool>,
    /// (line index, bytes of indentation to move to the end).
    dedent: Vec<(usize, usize)>,
}

impl<'a> Scan<'a> {
    fn line(&self, i: usize) -> &'a str {
        &self.text[self.lines[i].clone()]
    }

    fn run(&mut self) {
        let mut fence: Option<(char, usize)> = None;
        let mut jsx_open: Vec<(usize, usize)> = Vec::new(); // (marker index, line) of open components
        let mut wrappers_open: Vec<(usize, usize)> = Vec::new(); // (marker index, line) of `<p>`, `<div>`…
        let mut i = 0;
        while i < self.lines.len() {
            let raw = self.line(i);
            let indent = raw.len() - raw.trim_start().len();
            let t = raw.trim();
            if let Some((c, n)) = fence {
                if t.starts_with(&c.to_string().repeat(n)) && t.trim_start_matches(c).trim().is_empty() {
                    fence = None;
                }
                i += 1;
                continue;
            }
            if indent < 4 || self.flavor.mdx {
                if let Some(f) = fence_open(t) {
                    fence = Some(f);
                    i += 1;
                    continue;
                }
            } else {
                i += 1;
                continue; // indented code in CommonMark
            }
            let markers_before = self.markers.len();
            i = self.classify(i, t, indent, &mut jsx_open);
            if let Some(MarkerKind::Markup { name }) = self.markers.get(markers_before).map(|m| &m.kind)
                && self.markers.len() == markers_before + 1
                && wrapper_tag_line(t).is_some()
                && !name.starts_with('/')
            {
                wrappers_open.push((markers_before, i - 1));
            }
        }
        self.dedent_component_bodies(&jsx_open);
        self.dedent_wrapper_bodies(&wrappers_open);
    }

    /// The wrapper tag lines are blanked, so what they wrapped must not turn into indented code: an
    /// indented `<em>tagline</em>` under `<p align="center">` is text of an HTML block to every renderer.
    fn dedent_wrapper_bodies(&mut self, opens: &[(usize, usize)]) {
        for &(marker, open_line) in opens {
            let MarkerKind::Markup { name } = &self.markers[marker].kind else { continue };
            let closing = format!("/{name}");
            let close = self.markers[marker + 1..]
                .iter()
                .find(|m| matches!(&m.kind, MarkerKind::Markup { name: n } if *n == closing));
            let Some(close_start) = close.map(|m| m.range.start) else { continue };
            self.dedent_lines(self.body_lines(open_line, close_start));
        }
    }

    /// The non-blank, unmarked lines after `open_line` that start before byte `close_start`.
    fn body_lines(&self, open_line: usize, close_start: usize) -> Vec<usize> {
        (open_line + 1..self.lines.len())
            .take_while(|&k| self.lines[k].start < close_start)
            .filter(|&k| !self.line(k).trim().is_empty() && !self.blank[k])
            .collect()
    }

    /// Move the common indentation of `body` (beyond what is already moved) out of the way.
    fn dedent_lines(&mut self, body: Vec<usize>) {
        let already = |k: usize| self.dedent.iter().filter(|(l, _)| *l == k).map(|(_, n)| n).sum::<usize>();
        let min = body
            .iter()
            .map(|&k| {
                let l = self.line(k);
                (l.len() - l.trim_start().len()).saturating_sub(already(k))
            })
            .min()
            .unwrap_or(0);
        if min > 0 {
            self.dedent.extend(body.into_iter().map(|k| (k, min)));
        }
    }

    /// Look at line `i` (trimmed `t`); record what it is and return the next line to look at.
    fn classify(&mut self, i: usize, t: &str, indent: usize, jsx_open: &mut Vec<(usize, usize)>) -> usize {
        if let Some(kind) = container_line(t) {
            self.mark(i, i, kind);
            return i + 1;
        }
        if let Some((name, title)) = indented_admonition(t) {
            let end = self.indented_body(i, indent);
            let body_end = self.lines[end.saturating_sub(1).max(i)].end;
            self.mark(i, i, MarkerKind::Indented { name, title, body_end });
            return end;
        }
        if let Some(name) = tab_line(t) {
            self.mark(i, i, MarkerKind::Markup { name });
            return self.indented_body(i, indent);
        }
        if let Some(end) = self.comment_end(i, t) {
            self.mark(i, end, MarkerKind::Markup { name: "comment".to_owned() });
            return end + 1;
        }
        if self.flavor.mdx && indent == 0 && (t.starts_with("import ") || t.starts_with("export ")) {
            let end = self.statement_end(i);
            let name = if t.starts_with("import ") { "import" } else { "export" };
            self.mark(i, end, MarkerKind::Markup { name: name.to_owned() });
            return end + 1;
        }
        if let Some(kind) = jsx_line(t) {
            if let MarkerKind::Open { .. } = kind {
                jsx_open.push((self.markers.len(), i));
            }
            self.mark(i, i, kind);
            return i + 1;
        }
        if let Some(kind) = shortcode_line(t).or_else(|| directive_line(t)).or_else(|| wrapper_tag_line(t)) {
            self.mark(i, i, kind);
        }
        i + 1
    }

    fn mark(&mut self, first: usize, last: usize, kind: MarkerKind) {
        self.markers.push(Marker { range: self.lines[first].start..self.lines[last].end, kind });
        self.blank[first..=last].fill(true);
    }

    /// The line after the indented body of an opener at line `i` (blank lines inside are part of it); the
    /// body is dedented by four columns.
    fn indented_body(&mut self, i: usize, indent: usize) -> usize {
        let mut end = i + 1;
        let mut last_content = i;
        while end < self.lines.len() {
            let l = self.line(end);
            let li = l.len() - l.trim_start().len();
            if !l.trim().is_empty() && li < indent + 4 {
                break;
            }
            if !l.trim().is_empty() {
                last_content = end;
            }
            end += 1;
        }
        for k in i + 1..=last_content {
            if !self.line(k).trim().is_empty() {
                self.dedent.push((k, 4));
            }
        }
        last_content + 1
    }

    /// The last line of a comment starting at line `i` (`<!-- … -->`, MDX `{/* … */}`), when the line
    /// starts one and nothing but the comment stands on its lines.
    fn comment_end(&self, i: usize, t: &str) -> Option<usize> {
        let close = if t.starts_with("<!--") {
            "-->"
        } else if t.starts_with("{/*") {
            "*/}"
        } else {
            return None;
        };
        (i..self.lines.len().min(i + 200))
            .find(|&k| {
                let l = self.line(k).trim_end();
                let from = if k == i { 4 } else { 0 };
                l.get(from..).is_some_and(|rest| rest.contains(close))
            })
            .filter(|&k| self.line(k).trim_end().ends_with(close))
    }

    /// The last line of an ESM statement starting at line `i`.
    fn statement_end(&self, i: usize) -> usize {
        let mut k = i;
        while k < self.lines.len() {
            let l = self.line(k).trim_end();
            let done = l.ends_with(';') || (l.contains(" from ") && !l.ends_with(',')) || l.ends_with(['\'', '"']);
            if done || k + 1 >= self.lines.len() || self.line(k + 1).trim().is_empty() {
                return k;
            }
            k += 1;
        }
        i
    }

    /// MDX reads a component's children without CommonMark's indented code: their common indentation is
    /// moved out of the way, so a list indented under `<Steps>` parses as a list.
    fn dedent_component_bodies(&mut self, opens: &[(usize, usize)]) {
        if !self.flavor.mdx {
            return;
        }
        for &(marker, open_line) in opens {
            let MarkerKind::Open { name, .. } = &self.markers[marker].kind else { continue };
            let name = name.clone();
            let close = self.markers[marker + 1..]
                .iter()
                .find(|m| matches!(&m.kind, MarkerKind::Close { family: Family::Jsx, name: n } if *n == name));
            let Some(close_start) = close.map(|m| m.range.start) else { continue };
            self.dedent_lines(self.body_lines(open_line, close_start));
        }
    }

    fn finish(mut self) -> Scanned<'a> {
        if !self.blank.contains(&true) && self.dedent.is_empty() {
            return Scanned { text: Cow::Borrowed(self.text), shifts: Vec::new(), markers: self.markers };
        }
        let mut bytes = self.text.as_bytes().to_vec();
        for (k, _) in self.blank.iter().enumerate().filter(|(_, b)| **b) {
            bytes[self.lines[k].clone()].fill(b' ');
        }
        // Lines are counted from the start of the file, so shifts index by the file's line numbers.
        let first_line = self.text[..self.lines.first().map_or(0, |l| l.start)].matches('\n').count();
        let mut shifts = Vec::new();
        self.dedent.sort_unstable();
        for &(k, n) in &self.dedent {
            let line = self.lines[k].clone();
            let indent = bytes[line.clone()].iter().take_while(|b| **b == b' ' || **b == b'\t').count();
            let n = n.min(indent);
            if n == 0 {
                continue;
            }
            bytes[line].rotate_left(n);
            if shifts.len() <= first_line + k {
                shifts.resize(first_line + k + 1, 0);
            }
            shifts[first_line + k] += u32::try_from(n).unwrap_or(0);
        }
        // Only ASCII spaces and whole lines moved: the bytes are still UTF-8.
        let text = String::from_utf8(bytes).unwrap_or_else(|_| self.text.to_owned());
        Scanned { text: Cow::Owned(text), shifts, markers: self.markers }
    }
}

/// An opening code fence: its character and length.
fn fence_open(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|&x| x == c).count();
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}

/// `:::type[Title]`, `:::type Title`, `:::`; `/// type | Title`, `///`.
fn container_line(t: &str) -> Option<MarkerKind> {
    for (prefix, family) in [(":::", Family::Colons), ("///", Family::Slashes)] {
        let Some(rest) = t.strip_prefix(prefix) else { continue };
        let c = prefix.chars().next().unwrap_or(':');
        let rest = rest.trim_start_matches(c).trim();
        if rest.is_empty() {
            return Some(MarkerKind::Close { family, name: String::new() });
        }
        let name: String = rest.chars().take_while(|ch| ch.is_alphanumeric() || *ch == '-' || *ch == '_').collect();
        if name.is_empty() {
            return None;
        }
        let after = rest[name.len()..].trim();
        let title = after
            .strip_prefix('[')
            .and_then(|x| x.strip_suffix(']'))
            .or_else(|| after.strip_prefix('|').map(str::trim))
            .unwrap_or(after)
            .trim_matches('"')
            .to_owned();
        if family == Family::Slashes && after.starts_with(['/', '{']) {
            return None; // a path or code comment, not a block
        }
        return Some(MarkerKind::Open { family, name, title });
    }
    None
}

/// MkDocs `!!! note "Title"` / `??? tip` / `???+ tip`.
fn indented_admonition(t: &str) -> Option<(String, String)> {
    let rest = t.strip_prefix("!!!").or_else(|| t.strip_prefix("???+")).or_else(|| t.strip_prefix("???"))?;
    let rest = rest.trim();
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_').collect();
    if name.is_empty() {
        return None;
    }
    let title = rest[name.len()..].trim().trim_matches('"').to_owned();
    Some((name, title))
}

/// pymdownx tabs: `=== "Title"`.
fn tab_line(t: &str) -> Option<String> {
    let rest = t.strip_prefix("===")?.trim();
    (rest.starts_with('"') && rest.ends_with('"') && rest.len() >= 2).then(|| "tab".to_owned())
}

/// A line that is one JSX component tag: `<Steps>`, `</Steps>`, `<Aside type="tip">`, `<Card title="x" />`.
fn jsx_line(t: &str) -> Option<MarkerKind> {
    let inner = t.strip_prefix('<')?.strip_suffix('>')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner.chars().take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '_').collect();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || inner[name.len()..].contains(['<', '>']) {
        return None;
    }
    let rest = &inner[name.len()..];
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) && rest != "/" {
        return None;
    }
    if closing {
        return Some(MarkerKind::Close { family: Family::Jsx, name });
    }
    if rest.trim_end().ends_with('/') {
        return Some(MarkerKind::Markup { name });
    }
    let title = attribute(rest, "title").unwrap_or_default();
    if ADMONITION_COMPONENTS.contains(&name.as_str()) {
        let kind = attribute(rest, "type").unwrap_or_else(|| name.to_ascii_lowercase());
        return Some(MarkerKind::Open { family: Family::Jsx, name: format!("{name}:{kind}"), title });
    }
    Some(MarkerKind::Open { family: Family::Jsx, name, title })
}

/// `name="value"` or `name='value'` in a tag's attributes.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let at = attrs.find(&format!("{name}="))?;
    let rest = &attrs[at + name.len() + 1..];
    let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    rest[1..].find(q).map(|end| rest[1..1 + end].to_owned())
}

/// A line holding only Hugo shortcodes: `{{< figure src="x" >}}`, `{{% alert title="Note" %}}`,
/// `{{% /alert %}}`.
fn shortcode_line(t: &str) -> Option<MarkerKind> {
    let (open, close) = if t.starts_with("{{<") {
        ("{{<", ">}}")
    } else if t.starts_with("{{%") {
        ("{{%", "%}}")
    } else {
        return None;
    };
    if !t.ends_with(close) {
        return None;
    }
    let inner = t[open.len()..t.len() - close.len()].trim();
    let inner = inner.trim_start_matches("/*").trim();
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    let name: String =
        inner.chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '/').collect();
    if name.is_empty() || inner[name.len()..].contains(open) && !t[open.len()..].contains(close) {
        return None;
    }
    if ADMONITION_SHORTCODES.contains(&name.as_str()) {
        return Some(if closing {
            MarkerKind::Close { family: Family::Shortcode, name }
        } else {
            let title = attribute(&inner[name.len()..], "title").unwrap_or_default();
            MarkerKind::Open { family: Family::Shortcode, name, title }
        });
    }
    let name = if closing { format!("/{name}") } else { name };
    Some(MarkerKind::Markup { name })
}

/// An HTML tag alone on its line that only wraps Markdown (`<p>`, `</div>`, `<details>`): markup, so the
/// text between reads as Markdown, as MDX and most renderers read it.
fn wrapper_tag_line(t: &str) -> Option<MarkerKind> {
    const WRAPPERS: &[&str] =
        &["p", "div", "span", "section", "article", "details", "summary", "center", "figure", "figcaption", "small"];
    let inner = t.strip_prefix('<')?.strip_suffix('>')?;
    let (closing, inner) = inner.strip_prefix('/').map_or((false, inner), |rest| (true, rest));
    let name: String = inner.chars().take_while(char::is_ascii_alphabetic).collect();
    let rest = &inner[name.len()..];
    let plain = rest.is_empty() || (!closing && rest.starts_with(' ') && !rest.contains(['<', '>']));
    (WRAPPERS.contains(&name.as_str()) && plain)
        .then(|| MarkerKind::Markup { name: if closing { format!("/{name}") } else { name } })
}

/// Include and template directives alone on a line: `{* ../src/app.py hl[3] *}`, `{% include x.md %}`,
/// `--8<-- "file.md"`, `{!> ../x.md !}`.
fn directive_line(t: &str) -> Option<MarkerKind> {
    let include = (t.starts_with("{*") && t.ends_with("*}")) || (t.starts_with("{!") && t.ends_with("!}"));
    let name = if include || t.starts_with("--8<--") {
        "include"
    } else if t.starts_with("{%") && t.ends_with("%}") {
        if t.contains("include") { "include" } else { "template" }
    } else {
        return None;
    };
    Some(MarkerKind::Markup { name: name.to_owned() })
}
