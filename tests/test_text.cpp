#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.hpp"

using atlas::text::edit_distance;
using atlas::text::find_invalid_utf8;
using atlas::text::fold;
using atlas::text::fold_append;
using atlas::text::is_valid_utf8;
using atlas::text::trim;

namespace {
constexpr auto npos = std::string_view::npos;
std::string_view sv(const char* s, std::size_t n) { return {s, n}; }
}  // namespace

TEST_CASE("valid UTF-8 is accepted", "[text][utf8]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII, with punctuation!"));
    CHECK(is_valid_utf8("Jarik Ma\u2019Siti"));
    CHECK(is_valid_utf8("Bañyumas Café ß æ œ"));
    CHECK(is_valid_utf8("\u4e2d\u6587"));             // 3-byte sequences
    CHECK(is_valid_utf8("\U0001F600 emoji"));         // 4-byte sequence
    CHECK(is_valid_utf8("\xC2\x80"));                 // U+0080, smallest 2-byte
    CHECK(is_valid_utf8("\xDF\xBF"));                 // U+07FF
    CHECK(is_valid_utf8("\xE0\xA0\x80"));             // U+0800, smallest 3-byte
    CHECK(is_valid_utf8("\xED\x9F\xBF"));             // U+D7FF, just below the surrogates
    CHECK(is_valid_utf8("\xEE\x80\x80"));             // U+E000, just above them
    CHECK(is_valid_utf8("\xEF\xBF\xBF"));             // U+FFFF
    CHECK(is_valid_utf8("\xF0\x90\x80\x80"));         // U+10000, smallest 4-byte
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));         // U+10FFFF, the last code point
    CHECK(is_valid_utf8(sv("a\0b", 3)));              // NUL is valid UTF-8
    CHECK(find_invalid_utf8("Kabupaten Malang, Jawa Timur") == npos);
}

TEST_CASE("invalid UTF-8 is rejected at the right offset", "[text][utf8]") {
    SECTION("overlong forms") {
        CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong '/'
        CHECK(find_invalid_utf8("\xC1\xBF") == 0);
        CHECK(find_invalid_utf8("ab\xE0\x80\xAF") == 2);    // 3-byte overlong
        CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0);      // U+07FF as 3 bytes
        CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);  // U+FFFF as 4 bytes
    }
    SECTION("surrogates") {
        CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);  // U+D800
        CHECK(find_invalid_utf8("x\xED\xBF\xBF") == 1);  // U+DFFF
    }
    SECTION("beyond U+10FFFF") {
        CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);
        CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
        CHECK(find_invalid_utf8("\xFF") == 0);
        CHECK(find_invalid_utf8("\xFE") == 0);
    }
    SECTION("truncated and stray bytes") {
        CHECK(find_invalid_utf8("abc\xC3") == 3);
        CHECK(find_invalid_utf8("\xE2\x80") == 0);
        CHECK(find_invalid_utf8("\xF0\x9F\x98") == 0);
        CHECK(find_invalid_utf8("\xE2\x80x") == 0);     // continuation replaced by ASCII
        CHECK(find_invalid_utf8("caf\xC3\xA9\x80") == 5);  // stray continuation byte
        CHECK(find_invalid_utf8("\x80") == 0);
    }
    SECTION("found after a long ASCII run (word-at-a-time fast path)") {
        std::string s(37, 'a');
        s += "\xC3\xA9";
        CHECK(is_valid_utf8(s));
        s += "bbbbbbbbbbbbbbbbbbbbb\xC0\xAF";
        CHECK(find_invalid_utf8(s) == 37 + 2 + 21);
    }
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
}

TEST_CASE("fold lower-cases and collapses punctuation", "[text][fold]") {
    CHECK(fold("Jarik Ma\u2019Siti") == "jarik masiti");
    CHECK(fold("Jarik Ma'Siti") == "jarik masiti");
    CHECK(fold("  SEPASAR   PEDAS (Sekolah Pasar) ") == "sepasar pedas sekolah pasar");
    CHECK(fold("Kab. Malang") == "kab malang");
    CHECK(fold("e-KTP/KK; 2024!") == "e ktp kk 2024");
    CHECK(fold("tab\tand\nnewline") == "tab and newline");
    CHECK(fold("") == "");
    CHECK(fold("   ") == "");
    CHECK(fold("...!!!") == "");
    CHECK(fold("ABCXYZ0189") == "abcxyz0189");
}

TEST_CASE("fold removes Latin accents", "[text][fold]") {
    CHECK(fold("Bañyumas Café") == "banyumas cafe");
    CHECK(fold("ÀÁÂÃÄÅ àáâãäå") == "aaaaaa aaaaaa");
    CHECK(fold("ÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ") == "ceeeeiiiinoooooouuuuy");
    CHECK(fold("çèéêëìíîïñòóôõöøùúûüýÿ") == "ceeeeiiiinoooooouuuuyy");
    CHECK(fold("Straße") == "strasse");
    CHECK(fold("Æsop œuvre Œ") == "aesop oeuvre oe");
    CHECK(fold("Þór ð") == "thor d");
    CHECK(fold("ā ă ą ć č ď đ ē ė ę ě ğ ī ı ł ń ň ō ő œ ř ś š ş ţ ť ū ů ű ź ż ž") ==
          "a a a c c d d e e e e g i i l n n o o oe r s s s t t u u u z z z");
    CHECK(fold("ĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŘŚŠŞŢŤŪŮŰŹŻŽ") == "aaaccddeeeegiilnnoorsssttuuuzzz");
    CHECK(fold("Tiếng Việt") == "tieng viet");          // Latin Extended Additional
    CHECK(fold("Bucure\u0219\u00ADti") == "bucuresti");  // ș plus a soft hyphen
    CHECK(fold("Cafe\xCC\x81") == "cafe");               // decomposed é (e + U+0301)
    CHECK(fold("2×3÷4") == "2 3 4");
}

TEST_CASE("fold drops apostrophe-like marks", "[text][fold]") {
    CHECK(fold("Ma'Siti Ma’Siti Ma‘Siti Ma`Siti Ma´Siti MaʼSiti") ==
          "masiti masiti masiti masiti masiti masiti");
    CHECK(fold("O'o'u") == "oou");
    CHECK(fold("Sangalla'") == "sangalla");
    CHECK(fold("'quoted'") == "quoted");
}

TEST_CASE("fold turns Unicode punctuation and spaces into one space", "[text][fold]") {
    CHECK(fold("a\u00A0b") == "a b");            // NBSP
    CHECK(fold("a\u2013b\u2014c") == "a b c");   // en and em dash
    CHECK(fold("\u201CInovasi\u201D") == "inovasi");
    CHECK(fold("«x» ¿y?") == "x y");
    CHECK(fold("a\u2003\u3000b") == "a b");      // em space, ideographic space
    CHECK(fold("a \u2022 b\u2026") == "a b");    // bullet, ellipsis
    CHECK(fold("zero\u200Bwidth") == "zerowidth");
    CHECK(fold("\xEF\xBB\xBF" "BOM") == "bom");
    CHECK(fold("smile \U0001F600 here") == "smile here");
}

TEST_CASE("fold keeps other scripts and lower-cases Greek and Cyrillic", "[text][fold]") {
    CHECK(fold("\u4e2d\u6587 Test") == "\u4e2d\u6587 test");
    CHECK(fold("한국어") == "한국어");
    CHECK(fold("ΑΘΗΝΑ") == "αθηνα");
    CHECK(fold("МОСКВА Ёж") == "москва ёж");
    CHECK(fold("ＡＢＣ１２３") == "abc123");  // fullwidth forms
    CHECK(fold("x²") == "x2");
}

TEST_CASE("fold drops invalid UTF-8 bytes", "[text][fold]") {
    CHECK(fold("ab\xC0\xAF" "cd") == "abcd");
    CHECK(fold("ab\xFF") == "ab");
    CHECK(fold("\xE2\x80") == "");
    CHECK(fold("a\xED\xA0\x80z") == "az");
}

TEST_CASE("fold_append appends without clearing and without leading spaces", "[text][fold]") {
    std::string out = "prefix|";
    fold_append("  Hello, World  ", out);
    CHECK(out == "prefix|hello world");
    fold_append(" !", out);
    CHECK(out == "prefix|hello world");  // nothing to add, nothing added
    out += ' ';
    fold_append("Ma’Siti", out);
    CHECK(out == "prefix|hello world masiti");

    std::string buf;
    buf.reserve(64);
    const auto* data = buf.data();
    fold_append("Kabupaten Malang", buf);
    CHECK(buf == "kabupaten malang");
    CHECK(buf.data() == data);  // no reallocation when the buffer has room

    std::string big;
    for (int i = 0; i < 2000; ++i) {
        fold_append("Inovasi Ke-", big);
        big += std::to_string(i);
        big += ' ';
    }
    CHECK(big.size() > 2000 * 12);
    CHECK(big.rfind("inovasi ke1999 ") != std::string::npos);
}

TEST_CASE("fold is idempotent", "[text][fold]") {
    for (const char* s : {"  SEPASAR   PEDAS (Sekolah Pasar) ", "Bañyumas Café", "Straße Œ",
                          "Jarik Ma’Siti", "\u4e2d\u6587 — x", "ΑΘΗΝΑ"}) {
        const std::string once = fold(s);
        CHECK(fold(once) == once);
    }
}

TEST_CASE("trim removes ASCII whitespace at both ends", "[text]") {
    CHECK(trim("  a b  ") == "a b");
    CHECK(trim("\t\r\n x\f\v") == "x");
    CHECK(trim("") == "");
    CHECK(trim(" \t\n ") == "");
    CHECK(trim("abc") == "abc");
    CHECK(trim("\u00A0x") == "\u00A0x");  // NBSP is not ASCII whitespace
}

TEST_CASE("edit_distance is the optimal string alignment distance", "[text][edit]") {
    CHECK(edit_distance("", "", 3) == 0);
    CHECK(edit_distance("malang", "malang", 2) == 0);
    CHECK(edit_distance("malang", "malagn", 2) == 1);   // transposition
    CHECK(edit_distance("malang", "malng", 2) == 1);    // deletion
    CHECK(edit_distance("malang", "mallang", 2) == 1);  // insertion
    CHECK(edit_distance("malang", "malung", 2) == 1);   // substitution
    CHECK(edit_distance("kitten", "sitting", 5) == 3);
    CHECK(edit_distance("ca", "abc", 5) == 3);  // OSA, not unrestricted Damerau (which gives 2)
    CHECK(edit_distance("abc", "", 5) == 3);
    CHECK(edit_distance("", "abcd", 2) == 3);  // over the limit: limit + 1
    CHECK(edit_distance("banyumas", "banyuwangi", 5) == 4);
    CHECK(edit_distance("ab", "ba", 1) == 1);
    CHECK(edit_distance("abcdef", "badcfe", 10) == 3);
}

TEST_CASE("edit_distance stops at the limit", "[text][edit]") {
    CHECK(edit_distance("surabaya", "makassar", 2) == 3);
    CHECK(edit_distance("kitten", "sitting", 2) == 3);
    CHECK(edit_distance("kitten", "sitting", 3) == 3);
    CHECK(edit_distance("abcdefgh", "ab", 1) == 2);  // length difference alone
    CHECK(edit_distance("x", "y", 0) == 1);
    CHECK(edit_distance("same", "same", 0) == 0);
    // Long strings take the heap path and give the same answers.
    std::string a;
    for (int i = 0; i < 10; ++i) a += "abcdefghij";
    std::string b = a;
    std::swap(b[10], b[11]);
    CHECK(edit_distance(a, b, 3) == 1);
    b[50] = 'x';
    CHECK(edit_distance(a, b, 3) == 2);
    b[90] = 'y';
    CHECK(edit_distance(a, b, 2) == 3);
    CHECK(edit_distance(b, a, 5) == 3);
}

TEST_CASE("fold output is valid, trimmed, single-spaced and never longer", "[text][fold]") {
    // Deterministic pseudo-random inputs mixing ASCII, valid multi-byte and invalid bytes.
    std::uint32_t state = 12345;
    auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7FFF;
    };
    const char* pieces[] = {"a", "Z", " ", "  ", "-", "'", "’", "é", "Æ", "ß", "\u00A0", "\u4e2d",
                            "\xC0", "\xAF", "\xED\xA0\x80", "\xF0\x9F\x98\x80", "\xE2\x80", "Ṩ",
                            "\xCC\x81", "Ω", "\t", "\xEF\xBC\xA1"};
    for (int round = 0; round < 2000; ++round) {
        std::string in;
        const int parts = static_cast<int>(next() % 12);
        for (int i = 0; i < parts; ++i) in += pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
        const std::string out = fold(in);
        INFO(in);
        CHECK(is_valid_utf8(out));
        CHECK(out.size() <= in.size());
        CHECK(out.find("  ") == std::string::npos);
        if (!out.empty()) {
            CHECK(out.front() != ' ');
            CHECK(out.back() != ' ');
        }
        for (const char c : out) CHECK_FALSE((c >= 'A' && c <= 'Z'));
        CHECK(fold(out) == out);
    }
}
