// The replications table's question: which replications (and cohorts of unknown pairing) come
// from the innovations currently selected, in which order. Like Catalog, views ask and draw.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/query.hpp"

namespace atlas {

enum class ReplicationColumn : std::uint8_t { source, adopter, region, stage, date, program };
inline constexpr int replication_column_count = 6;
const char* to_string(ReplicationColumn c) noexcept;
std::optional<ReplicationColumn> parse_replication_column(std::string_view s) noexcept;

// One row: a pair replication or a cohort (several sources, several adopters, pairing unknown).
struct ReplicationRow {
    bool cohort = false;
    std::uint32_t index = 0;  // into Dataset::replications or Dataset::cohorts
    friend bool operator==(const ReplicationRow&, const ReplicationRow&) = default;
};

class ReplicationList {
public:
    explicit ReplicationList(const Catalog& catalog);

    // Rows whose source innovation is among `innovations.rows`, sorted.
    void run(const QueryResult& innovations, ReplicationColumn sort, bool descending,
             std::vector<ReplicationRow>& out) const;

    std::size_t size() const noexcept { return all_.size(); }

private:
    const Catalog& catalog_;
    std::vector<ReplicationRow> all_;
    std::array<std::vector<std::uint32_t>, replication_column_count> order_;  // indexes into all_
    mutable std::vector<std::uint8_t> selected_;  // scratch: innovation in the current result
};

}  // namespace atlas
