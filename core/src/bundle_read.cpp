// Bundle loader and validator. nlohmann parses (json_doc.cpp builds a compact document from
// its SAX events); this file reads records from that document.
// Policy: a record with a problem of its own is skipped and each problem is reported;
// a broken optional link to another record is dropped (reported) and the record kept.
#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "bundle_scan.hpp"
#include "core/bundle.hpp"
#include "core/regions.hpp"
#include "core/text.hpp"
#include "json_doc.hpp"

namespace atlas {

namespace {
std::size_t listed_errors(const std::vector<Issue>& issues) noexcept {
    return static_cast<std::size_t>(
        std::count_if(issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::error; }));
}
}  // namespace
std::size_t LoadReport::error_count() const noexcept { return listed_errors(issues) + unlisted_errors; }
std::size_t LoadReport::warning_count() const noexcept {
    return issues.size() - listed_errors(issues) + unlisted_warnings;
}

namespace {

using jdoc::Value;
using jdoc::path_step;

constexpr std::uint32_t no_row = 0xFFFFFFFFu;

// ===========================================================================
// Record reading with paths
// ===========================================================================
const char* type_name(Value j) {
    switch (j.type()) {
        case jdoc::Type::null: return "null";
        case jdoc::Type::object: return "an object";
        case jdoc::Type::array: return "an array";
        case jdoc::Type::string: return "a string";
        case jdoc::Type::boolean: return "a boolean";
        case jdoc::Type::integer:
        case jdoc::Type::unsigned_integer: return "an integer";
        case jdoc::Type::floating: return "a number";
    }
    return "something else";
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
    std::uint32_t index;         // position in its array in the file
    std::uint32_t row = no_row;  // row in the Dataset once kept
    RecordKind kind;
};

// id → IdEntry: one flat open-addressing table of 32-byte slots, sized once for every id of
// the file (so a slot number stays valid). A slot holds the entry and the id itself when it
// is short (as record ids are), so that a lookup usually reads one cache line.
class IdMap {
public:
    static constexpr std::uint32_t none = 0xFFFFFFFFu;

    // Room for n ids; called once, before any emplace.
    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap < n * 2) cap *= 2;
        jdoc::reserve_large(slots_, cap);
        slots_.resize(cap);
        room_ = n;
    }
    IdEntry& entry(std::uint32_t slot) noexcept { return slots_[slot].entry; }

    // Starts fetching the slot where a lookup of id begins: lookups are mostly cache misses,
    // and fetching a few ahead lets them overlap.
    void prefetch(std::string_view id) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash(id) & (slots_.size() - 1)]);
#else
        (void)id;
#endif
    }

    // Slot of id, or none.
    std::uint32_t find(std::string_view id) const noexcept {
        if (slots_.empty() || id.empty()) return none;
        const std::uint64_t h = hash(id);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = h & mask;; at = (at + 1) & mask) {
            const Slot& s = slots_[at];
            if (s.empty()) return none;
            if (s.tag == tag && s.is(id)) return static_cast<std::uint32_t>(at);
        }
    }
    // Slot for a non-empty id: a new one (true), or the one already there (false); none when
    // the table is full (more ids than reserved for).
    std::pair<std::uint32_t, bool> emplace(std::string_view id, const IdEntry& e) {
        if (id.empty() || used_ == room_) return {none, false};
        const std::uint64_t h = hash(id);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = h & mask;
        for (;; at = (at + 1) & mask) {
            const Slot& s = slots_[at];
            if (s.empty()) break;
            if (s.tag == tag && s.is(id)) return {static_cast<std::uint32_t>(at), false};
        }
        slots_[at].set(tag, id, e);
        ++used_;
        return {static_cast<std::uint32_t>(at), true};
    }

private:
    struct Slot {
        static constexpr std::size_t inline_max = 15;
        std::uint32_t tag = 0;  // high half of the hash
        IdEntry entry{0, no_row, RecordKind::source};
        std::uint8_t len = 0;   // 0: empty; 1..15: the id is in head; long_id: head holds its size and address
        char head[inline_max] = {};
        static constexpr std::uint8_t long_id = 0xFF;

        bool empty() const noexcept { return len == 0; }
        void set(std::uint32_t t, std::string_view id, const IdEntry& e) {
            tag = t;
            entry = e;
            if (id.size() <= inline_max) {
                len = static_cast<std::uint8_t>(id.size());
                std::memcpy(head, id.data(), id.size());
            } else {
                len = long_id;
                const auto size = static_cast<std::uint32_t>(id.size());
                const char* data = id.data();
                std::memcpy(head, &size, sizeof size);
                std::memcpy(head + sizeof size, &data, sizeof data);
            }
        }
        bool is(std::string_view id) const noexcept {
            if (len != long_id) return id.size() == len && jdoc::equal_bytes(head, id.data(), len);
            std::uint32_t size;
            const char* data;
            std::memcpy(&size, head, sizeof size);
            std::memcpy(&data, head + sizeof size, sizeof data);
            return id.size() == size && jdoc::equal_bytes(data, id.data(), size);
        }
    };
    static_assert(sizeof(Slot) == 32);
    std::vector<Slot> slots_;
    std::size_t room_ = 0, used_ = 0;

    static std::uint64_t hash(std::string_view s) noexcept {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
        const std::size_t n = s.size();
        auto mix = [&h](std::uint64_t w) {
            h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 31;
        };
        if (n >= 8) {
            std::size_t i = 0;
            for (; i + 8 <= n; i += 8) {
                std::uint64_t w;
                std::memcpy(&w, s.data() + i, 8);
                mix(w);
            }
            if (i < n) {  // the last 8 bytes, overlapping
                std::uint64_t w;
                std::memcpy(&w, s.data() + n - 8, 8);
                mix(w);
            }
        } else {
            std::uint64_t w = 0;
            for (std::size_t i = 0; i < n; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
            mix(w);
        }
        h *= 0x94D049BB133111EBull;
        return h ^ (h >> 32);
    }
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

void append_index(std::string& out, std::size_t i) {
    out += '[';
    out += std::to_string(i);
    out += ']';
}

// "$.innovations[3]"
std::string record_path(RecordKind kind, std::size_t index) {
    std::string p = "$.";
    p += to_string(kind);
    append_index(p, index);
    return p;
}

// A field of a record as named in a path: "owner", or "sources[2]". Paths are only spelled
// out when a problem is reported.
struct Field {
    static constexpr std::size_t no_index = static_cast<std::size_t>(-1);
    std::string_view name;
    std::size_t index = no_index;
    Field(const char* n) : name(n) {}  // NOLINT: implicit on purpose
    Field(std::string_view n) : name(n) {}  // NOLINT
    Field(std::string_view n, std::size_t i) : name(n), index(i) {}
    bool empty() const { return name.empty() && index == no_index; }
    void append_to(std::string& out) const {
        out += name;
        if (index != no_index) append_index(out, index);
    }
};

// Key ids of the field names the reader asks for, remembered by the address of the name (a
// string literal) and checked against a copy of it; with the position the key was last found
// at, since the records of one array mostly list their fields in one order.
class KeyCache {
public:
    struct Entry {
        const char* data = nullptr;
        std::uint32_t size = 0;
        std::uint32_t id = 0;
        std::uint32_t hint = 0;  // where the key was last found in an object
        char text[20] = {};
    };

    explicit KeyCache(const jdoc::Document& doc) : doc_(doc) {}
    Entry& get(std::string_view k) noexcept {
        Entry& e = entries_[((reinterpret_cast<std::uintptr_t>(k.data()) >> 3) ^ k.size()) & (entries_.size() - 1)];
        if (e.data == k.data() && e.size == k.size() && jdoc::equal_bytes(e.text, k.data(), k.size())) return e;
        Entry& out = k.size() <= sizeof e.text ? e : scratch_;  // a long name is not remembered
        out.data = k.data();
        out.size = static_cast<std::uint32_t>(k.size());
        out.id = doc_.key_id(k);
        out.hint = 0;
        if (&out == &e) std::memcpy(e.text, k.data(), k.size());
        else out.data = nullptr;
        return out;
    }

private:
    const jdoc::Document& doc_;
    std::array<Entry, 64> entries_{};
    Entry scratch_;
};

// Which region codes the region table knows, remembered (records share few codes).
class RegionCache {
public:
    explicit RegionCache(const RegionTable& table) : table_(table) {}
    bool contains(std::string_view code) noexcept {
        if (code.empty() || code.size() > sizeof(Entry::code)) return table_.contains(code);
        std::uint64_t h = 1469598103934665603ull;
        for (unsigned char c : code) h = (h ^ c) * 1099511628211ull;
        Entry& e = entries_[(h ^ (h >> 32)) & (entries_.size() - 1)];
        if (e.size == code.size() && jdoc::equal_bytes(e.code, code.data(), code.size())) return e.known;
        e.known = table_.contains(code);
        e.size = static_cast<std::uint8_t>(code.size());
        std::memcpy(e.code, code.data(), code.size());
        return e.known;
    }

private:
    struct Entry {
        char code[14] = {};
        std::uint8_t size = 0;  // 0: empty
        bool known = false;
    };
    const RegionTable& table_;
    std::vector<Entry> entries_ = std::vector<Entry>(1024);
};

// Fields naming another record that reading a record of this kind looks up there and then
// (links resolved after reading, like an institution's parent, are not listed).
std::span<const std::string_view> immediate_links(RecordKind kind) {
    static constexpr std::string_view innovation[] = {"owner", "unit"};
    static constexpr std::string_view award[] = {"innovation"};
    static constexpr std::string_view replication[] = {"source", "adopter", "program", "derived"};
    static constexpr std::string_view cohort[] = {"program", "innovations", "adopters"};
    switch (kind) {
        case RecordKind::innovation: return innovation;
        case RecordKind::award: return award;
        case RecordKind::replication: return replication;
        case RecordKind::cohort: return cohort;
        default: return {};
    }
}

class Reader;

// One record being read: collects its problems; `ok` false means it will be skipped.
class Rec {
public:
    struct Meta {};
    Rec(Reader& r, Value obj, Meta) : r_(r), obj_(obj), where_(Where::meta) { init_seen(); }
    Rec(Reader& r, Value obj, RecordKind kind, std::size_t index)
        : r_(r), obj_(obj), where_(Where::record), kind_(kind), index_(index) { init_seen(); }
    Rec(Reader& r, Value obj, const Rec& parent, Field field)
        : r_(r), obj_(obj), where_(Where::nested), parent_(&parent), field_(field) { init_seen(); }

    bool ok = true;

    void append_path(std::string& out) const {
        switch (where_) {
            case Where::meta: out += "$.meta"; break;
            case Where::record:
                out += "$.";
                out += to_string(kind_);
                append_index(out, index_);
                break;
            case Where::nested:
                parent_->append_path(out);
                out += '.';
                field_.append_to(out);
                break;
        }
    }
    std::string path() const {
        std::string p;
        append_path(p);
        return p;
    }
    std::string at(Field field) const {
        std::string p = path();
        p += '.';
        field.append_to(p);
        return p;
    }

    void error(Field field, std::string msg);
    void warn(Field field, std::string msg);

    // The member named key (marked seen), or nothing. Keys are the reader's string literals,
    // whose ids KeyCache remembers.
    Value get(std::string_view key) {
        KeyCache::Entry& k = key_entry(key);
        const std::size_t pos = obj_.find_position(k.id, k.hint);
        if (pos == Value::npos) return {};
        if (pos < 64) seen_bits_ |= std::uint64_t{1} << pos;
        else seen_more_[pos - 64] = true;
        return obj_.value_at(pos);
    }
    std::string_view sv(std::string_view key, bool required) {
        Value j = get(key);
        if (!j) {
            if (required) error(key, "missing required field \"" + std::string(key) + "\"");
            return {};
        }
        if (!j.is_string()) {
            error(key, std::string("must be a string, found ") + type_name(j));
            return {};
        }
        std::string_view s = j.str();
        if (required && text::trim(s).empty()) {
            error(key, "must not be empty");
            return {};
        }
        return s;
    }
    std::string str(std::string_view key, bool required) { return std::string(sv(key, required)); }
    std::int64_t integer(std::string_view key, std::int64_t lo, std::int64_t hi, std::int64_t fallback) {
        Value j = get(key);
        if (!j) return fallback;
        if (j.is_number_float()) {
            double d = j.as_double();
            if (std::floor(d) != d || !std::isfinite(d)) {
                error(key, "must be a whole number, found " + j.dump());
                return fallback;
            }
        } else if (!j.is_number()) {
            error(key, std::string("must be an integer, found ") + type_name(j));
            return fallback;
        }
        if (j.is_number_unsigned() && j.as_uint64() > static_cast<std::uint64_t>(hi)) {
            error(key, j.dump() + " is out of range (" + std::to_string(lo) + "–" + std::to_string(hi) + ")");
            return fallback;
        }
        double d = j.as_double();
        if (d < static_cast<double>(lo) || d > static_cast<double>(hi)) {
            error(key, j.dump() + " is out of range (" + std::to_string(lo) + "–" + std::to_string(hi) + ")");
            return fallback;
        }
        return static_cast<std::int64_t>(d);
    }
    bool boolean(std::string_view key, bool fallback) {
        Value j = get(key);
        if (!j) return fallback;
        if (!j.is_boolean()) {
            error(key, std::string("must be true or false, found ") + type_name(j));
            return fallback;
        }
        return j.as_bool();
    }
    Date date(std::string_view key, Value j_override = {});
    std::string region(std::string_view key, bool required);
    std::string one_of(std::string_view key, std::span<const std::string_view> allowed, bool required) {
        std::string_view s = sv(key, required);
        if (s.empty()) return {};
        if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
            std::string list;
            for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            error(key, "\"" + std::string(s) + "\" is not one of: " + list);
            return {};
        }
        return std::string(s);
    }
    void finish();

private:
    enum class Where : std::uint8_t { meta, record, nested };
    Reader& r_;
    Value obj_;
    Where where_;
    RecordKind kind_ = RecordKind::source;
    std::size_t index_ = 0;
    const Rec* parent_ = nullptr;
    Field field_{std::string_view()};
    // Members asked for, by position in the object (a JSON object here has no duplicate keys,
    // so "asked for" is "seen"); objects of more than 64 members use seen_more_ beyond that.
    std::uint64_t seen_bits_ = 0;
    std::vector<bool> seen_more_;

    KeyCache::Entry& key_entry(std::string_view key);
    void init_seen() {
        if (obj_.size() > 64) seen_more_.assign(obj_.size() - 64, false);
    }
    bool seen(std::size_t pos) const { return pos < 64 ? (seen_bits_ >> pos) & 1 : seen_more_[pos - 64]; }
};

// A link resolved after every record has been read; where it is stated in the file and
// what it sets are kept as numbers, the path is spelled out only if it is reported.
enum class Link : std::uint8_t { institution_parent, participant_institution, event_innovation, event_part_of, innovation_derived_from };
struct Deferred {
    Link link;
    std::uint32_t row;         // kept row of the record holding the link
    std::uint32_t sub;         // participant: its position among the kept participants
    std::uint32_t file_index;  // the record's position in its array in the file
    std::uint32_t file_sub;    // participant / innovation list: position in its array in the file
    std::string_view id;
};

class Reader {
public:
    Reader(const jdoc::Document& doc, const LoadLimits& limits, LoadReport& report, Dataset& ds,
           std::vector<std::pair<std::string, std::string>> poisoned)
        : doc_(doc), root_(doc.root()), id_key_(doc.key_id("id")), keys_(doc), limits_(limits), report_(report),
          ds_(ds), regions_(RegionTable::embedded()), known_regions_(regions_), poisoned_(std::move(poisoned)) {
        std::sort(poisoned_.begin(), poisoned_.end());
        for (auto& [p, m] : poisoned_) issue(Severity::error, p, m);
    }

    void issue(Severity s, std::string path, std::string msg) {
        if (report_.issues.size() < limits_.max_issues) {
            report_.issues.push_back(Issue{s, std::move(path), std::move(msg)});
        } else if (s == Severity::error) {
            ++report_.unlisted_errors;
        } else {
            ++report_.unlisted_warnings;
        }
    }
    bool known_region(std::string_view code) { return known_regions_.contains(code); }

    bool run();

private:
    friend class Rec;
    const jdoc::Document& doc_;
    Value root_;
    std::uint32_t id_key_;  // key id of "id" in the document
    KeyCache keys_;
    const LoadLimits& limits_;
    LoadReport& report_;
    Dataset& ds_;
    const RegionTable& regions_;
    RegionCache known_regions_;
    std::vector<std::pair<std::string, std::string>> poisoned_;
    IdMap ids_;
    // Per kind, per position in the file: the record's id entry, IdMap::none, or duplicate.
    static constexpr std::uint32_t duplicate = 0xFFFFFFFEu;
    std::array<std::vector<std::uint32_t>, record_kind_count> entry_of_;
    std::vector<Deferred> deferred_;
    std::vector<Deferred> pending_;  // links of the event being read, registered if it is kept
    std::array<std::vector<std::uint32_t>, record_kind_count> file_index_;  // kept row → position in the file
    std::vector<bool> derived_from_stated_;  // innovations whose file names derived_from

    std::string path_of(RecordKind kind, std::uint32_t row, std::string_view field) const {
        std::string p = record_path(kind, file_index_[static_cast<int>(kind)][row]);
        p += '.';
        p += field;
        return p;
    }

    Value array_of(RecordKind kind) {
        Value v = root_.find(to_string(kind));
        if (!v) return {};
        if (!v.is_array()) {
            issue(Severity::error, std::string("$.") + to_string(kind),
                  std::string("must be an array, found ") + type_name(v) + "; none of its records were read");
            return {};
        }
        return v;
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
    void reserve_rows(RecordKind kind, std::size_t n);
    static constexpr std::size_t prefetch_distance = 4;  // records ahead
    void prefetch_links(Value rec, std::span<const std::uint32_t> keys) const;
    template <class Fn>
    void each(RecordKind kind, Fn read_one);

    // References --------------------------------------------------------------
    // Why `id` does not name a kept record of kind `want`; empty when it does (row set).
    std::string link_problem(std::string_view id, RecordKind want, std::uint32_t& row);
    // Immediate lookup of a record that must already have been read.
    std::uint32_t resolve_now(Rec& rec, Field field, std::string_view id, RecordKind want, bool required);
    std::string_view ref_id(Rec& rec, Field field, Value j);
    std::string deferred_path(const Deferred& d) const;
    void resolve_deferred();

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
    void read_compare(Rec& cr, FigureCompare& c);
    void link_derived();
    template <class Next>
    void break_cycles(std::size_t n, Next next, const std::function<void(std::uint32_t, const std::string&)>& on_cycle);
};

KeyCache::Entry& Rec::key_entry(std::string_view key) { return r_.keys_.get(key); }

void Rec::error(Field field, std::string msg) {
    ok = false;
    r_.issue(Severity::error, field.empty() ? path() : at(field), std::move(msg));
}
void Rec::warn(Field field, std::string msg) {
    r_.issue(Severity::warning, field.empty() ? path() : at(field), std::move(msg));
}

Date Rec::date(std::string_view key, Value j_override) {
    Value j = j_override ? j_override : get(key);
    if (!j) return {};
    auto fail = [&](std::string msg) {
        ok = false;
        r_.issue(Severity::error, at(key), std::move(msg));
    };
    if (!j.is_string()) {
        fail(std::string("date must be a string like \"2024-08-15\", found ") + type_name(j));
        return {};
    }
    std::string_view s = j.str();
    auto d = parse_date(s);
    if (!d) {
        fail("\"" + std::string(s.substr(0, 40)) + "\" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)");
        return {};
    }
    return *d;
}

std::string Rec::region(std::string_view key, bool required) {
    std::string_view code = sv(key, required);
    if (code.empty()) return {};
    if (!valid_region_shape(code)) {
        error(key, "\"" + std::string(code.substr(0, 40)) +
                       "\" is not a Kemendagri region code (\"35\", \"35.07\" or \"35.07.01\")");
        return {};
    }
    if (!r_.known_region(code)) {
        error(key, "unknown region code \"" + std::string(code) + "\"");
        return {};
    }
    return std::string(code);
}

// Unknown-field warnings for the members of `obj` not marked seen, in key order (the order
// the loader has always reported them in).
template <class Seen>
void warn_unknown(Reader& r, Value obj, Seen seen, const std::string& path,
                  void (Reader::*issue)(Severity, std::string, std::string)) {
    std::vector<std::string_view> unknown;
    for (std::size_t i = 0; i < obj.size(); ++i)
        if (!seen(i)) unknown.push_back(obj.key_at(i));
    std::sort(unknown.begin(), unknown.end());
    for (std::string_view k : unknown) {
        std::string p = path;
        jdoc::append_path_step(p, k);
        (r.*issue)(Severity::warning, std::move(p), "unknown field \"" + std::string(k) + "\" ignored");
    }
}

void Rec::finish() {
    const std::size_t n = obj_.size();
    std::size_t seen_count = static_cast<std::size_t>(std::popcount(seen_bits_));
    for (bool b : seen_more_) seen_count += b;
    if (seen_count != n)
        warn_unknown(r_, obj_, [this](std::size_t i) { return seen(i); }, path(), &Reader::issue);
    if (!r_.poisoned_.empty() && r_.poisoned_under(path())) ok = false;
}

void Reader::register_ids() {
    // Room for the ids there can be (records that are objects with a string "id"): a hostile
    // array of numbers or of empty objects reserves nothing.
    std::size_t with_id = 0;
    for (int k = 0; k < record_kind_count; ++k) {
        const auto kind = static_cast<RecordKind>(k);
        Value arr = root_.find(to_string(kind));
        if (!arr.is_array()) continue;
        std::size_t objects = 0;
        for (std::size_t i = 0; i < arr.size(); ++i) {
            Value rec = arr[i];
            if (!rec.is_object()) continue;
            ++objects;
            if (rec.find(id_key_).is_string()) ++with_id;
        }
        reserve_rows(kind, std::min(objects, limits_.max_records));
    }
    ids_.reserve(with_id);
    for (int k = 0; k < record_kind_count; ++k) {
        auto kind = static_cast<RecordKind>(k);
        Value arr = root_.find(to_string(kind));
        if (!arr.is_array()) continue;
        const std::size_t n = arr.size();
        entry_of_[k].assign(n, IdMap::none);
        for (std::uint32_t i = 0; i < n; ++i) {
            if (i + prefetch_distance < n) {
                Value ahead = arr[i + prefetch_distance].find(id_key_);
                if (ahead.is_string()) ids_.prefetch(ahead.str());
            }
            Value idf = arr[i].find(id_key_);
            if (!idf.is_string()) continue;
            std::string_view id = idf.str();
            if (!valid_id(id)) continue;  // reported when the record is read
            auto [e, inserted] = ids_.emplace(id, IdEntry{i, no_row, kind});
            if (e == IdMap::none) continue;  // cannot happen: room was made for every record
            if (inserted) {
                entry_of_[k][i] = e;
            } else {
                entry_of_[k][i] = duplicate;
                const IdEntry& first = ids_.entry(e);
                issue(Severity::error, record_path(kind, i) + ".id",
                      "duplicate id \"" + std::string(id) + "\": already used by " + record_path(first.kind, first.index));
            }
        }
    }
}

void Reader::reserve_rows(RecordKind kind, std::size_t n) {
    switch (kind) {
        case RecordKind::source: jdoc::reserve_large(ds_.sources, n); break;
        case RecordKind::institution: jdoc::reserve_large(ds_.institutions, n); break;
        case RecordKind::innovation: jdoc::reserve_large(ds_.innovations, n); break;
        case RecordKind::award: jdoc::reserve_large(ds_.awards, n); break;
        case RecordKind::event: jdoc::reserve_large(ds_.events, n); break;
        case RecordKind::replication: jdoc::reserve_large(ds_.replications, n); break;
        case RecordKind::cohort: jdoc::reserve_large(ds_.cohorts, n); break;
        case RecordKind::figure: jdoc::reserve_large(ds_.figures, n); break;
    }
}

template <class Fn>
void Reader::each(RecordKind kind, Fn read_one) {
    Value arr = array_of(kind);
    if (!arr) return;
    const int k = static_cast<int>(kind);
    std::size_t n = arr.size();
    report_.read[k] = static_cast<std::uint32_t>(std::min(n, limits_.max_records));
    if (n > limits_.max_records) {
        issue(Severity::error, std::string("$.") + to_string(kind),
              std::to_string(n) + " records is over the limit of " + std::to_string(limits_.max_records) +
                  "; only the first " + std::to_string(limits_.max_records) + " were read");
        n = limits_.max_records;
    }
    file_index_[k].reserve(n);
    // Keys of the links this kind of record resolves at once (see prefetch_links).
    std::array<std::uint32_t, 6> link_keys{};
    std::size_t link_key_count = 0;
    for (std::string_view name : immediate_links(kind)) {
        const std::uint32_t id = doc_.key_id(name);
        if (id != jdoc::Document::no_key) link_keys[link_key_count++] = id;
    }
    const std::span<const std::uint32_t> links(link_keys.data(), link_key_count);
    for (std::size_t i = 0; i < n; ++i) {
        if (!links.empty() && i + prefetch_distance < n) prefetch_links(arr[i + prefetch_distance], links);
        Value obj = arr[i];
        if (!obj.is_object()) {
            issue(Severity::error, record_path(kind, i), std::string("must be an object, found ") + type_name(obj));
            continue;
        }
        const std::uint32_t entry = entry_of_[k].size() > i ? entry_of_[k][i] : IdMap::none;
        if (entry == duplicate) continue;  // reported in register_ids
        Rec rec(*this, obj, kind, i);
        std::string_view id = rec.sv("id", true);
        // A registered id was found valid then (and the one read now is the same).
        if (!id.empty() && entry == IdMap::none && !valid_id(id)) {
            rec.error("id", "\"" + std::string(id.substr(0, 40)) +
                                "\" is not a valid id (letters, digits and . _ : - ; at most 128 characters)");
        }
        bool kept = read_one(rec, static_cast<std::uint32_t>(i));
        if (kept) {
            if (entry != IdMap::none) ids_.entry(entry).row = report_.kept[k];  // its id, registered above
            ++report_.kept[k];
            file_index_[k].push_back(static_cast<std::uint32_t>(i));
        }
    }
}

std::string_view Reader::ref_id(Rec& rec, Field field, Value j) {
    if (!j) return {};
    if (!j.is_string()) {
        rec.error(field, std::string("must be an id (a string), found ") + type_name(j));
        return {};
    }
    return j.str();
}

std::string Reader::link_problem(std::string_view id, RecordKind want, std::uint32_t& row) {
    const std::uint32_t e = ids_.find(id);
    if (e == IdMap::none) return std::string("refers to unknown ") + singular(want) + " \"" + std::string(id) + "\"";
    const IdEntry* it = &ids_.entry(e);
    if (it->kind != want)
        return "refers to \"" + std::string(id) + "\", which is " + with_article(it->kind) + ", not " +
               with_article(want);
    if (it->row == no_row)
        return std::string("refers to ") + singular(want) + " \"" + std::string(id) +
               "\", which was skipped because of its own errors";
    row = it->row;
    return {};
}

std::uint32_t Reader::resolve_now(Rec& rec, Field field, std::string_view id, RecordKind want, bool required) {
    std::uint32_t row = no_row;
    std::string problem = link_problem(id, want, row);
    if (problem.empty()) return row;
    (void)required;  // a broken link read with its record skips the record either way
    rec.error(field, std::move(problem));
    return no_row;
}

std::string Reader::deferred_path(const Deferred& d) const {
    std::string p;
    switch (d.link) {
        case Link::institution_parent: return record_path(RecordKind::institution, d.file_index) + ".parent";
        case Link::participant_institution:
            p = record_path(RecordKind::event, d.file_index) + ".participants";
            append_index(p, d.file_sub);
            return p + ".institution";
        case Link::event_innovation:
            p = record_path(RecordKind::event, d.file_index) + ".innovations";
            append_index(p, d.file_sub);
            return p;
        case Link::event_part_of: return record_path(RecordKind::event, d.file_index) + ".part_of";
        case Link::innovation_derived_from: return record_path(RecordKind::innovation, d.file_index) + ".derived_from";
    }
    return "$";
}

void Reader::prefetch_links(Value rec, std::span<const std::uint32_t> keys) const {
    if (!rec.is_object()) return;
    for (std::uint32_t key : keys) {
        Value v = rec.find(key);
        if (v.is_string()) {
            ids_.prefetch(v.str());
        } else if (v.is_array()) {
            for (std::size_t i = 0; i < v.size() && i < 8; ++i)
                if (Value e = v[i]; e.is_string()) ids_.prefetch(e.str());
        }
    }
}

void Reader::resolve_deferred() {
    derived_from_stated_.assign(ds_.innovations.size(), false);
    for (std::size_t k = 0; k < deferred_.size(); ++k) {
        if (k + prefetch_distance < deferred_.size()) ids_.prefetch(deferred_[k + prefetch_distance].id);
        const Deferred& d = deferred_[k];
        RecordKind want = RecordKind::institution;
        switch (d.link) {
            case Link::institution_parent:
            case Link::participant_institution: want = RecordKind::institution; break;
            case Link::event_innovation: want = RecordKind::innovation; break;
            case Link::event_part_of: want = RecordKind::event; break;
            case Link::innovation_derived_from: want = RecordKind::replication; break;
        }
        std::uint32_t v = no_row;
        std::string problem = link_problem(d.id, want, v);
        if (!problem.empty()) {
            issue(Severity::error, deferred_path(d), problem + " (link dropped, record kept)");
            continue;
        }
        switch (d.link) {
            case Link::institution_parent: ds_.institutions[d.row].parent = InstitutionId(v); break;
            case Link::participant_institution:
                ds_.events[d.row].participants[d.sub].institution = InstitutionId(v);
                break;
            case Link::event_innovation: ds_.events[d.row].innovations.push_back(InnovationId(v)); break;
            case Link::event_part_of: ds_.events[d.row].part_of = EventId(v); break;
            case Link::innovation_derived_from:
                ds_.innovations[d.row].derived_from = ReplicationId(v);
                derived_from_stated_[d.row] = true;
                break;
        }
    }
    deferred_.clear();
    deferred_.shrink_to_fit();
}

void Reader::read_cited(Rec& rec, Cited& c) {
    c.id = rec.str("id", false);
    Value srcs = rec.get("sources");
    if (!srcs) {
        rec.error("sources", "missing required field \"sources\": every record cites at least one source");
    } else if (!srcs.is_array()) {
        rec.error("sources", std::string("must be an array of source ids, found ") + type_name(srcs));
    } else if (srcs.empty()) {
        rec.error("sources", "cites no source: every record cites at least one source");
    } else {
        const std::size_t n = srcs.size();
        c.sources.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            Field field("sources", i);
            std::string_view id = ref_id(rec, field, srcs[i]);
            if (id.empty()) continue;
            std::uint32_t row = resolve_now(rec, field, id, RecordKind::source, true);
            if (row != no_row) c.sources.push_back(SourceId(row));
        }
    }
    std::string_view conf = rec.sv("confidence", false);
    if (!conf.empty()) {
        if (auto cv = parse_confidence(conf)) c.confidence = *cv;
        else rec.error("confidence", "\"" + std::string(conf.substr(0, 40)) + "\" is not one of: high, medium, low");
    }
    c.note = rec.str("note", false);
}

void Reader::read_meta() {
    Value m = root_.find("meta");
    if (!m || !m.is_object()) {
        issue(Severity::error, "$.meta",
              !m ? "missing required field \"meta\"" : std::string("must be an object, found ") + type_name(m));
        ds_.meta.title = "(untitled bundle)";
        return;
    }
    Rec rec(*this, m, Rec::Meta{});
    ds_.meta.title = rec.str("title", true);
    if (ds_.meta.title.empty()) ds_.meta.title = "(untitled bundle)";
    Value created = rec.get("created");
    if (!created) rec.error("created", "missing required field \"created\"");
    else ds_.meta.created = rec.date("created", created);
    ds_.meta.licence = rec.str("licence", true);
    Value syn = rec.get("synthetic");
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
    each(RecordKind::institution, [&](Rec& rec, std::uint32_t file_index) {
        Institution x;
        read_cited(rec, x);
        x.name = rec.str("name", true);
        x.kind = rec.one_of("kind", institution_kinds, true);
        x.region_code = rec.region("region_code", false);
        std::string_view parent = ref_id(rec, "parent", rec.get("parent"));
        x.member_count = static_cast<std::uint32_t>(rec.integer("member_count", 1, 10'000'000, 0));
        rec.finish();
        if (!rec.ok) return false;
        std::uint32_t row = static_cast<std::uint32_t>(ds_.institutions.size());
        if (!parent.empty()) deferred_.push_back(Deferred{Link::institution_parent, row, 0, file_index, 0, parent});
        ds_.institutions.push_back(std::move(x));
        return true;
    });
}

constexpr std::string_view event_kinds[] = {
    "program", "commitment_signing", "action_plan", "exhibition", "workshop", "coaching", "forum", "competition", "other"};
constexpr std::string_view participant_roles[] = {
    "facilitator", "host", "opener", "speaker", "signatory", "witness", "presenter", "participant", "visitor", "organiser"};

void Reader::read_events() {
    each(RecordKind::event, [&](Rec& rec, std::uint32_t file_index) {
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
        std::string_view part_of = ref_id(rec, "part_of", rec.get("part_of"));
        const std::uint32_t row = static_cast<std::uint32_t>(ds_.events.size());
        pending_.clear();  // links registered only if the record is kept

        if (Value ps = rec.get("participants"); ps) {
            if (!ps.is_array()) {
                rec.error("participants", std::string("must be an array, found ") + type_name(ps));
            } else {
                for (std::size_t i = 0; i < ps.size(); ++i) {
                    Value pv = ps[i];
                    if (!pv.is_object()) {
                        rec.error(Field("participants", i), std::string("must be an object, found ") + type_name(pv));
                        continue;
                    }
                    Rec pr(*this, pv, rec, Field("participants", i));
                    Participant p;
                    p.role = pr.one_of("role", participant_roles, true);
                    p.person = pr.str("person", false);
                    p.position = pr.str("position", false);
                    std::string_view inst = ref_id(pr, "institution", pr.get("institution"));
                    p.description = pr.str("description", false);
                    p.count = static_cast<std::uint32_t>(pr.integer("count", 1, 100'000'000, 0));
                    pr.finish();
                    if (!pr.ok) { rec.ok = false; continue; }
                    std::uint32_t pi = static_cast<std::uint32_t>(e.participants.size());
                    if (!inst.empty())
                        pending_.push_back(Deferred{Link::participant_institution, row, pi, file_index,
                                                    static_cast<std::uint32_t>(i), inst});
                    e.participants.push_back(std::move(p));
                }
            }
        }
        if (Value inns = rec.get("innovations"); inns) {
            if (!inns.is_array()) {
                rec.error("innovations", std::string("must be an array of innovation ids, found ") + type_name(inns));
            } else {
                for (std::size_t i = 0; i < inns.size(); ++i) {
                    std::string_view id = ref_id(rec, Field("innovations", i), inns[i]);
                    if (id.empty()) continue;
                    pending_.push_back(
                        Deferred{Link::event_innovation, row, 0, file_index, static_cast<std::uint32_t>(i), id});
                }
            }
        }
        rec.finish();
        if (!rec.ok) return false;
        if (!part_of.empty()) deferred_.push_back(Deferred{Link::event_part_of, row, 0, file_index, 0, part_of});
        deferred_.insert(deferred_.end(), pending_.begin(), pending_.end());
        ds_.events.push_back(std::move(e));
        return true;
    });
}

constexpr std::string_view statuses[] = {"active", "inactive", "unknown"};
constexpr std::string_view award_groups[] = {"umum", "replikasi", "khusus"};

void Reader::read_innovations() {
    each(RecordKind::innovation, [&](Rec& rec, std::uint32_t file_index) {
        Innovation x;
        read_cited(rec, x);
        x.name = rec.str("name", true);
        x.acronym_expansion = rec.str("acronym_expansion", false);
        x.description = rec.str("description", false);
        if (std::string_view owner = ref_id(rec, "owner", rec.get("owner")); !owner.empty()) {
            x.owner = InstitutionId(resolve_now(rec, "owner", owner, RecordKind::institution, true));
        } else if (!rec.get("owner")) {
            rec.error("owner", "missing required field \"owner\"");
        }
        std::string_view unit = ref_id(rec, "unit", rec.get("unit"));
        if (!unit.empty()) x.unit = InstitutionId(resolve_now(rec, "unit", unit, RecordKind::institution, false));
        x.region_code = rec.region("region_code", false);
        x.sector = rec.str("sector", false);
        x.year_started = static_cast<std::int16_t>(rec.integer("year_started", 1945, 2100, 0));
        x.status = rec.one_of("status", statuses, false);
        std::string_view derived_from = ref_id(rec, "derived_from", rec.get("derived_from"));
        rec.finish();
        if (!rec.ok) return false;
        const std::uint32_t row = static_cast<std::uint32_t>(ds_.innovations.size());
        // The innovation's region defaults to its owner's when not given.
        if (x.region_code.empty() && x.owner) x.region_code = ds_.institutions[x.owner.value].region_code;
        if (!derived_from.empty())
            deferred_.push_back(Deferred{Link::innovation_derived_from, row, 0, file_index, 0, derived_from});
        ds_.innovations.push_back(std::move(x));
        return true;
    });
}

void Reader::read_awards() {
    each(RecordKind::award, [&](Rec& rec, std::uint32_t) {
        Award a;
        read_cited(rec, a);
        std::string_view inn = ref_id(rec, "innovation", rec.get("innovation"));
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
    Value arr = rec.get(field);
    if (!arr) {
        rec.error(field, "missing required field \"stages\"");
        return steps;
    }
    if (!arr.is_array() || arr.empty()) {
        rec.error(field, arr.is_array() ? std::string("must list at least one stage")
                                        : std::string("must be an array, found ") + type_name(arr));
        return steps;
    }
    steps.reserve(arr.size());
    for (std::size_t i = 0; i < arr.size(); ++i) {
        const Field sfield(field, i);
        Value s = arr[i];
        if (!s.is_object()) {
            rec.error(sfield, std::string("must be an object, found ") + type_name(s));
            continue;
        }
        Rec sr(*this, s, rec, sfield);
        StageStep step;
        std::string_view name = sr.sv("stage", true);
        if (!name.empty()) {
            if (auto st = parse_stage(name)) step.stage = *st;
            else
                sr.error("stage", "\"" + std::string(name.substr(0, 40)) +
                                      "\" is not one of: interest, commitment, action_plan, implemented");
        }
        step.date = sr.date("date");
        std::string_view ev = ref_id(sr, "event", sr.get("event"));
        sr.finish();
        if (!sr.ok) { rec.ok = false; continue; }
        if (std::any_of(steps.begin(), steps.end(), [&](const StageStep& o) { return o.stage == step.stage; })) {
            rec.error(sfield, std::string("stage \"") + to_string(step.stage) + "\" is listed twice");
            continue;
        }
        if (!ev.empty()) {
            std::uint32_t e = resolve_now(sr, "event", ev, RecordKind::event, false);
            if (e == no_row) rec.ok = false;
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
        std::string_view src = ref_id(rec, "source", rec.get("source"));
        if (src.empty()) rec.error("source", "missing required field \"source\"");
        else r.source = InnovationId(resolve_now(rec, "source", src, RecordKind::innovation, true));
        std::string_view adopter = ref_id(rec, "adopter", rec.get("adopter"));
        if (adopter.empty()) rec.error("adopter", "missing required field \"adopter\"");
        else r.adopter = InstitutionId(resolve_now(rec, "adopter", adopter, RecordKind::institution, true));
        r.region_code = rec.region("region_code", false);
        r.adopter_count = static_cast<std::uint32_t>(rec.integer("adopter_count", 1, 10'000'000, 1));
        std::string_view program = ref_id(rec, "program", rec.get("program"));
        if (!program.empty()) {
            std::uint32_t p = resolve_now(rec, "program", program, RecordKind::event, false);
            if (p != no_row) r.program = EventId(p);
        }
        const std::uint32_t row = static_cast<std::uint32_t>(ds_.replications.size());
        r.stages = read_stages(rec, "stages", RecordKind::replication, row);
        std::string_view derived = ref_id(rec, "derived", rec.get("derived"));
        if (!derived.empty()) {
            std::uint32_t d = resolve_now(rec, "derived", derived, RecordKind::innovation, false);
            if (d != no_row) r.derived = InnovationId(d);
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
        std::string_view program = ref_id(rec, "program", rec.get("program"));
        if (program.empty()) rec.error("program", "missing required field \"program\"");
        else c.program = EventId(resolve_now(rec, "program", program, RecordKind::event, true));
        auto id_list = [&](std::string_view field, RecordKind kind, bool required, auto& out) {
            Value arr = rec.get(field);
            if (!arr) {
                if (required) rec.error(field, "missing required field \"" + std::string(field) + "\"");
                return;
            }
            if (!arr.is_array()) {
                rec.error(field, std::string("must be an array of ids, found ") + type_name(arr));
                return;
            }
            if (required && arr.empty()) rec.error(field, "must list at least one id");
            for (std::size_t i = 0; i < arr.size(); ++i) {
                const Field f(field, i);
                std::string_view id = ref_id(rec, f, arr[i]);
                if (id.empty()) continue;
                std::uint32_t row = resolve_now(rec, f, id, kind, required);
                if (row != no_row) out.emplace_back(row);
            }
        };
        id_list("innovations", RecordKind::innovation, true, c.innovations);
        id_list("adopters", RecordKind::institution, false, c.adopters);
        c.adopter_count = static_cast<std::uint32_t>(rec.integer("adopter_count", 1, 10'000'000, 0));
        if (Value rc = rec.get("region_codes"); rc) {
            if (!rc.is_array()) {
                rec.error("region_codes", std::string("must be an array of region codes, found ") + type_name(rc));
            } else {
                for (std::size_t i = 0; i < rc.size(); ++i) {
                    Value v = rc[i];
                    const Field f("region_codes", i);
                    if (!v.is_string()) { rec.error(f, std::string("must be a string, found ") + type_name(v)); continue; }
                    std::string_view code = v.str();
                    if (!valid_region_shape(code))
                        rec.error(f, "\"" + std::string(code.substr(0, 40)) +
                                         "\" is not a Kemendagri region code (\"35\", \"35.07\" or \"35.07.01\")");
                    else if (!known_region(code)) rec.error(f, "unknown region code \"" + std::string(code) + "\"");
                    else c.region_codes.emplace_back(code);
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
        if (Value v = rec.get("value"); v) {
            if (!v.is_number()) rec.error("value", std::string("must be a number, found ") + type_name(v));
            else f.value = v.as_double();
        }
        f.value_text = rec.str("value_text", false);
        if (!f.value && f.value_text.empty()) rec.error("value", "a figure needs \"value\" or \"value_text\"");
        f.unit = rec.str("unit", false);
        f.scope = rec.str("scope", true);
        f.period = rec.str("period", true);
        if (Value cv = rec.get("compare"); cv) {
            if (!cv.is_object()) {
                rec.error("compare", std::string("must be an object, found ") + type_name(cv));
            } else {
                Rec cr(*this, cv, rec, Field("compare"));
                read_compare(cr, f.compare);
                cr.finish();
                if (!cr.ok) rec.ok = false;
            }
        }
        rec.finish();
        if (!rec.ok) return false;
        ds_.figures.push_back(std::move(f));
        return true;
    });
}

void Reader::read_compare(Rec& cr, FigureCompare& c) {
    std::string_view measure = cr.sv("measure", true);
    if (!measure.empty()) {
        if (auto m = parse_figure_measure(measure)) {
            c.measure = *m;
        } else {
            std::string list;
            for (int i = 1; i < figure_measure_count; ++i)
                list += (list.empty() ? "" : ", ") + std::string(to_string(static_cast<FigureMeasure>(i)));
            cr.error("measure", "\"" + std::string(measure.substr(0, 40)) + "\" is not one of: " + list);
        }
    }
    c.competition = cr.str("competition", false);
    c.year_from = static_cast<std::int16_t>(cr.integer("year_from", 1945, 2100, 0));
    c.year_to = static_cast<std::int16_t>(cr.integer("year_to", 1945, 2100, 0));
    if (c.year_from && c.year_to && c.year_from > c.year_to)
        cr.error("year_to", "is " + std::to_string(c.year_to) + ", before year_from " + std::to_string(c.year_from));
    if (Value tiers = cr.get("tiers"); tiers) {
        if (!tiers.is_array()) {
            cr.error("tiers", std::string("must be an array of tier names, found ") + type_name(tiers));
        } else {
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                Value t = tiers[i];
                if (!t.is_string() || t.str().empty())
                    cr.error(Field("tiers", i), t.is_string() ? std::string("must not be empty")
                                                              : std::string("must be a string, found ") + type_name(t));
                else c.tiers.emplace_back(t.str());
            }
        }
    }
    c.group = cr.one_of("group", award_groups, false);
    c.region = cr.region("region", false);
    std::string_view program = ref_id(cr, "program", cr.get("program"));
    if (!program.empty()) {
        std::uint32_t p = resolve_now(cr, "program", program, RecordKind::event, false);
        if (p != no_row) c.program = EventId(p);
    }
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
        while (v != no_row && state[v] == 0) {
            state[v] = 1;
            walk.push_back(v);
            v = next(v);
        }
        if (v != no_row && state[v] == 1) {
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
        return r ? ds_.replications[r.value].source.value : no_row;
    };
    break_cycles(ds_.innovations.size(), parent, [&](std::uint32_t last, const std::string&) {
        // Name the cycle by ids for the message.
        std::string chain = ds_.innovations[last].id;
        std::uint32_t v = parent(last);
        for (std::size_t guard = 0; v != last && guard < 50 && v != no_row; ++guard) {
            chain = ds_.innovations[v].id + " → " + chain;
            v = parent(v);
        }
        chain = ds_.innovations[last].id + " → " + chain;
        const std::uint32_t rep_row = ds_.innovations[last].derived_from.value;
        Replication& rep = ds_.replications[rep_row];
        // Report the link where the file states it.
        issue(Severity::error,
              derived_from_stated_[last] ? path_of(RecordKind::innovation, last, "derived_from")
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
    warn_unknown(
        *this, root_,
        [&](std::size_t i) {
            return std::find(std::begin(top_keys), std::end(top_keys), root_.key_at(i)) != std::end(top_keys);
        },
        "$", &Reader::issue);
    read_meta();
    register_ids();
    if (!root_.find("sources")) issue(Severity::error, "$.sources", "missing required field \"sources\"");

    read_sources();
    read_institutions();
    read_events();
    read_innovations();
    read_awards();
    read_replications();
    read_cohorts();
    read_figures();
    resolve_deferred();
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
    detail::ScanCounts counts;
    if (auto err = detail::prescan(bytes, limits, skip, &counts)) return *err;
    if (text::trim(bytes.substr(skip)).empty()) return LoadError{ErrorCode::syntax, "file is empty", {}, 1, 1};
    std::string_view body = bytes.substr(skip);
    if (body.size() >= 0xFFFFFFFFu)  // the document indexes values and keys with 32 bits
        return LoadError{ErrorCode::too_large,
                         "file is " + std::to_string(bytes.size()) + " bytes; this loader reads at most 4 GiB", {}, 0, 0};

    LoadedBundle out;
    out.report.bytes = bytes.size();
    if (skip) out.report.issues.push_back(Issue{Severity::warning, "$", "UTF-8 byte order mark ignored"});

    auto ds = std::make_shared<Dataset>();
    {
        jdoc::Document doc;
        jdoc::ParseResult parsed =
            jdoc::parse(body, limits.max_string_bytes, doc, {counts.values, counts.members});
        if (!parsed.ok) {
            LoadError e{ErrorCode::syntax, std::move(parsed.error), {}, 0, 0};
            auto pos = detail::position_of(bytes, skip + parsed.error_offset);
            e.line = pos.line;
            e.column = pos.column;
            return e;
        }
        const Value root = doc.root();
        if (!root.is_object())
            return LoadError{ErrorCode::bad_format,
                             std::string("top level must be a JSON object, found ") + type_name(root), "$", 0, 0};
        Value fmt = root.find("format");
        if (!fmt.is_string() || fmt.str() != bundle_format_name)
            return LoadError{ErrorCode::bad_format,
                             "not an Atlas Inovasi bundle: \"format\" must be \"" + std::string(bundle_format_name) + "\"",
                             "$.format", 0, 0};
        Value ver = root.find("version");
        if (!ver.is_number_integer() || ver.as_int64() != bundle_format_version)
            return LoadError{ErrorCode::bad_format,
                             (!ver ? std::string("missing \"version\"") : "version " + ver.dump()) +
                                 ": this atlas reads bundle format version " + std::to_string(bundle_format_version),
                             "$.version", 0, 0};

        Reader reader(doc, limits, out.report, *ds, std::move(parsed.problems));
        reader.run();
    }  // the document goes before the relations are built
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
