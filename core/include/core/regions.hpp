// The table of Indonesian regions with their Kemendagri codes: 38 provinces ("35"),
// 514 regencies and cities ("35.07"), ~7,300 kecamatan ("35.07.01"). Built at build time
// from the npm package idn-area-data (data under ODbL, see assets/LICENSES) and embedded.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

enum class RegionLevel : std::uint8_t { province, regency, district };

struct Region {
    std::string_view code;   // "35", "35.07", "35.07.01"
    std::string_view name;   // "Jawa Timur", "Kabupaten Malang", "Wonosari"
    RegionLevel level;
};

struct RegionMatch {
    std::string code;        // empty when nothing matched
    std::string_view name;   // canonical name of the match
    int distance = 0;        // 0 exact (after folding), >0 accepted misspelling
    bool ambiguous = false;  // several regions fit equally well; `code` is empty then
    std::vector<std::string> candidates;  // filled when ambiguous
};

class RegionTable {
public:
    // The table compiled into the program. Built once, on first use.
    static const RegionTable& embedded();

    // Builds a table from "code<TAB>name" lines (the generated embedded format); for tests.
    static RegionTable from_lines(std::string_view lines);

    const Region* find(std::string_view code) const noexcept;  // exact code
    bool contains(std::string_view code) const noexcept { return find(code) != nullptr; }

    // "35.07.01" → "35", "35.07" → "35", "35" → "35"; empty when the code is malformed.
    static std::string_view province_code(std::string_view code) noexcept;
    // "35.07.01" → "35.07", "35.07" → "35.07", "35" → "" (a province has no regency).
    static std::string_view regency_code(std::string_view code) noexcept;

    std::span<const Region> all() const noexcept { return regions_; }  // sorted by code
    std::size_t province_count() const noexcept;
    std::size_t regency_count() const noexcept;
    std::size_t district_count() const noexcept;

    // Region names as people write them → code. Rules, in order:
    //  * The text is folded (text::fold: case, accents, punctuation) and a leading level word
    //    is taken off and remembered: "Kabupaten"/"Kab."/"Pemkab"/"Pemerintah Kabupaten"
    //    (also "Kab. Adm."), "Kota"/"Pemkot"/"Pemerintah Kota", "Provinsi"/"Prov."/"Propinsi"/
    //    "Pemprov", "Kecamatan"/"Kec."/"Kantor Camat"/"Camat". "Kep." reads as "Kepulauan".
    //    A level word restricts the match to that level (Kabupaten vs Kota is a real
    //    distinction: "Kota Malang" 35.73, "Kabupaten Malang" 35.07).
    //  * Province nicknames ("DKI", "Jakarta", "DIY", "Yogyakarta", "Jateng", "Jatim",
    //    "NTB", "Sulsel" …) count as province names, exact only.
    //  * `within` (a province or regency code; trimmed) keeps only regions inside it, or the
    //    province/regency containing it. A malformed `within` matches nothing.
    //  * Kecamatan are considered only when asked with "Kecamatan"/"Kec."/"Kantor Camat"
    //    or when `within` is given (there are five "Wonosari" nationally).
    //  * Exact folded matches win over misspellings. Among matches of the same quality a
    //    province beats a regency, which beats a kecamatan ("Gorontalo" → 75, not the
    //    Kabupaten or Kota Gorontalo; "Yogyakarta" → 34). Several matches on the same level
    //    ("Malang": Kabupaten 35.07 and Kota 35.73) → ambiguous, codes in `candidates`.
    //  * Misspellings: edit distance ≤ 2 for names of 9+ bytes (folded, level word
    //    removed) whose first letter is right, ≤ 1 for 4–8, none for 3 or fewer; the
    //    smallest distance wins, ties → ambiguous.
    //  * "Wonosari, Kabupaten Malang": the part after the first comma, when it resolves to
    //    one region, narrows the part before it.
    //  * A well-formed code ("35.07") is looked up directly.
    //  * If a level word leads nowhere, the text is retried literally (kecamatan "Kota Juang").
    // Empty or unknown text gives an empty code. `name` views this table's storage.
    RegionMatch resolve(std::string_view written, std::string_view within = {}) const;

private:
    enum class Kind : std::uint8_t { province, kabupaten, kota, regency_other, district };
    struct Key {
        std::string folded;
        std::uint32_t index;
        Kind kind;
    };
    struct Query;

    static RegionTable build(std::string_view lines, std::shared_ptr<const std::string> owner);
    RegionMatch resolve_text(std::string_view written, std::string_view within, int depth) const;
    RegionMatch run(const Query& q) const;
    RegionMatch make_match(const std::vector<std::uint32_t>& hits, int distance) const;

    // Owns the text the views in regions_ point into; shared so that copies stay valid.
    // Null for the embedded table, whose views point into the generated static array.
    std::shared_ptr<const std::string> storage_;
    std::vector<Region> regions_;
    std::vector<Key> keys_;  // folded names without level words, sorted by (folded, index)
    std::array<std::size_t, 3> counts_{};  // by RegionLevel
};

}  // namespace atlas
