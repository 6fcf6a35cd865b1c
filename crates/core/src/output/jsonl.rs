//! The JSONL line of a [`Document`], written field by field.
//!
//! Byte for byte what `serde_json::to_writer` makes of the document's
//! `Serialize` derive (the test below compares them on every test article),
//! but faster: `serde_json` escapes strings one byte at a time, and strings
//! (the body, every mention's text, the evidence) are most of a document's
//! JSON. Here clean runs are found eight bytes at a time. Leaves with a
//! format of their own (floats, dates, the kind enums) still go through
//! `serde_json`, so their spelling and the serde renames stay in one place.
//!
//! A field added to a serialized struct must be added here too; the test
//! fails until it is.

use serde::Serialize;

use crate::document::{
    Article, Document, Entity, Event, EventActor, Location, Mention, Place, Quote, Span, Theme,
    Timex, Tone,
};

/// Appends the document's JSON (no newline) to `out`.
pub(super) fn document(out: &mut Vec<u8>, d: &Document) {
    let mut w = Out(out);
    w.raw(b"{\"schema\":");
    w.str(&d.schema);
    w.raw(b",\"article\":");
    d.article.write(&mut w);
    w.raw(b",\"sentences\":");
    w.list(&d.sentences);
    w.raw(b",\"entities\":");
    w.list(&d.entities);
    w.raw(b",\"timexes\":");
    w.list(&d.timexes);
    w.raw(b",\"events\":");
    w.list(&d.events);
    w.raw(b",\"quotes\":");
    w.list(&d.quotes);
    w.raw(b",\"locations\":");
    w.list(&d.locations);
    w.raw(b",\"tone\":");
    w.option(d.tone.as_ref());
    w.raw(b",\"themes\":");
    w.list(&d.themes);
    w.raw(b"}");
}

/// A value that writes its own JSON.
trait Json {
    fn write(&self, w: &mut Out<'_>);
}

/// The line being written. Keys are written with their punctuation as one
/// literal (`,"end":`), which compiles to a few stores.
struct Out<'a>(&'a mut Vec<u8>);

impl Out<'_> {
    /// Bytes that need no escaping.
    #[inline]
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    #[inline]
    fn str(&mut self, s: &str) {
        string(self.0, s);
    }

    #[inline]
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => string(self.0, s),
            None => self.raw(b"null"),
        }
    }

    #[inline]
    fn uint(&mut self, n: usize) {
        self.raw(itoa::Buffer::new().format(n).as_bytes());
    }

    fn option(&mut self, v: Option<&impl Json>) {
        match v {
            Some(v) => v.write(self),
            None => self.raw(b"null"),
        }
    }

    fn list<T: Json>(&mut self, items: &[T]) {
        self.raw(b"[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            item.write(self);
        }
        self.raw(b"]");
    }

    /// A float, date or enum, as `serde_json` spells it (into a `Vec`,
    /// which cannot fail).
    fn leaf(&mut self, v: &impl Serialize) {
        serde_json::to_writer(&mut *self.0, v).expect("numbers, dates and enums serialize");
    }
}

/// Bytes JSON strings escape: the quote, the backslash and control chars.
static ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Whether any of the eight bytes of `w` is [`ESCAPED`]. Exact (the
/// classic "has a byte less than" and "has a zero byte" tests tell whether
/// one exists, though not always where).
#[inline]
fn any_escaped(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let zero_in = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    (below_space | zero_in(w ^ (ONES * u64::from(b'"'))) | zero_in(w ^ (ONES * u64::from(b'\\'))))
        != 0
}

/// `s` as a JSON string, escaped as `serde_json` does: `\"`, `\\`, the
/// short forms `\b \t \n \f \r`, `\u00xx` (lowercase hex) for other control
/// chars; everything else, non-ASCII included, as it is.
fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `run` is where the bytes not yet copied start.
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8)
            && let Ok(w) = <[u8; 8]>::try_from(chunk)
            && !any_escaped(u64::from_le_bytes(w))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        if ESCAPED[usize::from(b)] {
            out.extend_from_slice(&bytes[run..i]);
            escape(out, b);
            run = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// The escape of one [`ESCAPED`] byte.
fn escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        b'\t' => out.extend_from_slice(b"\\t"),
        b'\n' => out.extend_from_slice(b"\\n"),
        0x0C => out.extend_from_slice(b"\\f"),
        b'\r' => out.extend_from_slice(b"\\r"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]),
    }
}

impl Json for Article {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"id\":");
        w.str(&self.id);
        w.raw(b",\"source\":");
        w.opt_str(self.source.as_deref());
        w.raw(b",\"title\":");
        w.opt_str(self.title.as_deref());
        w.raw(b",\"subtitle\":");
        w.opt_str(self.subtitle.as_deref());
        w.raw(b",\"section\":");
        w.opt_str(self.section.as_deref());
        w.raw(b",\"published\":");
        w.leaf(&self.published);
        w.raw(b",\"language\":");
        w.str(&self.language);
        w.raw(b",\"text\":");
        w.str(&self.text);
        w.raw(b"}");
    }
}

impl Json for Span {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"start\":");
        w.uint(self.start);
        w.raw(b",\"end\":");
        w.uint(self.end);
        w.raw(b"}");
    }
}

impl Json for Mention {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"start\":");
        w.uint(self.start);
        w.raw(b",\"end\":");
        w.uint(self.end);
        w.raw(b",\"text\":");
        w.str(&self.text);
        w.raw(b"}");
    }
}

impl Json for Entity {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"id\":");
        w.str(&self.id);
        w.raw(b",\"name\":");
        w.str(&self.name);
        w.raw(b",\"kind\":");
        w.leaf(&self.kind);
        w.raw(b",\"actor\":");
        w.opt_str(self.actor.as_deref());
        w.raw(b",\"country\":");
        w.opt_str(self.country.as_deref());
        w.raw(b",\"role\":");
        w.opt_str(self.role.as_deref());
        w.raw(b",\"mentions\":");
        w.list(&self.mentions);
        // `skip_serializing_if = "Vec::is_empty"`
        if !self.references.is_empty() {
            w.raw(b",\"references\":");
            w.list(&self.references);
        }
        w.raw(b"}");
    }
}

impl Json for Timex {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"start\":");
        w.uint(self.start);
        w.raw(b",\"end\":");
        w.uint(self.end);
        w.raw(b",\"text\":");
        w.str(&self.text);
        w.raw(b",\"type\":");
        w.leaf(&self.kind);
        w.raw(b",\"value\":");
        w.str(&self.value);
        w.raw(b",\"mod\":");
        w.opt_str(self.modifier.as_deref());
        w.raw(b"}");
    }
}

impl Json for EventActor {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"actor\":");
        w.opt_str(self.actor.as_deref());
        w.raw(b",\"entity\":");
        w.opt_str(self.entity.as_deref());
        w.raw(b"}");
    }
}

impl Json for Place {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"name\":");
        w.str(&self.name);
        w.raw(b",\"country\":");
        w.opt_str(self.country.as_deref());
        w.raw(b",\"lat\":");
        w.leaf(&self.lat);
        w.raw(b",\"lon\":");
        w.leaf(&self.lon);
        w.raw(b"}");
    }
}

impl Json for Event {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"id\":");
        w.str(&self.id);
        w.raw(b",\"sentence\":");
        w.uint(self.sentence);
        w.raw(b",\"source\":");
        w.option(self.source.as_ref());
        w.raw(b",\"target\":");
        w.option(self.target.as_ref());
        w.raw(b",\"code\":");
        w.str(&self.code);
        w.raw(b",\"root\":");
        w.str(&self.root);
        w.raw(b",\"quad_class\":");
        w.uint(usize::from(self.quad_class));
        w.raw(b",\"goldstein\":");
        w.leaf(&self.goldstein);
        w.raw(b",\"plover\":");
        w.str(&self.plover);
        w.raw(b",\"modality\":");
        w.leaf(&self.modality);
        w.raw(b",\"date\":");
        w.opt_str(self.date.as_deref());
        w.raw(b",\"date_mod\":");
        w.opt_str(self.date_mod.as_deref());
        w.raw(b",\"location\":");
        w.option(self.location.as_ref());
        w.raw(b",\"evidence\":");
        self.evidence.write(w);
        w.raw(b",\"rule\":");
        w.str(&self.rule);
        w.raw(b",\"group\":");
        w.str(&self.group);
        w.raw(b"}");
    }
}

impl Json for Quote {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"start\":");
        w.uint(self.start);
        w.raw(b",\"end\":");
        w.uint(self.end);
        w.raw(b",\"text\":");
        w.str(&self.text);
        w.raw(b",\"speaker\":");
        w.opt_str(self.speaker.as_deref());
        w.raw(b"}");
    }
}

impl Json for Location {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"name\":");
        w.str(&self.name);
        w.raw(b",\"country\":");
        w.opt_str(self.country.as_deref());
        w.raw(b",\"lat\":");
        w.leaf(&self.lat);
        w.raw(b",\"lon\":");
        w.leaf(&self.lon);
        w.raw(b",\"mentions\":");
        w.list(&self.mentions);
        w.raw(b"}");
    }
}

impl Json for Tone {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"tone\":");
        w.leaf(&self.tone);
        w.raw(b",\"positive\":");
        w.leaf(&self.positive);
        w.raw(b",\"negative\":");
        w.leaf(&self.negative);
        w.raw(b",\"polarity\":");
        w.leaf(&self.polarity);
        w.raw(b",\"words\":");
        w.uint(self.words);
        w.raw(b"}");
    }
}

impl Json for Theme {
    fn write(&self, w: &mut Out<'_>) {
        w.raw(b"{\"theme\":");
        w.str(&self.theme);
        w.raw(b",\"mentions\":");
        w.uint(self.mentions);
        w.raw(b"}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{EntityKind, Modality, TimexType};
    use crate::{Article, Pipeline};

    fn ours(doc: &Document) -> String {
        let mut out = Vec::new();
        document(&mut out, doc);
        String::from_utf8(out).expect("UTF-8")
    }

    fn serde(doc: &Document) -> String {
        serde_json::to_string(doc).expect("serializes")
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut every: String = (0u8..128).map(char::from).collect();
        every.push_str("é’“”\u{2028}\u{7f}\u{10FFFF}");
        let mut cases = vec![every.clone(), String::new()];
        // every byte value at every place in and around an eight-byte chunk
        for c in (0u8..128).map(char::from).chain(['é', '’']) {
            for k in 0..18 {
                let mut s: String = "abcdefghijklmnopq".chars().take(k).collect();
                s.push(c);
                s.push_str("xyz");
                cases.push(s);
            }
        }
        for s in cases {
            let mut out = Vec::new();
            string(&mut out, &s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn documents_match_serde_json() {
        let pipeline = Pipeline::standard();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata");
        let mut texts = Vec::new();
        for sub in ["/articles", "/events"] {
            for entry in std::fs::read_dir(format!("{dir}{sub}")).expect("testdata") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(&path).expect("text"));
                }
            }
        }
        assert!(texts.len() > 5, "test articles found");
        let mut fields = [false; 6];
        for text in texts {
            let opts = crate::ingest::IngestOptions::default();
            let ingested = crate::ingest::ingest(text.as_bytes(), "a.txt", &opts).expect("ingests");
            for article in ingested.articles.into_iter().flatten() {
                let doc = pipeline.run(article).expect("runs");
                fields[0] |= !doc.entities.is_empty();
                fields[1] |= doc.entities.iter().any(|e| !e.references.is_empty());
                fields[2] |= !doc.events.is_empty();
                fields[3] |= !doc.quotes.is_empty();
                fields[4] |= !doc.locations.is_empty();
                fields[5] |= doc.tone.is_some();
                assert_eq!(ours(&doc), serde(&doc));
            }
        }
        assert_eq!(fields, [true; 6], "every layer is exercised");
    }

    #[test]
    fn every_field_and_null_matches_serde_json() {
        let mut article = Article::from_text("Tab\there, \"quoted\" \\ and \u{1}.".into());
        article.title = Some("T\n".into());
        article.published = Some(jiff::civil::date(2025, 1, 13));
        let mut doc = Document::new(article);
        let mention = Mention {
            start: 0,
            end: 3,
            text: "Tab".into(),
        };
        doc.sentences = vec![Span::new(0, 3)];
        doc.entities = vec![Entity {
            id: "E1".into(),
            name: "N".into(),
            kind: EntityKind::Igo,
            actor: None,
            country: Some("JPN".into()),
            role: None,
            mentions: vec![mention.clone()],
            references: vec![mention.clone()],
        }];
        doc.timexes = vec![Timex {
            start: 1,
            end: 2,
            text: "a".into(),
            kind: TimexType::Duration,
            value: "P3D".into(),
            modifier: Some("MID".into()),
        }];
        let place = Place {
            name: "Kyiv".into(),
            country: None,
            lat: Some(50.45),
            lon: Some(f64::NAN),
        };
        doc.events = vec![Event {
            id: "V1".into(),
            sentence: 0,
            source: Some(EventActor {
                actor: Some("JPN".into()),
                entity: None,
            }),
            target: None,
            code: "042".into(),
            root: "04".into(),
            quad_class: 1,
            goldstein: -2.0,
            plover: "CONSULT".into(),
            modality: Modality::Negated,
            date: None,
            date_mod: Some("END".into()),
            location: Some(place),
            evidence: mention.clone(),
            rule: "r".into(),
            group: "V1".into(),
        }];
        doc.quotes = vec![Quote {
            start: 0,
            end: 1,
            text: "\"".into(),
            speaker: None,
        }];
        doc.locations = vec![Location {
            name: "L".into(),
            country: Some("UKR".into()),
            lat: None,
            lon: Some(30.5234),
            mentions: vec![mention],
        }];
        doc.tone = Some(Tone {
            tone: 1.0 / 3.0,
            positive: 0.0,
            negative: 1e-7,
            polarity: 1e21,
            words: 12,
        });
        doc.themes = vec![Theme {
            theme: "TRADE".into(),
            mentions: 2,
        }];
        assert_eq!(ours(&doc), serde(&doc));
        let empty = Document::new(Article::from_text(String::new()));
        assert_eq!(ours(&empty), serde(&empty));
    }
}
