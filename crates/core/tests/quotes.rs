//! The quotes stage over sentences we wrote: straight and curly quotes,
//! quotes split by "he said", pronoun speakers, and what is not a quote.

use tacitus_core::{Article, Document, Pipeline};

fn code(text: &str) -> Document {
    let mut article = Article::from_text(text.to_string());
    article.published = Some(jiff::civil::date(2025, 3, 10));
    Pipeline::standard()
        .run(article)
        .expect("the pipeline runs")
}

/// (quote text, speaker name) of each quote.
fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let doc = code(text);
    doc.quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().and_then(|id| {
                doc.entities
                    .iter()
                    .find(|e| &e.id == id)
                    .map(|e| e.name.clone())
            });
            (q.text.clone(), speaker)
        })
        .collect()
}

#[test]
fn speaker_after_the_quote() {
    let got =
        quotes("\u{201c}We will not sign this deal today,\u{201d} Vladimir Putin said on Monday.");
    assert_eq!(
        got,
        [(
            "We will not sign this deal today".to_string(),
            Some("Vladimir Putin".to_string())
        )]
    );
}

#[test]
fn speaker_before_the_quote_and_straight_quotes() {
    let got = quotes("Emmanuel Macron told reporters: \"The talks must go on until spring.\"");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "The talks must go on until spring.");
    assert_eq!(got[0].1.as_deref(), Some("Emmanuel Macron"));
}

#[test]
fn a_quote_split_by_he_said_keeps_its_speaker() {
    let got = quotes(
        "Narendra Modi arrived in Tokyo. \"We came to build trust,\" he said, \"and we will stay as long as it takes.\"",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|(_, s)| s.as_deref() == Some("Narendra Modi")),
        "{got:?}"
    );
}

#[test]
fn slogans_and_unclosed_quotes_are_not_quotations() {
    assert!(quotes("Voters cheered the \"Brazil First\" slogan in Recife.").is_empty());
    // An unclosed quote ends with its paragraph.
    let doc =
        code("He called it \"a fair and balanced approach to trade\n\nThe next day prices fell.");
    assert!(doc.quotes.is_empty(), "{:?}", doc.quotes);
}

#[test]
fn a_possessor_is_not_the_speaker() {
    let got = quotes(
        "\"The border will stay open for trucks,\" said Vladimir Putin's spokesman, Dmitry Peskov.",
    );
    assert_eq!(got.len(), 1);
    assert_ne!(got[0].1.as_deref(), Some("Vladimir Putin"), "{got:?}");
}

#[test]
fn a_partial_quotation_is_its_subjects_words() {
    let got =
        quotes("Prime Minister Mark Carney condemned the attack as a \"cowardly act\" on Monday.");
    assert_eq!(
        got,
        [("cowardly act".to_string(), Some("Mark Carney".to_string()))]
    );
    // The person with the reporting verb, not the one named first.
    let got =
        quotes("Mark Carney spoke first, but Melanie Joly later said the talks had \"gone well\".");
    // Named as written: the dictionary has "Mélanie Joly".
    assert_eq!(got[0].1.as_deref(), Some("Melanie Joly"), "{got:?}");
    // Without a speaker a short phrase is no quotation.
    assert!(quotes("The so-called \"peace dividend\" never came.").is_empty());
}

#[test]
fn the_next_sentences_verb_is_not_the_speaker() {
    let got = quotes(
        "Mark Carney praised the deal as \"a lifeline for our farmers and workers.\" \
         Melanie Joly said the talks would resume.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Mark Carney"), "{got:?}");
}
