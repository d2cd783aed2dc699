//! `Quotation`: one quotation of a paragraph, its byte range and the marks around it, as the
//! finders of marked quotations and of dash speech report it.

use std::ops::Range;

/// The marks that delimit a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuoteMark {
    /// `“…”` or `"…"`.
    Double,
    /// `‘…’` or `'…'`.
    Single,
    /// `«…»`, or a paragraph opening with `»`.
    Guillemet,
    /// A paragraph opening with a dash.
    Dash,
}

/// One quotation of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// Byte range in the paragraph, marks included.
    pub(crate) bytes: Range<usize>,
    /// The marks around it.
    pub(crate) mark: QuoteMark,
    /// Whether its closing mark was found (dash speech and inciso cuts count as closed).
    pub(crate) closed: bool,
}
