//! Fuzz target: the TIMEX3 tagger alone, on arbitrary text and arbitrary
//! (also absurd) publication dates, and `parse_dct` on arbitrary strings.
//! Nothing may panic; spans must be ordered, non-overlapping char-boundary
//! byte ranges.
//!
//! `cargo fuzz run timex -s none`

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tacitus_time::{Date, TimexTagger, parse_dct};

static TAGGER: LazyLock<TimexTagger> = LazyLock::new(TimexTagger::new);

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<4>() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let _ = parse_dct(&text);
    // A date anywhere in jiff's range, from the first four bytes.
    let year = i16::from_le_bytes([head[0], head[1]]).clamp(-9999, 9999);
    let (month, day) = ((head[2] % 12 + 1) as i8, (head[3] % 31 + 1) as i8);
    let dct = Date::new(year, month, day).ok();
    let mut last = 0;
    for t in TAGGER.tag(&text, dct) {
        assert!(last <= t.start && t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        last = t.end;
    }
});
