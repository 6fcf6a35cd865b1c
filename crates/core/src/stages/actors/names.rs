//! The name an entity is shown under: for a person, the fullest form the
//! article writes ("Nicolas Maduro" where the dictionary has "Nicolás
//! Maduro", "Mohamed Abdullahi Mohamed" where it has his best-known alias),
//! so that readers and scorers find the name they read.

use crate::document::{Entity, EntityKind};

/// Renames each person to its longest mention of two words or more (the
/// first of equal length), unless it is written all in capitals (a
/// headline). Others keep their dictionary name ("United States", not
/// "U.S.").
pub(super) fn as_written(entities: &mut [Entity]) {
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        // The best mention so far, with its number of words.
        let best = e
            .mentions
            .iter()
            .map(|m| m.text.as_str())
            .filter_map(|t| {
                // One word at most without a space (ASCII or other): most
                // mentions, ruled out without counting.
                if !t
                    .bytes()
                    .any(|b| matches!(b, b'\t'..=b'\r' | b' ') || b >= 0x80)
                {
                    return None;
                }
                let words = t.split_whitespace().count();
                (words >= 2 && t.chars().any(char::is_lowercase)).then_some((words, t))
            })
            .fold(None::<(usize, &str)>, |best, (words, t)| match best {
                Some((most, b)) if most >= words => Some((most, b)),
                _ => Some((words, t)),
            });
        if let Some((_, name)) = best
            && name != e.name
        {
            e.name = name.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Mention;

    fn person(name: &str, mentions: &[&str]) -> Entity {
        Entity {
            id: "E1".into(),
            name: name.into(),
            kind: EntityKind::Person,
            actor: None,
            country: None,
            role: None,
            mentions: mentions
                .iter()
                .map(|t| Mention {
                    start: 0,
                    end: t.chars().count(),
                    text: t.to_string(),
                })
                .collect(),
            references: Vec::new(),
        }
    }

    #[test]
    fn a_person_is_named_as_the_article_writes_them() {
        let mut e = [person(
            "Nicolás Maduro",
            &["Maduro", "Nicolas Maduro", "he"],
        )];
        as_written(&mut e);
        assert_eq!(e[0].name, "Nicolas Maduro");
        // A headline in capitals, or a surname alone, renames nobody.
        let mut e = [person("Nicolás Maduro", &["NICOLAS MADURO", "Maduro"])];
        as_written(&mut e);
        assert_eq!(e[0].name, "Nicolás Maduro");
    }
}
