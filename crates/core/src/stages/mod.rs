//! The pipeline stages, in the order the standard pipeline runs them.
//!
//! - [`Segment`]: sentences and tokens (`tacitus-text`).
//! - [`Actors`]: people, countries, governments, organizations and places,
//!   linked and coded as CAMEO actors (`tacitus-dict`).
//! - [`Timexes`]: TIMEX3 expressions normalized against the publication date
//!   (`tacitus-time`).
//! - [`Quotes`]: direct quotations and their speakers.
//! - [`Events`]: CAMEO events from verb and noun patterns, with modality
//!   and dates (`tacitus-dict`); "we" inside a quotation is its speaker.
//! - [`Gkg`]: tone, themes and locations with coordinates, and where
//!   events happen (`tacitus-dict`'s gazetteer, themes and tone lexicon).

mod actors;
mod events;
pub mod gkg;
mod quotes;
mod segment;
mod timexes;

pub use actors::Actors;
pub use events::Events;
pub use gkg::Gkg;
pub use quotes::Quotes;
pub use segment::Segment;
pub use timexes::Timexes;

/// Lowercase words between a country's possessive and a title that keep
/// the country the title's ("Thailand's acting Prime Minister", "China's
/// top diplomat"): read by the actors stage for the person's country and
/// by the events stage to keep them one actor.
const TITLE_QUALIFIERS: &[&str] = &[
    "acting",
    "caretaker",
    "chief",
    "former",
    "incoming",
    "interim",
    "new",
    "outgoing",
    "top",
];
