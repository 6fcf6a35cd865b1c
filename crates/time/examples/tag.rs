//! Tags text from standard input and prints one timex a line:
//! `start..end  TYPE  value  [mod]  "text"`.
//!
//! ```text
//! echo "They will meet on Friday." | cargo run -p tacitus-time --example tag -- 2025-01-13
//! ```

use std::io::Read;

use tacitus_time::{TimexTagger, parse_dct};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dct = match std::env::args().nth(1) {
        Some(d) => Some(parse_dct(&d)?),
        None => None,
    };
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    for t in TimexTagger::new().tag(&text, dct) {
        let m = t.modifier.map(|m| m.as_str()).unwrap_or("-");
        println!(
            "{}..{}\t{}\t{}\t{}\t{:?}",
            t.start,
            t.end,
            t.kind,
            t.value,
            m,
            &text[t.start..t.end]
        );
    }
    Ok(())
}
