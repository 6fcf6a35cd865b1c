//! Normalization and offset maps together: folding keeps char offsets, and a
//! match found in folded text maps back to the original through OffsetMap.

use tacitus_text::OffsetMap;
use tacitus_text::normalize::{fold, fold_char};

#[test]
fn fold_news_text() {
    let cases = [
        ("Ishiba’s “plan”", "Ishiba's \"plan\""),
        ("‘Go,’ he said", "'Go,' he said"),
        ("„Ja“ und «Nein»", "\"Ja\" und \"Nein\""),
        ("Japan–U.S. — talks", "Japan-U.S. - talks"),
        ("−3.5 percent", "-3.5 percent"),
        ("non‑binding", "non-binding"),
        ("10\u{a0}000 troops", "10 000 troops"),
        ("5\u{202f}km\u{2009}away", "5 km away"),
        ("ＵＮＩＣＥＦ！", "UNICEF!"),
        ("line\nbreak", "line\nbreak"),
        ("wait…", "wait…"),
    ];
    for (input, expect) in cases {
        assert_eq!(fold(input), expect, "{input:?}");
        assert_eq!(fold(input).chars().count(), input.chars().count());
    }
}

#[test]
fn fold_char_is_idempotent() {
    for c in (0..0x3_0000u32).filter_map(char::from_u32) {
        let f = fold_char(c);
        assert_eq!(fold_char(f), f, "{c:?}");
    }
}

#[test]
fn folded_match_maps_back_to_original() {
    let text = "PARIS — “Élysée’s view,” said Ms. Durand. Ishiba’s reply came later.";
    let folded = fold(text);
    let (orig, fmap) = (OffsetMap::new(text), OffsetMap::new(&folded));
    for needle in ["Ishiba's", "Élysée's", "\"Élysée's view,\"", "- \""] {
        let start = folded.find(needle).expect("needle in folded text");
        let chars = fmap.char_range(start..start + needle.len());
        let back = &text[orig.byte_range(chars)];
        assert_eq!(fold(back), needle);
    }
}

#[test]
fn offset_map_round_trips() {
    let text = "Zürich, 3 März — 会談 🇯🇵 done";
    let map = OffsetMap::new(text);
    assert!(!map.is_ascii());
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        assert_eq!(map.char_of_byte(bi), ci);
        assert_eq!(map.byte_of_char(ci), bi);
    }
    assert_eq!(map.len_chars(), text.chars().count());
    assert_eq!(map.byte_of_char(map.len_chars() + 10), text.len());
}
