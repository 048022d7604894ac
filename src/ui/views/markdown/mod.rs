//! Rendering one block's Markdown as egui widgets: headings, emphasis, links, inline code, code blocks,
//! lists, tables, quotes and alerts. HTML is shown as plain text, never executed; images are named, not
//! loaded. A block is turned into [`Piece`]s once (cached by the panes) and the pieces are drawn each frame.

mod changes;
mod draw;
mod refs;

pub use changes::mark_changes;
pub use draw::{PaneStyle, pieces_ui, raw_ui};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
pub use refs::RefDefs;
use std::ops::Range;

/// A run of inline text with one style.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Bold.
    pub strong: bool,
    /// Italic.
    pub emphasis: bool,
    /// Struck through.
    pub strike: bool,
    /// Inline code.
    pub code: bool,
    /// The link target, for link text.
    pub link: Option<String>,
    /// Flagged by a finding (a changed link target or code).
    pub marked: bool,
    /// Not in the earlier pane of the same language.
    pub changed: bool,
    /// Highlighted on top of the rendering: a find match, or the selected finding's term.
    pub highlight: Highlight,
}

/// What a run is highlighted as (see `views::highlight`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Highlight {
    /// Not highlighted.
    #[default]
    None,
    /// A match of the find bar's text.
    Found,
    /// The term or span the selected finding is about.
    Flagged,
}

/// A drawable part of a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A line of inline runs: a paragraph, heading (level 1–6) or list item (with its marker and depth).
    Text {
        /// The runs.
        runs: Vec<Run>,
        /// Heading level, 0 for body text.
        heading: u8,
        /// List marker and nesting depth.
        item: Option<(String, usize)>,
    },
    /// A code block; `marked` when a finding points into it.
    Code {
        /// The code.
        text: String,
        /// Flagged by a finding.
        marked: bool,
        /// Byte ranges not in the earlier pane of the same language.
        changed: Vec<Range<usize>>,
    },
    /// A table: rows of cells of runs (the first row is the header).
    Table(Vec<Vec<Vec<Run>>>),
    /// Raw HTML, shown as text.
    Html(String),
    /// The name of a GitHub alert (`NOTE`, `WARNING`, …).
    Alert(String),
}

#[derive(Default)]
struct Builder {
    pieces: Vec<Piece>,
    runs: Vec<Run>,
    strong: usize,
    emphasis: usize,
    strike: usize,
    links: Vec<(String, Range<usize>)>,
    heading: u8,
    lists: Vec<Option<u64>>,
    item: Option<(String, usize)>,
    code: Option<(String, Range<usize>)>,
    table: Option<Vec<Vec<Vec<Run>>>>,
    in_cell: bool,
}

/// Turn a block's Markdown (`source`, found at byte `base` of its file) into pieces; `marks` are file
/// byte offsets that findings point at; `refs` are the file's link reference definitions.
pub fn pieces(source: &str, base: usize, marks: &[usize], refs: &RefDefs) -> Vec<Piece> {
    let marked =
        |r: &Range<usize>| marks.iter().any(|m| (r.start + base..(r.end + base).max(r.start + base + 1)).contains(m));
    let mut b = Builder::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM;
    let resolve = |link: pulldown_cmark::BrokenLink<'_>| {
        refs.get(&link.reference)
            .map(|url| (pulldown_cmark::CowStr::from(url.to_owned()), pulldown_cmark::CowStr::from("")))
    };
    let parser = Parser::new_with_broken_link_callback(source, options, (!refs.is_empty()).then_some(resolve));
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(tag) => b.start(tag, range),
            Event::End(tag) => b.end(tag, &marked),
            Event::Text(t) => {
                if let Some((code, _)) = b.code.as_mut() {
                    code.push_str(&t);
                } else {
                    b.push(&t, false, false);
                }
            }
            Event::Code(c) => {
                let m = marked(&range);
                b.push(&c, true, m);
            }
            Event::InlineHtml(h) if b.in_cell => b.cell_html(&h),
            Event::Html(h) | Event::InlineHtml(h) => {
                if b.code.is_none() && !is_anchor_tag(&h) {
                    b.flush();
                    b.pieces.push(Piece::Html(h.trim_end().to_owned()));
                }
            }
            Event::SoftBreak | Event::HardBreak => b.push(" ", false, false),
            Event::TaskListMarker(done) => b.push(if done { "[x] " } else { "[ ] " }, false, false),
            Event::FootnoteReference(n) => b.push(&format!("[{n}]"), false, false),
            Event::Rule | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }
    b.flush();
    b.pieces
}

/// The text pieces show, in logical order (what **Copy block** copies): lines of text and code, list
/// markers, table cells separated by tabs.
pub fn plain_text(pieces: &[Piece]) -> String {
    let runs = |runs: &[Run]| runs.iter().map(|r| r.text.as_str()).collect::<String>();
    let lines: Vec<String> = pieces
        .iter()
        .map(|p| match p {
            Piece::Text { runs: r, item, .. } => {
                let marker = item.as_ref().map_or(String::new(), |(m, d)| format!("{}{m}", "  ".repeat(*d)));
                format!("{marker}{}", runs(r))
            }
            Piece::Code { text, .. } => text.clone(),
            Piece::Table(rows) => rows
                .iter()
                .map(|row| row.iter().map(|c| runs(c)).collect::<Vec<_>>().join("\t"))
                .collect::<Vec<_>>()
                .join("\n"),
            Piece::Html(html) => html.clone(),
            Piece::Alert(name) => name.clone(),
        })
        .collect();
    lines.join("\n")
}

/// The body of a site admonition (`:::tip` … `:::`, `!!! warning "Title"` and its indented body,
/// `/// note` … `///`, `{{% alert %}}` … `{{% /alert %}}`, `<Aside>` … `</Aside>`): its opening and
/// closing lines left out and an indented body dedented, so it renders as Markdown. A GFM alert
/// (`> [!NOTE]`) is Markdown already and comes back as it is.
pub fn admonition_body(source: &str) -> String {
    if source.trim_start().starts_with('>') {
        return source.to_owned();
    }
    let mut lines: Vec<&str> = source.lines().collect();
    if !lines.is_empty() {
        lines.remove(0);
    }
    let closes = |l: &str| {
        let t = l.trim();
        matches!(t.trim_end_matches(':'), "" | "///")
            || t.chars().all(|c| c == ':') && !t.is_empty()
            || t.starts_with("</")
            || t.starts_with("{{%") && t.contains("/")
            || t.starts_with("{{<") && t.contains("/")
    };
    while lines.last().is_some_and(|l| closes(l)) {
        lines.pop();
    }
    let indent =
        lines.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines.iter().map(|l| l.get(indent..).unwrap_or(l.trim_start())).collect::<Vec<_>>().join("\n")
}

/// The most bytes of one block drawn in a pane: a block of megabytes (a dump in a code block, a 1 MB
/// line) would take seconds to lay out every time it scrolls into view.
pub const MAX_SHOWN_BYTES: usize = 64 * 1024;

/// The part of a block's source drawn, cut at a line end (or a character boundary) at most
/// [`MAX_SHOWN_BYTES`] in, and how many bytes are left out.
pub fn shown(source: &str) -> (&str, usize) {
    if source.len() <= MAX_SHOWN_BYTES {
        return (source, 0);
    }
    let mut cut = MAX_SHOWN_BYTES;
    while !source.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = source[..cut].rfind('\n').map_or(cut, |i| i + 1);
    (&source[..cut], source.len() - cut)
}

/// The URL a link may open in the browser: only `http` and `https` with a host, and nothing that could
/// smuggle another target in (white space or control characters). Every other scheme (`javascript:`,
/// `file:`, `data:`, `mailto:`) and protocol-relative `//host` targets are refused.
pub fn web_link(target: &str) -> Option<&str> {
    let (scheme, rest) = target.split_once("://")?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let clean = !target.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && !host.is_empty() && clean).then_some(target)
}

/// A cell's runs without line feeds at its start and end.
fn trim_line_feeds(mut runs: Vec<Run>) -> Vec<Run> {
    while runs.first().is_some_and(|r| r.text.trim_matches('\n').is_empty() && r.text.contains('\n')) {
        runs.remove(0);
    }
    while runs.last().is_some_and(|r| r.text.trim_matches('\n').is_empty() && r.text.contains('\n')) {
        runs.pop();
    }
    runs
}

/// `<a name="…"></a>` anchors carry no text: they are not shown.
fn is_anchor_tag(html: &str) -> bool {
    let h = html.trim().to_ascii_lowercase();
    h == "</a>" || (h.starts_with("<a ") && (h.contains("name=") || h.contains("id=")) && !h.contains("href"))
}

impl Builder {
    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = level as u8;
            }
            Tag::Paragraph if self.item.is_none() => self.flush(),
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "• ".to_owned(),
                };
                self.item = Some((marker, depth));
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some((String::new(), range));
            }
            Tag::BlockQuote(Some(kind)) => {
                self.flush();
                self.pieces.push(Piece::Alert(format!("{kind:?}").to_uppercase()));
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Vec::new());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.push(Vec::new());
                }
            }
            Tag::TableCell => {
                self.runs.clear();
                self.in_cell = true;
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => self.links.push((dest_url.to_string(), range)),
            Tag::Image { dest_url, .. } => {
                self.push(&format!("[image: {dest_url}] "), false, false);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, marked: &impl Fn(&Range<usize>) -> bool) {
        match tag {
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = 0;
            }
            TagEnd::Paragraph if self.item.is_none() => self.flush(),
            TagEnd::Item => {
                self.flush();
                self.item = None;
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::CodeBlock => {
                if let Some((text, range)) = self.code.take() {
                    let m = marked(&range);
                    self.pieces.push(Piece::Code { text: text.trim_end().to_owned(), marked: m, changed: Vec::new() });
                }
            }
            TagEnd::TableCell => {
                self.in_cell = false;
                let cell = trim_line_feeds(std::mem::take(&mut self.runs));
                if let Some(row) = self.table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.pieces.push(Piece::Table(t));
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => {
                if let Some((target, range)) = self.links.pop()
                    && marked(&(range.start..range.start + 1))
                {
                    for run in self.runs.iter_mut().rev().take_while(|r| r.link.as_deref() == Some(target.as_str())) {
                        run.marked = true;
                    }
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, text: &str, code: bool, marked: bool) {
        self.runs.push(Run {
            text: text.to_owned(),
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            strike: self.strike > 0,
            code,
            link: self.links.last().map(|(t, _)| t.clone()),
            marked,
            changed: false,
            highlight: Highlight::None,
        });
    }

    /// Inline HTML in a table cell (the only way to put a list or a line break in a GFM cell): line
    /// breaks, paragraphs and list items start new lines, list items with a bullet; other tags are shown
    /// as the text they are. Nothing is executed.
    fn cell_html(&mut self, html: &str) {
        let tag = html.trim().trim_start_matches('<').trim_end_matches('>').trim_end_matches('/').trim();
        let name = tag.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
        let line_feed = |b: &mut Builder, then: &str| {
            let ends_line = b.runs.last().is_none_or(|r| r.text.ends_with('\n'));
            if !ends_line {
                b.push("\n", false, false);
            }
            if !then.is_empty() {
                b.push(then, false, false);
            }
        };
        match name.as_str() {
            "br" | "p" | "/p" | "ul" | "/ul" | "ol" | "/ol" | "/li" | "div" | "/div" => line_feed(self, ""),
            "li" => line_feed(self, "• "),
            _ => self.push(html, false, false),
        }
    }

    fn flush(&mut self) {
        if self.table.is_some() || self.runs.is_empty() {
            return;
        }
        let runs = std::mem::take(&mut self.runs);
        self.pieces.push(Piece::Text { runs, heading: self.heading, item: self.item.clone() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_with_a_host_open_the_browser() {
        for url in ["https://example.com/docs?q=1#top", "http://localhost:8080", "HTTPS://Example.com"] {
            assert_eq!(web_link(url), Some(url));
        }
        for refused in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "mailto:someone@example.com",
            "ftp://example.com/file",
            "//example.com/protocol-relative",
            "https://",
            "https:///path-without-host",
            " https://example.com",
            "https://example.com/\nfile:///etc/passwd",
            "https://exa mple.com",
            "install.md",
            "../../etc/passwd",
        ] {
            assert_eq!(web_link(refused), None, "{refused}");
        }
    }

    #[test]
    fn deep_lists_are_indented_at_most_eight_levels() {
        assert_eq!(
            (draw::indent(0), draw::indent(3), draw::indent(8), draw::indent(10_000)),
            (0.0, 42.0, 112.0, 112.0)
        );
        let deep = pieces(&format!("{}deep", "- ".repeat(10_000)), 0, &[], &RefDefs::default());
        assert_eq!(deep.len(), 1);
        assert!(matches!(&deep[0], Piece::Text { item: Some((_, 9_999)), .. }), "{deep:?}");
    }

    #[test]
    fn huge_blocks_are_cut_at_a_line_end_within_the_limit() {
        assert_eq!(shown("short"), ("short", 0));
        let lines = "a line of code\n".repeat(10_000);
        let (part, hidden) = shown(&lines);
        assert!(part.len() <= MAX_SHOWN_BYTES && part.ends_with('\n') && part.len() > MAX_SHOWN_BYTES - 16);
        assert_eq!(part.len() + hidden, lines.len());
        let one_line = "ü".repeat(MAX_SHOWN_BYTES);
        let (part, hidden) = shown(&one_line);
        assert_eq!((part.len(), hidden), (MAX_SHOWN_BYTES, MAX_SHOWN_BYTES));
    }

    #[test]
    fn html_is_text_and_images_are_named_never_loaded() {
        let source = "<script>fetch('https://evil.example')</script>\n\n<img src=\"https://evil.example/pixel.png\">\n";
        let p = pieces(source, 0, &[], &RefDefs::default());
        assert_eq!(
            p,
            vec![
                Piece::Html("<script>fetch('https://evil.example')</script>".to_owned()),
                Piece::Html("<img src=\"https://evil.example/pixel.png\">".to_owned()),
            ]
        );
        let images = pieces(
            "See ![diagram](../../outside/secret.png) and ![remote](https://evil.example/x.png).",
            0,
            &[],
            &RefDefs::default(),
        );
        assert_eq!(
            texts(&images),
            vec!["See [image: ../../outside/secret.png] diagram and [image: https://evil.example/x.png] remote."]
        );
    }

    fn texts(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text { runs, heading, item } => {
                    let t: String = runs.iter().map(|r| r.text.as_str()).collect();
                    format!(
                        "{}{}{t}",
                        "#".repeat(*heading as usize),
                        item.as_ref().map_or(String::new(), |(m, d)| format!("{}{m}", " ".repeat(*d)))
                    )
                }
                Piece::Code { text, .. } => format!("```{text}"),
                Piece::Table(rows) => format!("table {}x{}", rows.len(), rows.first().map_or(0, Vec::len)),
                Piece::Html(h) => format!("html {h}"),
                Piece::Alert(a) => format!("alert {a}"),
            })
            .collect()
    }

    #[test]
    fn renders_the_kinds_of_blocks_reviewers_meet() {
        assert_eq!(texts(&pieces("## <a name=\"x\"></a>Title", 0, &[], &RefDefs::default())), vec!["##Title"]);
        assert_eq!(
            texts(&pieces("- one\n- two\n  - three\n", 0, &[], &RefDefs::default())),
            vec!["• one", "• two", " • three"]
        );
        assert_eq!(texts(&pieces("| a | b |\n|---|---|\n| 1 | 2 |\n", 0, &[], &RefDefs::default())), vec!["table 2x2"]);
        assert_eq!(
            texts(&pieces("> [!NOTE]\n> Careful.\n", 0, &[], &RefDefs::default())),
            vec!["alert NOTE", "Careful."]
        );
        assert_eq!(
            texts(&pieces("<script>alert(1)</script>\n", 0, &[], &RefDefs::default())),
            vec!["html <script>alert(1)</script>"]
        );
    }

    #[test]
    fn admonition_bodies_render_without_their_fences() {
        assert_eq!(admonition_body(":::tip Title\nUse **this**.\n:::"), "Use **this**.");
        assert_eq!(admonition_body("!!! warning \"Careful\"\n    Do not.\n\n    - one\n"), "Do not.\n\n- one");
        assert_eq!(admonition_body("{{% alert title=\"Note\" %}}\nText.\n{{% /alert %}}"), "Text.");
        assert_eq!(admonition_body("<Aside type=\"tip\">\nText.\n</Aside>"), "Text.");
        assert_eq!(admonition_body("/// note | Title\nText.\n///"), "Text.");
        assert_eq!(admonition_body("> [!NOTE]\n> Careful."), "> [!NOTE]\n> Careful.");
    }

    #[test]
    fn marks_the_link_a_finding_points_at() {
        let p = pieces("See [a](x.md) and [b](y.md).", 100, &[118], &RefDefs::default());
        let Piece::Text { runs, .. } = &p[0] else { panic!("text") };
        let marked: Vec<(&str, bool)> =
            runs.iter().filter(|r| r.link.is_some()).map(|r| (r.text.as_str(), r.marked)).collect();
        assert_eq!(marked, vec![("a", false), ("b", true)]);
    }
}
