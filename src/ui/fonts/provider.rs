//! [`LocaleFonts`]: an egui font provider that gives each pane's font family (`loc:<tag>`) the installed
//! font of its locale — so a `zh-Hant` pane shows traditional glyph forms and a `ja` pane Japanese ones,
//! whatever the system locale — and, for characters that font lacks, the system's fallback font for the
//! character's script *and the pane's language*. Fonts are found through fontique (fontconfig on Linux,
//! DirectWrite on Windows, CoreText on macOS) and memory-mapped, never compiled in.

use super::{LocaleTag, family_names, parse_family};
use egui::mutex::Mutex;
use egui::{FallbackRequest, FontData, FontFamily, FontInsert, FontPriority, FontProvider, InsertFontFamily};
use fontique::{Collection, CollectionOptions, FallbackKey, Language, QueryFamily, QueryStatus, SourceCache};
use std::collections::HashMap;
use std::thread::JoinHandle;

/// The installed fonts, enumerated once (on a thread: it takes tens of milliseconds).
struct Installed {
    collection: Collection,
    cache: SourceCache,
}

enum State {
    Loading(JoinHandle<Installed>),
    Ready(Box<Installed>),
    Failed,
}

/// Per-locale fonts for the `loc:<tag>` families (see the module doc).
pub struct LocaleFonts {
    state: Mutex<State>,
    up_front: Mutex<HashMap<FontFamily, Vec<FontInsert>>>,
}

impl LocaleFonts {
    /// Over the system's fonts, enumerated on a background thread.
    pub fn new() -> Self {
        let handle = std::thread::Builder::new().name("synoptic-fonts".into()).spawn(|| Installed {
            collection: Collection::new(CollectionOptions { shared: false, system_fonts: true }),
            cache: SourceCache::default(),
        });
        let state = handle.map_or(State::Failed, State::Loading);
        LocaleFonts { state: Mutex::new(state), up_front: Mutex::new(HashMap::new()) }
    }

    /// Over no fonts at all: what a machine without any extra font sees (for tests).
    pub fn none() -> Self {
        let installed = Installed {
            collection: Collection::new(CollectionOptions { shared: false, system_fonts: false }),
            cache: SourceCache::default(),
        };
        LocaleFonts { state: Mutex::new(State::Ready(Box::new(installed))), up_front: Mutex::new(HashMap::new()) }
    }

    fn with_installed<R>(&self, f: impl FnOnce(&mut Installed) -> Option<R>) -> Option<R> {
        let mut state = self.state.lock();
        if matches!(*state, State::Loading(_)) {
            let State::Loading(handle) = std::mem::replace(&mut *state, State::Failed) else { return None };
            *state = handle.join().map_or(State::Failed, |i| State::Ready(Box::new(i)));
        }
        match &mut *state {
            State::Ready(installed) => f(installed),
            _ => None,
        }
    }
}

impl Default for LocaleFonts {
    fn default() -> Self {
        Self::new()
    }
}

impl FontProvider for LocaleFonts {
    fn fonts_for_family(&self, family: &FontFamily) -> Vec<FontInsert> {
        let Some((tag, mono)) = parse_family(family) else { return Vec::new() };
        if let Some(done) = self.up_front.lock().get(family) {
            return done.clone();
        }
        let found = self
            .with_installed(|i| family_names(tag, mono).iter().find_map(|name| load_named(i, name, family)))
            .map_or_else(Vec::new, |f| vec![f]);
        self.up_front.lock().insert(family.clone(), found.clone());
        found
    }

    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let (tag, _) = parse_family(request.family)?;
        let c = request.cluster.chars().next()?;
        let script = script_of(c)?;
        let language = Language::parse(tag.language_tag()).ok();
        self.with_installed(|i| {
            let mut query = i.collection.query(&mut i.cache);
            query.set_fallbacks(FallbackKey::new(script, language.as_ref()));
            let mut found = None;
            query.matches_with(|font| {
                if font.charmap().and_then(|m| m.map(c)).is_some_and(|g| g != 0) {
                    found = Some(font.clone());
                    QueryStatus::Stop
                } else {
                    QueryStatus::Continue
                }
            });
            drop(query);
            let font = found?;
            let name = i.collection.family_name(font.family.0).unwrap_or("unknown").to_owned();
            Some(insert(&format!("locale-fallback:{name}:{}:{}", font.family.1, font.index), font, request.family))
        })
    }
}

/// The regular face of an installed family, for `family`.
fn load_named(installed: &mut Installed, name: &str, family: &FontFamily) -> Option<FontInsert> {
    let mut query = installed.collection.query(&mut installed.cache);
    query.set_families([QueryFamily::Named(name)]);
    let mut found = None;
    query.matches_with(|font| {
        found = Some(font.clone());
        QueryStatus::Stop
    });
    let font = found?;
    Some(insert(&format!("locale:{name}:{}", font.index), font, family))
}

fn insert(name: &str, font: fontique::QueryFont, family: &FontFamily) -> FontInsert {
    let index = font.index;
    let (blob, _) = font.blob.into_raw_parts();
    FontInsert {
        name: name.to_owned(),
        data: FontData::from_blob(blob, index),
        families: vec![InsertFontFamily { family: family.clone(), priority: FontPriority::Lowest }],
    }
}

/// fontique's script of a character; `None` for characters shared between scripts.
fn script_of(c: char) -> Option<fontique::Script> {
    use unicode_script::{Script, UnicodeScript};
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => fontique::Script::parse(s.short_name()).ok(),
    }
}

impl LocaleTag {
    /// The BCP 47 tag fontique's fallback is asked with.
    fn language_tag(&self) -> &str {
        self.0
    }
}
