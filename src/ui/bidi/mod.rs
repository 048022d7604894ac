//! Bidirectional text for the window (egui 0.37 has none: it lays every row out left to right).
//!
//! The technique, chosen after measuring the alternatives (README: "Scripts, fonts and right-to-left text"): resolve UAX #9 levels for
//! a paragraph ([`analysis`]), cut it into atoms — a right-to-left word, a left-to-right word, a space, or
//! one neutral or Arabic-digit grapheme — shape each atom as its own galley (harfrust returns an Arabic
//! or Hebrew word with its joining forms, already in visual order), break lines in logical order, order
//! each line's atoms visually by their levels ([`lines`]), right-align right-to-left paragraphs and paint
//! the atoms ([`paint`]). Glyphs inside a galley are never moved: in 0.37 a right-to-left run's glyph
//! vector does not map back to characters (egui#8576), and the painted mesh cannot be rebuilt.
//!
//! Limits: text inside a bidi paragraph cannot be selected with the mouse (the cell's context menu has
//! **Copy block**); shaping and joining stop at style boundaries (`**مر**حبا` breaks the join); a caret in a
//! text box is still egui's (the note editor is right-aligned and shows a bidi preview).

pub mod analysis;
pub mod lines;
mod paint;

pub use analysis::{Base, Direction, first_strong, has_rtl};
pub use paint::{BidiResponse, Span, bidi_ui};

/// The base of a block in a pane: a right-to-left locale's blocks are right to left whatever they start
/// with; in other panes the first strong character decides (an Arabic quotation in English text).
pub fn pane_base(rtl_locale: bool) -> Base {
    if rtl_locale { Base::Fixed(Direction::Rtl) } else { Base::Auto(Direction::Ltr) }
}

/// The base of a line of raw text (Markdown source, a note, a message): its first strong character,
/// else the pane's direction.
pub fn line_base(rtl_locale: bool) -> Base {
    Base::Auto(if rtl_locale { Direction::Rtl } else { Direction::Ltr })
}

/// True when `text` under `base` needs the bidi layout; otherwise egui's own (selectable) labels are right.
pub fn needs_bidi(text: &str, base: Base) -> bool {
    enabled() && (base == Base::Fixed(Direction::Rtl) || has_rtl(text))
}

/// The bidi layout is on unless `SYNOPTIC_BIDI=off`: a diagnostic switch that shows egui's own
/// left-to-right layout instead (the OCR test uses it to prove it can tell the two apart).
fn enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("SYNOPTIC_BIDI").is_none_or(|v| v != "off"))
}

/// The direction `text` resolves to under `base`.
pub fn resolve(text: &str, base: Base) -> Direction {
    match base {
        Base::Fixed(d) => d,
        Base::Auto(fallback) => first_strong(text).unwrap_or(fallback),
    }
}

/// Plain text in the body style: egui's label when it is left-to-right only, else the bidi layout
/// (right-aligned when it resolves right to left).
pub fn text_ui(ui: &mut egui::Ui, text: &str, base: Base, format: Option<egui::TextFormat>) -> egui::Response {
    if !needs_bidi(text, base) {
        let rich = egui::RichText::new(text);
        return match format {
            Some(f) => ui.add(egui::Label::new(rich.color(f.color).font(f.font_id)).wrap()),
            None => ui.add(egui::Label::new(rich).wrap()),
        };
    }
    let format = format.unwrap_or_else(|| {
        egui::TextFormat::simple(egui::TextStyle::Body.resolve(ui.style()), ui.visuals().text_color())
    });
    let span = Span { text: text.to_owned(), format, isolate: false, link: None };
    bidi_ui(ui, &[span], base, &[]).response
}

/// One line of text as a layout job whose sections are its atoms in visual order (for a button or a
/// truncated list row, which take one galley): a quoted Arabic or Hebrew phrase in an English message
/// reads right to left as a unit. Text without right-to-left characters comes back as it is.
pub fn line_text(ui: &egui::Ui, text: &str, strike: bool) -> egui::WidgetText {
    let plain = |text: &str| {
        let rich = egui::RichText::new(text);
        if strike { rich.strikethrough() } else { rich }.into()
    };
    if !enabled() || !has_rtl(text) {
        return plain(text);
    }
    let line = text.lines().next().unwrap_or_default();
    let base = Base::Auto(Direction::Ltr);
    let Some(paragraph) = analysis::analyse(&[analysis::SpanText { text: line, isolate: false }], base).pop() else {
        return plain(text);
    };
    let mut format = egui::TextFormat::simple(egui::TextStyle::Button.resolve(ui.style()), ui.visuals().text_color());
    if strike {
        format.strikethrough = egui::Stroke::new(1.0, format.color);
    }
    let mut job = egui::text::LayoutJob::default();
    for k in lines::visual_order(&paragraph.atoms, 0..paragraph.atoms.len(), true) {
        let start = job.text.len();
        job.text.push_str(&paragraph.atoms[k].shown);
        // One section per atom, pushed by hand: `append` would merge equal formats into one run.
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(start)..egui::text::ByteIndex(job.text.len()),
            format: format.clone(),
        });
    }
    job.into()
}

#[cfg(test)]
mod tests;
