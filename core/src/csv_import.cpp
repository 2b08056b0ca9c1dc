// CSV files → bundle. See core/csv_bundle.hpp for the contract and README.md for the columns.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "core/bundle.hpp"
#include "core/csv_bundle.hpp"
#include "core/text.hpp"
#include "csv_columns.hpp"
#include "json_doc.hpp"

namespace atlas {

// ===========================================================================
// Small helpers
// ===========================================================================
namespace {

using csv::Level;

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
std::string slug(std::string_view s, std::size_t max = 48) {
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

constexpr std::string_view kOwnerNotStated = "(pemilik tidak disebut di sumber / owner not stated)";

std::string number_text(double v) {
    std::string out;
    jdoc::append_json_double(out, v);
    return out;
}

struct Pos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Origin {
    std::string file;
    std::uint32_t line = 0;
};

}  // namespace

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

// ===========================================================================
// The importer
// ===========================================================================
namespace {

struct Sheet {
    std::string file;
    csv::Table table;
    std::unordered_map<std::string, int> col;  // column meaning → index
};

class Importer;

// One data row being read, with its file for messages.
struct RowCtx {
    Importer& im;
    Sheet& sh;
    const csv::Row& row;

    const csv::Cell* cell(std::string_view name) const {
        auto it = sh.col.find(std::string(name));
        return it == sh.col.end() ? nullptr : &row.cells[static_cast<std::size_t>(it->second)];
    }
    std::string_view get(std::string_view name) const {
        const csv::Cell* c = cell(name);
        return c ? text::trim(c->text) : std::string_view();
    }
    Pos pos(std::string_view name) const {
        const csv::Cell* c = cell(name);
        // A cell missing from a short row has no place of its own: the row's start stands in.
        return c && c->line ? Pos{c->line, c->column} : Pos{row.line, 1};
    }
};

class Importer {
public:
    Importer(const ImportOptions& opt, ImportResult& res)
        : opt_(opt), res_(res), regions_(opt.regions ? *opt.regions : RegionTable::embedded()) {}

    void run(const std::vector<CsvFile>& files);

    // --- reporting -------------------------------------------------------------------
    void issue(Level level, const std::string& file, Pos p, std::string msg) {
        res_.issues.push_back({level, file, p.line, p.column, std::move(msg)});
    }
    void error(RowCtx& r, std::string_view column, std::string msg) { issue(Level::error, r.sh.file, r.pos(column), std::move(msg)); }
    void warn(RowCtx& r, std::string_view column, std::string msg) { issue(Level::warning, r.sh.file, r.pos(column), std::move(msg)); }

private:
    const ImportOptions& opt_;
    ImportResult& res_;
    const RegionTable& regions_;
    Dataset ds_;
    bool have_meta_ = false;

    std::unordered_map<std::string, RecordRef> ids_;
    std::unordered_map<std::string, Origin> id_origin_;  // where a new id was first used
    std::array<std::vector<Origin>, record_kind_count> origin_;  // per new record, by kind
    std::array<std::size_t, record_kind_count> base_count_{};
    std::unordered_map<std::string, std::uint32_t> institution_by_name_;  // name_key|region
    std::unordered_map<std::string, std::uint32_t> event_by_name_;
    std::unordered_map<std::string, std::uint32_t> source_by_url_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> innovation_by_name_;
    std::unordered_map<std::string, std::string> same_as_;           // row id → existing innovation id
    std::set<std::pair<std::string, std::string>> distinct_;
    std::unordered_map<std::string, Pos> innovation_name_pos_;      // new innovation id → its name cell
    std::set<std::uint32_t> merged_into_;                            // innovations that got a "same" row

    struct Deferred {
        enum class What : std::uint8_t { institution_parent, innovation_derived_from, event_part_of } what;
        std::uint32_t row;
        std::string id;
        std::string file;
        Pos pos;
    };
    std::vector<Deferred> deferred_;

    // --- setup ---------------------------------------------------------------------------
    void take_base();
    bool open(const CsvFile& f, Sheet& sh);
    template <class Fn>
    void each_row(Sheet& sh, Fn fn);

    // --- shared field readers ---------------------------------------------------------
    bool register_id(RowCtx& r, const std::string& id, RecordKind kind, std::uint32_t row);
    std::string make_id(std::string base);
    std::string take_id(RowCtx& r, RecordKind kind, const std::string& generated, bool& ok);
    // `then` ends the message: what happens because of it ("; row skipped", " (left out)").
    std::uint32_t lookup(RowCtx& r, std::string_view column, std::string_view id, RecordKind kind,
                         std::string_view then = " (left out)");
    std::vector<SourceId> row_sources(RowCtx& r);
    void read_cited(RowCtx& r, Cited& c);
    Date date_cell(RowCtx& r, std::string_view column);
    std::string region_cell(RowCtx& r, std::string_view column, std::string* written_unresolved = nullptr);
    std::vector<StageStep> stages_cell(RowCtx& r, std::string_view column);
    std::string enum_cell(RowCtx& r, std::string_view column, std::initializer_list<std::string_view> allowed);
    int year_cell(RowCtx& r, std::string_view column);
    std::uint32_t uint_cell(RowCtx& r, std::string_view column, std::uint32_t lo);

    InstitutionId institution_named(std::string_view name, const std::string& region, const Cited& cite);
    InstitutionId government_of(RowCtx& r, const std::string& region, std::string_view written, const Cited& cite);
    InnovationId add_innovation(Innovation x, const Origin& o, Pos name_pos);
    EventId program_named(std::string_view name, const Cited& cite, const Origin& o);

    // --- files ----------------------------------------------------------------------------
    void read_meta(Sheet& sh);
    void read_sources(Sheet& sh);
    void read_institutions(Sheet& sh);
    void read_innovations(Sheet& sh);
    bool add_award(RowCtx& r, InnovationId inn, bool from_innovation_row, const std::string& fallback_id);
    void read_awards(Sheet& sh);
    void read_events(Sheet& sh);
    void read_participants(Sheet& sh);
    void read_replications(Sheet& sh);
    InnovationId replication_source(RowCtx& r, const Cited& cite);
    void read_cohorts(Sheet& sh);
    void read_figures(Sheet& sh);
    void read_compare(RowCtx& r, FigureCompare& c);
    void read_figure_compare();

    void resolve_deferred();
    void report_duplicates();
    void report_duplicate_replications();
    void report_duplicate_figures();
    void finish();
};

// ---------------------------------------------------------------------------
void Importer::take_base() {
    if (!opt_.base) return;
    const Dataset& b = *opt_.base;
    ds_.meta = b.meta;
    have_meta_ = true;
    ds_.sources = b.sources;
    ds_.institutions = b.institutions;
    ds_.innovations = b.innovations;
    ds_.awards = b.awards;
    ds_.events = b.events;
    ds_.replications = b.replications;
    ds_.cohorts = b.cohorts;
    ds_.figures = b.figures;
    auto reg = [&](const auto& rows, RecordKind k) {
        for (std::uint32_t i = 0; i < rows.size(); ++i) ids_.emplace(rows[i].id, RecordRef{k, i});
        base_count_[static_cast<std::size_t>(k)] = rows.size();
    };
    reg(ds_.sources, RecordKind::source);
    reg(ds_.institutions, RecordKind::institution);
    reg(ds_.innovations, RecordKind::innovation);
    reg(ds_.awards, RecordKind::award);
    reg(ds_.events, RecordKind::event);
    reg(ds_.replications, RecordKind::replication);
    reg(ds_.cohorts, RecordKind::cohort);
    reg(ds_.figures, RecordKind::figure);
    for (std::uint32_t i = 0; i < ds_.institutions.size(); ++i)
        institution_by_name_.emplace(name_key(ds_.institutions[i].name) + "|" + ds_.institutions[i].region_code, i);
    for (std::uint32_t i = 0; i < ds_.events.size(); ++i) event_by_name_.emplace(name_key(ds_.events[i].name), i);
    for (std::uint32_t i = 0; i < ds_.sources.size(); ++i)
        if (!ds_.sources[i].url.empty()) source_by_url_.emplace(ds_.sources[i].url, i);
    for (std::uint32_t i = 0; i < ds_.innovations.size(); ++i)
        innovation_by_name_[name_key(ds_.innovations[i].name)].push_back(i);
}

bool Importer::open(const CsvFile& f, Sheet& sh) {
    sh.file = f.name;
    sh.table = csv::read(f.text);
    for (const csv::Problem& p : sh.table.problems) issue(p.level, f.name, {p.line, p.column}, p.message);
    FileCounts& cnt = res_.counts[f.name];
    cnt.read = static_cast<std::uint32_t>(sh.table.rows.size());
    if (sh.table.fatal) return false;
    const csvcols::FileSpec* spec = csvcols::find(f.name);
    bool ok = true;
    for (const csv::Cell& c : sh.table.header.cells) {
        std::string meaning = std::string(text::trim(c.text));
        for (const ColumnAlias& a : opt_.aliases)
            if (a.file == f.name && a.from == meaning) {
                meaning = a.to;
                break;
            }
        if (meaning.empty()) {
            issue(Level::error, f.name, {c.line, c.column}, "empty column name in the header");
            continue;
        }
        if (!csvcols::known_column(*spec, meaning)) {
            std::string known;
            for (auto k : spec->columns) known += (known.empty() ? "" : ", ") + std::string(k);
            for (auto k : spec->extra) known += ", " + std::string(k);
            issue(Level::error, f.name, {c.line, c.column},
                  "unknown column \"" + c.text + "\" (ignored); " + f.name + " has: " + known);
            continue;
        }
        const int index = static_cast<int>(&c - sh.table.header.cells.data());
        if (!sh.col.emplace(meaning, index).second)
            issue(Level::error, f.name, {c.line, c.column}, "column \"" + meaning + "\" appears twice; the first is used");
    }
    for (const auto& group : spec->required) {
        bool found = false;
        for (std::string_view c : group) found = found || sh.col.count(std::string(c));
        if (found) continue;
        std::string names;
        for (std::string_view c : group) names += (names.empty() ? "\"" : " or \"") + std::string(c) + "\"";
        issue(Level::error, f.name, {1, 1}, "missing column " + names + "; none of the " + std::to_string(cnt.read) +
                                                " rows of this file were read");
        ok = false;
    }
    if (!ok) cnt.skipped = cnt.read;
    return ok;
}

template <class Fn>
void Importer::each_row(Sheet& sh, Fn fn) {
    FileCounts& cnt = res_.counts[sh.file];
    for (const csv::Row& row : sh.table.rows) {
        RowCtx r{*this, sh, row};
        if (fn(r)) ++cnt.used;
        else ++cnt.skipped;
    }
}

// ---------------------------------------------------------------------------
bool Importer::register_id(RowCtx& r, const std::string& id, RecordKind kind, std::uint32_t row) {
    auto [it, inserted] = ids_.emplace(id, RecordRef{kind, row});
    if (inserted) {
        id_origin_.emplace(id, Origin{r.sh.file, r.row.line});
        return true;
    }
    auto o = id_origin_.find(id);
    const std::string where = o == id_origin_.end() ? std::string("the base bundle")
                                                    : o->second.file + " line " + std::to_string(o->second.line);
    error(r, "id", "duplicate id \"" + id + "\" (already used by " + std::string(kind_noun(it->second.kind)) + " in " +
                       where + "); row skipped");
    return false;
}

std::string Importer::make_id(std::string base) {
    if (!ids_.count(base)) return base;
    for (int n = 2;; ++n) {
        std::string id = base + "-" + std::to_string(n);
        if (!ids_.count(id)) return id;
    }
}

// The row's id: given (checked) or made from `generated`. ok = false when the row must go.
std::string Importer::take_id(RowCtx& r, RecordKind, const std::string& generated, bool& ok) {
    ok = true;
    const std::string_view given = r.get("id");
    if (given.empty()) return make_id(generated);
    if (!valid_id(given)) {
        error(r, "id", "\"" + std::string(given.substr(0, 40)) +
                           "\" is not a valid id (letters, digits and . _ : - ; at most 128 characters); row skipped");
        ok = false;
    }
    return std::string(given);
}

std::uint32_t Importer::lookup(RowCtx& r, std::string_view column, std::string_view id, RecordKind kind,
                               std::string_view then) {
    if (id.empty()) {
        error(r, column, "empty " + std::string(column) + std::string(then));
        return RowId<void>::none_value;
    }
    auto it = ids_.find(std::string(id));
    if (it != ids_.end() && it->second.kind == kind) return it->second.row;
    error(r, column,
          (it == ids_.end() ? "unknown " + std::string(kind_noun(kind)) + " \"" + std::string(id) + "\""
                            : "\"" + std::string(id) + "\" is " + kind_noun(it->second.kind) + ", not " + kind_noun(kind)) +
              std::string(then));
    return RowId<void>::none_value;
}

std::vector<SourceId> Importer::row_sources(RowCtx& r) {
    std::vector<SourceId> out;
    auto add = [&](std::uint32_t row) {
        const SourceId s(row);
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    for (std::string_view id : split_list(r.get("sources"), '|')) {
        const std::uint32_t row = lookup(r, "sources", id, RecordKind::source);
        if (row != RowId<void>::none_value) add(row);
    }
    const std::string_view url = r.get("source_url");
    if (url.empty()) {
        if (!r.get("source_title").empty() || !r.get("source_date").empty())
            error(r, "source_url", "source_title or source_date given without source_url; no source made");
        return out;
    }
    if (url.substr(0, 7) != "http://" && url.substr(0, 8) != "https://") {
        error(r, "source_url", "source_url must start with http:// or https://, not \"" + std::string(url.substr(0, 40)) + "\"");
        return out;
    }
    auto it = source_by_url_.find(std::string(url));
    if (it != source_by_url_.end()) {
        add(it->second);
        return out;
    }
    Source s;
    std::string_view host = url.substr(url.find("//") + 2);
    host = host.substr(0, host.find('/'));
    if (host.substr(0, 4) == "www.") host.remove_prefix(4);
    char hex[12];
    std::snprintf(hex, sizeof hex, "%08x", fnv1a(url));
    s.id = make_id("src-" + slug(host, 32) + "-" + hex);
    s.title = std::string(r.get("source_title"));
    if (s.title.empty()) {
        s.title = std::string(url);
        s.note = "no title given; the address stands in for it";
    }
    s.outlet = std::string(host);
    s.url = std::string(url);
    s.date = date_cell(r, "source_date");
    const auto row = static_cast<std::uint32_t>(ds_.sources.size());
    ids_.emplace(s.id, RecordRef{RecordKind::source, row});
    id_origin_.emplace(s.id, Origin{r.sh.file, r.row.line});
    origin_[static_cast<std::size_t>(RecordKind::source)].push_back({r.sh.file, r.row.line});
    source_by_url_.emplace(s.url, row);
    ds_.sources.push_back(std::move(s));
    add(row);
    return out;
}

void Importer::read_cited(RowCtx& r, Cited& c) {
    c.sources = row_sources(r);
    const std::string_view conf = r.get("confidence");
    if (!conf.empty()) {
        if (auto v = parse_confidence(conf)) c.confidence = *v;
        else error(r, "confidence", "confidence must be high, medium or low, not \"" + std::string(conf.substr(0, 40)) + "\"");
    }
    c.note = std::string(r.get("note"));
}

Date Importer::date_cell(RowCtx& r, std::string_view column) {
    const std::string_view s = r.get(column);
    if (s.empty()) return {};
    if (auto d = parse_date(s)) return *d;
    error(r, column, date_shaped(s) ? "no such date: \"" + std::string(s) + "\" (left empty)"
                                    : "not a date: \"" + std::string(s.substr(0, 40)) +
                                          "\" (write YYYY, YYYY-MM or YYYY-MM-DD; left empty)");
    return {};
}

std::string Importer::region_cell(RowCtx& r, std::string_view column, std::string* unresolved) {
    const std::string_view written = r.get(column);
    const WrittenRegion w = resolve_written_region(regions_, written);
    switch (w.status) {
        case WrittenRegion::Status::empty:
        case WrittenRegion::Status::national:
        case WrittenRegion::Status::exact: break;
        case WrittenRegion::Status::guessed:
        case WrittenRegion::Status::narrowed: warn(r, column, w.message); break;
        case WrittenRegion::Status::unresolved:
            warn(r, column, w.message + "; kept without a region code");
            if (unresolved) *unresolved = std::string(written);
            break;
    }
    return w.code;
}

std::string Importer::enum_cell(RowCtx& r, std::string_view column, std::initializer_list<std::string_view> allowed) {
    const std::string_view v = r.get(column);
    if (v.empty()) return {};
    for (std::string_view a : allowed)
        if (a == v) return std::string(v);
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    error(r, column, std::string(column) + " must be one of " + list + ", not \"" + std::string(v.substr(0, 40)) +
                         "\" (left empty)");
    return {};
}

int Importer::year_cell(RowCtx& r, std::string_view column) {
    const std::string_view v = r.get(column);
    if (v.empty()) return 0;
    long long y = 0;
    if (parse_int(v, 1945, 2100, y)) return static_cast<int>(y);
    error(r, column, "not a year between 1945 and 2100: \"" + std::string(v.substr(0, 40)) + "\" (left empty)");
    return 0;
}

std::uint32_t Importer::uint_cell(RowCtx& r, std::string_view column, std::uint32_t lo) {
    const std::string_view v = r.get(column);
    if (v.empty()) return 0;
    long long n = 0;
    if (parse_int(v, lo, 10'000'000, n)) return static_cast<std::uint32_t>(n);
    error(r, column, "not a whole number from " + std::to_string(lo) + ": \"" + std::string(v.substr(0, 40)) +
                         "\" (left empty)");
    return 0;
}

// "interest 2021-08-24 @ev-x; commitment 2021-11-02"
std::vector<StageStep> Importer::stages_cell(RowCtx& r, std::string_view column) {
    std::vector<StageStep> out;
    for (std::string_view step : split_list(r.get(column), ';')) {
        StageStep st;
        bool ok = true;
        std::vector<std::string_view> words = split_list(step, ' ');
        for (std::size_t i = 0; i < words.size() && ok; ++i) {
            const std::string_view w = words[i];
            if (i == 0) {
                if (auto s = parse_stage(w)) st.stage = *s;
                else {
                    error(r, column, "unknown stage \"" + std::string(w.substr(0, 40)) +
                                         "\" (interest, commitment, action_plan, implemented)");
                    ok = false;
                }
            } else if (w[0] == '@') {
                const std::uint32_t e = lookup(r, column, w.substr(1), RecordKind::event);
                if (e != RowId<void>::none_value) st.event = EventId(e);
            } else if (auto d = parse_date(w)) {
                st.date = *d;
            } else {
                error(r, column, (date_shaped(w) ? "no such date: \"" : "not a date or @event: \"") +
                                     std::string(w.substr(0, 40)) + "\" in stage \"" + std::string(step.substr(0, 60)) + "\"");
            }
        }
        if (ok) out.push_back(st);
    }
    std::stable_sort(out.begin(), out.end(), [](const StageStep& a, const StageStep& b) { return a.stage < b.stage; });
    return out;
}

// ---------------------------------------------------------------------------
InstitutionId Importer::institution_named(std::string_view name, const std::string& region, const Cited& cite) {
    const std::string key = name_key(name) + "|" + region;
    if (auto it = institution_by_name_.find(key); it != institution_by_name_.end()) return InstitutionId(it->second);
    Institution x;
    x.id = make_id("inst-" + slug(name));
    x.name = std::string(name);
    x.kind = infer_kind(name);
    x.region_code = region;
    x.sources = cite.sources;
    x.confidence = cite.confidence;
    const auto row = static_cast<std::uint32_t>(ds_.institutions.size());
    ids_.emplace(x.id, RecordRef{RecordKind::institution, row});
    origin_[static_cast<std::size_t>(RecordKind::institution)].push_back({});
    institution_by_name_.emplace(key, row);
    ds_.institutions.push_back(std::move(x));
    return InstitutionId(row);
}

// The owner when a row names none: the government of its region, or the central body named
// as the region ("Kementerian Kesehatan").
InstitutionId Importer::government_of(RowCtx& r, const std::string& region, std::string_view written, const Cited& cite) {
    if (!region.empty()) {
        const Region* reg = regions_.find(region);
        std::string name;
        if (reg->level == RegionLevel::province) name = "Pemerintah Provinsi " + std::string(reg->name);
        else if (reg->level == RegionLevel::regency) name = "Pemerintah " + std::string(reg->name);
        else name = "Kecamatan " + std::string(reg->name);
        // An existing record for it (the seed spells "Pemerintah Kabupaten Malang") is reused.
        return institution_named(name, region, cite);
    }
    if (!written.empty()) return institution_named(written, region, cite);
    if (r.sh.file == "replications.csv") {
        // A replication names its source innovation but not always whose it is: one shared
        // stand-in says so rather than inventing an owner.
        const InstitutionId id = institution_named(kOwnerNotStated, "", cite);
        Institution& x = ds_.institutions[id.value];
        if (x.note.empty()) x.note = "Stands in for the owner of innovations known only from replication records that do not say whose they are; not a real institution, not national.";
        return id;
    }
    error(r, "owner_name", "no owner: fill owner_name (or owner with an institution id) or region; row skipped");
    return {};
}

InnovationId Importer::add_innovation(Innovation x, const Origin& o, Pos name_pos) {
    const auto row = static_cast<std::uint32_t>(ds_.innovations.size());
    ids_.emplace(x.id, RecordRef{RecordKind::innovation, row});
    id_origin_.emplace(x.id, o);
    origin_[static_cast<std::size_t>(RecordKind::innovation)].push_back(o);
    innovation_by_name_[name_key(x.name)].push_back(row);
    innovation_name_pos_.emplace(x.id, name_pos);
    ds_.innovations.push_back(std::move(x));
    return InnovationId(row);
}

EventId Importer::program_named(std::string_view name, const Cited& cite, const Origin& o) {
    const std::string key = name_key(name);
    if (auto it = event_by_name_.find(key); it != event_by_name_.end()) {
        Event& e = ds_.events[it->second];
        if (it->second >= base_count_[static_cast<std::size_t>(RecordKind::event)])
            for (SourceId s : cite.sources)
                if (std::find(e.sources.begin(), e.sources.end(), s) == e.sources.end()) e.sources.push_back(s);
        return EventId(it->second);
    }
    Event e;
    e.id = make_id("ev-" + slug(name));
    e.name = std::string(name);
    e.kind = "program";
    e.sources = cite.sources;
    e.confidence = cite.confidence;
    const auto row = static_cast<std::uint32_t>(ds_.events.size());
    ids_.emplace(e.id, RecordRef{RecordKind::event, row});
    origin_[static_cast<std::size_t>(RecordKind::event)].push_back(o);
    event_by_name_.emplace(key, row);
    ds_.events.push_back(std::move(e));
    return EventId(row);
}

// ===========================================================================
// Files
// ===========================================================================
void Importer::read_meta(Sheet& sh) {
    have_meta_ = true;
    each_row(sh, [&](RowCtx& r) {
        const std::string_view key = r.get("key");
        const std::string value(r.get("value"));
        if (key == "title") ds_.meta.title = value;
        else if (key == "created") ds_.meta.created = date_cell(r, "value");
        else if (key == "licence") ds_.meta.licence = value;
        else if (key == "synthetic") {
            if (value != "true" && value != "false") {
                error(r, "value", "synthetic must be true or false, not \"" + value + "\"");
                return false;
            }
            ds_.meta.synthetic = value == "true";
        } else if (key == "description") ds_.meta.description = value;
        else if (key == "generator") ds_.meta.generator = value;
        else {
            error(r, "key", "unknown meta key \"" + std::string(key) +
                                "\" (title, created, licence, synthetic, description, generator)");
            return false;
        }
        return true;
    });
}

void Importer::read_sources(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Source s;
        s.url = std::string(r.get("url"));
        if (!s.url.empty() && s.url.substr(0, 7) != "http://" && s.url.substr(0, 8) != "https://") {
            error(r, "url", "url must start with http:// or https:// (left empty)");
            s.url.clear();
        }
        if (!s.url.empty() && r.get("id").empty() && source_by_url_.count(s.url)) return true;  // already known
        char hex[12];
        std::snprintf(hex, sizeof hex, "%08x", fnv1a(s.url));
        bool ok = true;
        s.id = take_id(r, RecordKind::source, "src-" + std::string(hex), ok);
        if (!ok) return false;
        s.title = std::string(r.get("title"));
        if (s.title.empty()) {
            if (s.url.empty()) {
                error(r, "title", "a source needs a title or a url; row skipped");
                return false;
            }
            s.title = s.url;
        }
        s.outlet = std::string(r.get("outlet"));
        s.date = date_cell(r, "date");
        s.language = std::string(r.get("language"));
        s.note = std::string(r.get("note"));
        const auto row = static_cast<std::uint32_t>(ds_.sources.size());
        if (!register_id(r, s.id, RecordKind::source, row)) return false;
        origin_[static_cast<std::size_t>(RecordKind::source)].push_back({sh.file, r.row.line});
        if (!s.url.empty()) source_by_url_.emplace(s.url, row);
        ds_.sources.push_back(std::move(s));
        return true;
    });
}

void Importer::read_institutions(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Institution x;
        x.name = std::string(r.get("name"));
        if (x.name.empty()) {
            error(r, "name", "empty name; row skipped");
            return false;
        }
        bool ok = true;
        x.id = take_id(r, RecordKind::institution, "inst-" + slug(x.name), ok);
        if (!ok) return false;
        x.kind = enum_cell(r, "kind", {"government", "ministry", "agency", "dinas", "badan", "secretariat",
                                       "health_centre", "hospital", "school", "kecamatan", "village", "police", "soe",
                                       "group", "other"});
        if (x.kind.empty()) x.kind = infer_kind(x.name);
        x.region_code = region_cell(r, "region");
        x.member_count = uint_cell(r, "member_count", 1);
        read_cited(r, x);
        if (x.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.institutions.size());
        if (!register_id(r, x.id, RecordKind::institution, row)) return false;
        if (const std::string_view parent = r.get("parent"); !parent.empty())
            deferred_.push_back({Deferred::What::institution_parent, row, std::string(parent), sh.file, r.pos("parent")});
        origin_[static_cast<std::size_t>(RecordKind::institution)].push_back({sh.file, r.row.line});
        institution_by_name_.emplace(name_key(x.name) + "|" + x.region_code, row);
        ds_.institutions.push_back(std::move(x));
        return true;
    });
}

void Importer::read_innovations(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Innovation x;
        x.name = std::string(r.get("name"));
        if (x.name.empty()) {
            error(r, "name", "empty name; row skipped");
            return false;
        }
        std::string unresolved;
        x.region_code = region_cell(r, "region", &unresolved);
        bool ok = true;
        std::string gen = "inn-" + slug(x.name, 40);
        if (!x.region_code.empty()) gen += "-" + slug(x.region_code);
        x.id = take_id(r, RecordKind::innovation, gen, ok);
        if (!ok) return false;
        if (!same_as_.count(x.id) && ids_.count(x.id)) return register_id(r, x.id, RecordKind::innovation, 0);
        read_cited(r, x);
        if (x.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }

        // A reviewed duplicate: the row adds its award and sources to the existing record.
        if (auto same = same_as_.find(x.id); same != same_as_.end()) {
            auto it = ids_.find(same->second);
            if (it == ids_.end() || it->second.kind != RecordKind::innovation) {
                error(r, "id", "the duplicates file says \"" + x.id + "\" is the same as \"" + same->second +
                                   "\", which is no innovation; row skipped");
                return false;
            }
            Innovation& target = ds_.innovations[it->second.row];
            for (SourceId s : x.sources)
                if (std::find(target.sources.begin(), target.sources.end(), s) == target.sources.end())
                    target.sources.push_back(s);
            merged_into_.insert(it->second.row);
            innovation_by_name_[name_key(x.name)].push_back(it->second.row);
            add_award(r, InnovationId(it->second.row), true, "award-" + x.id);
            return true;
        }

        x.acronym_expansion = std::string(r.get("acronym_expansion"));
        x.description = std::string(r.get("description"));
        if (const std::string_view owner = r.get("owner"); !owner.empty()) {
            const std::uint32_t o = lookup(r, "owner", owner, RecordKind::institution, "; row skipped");
            if (o == RowId<void>::none_value) return false;
            x.owner = InstitutionId(o);
        } else if (const std::string_view owner_name = r.get("owner_name"); !owner_name.empty()) {
            x.owner = institution_named(owner_name, x.region_code, x);
        } else {
            x.owner = government_of(r, x.region_code, unresolved.empty() ? r.get("region") : unresolved, x);
            if (!x.owner) return false;
        }
        if (const std::string_view unit = r.get("unit"); !unit.empty()) {
            const std::uint32_t u = lookup(r, "unit", unit, RecordKind::institution);
            if (u != RowId<void>::none_value) x.unit = InstitutionId(u);
        }
        if (!unresolved.empty())
            x.note += std::string(x.note.empty() ? "" : "; ") + "region as written: " + unresolved + " (not resolved)";
        x.sector = std::string(r.get("sector"));
        x.year_started = static_cast<std::int16_t>(year_cell(r, "year_started"));
        x.status = enum_cell(r, "status", {"active", "inactive", "unknown"});
        const std::string id = x.id;
        const InnovationId row = add_innovation(std::move(x), {sh.file, r.row.line}, r.pos("name"));
        if (const std::string_view d = r.get("derived_from"); !d.empty())
            deferred_.push_back({Deferred::What::innovation_derived_from, row.value, std::string(d), sh.file, r.pos("derived_from")});
        add_award(r, row, true, "award-" + id);
        return true;
    });
}

// From awards.csv, or from the award_* columns of innovations.csv.
bool Importer::add_award(RowCtx& r, InnovationId inn, bool from_innovation_row, const std::string& fallback_id) {
    const std::string p = from_innovation_row ? "award_" : "";
    const std::string c_comp = from_innovation_row ? "award_competition" : "competition";
    const std::string c_year = from_innovation_row ? "award_year" : "year";
    const std::string c_tier = from_innovation_row ? "award_tier" : "tier";
    const std::string c_group = from_innovation_row ? "award_group" : "group";
    Award a;
    a.competition = std::string(r.get(c_comp));
    const bool any = !a.competition.empty() || !r.get(c_year).empty() || !r.get(c_tier).empty() || !r.get(c_group).empty();
    if (from_innovation_row && !any) return true;
    if (a.competition.empty()) {
        error(r, c_comp, from_innovation_row ? "award_year, award_tier or award_group given without award_competition; no award made"
                                             : "empty competition; row skipped");
        return false;
    }
    a.innovation = inn;
    a.year = static_cast<std::int16_t>(year_cell(r, c_year));
    a.tier = std::string(r.get(c_tier));
    read_cited(r, a);
    if (const std::string_view g = r.get(c_group); g == "umum" || g == "replikasi" || g == "khusus") {
        a.group = std::string(g);
    } else if (!g.empty()) {
        // A group the format does not know (the 2024 "keberlanjutan" round): kept as words.
        warn(r, c_group, c_group + " \"" + std::string(g.substr(0, 40)) +
                             "\" is none of umum, replikasi, khusus; kept in the award's note");
        a.note = "group as published: " + std::string(g) + (a.note.empty() ? "" : "; " + a.note);
    }
    if (!from_innovation_row) {
        bool ok = true;
        a.id = take_id(r, RecordKind::award, fallback_id, ok);
        if (!ok) return false;
        if (a.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
    } else {
        const std::string_view given = r.get("award_id");
        a.id = given.empty() ? make_id(fallback_id) : std::string(given);
        if (!valid_id(a.id)) {
            error(r, "award_id", "\"" + a.id.substr(0, 40) + "\" is not a valid id; no award made");
            return false;
        }
    }
    const auto row = static_cast<std::uint32_t>(ds_.awards.size());
    if (from_innovation_row) {
        if (!ids_.emplace(a.id, RecordRef{RecordKind::award, row}).second) {
            error(r, "award_id", "duplicate id \"" + a.id + "\"; no award made");
            return false;
        }
    } else if (!register_id(r, a.id, RecordKind::award, row)) {
        return false;
    }
    origin_[static_cast<std::size_t>(RecordKind::award)].push_back({r.sh.file, r.row.line});
    ds_.awards.push_back(std::move(a));
    return true;
}

void Importer::read_awards(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        const std::uint32_t inn = lookup(r, "innovation", r.get("innovation"), RecordKind::innovation, "; row skipped");
        if (inn == RowId<void>::none_value) return false;
        return add_award(r, InnovationId(inn), false, "award-" + ds_.innovations[inn].id);
    });
}

void Importer::read_events(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Event e;
        e.name = std::string(r.get("name"));
        if (e.name.empty()) {
            error(r, "name", "empty name; row skipped");
            return false;
        }
        bool ok = true;
        e.id = take_id(r, RecordKind::event, "ev-" + slug(e.name), ok);
        if (!ok) return false;
        e.kind = enum_cell(r, "kind", {"program", "commitment_signing", "action_plan", "exhibition", "workshop",
                                       "coaching", "forum", "competition", "other"});
        if (e.kind.empty()) e.kind = "program";
        e.date = date_cell(r, "date");
        e.end_date = date_cell(r, "end_date");
        e.place = std::string(r.get("place"));
        e.region_code = region_cell(r, "region");
        const std::string_view online = r.get("online");
        if (online == "yes" || online == "true" || online == "ya" || online == "1") e.online = true;
        else if (!online.empty() && online != "no" && online != "false" && online != "tidak" && online != "0")
            error(r, "online", "online must be yes or no, not \"" + std::string(online.substr(0, 40)) + "\"");
        for (std::string_view id : split_list(r.get("innovations"), '|')) {
            const std::uint32_t i = lookup(r, "innovations", id, RecordKind::innovation);
            if (i != RowId<void>::none_value) e.innovations.push_back(InnovationId(i));
        }
        read_cited(r, e);
        if (e.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.events.size());
        if (!register_id(r, e.id, RecordKind::event, row)) return false;
        if (const std::string_view p = r.get("part_of"); !p.empty())
            deferred_.push_back({Deferred::What::event_part_of, row, std::string(p), sh.file, r.pos("part_of")});
        origin_[static_cast<std::size_t>(RecordKind::event)].push_back({sh.file, r.row.line});
        event_by_name_.emplace(name_key(e.name), row);
        ds_.events.push_back(std::move(e));
        return true;
    });
}

void Importer::read_participants(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        const std::uint32_t e = lookup(r, "event", r.get("event"), RecordKind::event, "; row skipped");
        if (e == RowId<void>::none_value) return false;
        Participant p;
        p.role = enum_cell(r, "role", {"facilitator", "host", "opener", "speaker", "signatory", "witness", "presenter",
                                       "participant", "visitor", "organiser"});
        if (p.role.empty()) {
            if (r.get("role").empty()) error(r, "role", "empty role; row skipped");
            return false;
        }
        p.person = std::string(r.get("person"));
        p.position = std::string(r.get("position"));
        if (const std::string_view inst = r.get("institution"); !inst.empty()) {
            const std::uint32_t i = lookup(r, "institution", inst, RecordKind::institution);
            if (i != RowId<void>::none_value) p.institution = InstitutionId(i);
        }
        p.description = std::string(r.get("description"));
        p.count = uint_cell(r, "count", 1);
        ds_.events[e].participants.push_back(std::move(p));
        return true;
    });
}

// The source innovation of a replication row: by id, or by name and region. An unknown name
// becomes a record of its own (reported), so that the replication keeps what the page says.
InnovationId Importer::replication_source(RowCtx& r, const Cited& cite) {
    if (const std::string_view id = r.get("source"); !id.empty()) {
        const std::uint32_t i = lookup(r, "source", id, RecordKind::innovation, "; row skipped");
        return i == RowId<void>::none_value ? InnovationId() : InnovationId(i);
    }
    const std::string_view name = r.get("source_name");
    if (name.empty()) {
        error(r, "source_name", "no source innovation: fill source (an innovation id) or source_name; row skipped");
        return {};
    }
    std::string unresolved;
    const std::string region = region_cell(r, "source_region", &unresolved);
    std::vector<std::uint32_t> hits;
    if (auto it = innovation_by_name_.find(name_key(name)); !unnamed(name) && it != innovation_by_name_.end())
        for (std::uint32_t i : it->second)
            if (related_codes(ds_.innovations[i].region_code, region) &&
                std::find(hits.begin(), hits.end(), i) == hits.end())
                hits.push_back(i);
    if (hits.size() == 1) return InnovationId(hits[0]);

    Innovation x;
    x.name = std::string(name);
    x.region_code = region;
    x.id = make_id("inn-" + slug(name, 40) + (region.empty() ? "" : "-" + slug(region)));
    // A reviewed decision may name the record this one would have become.
    if (auto same = same_as_.find(x.id); same != same_as_.end()) {
        auto it = ids_.find(same->second);
        if (it != ids_.end() && it->second.kind == RecordKind::innovation) {
            innovation_by_name_[name_key(name)].push_back(it->second.row);
            return InnovationId(it->second.row);
        }
        error(r, "source_name", "the duplicates file says \"" + x.id + "\" is the same as \"" + same->second +
                                    "\", which is no innovation");
    }
    x.sources = cite.sources;
    x.confidence = Confidence::low;
    x.owner = government_of(r, region, unresolved.empty() ? r.get("source_region") : unresolved, cite);
    if (!x.owner) return {};
    std::string where = r.get("source_region").empty() ? std::string() : " (" + std::string(r.get("source_region")) + ")";
    if (unnamed(name)) {
        x.note = "The page does not name the innovation; this record stands for it.";
        warn(r, "source_name", "source innovation not named (\"" + std::string(name) + "\")" + where +
                                   "; a record " + x.id + " was made for it");
    } else if (hits.empty()) {
        x.note = "Known here only as the source of a replication; no award record names it.";
        warn(r, "source_name", "source innovation \"" + std::string(name) + "\"" + where +
                                   " is not among the innovations; a record " + x.id + " was made for it");
    } else {
        std::string list;
        for (std::uint32_t h : hits) list += (list.empty() ? "" : ", ") + ds_.innovations[h].id;
        x.note = "Named as the source of a replication; several records fit (" + list + "), none was chosen.";
        warn(r, "source_name", "source innovation \"" + std::string(name) + "\"" + where + " matches several innovations (" +
                                   list + "); a record " + x.id + " was made instead of guessing");
    }
    return add_innovation(std::move(x), {r.sh.file, r.row.line}, r.pos("source_name"));
}

void Importer::read_replications(Sheet& sh) {
    each_row(sh, [&](RowCtx& rc) {
        Replication x;
        read_cited(rc, x);
        if (x.sources.empty()) {
            error(rc, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        bool ok = true;
        const std::string given_id(rc.get("id"));
        if (auto same = same_as_.find(given_id); !given_id.empty() && same != same_as_.end()) {
            // A reviewed duplicate: its sources go to the replication already recorded.
            auto it = ids_.find(same->second);
            if (it == ids_.end() || it->second.kind != RecordKind::replication) {
                error(rc, "id", "the duplicates file says \"" + given_id + "\" is the same as \"" + same->second +
                                    "\", which is no replication; row skipped");
                return false;
            }
            Replication& target = ds_.replications[it->second.row];
            for (SourceId s : x.sources)
                if (std::find(target.sources.begin(), target.sources.end(), s) == target.sources.end())
                    target.sources.push_back(s);
            return true;
        }
        if (!given_id.empty()) {
            x.id = take_id(rc, RecordKind::replication, "", ok);
            if (!ok) return false;
            if (ids_.count(x.id)) return register_id(rc, x.id, RecordKind::replication, 0);
        }
        // Stages before anything is created, so that a row without one leaves nothing behind.
        x.stages = stages_cell(rc, "stages");
        if (const std::string_view st = rc.get("stage"); !st.empty()) {
            StageStep step;
            if (auto s = parse_stage(st)) {
                step.stage = *s;
                step.date = date_cell(rc, "date");
                x.stages.push_back(step);
            } else {
                error(rc, "stage", "unknown stage \"" + std::string(st.substr(0, 40)) +
                                       "\" (interest, commitment, action_plan, implemented); row skipped");
                return false;
            }
        }
        if (x.stages.empty()) {
            error(rc, rc.cell("stages") ? "stages" : "stage",
                  "no stage: write interest, commitment, action_plan or implemented; row skipped");
            return false;
        }
        std::string unresolved;
        x.region_code = region_cell(rc, "region", &unresolved);
        if (const std::string_view a = rc.get("adopter"); !a.empty()) {
            const std::uint32_t i = lookup(rc, "adopter", a, RecordKind::institution, "; row skipped");
            if (i == RowId<void>::none_value) return false;
            x.adopter = InstitutionId(i);
        } else if (const std::string_view an = rc.get("adopter_name"); !an.empty()) {
            x.adopter = institution_named(an, x.region_code, x);
        } else {
            error(rc, "adopter_name", "no adopter: fill adopter (an institution id) or adopter_name; row skipped");
            return false;
        }
        if (!unresolved.empty())
            x.note += std::string(x.note.empty() ? "" : "; ") + "adopter region as written: " + unresolved + " (not resolved)";
        x.source = replication_source(rc, x);
        if (!x.source) return false;
        if (const std::uint32_t n = uint_cell(rc, "adopter_count", 1)) x.adopter_count = n;
        if (const std::string_view p = rc.get("program"); !p.empty()) {
            const std::uint32_t e = lookup(rc, "program", p, RecordKind::event);
            if (e != RowId<void>::none_value) x.program = EventId(e);
        } else if (const std::string_view pn = rc.get("program_name"); !pn.empty()) {
            x.program = program_named(pn, x, {sh.file, rc.row.line});
        }
        if (x.id.empty())
            x.id = make_id("rep-" + slug(ds_.innovations[x.source.value].name, 24) + "-" +
                           slug(ds_.institutions[x.adopter.value].name, 32));
        const auto row = static_cast<std::uint32_t>(ds_.replications.size());
        if (!register_id(rc, x.id, RecordKind::replication, row)) return false;
        if (const std::string_view d = rc.get("derived"); !d.empty()) {
            const std::uint32_t i = lookup(rc, "derived", d, RecordKind::innovation);
            if (i != RowId<void>::none_value) x.derived = InnovationId(i);
        } else if (const std::string_view dn = rc.get("derived_name"); !dn.empty()) {
            Innovation d;
            d.name = std::string(dn);
            d.id = make_id("inn-" + slug(dn, 40) + (x.region_code.empty() ? "" : "-" + slug(x.region_code)));
            // A reviewed decision may say the derived innovation is already recorded (an award row).
            if (auto same = same_as_.find(d.id); same != same_as_.end()) {
                auto it = ids_.find(same->second);
                if (it != ids_.end() && it->second.kind == RecordKind::innovation) {
                    Innovation& target = ds_.innovations[it->second.row];
                    x.derived = InnovationId(it->second.row);
                    if (!target.derived_from) target.derived_from = ReplicationId(row);
                    origin_[static_cast<std::size_t>(RecordKind::replication)].push_back({sh.file, rc.row.line});
                    ds_.replications.push_back(std::move(x));
                    return true;
                }
                error(rc, "derived_name", "the duplicates file says \"" + d.id + "\" is the same as \"" + same->second +
                                              "\", which is no innovation");
            }
            d.owner = x.adopter;
            d.region_code = x.region_code;
            d.sources = x.sources;
            d.confidence = x.confidence;
            d.derived_from = ReplicationId(row);
            d.note = "Grew out of the replication " + x.id + ".";
            x.derived = add_innovation(std::move(d), {sh.file, rc.row.line}, rc.pos("derived_name"));
        }
        origin_[static_cast<std::size_t>(RecordKind::replication)].push_back({sh.file, rc.row.line});
        ds_.replications.push_back(std::move(x));
        return true;
    });
}

void Importer::read_cohorts(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Cohort c;
        bool ok = true;
        c.id = take_id(r, RecordKind::cohort, "cohort-" + slug(r.get("program")), ok);
        if (!ok) return false;
        const std::uint32_t p = lookup(r, "program", r.get("program"), RecordKind::event, "; row skipped");
        if (p == RowId<void>::none_value) return false;
        c.program = EventId(p);
        for (std::string_view id : split_list(r.get("innovations"), '|')) {
            const std::uint32_t i = lookup(r, "innovations", id, RecordKind::innovation);
            if (i != RowId<void>::none_value) c.innovations.push_back(InnovationId(i));
        }
        for (std::string_view id : split_list(r.get("adopters"), '|')) {
            const std::uint32_t i = lookup(r, "adopters", id, RecordKind::institution);
            if (i != RowId<void>::none_value) c.adopters.push_back(InstitutionId(i));
        }
        c.adopter_count = uint_cell(r, "adopter_count", 1);
        for (std::string_view written : split_list(r.get("regions"), '|')) {
            const WrittenRegion w = resolve_written_region(regions_, written);
            if (!w.code.empty()) c.region_codes.push_back(w.code);
            if (!w.message.empty()) warn(r, "regions", w.message + (w.code.empty() ? "; left out" : ""));
        }
        c.stages = stages_cell(r, "stages");
        read_cited(r, c);
        if (c.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.cohorts.size());
        if (!register_id(r, c.id, RecordKind::cohort, row)) return false;
        origin_[static_cast<std::size_t>(RecordKind::cohort)].push_back({sh.file, r.row.line});
        ds_.cohorts.push_back(std::move(c));
        return true;
    });
}

// The compare_* columns: what the figure counts, so the app can set it against the bundle.
void Importer::read_compare(RowCtx& r, FigureCompare& c) {
    const std::string_view m = r.get("compare_measure");
    bool any = false;
    for (std::string_view col : {"compare_competition", "compare_year_from", "compare_year_to", "compare_tiers",
                                 "compare_group", "compare_region", "compare_program"})
        any = any || !r.get(col).empty();
    if (m.empty()) {
        if (any) error(r, "compare_measure", "compare_* columns filled but compare_measure is empty; no comparison kept");
        return;
    }
    const auto measure = parse_figure_measure(m);
    if (!measure || *measure == FigureMeasure::none) {
        std::string list;
        for (int i = 1; i < figure_measure_count; ++i)
            list += (list.empty() ? "" : ", ") + std::string(to_string(static_cast<FigureMeasure>(i)));
        error(r, "compare_measure", "compare_measure must be one of " + list + ", not \"" + std::string(m.substr(0, 40)) +
                                        "\"; no comparison kept");
        return;
    }
    c.measure = *measure;
    c.competition = std::string(r.get("compare_competition"));
    c.year_from = static_cast<std::int16_t>(year_cell(r, "compare_year_from"));
    c.year_to = static_cast<std::int16_t>(year_cell(r, "compare_year_to"));
    for (std::string_view t : split_list(r.get("compare_tiers"), '|')) c.tiers.emplace_back(t);
    c.group = enum_cell(r, "compare_group", {"umum", "replikasi", "khusus"});
    if (!r.get("compare_region").empty()) c.region = region_cell(r, "compare_region");
    if (const std::string_view p = r.get("compare_program"); !p.empty()) {
        const std::uint32_t e = lookup(r, "compare_program", p, RecordKind::event);
        if (e != RowId<void>::none_value) c.program = EventId(e);
    }
}

// The figure-compare file: id plus compare_* columns, applied to figures of this import.
void Importer::read_figure_compare() {
    const CsvFile& f = opt_.figure_compare;
    if (f.text.empty()) return;
    Sheet sh;
    sh.file = f.name;
    sh.table = csv::read(f.text);
    for (const csv::Problem& p : sh.table.problems) issue(p.level, f.name, {p.line, p.column}, p.message);
    if (sh.table.fatal) return;
    const csvcols::FileSpec* figs = csvcols::find("figures.csv");
    for (const csv::Cell& c : sh.table.header.cells) {
        const std::string name(text::trim(c.text));
        const int index = static_cast<int>(&c - sh.table.header.cells.data());
        if (name == "id" || name == "note" || (name.rfind("compare_", 0) == 0 && csvcols::known_column(*figs, name)))
            sh.col.emplace(name, index);
        else
            issue(Level::error, f.name, {c.line, c.column},
                  "unknown column \"" + c.text + "\" (ignored); the file has id, note and the compare_* columns of figures.csv");
    }
    if (!sh.col.count("id") || !sh.col.count("compare_measure")) {
        issue(Level::error, f.name, {1, 1}, "missing column \"id\" or \"compare_measure\"; the file was not read");
        return;
    }
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::figure)];
    res_.counts[f.name].read = static_cast<std::uint32_t>(sh.table.rows.size());
    each_row(sh, [&](RowCtx& r) {
        auto it = ids_.find(std::string(r.get("id")));
        if (it == ids_.end() || it->second.kind != RecordKind::figure || it->second.row < base) {
            error(r, "id", "no figure \"" + std::string(r.get("id")) + "\" among the imported figures; row skipped");
            return false;
        }
        Figure& fig = ds_.figures[it->second.row];
        if (fig.compare.active()) {
            error(r, "id", "figure \"" + fig.id + "\" already says what it counts; row skipped");
            return false;
        }
        read_compare(r, fig.compare);
        return fig.compare.active();
    });
}

void Importer::read_figures(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Figure f;
        f.metric = std::string(r.get("metric"));
        if (f.metric.empty()) {
            error(r, "metric", "empty metric; row skipped");
            return false;
        }
        f.period = std::string(r.get("period"));
        bool ok = true;
        f.id = take_id(r, RecordKind::figure, "fig-" + slug(f.metric, 40) + (f.period.empty() ? "" : "-" + slug(f.period, 16)), ok);
        if (!ok) return false;
        if (auto same = same_as_.find(f.id); same != same_as_.end()) {
            // A reviewed duplicate: the same published number, already recorded; its page is added.
            auto it = ids_.find(same->second);
            if (it == ids_.end() || it->second.kind != RecordKind::figure) {
                error(r, "id", "the duplicates file says \"" + f.id + "\" is the same as \"" + same->second +
                                   "\", which is no figure; row skipped");
                return false;
            }
            Figure& target = ds_.figures[it->second.row];
            for (SourceId sid : row_sources(r))
                if (std::find(target.sources.begin(), target.sources.end(), sid) == target.sources.end())
                    target.sources.push_back(sid);
            return true;
        }
        f.value_text = std::string(r.get("value_text"));
        if (const std::string_view v = r.get("value"); !v.empty()) {
            if (auto n = parse_number(v)) {
                f.value = *n;
            } else {
                error(r, "value", "value must be a number, not \"" + std::string(v.substr(0, 40)) + "\" (write text in value_text)" +
                                      (f.value_text.empty() ? "; row skipped" : "; left empty"));
                if (f.value_text.empty()) return false;
            }
        }
        if (const std::string_view v = r.get("value_as_published"); !v.empty()) {
            if (auto n = parse_number(v)) f.value = *n;
            else f.value_text = std::string(v);
        }
        f.unit = std::string(r.get("unit"));
        f.scope = std::string(r.get("scope"));
        if (f.scope.empty() || f.period.empty()) {
            error(r, f.scope.empty() ? "scope" : "period",
                  f.scope.empty() ? "empty scope (what the figure covers: national, a province, a tier …); row skipped"
                                  : "empty period (the year or years it covers: 2019, 2014-2023 …); row skipped");
            return false;
        }
        if (!f.value && f.value_text.empty()) {
            error(r, "value", "no value: fill value (a number) or value_text; row skipped");
            return false;
        }
        read_compare(r, f.compare);
        read_cited(r, f);
        if (f.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.figures.size());
        if (!register_id(r, f.id, RecordKind::figure, row)) return false;
        origin_[static_cast<std::size_t>(RecordKind::figure)].push_back({sh.file, r.row.line});
        ds_.figures.push_back(std::move(f));
        return true;
    });
}

// ---------------------------------------------------------------------------
void Importer::resolve_deferred() {
    for (const Deferred& d : deferred_) {
        const RecordKind want = d.what == Deferred::What::institution_parent      ? RecordKind::institution
                                : d.what == Deferred::What::event_part_of          ? RecordKind::event
                                                                                   : RecordKind::replication;
        auto it = ids_.find(d.id);
        if (it == ids_.end() || it->second.kind != want) {
            issue(Level::error, d.file, d.pos,
                  "unknown " + std::string(kind_noun(want)) + " \"" + d.id + "\" (left empty)");
            continue;
        }
        switch (d.what) {
            case Deferred::What::institution_parent: ds_.institutions[d.row].parent = InstitutionId(it->second.row); break;
            case Deferred::What::event_part_of: ds_.events[d.row].part_of = EventId(it->second.row); break;
            case Deferred::What::innovation_derived_from:
                ds_.innovations[d.row].derived_from = ReplicationId(it->second.row);
                break;
        }
    }
}

// Likely duplicates: names equal or a letter or two apart (after folding, without remarks in
// parentheses) in the same regency (or province, or both central). Reported, never merged.
void Importer::report_duplicates() {
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::innovation)];
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_region;
    for (std::uint32_t i = 0; i < ds_.innovations.size(); ++i)
        by_region[region_group(ds_.innovations[i].region_code)].push_back(i);
    auto years = [&](std::uint32_t i) {
        std::string y;
        for (const Award& a : ds_.awards)
            if (a.innovation.value == i && a.year) y += (y.empty() ? "" : ", ") + std::to_string(a.year) + (a.tier.empty() ? "" : " " + a.tier);
        return y;
    };
    for (std::uint32_t i = static_cast<std::uint32_t>(base); i < ds_.innovations.size(); ++i) {
        const Innovation& x = ds_.innovations[i];
        if (unnamed(x.name)) continue;
        const std::string key = name_key(x.name);
        for (std::uint32_t j : by_region[region_group(x.region_code)]) {
            if (j >= i) break;
            const Innovation& y = ds_.innovations[j];
            if (unnamed(y.name) || !near_names(key, name_key(y.name))) continue;
            if (distinct_.count({x.id, y.id}) || distinct_.count({y.id, x.id})) continue;
            const Origin& o = origin_[static_cast<std::size_t>(RecordKind::innovation)][i - base];
            const auto p = innovation_name_pos_.find(x.id);
            const std::string yx = years(i), yy = years(j);
            issue(Level::warning, o.file, p == innovation_name_pos_.end() ? Pos{o.line, 1} : p->second,
                  "likely duplicate: \"" + x.name + "\" (" + x.id + (yx.empty() ? "" : ", " + yx) + ") and \"" + y.name +
                      "\" (" + y.id + (yy.empty() ? "" : ", " + yy) + (j < base ? ", base bundle" : "") + ")" +
                      (x.region_code.empty() ? "" : " in " + region_group(x.region_code)) +
                      "; not merged: record a decision (same or distinct) in the duplicates file");
        }
    }
}

// Likely duplicate replications: the same source innovation taken up in the same regency (or
// province) with the same first date, one of them new.
void Importer::report_duplicate_replications() {
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::replication)];
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_source;
    for (std::uint32_t i = 0; i < ds_.replications.size(); ++i) by_source[ds_.replications[i].source.value].push_back(i);
    for (std::uint32_t i = static_cast<std::uint32_t>(base); i < ds_.replications.size(); ++i) {
        const Replication& x = ds_.replications[i];
        for (std::uint32_t j : by_source[x.source.value]) {
            if (j >= i) break;
            const Replication& y = ds_.replications[j];
            if (region_group(x.region_code) != region_group(y.region_code)) continue;
            const Date dx = x.first_date(), dy = y.first_date();
            if (dx.known() && dy.known() && !(dx == dy)) continue;
            // The same adopter (spelled alike, or one name the start of the other), or the
            // same day with a group on either side ("camat se-Kabupaten Ngawi").
            const Institution& ax = ds_.institutions[x.adopter.value];
            const Institution& ay = ds_.institutions[y.adopter.value];
            const bool same_day = dx.known() && dy.known();
            if (!(x.adopter == y.adopter || same_adopter_name(ax.name, ay.name) ||
                  (same_day && (group_like(ax) || group_like(ay)))))
                continue;
            if (distinct_.count({x.id, y.id}) || distinct_.count({y.id, x.id})) continue;
            const Origin& o = origin_[static_cast<std::size_t>(RecordKind::replication)][i - base];
            issue(Level::warning, o.file, {o.line, 1},
                  "likely duplicate replication: " + x.id + " (" + ds_.institutions[x.adopter.value].name + ") and " +
                      y.id + " (" + ds_.institutions[y.adopter.value].name + (j < base ? ", base bundle" : "") +
                      "), both of " + ds_.innovations[x.source.value].id +
                      (x.region_code.empty() ? "" : " in " + region_group(x.region_code)) +
                      "; not merged: record a decision (same or distinct) in the duplicates file");
        }
    }
}

// Likely duplicate figures: the same number for the same period (dashes and spaces aside).
void Importer::report_duplicate_figures() {
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::figure)];
    for (std::size_t i = base; i < ds_.figures.size(); ++i) {
        const Figure& x = ds_.figures[i];
        if (!x.value) continue;
        for (std::size_t j = 0; j < i; ++j) {
            const Figure& y = ds_.figures[j];
            if (!y.value || *y.value != *x.value || text::fold(x.period) != text::fold(y.period)) continue;
            if (distinct_.count({x.id, y.id}) || distinct_.count({y.id, x.id})) continue;
            const Origin& o = origin_[static_cast<std::size_t>(RecordKind::figure)][i - base];
            issue(Level::warning, o.file, {o.line, 1},
                  "likely duplicate figure: " + x.id + " (\"" + x.metric + "\") and " + y.id + " (\"" + y.metric + "\"" +
                      (j < base ? ", base bundle" : "") + ") both give " + number_text(*x.value) +
                      " for " + x.period + "; not merged: record a decision (same or distinct) in the duplicates file");
        }
    }
}

void Importer::finish() {
    ds_.build_relations();
    const std::string text = write_bundle(ds_, false);
    auto loaded = load_bundle(text);
    if (!loaded) {
        issue(Level::error, "(bundle)", {0, 0}, "the imported records do not make a bundle: " + loaded.error().describe());
        return;
    }
    // Problems the bundle validator finds are named by the row they came from.
    for (const Issue& is : loaded.value().report.issues) {
        std::string file = "(bundle)";
        Pos pos{};
        const std::string& path = is.path;
        for (int k = 0; k < record_kind_count; ++k) {
            const std::string prefix = std::string("$.") + to_string(static_cast<RecordKind>(k)) + "[";
            if (path.compare(0, prefix.size(), prefix) != 0) continue;
            const std::size_t row = std::strtoul(path.c_str() + prefix.size(), nullptr, 10);
            const std::size_t b = base_count_[static_cast<std::size_t>(k)];
            if (row >= b && row - b < origin_[static_cast<std::size_t>(k)].size()) {
                const Origin& o = origin_[static_cast<std::size_t>(k)][row - b];
                if (!o.file.empty()) {
                    file = o.file;
                    pos = {o.line, 1};
                }
            } else if (row < b) {
                file = "(base bundle)";
            }
        }
        issue(is.severity == Severity::error ? Level::error : Level::warning, file, pos, is.path + ": " + is.message);
    }
    res_.dataset = loaded.value().dataset;
}

void Importer::run(const std::vector<CsvFile>& files) {
    for (const DuplicateDecision& d : opt_.decisions) {
        if (d.same) same_as_.emplace(d.id, d.other);
        else distinct_.insert({d.id, d.other});
    }
    take_base();
    std::vector<const CsvFile*> ordered;
    for (const CsvFile& f : files)
        if (!csvcols::find(f.name))
            issue(Level::warning, f.name, {0, 0}, "ignored: not a file the importer reads (it reads meta.csv, sources.csv, "
                                                "institutions.csv, innovations.csv, awards.csv, events.csv, participants.csv, "
                                                "replications.csv, cohorts.csv, figures.csv)");
    for (const std::string& name : csv_file_names()) {
        const CsvFile* f = nullptr;
        for (const CsvFile& c : files)
            if (c.name == name) f = &c;
        if (!f) continue;
        Sheet sh;
        if (!open(*f, sh)) continue;
        if (name == "meta.csv") read_meta(sh);
        else if (name == "sources.csv") read_sources(sh);
        else if (name == "institutions.csv") read_institutions(sh);
        else if (name == "innovations.csv") read_innovations(sh);
        else if (name == "awards.csv") read_awards(sh);
        else if (name == "events.csv") read_events(sh);
        else if (name == "participants.csv") read_participants(sh);
        else if (name == "replications.csv") read_replications(sh);
        else if (name == "cohorts.csv") read_cohorts(sh);
        else if (name == "figures.csv") read_figures(sh);
    }
    read_figure_compare();
    if (!have_meta_) {
        ds_.meta = opt_.meta;
        have_meta_ = !ds_.meta.title.empty();
    }
    if (ds_.meta.title.empty() || !ds_.meta.created.known())
        issue(Level::error, "meta.csv", {0, 0}, "the bundle needs a title and a created date: give meta.csv (key,value rows) or a base bundle");
    resolve_deferred();
    report_duplicates();
    report_duplicate_replications();
    report_duplicate_figures();
    finish();
    std::stable_sort(res_.issues.begin(), res_.issues.end(), [](const ImportIssue& a, const ImportIssue& b) {
        auto rank = [](const std::string& f) {
            const auto& names = csv_file_names();
            const auto it = std::find(names.begin(), names.end(), f);
            return static_cast<std::size_t>(it - names.begin());
        };
        if (a.file != b.file) return rank(a.file) < rank(b.file);
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

}  // namespace

ImportResult import_csv(const std::vector<CsvFile>& files, const ImportOptions& options) {
    ImportResult res;
    Importer im(options, res);
    im.run(files);
    return res;
}

}  // namespace atlas
