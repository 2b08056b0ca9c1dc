// Text helpers shared by search, region-name resolution and the validator.
// Everything here works on UTF-8 bytes and never throws.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace atlas::text {

// Offset of the first invalid UTF-8 sequence (its first byte; overlong forms, surrogates,
// code points above U+10FFFF, stray continuation bytes and truncated sequences are
// invalid), or npos when the text is valid. NUL bytes are valid.
std::size_t find_invalid_utf8(std::string_view s) noexcept;
inline bool is_valid_utf8(std::string_view s) noexcept { return find_invalid_utf8(s) == std::string_view::npos; }

// Search folding: lower-case, Latin accents removed (é→e, ñ→n, ł→l, ß→ss, æ→ae, œ→oe,
// þ→th; Latin-1, Latin Extended-A/B and Latin Extended Additional, and combining accents
// of decomposed text), apostrophes and similar marks (' ’ ‘ ` ´ ʼ) dropped so "Ma’Siti"
// folds like "MaSiti", every other punctuation, symbol or whitespace run (ASCII, NBSP,
// dashes, “ ”, emoji…) turned into one space, trimmed. Greek and Cyrillic capitals are
// lower-cased, fullwidth ASCII becomes ASCII, other scripts (CJK…) are kept as they are,
// invalid UTF-8 bytes are dropped. The result is never longer than the input.
// Appends to `out` without clearing it and without a separator of its own (appending
// " Foo" to "x" gives "xfoo"): callers that concatenate fields add the space themselves.
// One buffer can be reused across calls; it does not allocate when `out` has room.
void fold_append(std::string_view in, std::string& out);
inline std::string fold(std::string_view in) { std::string o; fold_append(in, o); return o; }

// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view s) noexcept;

// Damerau–Levenshtein (optimal string alignment) distance over bytes, stopping early once
// it is known to exceed `limit` (returns limit + 1 then). Used for "small misspellings" of
// folded region names. No allocation for strings shorter than 64 bytes.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace atlas::text
