// Bundle loader and validator. The only place (with bundle_write.cpp) that sees nlohmann.
// Policy: a record with a problem of its own is skipped and each problem is reported;
// a broken optional link to another record is dropped (reported) and the record kept.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <memory>
#include <span>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "bundle_scan.hpp"
#include "core/bundle.hpp"
#include "core/regions.hpp"
#include "core/text.hpp"

namespace atlas {

using json = nlohmann::json;

std::size_t LoadReport::error_count() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::error; }));
}
std::size_t LoadReport::warning_count() const noexcept { return issues.size() - error_count(); }

namespace {

// A member name as a JSON path step: ".name", or "['odd key']" when it is not a plain name.
std::string path_step(std::string_view key) {
    bool plain = !key.empty() && !(key[0] >= '0' && key[0] <= '9');
    for (char c : key)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
    if (plain) return "." + std::string(key);
    std::string out = "['";
    for (char c : key) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "']";
}

// ===========================================================================
// SAX → DOM, noting duplicate keys and oversize strings by JSON path.
// ===========================================================================
class DomBuilder : public nlohmann::json_sax<json> {
public:
    DomBuilder(json& root, const LoadLimits& limits) : root_(root), limits_(limits) {}

    std::vector<std::pair<std::string, std::string>> problems;  // path, message
    std::optional<LoadError> error;

    bool null() override { return put(json(nullptr)); }
    bool boolean(bool v) override { return put(json(v)); }
    bool number_integer(number_integer_t v) override { return put(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return put(json(v)); }
    bool binary(binary_t&) override { return put(json(nullptr)); }
    bool string(string_t& v) override {
        if (v.size() > limits_.max_string_bytes) {
            problems.emplace_back(path(), "text of " + std::to_string(v.size()) + " bytes is over the limit of " +
                                              std::to_string(limits_.max_string_bytes) + " bytes");
            return put(json(""));
        }
        return put(json(std::move(v)));
    }
    bool start_object(std::size_t) override {
        json* j = put_container(json::object());
        stack_.push_back(Frame{j, {}, 0, false});
        return true;
    }
    bool key(string_t& k) override {
        Frame& f = stack_.back();
        f.key = k;
        f.discard = f.node->contains(k);
        if (f.discard) problems.emplace_back(path(), "duplicate key \"" + k + "\" (the first value is kept)");
        return true;
    }
    bool end_object() override { stack_.pop_back(); return true; }
    bool start_array(std::size_t) override {
        json* j = put_container(json::array());
        stack_.push_back(Frame{j, {}, 0, false});
        return true;
    }
    bool end_array() override { stack_.pop_back(); return true; }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        std::string msg = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing …"
        if (auto p = msg.find(": "); p != std::string::npos && msg.rfind("[json.exception", 0) == 0) {
            if (auto q = msg.find(": ", p + 2); q != std::string::npos && msg.find("parse error at line") != std::string::npos)
                msg = msg.substr(q + 2);
            else
                msg = msg.substr(p + 2);
        }
        (void)last_token;  // nlohmann's message already quotes what it last read
        error = LoadError{ErrorCode::syntax, "not valid JSON: " + msg, {}, 0, 0};
        error_offset = position == 0 ? 0 : position - 1;
        return false;
    }
    std::size_t error_offset = 0;

private:
    struct Frame {
        json* node;
        std::string key;
        std::size_t index;
        bool discard;
    };
    json& root_;
    const LoadLimits& limits_;
    std::vector<Frame> stack_;
    std::vector<std::unique_ptr<json>> discarded_;
    bool have_root_ = false;

    std::string path() const {
        std::string p = "$";
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            if (f.node->is_object()) {
                p += path_step(f.key);
            } else if (f.index > 0) {
                p += '[' + std::to_string(f.index - 1) + ']';  // index counts the elements begun so far
            }
        }
        return p;
    }

    json* slot() {
        if (stack_.empty()) {
            have_root_ = true;
            return &root_;
        }
        Frame& f = stack_.back();
        if (f.node->is_array()) {
            f.node->push_back(json());
            ++f.index;
            return &f.node->back();
        }
        if (f.discard) {
            // The duplicate's value is parsed into a place of its own, kept until the end:
            // frames below may still point into it.
            f.discard = false;
            discarded_.push_back(std::make_unique<json>());
            return discarded_.back().get();
        }
        return &(*f.node)[f.key];
    }
    bool put(json&& v) {
        *slot() = std::move(v);
        return true;
    }
    json* put_container(json&& v) {
        json* s = slot();
        *s = std::move(v);
        return s;
    }
};

// ===========================================================================
// Record reading with paths
// ===========================================================================
const char* type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        default: return "something else";
    }
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    auto ok = [](char c, bool first) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
        return !first && (c == '.' || c == '_' || c == ':' || c == '-');
    };
    for (std::size_t i = 0; i < id.size(); ++i)
        if (!ok(id[i], i == 0)) return false;
    return true;
}

bool valid_region_shape(std::string_view c) {
    auto d2 = [&](std::size_t at) {
        return c.size() >= at + 2 && std::isdigit(static_cast<unsigned char>(c[at])) &&
               std::isdigit(static_cast<unsigned char>(c[at + 1]));
    };
    if (c.size() == 2) return d2(0);
    if (c.size() == 5) return d2(0) && c[2] == '.' && d2(3);
    if (c.size() == 8 || c.size() == 9)
        return d2(0) && c[2] == '.' && d2(3) && c[5] == '.' && d2(6) &&
               (c.size() == 8 || std::isdigit(static_cast<unsigned char>(c[8])));
    return false;
}

struct IdEntry {
    RecordKind kind;
    std::uint32_t index;           // position in its array in the file
    std::uint32_t row = 0xFFFFFFFFu;  // row in the Dataset once kept
    bool attempted = false;        // its record has been read (kept or skipped)
};

const char* singular(RecordKind k) {
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

// "an innovation", "a replication".
std::string with_article(RecordKind k) {
    std::string noun = singular(k);
    bool vowel = noun[0] == 'a' || noun[0] == 'e' || noun[0] == 'i' || noun[0] == 'o' || noun[0] == 'u';
    return (vowel ? "an " : "a ") + noun;
}

class Reader;

// One record being read: collects its problems; `ok` false means it will be skipped.
class Rec {
public:
    Rec(Reader& r, const json& obj, std::string path) : r_(r), obj_(obj), path_(std::move(path)) {}
    bool ok = true;
    const std::string& path() const { return path_; }
    std::string at(std::string_view field) const { return path_ + "." + std::string(field); }

    void error(std::string_view field, std::string msg);
    void warn(std::string_view field, std::string msg);

    const json* get(std::string_view key) {
        seen_.push_back(key);
        auto it = obj_.find(key);
        return it == obj_.end() ? nullptr : &*it;
    }
    std::string str(std::string_view key, bool required) {
        const json* j = get(key);
        if (!j) {
            if (required) error(key, "missing required field \"" + std::string(key) + "\"");
            return {};
        }
        if (!j->is_string()) {
            error(key, std::string("must be a string, found ") + type_name(*j));
            return {};
        }
        const std::string& s = j->get_ref<const std::string&>();
        if (required && text::trim(s).empty()) {
            error(key, "must not be empty");
            return {};
        }
        return s;
    }
    std::int64_t integer(std::string_view key, std::int64_t lo, std::int64_t hi, std::int64_t fallback) {
        const json* j = get(key);
        if (!j) return fallback;
        if (j->is_number_float()) {
            double d = j->get<double>();
            if (std::floor(d) != d || !std::isfinite(d)) {
                error(key, "must be a whole number, found " + j->dump());
                return fallback;
            }
        } else if (!j->is_number()) {
            error(key, std::string("must be an integer, found ") + type_name(*j));
            return fallback;
        }
        if (j->is_number_unsigned() && j->get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) {
            error(key, j->dump() + " is out of range (" + std::to_string(lo) + "–" + std::to_string(hi) + ")");
            return fallback;
        }
        double d = j->get<double>();
        if (d < static_cast<double>(lo) || d > static_cast<double>(hi)) {
            error(key, j->dump() + " is out of range (" + std::to_string(lo) + "–" + std::to_string(hi) + ")");
            return fallback;
        }
        return static_cast<std::int64_t>(d);
    }
    bool boolean(std::string_view key, bool fallback) {
        const json* j = get(key);
        if (!j) return fallback;
        if (!j->is_boolean()) {
            error(key, std::string("must be true or false, found ") + type_name(*j));
            return fallback;
        }
        return j->get<bool>();
    }
    Date date(std::string_view key, const json* j_override = nullptr, const std::string* path_override = nullptr);
    std::string region(std::string_view key, bool required);
    std::string one_of(std::string_view key, std::span<const std::string_view> allowed, bool required) {
        std::string s = str(key, required);
        if (s.empty()) return s;
        if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
            std::string list;
            for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            error(key, "\"" + s + "\" is not one of: " + list);
            return {};
        }
        return s;
    }
    void finish();

private:
    Reader& r_;
    const json& obj_;
    std::string path_;
    std::vector<std::string_view> seen_;
};

class Reader {
public:
    Reader(const json& root, const LoadLimits& limits, LoadReport& report, Dataset& ds,
           std::vector<std::pair<std::string, std::string>> poisoned)
        : root_(root), limits_(limits), report_(report), ds_(ds), regions_(RegionTable::embedded()),
          poisoned_(std::move(poisoned)) {
        std::sort(poisoned_.begin(), poisoned_.end());
        for (auto& [p, m] : poisoned_) issue(Severity::error, p, m);
    }

    void issue(Severity s, std::string path, std::string msg) {
        report_.issues.push_back(Issue{s, std::move(path), std::move(msg)});
    }
    const RegionTable& regions() const { return regions_; }

    bool run();

private:
    friend class Rec;
    const json& root_;
    const LoadLimits& limits_;
    LoadReport& report_;
    Dataset& ds_;
    const RegionTable& regions_;
    std::vector<std::pair<std::string, std::string>> poisoned_;
    std::unordered_map<std::string_view, IdEntry> ids_;
    std::array<std::vector<bool>, record_kind_count> duplicate_;  // per kind, per file index
    std::vector<std::function<void()>> deferred_;
    std::array<std::vector<std::uint32_t>, record_kind_count> file_index_;
    std::unordered_set<std::uint32_t> derived_from_stated_;  // innovations whose file names derived_from  // kept row → position in the file

    std::string path_of(RecordKind kind, std::uint32_t row, std::string_view field) const {
        return std::string("$.") + to_string(kind) + "[" + std::to_string(file_index_[static_cast<int>(kind)][row]) +
               "]." + std::string(field);
    }

    const json* array_of(RecordKind kind) {
        auto it = root_.find(to_string(kind));
        if (it == root_.end()) return nullptr;
        if (!it->is_array()) {
            issue(Severity::error, std::string("$.") + to_string(kind),
                  std::string("must be an array, found ") + type_name(*it) + "; none of its records were read");
            return nullptr;
        }
        return &*it;
    }

    bool poisoned_under(const std::string& path) const {
        auto it = std::lower_bound(poisoned_.begin(), poisoned_.end(), std::make_pair(path, std::string()));
        for (; it != poisoned_.end() && it->first.compare(0, path.size(), path) == 0; ++it) {
            char next = it->first.size() > path.size() ? it->first[path.size()] : '\0';
            if (next == '.' || next == '[') return true;
        }
        return false;
    }

    void register_ids();
    template <class Fn>
    void each(RecordKind kind, Fn read_one);

    // References --------------------------------------------------------------
    // Immediate lookup of a record that must already have been read.
    std::uint32_t resolve_now(Rec& rec, std::string_view field, const std::string& id, RecordKind want, bool required);
    // Lookup after every record has been read: `set` receives the row, or nothing is set.
    void resolve_later(std::string path, std::string id, RecordKind want, std::function<void(std::uint32_t)> set);
    std::string ref_id(Rec& rec, std::string_view field, const json* j);

    void read_cited(Rec& rec, Cited& c);
    void read_meta();
    void read_sources();
    void read_institutions();
    void read_events();
    void read_innovations();
    void read_awards();
    void read_replications();
    void read_cohorts();
    void read_figures();
    std::vector<StageStep> read_stages(Rec& rec, std::string_view field, RecordKind owner, std::uint32_t row);
    void link_derived();
    template <class Next>
    void break_cycles(std::size_t n, Next next, const std::function<void(std::uint32_t, const std::string&)>& on_cycle);
};

void Rec::error(std::string_view field, std::string msg) {
    ok = false;
    r_.issue(Severity::error, field.empty() ? path_ : at(field), std::move(msg));
}
void Rec::warn(std::string_view field, std::string msg) {
    r_.issue(Severity::warning, field.empty() ? path_ : at(field), std::move(msg));
}

Date Rec::date(std::string_view key, const json* j_override, const std::string* path_override) {
    const json* j = j_override ? j_override : get(key);
    if (!j) return {};
    auto fail = [&](std::string msg) {
        ok = false;
        r_.issue(Severity::error, path_override ? *path_override : at(key), std::move(msg));
    };
    if (!j->is_string()) {
        fail(std::string("date must be a string like \"2024-08-15\", found ") + type_name(*j));
        return {};
    }
    const auto& s = j->get_ref<const std::string&>();
    auto d = parse_date(s);
    if (!d) {
        fail("\"" + s.substr(0, 40) + "\" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)");
        return {};
    }
    return *d;
}

std::string Rec::region(std::string_view key, bool required) {
    std::string code = str(key, required);
    if (code.empty()) return code;
    if (!valid_region_shape(code)) {
        error(key, "\"" + code.substr(0, 40) + "\" is not a Kemendagri region code (\"35\", \"35.07\" or \"35.07.01\")");
        return {};
    }
    if (!r_.regions().contains(code)) {
        error(key, "unknown region code \"" + code + "\"");
        return {};
    }
    return code;
}

void Rec::finish() {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
        if (std::find(seen_.begin(), seen_.end(), std::string_view(it.key())) == seen_.end())
            r_.issue(Severity::warning, path_ + path_step(it.key()), "unknown field \"" + it.key() + "\" ignored");
    }
    if (r_.poisoned_under(path_)) ok = false;
}

void Reader::register_ids() {
    for (int k = 0; k < record_kind_count; ++k) {
        auto kind = static_cast<RecordKind>(k);
        auto it = root_.find(to_string(kind));
        if (it == root_.end() || !it->is_array()) continue;
        duplicate_[k].assign(it->size(), false);
        for (std::uint32_t i = 0; i < it->size(); ++i) {
            const json& rec = (*it)[i];
            if (!rec.is_object()) continue;
            auto idf = rec.find("id");
            if (idf == rec.end() || !idf->is_string()) continue;
            const std::string& id = idf->get_ref<const std::string&>();
            if (!valid_id(id)) continue;  // reported when the record is read
            auto [pos, inserted] = ids_.emplace(id, IdEntry{kind, i});
            if (!inserted) {
                duplicate_[k][i] = true;
                issue(Severity::error, std::string("$.") + to_string(kind) + "[" + std::to_string(i) + "].id",
                      "duplicate id \"" + id + "\": already used by $." + to_string(pos->second.kind) + "[" +
                          std::to_string(pos->second.index) + "]");
            }
        }
    }
}

template <class Fn>
void Reader::each(RecordKind kind, Fn read_one) {
    const json* arr = array_of(kind);
    if (!arr) return;
    const int k = static_cast<int>(kind);
    std::size_t n = arr->size();
    report_.read[k] = static_cast<std::uint32_t>(std::min(n, limits_.max_records));
    if (n > limits_.max_records) {
        issue(Severity::error, std::string("$.") + to_string(kind),
              std::to_string(n) + " records is over the limit of " + std::to_string(limits_.max_records) +
                  "; only the first " + std::to_string(limits_.max_records) + " were read");
        n = limits_.max_records;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const json& obj = (*arr)[i];
        std::string path = std::string("$.") + to_string(kind) + "[" + std::to_string(i) + "]";
        if (!obj.is_object()) {
            issue(Severity::error, path, std::string("must be an object, found ") + type_name(obj));
            continue;
        }
        if (duplicate_[k].size() > i && duplicate_[k][i]) continue;  // reported in register_ids
        Rec rec(*this, obj, path);
        std::string id = rec.str("id", true);
        if (!id.empty() && !valid_id(id)) {
            rec.error("id", "\"" + id.substr(0, 40) +
                                "\" is not a valid id (letters, digits and . _ : - ; at most 128 characters)");
        }
        bool kept = read_one(rec, static_cast<std::uint32_t>(i));
        if (auto e = ids_.find(id); e != ids_.end() && e->second.kind == kind && e->second.index == i) {
            e->second.attempted = true;
            if (kept) e->second.row = report_.kept[k];
        }
        if (kept) {
            ++report_.kept[k];
            file_index_[k].push_back(static_cast<std::uint32_t>(i));
        }
    }
}

std::string Reader::ref_id(Rec& rec, std::string_view field, const json* j) {
    if (!j) return {};
    if (!j->is_string()) {
        rec.error(field, std::string("must be an id (a string), found ") + type_name(*j));
        return {};
    }
    return j->get<std::string>();
}

std::uint32_t Reader::resolve_now(Rec& rec, std::string_view field, const std::string& id, RecordKind want,
                                  bool required) {
    auto it = ids_.find(id);
    std::string problem;
    if (it == ids_.end()) {
        problem = std::string("refers to unknown ") + singular(want) + " \"" + id + "\"";
    } else if (it->second.kind != want) {
        problem = "refers to \"" + id + "\", which is " + with_article(it->second.kind) + ", not " + with_article(want);
    } else if (it->second.row == 0xFFFFFFFFu) {
        problem = std::string("refers to ") + singular(want) + " \"" + id + "\", which was skipped because of its own errors";
    } else {
        return it->second.row;
    }
    (void)required;  // a broken link read with its record skips the record either way
    rec.error(field, problem);
    return 0xFFFFFFFFu;
}

void Reader::resolve_later(std::string path, std::string id, RecordKind want, std::function<void(std::uint32_t)> set) {
    deferred_.push_back([this, path = std::move(path), id = std::move(id), want, set = std::move(set)]() {
        auto it = ids_.find(id);
        std::string problem;
        if (it == ids_.end()) {
            problem = std::string("refers to unknown ") + singular(want) + " \"" + id + "\"";
        } else if (it->second.kind != want) {
            problem = "refers to \"" + id + "\", which is " + with_article(it->second.kind) + ", not " + with_article(want);
        } else if (it->second.row == 0xFFFFFFFFu) {
            problem = std::string("refers to ") + singular(want) + " \"" + id + "\", which was skipped because of its own errors";
        } else {
            set(it->second.row);
            return;
        }
        issue(Severity::error, path, problem + " (link dropped, record kept)");
    });
}

void Reader::read_cited(Rec& rec, Cited& c) {
    c.id = rec.str("id", false);
    const json* srcs = rec.get("sources");
    if (!srcs) {
        rec.error("sources", "missing required field \"sources\": every record cites at least one source");
    } else if (!srcs->is_array()) {
        rec.error("sources", std::string("must be an array of source ids, found ") + type_name(*srcs));
    } else if (srcs->empty()) {
        rec.error("sources", "cites no source: every record cites at least one source");
    } else {
        for (std::size_t i = 0; i < srcs->size(); ++i) {
            std::string field = "sources[" + std::to_string(i) + "]";
            std::string id = ref_id(rec, field, &(*srcs)[i]);
            if (id.empty()) continue;
            std::uint32_t row = resolve_now(rec, field, id, RecordKind::source, true);
            if (row != 0xFFFFFFFFu) c.sources.push_back(SourceId(row));
        }
    }
    std::string conf = rec.str("confidence", false);
    if (!conf.empty()) {
        if (auto cv = parse_confidence(conf)) c.confidence = *cv;
        else rec.error("confidence", "\"" + conf.substr(0, 40) + "\" is not one of: high, medium, low");
    }
    c.note = rec.str("note", false);
}

void Reader::read_meta() {
    auto it = root_.find("meta");
    if (it == root_.end() || !it->is_object()) {
        issue(Severity::error, "$.meta",
              it == root_.end() ? "missing required field \"meta\"" : std::string("must be an object, found ") + type_name(*it));
        ds_.meta.title = "(untitled bundle)";
        return;
    }
    Rec rec(*this, *it, "$.meta");
    ds_.meta.title = rec.str("title", true);
    if (ds_.meta.title.empty()) ds_.meta.title = "(untitled bundle)";
    const json* created = rec.get("created");
    if (!created) rec.error("created", "missing required field \"created\"");
    else ds_.meta.created = rec.date("created", created);
    ds_.meta.licence = rec.str("licence", true);
    const json* syn = rec.get("synthetic");
    if (!syn) rec.error("synthetic", "missing required field \"synthetic\"");
    else ds_.meta.synthetic = rec.boolean("synthetic", false);
    ds_.meta.description = rec.str("description", false);
    ds_.meta.generator = rec.str("generator", false);
    rec.finish();
}

void Reader::read_sources() {
    each(RecordKind::source, [&](Rec& rec, std::uint32_t) {
        Source s;
        s.id = rec.str("id", false);
        s.title = rec.str("title", true);
        s.outlet = rec.str("outlet", false);
        s.date = rec.date("date");
        s.url = rec.str("url", false);
        if (!s.url.empty() && s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0)
            rec.error("url", "must start with http:// or https://");
        s.language = rec.str("language", false);
        s.note = rec.str("note", false);
        rec.finish();
        if (!rec.ok) return false;
        ds_.sources.push_back(std::move(s));
        return true;
    });
}

constexpr std::string_view institution_kinds[] = {
    "government", "ministry", "agency", "dinas", "badan", "secretariat", "health_centre", "hospital",
    "school", "kecamatan", "village", "police", "soe", "group", "other"};

void Reader::read_institutions() {
    each(RecordKind::institution, [&](Rec& rec, std::uint32_t) {
        Institution x;
        read_cited(rec, x);
        x.name = rec.str("name", true);
        x.kind = rec.one_of("kind", institution_kinds, true);
        x.region_code = rec.region("region_code", false);
        std::string parent = ref_id(rec, "parent", rec.get("parent"));
        x.member_count = static_cast<std::uint32_t>(rec.integer("member_count", 1, 10'000'000, 0));
        rec.finish();
        if (!rec.ok) return false;
        std::uint32_t row = static_cast<std::uint32_t>(ds_.institutions.size());
        if (!parent.empty())
            resolve_later(rec.at("parent"), parent, RecordKind::institution,
                          [this, row](std::uint32_t p) { ds_.institutions[row].parent = InstitutionId(p); });
        ds_.institutions.push_back(std::move(x));
        return true;
    });
}

constexpr std::string_view event_kinds[] = {
    "program", "commitment_signing", "action_plan", "exhibition", "workshop", "coaching", "forum", "competition", "other"};
constexpr std::string_view participant_roles[] = {
    "facilitator", "host", "opener", "speaker", "signatory", "witness", "presenter", "participant", "visitor", "organiser"};

void Reader::read_events() {
    each(RecordKind::event, [&](Rec& rec, std::uint32_t) {
        Event e;
        read_cited(rec, e);
        e.name = rec.str("name", true);
        e.kind = rec.one_of("kind", event_kinds, true);
        e.date = rec.date("date");
        e.end_date = rec.date("end_date");
        if (date_before(e.end_date, e.date))
            rec.error("end_date", "ends before it starts (" + e.date.to_string() + ")");
        e.place = rec.str("place", false);
        e.region_code = rec.region("region_code", false);
        e.online = rec.boolean("online", false);
        std::string part_of = ref_id(rec, "part_of", rec.get("part_of"));
        const std::uint32_t row = static_cast<std::uint32_t>(ds_.events.size());
        std::vector<std::function<void()>> links;  // registered only if the record is kept

        if (const json* ps = rec.get("participants"); ps) {
            if (!ps->is_array()) {
                rec.error("participants", std::string("must be an array, found ") + type_name(*ps));
            } else {
                for (std::size_t i = 0; i < ps->size(); ++i) {
                    std::string ppath = rec.at("participants[" + std::to_string(i) + "]");
                    if (!(*ps)[i].is_object()) {
                        rec.error("participants[" + std::to_string(i) + "]",
                                  std::string("must be an object, found ") + type_name((*ps)[i]));
                        continue;
                    }
                    Rec pr(*this, (*ps)[i], ppath);
                    Participant p;
                    p.role = pr.one_of("role", participant_roles, true);
                    p.person = pr.str("person", false);
                    p.position = pr.str("position", false);
                    std::string inst = ref_id(pr, "institution", pr.get("institution"));
                    p.description = pr.str("description", false);
                    p.count = static_cast<std::uint32_t>(pr.integer("count", 1, 100'000'000, 0));
                    pr.finish();
                    if (!pr.ok) { rec.ok = false; continue; }
                    std::uint32_t pi = static_cast<std::uint32_t>(e.participants.size());
                    if (!inst.empty())
                        links.push_back([this, row, pi, inst, path = pr.at("institution")] {
                            resolve_later(path, inst, RecordKind::institution, [this, row, pi](std::uint32_t v) {
                                ds_.events[row].participants[pi].institution = InstitutionId(v);
                            });
                        });
                    e.participants.push_back(std::move(p));
                }
            }
        }
        if (const json* inns = rec.get("innovations"); inns) {
            if (!inns->is_array()) {
                rec.error("innovations", std::string("must be an array of innovation ids, found ") + type_name(*inns));
            } else {
                for (std::size_t i = 0; i < inns->size(); ++i) {
                    std::string field = "innovations[" + std::to_string(i) + "]";
                    std::string id = ref_id(rec, field, &(*inns)[i]);
                    if (id.empty()) continue;
                    links.push_back([this, row, id, path = rec.at(field)] {
                        resolve_later(path, id, RecordKind::innovation, [this, row](std::uint32_t v) {
                            ds_.events[row].innovations.push_back(InnovationId(v));
                        });
                    });
                }
            }
        }
        rec.finish();
        if (!rec.ok) return false;
        if (!part_of.empty())
            resolve_later(rec.at("part_of"), part_of, RecordKind::event,
                          [this, row](std::uint32_t v) { ds_.events[row].part_of = EventId(v); });
        for (auto& l : links) l();
        ds_.events.push_back(std::move(e));
        return true;
    });
}

constexpr std::string_view statuses[] = {"active", "inactive", "unknown"};
constexpr std::string_view award_groups[] = {"umum", "replikasi", "khusus"};

void Reader::read_innovations() {
    each(RecordKind::innovation, [&](Rec& rec, std::uint32_t) {
        Innovation x;
        read_cited(rec, x);
        x.name = rec.str("name", true);
        x.acronym_expansion = rec.str("acronym_expansion", false);
        x.description = rec.str("description", false);
        if (std::string owner = ref_id(rec, "owner", rec.get("owner")); !owner.empty()) {
            x.owner = InstitutionId(resolve_now(rec, "owner", owner, RecordKind::institution, true));
        } else if (rec.get("owner") == nullptr) {
            rec.error("owner", "missing required field \"owner\"");
        }
        std::string unit = ref_id(rec, "unit", rec.get("unit"));
        if (!unit.empty()) x.unit = InstitutionId(resolve_now(rec, "unit", unit, RecordKind::institution, false));
        x.region_code = rec.region("region_code", false);
        x.sector = rec.str("sector", false);
        x.year_started = static_cast<std::int16_t>(rec.integer("year_started", 1945, 2100, 0));
        x.status = rec.one_of("status", statuses, false);
        std::string derived_from = ref_id(rec, "derived_from", rec.get("derived_from"));
        rec.finish();
        if (!rec.ok) return false;
        const std::uint32_t row = static_cast<std::uint32_t>(ds_.innovations.size());
        // The innovation's region defaults to its owner's when not given.
        if (x.region_code.empty() && x.owner) x.region_code = ds_.institutions[x.owner.value].region_code;
        if (!derived_from.empty())
            resolve_later(rec.at("derived_from"), derived_from, RecordKind::replication,
                          [this, row](std::uint32_t v) {
                              ds_.innovations[row].derived_from = ReplicationId(v);
                              derived_from_stated_.insert(row);
                          });
        ds_.innovations.push_back(std::move(x));
        return true;
    });
}

void Reader::read_awards() {
    each(RecordKind::award, [&](Rec& rec, std::uint32_t) {
        Award a;
        read_cited(rec, a);
        std::string inn = ref_id(rec, "innovation", rec.get("innovation"));
        if (inn.empty()) {
            if (!rec.get("innovation")) rec.error("innovation", "missing required field \"innovation\"");
        } else {
            a.innovation = InnovationId(resolve_now(rec, "innovation", inn, RecordKind::innovation, true));
        }
        a.competition = rec.str("competition", true);
        a.year = static_cast<std::int16_t>(rec.integer("year", 1945, 2100, 0));
        a.tier = rec.str("tier", false);
        a.group = rec.one_of("group", award_groups, false);
        rec.finish();
        if (!rec.ok) return false;
        ds_.awards.push_back(std::move(a));
        return true;
    });
}

std::vector<StageStep> Reader::read_stages(Rec& rec, std::string_view field, RecordKind owner, std::uint32_t row) {
    std::vector<StageStep> steps;
    const json* arr = rec.get(field);
    if (!arr) {
        rec.error(field, "missing required field \"stages\"");
        return steps;
    }
    if (!arr->is_array() || arr->empty()) {
        rec.error(field, arr->is_array() ? std::string("must list at least one stage")
                                         : std::string("must be an array, found ") + type_name(*arr));
        return steps;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        std::string sfield = std::string(field) + "[" + std::to_string(i) + "]";
        const json& s = (*arr)[i];
        if (!s.is_object()) {
            rec.error(sfield, std::string("must be an object, found ") + type_name(s));
            continue;
        }
        Rec sr(*this, s, rec.at(sfield));
        StageStep step;
        std::string name = sr.str("stage", true);
        if (!name.empty()) {
            if (auto st = parse_stage(name)) step.stage = *st;
            else sr.error("stage", "\"" + name.substr(0, 40) + "\" is not one of: interest, commitment, action_plan, implemented");
        }
        step.date = sr.date("date");
        std::string ev = ref_id(sr, "event", sr.get("event"));
        sr.finish();
        if (!sr.ok) { rec.ok = false; continue; }
        if (std::any_of(steps.begin(), steps.end(), [&](const StageStep& o) { return o.stage == step.stage; })) {
            rec.error(sfield, std::string("stage \"") + to_string(step.stage) + "\" is listed twice");
            continue;
        }
        if (!ev.empty()) {
            std::uint32_t e = resolve_now(sr, "event", ev, RecordKind::event, false);
            if (e == 0xFFFFFFFFu) rec.ok = false;
            else step.event = EventId(e);
        }
        steps.push_back(step);
    }
    std::sort(steps.begin(), steps.end(), [](const StageStep& a, const StageStep& b) { return a.stage < b.stage; });
    // Stages happen in order: a later stage dated before an earlier one is suspicious, not fatal.
    for (std::size_t i = 1; i < steps.size(); ++i) {
        if (date_before(steps[i].date, steps[i - 1].date))
            rec.warn(field, std::string("stage \"") + to_string(steps[i].stage) + "\" (" + steps[i].date.to_string() +
                                ") is dated before \"" + to_string(steps[i - 1].stage) + "\" (" +
                                steps[i - 1].date.to_string() + ")");
    }
    (void)owner;
    (void)row;
    return steps;
}

void Reader::read_replications() {
    each(RecordKind::replication, [&](Rec& rec, std::uint32_t) {
        Replication r;
        read_cited(rec, r);
        std::string src = ref_id(rec, "source", rec.get("source"));
        if (src.empty()) rec.error("source", "missing required field \"source\"");
        else r.source = InnovationId(resolve_now(rec, "source", src, RecordKind::innovation, true));
        std::string adopter = ref_id(rec, "adopter", rec.get("adopter"));
        if (adopter.empty()) rec.error("adopter", "missing required field \"adopter\"");
        else r.adopter = InstitutionId(resolve_now(rec, "adopter", adopter, RecordKind::institution, true));
        r.region_code = rec.region("region_code", false);
        r.adopter_count = static_cast<std::uint32_t>(rec.integer("adopter_count", 1, 10'000'000, 1));
        std::string program = ref_id(rec, "program", rec.get("program"));
        if (!program.empty()) {
            std::uint32_t p = resolve_now(rec, "program", program, RecordKind::event, false);
            if (p != 0xFFFFFFFFu) r.program = EventId(p);
        }
        const std::uint32_t row = static_cast<std::uint32_t>(ds_.replications.size());
        r.stages = read_stages(rec, "stages", RecordKind::replication, row);
        std::string derived = ref_id(rec, "derived", rec.get("derived"));
        if (!derived.empty()) {
            std::uint32_t d = resolve_now(rec, "derived", derived, RecordKind::innovation, false);
            if (d != 0xFFFFFFFFu) r.derived = InnovationId(d);
        }
        rec.finish();
        if (!rec.ok) return false;
        if (r.region_code.empty() && r.adopter) r.region_code = ds_.institutions[r.adopter.value].region_code;
        ds_.replications.push_back(std::move(r));
        return true;
    });
}

void Reader::read_cohorts() {
    each(RecordKind::cohort, [&](Rec& rec, std::uint32_t) {
        Cohort c;
        read_cited(rec, c);
        std::string program = ref_id(rec, "program", rec.get("program"));
        if (program.empty()) rec.error("program", "missing required field \"program\"");
        else c.program = EventId(resolve_now(rec, "program", program, RecordKind::event, true));
        auto id_list = [&](std::string_view field, RecordKind kind, bool required, auto& out) {
            const json* arr = rec.get(field);
            if (!arr) {
                if (required) rec.error(field, "missing required field \"" + std::string(field) + "\"");
                return;
            }
            if (!arr->is_array()) {
                rec.error(field, std::string("must be an array of ids, found ") + type_name(*arr));
                return;
            }
            if (required && arr->empty()) rec.error(field, "must list at least one id");
            for (std::size_t i = 0; i < arr->size(); ++i) {
                std::string f = std::string(field) + "[" + std::to_string(i) + "]";
                std::string id = ref_id(rec, f, &(*arr)[i]);
                if (id.empty()) continue;
                std::uint32_t row = resolve_now(rec, f, id, kind, required);
                if (row != 0xFFFFFFFFu) out.emplace_back(row);
            }
        };
        id_list("innovations", RecordKind::innovation, true, c.innovations);
        id_list("adopters", RecordKind::institution, false, c.adopters);
        c.adopter_count = static_cast<std::uint32_t>(rec.integer("adopter_count", 1, 10'000'000, 0));
        if (const json* rc = rec.get("region_codes"); rc) {
            if (!rc->is_array()) {
                rec.error("region_codes", std::string("must be an array of region codes, found ") + type_name(*rc));
            } else {
                for (std::size_t i = 0; i < rc->size(); ++i) {
                    const json& v = (*rc)[i];
                    std::string f = "region_codes[" + std::to_string(i) + "]";
                    if (!v.is_string()) { rec.error(f, std::string("must be a string, found ") + type_name(v)); continue; }
                    const std::string& code = v.get_ref<const std::string&>();
                    if (!valid_region_shape(code)) rec.error(f, "\"" + code.substr(0, 40) + "\" is not a Kemendagri region code (\"35\", \"35.07\" or \"35.07.01\")");
                    else if (!regions_.contains(code)) rec.error(f, "unknown region code \"" + code + "\"");
                    else c.region_codes.push_back(code);
                }
            }
        }
        c.stages = read_stages(rec, "stages", RecordKind::cohort, 0);
        if (c.adopter_count != 0 && !c.adopters.empty() && c.adopter_count < c.adopters.size())
            rec.error("adopter_count", "is " + std::to_string(c.adopter_count) + " but " +
                                           std::to_string(c.adopters.size()) + " adopters are listed");
        rec.finish();
        if (!rec.ok) return false;
        ds_.cohorts.push_back(std::move(c));
        return true;
    });
}

void Reader::read_figures() {
    each(RecordKind::figure, [&](Rec& rec, std::uint32_t) {
        Figure f;
        read_cited(rec, f);
        f.metric = rec.str("metric", true);
        if (const json* v = rec.get("value"); v) {
            if (!v->is_number()) rec.error("value", std::string("must be a number, found ") + type_name(*v));
            else f.value = v->get<double>();
        }
        f.value_text = rec.str("value_text", false);
        if (!f.value && f.value_text.empty()) rec.error("value", "a figure needs \"value\" or \"value_text\"");
        f.unit = rec.str("unit", false);
        f.scope = rec.str("scope", true);
        f.period = rec.str("period", true);
        rec.finish();
        if (!rec.ok) return false;
        ds_.figures.push_back(std::move(f));
        return true;
    });
}

// Finds cycles in a graph where each node has at most one successor (parent links).
template <class Next>
void Reader::break_cycles(std::size_t n, Next next, const std::function<void(std::uint32_t, const std::string&)>& on_cycle) {
    std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on current walk, 2 done
    std::vector<std::uint32_t> walk;
    for (std::uint32_t start = 0; start < n; ++start) {
        if (state[start]) continue;
        walk.clear();
        std::uint32_t v = start;
        while (v != 0xFFFFFFFFu && state[v] == 0) {
            state[v] = 1;
            walk.push_back(v);
            v = next(v);
        }
        if (v != 0xFFFFFFFFu && state[v] == 1) {
            // v closes a cycle: describe it and cut the link leaving the last node of the walk.
            auto from = std::find(walk.begin(), walk.end(), v);
            std::string chain;
            for (auto it = from; it != walk.end(); ++it) chain += std::to_string(*it) + " → ";
            on_cycle(walk.back(), chain);
        }
        for (auto w : walk) state[w] = 2;
    }
}

void Reader::link_derived() {
    // A replication's `derived` and the innovation's `derived_from` name the same link; either
    // side alone is enough, both must agree.
    for (std::uint32_t r = 0; r < ds_.replications.size(); ++r) {
        Replication& rep = ds_.replications[r];
        if (!rep.derived) continue;
        Innovation& child = ds_.innovations[rep.derived.value];
        if (!child.derived_from) {
            child.derived_from = ReplicationId(r);
        } else if (child.derived_from.value != r) {
            issue(Severity::error, path_of(RecordKind::replication, r, "derived"),
                  "names \"" + child.id + "\" as its derived innovation, but that innovation says it derives from \"" +
                      ds_.replications[child.derived_from.value].id + "\" (link dropped)");
            rep.derived = {};
        }
    }
    for (std::uint32_t i = 0; i < ds_.innovations.size(); ++i) {
        Innovation& inn = ds_.innovations[i];
        if (!inn.derived_from) continue;
        Replication& rep = ds_.replications[inn.derived_from.value];
        if (!rep.derived) rep.derived = InnovationId(i);
    }
    // Lineage cycles: an innovation cannot descend from itself.
    auto parent = [&](std::uint32_t i) -> std::uint32_t {
        ReplicationId r = ds_.innovations[i].derived_from;
        return r ? ds_.replications[r.value].source.value : 0xFFFFFFFFu;
    };
    break_cycles(ds_.innovations.size(), parent, [&](std::uint32_t last, const std::string&) {
        // Name the cycle by ids for the message.
        std::string chain = ds_.innovations[last].id;
        std::uint32_t v = parent(last);
        for (std::size_t guard = 0; v != last && guard < 50 && v != 0xFFFFFFFFu; ++guard) {
            chain = ds_.innovations[v].id + " → " + chain;
            v = parent(v);
        }
        chain = ds_.innovations[last].id + " → " + chain;
        const std::uint32_t rep_row = ds_.innovations[last].derived_from.value;
        Replication& rep = ds_.replications[rep_row];
        // Report the link where the file states it.
        issue(Severity::error,
              derived_from_stated_.count(last) ? path_of(RecordKind::innovation, last, "derived_from")
                                               : path_of(RecordKind::replication, rep_row, "derived"),
              "lineage cycle: " + chain + " (an innovation cannot descend from itself; link dropped)");
        rep.derived = {};
        ds_.innovations[last].derived_from = {};
    });
    auto inst_parent = [&](std::uint32_t i) { return ds_.institutions[i].parent.value; };
    break_cycles(ds_.institutions.size(), inst_parent, [&](std::uint32_t last, const std::string&) {
        issue(Severity::error, path_of(RecordKind::institution, last, "parent"),
              "institution hierarchy cycle through \"" + ds_.institutions[last].id + "\" (link dropped)");
        ds_.institutions[last].parent = {};
    });
    auto ev_parent = [&](std::uint32_t i) { return ds_.events[i].part_of.value; };
    break_cycles(ds_.events.size(), ev_parent, [&](std::uint32_t last, const std::string&) {
        issue(Severity::error, path_of(RecordKind::event, last, "part_of"),
              "event \"part_of\" cycle through \"" + ds_.events[last].id + "\" (link dropped)");
        ds_.events[last].part_of = {};
    });
}

bool Reader::run() {
    if (!root_.is_object()) return false;
    static constexpr std::string_view top_keys[] = {"format", "version", "meta", "sources", "institutions",
                                                    "innovations", "awards", "events", "replications",
                                                    "cohorts", "figures"};
    for (auto it = root_.begin(); it != root_.end(); ++it) {
        if (std::find(std::begin(top_keys), std::end(top_keys), it.key()) == std::end(top_keys))
            issue(Severity::warning, "$" + path_step(it.key()), "unknown field \"" + it.key() + "\" ignored");
    }
    read_meta();
    register_ids();
    if (auto src = root_.find("sources"); src == root_.end())
        issue(Severity::error, "$.sources", "missing required field \"sources\"");

    read_sources();
    read_institutions();
    read_events();
    read_innovations();
    read_awards();
    read_replications();
    read_cohorts();
    read_figures();
    for (auto& d : deferred_) d();
    link_derived();
    return true;
}

}  // namespace

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return LoadError{ErrorCode::io, "cannot open " + path, {}, 0, 0};
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size < 0) return LoadError{ErrorCode::io, "cannot read " + path + " (is it a directory?)", {}, 0, 0};
    if (static_cast<std::uint64_t>(size) > max_bytes)
        return LoadError{ErrorCode::too_large,
                         path + " is " + std::to_string(size) + " bytes; the limit is " + std::to_string(max_bytes) + " bytes",
                         {}, 0, 0};
    std::string data(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (size > 0 && !in.read(data.data(), size)) return LoadError{ErrorCode::io, "cannot read " + path, {}, 0, 0};
    return data;
}

Result<LoadedBundle> load_bundle(std::string_view bytes, const LoadLimits& limits) {
    std::size_t skip = 0;
    if (auto err = detail::prescan(bytes, limits, skip)) return *err;
    if (text::trim(bytes.substr(skip)).empty()) return LoadError{ErrorCode::syntax, "file is empty", {}, 1, 1};

    LoadedBundle out;
    out.report.bytes = bytes.size();
    if (skip) out.report.issues.push_back(Issue{Severity::warning, "$", "UTF-8 byte order mark ignored"});

    json root;
    DomBuilder builder(root, limits);
    std::string_view body = bytes.substr(skip);
    bool parsed = json::sax_parse(body.begin(), body.end(), &builder, json::input_format_t::json, true);
    if (!parsed || builder.error) {
        LoadError e = builder.error.value_or(LoadError{ErrorCode::syntax, "not valid JSON", {}, 0, 0});
        auto pos = detail::position_of(bytes, skip + builder.error_offset);
        e.line = pos.line;
        e.column = pos.column;
        return e;
    }
    if (!root.is_object())
        return LoadError{ErrorCode::bad_format, std::string("top level must be a JSON object, found ") + type_name(root), "$", 0, 0};
    auto fmt = root.find("format");
    if (fmt == root.end() || !fmt->is_string() || fmt->get_ref<const std::string&>() != bundle_format_name)
        return LoadError{ErrorCode::bad_format,
                         "not an Atlas Inovasi bundle: \"format\" must be \"" + std::string(bundle_format_name) + "\"",
                         "$.format", 0, 0};
    auto ver = root.find("version");
    if (ver == root.end() || !ver->is_number_integer() || ver->get<std::int64_t>() != bundle_format_version)
        return LoadError{ErrorCode::bad_format,
                         (ver == root.end() ? std::string("missing \"version\"") : "version " + ver->dump()) +
                             ": this atlas reads bundle format version " + std::to_string(bundle_format_version),
                         "$.version", 0, 0};

    auto ds = std::make_shared<Dataset>();
    Reader reader(root, limits, out.report, *ds, std::move(builder.problems));
    reader.run();
    ds->build_relations();
    out.dataset = std::move(ds);
    return out;
}

Result<LoadedBundle> load_bundle_file(const std::string& path, const LoadLimits& limits) {
    auto bytes = read_file(path, limits.max_bytes);
    if (!bytes) return bytes.error();
    return load_bundle(bytes.value(), limits);
}

}  // namespace atlas
