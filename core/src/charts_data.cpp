#include "core/charts_data.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "core/regions.hpp"

namespace atlas {

std::uint32_t YearSeries::year_total(std::size_t y) const noexcept {
    std::uint32_t n = 0;
    for (std::size_t s = 0; s < series.size(); ++s) n += at(y, s);
    return n;
}
std::uint32_t YearSeries::undated_total() const noexcept {
    return std::accumulate(undated.begin(), undated.end(), 0u);
}
std::uint32_t YearSeries::total() const noexcept {
    return std::accumulate(counts.begin(), counts.end(), 0u) + undated_total();
}

int award_tier_rank(std::string_view tier) noexcept {
    // Case-insensitive "top " followed by digits, anywhere in the label.
    for (std::size_t p = 0; p + 4 <= tier.size(); ++p) {
        auto lower = [&](std::size_t i) { char c = tier[i]; return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(p) != 't' || lower(p + 1) != 'o' || lower(p + 2) != 'p' || tier[p + 3] != ' ') continue;
        int n = 0;
        std::size_t i = p + 4;
        bool any = false;
        while (i < tier.size() && tier[i] >= '0' && tier[i] <= '9' && n <= 9999) {
            n = n * 10 + (tier[i] - '0');
            any = true;
            ++i;
        }
        if (any) return n;
    }
    return 10000;
}

namespace {

// Fills `out` from (year, series index) pairs; year 0 = undated.
void fill_years(YearSeries& out, const std::vector<std::pair<std::int16_t, std::uint32_t>>& items) {
    const std::size_t ns = out.series.size();
    out.undated.assign(ns, 0);
    std::int16_t lo = 0, hi = 0;
    for (auto [y, s] : items) {
        if (!y) continue;
        if (!lo || y < lo) lo = y;
        if (!hi || y > hi) hi = y;
    }
    out.years.clear();
    if (lo)
        for (int y = lo; y <= hi; ++y) out.years.push_back(static_cast<std::int16_t>(y));
    out.counts.assign(out.years.size() * ns, 0);
    for (auto [y, s] : items) {
        if (!y) ++out.undated[s];
        else ++out.counts[static_cast<std::size_t>(y - lo) * ns + s];
    }
}

Date earliest(const std::vector<StageStep>& steps) {
    Date best;
    for (const StageStep& st : steps)
        if (st.date.known() && (!best.known() || st.date.key() < best.key())) best = st.date;
    return best;
}

}  // namespace

YearSeries awards_by_year_tier(const Dataset& ds, std::span<const InnovationId> innovations) {
    YearSeries out;
    std::map<std::string, std::uint32_t> tier_index;  // label → first-seen index
    std::vector<std::pair<std::int16_t, std::string_view>> raw;
    for (InnovationId i : innovations) {
        if (i.value >= ds.innovations.size()) continue;
        for (AwardId a : ds.awards_of.of(i.value)) {
            const Award& aw = ds.awards[a.value];
            tier_index.emplace(aw.tier, 0);
            raw.emplace_back(aw.year, aw.tier);
        }
    }
    for (auto& [label, idx] : tier_index) out.series.push_back(label);
    std::stable_sort(out.series.begin(), out.series.end(), [](const std::string& a, const std::string& b) {
        if (a.empty() != b.empty()) return b.empty();  // no tier last
        int ra = award_tier_rank(a), rb = award_tier_rank(b);
        if (ra != rb) return ra < rb;
        return a < b;
    });
    for (std::uint32_t k = 0; k < out.series.size(); ++k) tier_index[out.series[k]] = k;
    std::vector<std::pair<std::int16_t, std::uint32_t>> items;
    items.reserve(raw.size());
    for (auto [y, t] : raw) items.emplace_back(y, tier_index[std::string(t)]);
    fill_years(out, items);
    return out;
}

YearSeries replications_by_year_stage(const Dataset& ds, std::span<const ReplicationRow> rows) {
    YearSeries out;
    for (int s = 0; s < stage_count; ++s) out.series.emplace_back(to_string(static_cast<Stage>(s)));
    std::vector<std::pair<std::int16_t, std::uint32_t>> items;
    items.reserve(rows.size());
    for (const ReplicationRow& row : rows) {
        if (!row.cohort) {
            if (row.index >= ds.replications.size()) continue;
            const Replication& r = ds.replications[row.index];
            items.emplace_back(r.first_date().year, static_cast<std::uint32_t>(r.latest_stage()));
        } else {
            if (row.index >= ds.cohorts.size()) continue;
            const Cohort& c = ds.cohorts[row.index];
            items.emplace_back(earliest(c.stages).year, static_cast<std::uint32_t>(c.latest_stage()));
        }
    }
    fill_years(out, items);
    return out;
}

std::vector<Ranked> innovations_by_province(const Dataset& ds, std::span<const InnovationId> innovations,
                                            std::size_t limit) {
    // Views into the dataset's region codes: no string is built per innovation.
    std::unordered_map<std::string_view, std::uint32_t> counts;
    for (InnovationId i : innovations) {
        if (i.value >= ds.innovations.size()) continue;
        ++counts[RegionTable::province_code(ds.innovations[i.value].region_code)];
    }
    std::vector<Ranked> out;
    out.reserve(counts.size());
    for (auto& [k, n] : counts) out.push_back({std::string(k), n});
    std::sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    if (limit && out.size() > limit) out.resize(limit);
    return out;
}

Axis nice_axis(double max, int ticks) noexcept {
    if (!(max > 0) || !std::isfinite(max)) return {1, 1};
    if (ticks < 1) ticks = 1;
    const double rough = max / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(rough)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        step = m * mag;
        if (step >= rough) break;
    }
    if (step < 1) step = 1;  // counts: no fractional ticks
    const double top = std::ceil(max / step - 1e-9) * step;
    return {step, std::max(top, step)};
}

}  // namespace atlas
