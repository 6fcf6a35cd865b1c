//! The gazetteer: every name and alias of the dictionaries, tokenized like
//! the text and normalized (folded, lowercased), in a trie over token ids
//! walked along a document's normalized tokens. A match is kept only where
//! its case agrees with the entry (see [`case_ok`]); the longest match wins,
//! which gives "Nippon Steel" over "Nippon" and "South Korea" over "Korea".
//!
//! The matches are those of one leftmost-longest scan of the normalized
//! token stream (" tok tok …") for the names (" name tok …") as bytes,
//! keeping a match only where it ends on a token boundary: a normalized
//! token is never empty and holds no space, so a name matches where its
//! tokens are the text's.

use rustc_hash::FxHashMap;
use tacitus_dict::Dictionary;
use tacitus_text::normalize::fold_into;
use tacitus_text::tokens::tokenize_into;

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
    /// The alias's tokens as written (folded), to check case: a range
    /// (start, length) of [`Gazetteer::entry_tokens`].
    tokens: (u32, u32),
    /// From a user's file: wins over built-in entries.
    user: bool,
    /// Matches in any case (titles, lowercase aliases).
    any_case: bool,
}

/// The trie of the names and the entries of each.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// What each node of the trie holds (one load per node visited).
    nodes: Vec<Node>,
    /// The entries of the names, those of one name together
    /// ([`Node::entries`]).
    entries: Vec<Entry>,
    /// The tokens of the entries as written: (start, end) in
    /// [`Gazetteer::entry_text`]. One list and one string for all, not a
    /// list and a string per token: start-up makes some 12,000 entries.
    entry_tokens: Vec<(u32, u32)>,
    /// The text of [`Gazetteer::entry_tokens`], one after another.
    entry_text: String,
    /// The tokens after each node that end a name there ([`Node::last`]):
    /// to see a name whose last token is a prefix of the text's token (it
    /// does not match, but the scan it stands for goes past that token).
    last_tokens: Vec<LastToken>,
    /// Every normalized token of the names, with its id.
    tokens: FxHashMap<Box<str>, u32>,
    /// The text of each token id.
    /// (start, end) in [`Gazetteer::token_chars`]: one string for all,
    /// not one each.
    token_text: Vec<(u32, u32)>,
    /// The text of the token ids, one after another.
    token_chars: String,
    /// The node a name's first token leads to from the root, by token id
    /// (`NONE`: no name starts with that token).
    first: Vec<u32>,
    /// The trie's edges: `edge_key(node, token)` → child node.
    next: FxHashMap<u64, u32>,
}

/// One node of the trie: the entries of the name that ends there and the
/// last tokens of the names that end after it, as ranges (start, length)
/// of [`Gazetteer::entries`] and [`Gazetteer::last_tokens`].
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    entries: (u32, u32),
    last: (u32, u32),
}

/// A token that ends a name after some node: its id, length and first
/// bytes (most texts it is tried on differ there: no load of its text).
#[derive(Debug, Clone, Copy)]
struct LastToken {
    id: u32,
    len: u32,
    head: u64,
}

/// Up to the first eight bytes of `b` as one integer (zero-padded).
#[inline]
fn head_of(b: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = b.len().min(8);
    head[..n].copy_from_slice(&b[..n]);
    u64::from_le_bytes(head)
}

/// What the trie holds while it is built: whether a name ends at each node,
/// and, in the order they come, the entries of the names (with the node
/// their name ends at) and the last tokens after nodes (with the node).
/// Flat lists, grouped by node once at the end: a list per node cost an
/// allocation per name and per node at start-up.
#[derive(Default)]
struct Build {
    ends: Vec<bool>,
    entries: Vec<(u32, Entry)>,
    last_tokens: Vec<(u32, u32)>,
}

/// No node, token or name.
const NONE: u32 = u32::MAX;

/// The key of the edge from `node` by `token`.
#[inline]
fn edge_key(node: u32, token: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(token)
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
        // The aliases, counted first: the tables are made about their size
        // at once, not grown step by step.
        let aliases: usize = (dict.countries.iter())
            .map(|c| 1 + c.aliases.len() + c.adjectives.len() + c.capitals.len())
            .chain(dict.igos.iter().map(|x| 1 + x.aliases.len()))
            .chain(dict.orgs.iter().map(|x| 1 + x.aliases.len()))
            .chain(dict.people.iter().map(|x| 1 + x.aliases.len()))
            .chain(dict.places.iter().map(|x| 1 + x.aliases.len()))
            .sum::<usize>()
            + dict.titles.len();
        let mut g = Gazetteer {
            nodes: Vec::new(),
            entries: Vec::new(),
            entry_tokens: Vec::with_capacity(2 * aliases),
            entry_text: String::with_capacity(16 * aliases),
            last_tokens: Vec::new(),
            tokens: FxHashMap::with_capacity_and_hasher(aliases, Default::default()),
            token_text: Vec::with_capacity(aliases),
            token_chars: String::with_capacity(8 * aliases),
            first: Vec::with_capacity(aliases),
            next: FxHashMap::with_capacity_and_hasher(aliases, Default::default()),
        };
        let mut build = Build {
            ends: Vec::with_capacity(2 * aliases),
            entries: Vec::with_capacity(aliases),
            last_tokens: Vec::with_capacity(aliases),
        };
        build.ends.push(false);
        // Buffers reused from alias to alias.
        let mut folded = String::new();
        let mut found: Vec<tacitus_text::Token> = Vec::new();
        let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
        let mut norm = String::new();
        let mut add = |alias: &str, r: Ref, user: bool, any_case: bool| {
            folded.clear();
            fold_into(alias.trim(), &mut folded);
            found.clear();
            tokenize_into(&folded, 0..folded.len(), &mut found);
            spans.clear();
            spans.extend(
                found
                    .iter()
                    .map(|t| t.start..t.end)
                    .filter(|span| !span.is_empty()),
            );
            // "the Quad", "The Hague": the article is matched as a cue, not a name part.
            if spans.len() > 1
                && matches!(&folded[spans[0].clone()], "the" | "The")
                && !matches!(r, Ref::Place(_))
            {
                spans.remove(0);
            }
            if spans.is_empty() {
                return;
            }
            let toks = || spans.iter().map(|span| &folded[span.clone()]);
            let node = g.insert(&mut build, toks(), &mut norm);
            let any_case = any_case || !toks().any(|t| t.chars().any(char::is_uppercase));
            let first = g.entry_tokens.len() as u32;
            for t in toks() {
                let start = g.entry_text.len() as u32;
                g.entry_text.push_str(t);
                g.entry_tokens.push((start, g.entry_text.len() as u32));
            }
            build.entries.push((
                node,
                Entry {
                    r,
                    tokens: (first, spans.len() as u32),
                    user,
                    any_case,
                },
            ));
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
        // The entries grouped by node (a counting sort: the order they
        // came stays within a node), then those of each node's name by
        // precedence, users' first (a stable sort of a few); of one name and
        // one referent only the first that came counts.
        let nodes = build.ends.len();
        let mut starts = vec![0u32; nodes + 1];
        for &(node, _) in &build.entries {
            starts[node as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut at = starts.clone();
        let mut order = vec![0u32; build.entries.len()];
        for (k, &(node, _)) in build.entries.iter().enumerate() {
            order[at[node as usize] as usize] = k as u32;
            at[node as usize] += 1;
        }
        let mut came: Vec<Option<Entry>> =
            build.entries.into_iter().map(|(_, e)| Some(e)).collect();
        g.nodes = vec![Node::default(); nodes];
        g.entries.reserve_exact(came.len());
        for (node, range) in starts.windows(2).enumerate() {
            let (from, to) = (range[0] as usize, range[1] as usize);
            if from == to {
                continue;
            }
            let start = g.entries.len();
            for &k in &order[from..to] {
                let e = came[k as usize].take().expect("each entry is placed once");
                let seen = g.entries[start..]
                    .iter()
                    .any(|k: &Entry| k.r == e.r && g.tokens_of(k).eq(g.tokens_of(&e)));
                if !seen {
                    g.entries.push(e);
                }
            }
            g.entries[start..].sort_by_key(|e| (!e.user, e.r.rank()));
            g.nodes[node].entries = (start as u32, (g.entries.len() - start) as u32);
        }
        // The last tokens after each node, in the order they came (a
        // counting sort again).
        let mut counts = vec![0u32; nodes];
        for &(node, _) in &build.last_tokens {
            counts[node as usize] += 1;
        }
        let mut next = 0u32;
        for (node, n) in g.nodes.iter_mut().zip(&mut counts) {
            node.last = (next, *n);
            (next, *n) = (next + *n, next);
        }
        let mut ids = vec![0u32; build.last_tokens.len()];
        for &(node, id) in &build.last_tokens {
            ids[counts[node as usize] as usize] = id;
            counts[node as usize] += 1;
        }
        g.last_tokens = ids
            .into_iter()
            .map(|id| {
                let text = g.token_text(id).as_bytes();
                LastToken {
                    id,
                    len: text.len() as u32,
                    head: head_of(text),
                }
            })
            .collect();
        g
    }

    /// Adds the name of tokens `toks` (folded) to the trie, normalizing
    /// each into `norm`; returns the node it ends at.
    fn insert<'t>(
        &mut self,
        build: &mut Build,
        toks: impl Iterator<Item = &'t str>,
        norm: &mut String,
    ) -> u32 {
        // The node before the last token's, and the last token.
        let (mut node, mut before, mut last) = (0u32, 0u32, NONE);
        for t in toks {
            norm.clear();
            norm_token(t, norm);
            let tid = match self.tokens.get(norm.as_str()) {
                Some(&tid) => tid,
                None => {
                    let tid = self.token_text.len() as u32;
                    self.tokens.insert(Box::from(norm.as_str()), tid);
                    let start = self.token_chars.len() as u32;
                    self.token_chars.push_str(norm);
                    (self.token_text).push((start, self.token_chars.len() as u32));
                    self.first.push(NONE);
                    tid
                }
            };
            let child = if node == 0 {
                self.first[tid as usize]
            } else {
                self.next.get(&edge_key(node, tid)).copied().unwrap_or(NONE)
            };
            let child = if child == NONE {
                let id = build.ends.len() as u32;
                build.ends.push(false);
                if node == 0 {
                    self.first[tid as usize] = id;
                } else {
                    self.next.insert(edge_key(node, tid), id);
                }
                id
            } else {
                child
            };
            (before, node, last) = (node, child, tid);
        }
        let end = &mut build.ends[node as usize];
        if !*end {
            *end = true;
            if before != 0 {
                build.last_tokens.push((before, last));
            }
        }
        node
    }

    /// Every match over a document's tokens: `(first token, end token,
    /// entry)`, in text order, not overlapping. `starts` are the tokens
    /// (in order) whose normalized form is the first token of a name
    /// ([`Gazetteer::starts_name`]), the only ones a match starts at;
    /// `token(i)` is the token id of token i's normalized form
    /// ([`Gazetteer::token_id`]) if a name has it (`None` past the last
    /// token); `norm(i)` that form (`""` past the last token); `text(i)`
    /// is token i as written, folded; `caps(i)` whether it sits in an
    /// all-capitals line.
    ///
    /// As the byte scan it stands for (see the module), the longest name
    /// from a token is tried first, then shorter ones, until one's case
    /// agrees; where none does, the tokens the longest name reached (the
    /// name's bytes, even where its last token is only a prefix of the
    /// text's) start no match.
    pub(crate) fn find<'t>(
        &self,
        starts: &[u32],
        token: impl Fn(usize) -> Option<u32>,
        norm: impl Fn(usize) -> &'t str,
        text: impl Fn(usize) -> &'t str,
        caps: impl Fn(usize) -> bool,
        out: &mut Vec<(usize, usize, Ref)>,
    ) {
        let mut from = 0;
        // The names found from one token: (end token, node), shortest first.
        let mut found: Vec<(usize, u32)> = Vec::new();
        for &first in starts {
            let first = first as usize;
            if first < from {
                continue;
            }
            let Some(mut node) = token(first)
                .map(|t| self.first[t as usize])
                .filter(|&c| c != NONE)
            else {
                continue;
            };
            found.clear();
            // One past the last token the longest name's bytes reach.
            let mut reach = first + 1;
            let mut k = first + 1;
            loop {
                let here = self.nodes[node as usize];
                if here.entries.1 > 0 {
                    found.push((k, node));
                    reach = k;
                }
                if here.last.1 > 0 && self.last_is_prefix(here, norm(k)) {
                    reach = reach.max(k + 1);
                }
                let Some(child) = token(k).and_then(|t| self.next.get(&edge_key(node, t)).copied())
                else {
                    break;
                };
                node = child;
                k += 1;
            }
            if found.is_empty() && reach == first + 1 {
                continue;
            }
            from = reach;
            for &(end, node) in found.iter().rev() {
                if let Some(r) = self.pick(
                    self.nodes[node as usize],
                    end - first,
                    |j| text(first + j),
                    |j| caps(first + j),
                ) {
                    out.push((first, end, r));
                    from = end;
                    break;
                }
            }
        }
    }

    /// Whether a name ends after `node` with a token that is a proper
    /// prefix of `text` (a normalized token).
    fn last_is_prefix(&self, node: Node, text: &str) -> bool {
        let (start, len) = (node.last.0 as usize, node.last.1 as usize);
        self.last_tokens[start..start + len].iter().any(|t| {
            let n = t.len as usize;
            n < text.len()
                && head_of(&text.as_bytes()[..n.min(8)]) == t.head
                && (n <= 8 || text.starts_with(self.token_text(t.id)))
        })
    }

    /// The text of token id `id`.
    fn token_text(&self, id: u32) -> &str {
        let (a, b) = self.token_text[id as usize];
        &self.token_chars[a as usize..b as usize]
    }

    /// The tokens of `e` as written (folded).
    fn tokens_of(&self, e: &Entry) -> impl ExactSizeIterator<Item = &str> + Clone {
        let (start, len) = (e.tokens.0 as usize, e.tokens.1 as usize);
        self.entry_tokens[start..start + len]
            .iter()
            .map(|&(a, b)| &self.entry_text[a as usize..b as usize])
    }

    /// Whether some name starts with token id `token`.
    pub(crate) fn starts_name(&self, token: u32) -> bool {
        self.first.get(token as usize).is_some_and(|&c| c != NONE)
    }

    /// The id of a normalized token, if some name has it.
    pub(crate) fn token_id(&self, norm: &str) -> Option<u32> {
        self.tokens.get(norm).copied()
    }

    /// Every normalized token of the names, with its id.
    pub(crate) fn name_tokens(&self) -> impl Iterator<Item = (&str, u32)> {
        self.tokens.iter().map(|(s, &id)| (&**s, id))
    }

    /// The entry of the name ending at `node` whose case agrees with the
    /// text, by precedence.
    /// The text is `len` tokens, `text(j)` each (folded); `caps(j)` tells
    /// whether it sits in a line of capitals.
    fn pick<'t>(
        &self,
        node: Node,
        len: usize,
        text: impl Fn(usize) -> &'t str,
        caps: impl Fn(usize) -> bool,
    ) -> Option<Ref> {
        let (start, n) = (node.entries.0 as usize, node.entries.1 as usize);
        self.entries[start..start + n]
            .iter()
            .find(|e| e.tokens.1 as usize == len && case_ok(e, self.tokens_of(e), &text, &caps))
            .map(|e| e.r)
    }
}

/// Whether the text's case agrees with an entry: the same case as written;
/// or all capitals in a line of capitals (headlines); any case for a title
/// or an all-lowercase alias, and for the lowercase words inside a name
/// ("Bank of England").
/// `tokens` are the entry's ([`Gazetteer::tokens_of`]).
fn case_ok<'t, 'e>(
    e: &Entry,
    tokens: impl Iterator<Item = &'e str>,
    text: impl Fn(usize) -> &'t str,
    caps: impl Fn(usize) -> bool,
) -> bool {
    if e.any_case {
        return true;
    }
    tokens.enumerate().all(|(j, want)| {
        let got = text(j);
        *want == *got
            || !want.chars().any(char::is_uppercase)
            || (caps(j) && got.chars().all(|c| !c.is_lowercase()) && want.chars().count() > 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (first, end) token spans the gazetteer finds in `text` (tokens
    /// as written, folded; no line of capitals).
    fn spans(g: &Gazetteer, text: &[&str]) -> Vec<(usize, usize)> {
        let norms: Vec<String> = text
            .iter()
            .map(|t| {
                let mut n = String::new();
                norm_token(t, &mut n);
                n
            })
            .collect();
        let ids: Vec<Option<u32>> = norms.iter().map(|n| g.token_id(n)).collect();
        let starts: Vec<u32> = (0..text.len())
            .filter(|&k| ids[k].is_some_and(|t| g.starts_name(t)))
            .map(|k| k as u32)
            .collect();
        let mut out = Vec::new();
        g.find(
            &starts,
            |k| ids.get(k).copied().flatten(),
            |k| norms.get(k).map_or("", String::as_str),
            |k| text[k],
            |_| false,
            &mut out,
        );
        out.iter().map(|&(a, b, _)| (a, b)).collect()
    }

    #[test]
    fn longest_name_whose_case_agrees_as_a_byte_scan_finds_it() {
        let dict = Dictionary::parse_str(
            "places.tsv",
            "# name\taliases\tcountry\tkind\n\
             New York\t-\tUSA\tcity\n\
             New York Harbor\t-\tUSA\tplace\n\
             Sao Paulo\t-\tBRA\tcity\n\
             Yorkers\t-\tUSA\tplace\n",
        )
        .expect("test places parse");
        let g = Gazetteer::new(&dict);
        assert_eq!(spans(&g, &["in", "New", "York", "today"]), [(1, 3)]);
        assert_eq!(spans(&g, &["New", "York", "Harbor"]), [(0, 3)]);
        // The longest name fails case: a shorter one is tried.
        assert_eq!(spans(&g, &["New", "York", "harbor"]), [(0, 2)]);
        assert_eq!(spans(&g, &["new", "york"]), []);
        // "New York" is a prefix of "New Yorkers": no match, and the scan
        // went into "Yorkers", which starts none.
        assert_eq!(spans(&g, &["New", "Yorkers"]), []);
        assert_eq!(spans(&g, &["New", "York", "Yorkers"]), [(0, 2), (2, 3)]);
        assert_eq!(spans(&g, &["Sao", "Paulo"]), [(0, 2)]);
    }
}
