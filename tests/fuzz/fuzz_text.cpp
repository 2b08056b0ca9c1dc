// Fuzz target: text normalisation and search (core/text.hpp, the catalog's search).
// The input is split in two at a point its first byte chooses: a = the first part, b = the rest.
// Invariants:
//  - find_invalid_utf8 agrees with a plain reference decoder written here;
//  - fold never grows the text, gives valid UTF-8 with single inner spaces and no space at
//    either end, and folding the folded text changes nothing;
//  - edit_distance is symmetric, 0 on equal texts, never below the length difference, and
//    stops at limit + 1;
//  - a search for any text on a small catalog never crashes, returns each row at most once,
//    the same rows whether the result's scratch buffers are fresh or reused, and finds an
//    innovation by its own name.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "core/bundle.hpp"
#include "core/query.hpp"
#include "core/text.hpp"
#include "fixtures.hpp"
#include "fuzz_check.hpp"

namespace {

// Reference UTF-8 check (RFC 3629): offset of the first byte of the first invalid sequence.
std::size_t reference_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
        else return i;
        if (i + len > s.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0u) != 0x80u) return i;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        const std::uint32_t min_cp = len == 2 ? 0x80u : len == 3 ? 0x800u : 0x10000u;
        if (cp < min_cp || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu)) return i;
        i += len;
    }
    return std::string_view::npos;
}

const atlas::Catalog& catalog() {
    static const atlas::Catalog cat(atlas::test::load_small());
    return cat;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t cut = all.empty() ? 0 : data[0] % (all.size() + 1);
    const std::string_view a = all.substr(0, cut), b = all.substr(cut);

    ATLAS_FUZZ_CHECK(atlas::text::find_invalid_utf8(all) == reference_invalid_utf8(all),
                     "find_invalid_utf8 agrees with the reference decoder");

    const std::string f = atlas::text::fold(all);
    ATLAS_FUZZ_CHECK(f.size() <= all.size(), "fold never grows the text");
    ATLAS_FUZZ_CHECK(atlas::text::is_valid_utf8(f), "fold gives valid UTF-8");
    ATLAS_FUZZ_CHECK(f.empty() || (f.front() != ' ' && f.back() != ' '), "fold trims");
    ATLAS_FUZZ_CHECK(f.find("  ") == std::string::npos, "fold leaves single spaces");
    ATLAS_FUZZ_CHECK(atlas::text::fold(f) == f, "fold is idempotent");
    std::string appended = "x";
    atlas::text::fold_append(all, appended);
    ATLAS_FUZZ_CHECK(appended == "x" + f, "fold_append appends what fold gives");

    const std::size_t limit = data[0] % 12;
    const std::size_t ab = atlas::text::edit_distance(a, b, limit);
    ATLAS_FUZZ_CHECK(ab == atlas::text::edit_distance(b, a, limit), "edit_distance is symmetric");
    ATLAS_FUZZ_CHECK(ab <= limit + 1, "edit_distance stops at limit + 1");
    const std::size_t len_diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    ATLAS_FUZZ_CHECK(ab >= std::min(len_diff, limit + 1), "edit_distance is at least the length difference");
    ATLAS_FUZZ_CHECK(atlas::text::edit_distance(a, a, limit) == 0, "edit_distance(a, a) == 0");
    ATLAS_FUZZ_CHECK(atlas::text::trim(all).size() <= all.size(), "trim never grows");

    const auto& cat = catalog();
    atlas::Query q;
    q.search = std::string(all);
    atlas::QueryResult reused, fresh;
    atlas::Query warm;
    warm.search = std::string(b);
    cat.run(warm, reused);  // leave scratch from another search behind
    cat.run(q, reused);
    cat.run(q, fresh);
    ATLAS_FUZZ_CHECK(reused.rows == fresh.rows, "search is independent of reused scratch");
    std::set<std::uint32_t> seen;
    for (const auto r : fresh.rows) seen.insert(r.value);
    ATLAS_FUZZ_CHECK(seen.size() == fresh.rows.size(), "each row at most once");

    // The name of a row, searched for, finds that row (names come from the fixture: ASCII and
    // Latin; the fuzzed text picks which one and how it is cased).
    atlas::Query empty;
    atlas::QueryResult every;
    cat.run(empty, every);
    if (!every.rows.empty()) {
        const auto id = every.rows[data[0] % every.rows.size()];
        const auto& ds = cat.data();
        atlas::Query by_name;
        by_name.search = ds.innovations[id.value].name;
        atlas::QueryResult hit;
        cat.run(by_name, hit);
        ATLAS_FUZZ_CHECK(std::find(hit.rows.begin(), hit.rows.end(), id) != hit.rows.end(),
                         "an innovation is found by its own name");
    }
    return 0;
}
