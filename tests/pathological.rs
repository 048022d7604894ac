//! Pathological Markdown through the whole chain (decode → skeleton → grouping → alignment → every check),
//! in memory: nesting 10,000 deep, a 100,000-item list, a 1 MB line, thousands of unclosed `**` and `[`.
//! Each must come out with the exact skeleton and findings below, never a panic; none is quadratic (the
//! fuzz targets in `fuzz/` run the same chain on arbitrary bytes).

use std::path::Path;
use synoptic::corpus::{Corpus, LoadOptions};
use synoptic::review::Review;
use synoptic::skeleton::{BlockKind, Skeleton};
use synoptic::text::LineIndex;

fn skeleton(text: &str) -> Skeleton {
    Skeleton::parse(text, &LineIndex::new(text))
}

/// One document in English and German, reviewed with the defaults.
fn review(en: &str, de: &str) -> Review {
    let files =
        vec![("en/doc.md".to_owned(), en.as_bytes().to_vec()), ("de/doc.md".to_owned(), de.as_bytes().to_vec())];
    let corpus = Corpus::from_memory(Path::new("/mem"), files, &LoadOptions::default());
    Review::from_corpus(corpus, None, &Default::default(), &Default::default())
}

/// (id, locale, line) of every finding.
fn found(r: &Review) -> Vec<(&str, &str, usize)> {
    r.findings.iter().map(|f| (f.id.as_str(), f.locale.as_str(), f.line)).collect()
}

/// (kind, items, text length) of every block.
fn shape(s: &Skeleton) -> Vec<(BlockKind, usize, usize)> {
    s.blocks.iter().map(|b| (b.kind, b.items, b.text.len())).collect()
}

#[test]
fn block_quotes_nested_ten_thousand_deep() {
    let deep = format!("# Title\n\n{}deep text\n", "> ".repeat(10_000));
    assert_eq!(shape(&skeleton(&deep)), vec![(BlockKind::Heading, 0, 5), (BlockKind::Quote, 0, 9)]);
    let r = review(&deep, &format!("# Titel\n\n{}tiefer Text\n", "> ".repeat(10_000)));
    assert_eq!(found(&r), vec![]);
}

#[test]
fn lists_nested_ten_thousand_deep() {
    let bullets = format!("# Title\n\n{}deep item\n", "- ".repeat(10_000));
    let ordered = format!("# Title\n\n{}deep item\n", "1. ".repeat(10_000));
    // One top-level list of one item; the nesting inside it is content.
    assert_eq!(shape(&skeleton(&bullets)), vec![(BlockKind::Heading, 0, 5), (BlockKind::Item, 0, 9)]);
    assert_eq!(shape(&skeleton(&ordered)), vec![(BlockKind::Heading, 0, 5), (BlockKind::Item, 0, 9)]);
    let r = review(&bullets, &ordered.replace("Title", "Titel").replace("deep item", "tiefer Punkt"));
    assert_eq!(found(&r), vec![]);
}

#[test]
fn a_list_of_one_hundred_thousand_items() {
    let list = |word: &str, n: usize| (0..n).map(|i| format!("- {word} {i}\n")).collect::<String>();
    let en = format!("# Title\n\n{}", list("item", 100_000));
    let s = skeleton(&en);
    assert_eq!((s.blocks.len(), s.blocks[100_000].kind), (100_001, BlockKind::Item), "one block per item");
    let r = review(&en, &format!("# Titel\n\n{}", list("Punkt", 99_999)));
    assert_eq!(found(&r), vec![("structure.missing", "de", 100_001)]);
    assert_eq!(r.findings[0].message, "list item 'item 99999' of en is missing here (en/doc.md line 100002)");
}

#[test]
fn a_one_megabyte_line() {
    let line = "word [link](#top) `code` **strong** ".repeat(25_000);
    let en = format!("# Title {{#top}}\n\n{line}\n");
    assert!(en.len() > 900_000);
    let s = skeleton(&en);
    assert_eq!(s.blocks.iter().map(|b| b.kind).collect::<Vec<_>>(), vec![BlockKind::Heading, BlockKind::Paragraph]);
    assert_eq!(
        (s.blocks[1].links.len(), s.blocks[1].inline_code.len(), s.blocks[1].emphasis),
        (25_000, 25_000, 25_000)
    );
    let same = format!("# Titel {{#top}}\n\n{}\n", "Wort [Verweis](#top) `code` **stark** ".repeat(25_000));
    assert_eq!(found(&review(&en, &same)), vec![]);
    let fewer_links = same.replacen("[Verweis](#top)", "Verweis", 1);
    assert_eq!(found(&review(&en, &fewer_links)), vec![("structure.count", "de", 3)]);
}

#[test]
fn thousands_of_unclosed_strong_and_brackets() {
    let stars = format!("# Title\n\n{}\n", "**open ".repeat(50_000));
    let brackets = format!("# Title\n\n{}\n", "[".repeat(100_000));
    let links = format!("# Title\n\n{}\n", "[a](".repeat(30_000));
    let images = format!("# Title\n\n{}\n", "![".repeat(30_000));
    let para = |t: &str| {
        let s = skeleton(t);
        assert_eq!(s.blocks.len(), 2);
        (s.blocks[1].kind, s.blocks[1].links.len(), s.blocks[1].unclosed_strong)
    };
    // The first literal `**` is where the unclosed strong emphasis starts (offset 9, after the heading).
    assert_eq!(para(&stars), (BlockKind::Paragraph, 0, Some(9)));
    assert_eq!(para(&brackets), (BlockKind::Paragraph, 0, None));
    assert_eq!(para(&links), (BlockKind::Paragraph, 0, None));
    assert_eq!(para(&images), (BlockKind::Paragraph, 0, None));
    assert_eq!(found(&review(&stars, &links)), vec![("link.malformed", "en", 3)]);
}

#[test]
fn twenty_thousand_distinct_missing_link_targets() {
    // Each target once per locale: told once, as the shared finding, however many there are (matching
    // each link to its missing target was a scan of all of them, quadratic on such a file).
    let links = |word: &str| (0..20_000).map(|i| format!("{word} [{i}](page-{i}.md)\n\n")).collect::<String>();
    let r = review(&format!("# Title\n\n{}", links("See")), &format!("# Titel\n\n{}", links("Siehe")));
    assert_eq!(found(&r), vec![("link.missing-file", "*", 3)]);
    assert_eq!(
        r.findings[0].message,
        "20000 relative link target(s) are missing in every locale that links them — probably outside the opened folder: page-0.md, page-1.md, page-10.md, …"
    );
}
