//! Cutting pulldown-cmark's events into top-level blocks.

use super::inline::{count_broken_links, html_anchor_ids, numbers, push_break, push_collapsed};
use super::slug::{SlugCounter, slug_variants, slugify};
use super::{Anchor, Block, BlockKind, Link, Span};
use crate::text::LineIndex;
use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Tag, TagEnd};
use std::collections::BTreeSet;
use std::ops::Range;

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// Walks the parser events and cuts them into top-level blocks; a top-level list is cut into its items.
pub(super) struct Builder<'a> {
    lines: &'a LineIndex,
    /// Per line, how far the pre-scan moved its content left (see `prescan`).
    shifts: &'a [u32],
    text_len: usize,
    depth: usize,
    /// Inside a top-level list (its items are the blocks).
    in_list: bool,
    current: Option<Block>,
    /// The text of the current heading as rendered, inline code included (what slugs are made from).
    heading_text: String,
    open_links: Vec<(Link, bool)>,
    in_table_head: bool,
    blocks: Vec<Block>,
    anchors: BTreeSet<String>,
    slugs: SlugCounter,
    star_end: Option<usize>,
    id_attribute: bool,
    /// MDX has no indented code: an indented block is Markdown text.
    mdx: bool,
}

impl<'a> Builder<'a> {
    pub(super) fn new(lines: &'a LineIndex, shifts: &'a [u32], text_len: usize, mdx: bool) -> Self {
        Builder {
            lines,
            shifts,
            text_len,
            depth: 0,
            in_list: false,
            current: None,
            heading_text: String::new(),
            open_links: Vec::new(),
            in_table_head: false,
            blocks: Vec::new(),
            anchors: BTreeSet::new(),
            slugs: SlugCounter::default(),
            star_end: None,
            id_attribute: false,
            mdx,
        }
    }

    /// An offset of the parsed text as an offset of the original text (they differ only on lines the
    /// pre-scan dedented).
    fn original(&self, offset: usize) -> usize {
        if self.shifts.is_empty() {
            return offset;
        }
        let line = self.lines.line(offset);
        let shift = self.shifts.get(line - 1).copied().unwrap_or(0) as usize;
        if shift == 0 {
            return offset;
        }
        let end = self.lines.start_of(line + 1, self.text_len + 1).saturating_sub(1).min(self.text_len);
        (offset + shift).min(end)
    }

    pub(super) fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        let range = self.original(range.start)..self.original(range.end);
        match event {
            Event::Start(tag) => {
                self.start(&tag, &range);
                self.depth += 1;
                self.start_inline(tag, range);
            }
            Event::End(tag) => {
                self.depth = self.depth.saturating_sub(1);
                self.end_inline(tag);
                self.end(tag);
            }
            Event::Text(t) => {
                self.note_literal_stars(&t, &range);
                self.push_text(&t);
                if self.in_heading() {
                    self.heading_text.push_str(&t);
                }
            }
            Event::Code(code) => {
                self.push_text(" ");
                if self.in_heading() {
                    self.heading_text.push_str(&code);
                }
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

    fn in_heading(&self) -> bool {
        self.current.as_ref().is_some_and(|b| b.kind == BlockKind::Heading)
    }

    /// A block opens at the top level, or at an item of a top-level list.
    fn start(&mut self, tag: &Tag<'_>, range: &Range<usize>) {
        match (self.depth, tag) {
            (0, Tag::List(_)) => self.in_list = true,
            (0, _) => self.open_block(tag, range.clone()),
            (1, Tag::Item) if self.in_list => self.open_block(tag, range.clone()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match (self.depth, tag) {
            (0, TagEnd::List(_)) => self.in_list = false,
            (0, _) | (1, TagEnd::Item) => self.close_block(),
            _ => {}
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
            Tag::Item => (BlockKind::Item, 0),
            Tag::Table(_) => (BlockKind::Table, 0),
            Tag::CodeBlock(CodeBlockKind::Indented) if self.mdx => (BlockKind::Paragraph, 0),
            Tag::CodeBlock(_) => (BlockKind::Code, 0),
            Tag::BlockQuote(_) => (BlockKind::Quote, 0),
            Tag::HtmlBlock => (BlockKind::Html, 0),
            _ => (BlockKind::Paragraph, 0),
        };
        self.heading_text.clear();
        self.current = Some(Block::empty(kind, level, range, self.lines));
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
            Tag::TableHead => self.in_table_head = true,
            Tag::TableRow if !self.in_table_head => block.items += 1,
            Tag::TableCell if self.in_table_head => {
                block.columns += 1;
                push_break(&mut block.text);
            }
            Tag::TableCell | Tag::TableRow => push_break(&mut block.text),
            Tag::CodeBlock(CodeBlockKind::Indented) if self.mdx => {}
            Tag::CodeBlock(kind) => {
                block.code = Some(String::new());
                if let CodeBlockKind::Fenced(info) = kind {
                    let lang = info.split_whitespace().next().unwrap_or_default();
                    block.lang = (!lang.is_empty()).then(|| lang.to_owned());
                }
            }
            Tag::BlockQuote(Some(kind)) if depth == 1 => {
                block.kind = BlockKind::Admonition;
                block.name = Some(alert_name(kind).to_owned());
            }
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
            let id_attribute = std::mem::take(&mut self.id_attribute);
            if self.heading_text.trim().is_empty() && block.anchor.is_none() {
                return; // a stray `#` line: no section, no id
            }
            self.name_heading(&mut block, id_attribute);
        }
        let empty =
            block.text.is_empty() && block.links.is_empty() && block.inline_code.is_empty() && block.images.is_empty();
        if block.kind == BlockKind::Paragraph && empty {
            return; // e.g. a paragraph holding only an `<a name>` anchor
        }
        self.blocks.push(block);
    }

    /// A heading's ids: an explicit one (`{#id}`, `<a name>`), and the slugs generators make of its text —
    /// GitHub's, Hugo's and Docusaurus's (inline code text kept), and Python-Markdown's (ASCII only).
    fn name_heading(&mut self, block: &mut Block, id_attribute: bool) {
        let rendered = std::mem::take(&mut self.heading_text);
        let slug = self.slugs.next(&slugify(&rendered));
        // A `{#id}` attribute replaces the text's slug (Hugo, Pandoc); an `<a name>` inside the heading adds
        // to it (GitHub and Microsoft Docs keep both).
        if !id_attribute {
            for variant in slug_variants(&rendered, &block.text) {
                self.anchors.insert(variant);
            }
            self.anchors.insert(slug.clone());
        }
        match &block.anchor {
            Some(a) => {
                self.anchors.insert(a.id.clone());
            }
            None => block.anchor = Some(Anchor { id: slug, explicit: false }),
        }
        if block.text.is_empty() {
            // A heading of inline code only (`` ### `build()` ``) is named by its code.
            block.text = rendered.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }

    pub(super) fn finish(mut self) -> (Vec<Block>, BTreeSet<String>) {
        self.close_block();
        (self.blocks, self.anchors)
    }
}

pub(super) fn new_link(link_type: LinkType, dest: &str, range: Range<usize>) -> Link {
    Link {
        target: dest.to_owned(),
        text: String::new(),
        range,
        autolink: matches!(link_type, LinkType::Autolink | LinkType::Email),
        inline: matches!(link_type, LinkType::Inline),
    }
}

pub(super) fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

pub(super) fn alert_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "NOTE",
        BlockQuoteKind::Tip => "TIP",
        BlockQuoteKind::Important => "IMPORTANT",
        BlockQuoteKind::Warning => "WARNING",
        BlockQuoteKind::Caution => "CAUTION",
    }
}
