//! ACX's rules, and the check of a programme's measurements and encoding against them, tracing
//! each failure to the segment a producer would go to.

use serde::{Deserialize, Serialize};

use super::{Level, Measurements, DIGITAL_SILENCE_MIN};
use crate::delivery::timeline::{Part, Timeline};
use crate::delivery::SAMPLE_RATE;
use crate::plan::segment::SegmentId;

/// The quietest RMS level ACX accepts, in dB.
pub const RMS_MIN_DB: f64 = -23.0;
/// The loudest RMS level ACX accepts, in dB.
pub const RMS_MAX_DB: f64 = -18.0;
/// The highest sample peak ACX accepts, in dB.
pub const PEAK_MAX_DB: f64 = -3.0;
/// The highest noise floor (RMS of the quietest half second) ACX accepts, in dB.
pub const NOISE_FLOOR_MAX_DB: f64 = -60.0;
/// The lowest bitrate ACX accepts, in kbps; the bitrate must also be constant.
pub const MIN_KBPS: u32 = 192;
/// The longest file ACX accepts, in minutes.
pub const MAX_MINUTES: f64 = 120.0;

/// The encoded file's format as read from its frames (see [`crate::delivery::mp3`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Encoding {
    /// Samples a second.
    pub sample_rate: u32,
    /// 1 for mono, 2 for stereo.
    pub channels: u8,
    /// The lowest bitrate of any frame, in kbps.
    pub min_kbps: u32,
    /// The highest bitrate of any frame, in kbps; equal to `min_kbps` when constant.
    pub max_kbps: u32,
}

/// One of ACX's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
// Named apart from the attribution's `Rule` in the OpenAPI document.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = AcxRule))]
pub enum Rule {
    /// RMS level between [`RMS_MIN_DB`] and [`RMS_MAX_DB`].
    Loudness,
    /// Sample peak at most [`PEAK_MAX_DB`].
    Peak,
    /// Noise floor at most [`NOISE_FLOOR_MAX_DB`].
    NoiseFloor,
    /// No run of digital silence of [`DIGITAL_SILENCE_MIN`] seconds or more.
    DigitalSilence,
    /// Exactly 44.1 kHz.
    SampleRate,
    /// A constant bitrate of [`MIN_KBPS`] or more.
    Bitrate,
    /// At most [`MAX_MINUTES`] long.
    Length,
}

/// A rule the file breaks, what was measured, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finding {
    /// The rule broken.
    pub rule: Rule,
    /// What was measured, in the rule's unit: dB (loudness, peak, noise floor), seconds (the
    /// longest digital silence), Hz, kbps (the lowest frame's, when the bitrate varies), minutes.
    pub measured: f64,
    /// The least value allowed, if there is one.
    pub min: Option<f64>,
    /// The most allowed, if there is a most. For digital silence, the length from which a run
    /// counts. A bitrate finding whose `measured` lies within `min..` means the bitrate varies.
    pub max: Option<f64>,
    /// Where in the file the failure is, in seconds, when it is at a place.
    pub at: Option<f64>,
    /// The segment that causes it, when one does.
    pub segment: Option<SegmentId>,
}

/// The ACX check of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcxReport {
    /// What was measured on the decoded file.
    pub measurements: Measurements,
    /// The encoded file's format.
    pub encoding: Encoding,
    /// Every rule it breaks, in the order of [`Rule`]; none when it passes.
    pub findings: Vec<Finding>,
}

impl AcxReport {
    /// Whether the file meets every rule.
    pub fn passes(&self) -> bool {
        self.findings.is_empty()
    }
}

/// No place in the file, no segment: a finding about the whole file.
const NOWHERE: (Option<f64>, Option<SegmentId>) = (None, None);

/// Checks the measurements of the decoded file and its encoding against every rule, tracing each
/// failure to a segment through `timeline` (at the programme's rate `rate`) and `levels`: a peak,
/// a noise floor or a digital silence to the segment heard there (or just before it, in a
/// pause); a programme too loud to its loudest part, too quiet to its quietest (the title's
/// level names no segment, but its place). Sample rate, bitrate and length name no place.
pub fn check(
    measured: Measurements,
    encoding: Encoding,
    timeline: &Timeline,
    rate: u32,
    levels: &[Level],
) -> AcxReport {
    let near = |seconds: f64| timeline.segment_near(sample(seconds, rate));
    let mut findings = Vec::new();
    let mut finding = |rule, measured, (min, max), (at, segment)| {
        findings.push(Finding {
            rule,
            measured,
            min,
            max,
            at,
            segment,
        });
    };
    let m = &measured;

    if !(RMS_MIN_DB..=RMS_MAX_DB).contains(&m.rms_db) {
        let culprit = extreme(levels, m.rms_db > RMS_MAX_DB);
        let segment = culprit.and_then(|level| match level.part {
            Part::Segment(id) => Some(id),
            Part::Title | Part::RoomTone => None,
        });
        let (range, place) = (
            (Some(RMS_MIN_DB), Some(RMS_MAX_DB)),
            (culprit.map(|l| l.start), segment),
        );
        finding(Rule::Loudness, m.rms_db, range, place);
    }
    if m.peak_db > PEAK_MAX_DB {
        let place = (Some(m.peak_at), near(m.peak_at));
        finding(Rule::Peak, m.peak_db, (None, Some(PEAK_MAX_DB)), place);
    }
    if m.noise_floor_db > NOISE_FLOOR_MAX_DB {
        let place = (Some(m.noise_floor_at), near(m.noise_floor_at));
        let range = (None, Some(NOISE_FLOOR_MAX_DB));
        finding(Rule::NoiseFloor, m.noise_floor_db, range, place);
    }
    if let Some(silence) = m.silence.filter(|s| s.seconds >= DIGITAL_SILENCE_MIN) {
        let place = (Some(silence.at), near(silence.at));
        let range = (None, Some(DIGITAL_SILENCE_MIN));
        finding(Rule::DigitalSilence, silence.seconds, range, place);
    }
    if encoding.sample_rate != SAMPLE_RATE {
        let (hz, required) = (
            f64::from(encoding.sample_rate),
            Some(f64::from(SAMPLE_RATE)),
        );
        finding(Rule::SampleRate, hz, (required, required), NOWHERE);
    }
    if encoding.min_kbps < MIN_KBPS || encoding.min_kbps != encoding.max_kbps {
        let (kbps, range) = (
            f64::from(encoding.min_kbps),
            (Some(f64::from(MIN_KBPS)), None),
        );
        finding(Rule::Bitrate, kbps, range, NOWHERE);
    }
    let minutes = m.seconds / 60.0;
    if minutes > MAX_MINUTES {
        finding(Rule::Length, minutes, (None, Some(MAX_MINUTES)), NOWHERE);
    }

    AcxReport {
        measurements: measured,
        encoding,
        findings,
    }
}

/// The sample at `seconds` at `rate` (0 before the start).
fn sample(seconds: f64, rate: u32) -> usize {
    // A float-to-int `as` saturates: negative and NaN become 0.
    (seconds * f64::from(rate)).round() as usize
}

/// The loudest level (`loudest`) or the quietest; the first of equals.
fn extreme(levels: &[Level], loudest: bool) -> Option<&Level> {
    let by_rms = |a: &&Level, b: &&Level| a.rms_db.total_cmp(&b.rms_db);
    if loudest {
        // `max_by` keeps the last of equals; reversed, the first.
        levels.iter().rev().max_by(by_rms)
    } else {
        levels.iter().min_by(by_rms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::acx::tests::square;
    use crate::delivery::acx::{levels, measure, Silence};
    use crate::delivery::timeline::Assembler;

    /// At 1,000 samples a second: head 0–0.5 s, title 0.5–0.8, pause, segment 7 at 1.0–1.4,
    /// pause, segment 9 at 1.65–2.15, tail to 3.15.
    fn timeline() -> Timeline {
        let mut joined = Assembler::new(1_000);
        joined.pause(500);
        joined.clip(Part::Title, &[0.1; 300]);
        joined.pause(200);
        joined.clip(Part::Segment(SegmentId(7)), &[0.1; 400]);
        joined.pause(250);
        joined.clip(Part::Segment(SegmentId(9)), &[0.1; 500]);
        joined.pause(1_000);
        joined.finish().1
    }

    /// The title at −19 dB, segment 7 the loudest, segment 9 the quietest.
    fn parts() -> [Level; 3] {
        let level = |part, start, rms_db| Level {
            part,
            start,
            rms_db,
            peak_db: -5.0,
        };
        [
            level(Part::Title, 0.5, -19.0),
            level(Part::Segment(SegmentId(7)), 1.0, -16.0),
            level(Part::Segment(SegmentId(9)), 1.65, -25.0),
        ]
    }

    fn fine() -> (Measurements, Encoding) {
        let measured = Measurements {
            seconds: 3.15,
            rms_db: -20.0,
            peak_db: -5.0,
            peak_at: 1.2,
            noise_floor_db: -70.0,
            noise_floor_at: 0.0,
            silence: None,
        };
        let encoding = Encoding {
            sample_rate: 44_100,
            channels: 1,
            min_kbps: 192,
            max_kbps: 192,
        };
        (measured, encoding)
    }

    /// The findings of `fine()` changed by `change`.
    fn findings(change: impl FnOnce(&mut Measurements, &mut Encoding)) -> Vec<Finding> {
        let (mut measured, mut encoding) = fine();
        change(&mut measured, &mut encoding);
        check(measured, encoding, &timeline(), 1_000, &parts()).findings
    }

    fn found(rule: Rule, measured: f64, range: (Option<f64>, Option<f64>)) -> Finding {
        Finding {
            rule,
            measured,
            min: range.0,
            max: range.1,
            at: None,
            segment: None,
        }
    }

    fn at(finding: Finding, at: f64, segment: Option<u32>) -> Vec<Finding> {
        vec![Finding {
            at: Some(at),
            segment: segment.map(SegmentId),
            ..finding
        }]
    }

    #[test]
    fn measurements_within_every_rule_pass() {
        let (measured, encoding) = fine();
        assert!(check(measured, encoding, &timeline(), 1_000, &parts()).passes());
    }

    #[test]
    fn loudness_is_traced_to_the_loudest_or_quietest_part() {
        let rms = (Some(-23.0), Some(-18.0));
        let loud = findings(|m, _| m.rms_db = -15.0);
        assert_eq!(loud, at(found(Rule::Loudness, -15.0, rms), 1.0, Some(7)));
        let quiet = findings(|m, _| m.rms_db = -26.0);
        assert_eq!(quiet, at(found(Rule::Loudness, -26.0, rms), 1.65, Some(9)));
        // A title louder than every segment is named by its place only.
        let mut title_loudest = parts();
        title_loudest[0].rms_db = -10.0;
        let (mut measured, encoding) = fine();
        measured.rms_db = -17.0;
        let report = check(measured, encoding, &timeline(), 1_000, &title_loudest);
        assert_eq!(
            report.findings,
            at(found(Rule::Loudness, -17.0, rms), 0.5, None)
        );
    }

    #[test]
    fn a_peak_noise_or_silence_is_traced_to_the_segment_there_or_just_before() {
        let peak = |m: &mut Measurements, at: f64| {
            m.peak_db = -1.0;
            m.peak_at = at;
        };
        let high = found(Rule::Peak, -1.0, (None, Some(-3.0)));
        assert_eq!(
            findings(|m, _| peak(m, 1.7)),
            at(high.clone(), 1.7, Some(9))
        );
        assert_eq!(
            findings(|m, _| peak(m, 1.5)),
            at(high.clone(), 1.5, Some(7))
        );
        assert_eq!(findings(|m, _| peak(m, 0.6)), at(high, 0.6, Some(7)));

        let noisy = findings(|m, _| {
            m.noise_floor_db = -50.0;
            m.noise_floor_at = 1.45;
        });
        let floor = found(Rule::NoiseFloor, -50.0, (None, Some(-60.0)));
        assert_eq!(noisy, at(floor, 1.45, Some(7)));

        let silent = findings(|m, _| {
            m.silence = Some(Silence {
                at: 2.2,
                seconds: 0.5,
            })
        });
        let silence = found(Rule::DigitalSilence, 0.5, (None, Some(0.25)));
        assert_eq!(silent, at(silence, 2.2, Some(9)));
    }

    #[test]
    fn rate_bitrate_and_length_name_no_place() {
        let rate = findings(|_, e| e.sample_rate = 48_000);
        let exact = (Some(44_100.0), Some(44_100.0));
        assert_eq!(rate, [found(Rule::SampleRate, 48_000.0, exact)]);
        let at_least = (Some(192.0), None);
        let low = findings(|_, e| (e.min_kbps, e.max_kbps) = (128, 128));
        assert_eq!(low, [found(Rule::Bitrate, 128.0, at_least)]);
        let variable = findings(|_, e| e.max_kbps = 256);
        assert_eq!(variable, [found(Rule::Bitrate, 192.0, at_least)]);
        let long = findings(|m, _| m.seconds = 121.0 * 60.0);
        assert_eq!(long, [found(Rule::Length, 121.0, (None, Some(120.0)))]);
        let rules: Vec<Rule> = findings(|m, e| {
            m.seconds = 7_300.0;
            m.peak_db = 0.0;
            e.sample_rate = 22_050;
        })
        .iter()
        .map(|f| f.rule)
        .collect();
        assert_eq!(rules, [Rule::Peak, Rule::SampleRate, Rule::Length]);
    }

    #[test]
    fn a_measured_programme_within_every_rule_passes_and_serialises_in_camel_case() {
        let room_tone = square(0.0005, 0.5);
        let mut joined = Assembler::new(SAMPLE_RATE);
        joined.clip(Part::RoomTone, &square(0.0005, 0.75));
        joined.clip(Part::Title, &square(0.1, 1.0));
        joined.clip(Part::RoomTone, &room_tone);
        joined.clip(Part::Segment(SegmentId(1)), &square(0.1, 3.0));
        joined.clip(Part::RoomTone, &room_tone);
        joined.clip(Part::Segment(SegmentId(2)), &square(0.1, 3.0));
        joined.clip(Part::RoomTone, &square(0.0005, 1.0));
        let (samples, timeline) = joined.finish();
        let (_, encoding) = fine();
        let parts = levels(&samples, SAMPLE_RATE, &timeline);

        let report = |samples: &[f32]| {
            let measured = measure(samples, SAMPLE_RATE);
            check(measured, encoding, &timeline, SAMPLE_RATE, &parts)
        };

        assert_eq!(report(&samples).findings, []);
        let quiet = report(&samples[..1_000]);
        let json = serde_json::to_value(&quiet).unwrap();
        assert_eq!(json["findings"][0]["rule"], "loudness");
        assert!(json["measurements"]["noiseFloorDb"].is_number());
    }
}
