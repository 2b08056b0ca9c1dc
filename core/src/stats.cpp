#include "core/stats.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/regions.hpp"
#include "core/text.hpp"

namespace atlas {

BundleStats compute_stats(const Dataset& ds) {
    BundleStats s;
    s.innovations = static_cast<std::uint32_t>(ds.innovations.size());
    s.replications = static_cast<std::uint32_t>(ds.replications.size());
    s.cohorts = static_cast<std::uint32_t>(ds.cohorts.size());
    s.events = static_cast<std::uint32_t>(ds.events.size());
    s.programs = static_cast<std::uint32_t>(
        std::count_if(ds.events.begin(), ds.events.end(), [](const Event& e) { return e.kind == "program"; }));
    s.institutions = static_cast<std::uint32_t>(ds.institutions.size());
    s.sources = static_cast<std::uint32_t>(ds.sources.size());
    s.awards = static_cast<std::uint32_t>(ds.awards.size());
    s.figures = static_cast<std::uint32_t>(ds.figures.size());
    std::unordered_set<std::uint32_t> adopters;
    for (const Replication& r : ds.replications) adopters.insert(r.adopter.value);
    for (const Cohort& c : ds.cohorts)
        for (InstitutionId a : c.adopters) adopters.insert(a.value);
    s.adopting_institutions = static_cast<std::uint32_t>(adopters.size());
    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i) {
        if (!ds.replications_of.of(i).empty() || !ds.cohorts_of.of(i).empty()) ++s.replicated_innovations;
        if (ds.innovations[i].derived_from) ++s.derived_innovations;
        std::string_view p = RegionTable::province_code(ds.innovations[i].region_code);
        ++s.by_province[p.empty() ? std::string("national") : std::string(p)];
    }
    return s;
}

InnovationLookup find_innovation(const Dataset& ds, std::string_view query) {
    InnovationLookup out;
    if (InnovationId exact = ds.find_innovation(query)) {
        out.found = exact;
        out.candidates.push_back(exact);
        return out;
    }
    const std::string needle = text::fold(query);
    if (needle.empty()) return out;
    std::string hay;
    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i) {
        const Innovation& inn = ds.innovations[i];
        hay.clear();
        text::fold_append(inn.name, hay);
        hay += '\n';
        text::fold_append(inn.acronym_expansion, hay);
        if (hay.find(needle) != std::string::npos) out.candidates.emplace_back(i);
    }
    if (out.candidates.empty()) return out;
    auto score = [&](InnovationId id) {
        const Innovation& inn = ds.innovations[id.value];
        bool exact = text::fold(inn.name) == needle;
        return std::make_tuple(exact ? 0 : 1, inn.name.size(), inn.id);
    };
    out.found = *std::min_element(out.candidates.begin(), out.candidates.end(),
                                  [&](InnovationId a, InnovationId b) { return score(a) < score(b); });
    return out;
}

}  // namespace atlas
