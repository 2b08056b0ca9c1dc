// Text helpers shared by search, region-name resolution and the validator.
// Everything here works on UTF-8 bytes and never throws.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace atlas::text {

// Offset of the first invalid UTF-8 byte (overlong forms, surrogates, code points
// above U+10FFFF and truncated sequences are invalid), or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view s) noexcept;
inline bool is_valid_utf8(std::string_view s) noexcept { return find_invalid_utf8(s) == std::string_view::npos; }

// Search folding: lower-case, Latin accents removed (é→e, ñ→n, ß→ss…), apostrophes and
// similar marks (' ’ ‘ ` ´) dropped so "Ma’Siti" folds like "MaSiti", every other
// punctuation or whitespace run turned into one space, trimmed. Invalid UTF-8 bytes are
// dropped. Appends to `out` so callers can reuse one buffer (no allocation when it has room).
void fold_append(std::string_view in, std::string& out);
inline std::string fold(std::string_view in) { std::string o; fold_append(in, o); return o; }

// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view s) noexcept;

// Damerau–Levenshtein (optimal string alignment) distance, stopping early once it is known
// to exceed `limit` (returns limit + 1 then). Used for "small misspellings" of region names.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace atlas::text
