//! The pipeline stages, in the order the standard pipeline runs them.
//!
//! - [`Segment`]: sentences and tokens (`tacitus-text`).
//! - [`Timexes`]: TIMEX3 expressions normalized against the publication date
//!   (`tacitus-time`).

mod segment;
mod timexes;

pub use segment::Segment;
pub use timexes::Timexes;
