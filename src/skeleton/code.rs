//! Code blocks: which lines carry code and which are comments, by the block's language.

use super::Block;

impl Block {
    /// The lines of a code block that carry code: comments (by the block's language) and blank lines left
    /// out, since translating comments is legitimate.
    pub fn code_lines(&self) -> Vec<String> {
        let Some(code) = &self.code else { return Vec::new() };
        let style = CommentStyle::of(self.lang.as_deref());
        code.lines().map(|l| style.strip(l)).map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
    }
}

/// How a code block's language writes comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentStyle {
    /// `# …` (shell, Python, YAML, TOML, Ruby, PowerShell, R, Dockerfile…).
    Hash,
    /// `// …` and `/* … */` (C family, JavaScript, Rust, Go, Java, C#…).
    Slash,
    /// `-- …` (SQL, Lua, Haskell).
    DoubleDash,
    /// `; …` and `# …` (INI).
    Semicolon,
    /// Unknown or no language: only `# ` and `// ` lines, the forms no command line starts with.
    Unknown,
}

impl CommentStyle {
    /// The style of a fenced block's language.
    pub fn of(lang: Option<&str>) -> CommentStyle {
        match lang.unwrap_or_default().to_ascii_lowercase().as_str() {
            "sh"
            | "bash"
            | "zsh"
            | "shell"
            | "console"
            | "python"
            | "py"
            | "yaml"
            | "yml"
            | "toml"
            | "ruby"
            | "rb"
            | "powershell"
            | "ps1"
            | "r"
            | "dockerfile"
            | "make"
            | "makefile"
            | "perl"
            | "azurecli"
            | "azurecli-interactive" => CommentStyle::Hash,
            "c" | "cpp" | "c++" | "js" | "javascript" | "ts" | "typescript" | "jsx" | "tsx" | "rust" | "rs" | "go"
            | "java" | "csharp" | "cs" | "c#" | "kotlin" | "swift" | "scala" | "php" | "dart" | "json5" | "jsonc" => {
                CommentStyle::Slash
            }
            "sql" | "lua" | "haskell" | "hs" => CommentStyle::DoubleDash,
            "ini" | "cfg" | "conf" => CommentStyle::Semicolon,
            _ => CommentStyle::Unknown,
        }
    }

    /// A code line without its comment.
    pub fn strip(self, line: &str) -> &str {
        let t = line.trim_start();
        let whole_line = match self {
            CommentStyle::Hash => t.starts_with('#') && !t.starts_with("#!"),
            CommentStyle::Slash => t.starts_with("//") || t.starts_with("/*") || t.starts_with("* ") || t == "*/",
            CommentStyle::DoubleDash => t.starts_with("--"),
            CommentStyle::Semicolon => t.starts_with(';') || t.starts_with('#'),
            CommentStyle::Unknown => t.starts_with("# ") || t.starts_with("// "),
        };
        if whole_line {
            return "";
        }
        let trailing = match self {
            CommentStyle::Hash => " # ",
            CommentStyle::Slash => " // ",
            CommentStyle::DoubleDash => " -- ",
            CommentStyle::Semicolon | CommentStyle::Unknown => return line,
        };
        line.find(trailing).map_or(line, |i| &line[..i])
    }
}
