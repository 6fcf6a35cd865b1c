//! In a sports report, bare place names that stand for a team the article
//! named in full: "the Texas Rangers defeated the Cleveland Indians … gave
//! Texas a 2-0 lead … homered for Cleveland".

use super::lexicon;
use crate::document::{Document, Entity, EntityKind, Mention};

/// Moves each mention of a place that follows the first mention of a team
/// named "<place> <nickname>" (an organization with no political actor,
/// "Texas Rangers", "Leeds United") to that team, unless a locative word
/// comes right before it ("in Texas", "near Leeds": the place itself; the
/// actors stage's locative words, and "of"). A place left with no mention
/// is dropped and the ids are renumbered.
pub(super) fn places_as_teams(doc: &Document, entities: &mut Vec<Entity>) {
    let text = doc.text();
    let mut moved = false;
    for t in 0..entities.len() {
        let team = &entities[t];
        if team.kind != EntityKind::Organization || team.actor.is_some() {
            continue;
        }
        for p in 0..entities.len() {
            let place = &entities[p];
            if place.kind != EntityKind::Location || place.mentions.is_empty() {
                continue;
            }
            // The team's first mention that starts with the place's name
            // and a capitalized nickname.
            let named = entities[t].mentions.iter().find(|m| {
                place.mentions.iter().any(|pm| {
                    m.text
                        .strip_prefix(pm.text.as_str())
                        .and_then(|rest| rest.strip_prefix(' '))
                        .is_some_and(|nick| nick.starts_with(char::is_uppercase))
                })
            });
            let Some(since) = named.map(|m| m.end) else {
                continue;
            };
            let locative = |m: &Mention| {
                let start = doc
                    .byte_range(crate::document::Span::new(m.start, m.end))
                    .start;
                let before = text.get(..start).unwrap_or_default().trim_end();
                let word = before.rsplit(' ').next().unwrap_or_default();
                word == "of" || lexicon::is_locative(&word.to_ascii_lowercase())
            };
            let (to_team, stay): (Vec<Mention>, Vec<Mention>) =
                std::mem::take(&mut entities[p].mentions)
                    .into_iter()
                    .partition(|m| m.start >= since && !locative(m));
            entities[p].mentions = stay;
            if !to_team.is_empty() {
                moved = true;
                let mentions = &mut entities[t].mentions;
                mentions.extend(to_team);
                mentions.sort_by_key(|m| m.start);
            }
        }
    }
    if moved {
        entities.retain(|e| !e.mentions.is_empty() || !e.references.is_empty());
        for (n, e) in entities.iter_mut().enumerate() {
            e.id = super::entity_id(n + 1);
        }
    }
}
