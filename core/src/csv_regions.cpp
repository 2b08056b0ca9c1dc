// Region names as they appear in data files (more than RegionTable::resolve takes on).
#include <algorithm>

#include "core/csv_bundle.hpp"
#include "core/text.hpp"

namespace atlas {

namespace {

// First words of central bodies: such a row belongs to no region unless it names one.
constexpr std::string_view kCentral[] = {
    "kementerian", "kemen", "kementrian", "badan", "lembaga", "kepolisian", "polri", "komisi",
    "kejaksaan", "mahkamah", "sekretariat", "arsip nasional", "perpustakaan nasional", "bank indonesia",
    "otoritas", "ombudsman", "tentara nasional", "tni",
};

// Words after which a region name follows inside a longer name ("Polres Sidoarjo",
// "Dinas Pemberdayaan … Provinsi Jawa Timur"); `level` is put back in front of the rest.
struct Marker {
    std::string_view word;
    std::string_view level;
};
constexpr Marker kMarkers[] = {
    {"provinsi", "provinsi"}, {"prov", "provinsi"},       {"kabupaten", "kabupaten"}, {"kab", "kabupaten"},
    {"kota", "kota"},         {"polda", "provinsi"},      {"polres", ""},             {"polresta", ""},
    {"polrestabes", ""},  {"kecamatan", "kecamatan"},
};

bool starts_with_words(std::string_view folded, std::string_view words) {
    return folded.size() >= words.size() && folded.substr(0, words.size()) == words &&
           (folded.size() == words.size() || folded[words.size()] == ' ');
}

// Text with "(…)" parts taken out, and the text inside them.
void split_parentheses(std::string_view s, std::string& outside, std::string& inside) {
    int depth = 0;
    for (const char c : s) {
        if (c == '(') {
            if (depth++ == 0 && !inside.empty()) inside += ' ';
            continue;
        }
        if (c == ')' && depth > 0) {
            --depth;
            continue;
        }
        (depth ? inside : outside) += c;
    }
}

// A region named after a marker word somewhere inside `written` (folded), or empty.
RegionMatch find_marked(const RegionTable& table, std::string_view written) {
    const std::string folded = text::fold(written);
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t end = std::min(folded.find(' ', pos), folded.size());
        const std::string_view word = std::string_view(folded).substr(pos, end - pos);
        for (const Marker& m : kMarkers) {
            if (word != m.word || end >= folded.size()) continue;
            const std::string rest = (m.level.empty() ? std::string() : std::string(m.level) + " ") + folded.substr(end + 1);
            RegionMatch r = table.resolve(rest);
            if (!r.code.empty() || r.ambiguous) return r;
        }
        pos = end + 1;
    }
    return {};
}

std::string describe_candidates(const RegionTable& table, const std::vector<std::string>& codes) {
    std::string out;
    for (const std::string& c : codes) {
        if (!out.empty()) out += ", ";
        const Region* r = table.find(c);
        out += (r ? std::string(r->name) + " " : std::string()) + c;
    }
    return out;
}

}  // namespace

WrittenRegion resolve_written_region(const RegionTable& table, std::string_view written) {
    using S = WrittenRegion::Status;
    WrittenRegion out;
    written = text::trim(written);
    if (written.empty()) return out;
    const std::string quoted = "\"" + std::string(written) + "\"";

    auto accept = [&](const RegionMatch& m, bool from_part) -> bool {
        if (m.code.empty()) return false;
        out.code = m.code;
        out.status = m.distance > 0 || from_part ? S::guessed : S::exact;
        if (m.distance > 0)
            out.message = "region " + quoted + " read as " + std::string(m.name) + " (" + m.code + "), " +
                          std::to_string(m.distance) + (m.distance == 1 ? " letter" : " letters") + " off";
        else if (from_part)
            out.message = "region " + quoted + " read as " + std::string(m.name) + " (" + m.code + ")";
        if (!from_part && m.distance == 0) out.status = S::exact;
        return true;
    };
    // Kept at the level all candidates share (Kabupaten and Kota Kediri: the province).
    auto narrow = [&](const RegionMatch& m) -> bool {
        if (!m.ambiguous || m.candidates.empty()) return false;
        std::string_view common = RegionTable::province_code(m.candidates.front());
        for (const std::string& c : m.candidates)
            if (RegionTable::province_code(c) != common) common = {};
        out.message = "region " + quoted + " is ambiguous (" + describe_candidates(table, m.candidates) + ")";
        if (common.empty()) return false;
        out.code = std::string(common);
        out.status = S::narrowed;
        const Region* p = table.find(common);
        out.message += "; kept at the province " + std::string(p ? p->name : "") + " (" + out.code + ")";
        return true;
    };

    RegionMatch m = table.resolve(written);
    if (accept(m, false)) return out;
    RegionMatch ambiguous = m.ambiguous ? m : RegionMatch{};

    std::string outside, inside;
    split_parentheses(written, outside, inside);
    const std::string_view base = text::trim(outside);
    const std::string folded_base = text::fold(base);
    const bool central = std::any_of(std::begin(kCentral), std::end(kCentral),
                                     [&](std::string_view w) { return starts_with_words(folded_base, w); });

    if (!central && base.size() != written.size() && !base.empty()) {
        RegionMatch b = table.resolve(base);
        if (accept(b, false)) {
            // A remark in parentheses ("(as written)", "(Balitbang)") does not change the region.
            if (out.status == S::exact) out.message.clear();
            return out;
        }
        if (b.ambiguous && !ambiguous.ambiguous) ambiguous = b;
    }
    if (!inside.empty()) {
        RegionMatch in = table.resolve(inside);
        if (in.code.empty()) in = find_marked(table, inside);
        if (accept(in, true)) return out;
    }
    if (central) {
        out.status = S::national;
        return out;
    }
    // "Puskesmas Sako, Kota Palembang": the last comma-separated part.
    if (const std::size_t comma = base.rfind(','); comma != std::string_view::npos) {
        RegionMatch tail = table.resolve(base.substr(comma + 1));
        if (accept(tail, true)) return out;
    }
    if (accept(find_marked(table, base), true)) return out;
    if (narrow(ambiguous)) return out;
    out.status = S::unresolved;
    if (out.message.empty()) out.message = "unknown region " + quoted;
    return out;
}

}  // namespace atlas
