//! A window that opens a folder by itself (no picker) with chosen settings and font providers, for the
//! script and rendering tests: light theme, only some locales shown, settled once the document is on show.

use egui_kittest::Harness;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use synoptic::ui::command::Command;
use synoptic::ui::fonts::{self, LocaleFonts};
use synoptic::ui::picker::FixedPicker;
use synoptic::ui::theme::ThemeChoice;
use synoptic::ui::{Settings, SynopticApp};

/// Where the fonts come from.
pub enum Fonts {
    /// The system's, as on a desktop (eframe installs that provider; kittest does not), plus each pane's
    /// locale fonts.
    System,
    /// Only this locale provider (e.g. one that finds nothing); missing glyphs are allowed.
    Only(LocaleFonts),
}

/// A `size` window showing `folder` with `hidden` locales hidden, settled on its first document.
pub fn shown(folder: PathBuf, hidden: &[&str], size: [f32; 2], fonts: Fonts) -> Harness<'static, SynopticApp> {
    let mut settings = Settings { theme: ThemeChoice::Light, ..Settings::default() };
    // Hidden panes are kept per folder (by the path as given, and as the loader may resolve it).
    let canonical = folder.canonicalize().unwrap_or_else(|_| folder.clone());
    for path in [folder.clone(), canonical] {
        settings.layout_mut(&path).hidden = hidden.iter().map(|l| l.to_string()).collect();
    }
    let mut app = SynopticApp::new(settings, Box::new(FixedPicker::new(None)));
    app.push(Command::Open(vec![folder]));
    let builder = Harness::builder().with_size(size).with_max_steps(16);
    let builder = match fonts {
        Fonts::Only(provider) => {
            builder.allow_missing_glyphs().with_context_setup(move |ctx| fonts::install_with(ctx, provider))
        }
        Fonts::System => builder.with_context_setup(|ctx| {
            let system = egui_system_font_provider::SystemFontProvider::new().with_locale(Some("en"));
            ctx.add_font_provider(Arc::new(system));
            fonts::install(ctx);
        }),
    };
    let mut h = builder.build_ui_state(
        |ui, app: &mut SynopticApp| {
            let ctx = ui.ctx().clone();
            app.logic_step(&ctx);
            app.window_ui(ui);
        },
        app,
    );
    let start = Instant::now();
    while h.state().is_loading() || h.state().view().is_none() {
        assert!(start.elapsed() < Duration::from_secs(20), "the folder did not load");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    for _ in 0..6 {
        h.step();
    }
    h
}

/// A folder of `files` (relative path, text) in a temporary directory.
pub fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (path, text) in files {
        let path = tmp.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    tmp
}

/// A folder of `files` at a fixed path named `name` (the status line shows the folder's name, and a
/// snapshot must not depend on a random one).
pub fn named_folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = std::env::temp_dir().join("synoptic-snapshots").join(name);
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    root
}
