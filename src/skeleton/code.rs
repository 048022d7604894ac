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
            | "java" | "csharp" | "cs" | "c#" | "kotlin" | "swift" | "scala" | "php" | "dart" | "json5" | "jsonc"
            | "astro" | "mdx" | "vue" | "svelte" | "mjs" | "cjs" | "mts" | "cts" => CommentStyle::Slash,
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

/// One token of a code line as translations are compared: what must come through unchanged (`Word`), a
/// string literal (`Str`, translatable when it reads as prose), and a hole where a translation may put its
/// own words (a `{{placeholder}}`, `<pod-name>`, `YOUR_API_KEY`, a text node of markup, a prose value).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Token {
    /// Code that must stay: an identifier, keyword, number, operator or path part.
    Word(String),
    /// The content of a string literal.
    Str(String),
    /// A placeholder or translatable text.
    Hole,
}

impl Token {
    /// True when a translation may have `other` where the reference has `self`.
    pub fn matches(&self, other: &Token) -> bool {
        match (self, other) {
            // A word in another script where the reference has a word is the example translated
            // (`/tags/成功` for `/tags/successes`).
            (Token::Word(a), Token::Word(b)) => a == b || (is_translated_word(a, b) || is_translated_word(b, a)),
            // A string literal is the example's data: translations localize names, paths and messages.
            (Token::Str(_), Token::Str(_)) => true,
            (Token::Hole, Token::Hole) => true,
            _ => false,
        }
    }

    /// A stable text for hashing: words as they are, every string and hole alike.
    pub fn key(&self) -> &str {
        match self {
            Token::Word(w) => w,
            Token::Str(_) => "\"\"",
            Token::Hole => "\u{27e8}\u{27e9}",
        }
    }
}

/// `translated` is a word in another script, `original` a word of letters.
fn is_translated_word(translated: &str, original: &str) -> bool {
    translated.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) && original.chars().all(char::is_alphabetic)
}

/// How a language's lines are read for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeReading {
    /// Commands (shell, console, no language): `<name>` is always a placeholder.
    Commands,
    /// Markup (HTML, XML, JSX, Astro, Vue): text between tags is translatable.
    Markup,
    /// Configuration (YAML, TOML, INI): prose values are translatable.
    Config,
    /// Prose or diagrams (Markdown, text, Mermaid): only the punctuation and digits must stay.
    Prose,
    /// Other programming languages.
    Program,
}

impl CodeReading {
    fn of(lang: Option<&str>) -> CodeReading {
        match lang.unwrap_or_default().to_ascii_lowercase().as_str() {
            ""
            | "sh"
            | "bash"
            | "zsh"
            | "shell"
            | "console"
            | "shell-session"
            | "powershell"
            | "ps1"
            | "pwsh"
            | "cmd"
            | "bat"
            | "azurecli"
            | "azurecli-interactive"
            | "azurepowershell"
            | "terminal"
            | "fish" => CodeReading::Commands,
            "html" | "xml" | "jsx" | "tsx" | "astro" | "vue" | "svelte" | "mdx" | "xaml" | "svg" => CodeReading::Markup,
            "yaml" | "yml" | "toml" | "ini" | "cfg" | "conf" | "properties" | "env" | "dotenv" => CodeReading::Config,
            "md" | "markdown" | "text" | "txt" | "plaintext" | "plain" | "output" | "log" | "mermaid" | "plantuml"
            | "dot" | "diff" => CodeReading::Prose,
            _ => CodeReading::Program,
        }
    }
}

impl Block {
    /// The code lines of a code block as tokens, comments left out (see [`Block::code_lines`]).
    pub fn code_tokens(&self) -> Vec<(String, Vec<Token>)> {
        let reading = CodeReading::of(self.lang.as_deref());
        let markup = matches!(
            self.lang.as_deref().map(str::to_ascii_lowercase).as_deref(),
            Some("html" | "xml" | "astro" | "vue" | "svelte" | "mdx")
        );
        self.code_lines()
            .into_iter()
            .map(|l| if markup { without_html_comments(&l) } else { l })
            .filter(|l| !l.is_empty())
            .map(|l| {
                let t = tokens(&l, reading);
                (l, t)
            })
            .filter(|(_, t)| !t.is_empty())
            .collect()
    }

    /// A hash of the block's code as translations must keep it (holes and prose strings alike), for
    /// matching blocks across locales.
    pub fn code_key(&self) -> u64 {
        let mut h = crate::util::hash::Hasher64::default();
        for (_, tokens) in self.code_tokens() {
            for t in tokens {
                h.write(t.key());
            }
            h.write("\n");
        }
        h.finish()
    }
}

/// A line of markup without its `<!-- … -->` comments (translated like any comment).
fn without_html_comments(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => return out.trim().to_owned(),
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// The tokens of an inline code span, read as a command (`<name>` and `{{x}}` are placeholders); a call's
/// empty parentheses are left out (`getStaticPaths()` and `getStaticPaths` name one function).
pub fn inline_code_tokens(text: &str) -> Vec<Token> {
    let t = text.trim();
    // A span of markup with a closing tag (`<p>I have 11 pairs of boots</p>`) has text a translation changes.
    let reading = if t.starts_with('<') && t.contains("</") { CodeReading::Markup } else { CodeReading::Commands };
    tokens(t.strip_suffix("()").unwrap_or(t), reading)
}

/// Cut a code line into tokens.
fn tokens(line: &str, reading: CodeReading) -> Vec<Token> {
    if reading == CodeReading::Prose {
        return prose_tokens(line);
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if let Some(end) = placeholder_end(&chars, i, reading) {
            out.push(Token::Hole);
            i = end;
        } else if matches!(c, '"' | '\'' | '`')
            && let Some(end) = chars[i + 1..].iter().position(|&q| q == c)
        {
            out.push(Token::Str(chars[i + 1..i + 1 + end].iter().collect()));
            i += end + 2;
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '$')) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push(
                if is_placeholder_word(&word)
                    || (reading == CodeReading::Prose && word.chars().any(char::is_alphabetic))
                {
                    Token::Hole
                } else {
                    Token::Word(word)
                },
            );
        } else {
            out.push(Token::Word(c.to_string()));
            i += 1;
        }
    }
    // A statement's final `;` or a list's final `,` is style, not code that changed.
    if matches!(out.last(), Some(Token::Word(w)) if w == ";" || w == ",") {
        out.pop();
    }
    match reading {
        CodeReading::Markup => mask_text_nodes(out),
        CodeReading::Config => mask_prose_values(out),
        _ => out,
    }
}

/// Prose and diagrams (a Markdown example, program output): only what shapes the text must stay — the
/// line's leading markup (`#`, `-`, `>`, `1.`, `|`) and the targets of its links; the words are the
/// translator's.
fn prose_tokens(line: &str) -> Vec<Token> {
    let t = line.trim_start();
    let lead: String =
        t.chars().take_while(|c| matches!(c, '#' | '-' | '*' | '>' | '|' | '+') || c.is_ascii_digit()).collect();
    let mut out = vec![Token::Word(lead), Token::Hole];
    let mut rest = t;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        let target: String = rest.chars().take_while(|&c| c != ')' && !c.is_whitespace()).collect();
        out.push(Token::Word(target));
    }
    out
}

/// `{{path/to/file}}`, `${VAR}`, and `<pod-name>` (in commands any `<word>`): where the placeholder at `i`
/// ends.
fn placeholder_end(chars: &[char], i: usize, reading: CodeReading) -> Option<usize> {
    let rest = &chars[i..];
    if rest.starts_with(&['{', '{']) {
        let close = rest.windows(2).position(|w| w == ['}', '}'])?;
        return Some(i + close + 2);
    }
    if rest.starts_with(&['$', '{']) {
        return rest.iter().position(|&c| c == '}').map(|e| i + e + 1);
    }
    // `[YOUR-SITE]`, `{YOUR_NAME}`: a bracketed name in capitals.
    if let Some(&open) = rest.first().filter(|c| matches!(c, '[' | '{')) {
        let close = if open == '[' { ']' } else { '}' };
        let end = rest.iter().take(48).position(|&c| c == close)?;
        let inner = &rest[1..end];
        let caps = inner.len() >= 2
            && inner.iter().all(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '_' | '-' | ' '))
            && inner.iter().any(|c| c.is_alphabetic());
        return caps.then_some(i + end + 1);
    }
    if rest.first() != Some(&'<') || i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '<') {
        return None;
    }
    let close = rest.iter().take(64).position(|&c| c == '>')?;
    let inner: String = rest[1..close].iter().collect();
    let first = inner.chars().next()?;
    if !(first.is_alphabetic()) || inner.contains(['<', '=', '"', '\'', '/']) {
        return None;
    }
    let wordy = inner.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' ' | '.'));
    let marked = inner.contains(['-', '_', ' ']) || !inner.is_ascii() || inner.chars().any(|c| c.is_uppercase());
    (wordy && (marked || reading == CodeReading::Commands)).then_some(i + close + 1)
}

/// A placeholder in capitals: `YOUR_API_KEY`, `ADAPTER_NAME` (→ `NOME_ADAPTADOR`), `$RESOURCE_GROUP`, or an
/// all-caps name with letters beyond ASCII.
fn is_placeholder_word(word: &str) -> bool {
    let w = word.trim_start_matches('$');
    let caps = w.len() >= 3 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '_');
    let segments = w.split('_').filter(|s| s.chars().any(char::is_alphabetic)).count();
    caps && (segments >= 2 || w.starts_with("YOUR") || !w.is_ascii())
}

/// Markup: the words between a `>` and the next `<` are text a translation may change.
fn mask_text_nodes(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut in_text = false;
    for t in tokens {
        match &t {
            Token::Word(w) if w == ">" => {
                in_text = true;
                out.push(t);
            }
            Token::Word(w) if w == "<" => {
                in_text = false;
                out.push(t);
            }
            _ if in_text => {
                if out.last() != Some(&Token::Hole) {
                    out.push(Token::Hole);
                }
            }
            _ => out.push(t),
        }
    }
    out
}

/// Configuration: a value after `:` or `=` made of several words is prose a translation may change.
fn mask_prose_values(tokens: Vec<Token>) -> Vec<Token> {
    let Some(sep) = tokens.iter().position(|t| matches!(t, Token::Word(w) if w == ":" || w == "=")) else {
        return tokens;
    };
    let value = &tokens[sep + 1..];
    let words = value.iter().filter(|t| matches!(t, Token::Word(w) if w.chars().any(char::is_alphabetic))).count();
    if words >= 2 || value.iter().any(|t| matches!(t, Token::Word(w) if !w.is_ascii())) {
        let mut out = tokens[..=sep].to_vec();
        out.push(Token::Hole);
        return out;
    }
    tokens
}

#[cfg(test)]
mod token_tests {
    use super::*;

    fn same(a: &str, b: &str, reading: CodeReading) -> bool {
        let (x, y) = (tokens(a, reading), tokens(b, reading));
        x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| p.matches(q))
    }

    #[test]
    fn text_of_markup_in_inline_code_is_translatable() {
        // withastro/docs de/tutorial/2-pages/3.mdx (MIT): the example's text is translated, its tags are not.
        let same_span = |a: &str, b: &str| {
            let (x, y) = (inline_code_tokens(a), inline_code_tokens(b));
            x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| p.matches(q))
        };
        assert!(same_span("<p>I have 11 pairs of boots</p>", "<p>Ich habe 11 Paar Stiefel</p>"));
        assert!(!same_span("<p>I have 11 pairs of boots</p>", "<div>Ich habe 11 Paar Stiefel</div>"));
    }

    #[test]
    fn placeholders_are_holes() {
        // The issue's own example, and Kubernetes-style angle placeholders.
        assert!(same(
            "cp {{path/to/file}} {{path/to/copy}}",
            "cp {{pfad/zu/datei}} {{pfad/zur/kopie}}",
            CodeReading::Commands
        ));
        assert!(same("kubectl logs <pod-name>", "kubectl logs <nombre-del-pod>", CodeReading::Commands));
        assert!(same(
            "curl -H \"api-key: YOUR_API_KEY\"",
            "curl -H \"api-key: IHR_API_SCHLÜSSEL\"",
            CodeReading::Commands
        ));
        assert!(!same("kubectl get pods", "kubectl get pod", CodeReading::Commands));
        // wails pt/…/guides/templates.mdx:76: the command itself translated.
        assert!(!same("wails build", "wails constroem", CodeReading::Commands));
    }

    #[test]
    fn prose_strings_comments_text_nodes_and_values_may_be_translated() {
        // astro-docs fr/reference/dev-toolbar-app-reference.mdx:484 (the message string).
        assert!(same("send({ message: 'Hello!' });", "send({ message: 'Bonjour !' });", CodeReading::Program));
        // astro-docs fr/guides/view-transitions.mdx:463: example paths are the example's data.
        assert!(same(
            "const allowedPaths = ['/home', '/about'];",
            "const allowedPaths = ['/home', '/a-propos'];",
            CodeReading::Program
        ));
        assert!(!same("output_dir = \"public\"", "dossier_sortie = \"public\"", CodeReading::Config));
        // astro-docs fr/guides/cms/statamic.mdx:40.
        assert!(same("https://[YOUR-SITE]/api/", "https://[VOTRE-SITE]/api/", CodeReading::Commands));
        // astro-docs it/tutorial/2-pages/1.mdx:112.
        assert!(same("<a href=\"/about/\">About Me</a>", "<a href=\"/about/\">Su di me</a>", CodeReading::Markup));
        // astro-docs zh-tw/reference/astro-syntax.mdx:110: a comment after the markup.
        assert_eq!(
            without_html_comments("<Element>Hello!</Element> <!-- renders as <div> -->"),
            "<Element>Hello!</Element>"
        );
        // fr/guides/middleware.mdx:238: a parenthesis lost is a change.
        assert!(!same("if (!isLoggedIn(context)) {", "if (!isLoggedIn(context) {", CodeReading::Program));
        // cncf/glossary vi/style-guide/_index.md:69 (the definition template's title).
        assert!(same("title: Definition Template", "title: Mẫu Định nghĩa", CodeReading::Config));
        assert!(!same("replicas: 3", "replicas: 4", CodeReading::Config));
        assert!(same("graph LR; A[Client] --> B[Server]", "graph LR; A[Cliente] --> B[Servidor]", CodeReading::Prose));
        // astro-docs fr/…/markdown-content.mdx: a Markdown example's words are translated, its markup kept.
        assert!(same("Here is my _great_ post!", "Voici mon _incroyable_ billet !", CodeReading::Prose));
        assert!(!same("- [Docs](/en/docs/)", "Voir [Docs](/fr/autre/)", CodeReading::Prose));
        // es/guides/styling.mdx:385 (a semicolon), pt-br/…/client-address-not-available.mdx:7 (a placeholder).
        assert!(same("import \"./make-it-purple.css\"", "import './hazlo-morado.css';", CodeReading::Program));
        assert!(same("adapter ADAPTER_NAME", "adapter NOME_ADAPTADOR", CodeReading::Commands));
        // ja/tutorial/5-astro-api/2.mdx:58: example tags in another script.
        assert!(same("/tags/successes", "/tags/成功", CodeReading::Commands));
    }

    #[test]
    fn generics_and_html_in_programs_are_not_placeholders() {
        assert!(!same("List<String> items;", "List<Texto> items;", CodeReading::Program));
        assert!(!same("<div>", "<span>", CodeReading::Markup));
    }
}
