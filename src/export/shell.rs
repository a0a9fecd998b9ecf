//! Shell text that stays what it says: every string from the playground becomes one quoted
//! word, and text in a comment cannot end the comment.

/// Characters a word may hold unquoted because none of them means anything to bash, wherever
/// it stands in an argument (the first word of a command is never a learner's string).
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '.' | '-' | '/' | ':' | '@' | '%' | '+' | '=' | ',')
}

/// `s` as exactly one bash word: as it is when every character is plain; otherwise in single
/// quotes, inside which bash expands nothing at all (`$`, backquotes, `\`, `!` are literal),
/// a single quote being written `'\''` (close the quotes, an escaped quote, reopen). Text
/// with line breaks, tabs or other invisible characters takes bash's `$'...'` form instead,
/// so the word stays on one line and shows what it holds: there only `\` escapes (written
/// here for `\`, `'` and those characters, as `\xHH` bytes), and nothing expands either.
pub fn quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(is_plain) {
        return s.to_string();
    }
    if s.chars().any(is_invisible_or_breaking) {
        let mut out = String::from("$'");
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\'' => out.push_str("\\'"),
                c if is_invisible_or_breaking(c) => {
                    let mut buf = [0u8; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        out.push_str(&format!("\\x{b:02x}"));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('\'');
        return out;
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// Characters that would let text end a `# comment` or a line (line breaks), hide (other
/// control characters, Unicode line separators) or disguise what follows (bidirectional
/// overrides, the "Trojan Source" trick).
fn is_invisible_or_breaking(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text for inside a comment: unsafe characters are written as Rust-style escapes (`\n`,
/// `\u{202e}`), and very long text is shortened with `…`.
pub fn comment_text(s: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == MAX_CHARS {
            out.push('…');
            break;
        }
        if is_invisible_or_breaking(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) mod tests {
    use super::*;

    #[test]
    fn plain_words_stay_bare_and_the_rest_is_single_quoted() {
        assert_eq!(quote("orders"), "orders");
        assert_eq!(quote("retention.ms=3600000"), "retention.ms=3600000");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(quote("$(rm -rf ~)"), "'$(rm -rf ~)'");
        assert_eq!(quote("key.separator=|"), "'key.separator=|'");
        assert_eq!(quote("~"), "'~'");
        assert_eq!(quote("it's\n$(x)\t\\"), "$'it\\'s\\x0a$(x)\\x09\\\\'");
        assert_eq!(quote("a\u{202E}b"), "$'a\\xe2\\x80\\xaeb'");
    }

    #[test]
    fn comments_cannot_be_broken_out_of() {
        assert_eq!(comment_text("a\nrm -rf /"), "a\\nrm -rf /");
        assert_eq!(comment_text("x\r\ty"), "x\\r\\ty");
        assert_eq!(comment_text("abc\u{202E}cba"), "abc\\u{202e}cba");
        assert_eq!(comment_text("Đơn hàng"), "Đơn hàng");
        assert!(comment_text(&"x".repeat(100)).ends_with('…'));
    }

    /// bash itself reads each quoted word back as the original text.
    #[test]
    fn bash_reads_quoted_words_back_exactly() {
        let Ok(bash) = which_bash() else { return };
        for s in [
            "plain",
            "it's a 'test'",
            "$(touch pwned) `touch pwned` ${HOME} $HOME",
            "tab\there\nnew line",
            "back\\slash \\' !event ~tilde *glob? [x]",
            "Cà phê sữa đá ☕ — 'ngon'",
            "it's\n$(touch pwned)\t`x` \\x41 \\' \u{202E}\u{85}end",
            "",
        ] {
            let out = std::process::Command::new(&bash)
                .arg("-c")
                .arg(format!("printf %s {}", quote(s)))
                .output()
                .expect("bash runs");
            assert_eq!(String::from_utf8(out.stdout).unwrap(), s);
        }
    }

    pub(crate) fn which_bash() -> Result<std::path::PathBuf, ()> {
        ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"]
            .iter()
            .map(std::path::PathBuf::from)
            .find(|p| p.exists())
            .ok_or(())
    }
}
