//! Tags a JSONL corpus (`{"id","date","text",...}` a line, like the
//! TempEval-3 `timebank.jsonl`) and prints one `tacitus/1` document a line,
//! with character offsets, for `score_timex.py`.
//!
//! ```text
//! cargo run --release -p tacitus-time --example timebank -- corpus.jsonl > /tmp/tb.jsonl
//! python3 ../shared/tools/score_timex.py /tmp/tb.jsonl --gold corpus.jsonl
//! ```

use std::io::{BufRead, Write};

use tacitus_time::{TimexTagger, parse_dct};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: timebank FILE.jsonl")?;
    let tagger = TimexTagger::new();
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)?;
        let text = doc["text"].as_str().unwrap_or_default();
        let dct = doc["date"].as_str().and_then(|d| parse_dct(d).ok());
        // byte → char offsets
        let mut char_at = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, _) in text.char_indices() {
            char_at[b] = n;
            n += 1;
        }
        char_at[text.len()] = n;
        let timexes: Vec<serde_json::Value> = tagger
            .tag(text, dct)
            .iter()
            .map(|t| {
                serde_json::json!({
                    "start": char_at[t.start], "end": char_at[t.end], "text": &text[t.start..t.end],
                    "type": t.kind.as_str(), "value": t.value, "mod": t.modifier.map(|m| m.as_str()),
                })
            })
            .collect();
        let rec = serde_json::json!({
            "schema": "tacitus/1",
            "article": { "id": doc["id"], "source": doc["id"], "published": doc["date"], "text": text },
            "timexes": timexes,
        });
        writeln!(out, "{rec}")?;
    }
    Ok(())
}
