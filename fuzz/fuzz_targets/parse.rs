//! Fuzz target (a): arbitrary bytes → decoding → front matter → line index → skeleton. Nothing may panic
//! or hang, and every byte range the skeleton reports must lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use synoptic::skeleton::Skeleton;
use synoptic::text::{self, LineIndex};

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = text::decode(data) else { return };
    let lines = LineIndex::new(&text);
    let skeleton = Skeleton::parse(&text, &lines);
    for block in &skeleton.blocks {
        assert!(text.get(block.range.clone()).is_some(), "block range outside the text");
        for link in block.links.iter().chain(&block.images) {
            assert!(text.get(link.range.clone()).is_some(), "link range outside the text");
        }
        let (line, _) = lines.line_col(&text, block.range.start);
        assert!(line <= lines.len());
    }
    let _ = synoptic::skeleton::frontmatter::compare(&[&skeleton.front_matter]);
});
