#include "kiosk/core/keyboard/composer.hpp"

#include "kiosk/core/keyboard/labels.hpp"
#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <vector>

namespace kiosk::keyboard {
namespace {

bool is_control(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

char ascii_lower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
    return cp < 0x80 ? static_cast<char>(cp) : '\0';
}

bool is_upper_ascii(char32_t cp) {
    return cp >= 'A' && cp <= 'Z';
}

Mark horn_or_breve(char base) {
    return base == 'a' ? Mark::breve : Mark::horn;
}

// Nucleus indices whose base is one of `bases`, last first: marks go to the last fitting vowel ("oa"+w →
// "oă").
std::vector<std::size_t> candidates(const Word& word, const Syllable& s, std::string_view bases) {
    std::vector<std::size_t> out;
    for (std::size_t k = s.nucleus_end; k-- > s.nucleus_begin;)
        if (bases.find(word[k].base) != std::string_view::npos) out.push_back(k);
    return out;
}

} // namespace

std::optional<InputMode> input_mode_from_int(int value) {
    switch (value) {
    case 0:
        return InputMode::none;
    case 1:
        return InputMode::telex;
    case 2:
        return InputMode::vni;
    default:
        return std::nullopt;
    }
}

InputMode next_input_mode(InputMode mode) {
    switch (mode) {
    case InputMode::telex:
        return InputMode::vni;
    case InputMode::vni:
        return InputMode::none;
    case InputMode::none:
    default:
        return InputMode::telex;
    }
}

std::string_view input_mode_label_key(InputMode mode) {
    switch (mode) {
    case InputMode::telex:
        return labels::mode_telex;
    case InputMode::vni:
        return labels::mode_vni;
    case InputMode::none:
    default:
        return labels::mode_none;
    }
}

VietComposer::VietComposer(ComposerOptions options) : options_(options) {}

void VietComposer::set_mode(InputMode mode) {
    options_.mode = mode;
    lone_w_ = false;
}

void VietComposer::key(std::string_view utf8) {
    std::size_t pos = 0;
    while (pos < utf8.size())
        key(text::decode_next(utf8, pos));
}

void VietComposer::key(char32_t cp) {
    const bool after_lone_w = lone_w_;
    lone_w_ = false;
    if (is_control(cp)) return;
    bool handled = false;
    if (options_.mode == InputMode::telex) handled = apply_telex(cp, after_lone_w);
    if (options_.mode == InputMode::vni) handled = apply_vni(cp);
    if (!handled) insert_literal(cp, options_.mode != InputMode::none);
}

void VietComposer::backspace() {
    lone_w_ = false;
    if (!text_.empty()) text_.pop_back();
}

void VietComposer::clear() {
    lone_w_ = false;
    text_.clear();
}

void VietComposer::set_text(std::string_view utf8) {
    lone_w_ = false;
    text_.clear();
    for (char32_t cp : text::decode(text::nfc(utf8))) {
        if (text_.size() >= options_.max_code_points) break;
        if (!is_control(cp)) text_.push_back(cp);
    }
}

std::string VietComposer::text() const {
    return text::encode(text_);
}

VietComposer::CurrentWord VietComposer::current_word() const {
    CurrentWord w;
    w.start = text_.size();
    while (w.start > 0 && decompose(text_[w.start - 1]))
        --w.start;
    for (std::size_t k = w.start; k < text_.size(); ++k)
        w.letters.push_back(*decompose(text_[k]));
    return w;
}

void VietComposer::replace_word(const CurrentWord& word) {
    text_.resize(word.start);
    for (const Letter& l : word.letters) {
        char32_t cp = compose(l);
        text_.push_back(cp ? cp : static_cast<char32_t>(l.base)); // every edit keeps letters composable
    }
}

void VietComposer::insert_literal(char32_t cp, bool renormalise_word) {
    if (text_.size() >= options_.max_code_points) return;
    text_.push_back(cp);
    if (!renormalise_word || !decompose(cp)) return;
    CurrentWord w = current_word();
    renormalise(w.letters);
    replace_word(w);
}

// Keeps the word well-formed as it grows: "uơ"/"ưo" followed by more letters is "ươ" ("truơ"+"n" →
// "trươn"), and the tone moves to the vowel that now carries it ("hóa"+"n" → "hoán").
void VietComposer::renormalise(Word& word) const {
    std::optional<Syllable> s = analyse(word);
    if (!s) return;
    for (std::size_t k = s->nucleus_begin; k + 1 < s->nucleus_end; ++k) {
        Letter& u = word[k];
        Letter& o = word[k + 1];
        bool one_horn = (u.mark == Mark::horn) != (o.mark == Mark::horn);
        bool other_plain = u.mark == Mark::none || o.mark == Mark::none;
        if (u.base == 'u' && o.base == 'o' && one_horn && other_plain && k + 2 < word.size()) {
            u.mark = Mark::horn;
            o.mark = Mark::horn;
        }
    }
    Tone tone = word_tone(word);
    if (tone != Tone::none) place_tone(word, tone, options_.tone_style);
}

bool VietComposer::undo(CurrentWord& word, char32_t cp) {
    replace_word(word);
    insert_literal(cp, false);
    return true;
}

bool VietComposer::apply_telex(char32_t cp, bool after_lone_w) {
    switch (ascii_lower(cp)) {
    case 's':
        return apply_tone(Tone::acute, cp);
    case 'f':
        return apply_tone(Tone::grave, cp);
    case 'r':
        return apply_tone(Tone::hook, cp);
    case 'x':
        return apply_tone(Tone::tilde, cp);
    case 'j':
        return apply_tone(Tone::dot, cp);
    case 'z':
        return remove_tone();
    case 'a':
        return apply_mark(Mark::circumflex, "a", cp);
    case 'e':
        return apply_mark(Mark::circumflex, "e", cp);
    case 'o':
        return apply_mark(Mark::circumflex, "o", cp);
    case 'd':
        return apply_stroke(cp);
    case 'w':
        if (after_lone_w && !text_.empty()) {
            // "ww" → "w": the 'ư' a lone 'w' made becomes the letter typed.
            text_.back() = cp;
            return true;
        }
        return apply_horn(true, cp);
    default:
        return false;
    }
}

bool VietComposer::apply_vni(char32_t cp) {
    switch (cp) {
    case '1':
        return apply_tone(Tone::acute, cp);
    case '2':
        return apply_tone(Tone::grave, cp);
    case '3':
        return apply_tone(Tone::hook, cp);
    case '4':
        return apply_tone(Tone::tilde, cp);
    case '5':
        return apply_tone(Tone::dot, cp);
    case '0':
        return remove_tone();
    case '6':
        return apply_mark(Mark::circumflex, "aeo", cp);
    case '7':
        return apply_horn(false, cp);
    case '8':
        return apply_mark(Mark::breve, "a", cp);
    case '9':
        return apply_stroke(cp);
    default:
        return false;
    }
}

bool VietComposer::apply_tone(Tone tone, char32_t cp) {
    CurrentWord w = current_word();
    if (!tone_position(w.letters, options_.tone_style)) return false;
    if (word_tone(w.letters) == tone) {
        clear_tone(w.letters);
        return undo(w, cp);
    }
    renormalise(w.letters);
    place_tone(w.letters, tone, options_.tone_style);
    replace_word(w);
    return true;
}

bool VietComposer::remove_tone() {
    CurrentWord w = current_word();
    if (word_tone(w.letters) == Tone::none) return false;
    clear_tone(w.letters);
    replace_word(w);
    return true;
}

bool VietComposer::apply_mark(Mark mark, std::string_view bases, char32_t cp) {
    CurrentWord w = current_word();
    std::optional<Syllable> s = analyse(w.letters);
    if (!s) return false;
    std::vector<std::size_t> ks = candidates(w.letters, *s, bases);
    if (ks.empty()) return false;
    if (w.letters[ks.front()].mark == mark) {
        w.letters[ks.front()].mark = Mark::none;
        renormalise(w.letters);
        return undo(w, cp);
    }
    for (std::size_t k : ks) {
        Word t = w.letters;
        if (t[k].mark == mark) continue;
        t[k].mark = mark;
        if (!analyse(t)) continue;
        renormalise(t);
        w.letters = std::move(t);
        replace_word(w);
        return true;
    }
    return false;
}

bool VietComposer::apply_horn(bool telex, char32_t cp) {
    CurrentWord w = current_word();
    std::optional<Syllable> s = analyse(w.letters);
    if (!s) return false;
    Word& letters = w.letters;
    // "uo" takes the horn on both vowels ("duong"+w → "dương"), except an open "uo" at the end of the word,
    // which is "uơ" ("thuở", "huơ") until more letters follow.
    for (std::size_t k = s->nucleus_begin; k + 1 < s->nucleus_end; ++k) {
        if (letters[k].base != 'u' || letters[k + 1].base != 'o') continue;
        Word t = letters;
        t[k + 1].mark = Mark::horn;
        if (k + 2 < letters.size()) t[k].mark = Mark::horn;
        if (t == letters) {
            letters[k].mark = Mark::none;
            letters[k + 1].mark = Mark::none;
            renormalise(letters);
            return undo(w, cp);
        }
        renormalise(t);
        letters = std::move(t);
        replace_word(w);
        return true;
    }
    std::vector<std::size_t> ks = candidates(letters, *s, telex ? "aou" : "ou");
    if (ks.empty()) {
        // Telex 'w' with nothing to mark is 'ư' where a syllable can go on ("w" → "ư", "nhw" → "như").
        if (!telex || text_.size() >= options_.max_code_points) return false;
        Word t = letters;
        t.push_back({'u', Mark::horn, Tone::none, is_upper_ascii(cp)});
        if (!analyse(t)) return false;
        renormalise(t);
        letters = std::move(t);
        replace_word(w);
        lone_w_ = true;
        return true;
    }
    std::size_t last = ks.front();
    if (letters[last].mark == horn_or_breve(letters[last].base)) {
        letters[last].mark = Mark::none;
        renormalise(letters);
        return undo(w, cp);
    }
    for (std::size_t k : ks) {
        Word t = letters;
        Mark mark = horn_or_breve(t[k].base);
        if (t[k].mark == mark) continue;
        t[k].mark = mark;
        if (!analyse(t)) continue;
        renormalise(t);
        letters = std::move(t);
        replace_word(w);
        return true;
    }
    return false;
}

bool VietComposer::apply_stroke(char32_t cp) {
    CurrentWord w = current_word();
    Word& letters = w.letters;
    if (letters.empty() || letters.front().base != 'd') return false;
    if (letters.front().mark == Mark::stroke) {
        letters.front().mark = Mark::none;
        return undo(w, cp);
    }
    for (std::size_t k = 1; k < letters.size(); ++k)
        if (letters[k].base == 'd') return false; // "ddd" → "dd" stays "ddd", not "đd"
    letters.front().mark = Mark::stroke;
    replace_word(w);
    return true;
}

} // namespace kiosk::keyboard
