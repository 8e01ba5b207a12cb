#pragma once
// VietComposer: the text being typed on the on-screen keyboard, with Vietnamese input methods. It takes one
// keystroke at a time and keeps the text as NFC code points with the cursor always at the end (no cursor
// movement, no selection). Modes:
//  - Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, w alone ư ("nhw" → "như"), dd đ; tones s f r x j (sắc huyền
//    hỏi ngã nặng), z removes the tone. Letters may come anywhere in the word ("tieng"+"e" → "tiêng").
//  - VNI: 1..5 tones (sắc huyền hỏi ngã nặng), 6 circumflex, 7 horn, 8 breve, 9 đ, 0 removes the tone.
//  - None: every key is inserted as typed (dossier codes).
// A mark or tone key only acts when the current word (the letters before the cursor) can still become a
// Vietnamese syllable; otherwise it is inserted literally ("class" stays "class", "ass" → "as"). Typing the
// same mark or tone key again undoes it and inserts the key ("aaa" → "aa", "ass" → "as", "ww" → "w"). The
// tone is re-placed on the right vowel as the word grows ("hoas"+"n" → "hoán") in the classic style of the
// official catalog ("hòa", "thủy") unless ToneStyle::modern is chosen. Case is kept per letter ("DDUWOWNGF" →
// "ĐƯỜNG"). Backspace removes exactly the last code point and never re-places tones. Not a spell checker:
// English words that happen to be Vietnamese-shaped get marks ("bus" → "bú" in Telex).

#include "kiosk/core/keyboard/syllable.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::keyboard {

// The int values are what ui::SetKeyboardMode carries.
enum class InputMode : int { none = 0, telex = 1, vni = 2 };

[[nodiscard]] std::optional<InputMode> input_mode_from_int(int value);
// The mode the keyboard's mode button switches to: Telex → VNI → None → Telex.
[[nodiscard]] InputMode next_input_mode(InputMode mode);
// Translation key of the mode's name ("keyboard.mode.telex", ...).
[[nodiscard]] std::string_view input_mode_label_key(InputMode mode);

struct ComposerOptions {
    InputMode mode = InputMode::telex;
    ToneStyle tone_style = ToneStyle::classic;
    std::size_t max_code_points = 200; // keys that would make the text longer are ignored
};

class VietComposer {
  public:
    explicit VietComposer(ComposerOptions options = {});

    void set_mode(InputMode mode);
    [[nodiscard]] InputMode mode() const { return options_.mode; }

    // One keystroke. Control characters are ignored.
    void key(char32_t cp);
    // Every code point of `utf8` as one keystroke each ("tieengs" = seven keys); what a KeyboardInput
    // carries.
    void key(std::string_view utf8);
    void backspace();
    void clear();
    // Replaces the text (normalised to NFC, control characters dropped, cut to the maximum length).
    void set_text(std::string_view utf8);

    [[nodiscard]] std::string text() const;
    [[nodiscard]] const std::u32string& code_points() const { return text_; }
    [[nodiscard]] bool empty() const { return text_.empty(); }

  private:
    struct CurrentWord {
        std::size_t start = 0;
        Word letters;
    };
    [[nodiscard]] CurrentWord current_word() const;
    void replace_word(const CurrentWord& word);
    void insert_literal(char32_t cp, bool renormalise);
    bool apply_telex(char32_t cp, bool after_lone_w);
    bool apply_vni(char32_t cp);
    bool apply_tone(Tone tone, char32_t cp);
    bool remove_tone();
    bool apply_mark(Mark mark, std::string_view bases, char32_t cp);
    bool apply_horn(bool telex, char32_t cp);
    bool apply_stroke(char32_t cp);
    bool undo(CurrentWord& word, char32_t cp);
    void renormalise(Word& word) const;

    ComposerOptions options_;
    std::u32string text_;
    bool lone_w_ = false; // the last key was a Telex 'w' that produced 'ư' on its own
};

} // namespace kiosk::keyboard
