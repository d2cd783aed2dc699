//! Numbers in headings: Arabic digits, Roman numerals written the standard way (`XIV`), and
//! English and Spanish number words, cardinal and ordinal (`twenty-one`, `primera`, `décimo`).

use super::line::split_word;

/// A number at the start of `text`: Arabic digits, a Roman numeral (any case) or a number word;
/// with `any_form` false, only number words. Returns the value and the rest.
pub(super) fn parse_number(text: &str, any_form: bool) -> Option<(u32, &str)> {
    let (token, rest) = split_word(text);
    if token.is_empty() {
        return None;
    }
    if any_form {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            return (token.len() <= 4)
                .then(|| token.parse().ok())
                .flatten()
                .map(|value| (value, rest));
        }
        if let Some(value) = roman(&token.to_ascii_uppercase()) {
            return Some((value, rest));
        }
    }
    let lower = token.to_lowercase();
    let value = number_word(&lower)?;
    // `twenty-one`, `thirty-first`.
    if value >= 20 && value % 10 == 0 && value < 100 {
        if let Some(after_hyphen) = rest.strip_prefix('-') {
            let (unit, after) = split_word(after_hyphen);
            if let Some(unit_value) = number_word(&unit.to_lowercase()).filter(|&v| v < 10) {
                return Some((value + unit_value, after));
            }
        }
    }
    Some((value, rest))
}

/// English and Spanish number words, cardinal and ordinal, up to twenty (and the tens).
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("first", 1),
    ("two", 2),
    ("second", 2),
    ("three", 3),
    ("third", 3),
    ("four", 4),
    ("fourth", 4),
    ("five", 5),
    ("fifth", 5),
    ("six", 6),
    ("sixth", 6),
    ("seven", 7),
    ("seventh", 7),
    ("eight", 8),
    ("eighth", 8),
    ("nine", 9),
    ("ninth", 9),
    ("ten", 10),
    ("tenth", 10),
    ("eleven", 11),
    ("eleventh", 11),
    ("twelve", 12),
    ("twelfth", 12),
    ("thirteen", 13),
    ("thirteenth", 13),
    ("fourteen", 14),
    ("fourteenth", 14),
    ("fifteen", 15),
    ("fifteenth", 15),
    ("sixteen", 16),
    ("sixteenth", 16),
    ("seventeen", 17),
    ("seventeenth", 17),
    ("eighteen", 18),
    ("eighteenth", 18),
    ("nineteen", 19),
    ("nineteenth", 19),
    ("twenty", 20),
    ("twentieth", 20),
    ("thirty", 30),
    ("thirtieth", 30),
    ("forty", 40),
    ("fortieth", 40),
    ("fifty", 50),
    ("fiftieth", 50),
    ("last", 999),
    ("final", 999),
    ("uno", 1),
    ("una", 1),
    ("única", 1),
    ("unica", 1),
    ("primero", 1),
    ("primera", 1),
    ("primer", 1),
    ("dos", 2),
    ("segundo", 2),
    ("segunda", 2),
    ("tres", 3),
    ("tercero", 3),
    ("tercera", 3),
    ("tercer", 3),
    ("cuatro", 4),
    ("cuarto", 4),
    ("cuarta", 4),
    ("cinco", 5),
    ("quinto", 5),
    ("quinta", 5),
    ("seis", 6),
    ("sexto", 6),
    ("sexta", 6),
    ("siete", 7),
    ("séptimo", 7),
    ("séptima", 7),
    ("septimo", 7),
    ("septima", 7),
    ("ocho", 8),
    ("octavo", 8),
    ("octava", 8),
    ("nueve", 9),
    ("noveno", 9),
    ("novena", 9),
    ("diez", 10),
    ("décimo", 10),
    ("décima", 10),
    ("decimo", 10),
    ("decima", 10),
    ("once", 11),
    ("undécimo", 11),
    ("undécima", 11),
    ("doce", 12),
    ("duodécimo", 12),
    ("duodécima", 12),
    ("trece", 13),
    ("catorce", 14),
    ("quince", 15),
    ("dieciséis", 16),
    ("dieciseis", 16),
    ("diecisiete", 17),
    ("dieciocho", 18),
    ("diecinueve", 19),
    ("veinte", 20),
    ("vigésimo", 20),
    ("vigésima", 20),
];

fn number_word(lower: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(word, _)| *word == lower)
        .map(|&(_, value)| value)
}

/// The value of an uppercase Roman numeral written the standard way (`XIV`, not `XIIII`), up to
/// 3999.
pub(crate) fn roman(token: &str) -> Option<u32> {
    if token.is_empty() || token.len() > 15 {
        return None;
    }
    let mut total: u32 = 0;
    let mut previous = 0;
    for c in token.chars().rev() {
        let value = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if value < previous {
            total = total.checked_sub(value)?;
        } else {
            total += value;
            previous = value;
        }
    }
    (total > 0 && total < 4000 && to_roman(total) == token).then_some(total)
}

fn to_roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (step, letters) in TABLE {
        while value >= step {
            out.push_str(letters);
            value -= step;
        }
    }
    out
}
