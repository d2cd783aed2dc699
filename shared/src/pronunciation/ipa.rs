//! The IPA symbol set and [`validate_ipa`]: the letters of the IPA chart (with the extIPA letters
//! in common use), modifier letters, diacritics, suprasegmentals, tone letters, tie bars and the
//! separators `.` `|` `‖` and space. Anything else is refused with the symbol and its position.

use serde::{Deserialize, Serialize};

/// Longest IPA transcription accepted, in characters.
pub const MAX_IPA_CHARS: usize = 200;

/// Why a string is not an IPA transcription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum IpaError {
    /// Nothing but whitespace.
    #[error("the IPA transcription is empty")]
    Empty,
    /// Longer than [`MAX_IPA_CHARS`].
    #[error("the IPA transcription has {chars} characters, over the limit of {max}")]
    TooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A symbol outside the IPA.
    #[error("“{symbol}” (U+{code:04X}) at character {position} is not an IPA symbol")]
    NotIpa {
        /// The offending character.
        symbol: char,
        /// Its code point, for symbols that look alike.
        code: u32,
        /// Its 1-based position, in characters.
        position: usize,
    },
    /// A diacritic or tie bar at the start or after a separator, with no symbol to modify.
    #[error("the diacritic U+{code:04X} at character {position} has no symbol before it")]
    LoneDiacritic {
        /// Its code point (combining marks do not print alone).
        code: u32,
        /// Its 1-based position, in characters.
        position: usize,
    },
}

/// Checks that `ipa` (already trimmed) is a transcription in IPA symbols only.
///
/// # Errors
/// The first problem found, in reading order.
pub fn validate_ipa(ipa: &str) -> Result<(), IpaError> {
    if ipa.trim().is_empty() {
        return Err(IpaError::Empty);
    }
    let chars = ipa.chars().count();
    if chars > MAX_IPA_CHARS {
        return Err(IpaError::TooLong {
            chars,
            max: MAX_IPA_CHARS,
        });
    }
    let mut after_symbol = false;
    for (index, symbol) in ipa.chars().enumerate() {
        let position = index + 1;
        match kind(symbol) {
            Some(Kind::Symbol) => after_symbol = true,
            Some(Kind::Combining) if after_symbol => {}
            Some(Kind::Combining) => {
                return Err(IpaError::LoneDiacritic {
                    code: u32::from(symbol),
                    position,
                })
            }
            Some(Kind::Separator) => after_symbol = false,
            None => {
                return Err(IpaError::NotIpa {
                    symbol,
                    code: u32::from(symbol),
                    position,
                })
            }
        }
    }
    Ok(())
}

/// Whether `symbol` may appear in an IPA transcription.
pub fn is_ipa_symbol(symbol: char) -> bool {
    kind(symbol).is_some()
}

enum Kind {
    /// A letter, modifier letter, suprasegmental or tone letter: something a diacritic can modify.
    Symbol,
    /// A combining diacritic or tie bar: modifies the symbol before it.
    Combining,
    /// A syllable, group or word boundary.
    Separator,
}

/// Letters of the IPA chart beyond ASCII `a`–`z`: pulmonic and non-pulmonic consonants, vowels,
/// other symbols, obsolete but common affricate ligatures, and extIPA letters.
const LETTERS: &str = "æɐɑɒɓʙβɔɕçɗɖðʤəɘɚɛɜɝɞɟʄɡɠɢʛɦɧħɥʜɨɪʝɭɬɫɮʟɱɯɰŋɳɲɴøɵɸθœɶʘɹɺɾɻʀʁɽʂʃʈʧʉʊʋⱱʌɣɤʍχʎʏʑʐʒʔʡʕʢǀǁǂǃʦʣʨʥʩʪʫʬʭꞎɩɷʚɼʞʇʗʖƫɿʅʆʮʯᵻᵿ";

/// Vowels and nasals with a tone, nasalisation or centralisation mark, as one precomposed
/// character (what a keyboard or an NFC-normalising editor produces for letter + diacritic).
const PRECOMPOSED: &str = "áàâǎāãäéèêěēẽëíìîǐīĩïóòôǒōõöúùûǔūũüýỳŷȳỹÿḿńǹňñ";

/// Modifier letters (aspiration, palatalisation, ejective…), length and stress marks, tone
/// letters, up- and downstep, global rise and fall.
const MODIFIERS: &str = "ʰʱʲʷˠˤⁿˡʳʴʵʶˀˁ˞ᵊᶿˣᵐᵑᶮᶯᶰᵗᵈʼˈˌːˑ˥˦˧˨˩ꜛꜜ↗↘";

/// Boundaries: syllable break, minor and major group, linking (absence of a break), word space.
const SEPARATORS: &str = ".|‖‿ ";

fn kind(symbol: char) -> Option<Kind> {
    if symbol.is_ascii_lowercase()
        || LETTERS.contains(symbol)
        || PRECOMPOSED.contains(symbol)
        || MODIFIERS.contains(symbol)
    {
        Some(Kind::Symbol)
    } else if SEPARATORS.contains(symbol) {
        Some(Kind::Separator)
    } else if is_diacritic(symbol) {
        Some(Kind::Combining)
    } else {
        None
    }
}

/// Combining diacritics (U+0300–U+036F, which holds the tie bars U+0361 and U+035C) and the
/// contour tone marks of the supplement block (U+1DC4–U+1DCB).
fn is_diacritic(symbol: char) -> bool {
    matches!(u32::from(symbol), 0x0300..=0x036F | 0x1DC4..=0x1DCB)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ipa: &str, expected: Result<(), IpaError>) {
        assert_eq!(validate_ipa(ipa), expected, "{ipa:?}");
    }

    #[test]
    fn accepts_transcriptions_of_english_and_spanish_words() {
        for ipa in [
            "ˈbæskəvɪl",
            "ˈhɜːmɪz",
            "ʃəˈlɒk ˈhɒmz",
            "ˈt͡ʃaʊ",
            "ˈkeɪ.ɒs",
            "ˌwʌn ‖ ˈtuː",
            "ɣ̞",
            "ˈnje.βla",
            "aw.ˈɣus.to",
            "kʰæt",
            "mã˥˩",
            "pʼ",
            "ɹ̩",
            "ˈɡɹiːn",
            "ᵻ",
            "ˈkãw̃",
        ] {
            check(ipa, Ok(()));
        }
    }

    #[test]
    fn refuses_digits_symbols_and_uppercase_with_their_position() {
        check(
            "ab3",
            Err(IpaError::NotIpa {
                symbol: '3',
                code: 0x33,
                position: 3,
            }),
        );
        check(
            "$a",
            Err(IpaError::NotIpa {
                symbol: '$',
                code: 0x24,
                position: 1,
            }),
        );
        check(
            "ˈhɒRmz",
            Err(IpaError::NotIpa {
                symbol: 'R',
                code: 0x52,
                position: 4,
            }),
        );
        check(
            "ba'nana",
            Err(IpaError::NotIpa {
                symbol: '\'',
                code: 0x27,
                position: 3,
            }),
        );
    }

    #[test]
    fn the_message_names_the_symbol_and_its_position() {
        assert_eq!(
            validate_ipa("hɛl3").unwrap_err().to_string(),
            "“3” (U+0033) at character 4 is not an IPA symbol"
        );
    }

    #[test]
    fn a_diacritic_needs_a_symbol_before_it() {
        check(
            "\u{0303}a",
            Err(IpaError::LoneDiacritic {
                code: 0x0303,
                position: 1,
            }),
        );
        check(
            "a \u{0361}b",
            Err(IpaError::LoneDiacritic {
                code: 0x0361,
                position: 3,
            }),
        );
    }

    #[test]
    fn refuses_empty_and_overlong_transcriptions() {
        check("  ", Err(IpaError::Empty));
        check(
            &"a".repeat(MAX_IPA_CHARS + 1),
            Err(IpaError::TooLong {
                chars: MAX_IPA_CHARS + 1,
                max: MAX_IPA_CHARS,
            }),
        );
    }

    #[test]
    fn c_and_g_are_ipa_but_tabs_are_not() {
        check("cg", Ok(()));
        check(
            "a\tb",
            Err(IpaError::NotIpa {
                symbol: '\t',
                code: 9,
                position: 2,
            }),
        );
    }
}
