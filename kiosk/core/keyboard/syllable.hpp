#pragma once
// Vietnamese letters taken apart and put back together, and the syllable rules an input method needs.
// A Letter is an ASCII base ('a'..'z'), a shape mark (circumflex â ê ô, breve ă, horn ơ ư, stroke đ), a tone
// and a case. analyse() says whether a word can be (the start of) one Vietnamese syllable and where its vowel
// nucleus is; tone_position() says which vowel carries the tone, in the classic style of the official
// catalog ("hòa", "khỏe", "thủy") or the modern one ("hoà", "khoẻ", "thuỷ"). This is not a dictionary: it
// accepts well-formed non-words ("quăc") and does not check tone/coda agreement ("thùc").

#include <cstddef>
#include <optional>
#include <vector>

namespace kiosk::keyboard {

enum class Mark : unsigned char { none, circumflex, breve, horn, stroke };
// In the order of Telex s f r x j and VNI 1..5.
enum class Tone : unsigned char { none, acute, grave, hook, tilde, dot };
enum class ToneStyle { classic, modern };

struct Letter {
    char base = 0; // 'a'..'z'
    Mark mark = Mark::none;
    Tone tone = Tone::none;
    bool upper = false;
    friend bool operator==(const Letter&, const Letter&) = default;
};

using Word = std::vector<Letter>;

// The Letter of a Latin letter or a precomposed Vietnamese letter; nullopt for anything else (digits,
// punctuation, other scripts, letters such as 'ç' that Vietnamese does not use).
[[nodiscard]] std::optional<Letter> decompose(char32_t cp);
// The precomposed code point of a letter, or 0 when the combination does not exist ('b' with a tone, 'e'
// with a horn).
[[nodiscard]] char32_t compose(const Letter& letter);
[[nodiscard]] bool is_vowel(char base);

struct Syllable {
    std::size_t nucleus_begin = 0, nucleus_end = 0; // the vowel run, after a "gi"/"qu" onset
    bool has_coda = false;                          // a final consonant follows the vowels
};

// Splits a word into onset, vowel nucleus and coda. nullopt when it cannot become a Vietnamese syllable.
// Marks still to be typed are fine ("tie" may become "tiê"), wrong ones are not ("muă", "hưư"). A word of
// consonants only is a syllable being typed (empty nucleus) when they form a valid onset.
[[nodiscard]] std::optional<Syllable> analyse(const Word& word);

// The index of the vowel that carries the tone; nullopt when there is no nucleus or no syllable.
[[nodiscard]] std::optional<std::size_t> tone_position(const Word& word, ToneStyle style);

// The tone of the word (the first toned letter's).
[[nodiscard]] Tone word_tone(const Word& word);
void clear_tone(Word& word);
// Clears every tone and puts `tone` on the right vowel. Returns false, leaving the word alone, when the word
// is not a syllable.
bool place_tone(Word& word, Tone tone, ToneStyle style);

} // namespace kiosk::keyboard
