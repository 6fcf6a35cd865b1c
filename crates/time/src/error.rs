//! The crate's error type: one [`Error`] with a matchable [`ErrorKind`].
//!
//! Tagging itself never fails (a text without timexes gives an empty list);
//! only reading a document creation time can.
//!
//! ```
//! use tacitus_time::{ErrorKind, parse_dct};
//! let err = parse_dct("yesterday").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::InvalidDct);
//! assert_eq!(err.to_string(), "invalid dct: expected a date like 2025-01-13, found \"yesterday\"");
//! ```

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The document creation time is not a valid `YYYY-MM-DD` date.
    InvalidDct,
}

/// An error of this crate.
#[derive(Clone, Debug, thiserror::Error)]
#[error("invalid dct: {message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn invalid_dct(message: String) -> Self {
        Error {
            kind: ErrorKind::InvalidDct,
            message,
        }
    }

    /// The kind of error, to match on.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}
