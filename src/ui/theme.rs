//! Readable chrome: the Light / Dark / System choice (remembered in the settings), text sizes no smaller
//! than 11 px at the default zoom, and colours whose contrast against every background they are drawn on
//! is at least 4.5:1 (WCAG AA), in both themes. Ctrl +, Ctrl − and Ctrl 0 zoom (egui's own shortcuts).

use egui::{Color32, FontFamily, FontId, TextStyle, Theme, Visuals};
use serde::{Deserialize, Serialize};

/// The smallest text size at the default zoom.
pub const MIN_TEXT_SIZE: f32 = 11.0;

/// Which theme the window uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// Its name in the menu.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "System",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// Parse `system`, `light` or `dark` (the command line's `--theme`).
    pub fn parse(name: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|c| c.label().eq_ignore_ascii_case(name))
    }
}

/// Text sizes: none below [`MIN_TEXT_SIZE`].
fn text_styles() -> std::collections::BTreeMap<TextStyle, FontId> {
    [
        (TextStyle::Small, FontId::new(MIN_TEXT_SIZE, FontFamily::Proportional)),
        (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
        (TextStyle::Button, FontId::new(14.0, FontFamily::Proportional)),
        (TextStyle::Heading, FontId::new(19.0, FontFamily::Proportional)),
        (TextStyle::Monospace, FontId::new(13.0, FontFamily::Monospace)),
    ]
    .into()
}

/// The visuals of a theme, with text colours that keep 4.5:1 on every background.
pub fn visuals(theme: Theme) -> Visuals {
    let mut v = match theme {
        Theme::Dark => Visuals::dark(),
        Theme::Light => Visuals::light(),
    };
    match theme {
        Theme::Dark => {
            v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(190);
            v.weak_text_color = Some(Color32::from_gray(160));
            v.code_bg_color = Color32::from_gray(48);
            v.error_fg_color = Color32::from_rgb(255, 110, 110);
            v.hyperlink_color = Color32::from_rgb(110, 180, 255);
        }
        Theme::Light => {
            v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
            v.weak_text_color = Some(Color32::from_gray(96));
            v.code_bg_color = Color32::from_gray(232);
            v.warn_fg_color = Color32::from_rgb(166, 70, 0);
            v.error_fg_color = Color32::from_rgb(190, 0, 0);
            v.hyperlink_color = Color32::from_rgb(0, 90, 180);
        }
    }
    v
}

/// Apply a theme choice, the text sizes and both themes' colours.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.set_visuals_of(theme, visuals(theme));
    }
    ctx.all_styles_mut(|style| style.text_styles = text_styles());
    ctx.set_theme(match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

/// WCAG contrast ratio of two opaque colours.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let lin = |v: u8| {
            let s = f32::from(v) / 255.0;
            if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A translucent colour drawn over an opaque one.
pub fn over(top: Color32, bottom: Color32) -> Color32 {
    Color32::from_rgba_premultiplied(top.r(), top.g(), top.b(), top.a()).blend(bottom).to_opaque()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_style_is_below_eleven_pixels() {
        assert!(text_styles().values().all(|f| f.size >= MIN_TEXT_SIZE));
        for heading in [22.0f32, 19.0, 16.5, 15.0] {
            assert!(heading >= MIN_TEXT_SIZE);
        }
    }

    #[test]
    fn every_text_colour_keeps_four_and_a_half_to_one_on_every_background() {
        for theme in [Theme::Dark, Theme::Light] {
            let v = visuals(theme);
            let panel = v.panel_fill;
            let backgrounds = [
                ("panel", panel),
                ("window", v.window_fill),
                ("text box", v.extreme_bg_color),
                ("stripe", over(v.faint_bg_color, panel)),
                ("code", v.code_bg_color),
                ("selected row", over(v.selection.bg_fill.gamma_multiply(0.35), panel)),
                ("marked", over(v.warn_fg_color.gamma_multiply(0.35), panel)),
            ];
            let texts = [
                ("text", v.text_color()),
                ("weak", v.weak_text_color()),
                ("strong", v.strong_text_color()),
                ("warning", v.warn_fg_color),
                ("error", v.error_fg_color),
                ("link", v.hyperlink_color),
            ];
            for (bg_name, bg) in backgrounds {
                for (fg_name, fg) in texts {
                    let ratio = contrast(fg, bg);
                    assert!(ratio >= 4.5, "{theme:?}: {fg_name} {fg:?} on {bg_name} {bg:?} is {ratio:.2}:1");
                }
            }
        }
    }

    #[test]
    fn theme_names_parse() {
        assert_eq!(ThemeChoice::parse("light"), Some(ThemeChoice::Light));
        assert_eq!(ThemeChoice::parse("DARK"), Some(ThemeChoice::Dark));
        assert_eq!(ThemeChoice::parse("blue"), None);
    }
}
