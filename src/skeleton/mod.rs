//! The block skeleton of one Markdown file: its front matter and its top-level blocks (headings,
//! paragraphs, list items, tables, code blocks, quotes, admonitions, HTML and site markup), each with its
//! byte range, lines and the inline facts the checks need (links, images, inline code, numbers, emphasis).
//!
//! Site syntax is recognised in every file: admonition containers of any generator become one
//! [`BlockKind::Admonition`] block, so a `> [!NOTE]` aligns with a `:::note` or a `{{% alert %}}`; lines of
//! markup with no prose (MDX `import`, JSX component tags, Hugo shortcodes, includes, comments) become
//! [`BlockKind::Markup`] blocks named after what they are. `.mdx` files are read as MDX ([`Flavor`]).
//!
//! The skeleton holds facts only; judging them is the checks' job.

mod assemble;
mod builder;
pub mod code;
pub mod frontmatter;
mod inline;
mod prescan;
mod slug;

pub use code::{CommentStyle, Token, inline_code_tokens};
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
    /// One item of a top-level list (nested lists stay inside their item).
    Item,
    /// A table (`items` counts body rows, `columns` its columns).
    Table,
    /// A fenced or indented code block.
    Code,
    /// A block quote.
    Quote,
    /// A callout: `> [!NOTE]`, `:::tip`, `!!! warning`, `/// note`, `{{% alert %}}`, `<Aside>` (`name` says
    /// which kind, lowercase).
    Admonition,
    /// A raw HTML block.
    Html,
    /// Site markup with no prose of its own (`name`: `import`, `comment`, `include`, a component or
    /// shortcode name).
    Markup,
}

impl BlockKind {
    /// A reviewer's word for the kind.
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Item => "list item",
            BlockKind::Table => "table",
            BlockKind::Code => "code block",
            BlockKind::Quote => "quote",
            BlockKind::Admonition => "admonition",
            BlockKind::Html => "HTML block",
            BlockKind::Markup => "markup",
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
    /// The kind of an admonition (`note`, `tip`, …) or the name of a markup block (`import`, `Steps`).
    pub name: Option<String>,
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
    /// Table body rows.
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

/// The Markdown flavour a file is read as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flavor {
    /// MDX (`.mdx` files): `import`/`export` lines and JSX component tags are markup, and a component's
    /// indented children are Markdown, not indented code.
    pub mdx: bool,
}

impl Flavor {
    /// The flavour of a file, by its name.
    pub fn of_path(rel: &str) -> Flavor {
        let lower = rel.rsplit('.').next().map(str::to_ascii_lowercase);
        Flavor { mdx: lower.as_deref() == Some("mdx") }
    }
}

impl Block {
    /// A block of `kind` over `range` with nothing read into it yet.
    pub(crate) fn empty(kind: BlockKind, level: u8, range: Range<usize>, lines: &LineIndex) -> Block {
        Block {
            kind,
            level,
            name: None,
            lang: None,
            line: lines.line(range.start),
            end_line: lines.line(range.end.saturating_sub(1).max(range.start)),
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
            section: None,
        }
    }
}

impl Skeleton {
    /// Parse `text` (with `\n` line ends) as CommonMark with GitHub extensions and site syntax.
    pub fn parse(text: &str, lines: &LineIndex) -> Skeleton {
        Skeleton::parse_as(text, lines, Flavor::default())
    }

    /// Parse `text` as `flavor`.
    pub fn parse_as(text: &str, lines: &LineIndex, flavor: Flavor) -> Skeleton {
        let front_matter = frontmatter::parse(text);
        let body_start = front_matter.body_start;
        let scanned = prescan::scan(text, body_start, flavor);
        let parsed: &str = &scanned.text;
        let mut builder = Builder::new(lines, &scanned.shifts, text.len(), flavor.mdx);
        for (event, range) in Parser::new_ext(&parsed[body_start..], options()).into_offset_iter() {
            builder.event(event, range.start + body_start..range.end + body_start);
        }
        let (blocks, anchors) = builder.finish();
        let blocks = assemble::assemble(blocks, scanned.markers, lines);
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

    fn kinds(sk: &Skeleton) -> Vec<(BlockKind, Option<&str>, usize)> {
        sk.blocks.iter().map(|b| (b.kind, b.name.as_deref(), b.line)).collect()
    }

    #[test]
    fn cuts_a_document_into_typed_blocks_with_lines() {
        let text = "---\ntitle: T\n---\n# <a name=\"intro\"></a>Einführung\n\nText mit [Link](a.md#x) und `code` 1,000.\n\n- eins\n- zwei\n  - drei\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```bash\nls -la\n```\n\n> [!NOTE]\n> Hinweis\n";
        let sk = parse(text);
        assert_eq!(
            kinds(&sk),
            vec![
                (BlockKind::Heading, None, 4),
                (BlockKind::Paragraph, None, 6),
                (BlockKind::Item, None, 8),
                (BlockKind::Item, None, 9),
                (BlockKind::Table, None, 12),
                (BlockKind::Code, None, 16),
                (BlockKind::Admonition, Some("note"), 20),
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
        assert_eq!((sk.blocks[2].text.as_str(), sk.blocks[3].text.as_str()), ("eins", "zwei\ndrei"));
        assert_eq!((sk.blocks[4].items, sk.blocks[4].columns), (1, 2));
        assert_eq!(sk.blocks[5].code.as_deref(), Some("ls -la\n"));
        assert_eq!(sk.blocks[5].lang.as_deref(), Some("bash"));
        assert_eq!(sk.blocks[6].text, "Hinweis");
        assert!(sk.blocks[1..].iter().all(|b| b.section == Some(0)));
        assert!(sk.anchors.contains("intro") && sk.anchors.contains("einführung"));
        let hugo = parse("## Über uns {#about}\n");
        assert_eq!(hugo.anchors.iter().collect::<Vec<_>>(), ["about"], "an id attribute replaces the slug");
    }

    #[test]
    fn text_indented_under_a_wrapper_tag_is_no_code_block() {
        // fastapi/fastapi docs/de/docs/index.md (MIT): a tagline indented inside `<p align="center">`.
        let text = "<p align=\"center\">\n    <em>FastAPI-Framework, hohe Performanz</em>\n</p>\n\nText.\n";
        let sk = parse(text);
        assert_eq!(kinds(&sk).iter().filter(|(k, _, _)| *k == BlockKind::Code).count(), 0, "{:?}", kinds(&sk));
        assert!(
            sk.blocks
                .iter()
                .any(|b| b.kind == BlockKind::Paragraph && b.line == 2 && b.text.contains("hohe Performanz"))
        );
    }

    #[test]
    fn heading_ids_from_attributes_and_slugs() {
        let sk = parse("## Anleitung {#requirements}\n\n## Über uns\n\n## Über uns\n");
        let ids: Vec<_> = sk.headings().map(|(_, b)| b.anchor.clone().map(|a| a.id)).collect();
        assert_eq!(ids, vec![Some("requirements".into()), Some("über-uns".into()), Some("über-uns-1".into())]);
    }

    #[test]
    fn heading_slugs_keep_inline_code_and_a_code_only_heading_is_named_by_its_code() {
        // astro-docs en/reference/routing-reference.mdx:147 and fr/reference/integrations-reference.mdx:942.
        let sk = parse("### Data passing with `props`\n\n### `astro:build:setup`\n");
        assert!(sk.anchors.contains("data-passing-with-props"), "{:?}", sk.anchors);
        assert!(sk.anchors.contains("astrobuildsetup"), "{:?}", sk.anchors);
        assert_eq!(sk.blocks[1].text, "astro:build:setup");
    }

    #[test]
    fn a_stray_empty_heading_is_no_block() {
        let sk = parse("# Title\n\n##\n\nText.\n");
        assert_eq!(kinds(&sk), vec![(BlockKind::Heading, None, 1), (BlockKind::Paragraph, None, 5)]);
    }

    #[test]
    fn admonition_containers_of_every_generator_are_one_block() {
        // wails i18n/ja/…/reference/runtime/window.mdx:199 (Docusaurus).
        let docusaurus = parse(
            ":::info Windows\n\nWindowsの場合、0または255のアルファ値(A) のみがサポートされています。\n\n:::\n\nGo: `WindowSetBackgroundColour`\n",
        );
        assert_eq!(kinds(&docusaurus), vec![(BlockKind::Admonition, Some("info"), 1), (BlockKind::Paragraph, None, 7)]);
        assert!(docusaurus.blocks[0].text.starts_with("Windows\nWindowsの場合"), "{}", docusaurus.blocks[0].text);
        // astro-docs es/reference/errors/invalid-rewrite404.mdx:8 (Starlight, no blank lines).
        let starlight = parse(
            ":::caution[Obsoleto]\nEste error proviene de una versión anterior de Astro. Consulta [Documentación antigua](/es/upgrade-astro/#x).\n:::\n\n> **InvalidRewrite404**: Reescribir un 404.\n",
        );
        assert_eq!(kinds(&starlight), vec![(BlockKind::Admonition, Some("caution"), 1), (BlockKind::Quote, None, 5)]);
        assert_eq!(starlight.blocks[0].links[0].target, "/es/upgrade-astro/#x");
        // fastapi docs/tr/docs/tutorial/extra-models.md:12 (pymdownx blocks).
        let mkdocs = parse(
            "/// danger | Tehlike\n\nKullanıcının düz metin `password`'ünü asla saklamayın.\n\n///\n\n## Birden Çok Model { #multiple-models }\n",
        );
        assert_eq!(kinds(&mkdocs), vec![(BlockKind::Admonition, Some("danger"), 1), (BlockKind::Heading, None, 7)]);
        assert!(mkdocs.blocks[0].text.starts_with("Tehlike\n"));
        let material = parse("!!! note \"Hinweis\"\n\n    Der Text der Notiz mit einem [Link](x.md).\n\nDanach.\n");
        assert_eq!(kinds(&material), vec![(BlockKind::Admonition, Some("note"), 1), (BlockKind::Paragraph, None, 5)]);
        assert_eq!(material.blocks[0].links[0].target, "x.md");
        let hugo = parse("{{% alert title=\"Note\" color=\"info\" %}}\nThe alert text.\n{{% /alert %}}\n");
        assert_eq!(kinds(&hugo), vec![(BlockKind::Admonition, Some("alert"), 1)]);
        assert_eq!(hugo.blocks[0].text, "Note\nThe alert text.");
    }

    #[test]
    fn markup_lines_are_blocks_of_their_own() {
        // cncf/glossary en/container.md:32, fastapi include, comments.
        let text = "Text.\n\n{{% sign-language-section meUtsFU7ndo %}}\n\n{* ../../docs_src/app/main.py hl[21:23] *}\n\n<!-- a comment\nover lines -->\n\nMore.\n";
        assert_eq!(
            kinds(&parse(text)),
            vec![
                (BlockKind::Paragraph, None, 1),
                (BlockKind::Markup, Some("sign-language-section"), 3),
                (BlockKind::Markup, Some("include"), 5),
                (BlockKind::Markup, Some("comment"), 7),
                (BlockKind::Paragraph, None, 10),
            ]
        );
    }

    #[test]
    fn mdx_imports_components_and_indented_children() {
        // astro-docs it/develop-and-build.mdx:6 and a Steps list indented under its component.
        let text = "import { Tabs, TabItem, Steps } from '@astrojs/starlight/components';\n\n# Titel\n\n<DontEditWarning />\n\n<Steps>\n    1. Erster Schritt mit `code`.\n\n    2. Zweiter Schritt.\n</Steps>\n";
        let sk = Skeleton::parse_as(text, &LineIndex::new(text), Flavor { mdx: true });
        assert_eq!(
            kinds(&sk),
            vec![
                (BlockKind::Markup, Some("import"), 1),
                (BlockKind::Heading, None, 3),
                (BlockKind::Markup, Some("DontEditWarning"), 5),
                (BlockKind::Markup, Some("Steps"), 7),
                (BlockKind::Item, None, 8),
                (BlockKind::Item, None, 10),
                (BlockKind::Markup, Some("/Steps"), 11),
            ]
        );
        let first = &sk.blocks[4];
        assert_eq!(&text[first.inline_code[0].range.clone()], "`code`", "ranges map back to the file");
        // The same text as plain Markdown keeps CommonMark's reading: an indented code block.
        let plain = parse(text);
        assert!(plain.blocks.iter().any(|b| b.kind == BlockKind::Code));
    }

    #[test]
    fn numbers_ignore_version_tags_and_keep_values() {
        assert_eq!(numbers("v2 costs 1.000 or 2,5 in H2O and 30%"), vec!["1000", "25", "30"]);
    }
}
