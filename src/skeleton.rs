//! The block skeleton of one Markdown file: its front matter and its top-level blocks (headings,
//! paragraphs, lists, tables, code blocks, quotes and alerts, HTML), each with its byte range, lines and
//! the inline facts the checks need (links, images, inline code, numbers, emphasis).
//!
//! The skeleton holds facts only; judging them is the checks' job.

use crate::frontmatter::{self, FrontMatter};
use crate::text::LineIndex;
use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::BTreeSet;
use std::ops::Range;

/// What kind of block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A heading (`level` says which).
    Heading,
    /// A paragraph.
    Paragraph,
    /// A whole list (`items` counts its items).
    List,
    /// A table (`items` counts body rows, `columns` its columns).
    Table,
    /// A fenced or indented code block.
    Code,
    /// A block quote, or a GitHub alert (`alert` names it).
    Quote,
    /// A raw HTML block.
    Html,
}

impl BlockKind {
    /// A reviewer's word for the kind.
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::List => "list",
            BlockKind::Table => "table",
            BlockKind::Code => "code block",
            BlockKind::Quote => "quote",
            BlockKind::Html => "HTML block",
        }
    }
}

/// A link or image inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The destination as written.
    pub target: String,
    /// The link text (image: alt text), as plain text.
    pub text: String,
    /// Byte range of the whole link in the file.
    pub range: Range<usize>,
    /// True for `<https://…>` autolinks.
    pub autolink: bool,
    /// True for inline `[text](target)` links (reference links end elsewhere).
    pub inline: bool,
}

/// A piece of inline code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The code text.
    pub text: String,
    /// Byte range in the file, backticks included.
    pub range: Range<usize>,
}

/// A heading's anchor id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Anchor {
    /// The id links use after `#`.
    pub id: String,
    /// True when written in the file (`<a name>`, `{#id}`), false for a slug of the heading text.
    pub explicit: bool,
}

/// One top-level block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Heading level 1–6; 0 for other blocks.
    pub level: u8,
    /// The alert kind (`NOTE`, `TIP`, …) of a `> [!NOTE]` quote.
    pub alert: Option<String>,
    /// The info string of a fenced code block.
    pub lang: Option<String>,
    /// Byte range in the file.
    pub range: Range<usize>,
    /// 1-based first line.
    pub line: usize,
    /// 1-based last line.
    pub end_line: usize,
    /// Prose as plain text: link texts included, inline code and HTML left out.
    pub text: String,
    /// The anchor of a heading.
    pub anchor: Option<Anchor>,
    /// Links, in order.
    pub links: Vec<Link>,
    /// Images, in order.
    pub images: Vec<Link>,
    /// Inline code, in order.
    pub inline_code: Vec<Span>,
    /// The content of a code block.
    pub code: Option<String>,
    /// Numbers in the prose, digits only (`1,000` and `1.000` both read `1000`).
    pub numbers: Vec<String>,
    /// List items or table body rows.
    pub items: usize,
    /// Table columns.
    pub columns: usize,
    /// Emphasis and strong spans.
    pub emphasis: usize,
    /// Byte offset of a literal `**` left in the text: strong emphasis CommonMark did not close.
    pub unclosed_strong: Option<usize>,
    /// Links whose markup translation broke: `[text] (url)` left as plain text.
    pub broken_links: usize,
    /// Index of the heading that opens this block's section (`None` before the first heading).
    pub section: Option<usize>,
}

impl Block {
    /// The lines of a code block that carry code: comments (by the block's language) and blank lines left
    /// out, since translating comments is legitimate.
    pub fn code_lines(&self) -> Vec<String> {
        let Some(code) = &self.code else { return Vec::new() };
        let style = CommentStyle::of(self.lang.as_deref());
        code.lines().map(|l| style.strip(l)).map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
    }
}

/// How a code block's language writes comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentStyle {
    /// `# …` (shell, Python, YAML, TOML, Ruby, PowerShell, R, Dockerfile…).
    Hash,
    /// `// …` and `/* … */` (C family, JavaScript, Rust, Go, Java, C#…).
    Slash,
    /// `-- …` (SQL, Lua, Haskell).
    DoubleDash,
    /// `; …` and `# …` (INI).
    Semicolon,
    /// Unknown or no language: only `# ` and `// ` lines, the forms no command line starts with.
    Unknown,
}

impl CommentStyle {
    /// The style of a fenced block's language.
    pub fn of(lang: Option<&str>) -> CommentStyle {
        match lang.unwrap_or_default().to_ascii_lowercase().as_str() {
            "sh"
            | "bash"
            | "zsh"
            | "shell"
            | "console"
            | "python"
            | "py"
            | "yaml"
            | "yml"
            | "toml"
            | "ruby"
            | "rb"
            | "powershell"
            | "ps1"
            | "r"
            | "dockerfile"
            | "make"
            | "makefile"
            | "perl"
            | "azurecli"
            | "azurecli-interactive" => CommentStyle::Hash,
            "c" | "cpp" | "c++" | "js" | "javascript" | "ts" | "typescript" | "jsx" | "tsx" | "rust" | "rs" | "go"
            | "java" | "csharp" | "cs" | "c#" | "kotlin" | "swift" | "scala" | "php" | "dart" | "json5" | "jsonc" => {
                CommentStyle::Slash
            }
            "sql" | "lua" | "haskell" | "hs" => CommentStyle::DoubleDash,
            "ini" | "cfg" | "conf" => CommentStyle::Semicolon,
            _ => CommentStyle::Unknown,
        }
    }

    /// A code line without its comment.
    pub fn strip(self, line: &str) -> &str {
        let t = line.trim_start();
        let whole_line = match self {
            CommentStyle::Hash => t.starts_with('#') && !t.starts_with("#!"),
            CommentStyle::Slash => t.starts_with("//") || t.starts_with("/*") || t.starts_with("* ") || t == "*/",
            CommentStyle::DoubleDash => t.starts_with("--"),
            CommentStyle::Semicolon => t.starts_with(';') || t.starts_with('#'),
            CommentStyle::Unknown => t.starts_with("# ") || t.starts_with("// "),
        };
        if whole_line {
            return "";
        }
        let trailing = match self {
            CommentStyle::Hash => " # ",
            CommentStyle::Slash => " // ",
            CommentStyle::DoubleDash => " -- ",
            CommentStyle::Semicolon | CommentStyle::Unknown => return line,
        };
        line.find(trailing).map_or(line, |i| &line[..i])
    }
}

/// The skeleton of a file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Skeleton {
    /// Front matter.
    pub front_matter: FrontMatter,
    /// Top-level blocks in order.
    pub blocks: Vec<Block>,
    /// Every anchor a link may target: heading ids and `<a name|id>` in HTML.
    pub anchors: BTreeSet<String>,
}

impl Skeleton {
    /// Parse `text` (with `\n` line ends) into a skeleton.
    pub fn parse(text: &str, lines: &LineIndex) -> Skeleton {
        let front_matter = frontmatter::parse(text);
        let mut builder = Builder::new(front_matter.body_start, lines);
        let body = &text[front_matter.body_start..];
        for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
            let range = range.start + builder.base..range.end + builder.base;
            builder.event(event, range);
        }
        let (blocks, anchors) = builder.finish();
        Skeleton { front_matter, blocks, anchors }
    }

    /// The heading blocks, with their indices.
    pub fn headings(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks.iter().enumerate().filter(|(_, b)| b.kind == BlockKind::Heading)
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// Walks the parser events and cuts them into top-level blocks.
struct Builder<'a> {
    base: usize,
    lines: &'a LineIndex,
    depth: usize,
    current: Option<Block>,
    open_links: Vec<(Link, bool)>,
    in_table_head: bool,
    blocks: Vec<Block>,
    anchors: BTreeSet<String>,
    slugs: SlugCounter,
    section: Option<usize>,
    star_end: Option<usize>,
    id_attribute: bool,
}

impl<'a> Builder<'a> {
    fn new(base: usize, lines: &'a LineIndex) -> Self {
        Builder {
            base,
            lines,
            depth: 0,
            current: None,
            open_links: Vec::new(),
            in_table_head: false,
            blocks: Vec::new(),
            anchors: BTreeSet::new(),
            slugs: SlugCounter::default(),
            section: None,
            star_end: None,
            id_attribute: false,
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => {
                if self.depth == 0 {
                    self.open_block(&tag, range.clone());
                }
                self.depth += 1;
                self.start_inline(tag, range);
            }
            Event::End(tag) => {
                self.depth = self.depth.saturating_sub(1);
                self.end_inline(tag);
                if self.depth == 0 {
                    self.close_block();
                }
            }
            Event::Text(t) => {
                self.note_literal_stars(&t, &range);
                self.push_text(&t);
            }
            Event::Code(code) => {
                self.push_text(" ");
                if let Some(b) = self.current.as_mut() {
                    b.inline_code.push(Span { text: code.to_string(), range });
                }
            }
            Event::InlineHtml(html) | Event::Html(html) => self.html(&html),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::Rule
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    /// Delimiters CommonMark could not pair come through as literal `*` text, one event each; two in a
    /// row are a `**` that was meant to open or close strong emphasis.
    fn note_literal_stars(&mut self, t: &str, range: &Range<usize>) {
        let Some(b) = self.current.as_mut().filter(|b| b.code.is_none()) else {
            return;
        };
        if let Some(i) = t.find("**") {
            b.unclosed_strong.get_or_insert(range.start + i);
        } else if t == "*" {
            if self.star_end == Some(range.start) {
                b.unclosed_strong.get_or_insert(range.start - 1);
            }
            self.star_end = Some(range.end);
            return;
        }
        self.star_end = None;
    }

    fn open_block(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        let (kind, level) = match tag {
            Tag::Heading { level, .. } => (BlockKind::Heading, heading_level(*level)),
            Tag::List(_) => (BlockKind::List, 0),
            Tag::Table(_) => (BlockKind::Table, 0),
            Tag::CodeBlock(_) => (BlockKind::Code, 0),
            Tag::BlockQuote(_) => (BlockKind::Quote, 0),
            Tag::HtmlBlock => (BlockKind::Html, 0),
            _ => (BlockKind::Paragraph, 0),
        };
        self.current = Some(Block {
            kind,
            level,
            alert: None,
            lang: None,
            line: self.lines.line(range.start),
            end_line: self.lines.line(range.end.saturating_sub(1).max(range.start)),
            range,
            text: String::new(),
            anchor: None,
            links: Vec::new(),
            images: Vec::new(),
            inline_code: Vec::new(),
            code: None,
            numbers: Vec::new(),
            items: 0,
            columns: 0,
            emphasis: 0,
            unclosed_strong: None,
            broken_links: 0,
            section: self.section,
        });
    }

    fn start_inline(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let depth = self.depth;
        let Some(block) = self.current.as_mut() else {
            return;
        };
        match tag {
            Tag::Heading { id: Some(id), .. } => {
                block.anchor = Some(Anchor { id: id.to_string(), explicit: true });
                self.id_attribute = true;
            }
            Tag::Item if block.kind == BlockKind::List && depth == 2 => {
                block.items += 1;
                push_break(&mut block.text);
            }
            Tag::TableHead => self.in_table_head = true,
            Tag::TableRow if !self.in_table_head => block.items += 1,
            Tag::TableCell if self.in_table_head => {
                block.columns += 1;
                push_break(&mut block.text);
            }
            Tag::TableCell | Tag::TableRow => push_break(&mut block.text),
            Tag::CodeBlock(kind) => {
                block.code = Some(String::new());
                if let CodeBlockKind::Fenced(info) = kind {
                    let lang = info.split_whitespace().next().unwrap_or_default();
                    block.lang = (!lang.is_empty()).then(|| lang.to_owned());
                }
            }
            Tag::BlockQuote(Some(kind)) if depth == 1 => block.alert = Some(alert_name(kind).to_owned()),
            Tag::Emphasis | Tag::Strong => block.emphasis += 1,
            Tag::Link { link_type, dest_url, .. } => {
                let link = new_link(link_type, &dest_url, range);
                self.open_links.push((link, false));
            }
            Tag::Image { link_type, dest_url, .. } => {
                let link = new_link(link_type, &dest_url, range);
                self.open_links.push((link, true));
            }
            Tag::Paragraph | Tag::Item => push_break(&mut block.text),
            _ => {}
        }
    }

    fn end_inline(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::TableHead => self.in_table_head = false,
            TagEnd::Link | TagEnd::Image => {
                if let (Some((link, image)), Some(block)) = (self.open_links.pop(), self.current.as_mut()) {
                    if image { block.images.push(link) } else { block.links.push(link) }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        let Some(block) = self.current.as_mut() else {
            return;
        };
        if let Some(code) = block.code.as_mut() {
            code.push_str(text);
            return;
        }
        push_collapsed(&mut block.text, text);
        for (link, _) in &mut self.open_links {
            link.text.push_str(text);
        }
    }

    fn html(&mut self, html: &str) {
        for id in html_anchor_ids(html) {
            self.anchors.insert(id.clone());
            if let Some(block) = self.current.as_mut()
                && block.kind == BlockKind::Heading
                && block.anchor.is_none()
            {
                block.anchor = Some(Anchor { id, explicit: true });
            }
        }
    }

    fn close_block(&mut self) {
        let Some(mut block) = self.current.take() else {
            return;
        };
        self.open_links.clear();
        block.end_line = self.lines.line(block.range.end.saturating_sub(1).max(block.range.start));
        block.broken_links = count_broken_links(&block.text);
        let kept = block.text.trim_end().len();
        block.text.truncate(kept);
        block.numbers = numbers(&block.text);
        if block.kind == BlockKind::Heading {
            let slug = self.slugs.next(&slugify(&block.text));
            // A `{#id}` attribute replaces the text's slug (Hugo, Pandoc); an `<a name>` inside the heading
            // adds to it (GitHub and Microsoft Docs keep both).
            if !std::mem::take(&mut self.id_attribute) {
                self.anchors.insert(slug.clone());
            }
            match &block.anchor {
                Some(a) => {
                    self.anchors.insert(a.id.clone());
                }
                None => block.anchor = Some(Anchor { id: slug, explicit: false }),
            }
            self.section = Some(self.blocks.len());
            block.section = self.section;
        }
        let empty =
            block.text.is_empty() && block.links.is_empty() && block.inline_code.is_empty() && block.images.is_empty();
        if block.kind == BlockKind::Paragraph && empty {
            return; // e.g. a paragraph holding only an `<a name>` anchor
        }
        self.blocks.push(block);
    }

    fn finish(mut self) -> (Vec<Block>, BTreeSet<String>) {
        self.close_block();
        (self.blocks, self.anchors)
    }
}

/// `[text] (target)` patterns in plain text: links whose markup a space broke.
fn count_broken_links(text: &str) -> usize {
    // Linear on any input: the first `[` is found once, and each target scan stops at the first space or
    // `)`, which comes no later than the next `] (`.
    let Some(first_open) = text.find('[') else { return 0 };
    text.match_indices("] (")
        .filter(|(i, _)| {
            let rest = &text[i + 3..];
            let target_end = rest.find([')', ' ']).unwrap_or(rest.len());
            *i > first_open && target_end > 0 && !rest[target_end..].starts_with(' ')
        })
        .count()
}

/// Append text with runs of white space collapsed to one space (and none at the start of a line).
fn push_collapsed(buf: &mut String, text: &str) {
    // Fast path, the common case: single spaces only.
    let simple = !text.contains("  ") && !text.contains(['\n', '\t', '\r', '\u{a0}']);
    if simple {
        let at_line_start = buf.is_empty() || buf.ends_with([' ', '\n']);
        buf.push_str(if at_line_start { text.trim_start_matches(' ') } else { text });
        return;
    }
    for c in text.chars() {
        if c.is_whitespace() {
            if !buf.is_empty() && !buf.ends_with([' ', '\n']) {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

/// Mark where items, cells or paragraphs meet: one line break, never at the start.
fn push_break(buf: &mut String) {
    if buf.ends_with(' ') {
        buf.pop();
    }
    if !buf.is_empty() && !buf.ends_with('\n') {
        buf.push('\n');
    }
}

fn new_link(link_type: LinkType, dest: &str, range: Range<usize>) -> Link {
    Link {
        target: dest.to_owned(),
        text: String::new(),
        range,
        autolink: matches!(link_type, LinkType::Autolink | LinkType::Email),
        inline: matches!(link_type, LinkType::Inline),
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn alert_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "NOTE",
        BlockQuoteKind::Tip => "TIP",
        BlockQuoteKind::Important => "IMPORTANT",
        BlockQuoteKind::Warning => "WARNING",
        BlockQuoteKind::Caution => "CAUTION",
    }
}

/// The `name="…"` / `id="…"` values of an HTML fragment (`<a name="x"></a>`).
fn html_anchor_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for attr in ["name=", "id="] {
        let mut rest = html;
        while let Some(pos) = rest.find(attr) {
            let before = rest[..pos].chars().last();
            rest = &rest[pos + attr.len()..];
            if before.is_some_and(|c| !c.is_whitespace()) {
                continue;
            }
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(end) = rest[1..].find(quote) {
                let id = &rest[1..1 + end];
                if !id.is_empty() {
                    ids.push(id.to_owned());
                }
            }
        }
    }
    ids
}

/// Digit runs of a text, separators removed; a run glued to a letter (`v2`, `H2O`) is not a number.
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        if !c.is_ascii_digit() || previous.is_some_and(char::is_alphanumeric) {
            previous = Some(c);
            continue;
        }
        let mut digits = String::from(c);
        let mut last = c;
        while let Some(&n) = chars.peek() {
            if n.is_ascii_digit() {
                digits.push(n);
            } else if !matches!(n, '.' | ',' | '\u{a0}' | '\u{202f}') {
                break;
            }
            last = n;
            chars.next();
        }
        // A trailing separator belongs to the sentence ("in 2024."), not the number.
        let glued = chars.peek().is_some_and(|n| n.is_alphabetic()) && last.is_ascii_digit();
        if !glued {
            out.push(digits);
        }
        previous = Some(last);
    }
    out
}

/// The GitHub-style slug of a heading: lowercase, letters, digits, marks, `-` and `_` kept, spaces to
/// `-`. Works for every script (umlauts, Cyrillic, Turkish dotted İ).
pub fn slugify(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() || is_combining_mark(c) => Some(c),
            _ => None,
        })
        .collect()
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Gives repeated slugs the `-1`, `-2` suffixes GitHub and Hugo give them.
#[derive(Default)]
struct SlugCounter {
    seen: std::collections::HashMap<String, usize>,
}

impl SlugCounter {
    fn next(&mut self, slug: &str) -> String {
        let n = self.seen.entry(slug.to_owned()).or_insert(0);
        let out = if *n == 0 { slug.to_owned() } else { format!("{slug}-{n}") };
        *n += 1;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Skeleton {
        Skeleton::parse(text, &LineIndex::new(text))
    }

    #[test]
    fn cuts_a_document_into_typed_blocks_with_lines() {
        let text = "---\ntitle: T\n---\n# <a name=\"intro\"></a>Einführung\n\nText mit [Link](a.md#x) und `code` 1,000.\n\n- eins\n- zwei\n  - drei\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```bash\nls -la\n```\n\n> [!NOTE]\n> Hinweis\n";
        let sk = parse(text);
        let kinds: Vec<_> = sk.blocks.iter().map(|b| (b.kind, b.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, 4),
                (BlockKind::Paragraph, 6),
                (BlockKind::List, 8),
                (BlockKind::Table, 12),
                (BlockKind::Code, 16),
                (BlockKind::Quote, 20),
            ]
        );
        let h = &sk.blocks[0];
        assert_eq!(h.anchor, Some(Anchor { id: "intro".into(), explicit: true }));
        assert_eq!(h.text, "Einführung");
        let p = &sk.blocks[1];
        assert_eq!(p.links[0].target, "a.md#x");
        assert_eq!(p.links[0].text, "Link");
        assert_eq!(&text[p.links[0].range.clone()], "[Link](a.md#x)");
        assert_eq!(p.inline_code[0].text, "code");
        assert_eq!(p.numbers, vec!["1000"]);
        assert_eq!(sk.blocks[2].items, 2);
        assert_eq!((sk.blocks[3].items, sk.blocks[3].columns), (1, 2));
        assert_eq!(sk.blocks[4].code.as_deref(), Some("ls -la\n"));
        assert_eq!(sk.blocks[4].lang.as_deref(), Some("bash"));
        assert_eq!(sk.blocks[5].alert.as_deref(), Some("NOTE"));
        assert!(sk.blocks[1..].iter().all(|b| b.section == Some(0)));
        assert!(sk.anchors.contains("intro") && sk.anchors.contains("einführung"));
        let hugo = parse("## Über uns {#about}\n");
        assert_eq!(hugo.anchors.iter().collect::<Vec<_>>(), ["about"], "an id attribute replaces the slug");
    }

    #[test]
    fn heading_ids_from_attributes_and_slugs() {
        let sk = parse("## Anleitung {#requirements}\n\n## Über uns\n\n## Über uns\n");
        let ids: Vec<_> = sk.headings().map(|(_, b)| b.anchor.clone().map(|a| a.id)).collect();
        assert_eq!(ids, vec![Some("requirements".into()), Some("über-uns".into()), Some("über-uns-1".into())]);
    }

    #[test]
    fn slugs_are_right_for_non_ascii_headings() {
        assert_eq!(slugify("Größe & Gewicht"), "größe--gewicht");
        assert_eq!(slugify("Обучение моделей: PyTorch"), "обучение-моделей-pytorch");
        assert_eq!(slugify("İstanbul ıslak"), "i̇stanbul-ıslak");
        assert_eq!(slugify("Step 1. Install_it"), "step-1-install_it");
    }

    #[test]
    fn numbers_ignore_version_tags_and_keep_values() {
        assert_eq!(numbers("v2 costs 1.000 or 2,5 in H2O and 30%"), vec!["1000", "25", "30"]);
    }
}
