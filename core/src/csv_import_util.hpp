// Helpers shared by the importer's files (csv_import.cpp, csv_import_files.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_bundle.hpp"

namespace atlas::csvimp {

using csv::Level;

// The bundle's id rule: letters, digits and . _ : - (not first), at most 128 characters.
bool valid_id(std::string_view id);
// "Kab. Malang — Putik Sari!" → "kab-malang-putik-sari", at most `max` bytes, never empty.
std::string slug(std::string_view s, std::size_t max = 48);
std::uint32_t fnv1a(std::string_view s);
// Trimmed, non-empty parts of `s` between `sep`s.
std::vector<std::string_view> split_list(std::string_view s, char sep);
// A "name" that is all remark, "(not named on page)": never matched to anything by name.
bool unnamed(std::string_view name);
// The folded name without remarks in parentheses: "SIP Banget (Sistem …)" → "sip banget".
std::string name_key(std::string_view name);
// Equal, or a letter or two apart (by length, as the region resolver allows).
bool near_names(std::string_view a, std::string_view b);
// "Kecamatan Ngrambe" and "Kecamatan Ngrambe, Kabupaten Ngawi" name one adopter; "SMP Negeri 2"
// and "SMP Negeri 13" do not.
bool same_adopter_name(std::string_view a, std::string_view b);
// An adopter that stands for several: "kabupaten/kota se-…", "16 Puskesmas", "(not named)".
bool group_like(const Institution& x);
// The regency code of a region (or its province code), for duplicate checks.
std::string region_group(std::string_view code);
// `have` (a record's region) fits `written` (a region stated for it).
bool related_codes(std::string_view have, std::string_view written);
const char* kind_noun(RecordKind k);
// Institution kind read from the first words of its name.
std::string infer_kind(std::string_view name);
// A plain decimal number ("1065", "-2.5", "1e3"); no hex, inf or nan.
std::optional<double> parse_number(std::string_view s);
bool parse_int(std::string_view s, long long lo, long long hi, long long& out);
// "2021-02-30" is shaped like a date but is none.
bool date_shaped(std::string_view s);
std::string number_text(double v);

constexpr std::string_view kOwnerNotStated = "(pemilik tidak disebut di sumber / owner not stated)";

struct Pos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Origin {
    std::string file;
    std::uint32_t line = 0;
};

}  // namespace atlas::csvimp
