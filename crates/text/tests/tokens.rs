//! Token tables: each input with its tokens rendered as `text/K`, where K is
//! W word, N number, A abbreviation, P possessive, C contraction, H hyphen,
//! D dash, Q quote, . punctuation, S symbol.

use tacitus_text::Segmenter;
use tacitus_text::tokens::{Token, TokenKind, tokenize, tokenize_range};

fn code(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "W",
        TokenKind::Number => "N",
        TokenKind::Abbreviation => "A",
        TokenKind::Possessive => "P",
        TokenKind::Contraction => "C",
        TokenKind::Hyphen => "H",
        TokenKind::Dash => "D",
        TokenKind::Quote => "Q",
        TokenKind::Punct => ".",
        TokenKind::Symbol => "S",
    }
}

fn render(text: &str, tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| format!("{}/{}", t.text(text), code(t.kind)))
        .collect::<Vec<_>>()
        .join(" ")
}

const TABLE: &[(&str, &str)] = &[
    // possessives and contractions
    ("Ishiba's visit", "Ishiba/W 's/P visit/W"),
    ("Ishiba’s visit", "Ishiba/W ’s/P visit/W"),
    ("the ministers' talks", "the/W ministers/W '/P talks/W"),
    ("the ministers’ talks", "the/W ministers/W ’/P talks/W"),
    ("the 'yes' votes", "the/W '/Q yes/W '/Q votes/W"),
    ("don't", "do/W n't/C"),
    ("can’t", "ca/W n’t/C"),
    ("won't", "wo/W n't/C"),
    ("DON'T", "DO/W N'T/C"),
    (
        "we're they've she'll I'd I'm",
        "we/W 're/C they/W 've/C she/W 'll/C I/W 'd/C I/W 'm/C",
    ),
    ("it's there's Let's", "it/W 's/C there/W 's/C Let/W 's/C"),
    ("O'Brien's plan", "O'Brien/W 's/P plan/W"),
    ("Acme Corp.'s bid", "Acme/W Corp./A 's/P bid/W"),
    ("the U.S.’s plan", "the/W U.S./A ’s/P plan/W"),
    ("Corp.'sx", "Corp./A '/Q sx/W"),
    ("Côte d'Ivoire", "Côte/W d'Ivoire/W"),
    ("rock'n'roll", "rock'n'roll/W"),
    ("the 1990's boom", "the/W 1990/N 's/P boom/W"),
    ("'90s", "'/Q 90s/N"),
    // hyphens and dashes
    ("Japan-U.S. talks", "Japan/W -/H U.S./A talks/W"),
    ("U.S.-led coalition", "U.S./A -/H led/W coalition/W"),
    ("mid-February", "mid/W -/H February/W"),
    ("co-operate", "co/W -/H operate/W"),
    ("10-year yield", "10/N -/H year/W yield/W"),
    ("a 52-48 vote", "a/W 52/N -/H 48/N vote/W"),
    ("the 2019–20 season", "the/W 2019/N –/H 20/N season/W"),
    (
        "Russia-Ukraine-Belarus",
        "Russia/W -/H Ukraine/W -/H Belarus/W",
    ),
    ("pre- and post-war", "pre/W -/H and/W post/W -/H war/W"),
    ("NAIROBI — Kenyan police", "NAIROBI/W —/D Kenyan/W police/W"),
    ("BRUSSELS - EU", "BRUSSELS/W -/D EU/W"),
    ("word--word", "word/W --/D word/W"),
    ("war—and peace", "war/W —/D and/W peace/W"),
    // abbreviations and periods
    ("The U.S. envoy left.", "The/W U.S./A envoy/W left/W ./."),
    ("moved to the U.S.", "moved/W to/W the/W U.S./A"),
    ("Toyota Motor Corp. said", "Toyota/W Motor/W Corp./A said/W"),
    ("Samsung Co. Ltd., a", "Samsung/W Co./A Ltd./A ,/. a/W"),
    ("on Jan. 14", "on/W Jan./A 14/N"),
    ("Sept. 11", "Sept./A 11/N"),
    ("Mr. and Mrs. Ito", "Mr./A and/W Mrs./A Ito/W"),
    ("Lt. Col. Sesay", "Lt./A Col./A Sesay/W"),
    ("No. 10 Downing St.", "No./A 10/N Downing/W St./A"),
    ("He said No. Then", "He/W said/W No/W ./. Then/W"),
    ("at 3 p.m. Monday", "at/W 3/N p.m./A Monday/W"),
    (
        "e.g. steel, i.e. costs",
        "e.g./A steel/W ,/. i.e./A costs/W",
    ),
    ("a Ph.D. in", "a/W Ph.D./A in/W"),
    ("J. Smith", "J./A Smith/W"),
    ("George W. Bush", "George/W W./A Bush/W"),
    ("World War I.", "World/W War/W I/W ./."),
    ("Amazon.com Inc.", "Amazon.com/W Inc./A"),
    ("on www.example.gov.", "on/W www.example.gov/W ./."),
    ("It ended... Then", "It/W ended/W .../. Then/W"),
    ("It ended… Then", "It/W ended/W …/. Then/W"),
    ("the U.S economy", "the/W U.S/W economy/W"),
    // numbers and symbols
    ("3.5 percent", "3.5/N percent/W"),
    ("$1.2 billion", "$/S 1.2/N billion/W"),
    ("1,200 troops", "1,200/N troops/W"),
    ("2.4%", "2.4/N %/S"),
    ("at 10:30", "at/W 10:30/N"),
    ("after 9/11", "after/W 9/11/N"),
    ("the 1990s and 20th", "the/W 1990s/N and/W 20th/N"),
    ("€50 or ¥1,000", "€/S 50/N or/W ¥/S 1,000/N"),
    ("rose 3.", "rose/W 3/N ./."),
    ("G7 and 5G", "G7/W and/W 5G/N"),
    ("in 2019, 2020", "in/W 2019/N ,/. 2020/N"),
    // quotes and brackets
    (
        "\"We will win,\" he said.",
        "\"/Q We/W will/W win/W ,/. \"/Q he/W said/W ./.",
    ),
    (
        "“Who benefits?” asked",
        "“/Q Who/W benefits/W ?/. ”/Q asked/W",
    ),
    ("(Wire) -", "(/. Wire/W )/. -/D"),
    ("«Nous»", "«/Q Nous/W »/Q"),
    // other scripts
    ("Zürich's mayor", "Zürich/W 's/P mayor/W"),
    ("会談は終わった。", "会談は終わった/W 。/."),
    ("Москва заявила", "Москва/W заявила/W"),
    ("e\u{301}lan", "e\u{301}lan/W"),
    ("peace 🕊 now", "peace/W 🕊/S now/W"),
];

#[test]
fn token_table() {
    let mut failures = Vec::new();
    for &(input, expect) in TABLE {
        let got = render(input, &tokenize(input));
        if got != expect {
            failures.push(format!(
                "{input:?}\n    got:    {got}\n    expect: {expect}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} token cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sentence_final_initial_when_tokenizing_sentences() {
    let text = "The ship was last seen in Sector B. The navy launched a search.";
    let seg = Segmenter::new();
    let rendered: Vec<String> = seg
        .split(text)
        .into_iter()
        .map(|r| render(text, &tokenize_range(text, r)))
        .collect();
    assert_eq!(
        rendered,
        [
            "The/W ship/W was/W last/W seen/W in/W Sector/W B/W ./.",
            "The/W navy/W launched/W a/W search/W ./.",
        ]
    );
    // Over the whole text, "B." is read as an initial.
    assert!(render(text, &tokenize(text)).contains("B./A The/W"));
}

#[test]
fn token_helpers() {
    let text = "Ishiba's";
    let toks = tokenize(text);
    assert_eq!(toks.len(), 2);
    assert_eq!(toks[0].range(), 0..6);
    assert!(toks[0].kind.is_wordlike());
    assert!(!toks[1].kind.is_wordlike());
    assert_eq!(toks[1].text("short"), "");
}
