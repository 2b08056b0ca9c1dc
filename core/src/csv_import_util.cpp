// The importer's helpers, its public small functions and the control files (column maps,
// duplicate decisions).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.hpp"
#include "csv_columns.hpp"
#include "csv_import_util.hpp"
#include "json_doc.hpp"

namespace atlas::csvimp {

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '-'))) return false;
    }
    return true;
}

// "Kab. Malang — Putik Sari!" → "kab-malang-putik-sari", at most `max` bytes, never empty.
std::string slug(std::string_view s, std::size_t max) {
    const std::string f = text::fold(s);
    std::string out;
    for (const char c : f) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (ok) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= max) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

std::uint32_t fnv1a(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

std::vector<std::string_view> split_list(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    while (true) {
        const std::size_t p = s.find(sep);
        const std::string_view part = text::trim(s.substr(0, p));
        if (!part.empty()) out.push_back(part);
        if (p == std::string_view::npos) break;
        s.remove_prefix(p + 1);
    }
    return out;
}

// A "name" that is all remark, "(not named on page)": never matched to anything by name.
bool unnamed(std::string_view name) {
    name = text::trim(name);
    return !name.empty() && name.front() == '(' && name.find(')') == name.size() - 1;
}

// The folded name without remarks in parentheses: "SIP Banget (Sistem …)" → "sip banget".
std::string name_key(std::string_view name) {
    std::string out;
    int depth = 0;
    for (const char c : name) {
        if (c == '(') ++depth;
        else if (c == ')' && depth > 0) --depth;
        else if (!depth) out += c;
    }
    std::string f = text::fold(out);
    return f.empty() ? text::fold(name) : f;
}

bool near_names(std::string_view a, std::string_view b) {
    if (a == b) return true;
    const std::size_t n = std::min(a.size(), b.size());
    const std::size_t limit = n >= 9 ? 2 : n >= 4 ? 1 : 0;
    return limit > 0 && text::edit_distance(a, b, limit) <= limit;
}

std::string digits_of(std::string_view s) {
    std::string d;
    for (const char c : s)
        if (c >= '0' && c <= '9') d += c;
        else if (!d.empty() && d.back() != ' ') d += ' ';
    return d;
}

// "Kecamatan Ngrambe" and "Kecamatan Ngrambe, Kabupaten Ngawi" name one adopter; "SMP Negeri 2"
// and "SMP Negeri 13" do not (numbers must agree).
bool same_adopter_name(std::string_view a, std::string_view b) {
    const std::string ka = name_key(a), kb = name_key(b);
    if (digits_of(ka) != digits_of(kb)) return false;
    const std::string& shorter = ka.size() <= kb.size() ? ka : kb;
    const std::string& longer = ka.size() <= kb.size() ? kb : ka;
    if (!shorter.empty() && longer.compare(0, shorter.size(), shorter) == 0 &&
        (longer.size() == shorter.size() || longer[shorter.size()] == ' '))
        return true;
    return near_names(ka, kb);
}

// An adopter that stands for several: "kabupaten/kota se-…", "16 Puskesmas", "(not named)".
bool group_like(const Institution& x) {
    if (x.kind == "group" || x.member_count > 1) return true;
    const std::string f = " " + text::fold(x.name) + " ";
    for (std::string_view w : {" se ", " seluruh ", " not named ", " tidak disebut", " berbagai ", " beberapa "})
        if (f.find(w) != std::string::npos) return true;
    return !f.empty() && f[1] >= '0' && f[1] <= '9';
}

// The level of region code a record's region group uses for duplicate checks.
std::string region_group(std::string_view code) {
    const std::string_view r = RegionTable::regency_code(code);
    return std::string(r.empty() ? RegionTable::province_code(code) : r);
}

// `have` (a record's region) fits `written` (a region stated for it): equal, inside, around;
// nothing stated fits anything, but a record without a region fits no stated region.
bool related_codes(std::string_view have, std::string_view written) {
    if (written.empty()) return true;
    if (have.empty()) return false;
    const std::string_view a = have, b = written;
    auto inside = [](std::string_view inner, std::string_view outer) {
        return inner.size() > outer.size() && inner.substr(0, outer.size()) == outer && inner[outer.size()] == '.';
    };
    return a == b || inside(a, b) || inside(b, a);
}

const char* kind_noun(RecordKind k) {
    switch (k) {
        case RecordKind::source: return "source";
        case RecordKind::institution: return "institution";
        case RecordKind::innovation: return "innovation";
        case RecordKind::award: return "award";
        case RecordKind::event: return "event";
        case RecordKind::replication: return "replication";
        case RecordKind::cohort: return "cohort";
        case RecordKind::figure: return "figure";
    }
    return "record";
}

// Institution kind read from the first words of its name.
std::string infer_kind(std::string_view name) {
    const std::string f = text::fold(name);
    struct Rule {
        std::string_view prefix;
        std::string_view kind;
    };
    static constexpr Rule rules[] = {
        {"pemerintah", "government"}, {"pemkab", "government"},     {"pemkot", "government"},
        {"pemprov", "government"},    {"pemda", "government"},      {"kementerian", "ministry"},
        {"kementrian", "ministry"},   {"badan usaha", "soe"},       {"bumn", "soe"},
        {"pt ", "soe"},               {"bappeda", "badan"},         {"badan", "badan"},
        {"dinas", "dinas"},           {"upt puskesmas", "health_centre"}, {"puskesmas", "health_centre"},
        {"rsud", "hospital"},         {"rumah sakit", "hospital"},  {"rs ", "hospital"},
        {"sd ", "school"},            {"smp", "school"},            {"sma", "school"},
        {"smk", "school"},            {"sekolah", "school"},        {"madrasah", "school"},
        {"kecamatan", "kecamatan"},   {"kantor camat", "kecamatan"}, {"kantor kecamatan", "kecamatan"},
        {"desa", "village"},          {"kelurahan", "village"},     {"polres", "police"},
        {"polda", "police"},          {"polsek", "police"},         {"kepolisian", "police"},
        {"polri", "police"},          {"sekretariat", "secretariat"}, {"setda", "secretariat"},
        {"lembaga", "agency"},        {"kabupaten kota", "group"},  {"kab kota", "group"},
        {"pemerintah kabupaten kota", "group"},
    };
    std::string_view best;
    std::size_t best_len = 0;
    for (const Rule& r : rules) {
        if (f.size() >= r.prefix.size() && f.compare(0, r.prefix.size(), r.prefix) == 0 && r.prefix.size() > best_len) {
            best = r.kind;
            best_len = r.prefix.size();
        }
    }
    if (!best.empty()) return std::string(best);
    if (!f.empty() && f[0] >= '0' && f[0] <= '9') return "group";
    return "other";
}

// A plain decimal number ("1065", "-2.5", "1e3"); no hex, inf or nan. strtod, not from_chars:
// the web build's libc++ has no floating-point from_chars.
std::optional<double> parse_number(std::string_view s) {
    s = text::trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty() || s.size() > 64) return std::nullopt;
    bool digit = false;
    for (const char c : s) {
        digit = digit || (c >= '0' && c <= '9');
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return std::nullopt;
    }
    if (!digit) return std::nullopt;
    const std::string copy(s);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

bool parse_int(std::string_view s, long long lo, long long hi, long long& out) {
    s = text::trim(s);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && out >= lo && out <= hi;
}

// "2021-02-30" is shaped like a date but is none.
bool date_shaped(std::string_view s) {
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
    }
    return true;
}


std::string number_text(double v) {
    std::string out;
    jdoc::append_json_double(out, v);
    return out;
}

}  // namespace atlas::csvimp

namespace atlas {

using csv::Level;

std::string ImportIssue::describe() const {
    if (line == 0)  // about a whole file or a record, not a place in a file
        return file + ": " + (level == Level::warning ? "warning: " : "") + message;
    return csv::describe(file, csv::Problem{level, line, column, message});
}

std::size_t ImportResult::error_count() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(issues.begin(), issues.end(), [](const ImportIssue& i) { return i.level == Level::error; }));
}
std::size_t ImportResult::warning_count() const noexcept { return issues.size() - error_count(); }

const std::vector<std::string>& csv_file_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& f : csvcols::files()) v.emplace_back(f.file);
        return v;
    }();
    return names;
}

// ===========================================================================
// Control files
// ===========================================================================
namespace {

// Reads a small CSV with required columns; reports into `issues`.
csv::Table read_control(std::string_view file, std::string_view text, std::initializer_list<std::string_view> need,
                        std::vector<ImportIssue>& issues, bool& ok) {
    csv::Table t = csv::read(text);
    for (const csv::Problem& p : t.problems) issues.push_back({p.level, std::string(file), p.line, p.column, p.message});
    ok = !t.fatal;
    for (std::string_view c : need) {
        if (t.column_index(c) < 0 && ok) {
            issues.push_back({Level::error, std::string(file), 1, 1, "missing column \"" + std::string(c) + "\""});
            ok = false;
        }
    }
    return t;
}

}  // namespace

std::vector<ColumnAlias> parse_column_map(std::string_view file, std::string_view text, std::vector<ImportIssue>& issues) {
    bool ok = false;
    csv::Table t = read_control(file, text, {"file", "column", "means"}, issues, ok);
    std::vector<ColumnAlias> out;
    if (!ok) return out;
    const int cf = t.column_index("file"), cc = t.column_index("column"), cm = t.column_index("means");
    for (const csv::Row& r : t.rows) {
        ColumnAlias a{r.cells[cf].text, r.cells[cc].text, r.cells[cm].text};
        const csvcols::FileSpec* spec = csvcols::find(a.file);
        if (!spec) {
            issues.push_back({Level::error, std::string(file), r.cells[cf].line, r.cells[cf].column,
                              "unknown data file \"" + a.file + "\""});
            continue;
        }
        if (!csvcols::known_column(*spec, a.to)) {
            issues.push_back({Level::error, std::string(file), r.cells[cm].line, r.cells[cm].column,
                              "\"" + a.to + "\" is not a column of " + a.file});
            continue;
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<DuplicateDecision> parse_decisions(std::string_view file, std::string_view text,
                                               std::vector<ImportIssue>& issues) {
    bool ok = false;
    csv::Table t = read_control(file, text, {"id", "other", "decision"}, issues, ok);
    std::vector<DuplicateDecision> out;
    if (!ok) return out;
    const int ci = t.column_index("id"), co = t.column_index("other"), cd = t.column_index("decision"),
              cn = t.column_index("note");
    for (const csv::Row& r : t.rows) {
        const std::string& d = r.cells[cd].text;
        if (d != "same" && d != "distinct") {
            issues.push_back({Level::error, std::string(file), r.cells[cd].line, r.cells[cd].column,
                              "decision must be \"same\" or \"distinct\", not \"" + d + "\""});
            continue;
        }
        out.push_back({r.cells[ci].text, r.cells[co].text, d == "same", cn >= 0 ? r.cells[cn].text : std::string()});
    }
    return out;
}

}  // namespace atlas
