// Serialising a Dataset back to a v1 bundle. Fields at their defaults are left out so a
// written bundle reads like a hand-made one; key order is fixed so output is reproducible.
//
// The text is appended straight to one string, in exactly the form nlohmann's dump() gives
// an ordered_json of the same members: pretty = 2-space indent, `"key": value`, every array
// element on a line of its own, empty containers as [] / {}; compact = no white space at all.
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/bundle.hpp"
#include "json_doc.hpp"

namespace atlas {

namespace {

class Out {
public:
    explicit Out(bool pretty) : pretty_(pretty) { open_.reserve(8); }
    std::string s;

    void begin_object() {
        s += '{';
        open_.push_back(true);
    }
    void end_object() { close('}'); }
    void begin_array() {
        s += '[';
        open_.push_back(true);
    }
    void end_array() { close(']'); }

    // Starts a member: separator, line break and indent when pretty, the key; one append.
    void key(std::string_view k) {
        char buf[160];
        std::size_t n = separator(buf);
        if (k.size() > sizeof buf - n - 4) {  // not for the names used here; kept correct anyway
            s.append(buf, n);
            s += '"';
            s += k;
            s += pretty_ ? "\": " : "\":";
            return;
        }
        buf[n++] = '"';
        std::memcpy(buf + n, k.data(), k.size());  // keys are fixed ASCII names: nothing to escape
        n += k.size();
        buf[n++] = '"';
        buf[n++] = ':';
        if (pretty_) buf[n++] = ' ';
        s.append(buf, n);
    }
    // Starts an array element.
    void element() { separate(); }

    void text(std::string_view v) { jdoc::append_json_string(s, v); }
    template <class Int>
    void integer(Int v) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        s.append(buf, static_cast<std::size_t>(r.ptr - buf));
    }
    void boolean(bool v) { s += v ? "true" : "false"; }
    void number(double v) { jdoc::append_json_double(s, v); }

    // Members.
    void text(std::string_view k, std::string_view v) {
        key(k);
        text(v);
    }
    void put(std::string_view k, const std::vector<std::string>& list) {  // left out when empty
        if (list.empty()) return;
        key(k);
        begin_array();
        for (const std::string& v : list) {
            element();
            text(v);
        }
        end_array();
    }
    void put(std::string_view k, std::string_view v) {  // left out when empty
        if (!v.empty()) text(k, v);
    }
    void put(std::string_view k, const Date& d) {  // left out when unknown
        if (!d.known()) return;
        key(k);
        date(d);
    }
    // A date as Date::to_string() spells it, without its allocation for the usual ones.
    void date(const Date& d) {
        if (d.year < 1000 || d.year > 9999 || d.month > 99 || d.day > 99) {
            text(d.to_string());
            return;
        }
        char buf[16];
        std::size_t n = 0;
        buf[n++] = '"';
        auto two = [&](unsigned v) {
            buf[n++] = static_cast<char>('0' + v / 10);
            buf[n++] = static_cast<char>('0' + v % 10);
        };
        two(static_cast<unsigned>(d.year) / 100);
        two(static_cast<unsigned>(d.year) % 100);
        if (d.month) {
            buf[n++] = '-';
            two(d.month);
            if (d.day) {
                buf[n++] = '-';
                two(d.day);
            }
        }
        buf[n++] = '"';
        s.append(buf, n);
    }
    template <class Int>
    void integer(std::string_view k, Int v) {
        key(k);
        integer(v);
    }

private:
    bool pretty_;
    std::vector<bool> open_;  // per open container: still empty

    void newline_indent() {
        s += '\n';
        s.append(2 * open_.size(), ' ');
    }
    // Writes what goes before a member or element into buf (at least 2 + 2 × depth bytes, the
    // depth being at most 6 here; deeper ones are written straight out); returns its length.
    std::size_t separator(char* buf) {
        std::size_t n = 0;
        if (!open_.back()) buf[n++] = ',';
        open_.back() = false;
        if (pretty_) {
            const std::size_t indent = 2 * open_.size();
            if (indent > 100) {
                s.append(buf, n);
                newline_indent();
                return 0;
            }
            buf[n++] = '\n';
            std::memset(buf + n, ' ', indent);
            n += indent;
        }
        return n;
    }
    void separate() {
        char buf[128];
        s.append(buf, separator(buf));
    }
    void close(char c) {
        const bool empty = open_.back();
        open_.pop_back();
        if (!empty && pretty_) newline_indent();
        s += c;
    }
};

template <class Rows, class Id>
std::string_view id_of(const Rows& rows, Id id) {
    return id.valid() && id.value < rows.size() ? std::string_view(rows[id.value].id) : std::string_view();
}

template <class Rows, class Ids>
void id_array(Out& o, const Rows& rows, const Ids& ids) {
    o.begin_array();
    for (auto id : ids) {
        o.element();
        o.text(id_of(rows, id));
    }
    o.end_array();
}

void cited(Out& o, const Dataset& ds, const Cited& c) {
    o.begin_object();
    o.text("id", c.id);
    o.key("sources");
    id_array(o, ds.sources, c.sources);
}
void cited_tail(Out& o, const Cited& c) {
    if (c.confidence != Confidence::unspecified) o.text("confidence", to_string(c.confidence));
    o.put("note", c.note);
    o.end_object();
}

void stages(Out& o, const Dataset& ds, const std::vector<StageStep>& steps) {
    o.key("stages");
    o.begin_array();
    for (const StageStep& st : steps) {
        o.element();
        o.begin_object();
        o.text("stage", to_string(st.stage));
        o.put("date", st.date);
        o.put("event", id_of(ds.events, st.event));
        o.end_object();
    }
    o.end_array();
}

// Starts the array of one record kind in the root object.
template <class Rows, class Fn>
void records(Out& o, const char* name, const Rows& rows, Fn write_one) {
    o.key(name);
    o.begin_array();
    for (const auto& x : rows) {
        o.element();
        write_one(x);
    }
    o.end_array();
}
}  // namespace

std::string write_bundle(const Dataset& ds, bool pretty) {
    Out o(pretty);
    // A large output is written once, front to back: huge pages save most of its page faults.
    jdoc::reserve_large(o.s, ds.record_count() * (pretty ? 480 : 300) + 4096);

    o.begin_object();
    o.text("format", bundle_format_name);
    o.integer("version", bundle_format_version);
    o.key("meta");
    o.begin_object();
    o.text("title", ds.meta.title);
    o.key("created");
    o.date(ds.meta.created);
    o.text("licence", ds.meta.licence);
    o.key("synthetic");
    o.boolean(ds.meta.synthetic);
    o.put("description", ds.meta.description);
    o.put("generator", ds.meta.generator);
    o.end_object();

    records(o, "sources", ds.sources, [&](const Source& s) {
        o.begin_object();
        o.text("id", s.id);
        o.text("title", s.title);
        o.put("outlet", s.outlet);
        o.put("date", s.date);
        o.put("url", s.url);
        o.put("language", s.language);
        o.put("note", s.note);
        o.end_object();
    });
    records(o, "institutions", ds.institutions, [&](const Institution& x) {
        cited(o, ds, x);
        o.text("name", x.name);
        o.text("kind", x.kind);
        o.put("region_code", x.region_code);
        o.put("parent", id_of(ds.institutions, x.parent));
        if (x.member_count) o.integer("member_count", x.member_count);
        cited_tail(o, x);
    });
    records(o, "innovations", ds.innovations, [&](const Innovation& x) {
        cited(o, ds, x);
        o.text("name", x.name);
        o.put("acronym_expansion", x.acronym_expansion);
        o.put("description", x.description);
        o.text("owner", id_of(ds.institutions, x.owner));
        o.put("unit", id_of(ds.institutions, x.unit));
        o.put("region_code", x.region_code);
        o.put("sector", x.sector);
        if (x.year_started) o.integer("year_started", x.year_started);
        o.put("status", x.status);
        o.put("derived_from", id_of(ds.replications, x.derived_from));
        cited_tail(o, x);
    });
    records(o, "awards", ds.awards, [&](const Award& x) {
        cited(o, ds, x);
        o.text("innovation", id_of(ds.innovations, x.innovation));
        o.text("competition", x.competition);
        if (x.year) o.integer("year", x.year);
        o.put("tier", x.tier);
        o.put("group", x.group);
        cited_tail(o, x);
    });
    records(o, "events", ds.events, [&](const Event& x) {
        cited(o, ds, x);
        o.text("name", x.name);
        o.text("kind", x.kind);
        o.put("date", x.date);
        o.put("end_date", x.end_date);
        o.put("place", x.place);
        o.put("region_code", x.region_code);
        if (x.online) {
            o.key("online");
            o.boolean(true);
        }
        o.put("part_of", id_of(ds.events, x.part_of));
        if (!x.participants.empty()) {
            o.key("participants");
            o.begin_array();
            for (const Participant& p : x.participants) {
                o.element();
                o.begin_object();
                o.text("role", p.role);
                o.put("person", p.person);
                o.put("position", p.position);
                o.put("institution", id_of(ds.institutions, p.institution));
                o.put("description", p.description);
                if (p.count) o.integer("count", p.count);
                o.end_object();
            }
            o.end_array();
        }
        if (!x.innovations.empty()) {
            o.key("innovations");
            id_array(o, ds.innovations, x.innovations);
        }
        cited_tail(o, x);
    });
    records(o, "replications", ds.replications, [&](const Replication& x) {
        cited(o, ds, x);
        o.text("source", id_of(ds.innovations, x.source));
        o.text("adopter", id_of(ds.institutions, x.adopter));
        o.put("region_code", x.region_code);
        if (x.adopter_count != 1) o.integer("adopter_count", x.adopter_count);
        o.put("program", id_of(ds.events, x.program));
        stages(o, ds, x.stages);
        o.put("derived", id_of(ds.innovations, x.derived));
        cited_tail(o, x);
    });
    records(o, "cohorts", ds.cohorts, [&](const Cohort& x) {
        cited(o, ds, x);
        o.text("program", id_of(ds.events, x.program));
        o.key("innovations");
        id_array(o, ds.innovations, x.innovations);
        if (!x.adopters.empty()) {
            o.key("adopters");
            id_array(o, ds.institutions, x.adopters);
        }
        if (x.adopter_count) o.integer("adopter_count", x.adopter_count);
        o.put("region_codes", x.region_codes);
        stages(o, ds, x.stages);
        cited_tail(o, x);
    });
    records(o, "figures", ds.figures, [&](const Figure& x) {
        cited(o, ds, x);
        o.text("metric", x.metric);
        if (x.value) {
            const double v = *x.value;
            o.key("value");
            // Whole numbers stay integers ("1065", not "1065.0").
            if (std::floor(v) == v && std::fabs(v) < 9e15) o.integer(static_cast<std::int64_t>(v));
            else o.number(v);
        }
        o.put("value_text", x.value_text);
        o.put("unit", x.unit);
        o.text("scope", x.scope);
        o.text("period", x.period);
        if (x.compare.active()) {
            const FigureCompare& c = x.compare;
            o.key("compare");
            o.begin_object();
            o.text("measure", to_string(c.measure));
            o.put("competition", c.competition);
            if (c.year_from) o.integer("year_from", c.year_from);
            if (c.year_to) o.integer("year_to", c.year_to);
            o.put("tiers", c.tiers);
            o.put("group", c.group);
            o.put("region", c.region);
            if (c.program) o.text("program", ds.events[c.program.value].id);
            o.end_object();
        }
        cited_tail(o, x);
    });
    o.end_object();
    o.s += '\n';
    return std::move(o.s);
}

}  // namespace atlas
