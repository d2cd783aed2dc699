//! `merge`: the page's unsaved edits carried onto the plan a colleague stored meanwhile. Edits of
//! segments nobody else touched are replayed; each run of segments both changed becomes a
//! [`Conflict`], shown side by side, and the producer keeps their version or the colleague's.

use std::ops::Range;

use crate::plan::{change::Change, segment::Segment, splice::Splice, Plan};

/// A stretch of the chapter that both the page and the stored plan changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The chapter's characters it covers: every segment of either version that reaches into them
    /// lies wholly inside.
    pub span: Range<usize>,
    /// The stored plan's segments there (the colleague's version).
    pub theirs: Vec<Segment>,
    /// The page's segments there (the producer's version).
    pub mine: Vec<Segment>,
}

/// The stored plan with the page's edits carried onto it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The stored plan plus every edit that did not clash (in each conflict, still theirs).
    pub plan: Plan,
    /// The edits that clashed, as runs of segments in chapter order, none overlapping.
    pub conflicts: Vec<Conflict>,
    /// The page's splices that were carried onto the stored plan, oldest first: still unsaved.
    pub kept: Vec<Splice>,
}

/// Carries `pending` (the page's unsaved splices, oldest first, which made `mine`) onto `theirs`.
pub fn merge(theirs: Plan, mine: &Plan, pending: &[Splice]) -> Merged {
    let mut plan = theirs;
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut kept = Vec::new();
    for splice in pending.iter().filter(|splice| !splice.is_empty()) {
        if plan.apply_changes(&[Change::of(splice)]).is_ok() {
            kept.push(splice.clone());
        } else {
            spans.extend(span_of(splice.removed.iter().chain(&splice.inserted)));
        }
    }
    let mut conflicts: Vec<Conflict> = Vec::new();
    for span in close(spans, &plan, mine) {
        let theirs = inside(&plan, &span).to_vec();
        let mine = inside(mine, &span).to_vec();
        if theirs != mine {
            conflicts.push(Conflict { span, theirs, mine });
        }
    }
    Merged {
        plan,
        conflicts,
        kept,
    }
}

impl Merged {
    /// The plan once each conflict is settled, and the splices that lead there from the stored
    /// plan (the kept ones, then one per conflict settled the page's way), to be saved.
    /// `keep_mine[i]` keeps the page's version of conflict `i`; otherwise (or when missing) the
    /// stored one stays.
    pub fn resolve(self, keep_mine: &[bool]) -> (Plan, Vec<Splice>) {
        let Merged {
            mut plan,
            conflicts,
            mut kept,
        } = self;
        for (i, conflict) in conflicts.into_iter().enumerate() {
            if !keep_mine.get(i).copied().unwrap_or(false) {
                continue;
            }
            let range = positions(&plan, &conflict.span);
            if conflict.mine.is_empty() && range.len() == plan.segments().len() {
                continue; // A plan is never empty: the stored segments stay.
            }
            let removed = plan.segments()[range.clone()].to_vec();
            plan.splice_in(range.start, range.len(), &conflict.mine);
            let after = range.start.checked_sub(1).map(|i| plan.segments()[i].id);
            kept.push(Splice {
                at: range.start,
                after,
                removed,
                inserted: conflict.mine,
            });
        }
        (plan, kept)
    }
}

/// The chapter span of some segments (none for none).
fn span_of<'a>(segments: impl Iterator<Item = &'a Segment>) -> Option<Range<usize>> {
    segments.fold(None, |span: Option<Range<usize>>, segment| {
        Some(match span {
            None => segment.start..segment.end,
            Some(span) => span.start.min(segment.start)..span.end.max(segment.end),
        })
    })
}

/// The spans grown until no segment of `a` or `b` crosses an edge, then joined where they meet.
fn close(mut spans: Vec<Range<usize>>, a: &Plan, b: &Plan) -> Vec<Range<usize>> {
    spans.sort_by_key(|span| span.start);
    let mut closed: Vec<Range<usize>> = Vec::new();
    for mut span in spans {
        loop {
            let grown = a
                .segments()
                .iter()
                .chain(b.segments())
                .filter(|s| s.start < span.end && s.end > span.start)
                .fold(span.clone(), |span, s| {
                    span.start.min(s.start)..span.end.max(s.end)
                });
            let joined = match closed.last() {
                Some(last) if last.end > grown.start => {
                    let last = closed.pop().unwrap_or_default();
                    last.start.min(grown.start)..last.end.max(grown.end)
                }
                _ => grown,
            };
            if joined == span {
                break;
            }
            span = joined;
        }
        closed.push(span);
    }
    closed
}

/// The positions of `plan`'s segments inside `span` (contiguous: the plan is in chapter order).
fn positions(plan: &Plan, span: &Range<usize>) -> Range<usize> {
    let segments = plan.segments();
    let start = segments.partition_point(|s| s.end <= span.start);
    let end = start + segments[start..].partition_point(|s| s.start < span.end);
    start..end
}

/// `plan`'s segments inside `span`.
fn inside<'a>(plan: &'a Plan, span: &Range<usize>) -> &'a [Segment] {
    &plan.segments()[positions(plan, span)]
}
