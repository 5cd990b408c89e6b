//! Chinese personal names in pinyin ("Wang Yi", "Zhao Leji", and the reversed order some
//! wires use, "Zemin Jiang"): a common surname next to a given name made of one or two
//! pinyin syllables. No list of given names could cover them; the syllable grammar does.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// The hundred or so surnames most Chinese people carry, in pinyin.
const SURNAMES: &[&str] = &[
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han",
    "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
    "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "qian", "dai",
    "xia", "hou", "qiu", "tan", "jia", "fan", "kong", "xi", "bai", "mao", "qin", "wen", "meng",
    "lei", "yan", "xue", "lei", "long", "duan", "hao", "kang", "shao", "wan", "qi", "gu", "zou",
    "yin", "chang", "mo", "shi", "fu", "fang", "hong", "niu", "geng", "bi", "zhan", "jin", "rao",
    "wei", "ou", "ni", "lai", "qiao", "cui", "qu",
];

const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "ai",
    "ei", "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "er", "a",
    "o", "e", "i", "u", "v",
];

/// Does `word` (lower case) split into one or two pinyin syllables?
fn is_pinyin(word: &str, syllables_left: usize) -> bool {
    if word.is_empty() {
        return true;
    }
    if syllables_left == 0 {
        return false;
    }
    let initial = INITIALS
        .iter()
        .find(|i| word.starts_with(*i))
        .map_or(0, |i| i.len());
    let rest = &word[initial..];
    FINALS
        .iter()
        .filter(|f| rest.starts_with(*f))
        .any(|f| is_pinyin(&rest[f.len()..], syllables_left - 1))
}

/// Is `word` one of [`SURNAMES`]? A set, built once: the test is asked of most pairs of
/// capitalised words, and a scan of the list cost more than the rest of the test.
fn is_surname(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| SURNAMES.iter().copied().collect())
        .contains(word)
}

/// Is `surname given` (or `given surname`) a Chinese name? Both folded, ASCII.
pub fn is_chinese_name(first: &str, second: &str) -> bool {
    // Two syllables of six letters at most ("Zhuang"): "Guangzhao", "Zhengying".
    let ascii = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase()) && w.len() <= 12;
    if !ascii(first) || !ascii(second) {
        return false;
    }
    let surname_given = is_surname(first) && is_pinyin(second, 2) && !ENGLISH.contains(&second);
    let given_surname =
        is_surname(second) && is_pinyin(first, 2) && first.len() >= 4 && !ENGLISH.contains(&first);
    surname_given || given_surname
}

/// Pinyin-shaped English words that must not count as given names.
const ENGLISH: &[&str] = &[
    "a", "an", "he", "hang", "bang", "long", "men", "sun", "sung", "gang", "ban", "pan", "fan",
    "tan", "man", "can", "ran", "wan", "dun", "run", "fun", "gun", "nun", "pun", "shun", "bin",
    "din", "fin", "pin", "sin", "tin", "win", "hen", "ten", "pen", "den", "zen", "gene", "lane",
    "line", "mine", "nine", "pine", "wine", "dine", "fine", "shine", "tone", "bone", "cone",
    "lone", "zone", "one", "gone", "done", "none", "she", "me", "we", "be", "die", "lie", "tie",
    "pie", "hue", "due", "sue", "cue", "rue", "zoo", "go", "no", "so", "do", "to", "bee", "see",
    "fee", "tee", "wee", "nee", "jean", "dean", "bean", "lean", "mean", "wean", "sean", "pei",
    "bay", "day", "hay", "may", "pay", "say", "way", "ray", "gay", "jay", "lay", "nay", "hang",
    "ding", "king", "ring", "sing", "wing", "ping", "zing", "bong", "dong", "gong", "song", "tong",
    "chin", "shin", "thin", "china", "nan", "ian", "dan", "jan", "ann", "anne", "leon", "lisa",
    "tina", "gina", "nina", "tian",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_names_either_way_round() {
        assert!(is_chinese_name("wang", "yi"));
        assert!(is_chinese_name("zhao", "leji"));
        assert!(is_chinese_name("zemin", "jiang"));
        assert!(is_chinese_name("li", "qiang"));
    }

    #[test]
    fn english_words_and_non_pinyin_are_not_names() {
        assert!(!is_chinese_name("long", "island"));
        assert!(!is_chinese_name("chen", "smith"));
        assert!(!is_chinese_name("wang", "laboratories"));
        assert!(!is_chinese_name("sun", "microsystems"));
    }
}
