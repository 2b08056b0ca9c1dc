// Bundle → CSV files. Every field of every record is written, so importing the files gives
// the same Dataset back (tests/test_import.cpp checks it byte for byte through write_bundle).
#include <charconv>
#include <cmath>

#include "core/csv_bundle.hpp"
#include "csv_columns.hpp"
#include "json_doc.hpp"

namespace atlas {

namespace {

template <class Rows, class Id>
std::string id_of(const Rows& rows, Id id) {
    return id.valid() && id.value < rows.size() ? rows[id.value].id : std::string();
}

template <class Rows, class Ids>
std::string joined(const Rows& rows, const Ids& ids) {
    std::string out;
    for (auto id : ids) {
        if (!out.empty()) out += '|';
        out += id_of(rows, id);
    }
    return out;
}

std::string number(double v) {
    char buf[32];
    if (std::floor(v) == v && std::fabs(v) < 9e15) {
        auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
        return std::string(buf, r.ptr);
    }
    std::string out;
    jdoc::append_json_double(out, v);  // shortest text that reads back the same (the bundle writer's)
    return out;
}

std::string uint_or_empty(std::uint64_t v) { return v ? std::to_string(v) : std::string(); }

// "interest 2021-08-24 @ev-x; commitment 2021-11-02"
std::string stages_cell(const Dataset& ds, const std::vector<StageStep>& steps) {
    std::string out;
    for (const StageStep& st : steps) {
        if (!out.empty()) out += "; ";
        out += to_string(st.stage);
        if (st.date.known()) out += ' ' + st.date.to_string();
        if (st.event) out += " @" + id_of(ds.events, st.event);
    }
    return out;
}

void cited_tail(std::vector<std::string>& row, const Dataset& ds, const Cited& c) {
    row.push_back(joined(ds.sources, c.sources));
    row.push_back(to_string(c.confidence));
    row.push_back(c.note);
}

}  // namespace

std::vector<CsvFile> export_csv(const Dataset& ds, const csv::WriteOptions& options) {
    std::vector<CsvFile> out;
    for (const csvcols::FileSpec& spec : csvcols::files()) {
        csv::Writer w(options);
        w.row(std::vector<std::string>(spec.columns.begin(), spec.columns.end()));
        const std::string_view f = spec.file;
        if (f == "meta.csv") {
            w.row({"title", ds.meta.title});
            w.row({"created", ds.meta.created.to_string()});
            w.row({"licence", ds.meta.licence});
            w.row({"synthetic", ds.meta.synthetic ? "true" : "false"});
            w.row({"description", ds.meta.description});
            w.row({"generator", ds.meta.generator});
        } else if (f == "sources.csv") {
            for (const Source& s : ds.sources)
                w.row({s.id, s.title, s.outlet, s.date.to_string(), s.url, s.language, s.note});
        } else if (f == "institutions.csv") {
            for (const Institution& x : ds.institutions) {
                std::vector<std::string> r{x.id, x.name, x.kind, x.region_code, id_of(ds.institutions, x.parent),
                                           uint_or_empty(x.member_count)};
                cited_tail(r, ds, x);
                w.row(r);
            }
        } else if (f == "innovations.csv") {
            for (const Innovation& x : ds.innovations) {
                std::vector<std::string> r{x.id,
                                           x.name,
                                           x.acronym_expansion,
                                           x.description,
                                           id_of(ds.institutions, x.owner),
                                           id_of(ds.institutions, x.unit),
                                           x.region_code,
                                           x.sector,
                                           x.year_started ? std::to_string(x.year_started) : std::string(),
                                           x.status,
                                           id_of(ds.replications, x.derived_from)};
                cited_tail(r, ds, x);
                w.row(r);
            }
        } else if (f == "awards.csv") {
            for (const Award& x : ds.awards) {
                std::vector<std::string> r{x.id, id_of(ds.innovations, x.innovation), x.competition,
                                           x.year ? std::to_string(x.year) : std::string(), x.tier, x.group};
                cited_tail(r, ds, x);
                w.row(r);
            }
        } else if (f == "events.csv") {
            for (const Event& x : ds.events) {
                std::vector<std::string> r{x.id,
                                           x.name,
                                           x.kind,
                                           x.date.to_string(),
                                           x.end_date.to_string(),
                                           x.place,
                                           x.region_code,
                                           x.online ? "yes" : "",
                                           id_of(ds.events, x.part_of),
                                           joined(ds.innovations, x.innovations)};
                cited_tail(r, ds, x);
                w.row(r);
            }
        } else if (f == "participants.csv") {
            for (const Event& e : ds.events)
                for (const Participant& p : e.participants)
                    w.row({e.id, p.role, p.person, p.position, id_of(ds.institutions, p.institution), p.description,
                           uint_or_empty(p.count)});
        } else if (f == "replications.csv") {
            for (const Replication& x : ds.replications) {
                std::vector<std::string> r{x.id,
                                           id_of(ds.innovations, x.source),
                                           id_of(ds.institutions, x.adopter),
                                           x.region_code,
                                           std::to_string(x.adopter_count),
                                           id_of(ds.events, x.program),
                                           stages_cell(ds, x.stages),
                                           id_of(ds.innovations, x.derived)};
                cited_tail(r, ds, x);
                w.row(r);
            }
        } else if (f == "cohorts.csv") {
            for (const Cohort& x : ds.cohorts) {
                std::string regions;
                for (const std::string& c : x.region_codes) regions += (regions.empty() ? "" : "|") + c;
                std::vector<std::string> r{x.id,
                                           id_of(ds.events, x.program),
                                           joined(ds.innovations, x.innovations),
                                           joined(ds.institutions, x.adopters),
                                           uint_or_empty(x.adopter_count),
                                           regions,
                                           stages_cell(ds, x.stages)};
                cited_tail(r, ds, x);
                w.row(r);
            }
        } else if (f == "figures.csv") {
            for (const Figure& x : ds.figures) {
                const FigureCompare& c = x.compare;
                std::string tiers;
                for (const std::string& t : c.tiers) tiers += (tiers.empty() ? "" : "|") + t;
                std::vector<std::string> r{x.id,
                                           x.metric,
                                           x.value ? number(*x.value) : std::string(),
                                           x.value_text,
                                           x.unit,
                                           x.scope,
                                           x.period,
                                           to_string(c.measure),
                                           c.competition,
                                           c.year_from ? std::to_string(c.year_from) : std::string(),
                                           c.year_to ? std::to_string(c.year_to) : std::string(),
                                           tiers,
                                           c.group,
                                           c.region,
                                           id_of(ds.events, c.program)};
                cited_tail(r, ds, x);
                w.row(r);
            }
        }
        out.push_back(CsvFile{std::string(f), w.take()});
    }
    return out;
}

}  // namespace atlas
