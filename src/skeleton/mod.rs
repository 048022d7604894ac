//! The block skeleton of one Markdown file: its front matter and its top-level blocks (headings,
//! paragraphs, lists, tables, code blocks, quotes and alerts, HTML), each with its byte range, lines and
//! the inline facts the checks need (links, images, inline code, numbers, emphasis).
//!
//! The skeleton holds facts only; judging them is the checks' job.

mod builder;
pub mod code;
pub mod frontmatter;
mod inline;
mod slug;

pub use code::CommentStyle;
pub use frontmatter::FrontMatter;
pub use slug::slugify;

use crate::text::LineIndex;
use builder::{Builder, options};
use pulldown_cmark::Parser;
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

#[cfg(test)]
mod tests {
    use super::inline::numbers;
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
