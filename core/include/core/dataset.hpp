// The immutable Dataset: every record of a loaded bundle plus the relations between them.
// Built once by load_bundle(); views and queries only read it.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"

namespace atlas {

// Compressed adjacency lists: the items of row r are items[offsets[r] .. offsets[r+1]).
template <class Item>
struct Adjacency {
    std::vector<std::uint32_t> offsets{0};
    std::vector<Item> items;
    std::span<const Item> of(std::uint32_t row) const noexcept {
        if (row + 1 >= offsets.size()) return {};
        return {items.data() + offsets[row], items.data() + offsets[row + 1]};
    }
};

enum class RecordKind : std::uint8_t { source, institution, innovation, award, event, replication, cohort, figure };
inline constexpr int record_kind_count = 8;
const char* to_string(RecordKind k) noexcept;  // the bundle array name: "innovations", …

struct RecordRef {
    RecordKind kind;
    std::uint32_t row;
};

struct Dataset {
    Meta meta;
    std::vector<Source> sources;
    std::vector<Institution> institutions;
    std::vector<Innovation> innovations;
    std::vector<Award> awards;
    std::vector<Event> events;
    std::vector<Replication> replications;
    std::vector<Cohort> cohorts;
    std::vector<Figure> figures;

    // Relations, filled by build_relations().
    Adjacency<AwardId> awards_of;                // by innovation
    Adjacency<ReplicationId> replications_of;    // by source innovation
    Adjacency<ReplicationId> replications_into;  // by adopting institution
    Adjacency<CohortId> cohorts_of;              // by innovation (as one of a cohort's sources)
    Adjacency<EventId> events_of;                // by innovation (shown or discussed at)
    Adjacency<InnovationId> innovations_owned;   // by institution (owner or unit)

    // id → record, across all kinds (ids are unique across the bundle).
    const RecordRef* find(std::string_view id) const;
    InnovationId find_innovation(std::string_view id) const;

    // Parent innovation of a derived innovation (through its replication), or none.
    InnovationId parent_of(InnovationId child) const noexcept;

    std::size_t record_count() const noexcept;

    // Builds the relation tables and the id map; called by the loader and by code that
    // assembles a Dataset in memory (tests, the synthetic generator).
    void build_relations();

private:
    std::unordered_map<std::string_view, RecordRef> ids_;
};

}  // namespace atlas
