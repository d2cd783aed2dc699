//! The planner's arithmetic: what rendering a plan takes, per engine. Every segment is written
//! exactly as an audition would send it ([`render`]) with its speaker's voice (the narrator's
//! when it has none), so the characters billed are the engine's own count: Azure bills the SSML
//! it receives inside `<voice>`, the others the text.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{render, voice_locale, Dialect, Pronouncer, Rendering, SpeechError, Utterance};
use crate::{
    cast::{character_id::CharacterId, voice::Voice, voice::VoiceEngine, Cast},
    plan::{limits::EngineLimits, segment::Segment},
    pronunciation::PronunciationMap,
    text::language::Language,
};

/// One segment as it would be sent.
#[derive(Debug)]
pub struct Planned<'a> {
    /// The segment.
    pub segment: &'a Segment,
    /// The voice that reads it.
    pub voice: &'a Voice,
    /// The request, or why none can be made.
    pub rendering: Result<Rendering, SpeechError>,
}

/// Every segment of a plan as it would be sent: one [`Pronouncer`] per locale the cast's voices
/// speak, one [`render`] per segment. A speaker missing from the cast reads as the narrator.
pub fn render_plan<'a>(
    segments: &'a [Segment],
    cast: &'a Cast,
    map: &PronunciationMap,
    language: Language,
    limits: &EngineLimits,
) -> Vec<Planned<'a>> {
    let narrator = cast
        .characters()
        .iter()
        .find(|c| c.id == CharacterId::narrator())
        .or_else(|| cast.characters().first());
    let mut pronouncers: HashMap<String, Pronouncer> = HashMap::new();
    let mut out = Vec::with_capacity(segments.len());
    for segment in segments {
        let speaker = segment
            .speaker
            .as_deref()
            .and_then(|id| cast.characters().iter().find(|c| c.id.as_str() == id));
        let Some(character) = speaker.or(narrator) else {
            continue;
        };
        let voice = &character.voice;
        let locale = voice_locale(voice, language);
        let pronouncer = pronouncers
            .entry(locale.clone())
            .or_insert_with(|| Pronouncer::new(map, &locale));
        let rendering = render(
            Utterance {
                text: &segment.text,
                voice,
                language,
            },
            Dialect::of(voice.engine),
            pronouncer,
            limits,
        );
        out.push(Planned {
            segment,
            voice,
            rendering,
        });
    }
    out
}

/// What one engine has to render of a chapter or a book.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Segments it reads.
    pub segments: usize,
    /// Estimated seconds of audio.
    pub seconds: f64,
    /// Characters of text.
    pub chars: usize,
    /// Characters it bills for all of them.
    pub billable_chars: usize,
    /// Segments whose clip is in the audio cache.
    pub cached: usize,
    /// Characters it bills for the segments not cached yet.
    pub billable_to_render: usize,
    /// Segments it cannot take as they are (over a limit, empty).
    pub refused: usize,
}

impl Tally {
    /// Counts one segment: its rendering, and whether its clip is cached.
    pub fn count(&mut self, planned: &Planned<'_>, cached: bool) {
        self.segments += 1;
        self.chars += planned.segment.text.chars().count();
        match &planned.rendering {
            Ok(rendering) => {
                self.seconds += rendering.seconds;
                self.billable_chars += rendering.billable_chars;
                if cached {
                    self.cached += 1;
                } else {
                    self.billable_to_render += rendering.billable_chars;
                }
            }
            Err(_) => self.refused += 1,
        }
    }

    /// Adds another tally of the same engine.
    pub fn add(&mut self, other: &Tally) {
        self.segments += other.segments;
        self.seconds += other.seconds;
        self.chars += other.chars;
        self.billable_chars += other.billable_chars;
        self.cached += other.cached;
        self.billable_to_render += other.billable_to_render;
        self.refused += other.refused;
    }

    /// What rendering `chars` billed characters costs at `per_million` per million.
    pub fn cost(chars: usize, per_million: f64) -> f64 {
        chars as f64 / 1_000_000.0 * per_million
    }
}

/// A tally per engine, in [`VoiceEngine::ALL`] order, of the engines that read something.
pub fn tally_by_engine<'a>(
    planned: &[Planned<'a>],
    is_cached: impl Fn(&Planned<'a>) -> bool,
) -> Vec<(VoiceEngine, Tally)> {
    let mut tallies: Vec<(VoiceEngine, Tally)> = VoiceEngine::ALL
        .into_iter()
        .map(|engine| (engine, Tally::default()))
        .collect();
    for one in planned {
        if let Some((_, tally)) = tallies.iter_mut().find(|(e, _)| *e == one.voice.engine) {
            tally.count(one, is_cached(one));
        }
    }
    tallies.retain(|(_, tally)| tally.segments > 0);
    tallies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        cast::character::Character, plan::segmenter::segment_chapter, pronunciation::Entry,
    };

    fn cast() -> Cast {
        let mut holmes = Character::named("Holmes", Language::En).unwrap();
        holmes.voice = Voice {
            engine: VoiceEngine::Azure,
            voice_id: "en-GB-RyanNeural".into(),
            style: None,
            style_degree: 1.0,
            rate: 0,
            pitch: 0,
        };
        Cast::new(vec![Character::narrator(Language::En), holmes]).unwrap()
    }

    #[test]
    fn each_engine_counts_its_speakers_segments_and_bills_its_own_way() {
        let text = "The fog was thick.\n\n“Come, Watson,” said Holmes.\n\nThe fog lifted.";
        let limits = EngineLimits::default();
        let mut segments = segment_chapter(text, &limits);
        segments[1].speaker = Some("holmes".into());
        let map = PronunciationMap::new(vec![Entry::new("Watson", "ˈwɒtsən", "en")]).unwrap();
        let cast = cast();

        let planned = render_plan(&segments, &cast, &map, Language::En, &limits);
        let tallies = tally_by_engine(&planned, |p| p.segment.text.starts_with("The fog was"));

        assert_eq!(planned.len(), segments.len());
        let espeak = &tallies[0].1;
        let azure = &tallies[1].1;
        assert_eq!(
            (tallies[0].0, tallies[1].0),
            (VoiceEngine::Espeak, VoiceEngine::Azure)
        );
        assert_eq!(espeak.segments, segments.len() - 1);
        assert_eq!(azure.segments, 1);
        assert_eq!(espeak.cached, 1);
        // espeak-ng bills nothing but its count is the text; Azure's includes the phoneme markup.
        assert_eq!(espeak.billable_chars, espeak.chars);
        assert!(azure.billable_chars > azure.chars + "<phoneme".len());
        assert_eq!(azure.billable_to_render, azure.billable_chars);
        assert_eq!(
            espeak.billable_to_render,
            espeak.billable_chars - "The fog was thick.".len()
        );
        assert!(espeak.seconds > 0.0 && azure.seconds > 0.0);
    }

    #[test]
    fn costs_are_per_million_characters() {
        assert!((Tally::cost(250_000, 16.0) - 4.0).abs() < 1e-9);
        assert_eq!(Tally::cost(0, 100.0), 0.0);
    }
}
