//! Normalization for matching: folds typographic variants (curly quotes and
//! apostrophes, dashes, unusual spaces, fullwidth ASCII) to one plain form,
//! one char for one char.
//!
//! Gazetteers, cue words and verb patterns are written with `'`, `"`, `-`
//! and plain spaces; news text uses `’`, `“”`, `–`, `—` and NBSP. Matching
//! on [`fold`]ed text makes "Ishiba’s" and "Ishiba's" the same.
//!
//! **Offsets.** Every input char maps to exactly one output char, so *char*
//! offsets in the folded text are the char offsets of the original. *Byte*
//! offsets differ (`’` is 3 bytes, `'` is 1): convert through char offsets
//! with an [`OffsetMap`](crate::offsets::OffsetMap) of each text.
//!
//! **Why not NFKC.** NFKC maps some chars to several (`…` → `...`, `ﬁ` →
//! `fi`, `½` → `1⁄2`) and composes others (`e` + U+0301 → `é`), which moves
//! offsets; it also leaves curly quotes and dashes alone, which are what news
//! text needs folded. So this module keeps its own one-to-one table, taking
//! from NFKC only the fullwidth ASCII forms (`Ｕ．Ｓ．` → `U.S.`), which are
//! one-to-one. Chars with no one-char plain form (`…`, the soft hyphen,
//! zero-width spaces) are left unchanged. Case is not folded.
//!
//! ```
//! use tacitus_text::normalize::fold;
//! use tacitus_text::offsets::OffsetMap;
//!
//! let text = "Japan–U.S. talks: “Ishiba’s plan”";
//! let folded = fold(text);
//! assert_eq!(folded, "Japan-U.S. talks: \"Ishiba's plan\"");
//!
//! // A match in the folded text, mapped back to the original text.
//! let start = folded.find("Ishiba's").unwrap();
//! let end = start + "Ishiba's".len();
//! let (orig, fold_map) = (OffsetMap::new(text), OffsetMap::new(&folded));
//! let range = orig.byte_range(fold_map.char_range(start..end));
//! assert_eq!(&text[range], "Ishiba’s");
//! ```

/// Folds one char to its plain form for matching (see the module docs).
///
/// - single quotes, apostrophes and primes (`‘ ’ ‚ ‛ ′ ‵ ʼ ʹ ´ ‹ › ＇`) → `'`
/// - double quotes and double primes (`“ ” „ ‟ ″ ‶ « » 〝 〞`) → `"`
/// - hyphens, dashes and the minus sign (`‐ ‑ ‒ – — ― − ⁃ ⸺ ⸻ ﹘ ﹣`) → `-`
/// - NBSP, the en/em/thin/hair spaces, narrow NBSP, ideographic space, tab
///   and the other horizontal Unicode spaces → `' '` (line breaks are kept)
/// - fullwidth ASCII (`！`..`～`) → ASCII; fraction slash `⁄` → `/`
/// - everything else unchanged
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if c == '\t' { ' ' } else { c };
    }
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | '‵' | 'ʼ' | 'ʹ' | '´' | '‹' | '›' | '＇' => {
            '\''
        }
        '“' | '”' | '„' | '‟' | '″' | '‶' | '«' | '»' | '〝' | '〞' | '〟' | '＂' => {
            '"'
        }
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃' | '⸺' | '⸻' | '﹘' | '﹣' | '－' => {
            '-'
        }
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            ' '
        }
        '⁄' => '/',
        // Fullwidth ASCII block: the NFKC mapping, one char to one char.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Folds every char of `text` with [`fold_char`]; the result has exactly as
/// many chars as `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out` (reuses `out`'s allocation).
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() && !text.contains('\t') {
        out.push_str(text);
        return;
    }
    out.extend(text.chars().map(fold_char));
}

/// Whether [`fold`] would change `text`.
pub fn needs_fold(text: &str) -> bool {
    text.chars().any(|c| fold_char(c) != c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ('‘', '\''),
            ('’', '\''),
            ('‚', '\''),
            ('‛', '\''),
            ('′', '\''),
            ('ʼ', '\''),
            ('“', '"'),
            ('”', '"'),
            ('„', '"'),
            ('‟', '"'),
            ('″', '"'),
            ('«', '"'),
            ('»', '"'),
            ('‐', '-'),
            ('‑', '-'),
            ('‒', '-'),
            ('–', '-'),
            ('—', '-'),
            ('―', '-'),
            ('−', '-'),
            ('\u{A0}', ' '),
            ('\u{2009}', ' '),
            ('\u{202F}', ' '),
            ('\u{3000}', ' '),
            ('\t', ' '),
            ('Ａ', 'A'),
            ('．', '.'),
            ('～', '~'),
            ('⁄', '/'),
            ('\n', '\n'),
            ('…', '…'),
            ('é', 'é'),
            ('\u{AD}', '\u{AD}'),
            ('\u{200B}', '\u{200B}'),
            ('a', 'a'),
        ];
        for (from, to) in cases {
            assert_eq!(fold_char(from), to, "{from:?}");
        }
    }

    #[test]
    fn keeps_char_count() {
        let text = "“Japan–U.S.” talks\u{a0}— Ishiba’s ＵＳ plan… e\u{301}\tend";
        let folded = fold(text);
        assert_eq!(folded.chars().count(), text.chars().count());
        assert_eq!(
            folded,
            "\"Japan-U.S.\" talks - Ishiba's US plan… e\u{301} end"
        );
        assert!(needs_fold(text));
        assert!(!needs_fold(&folded));
    }

    #[test]
    fn ascii_fast_path() {
        assert_eq!(fold("plain text"), "plain text");
        let mut out = String::from(">");
        fold_into("a\tb", &mut out);
        assert_eq!(out, ">a b");
    }
}
