//! The programme of a chapter: what is said in what order, the pause each boundary calls for
//! ([`script`]), and, once the clips are joined ([`Assembler`]), which part of the plan every
//! sample belongs to ([`Timeline`]), so that a measurement at a time names its segment.

use serde::{Deserialize, Serialize};

use crate::cast::character_id::CharacterId;
use crate::plan::segment::{Delimiter, Segment, SegmentId};

/// How long each pause lasts, in milliseconds; a project's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pauses {
    /// Room tone before the title (ACX asks for half a second to a second).
    pub head_ms: u32,
    /// After the chapter's title.
    pub title_ms: u32,
    /// Inside a sentence: a cut at a word, or at the edge of a quotation ("Hello," | said Ann).
    pub phrase_ms: u32,
    /// Between sentences of one paragraph.
    pub sentence_ms: u32,
    /// Between two characters' lines of dialogue.
    pub turn_ms: u32,
    /// Between paragraphs.
    pub paragraph_ms: u32,
    /// At a scene break (a paragraph with no words, such as `* * *`).
    pub scene_ms: u32,
    /// Room tone after the last line (ACX asks for one to five seconds).
    pub tail_ms: u32,
}

impl Default for Pauses {
    fn default() -> Self {
        Self {
            head_ms: 750,
            title_ms: 1_500,
            phrase_ms: 200,
            sentence_ms: 450,
            turn_ms: 650,
            paragraph_ms: 900,
            scene_ms: 2_500,
            tail_ms: 3_000,
        }
    }
}

/// A pause outside the range it must stay in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("the {pause} pause must last {min_ms} to {max_ms} ms, not {ms} ms")]
pub struct PauseError {
    /// Which pause (`head`, `title`, `phrase`, `sentence`, `turn`, `paragraph`, `scene`, `tail`).
    pub pause: String,
    /// What it was set to.
    pub ms: u32,
    /// The shortest allowed.
    pub min_ms: u32,
    /// The longest allowed.
    pub max_ms: u32,
}

impl Pauses {
    /// Each pause by name, with the range it must stay in: the head and tail as ACX asks, the
    /// others up to ten seconds.
    pub fn ranges(&self) -> [(&'static str, u32, u32, u32); 8] {
        [
            ("head", self.head_ms, 500, 1_000),
            ("title", self.title_ms, 0, 10_000),
            ("phrase", self.phrase_ms, 0, 10_000),
            ("sentence", self.sentence_ms, 0, 10_000),
            ("turn", self.turn_ms, 0, 10_000),
            ("paragraph", self.paragraph_ms, 0, 10_000),
            ("scene", self.scene_ms, 0, 10_000),
            ("tail", self.tail_ms, 1_000, 5_000),
        ]
    }

    /// Checks every pause against its range.
    ///
    /// # Errors
    /// The first pause out of range.
    pub fn validate(&self) -> Result<(), PauseError> {
        for (pause, ms, min_ms, max_ms) in self.ranges() {
            if !(min_ms..=max_ms).contains(&ms) {
                return Err(PauseError {
                    pause: pause.to_owned(),
                    ms,
                    min_ms,
                    max_ms,
                });
            }
        }
        Ok(())
    }

    /// The pause a boundary calls for.
    pub fn after(&self, boundary: Boundary) -> u32 {
        match boundary {
            Boundary::Phrase => self.phrase_ms,
            Boundary::Sentence => self.sentence_ms,
            Boundary::Turn => self.turn_ms,
            Boundary::Paragraph => self.paragraph_ms,
            Boundary::Scene => self.scene_ms,
        }
    }
}

/// What lies between two spoken segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Boundary {
    /// A cut inside a sentence.
    Phrase,
    /// The end of a sentence inside a paragraph.
    Sentence,
    /// A paragraph where one character's line gives way to another's.
    Turn,
    /// Any other end of a paragraph.
    Paragraph,
    /// A scene break.
    Scene,
}

/// Whether a segment says nothing (a scene break such as `* * *`, or a rule): it is not sent to
/// an engine, and stands for a scene pause.
pub fn is_silent(segment: &Segment) -> bool {
    !segment.text.chars().any(char::is_alphanumeric)
}

/// The boundary between two spoken segments, `silent_between` saying whether a silent segment
/// lies between them.
pub fn boundary(before: &Segment, after: &Segment, silent_between: bool) -> Boundary {
    if silent_between {
        return Boundary::Scene;
    }
    match before.delimiter {
        Delimiter::Word | Delimiter::Dialogue => Boundary::Phrase,
        Delimiter::Sentence | Delimiter::Manual => Boundary::Sentence,
        Delimiter::Paragraph => {
            let line = |s: &Segment| {
                s.speaker
                    .as_deref()
                    .is_some_and(|speaker| speaker != CharacterId::NARRATOR)
            };
            if line(before) && line(after) && before.speaker != after.speaker {
                Boundary::Turn
            } else {
                Boundary::Paragraph
            }
        }
    }
}

/// One step of a chapter's programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The chapter's title, read aloud by the narrator.
    Title,
    /// The segment at this index of the plan.
    Speak(usize),
    /// Room tone for this many milliseconds.
    Pause(u32),
}

/// The chapter's programme: room tone, the title, the pause after it, each spoken segment with
/// the pause its boundary calls for, room tone at the end. Silent segments are not spoken.
pub fn script(segments: &[Segment], pauses: &Pauses) -> Vec<Step> {
    let mut steps = vec![
        Step::Pause(pauses.head_ms),
        Step::Title,
        Step::Pause(pauses.title_ms),
    ];
    let mut previous: Option<&Segment> = None;
    let mut silent_between = false;
    for (index, segment) in segments.iter().enumerate() {
        if is_silent(segment) {
            silent_between = previous.is_some();
            continue;
        }
        if let Some(before) = previous {
            steps.push(Step::Pause(pauses.after(boundary(
                before,
                segment,
                silent_between,
            ))));
        }
        steps.push(Step::Speak(index));
        previous = Some(segment);
        silent_between = false;
    }
    steps.push(Step::Pause(pauses.tail_ms));
    steps
}

/// What a stretch of the programme is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "segment")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Part {
    /// A pause, or the head or tail: room tone only.
    RoomTone,
    /// The chapter's title.
    Title,
    /// A segment's clip.
    Segment(SegmentId),
}

/// A part of the programme and the samples it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// What it is.
    pub part: Part,
    /// Its first sample.
    pub start: usize,
    /// How many samples.
    pub len: usize,
}

/// Which part of the programme each sample belongs to, in order and without gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    spans: Vec<Span>,
}

impl Timeline {
    /// The spans, in order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The span holding `sample`.
    pub fn at(&self, sample: usize) -> Option<&Span> {
        let after = self.spans.partition_point(|span| span.start <= sample);
        let span = self.spans.get(after.checked_sub(1)?)?;
        (sample < span.start + span.len).then_some(span)
    }

    /// The segment heard at `sample`; in a pause, the segment just before it (or, at the head,
    /// the first one after it): the line a producer would go to.
    pub fn segment_near(&self, sample: usize) -> Option<SegmentId> {
        let after = self.spans.partition_point(|span| span.start <= sample);
        let segment = |span: &Span| match span.part {
            Part::Segment(id) => Some(id),
            Part::RoomTone | Part::Title => None,
        };
        self.spans[..after]
            .iter()
            .rev()
            .find_map(segment)
            .or_else(|| self.spans[after..].iter().find_map(segment))
    }

    /// Where the segment's clip starts, in samples.
    pub fn start_of(&self, segment: SegmentId) -> Option<usize> {
        self.spans
            .iter()
            .find(|span| span.part == Part::Segment(segment))
            .map(|span| span.start)
    }

    /// The number of samples.
    pub fn len(&self) -> usize {
        self.spans.last().map_or(0, |span| span.start + span.len)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Joins clips and pauses into one programme at one sample rate.
#[derive(Debug, Default)]
pub struct Assembler {
    rate: u32,
    samples: Vec<f32>,
    timeline: Timeline,
}

impl Assembler {
    /// An empty programme at `rate` samples a second.
    pub fn new(rate: u32) -> Self {
        Self {
            rate,
            ..Self::default()
        }
    }

    /// Appends a pause of `ms` milliseconds (zeros: mastering lays room tone under them).
    pub fn pause(&mut self, ms: u32) {
        let len = usize::try_from(u64::from(ms) * u64::from(self.rate) / 1_000).unwrap_or(0);
        self.push(Part::RoomTone, len);
        self.samples.resize(self.samples.len() + len, 0.0);
    }

    /// Appends a clip, already at the programme's rate.
    pub fn clip(&mut self, part: Part, samples: &[f32]) {
        self.push(part, samples.len());
        self.samples.extend_from_slice(samples);
    }

    fn push(&mut self, part: Part, len: usize) {
        if len == 0 {
            return;
        }
        let start = self.samples.len();
        match self.timeline.spans.last_mut() {
            // Two pauses in a row are one stretch of room tone.
            Some(last) if last.part == Part::RoomTone && part == Part::RoomTone => last.len += len,
            _ => self.timeline.spans.push(Span { part, start, len }),
        }
    }

    /// The samples and their timeline.
    pub fn finish(self) -> (Vec<f32>, Timeline) {
        (self.samples, self.timeline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(id: u32, text: &str, delimiter: Delimiter, speaker: &str) -> Segment {
        Segment {
            id: SegmentId(id),
            start: 0,
            end: text.chars().count(),
            delimiter,
            text: text.to_owned(),
            original_text: text.to_owned(),
            speaker: Some(speaker.to_owned()),
            needs_revision: false,
            speaker_locked: false,
            reviewed: false,
            flag: None,
        }
    }

    #[test]
    fn each_boundary_gets_its_pause_and_silent_segments_become_a_scene_break() {
        let p = Pauses::default();
        let segments = [
            segment(1, "“Hello,”", Delimiter::Dialogue, "ann"),
            segment(2, "said Ann.", Delimiter::Paragraph, "narrator"),
            segment(3, "“Hi.”", Delimiter::Paragraph, "ann"),
            segment(4, "“Go.”", Delimiter::Paragraph, "bob"),
            segment(5, "It rained. ", Delimiter::Sentence, "narrator"),
            segment(6, "It poured.", Delimiter::Paragraph, "narrator"),
            segment(7, "* * *", Delimiter::Paragraph, "narrator"),
            segment(8, "Morning came.", Delimiter::Paragraph, "narrator"),
        ];

        let steps = script(&segments, &p);

        assert_eq!(
            steps,
            [
                Step::Pause(p.head_ms),
                Step::Title,
                Step::Pause(p.title_ms),
                Step::Speak(0),
                Step::Pause(p.phrase_ms),
                Step::Speak(1),
                Step::Pause(p.paragraph_ms),
                Step::Speak(2),
                Step::Pause(p.turn_ms),
                Step::Speak(3),
                Step::Pause(p.paragraph_ms),
                Step::Speak(4),
                Step::Pause(p.sentence_ms),
                Step::Speak(5),
                Step::Pause(p.scene_ms),
                Step::Speak(7),
                Step::Pause(p.tail_ms),
            ]
        );
    }

    #[test]
    fn pauses_outside_their_range_are_refused_by_name() {
        assert_eq!(Pauses::default().validate(), Ok(()));
        let short_tail = Pauses {
            tail_ms: 200,
            ..Pauses::default()
        };
        let err = short_tail.validate().unwrap_err();
        assert_eq!(
            (err.pause.as_str(), err.min_ms, err.max_ms),
            ("tail", 1_000, 5_000)
        );
        let long_scene = Pauses {
            scene_ms: 60_000,
            ..Pauses::default()
        };
        assert_eq!(long_scene.validate().unwrap_err().pause, "scene");
    }

    #[test]
    fn the_timeline_names_the_segment_at_and_before_each_sample() {
        let mut joined = Assembler::new(1_000);
        joined.pause(500);
        joined.clip(Part::Title, &[0.1; 300]);
        joined.pause(100);
        joined.pause(100);
        joined.clip(Part::Segment(SegmentId(7)), &[0.2; 400]);
        joined.pause(250);
        joined.clip(Part::Segment(SegmentId(9)), &[0.3; 100]);
        let (samples, timeline) = joined.finish();

        assert_eq!(samples.len(), 1_750);
        assert_eq!(timeline.len(), 1_750);
        assert_eq!(
            timeline.spans().len(),
            6,
            "two pauses in a row are one span"
        );
        assert_eq!(timeline.at(0).map(|s| s.part), Some(Part::RoomTone));
        assert_eq!(timeline.at(500).map(|s| s.part), Some(Part::Title));
        assert_eq!(
            timeline.at(1_000).map(|s| s.part),
            Some(Part::Segment(SegmentId(7)))
        );
        assert_eq!(timeline.at(1_750), None);
        // At the head and the title, the first segment; in a pause, the one before it.
        assert_eq!(timeline.segment_near(10), Some(SegmentId(7)));
        assert_eq!(timeline.segment_near(1_450), Some(SegmentId(7)));
        assert_eq!(timeline.segment_near(1_700), Some(SegmentId(9)));
        assert_eq!(timeline.start_of(SegmentId(9)), Some(1_650));
        assert_eq!(samples[1_649], 0.0);
        assert_eq!(samples[1_650], 0.3);
    }
}
