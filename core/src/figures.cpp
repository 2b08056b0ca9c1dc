#include "core/figures.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/regions.hpp"

namespace atlas {

namespace {

bool iequal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// "35.07" is inside "35" and "35.07", not inside "35.0" or "3".
bool code_within(std::string_view code, std::string_view scope) noexcept {
    if (scope.empty()) return true;
    if (code.size() < scope.size() || code.compare(0, scope.size(), scope) != 0) return false;
    return code.size() == scope.size() || code[scope.size()] == '.';
}

bool has_award_filter(const FigureCompare& c) noexcept {
    return !c.competition.empty() || c.year_from || c.year_to || !c.tiers.empty() || !c.group.empty();
}

// The regency of a code if it names one (or a kecamatan), else its province.
std::string_view region_unit(std::string_view code) noexcept {
    std::string_view r = RegionTable::regency_code(code);
    return r.empty() ? RegionTable::province_code(code) : r;
}

}  // namespace

bool award_matches(const Award& a, const FigureCompare& c) noexcept {
    if (!c.competition.empty() && !iequal(a.competition, c.competition)) return false;
    if ((c.year_from || c.year_to) && a.year == 0) return false;
    if (c.year_from && a.year < c.year_from) return false;
    if (c.year_to && a.year > c.year_to) return false;
    if (!c.tiers.empty() &&
        std::none_of(c.tiers.begin(), c.tiers.end(), [&](const std::string& t) { return iequal(t, a.tier); }))
        return false;
    if (!c.group.empty() && a.group != c.group) return false;
    return true;
}

std::optional<double> compute_figure(const Dataset& ds, const FigureCompare& c,
                                     std::optional<std::span<const InnovationId>> within) {
    if (!c.active()) return std::nullopt;
    const bool award_filter = has_award_filter(c);

    std::vector<std::uint8_t> considered;
    if (within) {
        considered.assign(ds.innovations.size(), 0);
        for (InnovationId i : *within)
            if (i.value < considered.size()) considered[i.value] = 1;
    }
    auto in_scope = [&](std::uint32_t i) {
        if (within && !considered[i]) return false;
        if (!code_within(ds.innovations[i].region_code, c.region)) return false;
        if (!award_filter) return true;
        for (const auto& a : ds.awards_of.of(i))
            if (award_matches(ds.awards[a.value], c)) return true;
        return false;
    };

    std::uint64_t innovations = 0, awards = 0, replications = 0, replicated = 0, unnamed_adopters = 0;
    std::unordered_set<std::uint32_t> cohorts_seen, institutions;
    std::unordered_set<std::string_view> regions;

    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i) {
        if (!in_scope(i)) continue;
        ++innovations;
        for (const auto& a : ds.awards_of.of(i))
            if (!award_filter || award_matches(ds.awards[a.value], c)) ++awards;
        bool taken_up = false;
        for (const auto& rid : ds.replications_of.of(i)) {
            const Replication& r = ds.replications[rid.value];
            if (c.program && r.program != c.program) continue;
            taken_up = true;
            ++replications;
            institutions.insert(r.adopter.value);
            if (r.adopter_count > 1) unnamed_adopters += r.adopter_count - 1;
            std::string_view where = r.region_code.empty() ? std::string_view(ds.institutions[r.adopter.value].region_code)
                                                           : std::string_view(r.region_code);
            if (!where.empty()) regions.insert(region_unit(where));
        }
        for (const auto& kid : ds.cohorts_of.of(i)) {
            const Cohort& k = ds.cohorts[kid.value];
            if (c.program && k.program != c.program) continue;
            taken_up = true;
            if (!cohorts_seen.insert(kid.value).second) continue;  // a program's adopters count once
            const auto listed = static_cast<std::uint32_t>(k.adopters.size());
            const std::uint32_t adopters = std::max(listed, k.adopter_count);
            replications += adopters;  // pairing unknown: one per adopter
            unnamed_adopters += adopters - listed;
            for (InstitutionId a : k.adopters) {
                institutions.insert(a.value);
                const std::string& where = ds.institutions[a.value].region_code;
                if (!where.empty()) regions.insert(region_unit(where));
            }
            for (const std::string& code : k.region_codes) regions.insert(region_unit(code));
        }
        if (taken_up) ++replicated;
    }
    switch (c.measure) {
        case FigureMeasure::none: return std::nullopt;
        case FigureMeasure::innovations: return static_cast<double>(innovations);
        case FigureMeasure::awards: return static_cast<double>(awards);
        case FigureMeasure::replications: return static_cast<double>(replications);
        case FigureMeasure::replicated_innovations: return static_cast<double>(replicated);
        case FigureMeasure::replicating_institutions:
            return static_cast<double>(institutions.size() + unnamed_adopters);
        case FigureMeasure::adopting_regions: return static_cast<double>(regions.size());
    }
    return std::nullopt;
}

}  // namespace atlas
