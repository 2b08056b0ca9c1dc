// Serialising a Dataset back to a v1 bundle. Fields at their defaults are left out so a
// written bundle reads like a hand-made one; key order is fixed so output is reproducible.
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/bundle.hpp"

namespace atlas {

namespace {
using ojson = nlohmann::ordered_json;

void put(ojson& o, const char* key, const std::string& v) {
    if (!v.empty()) o[key] = v;
}
void put(ojson& o, const char* key, const Date& d) {
    if (d.known()) o[key] = d.to_string();
}

template <class Rows, class Id>
std::string id_of(const Rows& rows, Id id) {
    return id.valid() && id.value < rows.size() ? rows[id.value].id : std::string();
}

ojson cited(const Dataset& ds, const Cited& c) {
    ojson o;
    o["id"] = c.id;
    ojson s = ojson::array();
    for (SourceId id : c.sources) s.push_back(ds.sources[id.value].id);
    o["sources"] = std::move(s);
    return o;
}
void cited_tail(ojson& o, const Cited& c) {
    if (c.confidence != Confidence::unspecified) o["confidence"] = to_string(c.confidence);
    put(o, "note", c.note);
}

ojson stages(const Dataset& ds, const std::vector<StageStep>& steps) {
    ojson arr = ojson::array();
    for (const StageStep& st : steps) {
        ojson s;
        s["stage"] = to_string(st.stage);
        put(s, "date", st.date);
        put(s, "event", id_of(ds.events, st.event));
        arr.push_back(std::move(s));
    }
    return arr;
}
}  // namespace

std::string write_bundle(const Dataset& ds, bool pretty) {
    ojson root;
    root["format"] = bundle_format_name;
    root["version"] = bundle_format_version;
    ojson meta;
    meta["title"] = ds.meta.title;
    meta["created"] = ds.meta.created.to_string();
    meta["licence"] = ds.meta.licence;
    meta["synthetic"] = ds.meta.synthetic;
    put(meta, "description", ds.meta.description);
    put(meta, "generator", ds.meta.generator);
    root["meta"] = std::move(meta);

    ojson& sources = root["sources"] = ojson::array();
    for (const Source& s : ds.sources) {
        ojson o;
        o["id"] = s.id;
        o["title"] = s.title;
        put(o, "outlet", s.outlet);
        put(o, "date", s.date);
        put(o, "url", s.url);
        put(o, "language", s.language);
        put(o, "note", s.note);
        sources.push_back(std::move(o));
    }
    ojson& insts = root["institutions"] = ojson::array();
    for (const Institution& x : ds.institutions) {
        ojson o = cited(ds, x);
        o["name"] = x.name;
        o["kind"] = x.kind;
        put(o, "region_code", x.region_code);
        put(o, "parent", id_of(ds.institutions, x.parent));
        if (x.member_count) o["member_count"] = x.member_count;
        cited_tail(o, x);
        insts.push_back(std::move(o));
    }
    ojson& inns = root["innovations"] = ojson::array();
    for (const Innovation& x : ds.innovations) {
        ojson o = cited(ds, x);
        o["name"] = x.name;
        put(o, "acronym_expansion", x.acronym_expansion);
        put(o, "description", x.description);
        o["owner"] = id_of(ds.institutions, x.owner);
        put(o, "unit", id_of(ds.institutions, x.unit));
        put(o, "region_code", x.region_code);
        put(o, "sector", x.sector);
        if (x.year_started) o["year_started"] = x.year_started;
        put(o, "status", x.status);
        put(o, "derived_from", id_of(ds.replications, x.derived_from));
        cited_tail(o, x);
        inns.push_back(std::move(o));
    }
    ojson& awards = root["awards"] = ojson::array();
    for (const Award& x : ds.awards) {
        ojson o = cited(ds, x);
        o["innovation"] = id_of(ds.innovations, x.innovation);
        o["competition"] = x.competition;
        if (x.year) o["year"] = x.year;
        put(o, "tier", x.tier);
        put(o, "group", x.group);
        cited_tail(o, x);
        awards.push_back(std::move(o));
    }
    ojson& events = root["events"] = ojson::array();
    for (const Event& x : ds.events) {
        ojson o = cited(ds, x);
        o["name"] = x.name;
        o["kind"] = x.kind;
        put(o, "date", x.date);
        put(o, "end_date", x.end_date);
        put(o, "place", x.place);
        put(o, "region_code", x.region_code);
        if (x.online) o["online"] = true;
        put(o, "part_of", id_of(ds.events, x.part_of));
        if (!x.participants.empty()) {
            ojson ps = ojson::array();
            for (const Participant& p : x.participants) {
                ojson po;
                po["role"] = p.role;
                put(po, "person", p.person);
                put(po, "position", p.position);
                put(po, "institution", id_of(ds.institutions, p.institution));
                put(po, "description", p.description);
                if (p.count) po["count"] = p.count;
                ps.push_back(std::move(po));
            }
            o["participants"] = std::move(ps);
        }
        if (!x.innovations.empty()) {
            ojson ids = ojson::array();
            for (InnovationId i : x.innovations) ids.push_back(ds.innovations[i.value].id);
            o["innovations"] = std::move(ids);
        }
        cited_tail(o, x);
        events.push_back(std::move(o));
    }
    ojson& reps = root["replications"] = ojson::array();
    for (const Replication& x : ds.replications) {
        ojson o = cited(ds, x);
        o["source"] = id_of(ds.innovations, x.source);
        o["adopter"] = id_of(ds.institutions, x.adopter);
        put(o, "region_code", x.region_code);
        if (x.adopter_count != 1) o["adopter_count"] = x.adopter_count;
        put(o, "program", id_of(ds.events, x.program));
        o["stages"] = stages(ds, x.stages);
        put(o, "derived", id_of(ds.innovations, x.derived));
        cited_tail(o, x);
        reps.push_back(std::move(o));
    }
    ojson& cohorts = root["cohorts"] = ojson::array();
    for (const Cohort& x : ds.cohorts) {
        ojson o = cited(ds, x);
        o["program"] = id_of(ds.events, x.program);
        ojson inn = ojson::array();
        for (InnovationId i : x.innovations) inn.push_back(ds.innovations[i.value].id);
        o["innovations"] = std::move(inn);
        if (!x.adopters.empty()) {
            ojson ad = ojson::array();
            for (InstitutionId i : x.adopters) ad.push_back(ds.institutions[i.value].id);
            o["adopters"] = std::move(ad);
        }
        if (x.adopter_count) o["adopter_count"] = x.adopter_count;
        if (!x.region_codes.empty()) o["region_codes"] = x.region_codes;
        o["stages"] = stages(ds, x.stages);
        cited_tail(o, x);
        cohorts.push_back(std::move(o));
    }
    ojson& figures = root["figures"] = ojson::array();
    for (const Figure& x : ds.figures) {
        ojson o = cited(ds, x);
        o["metric"] = x.metric;
        if (x.value) {
            double v = *x.value;
            // Whole numbers stay integers ("1065", not "1065.0").
            if (std::floor(v) == v && std::fabs(v) < 9e15) o["value"] = static_cast<std::int64_t>(v);
            else o["value"] = v;
        }
        put(o, "value_text", x.value_text);
        put(o, "unit", x.unit);
        o["scope"] = x.scope;
        o["period"] = x.period;
        cited_tail(o, x);
        figures.push_back(std::move(o));
    }
    return root.dump(pretty ? 2 : -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace atlas
