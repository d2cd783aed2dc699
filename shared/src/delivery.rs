//! Delivery: a chapter's clips joined into one programme and checked against the ACX audio
//! submission rules. Pure arithmetic on samples, so the page, the server and the tests agree:
//! [`timeline`] lays out the programme (room tone, the title read aloud, each segment, the pause
//! each boundary calls for) and remembers which segment every sample belongs to; [`master`]
//! brings it within the rules (level, peak limiter, room tone); [`acx`] measures it as ACX does
//! (RMS, peak, noise floor over the quietest half second, digital silence) and traces each
//! failure to a segment; [`mp3`] reads an encoded file's frame headers (rate, constant bitrate);
//! [`exceptions`] singles out the segments a reviewer should listen to.

pub mod acx;
pub mod exceptions;
pub mod master;
pub mod mp3;
pub mod timeline;

/// The sample rate of every programme, ACX's 44.1 kHz.
pub const SAMPLE_RATE: u32 = 44_100;

/// Decibels relative to full scale of a linear level; `-inf` for zero.
pub fn db(level: f64) -> f64 {
    20.0 * level.log10()
}

/// The linear level of `db` decibels relative to full scale.
pub fn linear(db: f64) -> f64 {
    10f64.powf(db / 20.0)
}
