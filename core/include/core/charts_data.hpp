// What the figures tab's charts draw, computed headless from a selection so that every bar can
// be checked against the CLI and the tests: awards per year by tier, replications per year by
// stage, innovations per owner province. Views draw these; they never count themselves.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/replication_list.hpp"

namespace atlas {

// Counts per year (a contiguous run of years, empty years included so gaps show on the axis),
// split into series (tiers, stages). Records without a year are counted apart, not dropped.
struct YearSeries {
    std::vector<std::int16_t> years;    // ascending, contiguous; empty when nothing is dated
    std::vector<std::string> series;    // series keys in display order (tier labels, stage names)
    std::vector<std::uint32_t> counts;  // years.size() x series.size(), row-major by year
    std::vector<std::uint32_t> undated; // per series: records with no known year
    std::uint32_t at(std::size_t year_index, std::size_t series_index) const noexcept {
        return counts[year_index * series.size() + series_index];
    }
    std::uint32_t year_total(std::size_t year_index) const noexcept;
    std::uint32_t total() const noexcept;          // dated and undated
    std::uint32_t undated_total() const noexcept;
};

// Award records of the innovations listed, per award year and tier. Tiers are ordered by rank
// ("Top 5" before "Top 45" before "Top 99"), unranked labels after, the empty tier ("") last.
YearSeries awards_by_year_tier(const Dataset& data, std::span<const InnovationId> innovations);

// Rows of the replications table per year of their first dated stage step and per stage
// reached (latest stage). A cohort row (program of unknown pairing) counts once, as it does
// in the table. Series are the four stages, in stage order, always all present.
YearSeries replications_by_year_stage(const Dataset& data, std::span<const ReplicationRow> rows);

// Innovations per owner province ("" for national owners), most first (ties by code), at most
// `limit` entries (0 = all).
struct Ranked {
    std::string key;
    std::uint32_t count = 0;
};
std::vector<Ranked> innovations_by_province(const Dataset& data, std::span<const InnovationId> innovations,
                                            std::size_t limit = 0);

// Rank of an award tier label for ordering: "Top 9" → 9; other labels 10000.
int award_tier_rank(std::string_view tier) noexcept;

// "Nice" axis: a step of 1, 2 or 5 × 10^k so that about `ticks` steps cover [0, max]; the
// returned top is a multiple of the step, at least max (and at least one step).
struct Axis {
    double step = 1;
    double top = 1;
};
Axis nice_axis(double max, int ticks = 4) noexcept;

}  // namespace atlas
