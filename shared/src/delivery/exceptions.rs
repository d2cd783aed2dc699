//! Exception-first review: the automatic checks of a render, so that a reviewer listens to the
//! segments that need it rather than to the whole chapter. A clip much longer or shorter than
//! its text predicts (set against the chapter's own pace, so an engine that reads faster than
//! the estimate flags nothing by itself) is often a misread, a skipped or repeated passage, or a
//! hang; a segment an ACX failure is traced to needs an ear too, and so does one whose speaker
//! changed after its clip was heard in a render.

use serde::{Deserialize, Serialize};

use crate::delivery::acx::{AcxReport, Rule};
use crate::plan::segment::{Segment, SegmentId};

/// A clip's length against what its text predicts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClipTiming {
    /// The segment.
    pub segment: SegmentId,
    /// Seconds its text predicts at the project's reading speed.
    pub expected: f64,
    /// Seconds the clip lasts.
    pub actual: f64,
}

/// Why a segment needs a listen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ExceptionKind {
    /// The clip lasts `ratio` times what its text predicts at the chapter's pace.
    TooLong {
        /// Its length over the prediction, at the chapter's pace.
        ratio: f64,
    },
    /// The clip lasts only `ratio` times what its text predicts at the chapter's pace.
    TooShort {
        /// Its length over the prediction, at the chapter's pace.
        ratio: f64,
    },
    /// An ACX failure is traced to it.
    Acx {
        /// The rule.
        rule: Rule,
    },
    /// Its speaker changed after the render that read it.
    SpeakerChanged {
        /// The speaker the render read it with.
        was: String,
    },
}

/// A segment that the automatic checks single out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Exception {
    /// The segment.
    pub segment: SegmentId,
    /// Why.
    #[serde(flatten)]
    pub kind: ExceptionKind,
}

/// A clip longer than this many times its prediction (at the chapter's pace) is an exception.
pub const TOO_LONG: f64 = 1.8;
/// A clip shorter than this share of its prediction (at the chapter's pace) is an exception.
pub const TOO_SHORT: f64 = 0.5;
/// Clips predicted shorter than this are not judged: a word or two varies too much.
pub const SHORTEST_JUDGED: f64 = 1.5;

/// The exceptions of a render: clips whose length is far from their text's at the chapter's
/// pace (the median of every judged clip's actual over predicted length), then the segments the
/// ACX report traces failures to; at most one per segment and cause, in plan order for timings.
pub fn exceptions(timings: &[ClipTiming], report: &AcxReport) -> Vec<Exception> {
    let judged: Vec<&ClipTiming> = timings
        .iter()
        .filter(|t| t.expected >= SHORTEST_JUDGED && t.actual.is_finite())
        .collect();
    let mut ratios: Vec<f64> = judged.iter().map(|t| t.actual / t.expected).collect();
    ratios.sort_by(f64::total_cmp);
    let pace = ratios.get(ratios.len() / 2).copied().unwrap_or(1.0);
    let mut out = Vec::new();
    if pace > 0.0 {
        for timing in judged {
            let ratio = timing.actual / timing.expected / pace;
            let kind = if ratio > TOO_LONG {
                ExceptionKind::TooLong { ratio }
            } else if ratio < TOO_SHORT {
                ExceptionKind::TooShort { ratio }
            } else {
                continue;
            };
            out.push(Exception {
                segment: timing.segment,
                kind,
            });
        }
    }
    for finding in &report.findings {
        if let Some(segment) = finding.segment {
            let kind = ExceptionKind::Acx { rule: finding.rule };
            if !out.iter().any(|e| e.segment == segment && e.kind == kind) {
                out.push(Exception { segment, kind });
            }
        }
    }
    out
}

/// Segments whose speaker is no longer the one `rendered` (each segment's speaker when the
/// render read it) says: the render no longer says who speaks there.
pub fn speaker_changes(rendered: &[(SegmentId, String)], now: &[Segment]) -> Vec<Exception> {
    now.iter()
        .filter_map(|segment| {
            let (_, was) = rendered.iter().find(|(id, _)| *id == segment.id)?;
            (segment.speaker.as_deref() != Some(was.as_str())).then(|| Exception {
                segment: segment.id,
                kind: ExceptionKind::SpeakerChanged { was: was.clone() },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::acx::{Encoding, Finding, Measurements};

    fn report(findings: Vec<Finding>) -> AcxReport {
        AcxReport {
            measurements: Measurements {
                seconds: 60.0,
                rms_db: -20.0,
                peak_db: -4.0,
                peak_at: 1.0,
                noise_floor_db: -72.0,
                noise_floor_at: 0.0,
                silence: None,
            },
            encoding: Encoding {
                sample_rate: 44_100,
                channels: 1,
                min_kbps: 192,
                max_kbps: 192,
            },
            findings,
        }
    }

    fn timing(id: u32, expected: f64, actual: f64) -> ClipTiming {
        ClipTiming {
            segment: SegmentId(id),
            expected,
            actual,
        }
    }

    #[test]
    fn clips_far_from_the_chapters_pace_are_exceptions_and_the_pace_itself_is_not() {
        // The engine reads 20 % faster than the estimate throughout: no exception for that.
        let mut timings: Vec<ClipTiming> = (0..10).map(|i| timing(i, 5.0, 4.0)).collect();
        timings.push(timing(20, 5.0, 9.0)); // 2.25 × the pace: a hang or a repetition
        timings.push(timing(21, 5.0, 1.5)); // 0.375 × the pace: a skipped passage
        timings.push(timing(22, 0.5, 3.0)); // too short a text to judge

        let found = exceptions(&timings, &report(Vec::new()));

        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].segment, SegmentId(20));
        assert!(
            matches!(found[0].kind, ExceptionKind::TooLong { ratio } if (ratio - 2.25).abs() < 1e-9)
        );
        assert_eq!(found[1].segment, SegmentId(21));
        assert!(
            matches!(found[1].kind, ExceptionKind::TooShort { ratio } if (ratio - 0.375).abs() < 1e-9)
        );
    }

    #[test]
    fn acx_failures_traced_to_a_segment_are_exceptions_once() {
        let peak = Finding {
            rule: Rule::Peak,
            measured: -1.0,
            min: None,
            max: Some(-3.0),
            at: Some(12.0),
            segment: Some(SegmentId(4)),
        };
        let length = Finding {
            rule: Rule::Length,
            measured: 130.0,
            min: None,
            max: Some(120.0),
            at: None,
            segment: None,
        };

        let found = exceptions(&[], &report(vec![peak.clone(), peak, length]));

        assert_eq!(
            found,
            [Exception {
                segment: SegmentId(4),
                kind: ExceptionKind::Acx { rule: Rule::Peak }
            }]
        );
        let json = serde_json::to_value(&found[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "segment": 4, "kind": "acx", "rule": "peak" })
        );
    }

    #[test]
    fn a_speaker_changed_since_the_render_is_an_exception_naming_the_one_read() {
        let segment = |id: u32, speaker: &str| Segment {
            id: SegmentId(id),
            start: 0,
            end: 1,
            delimiter: crate::plan::segment::Delimiter::Paragraph,
            text: "x".into(),
            original_text: "x".into(),
            speaker: Some(speaker.into()),
            needs_revision: false,
            speaker_locked: false,
            reviewed: false,
            flag: None,
        };
        let rendered = [
            (SegmentId(1), "narrator".to_owned()),
            (SegmentId(2), "holmes".to_owned()),
        ];
        let now = [
            segment(1, "narrator"),
            segment(2, "watson"),
            segment(3, "holmes"),
        ];

        let found = speaker_changes(&rendered, &now);

        assert_eq!(
            found,
            [Exception {
                segment: SegmentId(2),
                kind: ExceptionKind::SpeakerChanged {
                    was: "holmes".into()
                },
            }]
        );
    }
}
