#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace atlas::text {
namespace {

// ---------------------------------------------------------------------------------------
// UTF-8 decoding
// ---------------------------------------------------------------------------------------

constexpr bool is_cont(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

// Decodes the sequence starting at p[0] (p[0] >= 0x80) of at most `n` bytes. Returns its
// length and sets `cp`, or returns 0 when the sequence is invalid (stray continuation
// byte, overlong form, surrogate, above U+10FFFF, truncated).
inline std::size_t decode_multibyte(const unsigned char* p, std::size_t n, char32_t& cp) noexcept {
    const unsigned char c = p[0];
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || !is_cont(p[1])) return 0;
        cp = (char32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3) return 0;
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // ED A0..BF are surrogates
        if (p[1] < lo || p[1] > hi || !is_cont(p[2])) return 0;
        cp = (char32_t(c & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4) return 0;
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // F4 90.. is above U+10FFFF
        if (p[1] < lo || p[1] > hi || !is_cont(p[2]) || !is_cont(p[3])) return 0;
        cp = (char32_t(c & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
             (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        return 4;
    }
    return 0;  // 80..C1 (continuation or overlong lead) and F5..FF
}

// ---------------------------------------------------------------------------------------
// Folding tables
// ---------------------------------------------------------------------------------------

// ASCII classes: a lower-case letter or digit to emit, kSep (a separator: punctuation,
// whitespace, controls) or kDrop (apostrophe-like marks, removed without a separator).
constexpr char kSep = 0;
constexpr char kDrop = 1;

constexpr std::array<char, 128> make_ascii_table() {
    std::array<char, 128> t{};
    for (int c = 0; c < 128; ++c) t[c] = kSep;
    for (int c = '0'; c <= '9'; ++c) t[c] = char(c);
    for (int c = 'a'; c <= 'z'; ++c) t[c] = char(c);
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = char(c - 'A' + 'a');
    t['\''] = kDrop;
    t['`'] = kDrop;
    return t;
}
constexpr std::array<char, 128> kAscii = make_ascii_table();

// Latin letters with diacritics → base letter. '*' keeps the character unchanged, ' ' makes
// it a separator (× ÷), and digits stand for two-letter expansions (see kExpansions).
// Derived from the Unicode canonical decompositions plus hand-written entries for letters
// without one (ø đ ł ı ħ ŧ ß æ œ þ …).
constexpr char kLatinFold[] =
    "aaaaaa1ceeeeiiiidnooooo ouuuuy43"  // U+00C0
    "aaaaaa1ceeeeiiiidnooooo ouuuuy4y"  // U+00E0
    "aaaaaaccccccccddddeeeeeeeeeegggg"  // U+0100
    "gggghhhhiiiiiiiiii55jjkkklllllll"  // U+0120
    "lllnnnnnnnnnoooooo22rrrrrrssssss"  // U+0140
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs"  // U+0160
    "bbbb***ccdddd****ffg***ikkl**nno"  // U+0180
    "oo**pp*****ttttuu*vyyzz*********"  // U+01A0
    "*************aaiioouuuuuuuuuu*aa"  // U+01C0
    "aa**ggggkkoooo**j***gg**nnaa****"  // U+01E0
    "aaaaeeeeiiiioooorrrruuuusstt**hh"  // U+0200
    "*d****aaeeooooooooyylntj**acclts"  // U+0220
    "z**bu*eejj**rryy";                 // U+0240..U+024F
constexpr char32_t kLatinFirst = 0xC0;
constexpr char32_t kLatinLast = 0x24F;
static_assert(sizeof(kLatinFold) - 1 == kLatinLast - kLatinFirst + 1);

// Latin Extended Additional (Vietnamese and others), same conventions.
constexpr char kLatinAdditionalFold[] =
    "aabbbbbbccddddddddddeeeeeeeeeeff"  // U+1E00
    "gghhhhhhhhhhiiiikkkkkkllllllllmm"  // U+1E20
    "mmmmnnnnnnnnoooooooopppprrrrrrrr"  // U+1E40
    "ssssssssssttttttttuuuuuuuuuuvvvv"  // U+1E60
    "wwwwwwwwwwxxxxyyzzzzzzhtwyasss3d"  // U+1E80
    "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"  // U+1EA0
    "eeeeeeeeiiiioooooooooooooooooooo"  // U+1EC0
    "oooouuuuuuuuuuuuuuyyyyyyyy******";  // U+1EE0
constexpr char32_t kLatinAdditionalFirst = 0x1E00;
static_assert(sizeof(kLatinAdditionalFold) - 1 == 0x100);

constexpr const char* kExpansions[] = {"", "ae", "oe", "ss", "th", "ij"};  // '1'..'5'

enum class Kind : std::uint8_t { keep, drop, sep, ascii, lower };

struct Mapping {
    Kind kind;
    const char* ascii = nullptr;  // for Kind::ascii: NUL-terminated replacement
    char32_t lower = 0;           // for Kind::lower: the lower-case code point
};

// NUL-terminated one-character strings for every ASCII byte, for Kind::ascii.
constexpr std::array<std::array<char, 2>, 128> make_ascii_strings() {
    std::array<std::array<char, 2>, 128> t{};
    for (int c = 0; c < 128; ++c) t[c] = {char(c), '\0'};
    return t;
}
constexpr std::array<std::array<char, 2>, 128> kAsciiStrings = make_ascii_strings();
inline const char* ascii_string(char c) noexcept { return kAsciiStrings[static_cast<unsigned char>(c)].data(); }

Mapping from_latin_table(char t) noexcept {
    if (t == '*') return {Kind::keep};
    if (t == ' ') return {Kind::sep};
    if (t >= '1' && t <= '5') return {Kind::ascii, kExpansions[t - '0']};
    return {Kind::ascii, ascii_string(t)};
}

// What folding does with one non-ASCII code point.
Mapping map_code_point(char32_t cp) noexcept {
    if (cp < 0xA0) return {Kind::sep};  // C1 controls
    if (cp < 0xC0) {                     // Latin-1 punctuation and symbols
        switch (cp) {
            case 0xAD: return {Kind::drop};  // soft hyphen
            case 0xB4: return {Kind::drop};  // acute accent ´
            case 0xAA: return {Kind::ascii, ascii_string('a')};  // ª
            case 0xBA: return {Kind::ascii, ascii_string('o')};  // º
            case 0xB9: return {Kind::ascii, ascii_string('1')};     // ¹
            case 0xB2: return {Kind::ascii, ascii_string('2')};     // ²
            case 0xB3: return {Kind::ascii, ascii_string('3')};     // ³
            case 0xB5: return {Kind::keep};                // µ
            default: return {Kind::sep};                   // NBSP ¡ « » ° · ¿ …
        }
    }
    if (cp <= kLatinLast) return from_latin_table(kLatinFold[cp - kLatinFirst]);
    if (cp >= 0x2B0 && cp <= 0x2FF) {  // spacing modifier letters
        switch (cp) {
            case 0x2B9: case 0x2BB: case 0x2BC: case 0x2BD: case 0x2BE: case 0x2BF:
            case 0x2C8: case 0x2CA: case 0x2CB:
                return {Kind::drop};  // ʹ ʻ ʼ ʽ ˈ ˊ ˋ: apostrophe-like
            default: break;
        }
        if ((cp >= 0x2C2 && cp <= 0x2C5) || (cp >= 0x2D2 && cp <= 0x2DF) || cp >= 0x2E5)
            return {Kind::sep};  // modifier symbols such as ˘ ˙ ˚ ˛ ˜ ˝
        return {Kind::keep};     // modifier letters
    }
    if (cp >= 0x300 && cp <= 0x36F) return {Kind::drop};  // combining diacritics (NFD input)
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return {Kind::lower, nullptr, cp + 0x20};  // Greek
    if (cp >= 0x410 && cp <= 0x42F) return {Kind::lower, nullptr, cp + 0x20};  // Cyrillic А..Я
    if (cp >= 0x400 && cp <= 0x40F) return {Kind::lower, nullptr, cp + 0x50};  // Cyrillic Ѐ..Џ
    if (cp >= 0x1E00 && cp <= 0x1EFF) return from_latin_table(kLatinAdditionalFold[cp - kLatinAdditionalFirst]);
    if (cp >= 0x2000 && cp <= 0x206F) {  // General Punctuation
        switch (cp) {
            case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x2035:
                return {Kind::drop};  // ‘ ’ ‛ ′ ‵
            case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0x2061:
            case 0x2062: case 0x2063: case 0x2064:
                return {Kind::drop};  // zero-width and invisible characters
            default: return {Kind::sep};  // spaces, dashes, “ ” „, • … ‰ ‹ › …
        }
    }
    if (cp >= 0x20A0 && cp <= 0x20CF) return {Kind::sep};   // currency symbols
    if (cp >= 0x2190 && cp <= 0x2BFF) return {Kind::sep};   // arrows, math, shapes, dingbats
    if (cp >= 0x2E00 && cp <= 0x2E7F) return {Kind::sep};   // supplemental punctuation
    if (cp == 0x3000 || (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
        (cp >= 0x3014 && cp <= 0x301F))
        return {Kind::sep};  // ideographic space, 、。〃 and CJK brackets
    if (cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F)) return {Kind::drop};  // BOM, variation selectors
    if (cp >= 0xFF01 && cp <= 0xFF5E) {  // fullwidth ASCII
        const char a = kAscii[cp - 0xFEE0];
        if (a == kSep) return {Kind::sep};
        if (a == kDrop) return {Kind::drop};
        return {Kind::ascii, ascii_string(a)};
    }
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return {Kind::sep};  // emoji and pictographs
    return {Kind::keep};
}

inline void encode_2byte(char32_t cp, char* buf) noexcept {  // U+0080..U+07FF only
    buf[0] = char(0xC0 | (cp >> 6));
    buf[1] = char(0x80 | (cp & 0x3F));
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        char32_t cp;
        const std::size_t len = decode_multibyte(p + i, n - i, cp);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

void fold_append(std::string_view in, std::string& out) {
    // Folding never makes text longer (every expansion replaces at least as many bytes, and a
    // separator space replaces at least one byte), so one reservation covers the whole call.
    // Grow geometrically so that appending many records to one buffer stays linear.
    if (out.capacity() - out.size() < in.size()) {
        out.reserve(std::max(out.size() + in.size(), out.capacity() * 2));
    }
    const std::size_t start = out.size();
    bool pending_space = false;
    auto put = [&](char c) {
        if (pending_space) {
            if (out.size() > start) out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c);
    };

    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            const char t = kAscii[c];
            if (t == kSep) pending_space = true;
            else if (t != kDrop) put(t);
            ++i;
            continue;
        }
        char32_t cp;
        const std::size_t len = decode_multibyte(p + i, n - i, cp);
        if (len == 0) {  // invalid byte: dropped
            ++i;
            continue;
        }
        const Mapping m = map_code_point(cp);
        switch (m.kind) {
            case Kind::drop: break;
            case Kind::sep: pending_space = true; break;
            case Kind::ascii:
                for (const char* a = m.ascii; *a; ++a) put(*a);
                break;
            case Kind::lower: {
                char buf[2];
                encode_2byte(m.lower, buf);
                put(buf[0]);
                out.push_back(buf[1]);
                break;
            }
            case Kind::keep:
                put(char(p[i]));
                out.append(in.data() + i + 1, len - 1);
                break;
        }
        i += len;
    }
}

std::string_view trim(std::string_view s) noexcept {
    constexpr std::string_view ws = " \t\n\v\f\r";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

namespace {

std::size_t osa_distance(std::string_view a, std::string_view b, std::size_t limit,
                         std::size_t* row0, std::size_t* row1, std::size_t* row2) noexcept {
    // row2 = previous-previous row (for transpositions), row1 = previous row, row0 = current.
    const std::size_t m = b.size();
    for (std::size_t j = 0; j <= m; ++j) row1[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row0[0] = i;
        std::size_t row_min = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t d = std::min({row1[j] + 1, row0[j - 1] + 1, row1[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d = std::min(d, row2[j - 2] + 1);
            }
            row0[j] = d;
            row_min = std::min(row_min, d);
        }
        // Row minima never decrease (also with transpositions), so nothing below can get
        // back under the limit.
        if (row_min > limit) return limit + 1;
        std::size_t* t = row2;
        row2 = row1;
        row1 = row0;
        row0 = t;
    }
    return std::min(row1[m], limit + 1);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (diff > limit) return limit + 1;
    if (a == b) return 0;
    if (a.empty() || b.empty()) return std::min(diff, limit + 1);
    if (a.size() < b.size()) std::swap(a, b);  // rows sized by the shorter string
    constexpr std::size_t kStack = 64;
    if (b.size() < kStack) {
        std::size_t rows[3][kStack];
        return osa_distance(a, b, limit, rows[0], rows[1], rows[2]);
    }
    std::vector<std::size_t> rows(3 * (b.size() + 1));
    return osa_distance(a, b, limit, rows.data(), rows.data() + b.size() + 1,
                        rows.data() + 2 * (b.size() + 1));
}

}  // namespace atlas::text
