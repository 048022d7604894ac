//! The bidi reordering of rows, without egui: atom widths are their character counts.

use super::analysis::{Base, Direction, Paragraph, SpanText, analyse};
use super::lines::{Line, lay_out};

fn para(spans: &[(&str, bool)], base: Base) -> Paragraph {
    let spans: Vec<SpanText<'_>> = spans.iter().map(|&(text, isolate)| SpanText { text, isolate }).collect();
    let mut p = analyse(&spans, base);
    assert_eq!(p.len(), 1);
    p.remove(0)
}

fn widths(p: &Paragraph) -> Vec<f32> {
    p.atoms.iter().map(|a| a.shown.chars().count() as f32).collect()
}

/// Each line as the atoms' shown text left to right, spaces included.
fn visual(p: &Paragraph, width: f32) -> Vec<String> {
    lay_out(p, &widths(p), width).iter().map(|l| shown(p, l)).collect()
}

fn shown(p: &Paragraph, line: &Line) -> String {
    line.placed.iter().map(|&(k, _)| p.atoms[k].shown.as_str()).collect()
}

const RTL: Base = Base::Fixed(Direction::Rtl);
const LTR: Base = Base::Fixed(Direction::Ltr);

#[test]
fn an_arabic_sentence_with_latin_words_and_numbers_reads_right_to_left() {
    let p = para(&[("مرحبا بالعالم، هذا اختبار 123 للنص و English words هنا.", false)], RTL);
    assert_eq!(p.direction, Direction::Rtl);
    let words: Vec<&str> = lay_out(&p, &widths(&p), 1000.0)[0]
        .placed
        .iter()
        .map(|&(k, _)| p.atoms[k].shown.as_str())
        .filter(|w| !w.trim().is_empty())
        .collect();
    assert_eq!(words, [".", "هنا", "English", "words", "و", "للنص", "123", "اختبار", "هذا", "،", "بالعالم", "مرحبا"]);
}

#[test]
fn a_right_to_left_paragraph_is_right_aligned() {
    let p = para(&[("שלום עולם", false)], RTL);
    let lines = lay_out(&p, &widths(&p), 20.0);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].width, 9.0);
    assert_eq!(lines[0].placed.first().map(|&(_, x)| x), Some(11.0), "starts 20 - 9 from the left");
    assert_eq!(shown(&p, &lines[0]), "עולם שלום");
}

#[test]
fn brackets_are_mirrored_and_numbers_keep_their_order_in_hebrew() {
    let p = para(&[("שלום (בדיקה) 2024 עם text באנגלית.", false)], RTL);
    assert_eq!(visual(&p, 100.0), [".באנגלית text עם 2024 (בדיקה) שלום"]);
}

#[test]
fn arabic_words_inside_an_english_sentence_are_reversed_as_a_run() {
    let p = para(&[("The word سلام عليكم means peace.", false)], Base::Auto(Direction::Ltr));
    assert_eq!(p.direction, Direction::Ltr);
    assert_eq!(visual(&p, 100.0), ["The word عليكم سلام means peace."]);
}

#[test]
fn inline_code_keeps_its_own_order_inside_an_arabic_line() {
    // `--force -v` starts with neutrals: without the isolate they would take the Arabic direction.
    let p = para(&[("شغّل ", false), ("git push --force -v", true), (" الآن.", false)], RTL);
    assert_eq!(visual(&p, 100.0), [".الآن git push --force -v شغّل"]);
    let code: Vec<usize> = p.atoms.iter().filter(|a| a.span == 1).map(|a| a.level as usize).collect();
    assert!(code.iter().all(|l| l % 2 == 0), "code is left to right: {code:?}");
    assert_eq!(p.text, "شغّل git push --force -v الآن.");
}

#[test]
fn persian_and_arabic_digits_are_not_reversed() {
    let p = para(&[("سال ۱۴۰۲ و ٣٤٥ تمام شد", false)], RTL);
    assert_eq!(visual(&p, 100.0), ["شد تمام ٣٤٥ و ۱۴۰۲ سال"]);
}

#[test]
fn a_wrapped_right_to_left_paragraph_breaks_in_logical_order() {
    // Lines hold the logical beginning first; each is right-aligned and read right to left.
    let p = para(&[("واحد اثنان ثلاثة أربعة خمسة ستة", false)], RTL);
    let lines = lay_out(&p, &widths(&p), 12.0);
    let texts: Vec<String> = lines.iter().map(|l| shown(&p, l)).collect();
    assert_eq!(texts, ["اثنان واحد", "أربعة ثلاثة", "ستة خمسة"]);
    for l in &lines {
        let right = l.placed.last().map(|&(k, x)| x + widths(&p)[k]).unwrap_or_default();
        assert_eq!(right, 12.0, "right-aligned: {l:?}");
    }
}

#[test]
fn the_first_strong_character_decides_an_auto_paragraph() {
    assert_eq!(para(&[("«مرحبا» means hello", false)], Base::Auto(Direction::Ltr)).direction, Direction::Rtl);
    assert_eq!(para(&[("123 ...", false)], Base::Auto(Direction::Rtl)).direction, Direction::Rtl);
    assert_eq!(para(&[("123 hello", false)], Base::Auto(Direction::Rtl)).direction, Direction::Ltr);
    // Inline code does not decide.
    assert_eq!(para(&[("npm", true), (" يثبت الحزم", false)], Base::Auto(Direction::Ltr)).direction, Direction::Rtl);
}

#[test]
fn a_line_feed_starts_a_new_paragraph_and_atoms_keep_their_span() {
    let spans = [SpanText { text: "one\nاثنان", isolate: false }, SpanText { text: " three", isolate: false }];
    let ps = analyse(&spans, Base::Auto(Direction::Ltr));
    assert_eq!(ps.len(), 2);
    assert_eq!((ps[0].text.as_str(), ps[0].direction), ("one", Direction::Ltr));
    assert_eq!((ps[1].text.as_str(), ps[1].direction), ("اثنان three", Direction::Rtl));
    assert_eq!(ps[1].atoms.iter().map(|a| a.span).collect::<Vec<_>>(), [0, 1, 1]);
}

#[test]
fn left_to_right_text_in_an_ltr_paragraph_is_unchanged() {
    let p = para(&[("Hello, world: 42 items.", false)], LTR);
    assert_eq!(visual(&p, 100.0), ["Hello, world: 42 items."]);
    assert_eq!(visual(&p, 14.0), ["Hello, world:", "42 items."]);
}
