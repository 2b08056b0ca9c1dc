// Figures per region and diffusion arcs of a selection of innovations.
#include <algorithm>
#include <tuple>

#include "core/geo.hpp"

namespace atlas::geo {

const char* to_string(Metric m) noexcept {
    switch (m) {
        case Metric::owned: return "owned";
        case Metric::given: return "given";
        case Metric::received: return "received";
        case Metric::awards: return "awards";
    }
    return "";
}

bool stage_by(std::span<const StageStep> stages, int year_limit, Stage& out) noexcept {
    if (year_limit <= 0) {
        out = Stage::interest;
        for (const StageStep& s : stages) out = std::max(out, s.stage);
        return true;
    }
    bool any = false;
    for (const StageStep& s : stages) {
        if (s.date.year == 0 || s.date.year > year_limit) continue;
        out = any ? std::max(out, s.stage) : s.stage;
        any = true;
    }
    return any;
}

namespace {

// Arc keys sort by (from, to, stage, program); the low 32 bits carry the adopters of one
// replication, so one sort groups them and a run sums them.
constexpr std::uint64_t arc_key(std::uint32_t from, std::uint32_t to, Stage stage, bool program, std::uint32_t adopters) {
    const std::uint64_t k = (std::uint64_t{from} << 23) | (std::uint64_t{to} << 3) |
                            (std::uint64_t{static_cast<std::uint8_t>(stage)} << 1) | (program ? 1u : 0u);
    return (k << 32) | adopters;
}

void collapse(std::vector<std::uint64_t>& keys, std::vector<Arc>& out) {
    out.clear();
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < keys.size();) {
        const std::uint64_t k = keys[i] >> 32;
        Arc a;
        a.from = static_cast<std::uint32_t>(k >> 23);
        a.to = static_cast<std::uint32_t>((k >> 3) & 0xFFFFFu);
        a.stage = static_cast<Stage>((k >> 1) & 3u);
        a.program = (k & 1u) != 0;
        for (; i < keys.size() && (keys[i] >> 32) == k; ++i) {
            ++a.count;
            a.adopters += static_cast<std::uint32_t>(keys[i] & 0xFFFFFFFFu);
        }
        out.push_back(a);
    }
    // Largest first; ties in (from, to, stage, program) order, so the order is deterministic.
    std::sort(out.begin(), out.end(), [](const Arc& x, const Arc& y) {
        if (x.count != y.count) return x.count > y.count;
        return std::tie(x.from, x.to, x.stage, x.program) < std::tie(y.from, y.to, y.stage, y.program);
    });
}

}  // namespace

GeoIndex::GeoIndex(const Dataset& data, const GeoMap& map) : data_(data), map_(map) {
    has_data_.assign(map.regions().size(), 0);
    // A binary search per code (measured faster than memoising them in a hash map).
    auto place = [&](std::string_view code) { return map.lookup(code); };
    auto mark = [&](const RegionRef& r) {
        if (r.province != no_region) has_data_[r.province] = 1;
        if (r.regency != no_region) has_data_[r.regency] = 1;
    };
    auto institution_place = [&](InstitutionId i) {
        return i && i.value < data.institutions.size() ? place(data.institutions[i.value].region_code) : RegionRef{};
    };
    innovation_.reserve(data.innovations.size());
    for (const Innovation& inn : data.innovations) {
        RegionRef r = place(inn.region_code);
        innovation_.push_back(r);
        mark(r);
    }
    adopter_.reserve(data.replications.size());
    facts_.reserve(data.replications.size());
    for (const Replication& rep : data.replications) {
        Facts f;
        for (const StageStep& st : rep.stages) {
            const int k = static_cast<int>(st.stage);
            f.reached |= static_cast<std::uint8_t>(1u << k);
            if (st.date.year > 0 && (f.year[k] == 0 || st.date.year < f.year[k])) f.year[k] = st.date.year;
        }
        f.adopters = std::max<std::uint32_t>(1, rep.adopter_count);
        facts_.push_back(f);
        RegionRef r = rep.region_code.empty() ? institution_place(rep.adopter) : place(rep.region_code);
        adopter_.push_back(r);
        mark(r);
    }
    for (const Cohort& c : data.cohorts) {
        const std::size_t start = cohort_places_.size();
        auto add = [&](RegionRef r) {
            if (!r.placed()) return;
            for (std::size_t k = start; k < cohort_places_.size(); ++k)
                if (cohort_places_[k].finest() == r.finest()) return;
            cohort_places_.push_back(r);
            mark(r);
        };
        for (const std::string& code : c.region_codes) add(place(code));
        for (InstitutionId a : c.adopters) add(institution_place(a));
        cohort_offsets_.push_back(static_cast<std::uint32_t>(cohort_places_.size()));
    }
    for (const Institution& i : data.institutions) mark(place(i.region_code));
    for (const Event& e : data.events) mark(place(e.region_code));
}

void GeoIndex::add_arcs(InnovationId i, int year_limit, std::vector<std::uint64_t>& province_keys,
                        std::vector<std::uint64_t>& regency_keys, MapFigures* f) const {
    const RegionRef src = innovation_[i.value];
    for (ReplicationId rid : data_.replications_of.of(i.value)) {
        const Facts& facts = facts_[rid.value];
        Stage stage = Stage::interest;
        bool counted = year_limit <= 0;
        for (int k = stage_count - 1; k >= 0; --k) {  // the same rule as stage_by(), on packed facts
            if (year_limit <= 0 ? (facts.reached >> k) & 1u : facts.year[k] != 0 && facts.year[k] <= year_limit) {
                stage = static_cast<Stage>(k);
                counted = true;
                break;
            }
        }
        if (!counted) continue;
        const RegionRef dst = adopter_[rid.value];
        if (f) {
            ++f->replications;
            if (src.placed()) {
                ++f->regions[src.province].value[static_cast<int>(Metric::given)];
                if (src.regency != no_region) ++f->regions[src.regency].value[static_cast<int>(Metric::given)];
            }
            if (dst.placed()) {
                ++f->regions[dst.province].value[static_cast<int>(Metric::received)];
                if (dst.regency != no_region) ++f->regions[dst.regency].value[static_cast<int>(Metric::received)];
            }
        }
        if (!src.placed() || !dst.placed()) {
            if (f) ++f->unplaced;
            continue;
        }
        if (f) {
            if (src.province == dst.province) ++f->regions[src.province].internal;
            if (src.regency != no_region && src.regency == dst.regency) ++f->regions[src.regency].internal;
        }
        const std::uint32_t adopters = facts.adopters;
        province_keys.push_back(arc_key(src.province, dst.province, stage, false, adopters));
        regency_keys.push_back(arc_key(src.finest(), dst.finest(), stage, false, adopters));
    }
    for (CohortId cid : data_.cohorts_of.of(i.value)) {
        const Cohort& c = data_.cohorts[cid.value];
        Stage stage;
        if (!stage_by(c.stages, year_limit, stage)) continue;
        const auto places = std::span<const RegionRef>(cohort_places_).subspan(
            cohort_offsets_[cid.value], cohort_offsets_[cid.value + 1] - cohort_offsets_[cid.value]);
        if (!src.placed()) continue;
        for (const RegionRef& dst : places) {
            province_keys.push_back(arc_key(src.province, dst.province, stage, true, 0));
            regency_keys.push_back(arc_key(src.finest(), dst.finest(), stage, true, 0));
        }
    }
}

void GeoIndex::aggregate(std::span<const InnovationId> selection, int year_limit, MapFigures& out) const {
    const std::size_t n = map_.regions().size();
    out.regions.assign(n, RegionFigures{});
    out.national_owned = out.replications = out.unplaced = out.cohorts = 0;
    // Scratch kept between calls: a new selection does not allocate once they have grown.
    std::vector<std::uint64_t>& province_keys = province_keys_;
    std::vector<std::uint64_t>& regency_keys = regency_keys_;
    province_keys.clear();
    regency_keys.clear();
    std::vector<std::uint8_t> cohort_seen(data_.cohorts.size(), 0);
    for (InnovationId i : selection) {
        if (i.value >= innovation_.size()) continue;
        const RegionRef r = innovation_[i.value];
        auto add = [&](Metric m, std::uint32_t k) {
            if (!r.placed()) return;
            out.regions[r.province].value[static_cast<int>(m)] += k;
            if (r.regency != no_region) out.regions[r.regency].value[static_cast<int>(m)] += k;
        };
        if (r.placed()) add(Metric::owned, 1);
        else ++out.national_owned;
        std::uint32_t awards = 0;
        for (AwardId a : data_.awards_of.of(i.value)) {
            const Award& aw = data_.awards[a.value];
            if (year_limit <= 0 || (aw.year != 0 && aw.year <= year_limit)) ++awards;
        }
        add(Metric::awards, awards);
        add_arcs(i, year_limit, province_keys, regency_keys, &out);
        // Cohorts: counted once each (a cohort has several sources), at their adopting places.
        for (CohortId cid : data_.cohorts_of.of(i.value)) {
            if (cohort_seen[cid.value]) continue;
            Stage stage;
            if (!stage_by(data_.cohorts[cid.value].stages, year_limit, stage)) continue;
            cohort_seen[cid.value] = 1;
            ++out.cohorts;
            std::vector<std::uint32_t> provinces;
            for (std::uint32_t k = cohort_offsets_[cid.value]; k < cohort_offsets_[cid.value + 1]; ++k) {
                const RegionRef& p = cohort_places_[k];
                if (std::find(provinces.begin(), provinces.end(), p.province) == provinces.end()) {
                    provinces.push_back(p.province);
                    ++out.regions[p.province].programs;
                }
                if (p.regency != no_region) ++out.regions[p.regency].programs;
            }
        }
    }
    collapse(province_keys, out.province_arcs);
    collapse(regency_keys, out.regency_arcs);
    out.max_province.fill(0);
    out.max_regency.fill(0);
    for (std::size_t r = 0; r < n; ++r) {
        auto& mx = r < map_.province_count() ? out.max_province : out.max_regency;
        for (int m = 0; m < metric_count; ++m) mx[m] = std::max(mx[m], out.regions[r].value[m]);
    }
}

std::vector<Arc> GeoIndex::arcs_of(InnovationId innovation, int year_limit, Level level) const {
    std::vector<Arc> out;
    if (innovation.value >= innovation_.size()) return out;
    std::vector<std::uint64_t> province_keys, regency_keys;
    add_arcs(innovation, year_limit, province_keys, regency_keys, nullptr);
    collapse(level == Level::province ? province_keys : regency_keys, out);
    return out;
}

}  // namespace atlas::geo
