//! The gazetteer: every name and alias of the dictionaries, tokenized like
//! the text and normalized (folded, lowercased), in one aho-corasick
//! automaton run over a document's normalized token stream (" tok tok …").
//! A match is kept only where it starts and ends on token boundaries and its
//! case agrees with the entry (see [`case_ok`]); leftmost-longest matching
//! gives "Nippon Steel" over "Nippon" and "South Korea" over "Korea".

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap;
use tacitus_dict::Dictionary;
use tacitus_text::{fold, tokenize};

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Ref {
    /// A country (index into `Dictionary::countries`).
    Country(u32),
    /// A capital or seat of government of that country.
    Capital(u32),
    /// A demonym or adjective of that country: a cue, not an entity.
    Adjective(u32),
    /// An international body.
    Igo(u32),
    /// An organization.
    Org(u32),
    /// A person.
    Person(u32),
    /// A place.
    Place(u32),
    /// An office title.
    Title(u32),
}

impl Ref {
    /// Precedence when one alias names several things (docs/dictionaries.md):
    /// country, body, organization, person, capital, place, title, adjective.
    fn rank(self) -> u8 {
        match self {
            Ref::Country(_) => 0,
            Ref::Igo(_) => 1,
            Ref::Org(_) => 2,
            Ref::Person(_) => 3,
            Ref::Capital(_) => 4,
            Ref::Place(_) => 5,
            Ref::Title(_) => 6,
            Ref::Adjective(_) => 7,
        }
    }
}

/// One alias of one dictionary entry.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) r: Ref,
    /// The alias's tokens as written (folded), to check case.
    tokens: Vec<Box<str>>,
    /// From a user's file: wins over built-in entries.
    user: bool,
    /// Matches in any case (titles, lowercase aliases).
    any_case: bool,
}

/// The automaton and the entries of each pattern.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    ac: AhoCorasick,
    entries: Vec<Vec<Entry>>,
    /// The first token of every pattern (normalized), with its index in
    /// `follow`: a match can only start at a token that is one, so the
    /// automaton runs only there.
    first: FxHashMap<Box<str>, u32>,
    /// What may follow each first token in a pattern.
    follow: Vec<Follow>,
}

/// What follows one first token in the patterns: the end of the pattern
/// (it is a name by itself) or a second token, by its first byte.
#[derive(Debug, Clone, Default)]
struct Follow {
    alone: bool,
    /// Bit b: some pattern's second token starts with byte b.
    next: [u64; 4],
}

/// A normalized token: folded and lowercased.
#[inline]
pub(crate) fn norm_token(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        let c = tacitus_text::fold_char(c);
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

impl Gazetteer {
    pub(crate) fn new(dict: &Dictionary) -> Gazetteer {
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut add = |alias: &str, r: Ref, user: bool, any_case: bool| {
            let folded = fold(alias.trim());
            let mut toks: Vec<&str> = tokenize(&folded)
                .iter()
                .map(|t| t.text(&folded))
                .filter(|t| !t.is_empty())
                .collect();
            // "the Quad", "The Hague": the article is matched as a cue, not a name part.
            if toks.len() > 1
                && (toks[0] == "the" || toks[0] == "The")
                && !matches!(r, Ref::Place(_))
            {
                toks.remove(0);
            }
            if toks.is_empty() {
                return;
            }
            let mut key = String::new();
            for t in &toks {
                key.push(' ');
                norm_token(t, &mut key);
            }
            let any_case = any_case || !toks.iter().any(|t| t.chars().any(char::is_uppercase));
            let entry = Entry {
                r,
                tokens: toks.iter().map(|t| Box::from(*t)).collect(),
                user,
                any_case,
            };
            let i = *keys.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                entries.push(Vec::new());
                entries.len() - 1
            });
            if !entries[i]
                .iter()
                .any(|e| e.r == entry.r && e.tokens == entry.tokens)
            {
                entries[i].push(entry);
            }
        };
        for (i, c) in dict.countries.iter().enumerate() {
            let i = i as u32;
            add(&c.name, Ref::Country(i), c.user, false);
            for a in &c.aliases {
                add(a, Ref::Country(i), c.user, false);
            }
            for a in &c.adjectives {
                add(a, Ref::Adjective(i), c.user, false);
            }
            for a in &c.capitals {
                add(a, Ref::Capital(i), c.user, false);
            }
        }
        for (i, x) in dict.igos.iter().enumerate() {
            add(&x.name, Ref::Igo(i as u32), x.user, false);
            for a in &x.aliases {
                add(a, Ref::Igo(i as u32), x.user, false);
            }
        }
        for (i, x) in dict.orgs.iter().enumerate() {
            add(&x.name, Ref::Org(i as u32), x.user, false);
            for a in &x.aliases {
                add(a, Ref::Org(i as u32), x.user, false);
            }
        }
        for (i, x) in dict.people.iter().enumerate() {
            add(&x.name, Ref::Person(i as u32), x.user, false);
            for a in &x.aliases {
                add(a, Ref::Person(i as u32), x.user, false);
            }
        }
        for (i, x) in dict.places.iter().enumerate() {
            add(&x.name, Ref::Place(i as u32), x.user, false);
            for a in &x.aliases {
                add(a, Ref::Place(i as u32), x.user, false);
            }
        }
        for (i, x) in dict.titles.iter().enumerate() {
            add(&x.title, Ref::Title(i as u32), x.user, true);
        }
        for list in &mut entries {
            list.sort_by_key(|e| (!e.user, e.r.rank()));
        }
        let mut first: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut follow: Vec<Follow> = Vec::new();
        for p in &patterns {
            let mut toks = p[1..].split(' ');
            let Some(head) = toks.next() else { continue };
            let id = *first.entry(Box::from(head)).or_insert_with(|| {
                follow.push(Follow::default());
                (follow.len() - 1) as u32
            });
            let f = &mut follow[id as usize];
            match toks.next().and_then(|t| t.bytes().next()) {
                Some(b) => f.next[usize::from(b >> 6)] |= 1 << (b & 63),
                None => f.alone = true,
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            // Every pattern starts with a space, so a start-byte prefilter
            // stops at every token and only costs time.
            .prefilter(false)
            .build(&patterns)
            .expect("gazetteer patterns build an automaton");
        Gazetteer {
            ac,
            entries,
            first,
            follow,
        }
    }

    /// Every match over the token stream: `(first token, end token, entry)`,
    /// in text order, not overlapping. `stream` is " tok tok …" with
    /// `starts[i]` the offset of token i's first byte (after its space);
    /// `first_of(i)` which first token of the names token i is, if it is one
    /// ([`Gazetteer::first_id`] of it); `texts[i]` is token i as written,
    /// folded; `caps(i)` whether it sits in an all-capitals line.
    ///
    /// The same matches as one leftmost-longest scan of the whole stream: a
    /// pattern starts with a space and tokens hold none, so a match starts
    /// at a token's space, and only where that token is a pattern's first
    /// token or the prefix of one (a single-token pattern matching the start
    /// of a longer token, which never aligns and is skipped like here).
    /// Where no pattern goes on from the token's first token to the next
    /// token's first byte, and the token alone is no pattern, the automaton
    /// would find nothing (or only a prefix of the token, which never
    /// aligns nor reaches the next token), so it does not run.
    pub(crate) fn find(
        &self,
        stream: &str,
        starts: &[usize],
        first_of: impl Fn(usize) -> Option<u32>,
        texts: &[&str],
        caps: impl Fn(usize) -> bool,
        out: &mut Vec<(usize, usize, Ref)>,
    ) {
        let mut at = 0;
        for first in 0..starts.len() {
            let pos = starts[first] - 1;
            if pos < at {
                continue;
            }
            let Some(id) = first_of(first) else {
                continue;
            };
            let next = starts
                .get(first + 1)
                .and_then(|&s| stream.as_bytes().get(s));
            if !self.may_go_on(id, next.copied()) {
                continue;
            }
            let Some(m) = self.ac.find(
                Input::new(stream)
                    .range(pos..stream.len())
                    .anchored(Anchored::Yes),
            ) else {
                continue;
            };
            at = m.end().max(m.start() + 1);
            let mut end_pos = m.end();
            let mut pid = m.pattern().as_usize();
            loop {
                let aligned = end_pos == stream.len() || stream.as_bytes()[end_pos] == b' ';
                // The tokens the match covers: it ends past token `first`'s
                // start, and a name has a few tokens (as `partition_point`).
                let mut last = first + 1;
                while last < starts.len() && starts[last] < end_pos {
                    last += 1;
                }
                if aligned && let Some(r) = self.pick(pid, &texts[first..last], |j| caps(first + j))
                {
                    out.push((first, last, r));
                    at = end_pos;
                    break;
                }
                // Retry shorter: the longest match failed alignment or case.
                let Some(shorter) = (first + 1..last)
                    .rev()
                    .map(|j| starts[j] - 1)
                    .find_map(|e| {
                        self.ac
                            .find(
                                Input::new(stream)
                                    .range(m.start()..e)
                                    .anchored(Anchored::Yes),
                            )
                            .filter(|x| x.end() == e)
                    })
                else {
                    break;
                };
                end_pos = shorter.end();
                pid = shorter.pattern().as_usize();
            }
        }
    }

    /// The first token of every name (normalized), with its id.
    pub(crate) fn name_starts(&self) -> impl Iterator<Item = (&str, u32)> {
        self.first.iter().map(|(s, &id)| (&**s, id))
    }

    /// Which first token of some name a normalized token is, if any.
    pub(crate) fn first_id(&self, norm: &str) -> Option<u32> {
        self.first.get(norm).copied()
    }

    /// Whether a pattern may match from first token `id` when the next
    /// token starts with byte `next` (`None`: no next token).
    fn may_go_on(&self, id: u32, next: Option<u8>) -> bool {
        let f = &self.follow[id as usize];
        f.alone || next.is_some_and(|b| f.next[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }

    /// The entry of pattern `pid` whose case agrees with the text, by precedence.
    /// `caps(j)` tells whether `texts[j]` sits in a line of capitals.
    fn pick(&self, pid: usize, texts: &[&str], caps: impl Fn(usize) -> bool) -> Option<Ref> {
        self.entries[pid]
            .iter()
            .find(|e| e.tokens.len() == texts.len() && case_ok(e, texts, &caps))
            .map(|e| e.r)
    }
}

/// Whether the text's case agrees with an entry: the same case as written;
/// or all capitals in a line of capitals (headlines); any case for a title
/// or an all-lowercase alias, and for the lowercase words inside a name
/// ("Bank of England").
fn case_ok(e: &Entry, texts: &[&str], caps: impl Fn(usize) -> bool) -> bool {
    if e.any_case {
        return true;
    }
    e.tokens
        .iter()
        .zip(texts)
        .enumerate()
        .all(|(j, (want, got))| {
            **want == **got
                || !want.chars().any(char::is_uppercase)
                || (caps(j) && got.chars().all(|c| !c.is_lowercase()) && want.chars().count() > 1)
        })
}
