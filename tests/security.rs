//! Security properties that hold by construction, guarded against regressions: nothing in the build can
//! reach the network (no HTTP client crate, no egui image loader that fetches, no socket in the source),
//! and nothing loads images. Link opening (http/https only, on a click) and HTML shown as text are tested
//! in `src/ui/markdown.rs` and `tests/ui.rs`.

use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).expect("readable")
}

/// Every `.rs` file under `src/`, as (path, text).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src is listable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("readable")));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn no_http_client_or_fetching_image_loader_is_in_the_build() {
    let lock = read("Cargo.lock");
    let names: Vec<&str> = lock.lines().filter_map(|l| l.strip_prefix("name = \"")?.strip_suffix('"')).collect();
    assert!(names.contains(&"egui"), "the lock file lists the packages");
    let fetchers = ["ehttp", "reqwest", "ureq", "hyper", "curl", "isahc", "attohttpc", "surf", "egui_extras"];
    let found: Vec<&&str> = names.iter().filter(|n| fetchers.contains(n)).collect();
    assert_eq!(found, Vec::<&&str>::new(), "a crate that can fetch over the network is in Cargo.lock");
}

#[test]
fn the_source_opens_no_socket_and_loads_no_image() {
    let forbidden = ["std::net", "TcpStream", "UdpSocket", "install_image_loaders", "egui::Image", "include_image!"];
    let mut hits = Vec::new();
    for (path, text) in sources() {
        for word in forbidden {
            if text.contains(word) {
                hits.push(format!("{path}: {word}"));
            }
        }
    }
    assert_eq!(hits, Vec::<String>::new());
}

#[test]
fn the_browser_is_opened_from_one_place_behind_the_http_check() {
    let opens: Vec<(String, usize)> = sources()
        .into_iter()
        .map(|(path, text)| (path, text.matches("open_url(").count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(opens.len(), 1, "{opens:?}");
    assert!(opens[0].0.ends_with("app/navigation.rs") && opens[0].1 == 1, "{opens:?}");
    assert!(read("src/ui/app/navigation.rs").contains("markdown::web_link(target)"));
}
