//! Sign-off: what keeps a chapter from being marked complete. The page lists the same blockers
//! the server refuses with, because both call [`blockers`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{
    attribution::Contradiction,
    plan::segment::{Segment, SegmentId},
};

/// One reason a chapter cannot be completed yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Blocker {
    /// The chapter has no plan.
    NoPlan,
    /// Segments with no speaker (unassigned or unresolved by the engine).
    NoSpeaker {
        /// How many.
        count: usize,
        /// The first one, to jump to.
        first: SegmentId,
    },
    /// The chapter's text changed (a re-import) and these segments no longer match it.
    Stale {
        /// How many.
        count: usize,
        /// The first one.
        first: SegmentId,
    },
    /// Segments whose speaker a speech tag next to them contradicts, not yet confirmed by hand.
    Contradicted {
        /// How many.
        count: usize,
        /// The first one, to jump to.
        first: SegmentId,
    },
    /// Segments flagged for revision.
    Flagged {
        /// How many.
        count: usize,
        /// The first one, to jump to.
        first: SegmentId,
    },
}

/// The segments with an open flag (or a bare needs-revision mark), for the page's review list.
pub fn open_flags(segments: &[Segment]) -> impl Iterator<Item = &Segment> {
    segments.iter().filter(|s| match &s.flag {
        Some(flag) => flag.is_open(),
        None => s.needs_revision,
    })
}

/// How many of `segments` a reviewer marked reviewed, out of how many.
pub fn reviewed(segments: &[Segment]) -> (usize, usize) {
    (
        segments.iter().filter(|s| s.reviewed).count(),
        segments.len(),
    )
}

impl fmt::Display for Blocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocker::NoPlan => f.write_str("the chapter has no plan"),
            Blocker::NoSpeaker { count: 1, first } => {
                write!(f, "segment {first} has no speaker")
            }
            Blocker::NoSpeaker { count, first } => {
                write!(f, "{count} segments have no speaker (first: {first})")
            }
            Blocker::Stale { count: 1, first } => write!(
                f,
                "the chapter text changed: segment {first} no longer matches it; carry the plan \
                 over to the new text"
            ),
            Blocker::Stale { count, first } => write!(
                f,
                "the chapter text changed: {count} segments no longer match it (first: {first}); \
                 carry the plan over to the new text"
            ),
            Blocker::Contradicted { count: 1, first } => {
                write!(f, "a speech tag contradicts the speaker of segment {first}")
            }
            Blocker::Contradicted { count, first } => {
                write!(
                    f,
                    "speech tags contradict the speakers of {count} segments (first: {first})"
                )
            }
            Blocker::Flagged { count: 1, first } => {
                write!(f, "segment {first} is flagged for revision")
            }
            Blocker::Flagged { count, first } => {
                write!(
                    f,
                    "{count} segments are flagged for revision (first: {first})"
                )
            }
        }
    }
}

/// Everything that keeps a plan of `segments` from being signed off; empty when it can be.
/// `contradictions` are those [`crate::attribution::contradictions`] found in the plan; one on a
/// segment whose speaker the producer picked by hand (`speaker_locked`) was confirmed and no
/// longer blocks. `stale` are the segments that no longer match the chapter's text
/// ([`crate::plan::rebase::stale`]).
pub fn blockers(
    segments: &[Segment],
    contradictions: &[Contradiction],
    stale: &[SegmentId],
) -> Vec<Blocker> {
    if segments.is_empty() {
        return vec![Blocker::NoPlan];
    }
    if let Some(&first) = stale.first() {
        return vec![Blocker::Stale {
            count: stale.len(),
            first,
        }];
    }
    let count = |test: &dyn Fn(&Segment) -> bool| {
        let mut matching = segments.iter().filter(|s| test(s));
        let first = matching.next()?.id;
        Some((1 + matching.count(), first))
    };
    let mut found = Vec::new();
    if let Some((count, first)) = count(&|s: &Segment| s.speaker.is_none()) {
        found.push(Blocker::NoSpeaker { count, first });
    }
    let contradicted =
        |s: &Segment| !s.speaker_locked && contradictions.iter().any(|c| c.segment == s.id);
    if let Some((count, first)) = count(&contradicted) {
        found.push(Blocker::Contradicted { count, first });
    }
    // A ticket decides when there is one (fixed and verified flags no longer block); a bare
    // needs-revision mark (the desktop format's flag) blocks until it is cleared.
    let flagged = |s: &Segment| match &s.flag {
        Some(flag) => flag.is_open(),
        None => s.needs_revision,
    };
    if let Some((count, first)) = count(&flagged) {
        found.push(Blocker::Flagged { count, first });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{limits::EngineLimits, segmenter::segment_chapter};

    #[test]
    fn a_plan_is_blocked_by_missing_speakers_and_open_flags() {
        let mut segments = segment_chapter("A.\n\nB.\n\nC.", &EngineLimits::default());
        assert_eq!(blockers(&[], &[], &[]), vec![Blocker::NoPlan]);
        assert_eq!(
            blockers(&segments, &[], &[]),
            vec![Blocker::NoSpeaker {
                count: 3,
                first: SegmentId(1)
            }]
        );
        for segment in &mut segments {
            segment.speaker = Some("narrator".into());
        }
        assert!(blockers(&segments, &[], &[]).is_empty());
        segments[1].needs_revision = true;
        segments[2].speaker = None;
        let found = blockers(&segments, &[], &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].to_string(), "segment 3 has no speaker");
        assert_eq!(found[1].to_string(), "segment 2 is flagged for revision");
    }

    #[test]
    fn stale_segments_are_counted_in_the_singular_and_the_plural() {
        let stale = |count| Blocker::Stale {
            count,
            first: SegmentId(4),
        };
        assert!(stale(1)
            .to_string()
            .starts_with("the chapter text changed: segment 4 no longer matches it; carry"));
        assert!(stale(2)
            .to_string()
            .starts_with("the chapter text changed: 2 segments no longer match it (first: 4)"));
    }

    #[test]
    fn a_contradicted_speaker_blocks_until_picked_by_hand() {
        use crate::{
            attribution::contradictions,
            cast::{character::Character, Cast},
            text::language::Language,
        };
        let text = "“Hush,” said Holmes.\n\nThe fire crackled.";
        let mut segments = segment_chapter(text, &EngineLimits::default());
        let cast = Cast::new(vec![
            Character::narrator(Language::En),
            Character::named("Holmes", Language::En).expect("a name"),
            Character::named("Watson", Language::En).expect("a name"),
        ])
        .expect("valid cast");
        for segment in &mut segments {
            segment.speaker = Some("narrator".into());
        }
        let quote = segments[0].id;
        segments[0].speaker = Some("watson".into());
        let found = contradictions(text, &segments, &cast, Language::En);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].segment, quote);
        assert_eq!(found[0].named.0, "holmes");
        assert_eq!(
            blockers(&segments, &found, &[]),
            vec![Blocker::Contradicted {
                count: 1,
                first: quote
            }]
        );
        // The narrator reading a tagged line is contradicted too.
        segments[0].speaker = Some("narrator".into());
        assert_eq!(
            contradictions(text, &segments, &cast, Language::En).len(),
            1
        );
        // The speaker the tag names is no contradiction.
        segments[0].speaker = Some("holmes".into());
        assert!(contradictions(text, &segments, &cast, Language::En).is_empty());
        // Picked by hand: confirmed, so it no longer blocks.
        segments[0].speaker = Some("watson".into());
        segments[0].speaker_locked = true;
        let found = contradictions(text, &segments, &cast, Language::En);
        assert_eq!(found.len(), 1);
        assert!(blockers(&segments, &found, &[]).is_empty());
    }
}
