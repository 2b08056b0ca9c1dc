#include "bundle_scan.hpp"

#include <array>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/text.hpp"

namespace atlas::detail {

TextPosition position_of(std::string_view text, std::size_t offset) noexcept {
    TextPosition p;
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not continuation bytes
            ++p.column;
        }
    }
    return p;
}

namespace {
LoadError at(ErrorCode code, std::string_view text, std::size_t offset, std::string message) {
    TextPosition p = position_of(text, offset);
    return LoadError{code, std::move(message), {}, p.line, p.column};
}
}  // namespace

std::optional<LoadError> prescan(std::string_view bytes, const LoadLimits& limits, std::size_t& skip,
                                 ScanCounts* counts) {
    skip = 0;
    if (bytes.size() > limits.max_bytes) {
        return LoadError{ErrorCode::too_large,
                         "file is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                             std::to_string(limits.max_bytes) + " bytes",
                         {}, 0, 0};
    }
    auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
    if (starts(std::string_view("\x00\x00\xFE\xFF", 4)) || starts(std::string_view("\xFF\xFE\x00\x00", 4))) {
        return LoadError{ErrorCode::bad_encoding, "file is UTF-32; save it as UTF-8", {}, 1, 1};
    }
    if (starts("\xFE\xFF") || starts("\xFF\xFE") ||
        (bytes.size() >= 2 && ((bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0)))) {
        return LoadError{ErrorCode::bad_encoding, "file is UTF-16; save it as UTF-8", {}, 1, 1};
    }
    if (starts("\xEF\xBB\xBF")) skip = 3;
    std::string_view body = bytes.substr(skip);
    if (auto nul = body.find('\0'); nul != std::string_view::npos) {
        return at(ErrorCode::bad_encoding, bytes, skip + nul, "NUL byte in the file; it is not a UTF-8 text file");
    }
    if (auto bad = text::find_invalid_utf8(body); bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(body[bad]));
        return at(ErrorCode::bad_encoding, bytes, skip + bad,
                  std::string("invalid UTF-8 (byte ") + hex +
                      "); the file may be in Latin-1 or Windows-1252: save it as UTF-8");
    }
    // Nesting depth, skipping string contents; counting values and members.
    enum : unsigned char { other, open_object, open_array, close, comma, colon, quote };
    static constexpr auto kind_of = [] {
        std::array<unsigned char, 256> t{};
        t['{'] = open_object;
        t['['] = open_array;
        t['}'] = t[']'] = close;
        t[','] = comma;
        t[':'] = colon;
        t['"'] = quote;
        return t;
    }();
    static constexpr auto ends_string_run = [] {
        std::array<bool, 256> t{};
        t['"'] = t['\\'] = true;
        return t;
    }();
    // Whether any byte of w is b (exact: the classic zero-byte test on w ^ b…b).
    auto has_byte = [](std::uint64_t w, unsigned char b) {
        const std::uint64_t x = w ^ (0x0101010101010101ull * b);
        return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
    };
    std::vector<bool> in_array;  // per open container: an array (true) or an object
    in_array.reserve(64);
    std::size_t depth = 0, colons = 0, array_values = 0;
    const auto* const p = reinterpret_cast<const unsigned char*>(body.data());
    const std::size_t n = body.size();
    for (std::size_t i = 0; i < n; ++i) {
        switch (kind_of[p[i]]) {
            case other: break;
            case quote:
                // A string: skip to its closing quote (an unterminated one is the parser's to report).
                ++i;
                while (i < n) {
                    // Eight bytes at a time while none is a quote or a backslash.
                    while (i + 8 <= n) {
                        std::uint64_t w;
                        std::memcpy(&w, p + i, 8);
                        if (has_byte(w, '"') | has_byte(w, '\\')) break;
                        i += 8;
                    }
                    while (i < n && !ends_string_run[p[i]]) ++i;
                    if (i >= n || p[i] == '"') break;
                    i += 2;  // a backslash and the character it escapes
                }
                break;
            case open_object:
            case open_array:
                if (++depth > limits.max_depth) {
                    return at(ErrorCode::too_deep, bytes, skip + i,
                              "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
                }
                in_array.push_back(p[i] == '[');
                if (p[i] == '[') ++array_values;  // its first element, if any
                break;
            case close:
                if (depth > 0) --depth;
                if (!in_array.empty()) in_array.pop_back();
                break;
            case comma:
                if (!in_array.empty() && in_array.back()) ++array_values;
                break;
            case colon: ++colons; break;
        }
    }
    if (counts) {
        counts->members = colons;
        counts->values = 1 + colons + array_values;
    }
    return std::nullopt;
}

}  // namespace atlas::detail
