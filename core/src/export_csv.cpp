#include "core/export.hpp"

#include <initializer_list>

#include "core/regions.hpp"

namespace atlas {

namespace {

bool formula_like(std::string_view s) noexcept {
    if (s.empty()) return false;
    const char c = s.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

class Writer {
public:
    explicit Writer(const CsvExportOptions& o) : o_(o) {
        if (o_.byte_order_mark) out_ = "\xEF\xBB\xBF";
    }
    Writer& cell(std::string_view s) {
        if (!first_) out_ += ',';
        first_ = false;
        append_csv_cell(out_, s, o_);
        return *this;
    }
    Writer& cell(std::uint64_t n) { return cell(std::to_string(n)); }
    void end_row() {
        out_ += "\r\n";
        first_ = true;
    }
    void header(std::initializer_list<std::string_view> names) {
        for (auto n : names) cell(n);
        end_row();
    }
    std::string take() { return std::move(out_); }

private:
    const CsvExportOptions& o_;
    std::string out_;
    bool first_ = true;
};

std::string region_name(std::string_view code) {
    if (code.empty()) return {};
    const Region* r = RegionTable::embedded().find(code);
    return r ? std::string(r->name) : std::string();
}

std::string province_name(std::string_view code) {
    return region_name(RegionTable::province_code(code));
}

std::string sources_text(const Dataset& ds, const Cited& c) {
    std::string out;
    for (SourceId s : c.sources) {
        if (!out.empty()) out += " | ";
        const Source& src = ds.sources[s.value];
        out += src.url.empty() ? src.title : src.url;
    }
    return out;
}

std::string institution_name(const Dataset& ds, InstitutionId i) {
    return i && i.value < ds.institutions.size() ? ds.institutions[i.value].name : std::string();
}

}  // namespace

void append_csv_cell(std::string& out, std::string_view cell, const CsvExportOptions& o) {
    const bool neutralise = o.neutralise_formulas && formula_like(cell);
    const bool quote = neutralise || cell.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
        out += cell;
        return;
    }
    out += '"';
    if (neutralise) out += '\'';
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string innovations_csv(const Catalog& cat, std::span<const InnovationId> rows, const CsvExportOptions& o) {
    const Dataset& ds = cat.data();
    Writer w(o);
    w.header({"id", "name", "acronym_expansion", "owner", "unit", "region_code", "region", "province", "sector",
              "year_started", "awards", "replications", "adopters", "confidence", "sources", "note"});
    std::string awards;
    for (InnovationId id : rows) {
        if (id.value >= ds.innovations.size()) continue;
        const Innovation& x = ds.innovations[id.value];
        awards.clear();
        for (AwardId a : ds.awards_of.of(id.value)) {
            const Award& aw = ds.awards[a.value];
            if (!awards.empty()) awards += "; ";
            awards += aw.competition;
            if (aw.year) awards += " " + std::to_string(aw.year);
            if (!aw.tier.empty()) awards += " " + aw.tier;
            if (!aw.group.empty()) awards += " (" + aw.group + ")";
        }
        w.cell(x.id).cell(x.name).cell(x.acronym_expansion).cell(institution_name(ds, x.owner))
            .cell(institution_name(ds, x.unit)).cell(x.region_code).cell(region_name(x.region_code))
            .cell(province_name(x.region_code)).cell(x.sector)
            .cell(x.year_started ? std::to_string(x.year_started) : std::string())
            .cell(awards).cell(cat.replication_count(id)).cell(cat.adopter_count(id))
            .cell(to_string(x.confidence)).cell(sources_text(ds, x)).cell(x.note);
        w.end_row();
    }
    return w.take();
}

std::string replications_csv(const Dataset& ds, std::span<const ReplicationRow> rows, const CsvExportOptions& o) {
    Writer w(o);
    w.header({"id", "kind", "source_innovation_ids", "source_innovations", "adopters", "adopter_count", "adopter_region_codes",
              "adopter_regions", "stage", "first_date", "latest_date", "program", "derived_innovation", "confidence",
              "sources", "note"});
    for (const ReplicationRow& row : rows) {
        if (!row.cohort) {
            if (row.index >= ds.replications.size()) continue;
            const Replication& r = ds.replications[row.index];
            const std::string& region = r.region_code.empty() ? ds.institutions[r.adopter.value].region_code : r.region_code;
            w.cell(r.id).cell("pair").cell(ds.innovations[r.source.value].id).cell(ds.innovations[r.source.value].name)
                .cell(institution_name(ds, r.adopter)).cell(r.adopter_count).cell(region).cell(region_name(region))
                .cell(r.stages.empty() ? "" : to_string(r.latest_stage())).cell(r.first_date().to_string())
                .cell(r.latest_date().to_string()).cell(r.program ? ds.events[r.program.value].name : std::string())
                .cell(r.derived ? ds.innovations[r.derived.value].name : std::string())
                .cell(to_string(r.confidence)).cell(sources_text(ds, r)).cell(r.note);
        } else {
            if (row.index >= ds.cohorts.size()) continue;
            const Cohort& c = ds.cohorts[row.index];
            std::string ids, names, adopters, codes, regions;
            auto join = [](std::string& to, std::string_view s) {
                if (s.empty()) return;
                if (!to.empty()) to += "; ";
                to += s;
            };
            for (InnovationId i : c.innovations) {
                join(ids, ds.innovations[i.value].id);
                join(names, ds.innovations[i.value].name);
            }
            for (InstitutionId a : c.adopters) join(adopters, ds.institutions[a.value].name);
            for (const std::string& code : c.region_codes) {
                join(codes, code);
                join(regions, region_name(code));
            }
            const std::uint64_t count = std::max<std::uint64_t>(c.adopter_count, c.adopters.size());
            w.cell(c.id).cell("program, pairing unknown").cell(ids).cell(names).cell(adopters).cell(count).cell(codes)
                .cell(regions).cell(c.stages.empty() ? "" : to_string(c.latest_stage())).cell("").cell("")
                .cell(ds.events[c.program.value].name).cell("").cell(to_string(c.confidence))
                .cell(sources_text(ds, c)).cell(c.note);
        }
        w.end_row();
    }
    return w.take();
}

}  // namespace atlas
