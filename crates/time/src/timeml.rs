//! TimeML output: a TempEval-3 style `.tml` document with inline TIMEX3 tags.
//!
//! The DCT gets its own `TIMEX3` (`tid="t0"`, `functionInDocument="CREATION_TIME"`)
//! inside `<DCT>`, and the text is written inside `<TEXT>` with each timex
//! wrapped in `<TIMEX3 tid="tN" type=… value=… [mod=…]>`, XML-escaped, ready
//! for the TempEval-3 evaluation scripts.
//!
//! ```
//! use tacitus_time::{TimexTagger, parse_dct, timeml};
//! let dct = parse_dct("2025-01-13")?;
//! let text = "Talks will start on Friday & end soon.";
//! let tml = timeml::write(text, dct, &TimexTagger::new().tag(text, Some(dct)), "doc1");
//! assert!(tml.contains(r#"<TIMEX3 tid="t1" type="DATE" value="2025-01-17">Friday</TIMEX3> &amp; end"#));
//! # Ok::<(), tacitus_time::Error>(())
//! ```

use std::fmt::Write;

use jiff::civil::Date;

use crate::Timex;

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Writes `text` as a TimeML document with `timexes` (byte spans into
/// `text`, sorted, not overlapping; others are skipped) tagged inline.
pub fn write(text: &str, dct: Date, timexes: &[Timex], doc_id: &str) -> String {
    let mut out = String::with_capacity(text.len() + timexes.len() * 64 + 512);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n<DOCID>");
    escape(&mut out, doc_id);
    let d = crate::resolve::ymd(dct);
    let _ = write!(
        out,
        "</DOCID>\n\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n\n<TEXT>"
    );
    let mut pos = 0;
    let mut n = 0;
    for t in timexes {
        let (Some(before), Some(inner)) = (text.get(pos..t.start), text.get(t.start..t.end)) else {
            continue;
        };
        if t.start < pos || t.end <= t.start {
            continue;
        }
        escape(&mut out, before);
        n += 1;
        let _ = write!(out, "<TIMEX3 tid=\"t{n}\" type=\"{}\" value=\"", t.kind);
        escape(&mut out, &t.value);
        out.push('"');
        if let Some(m) = t.modifier {
            let _ = write!(out, " mod=\"{m}\"");
        }
        out.push('>');
        escape(&mut out, inner);
        out.push_str("</TIMEX3>");
        pos = t.end;
    }
    escape(&mut out, text.get(pos..).unwrap_or_default());
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
}
