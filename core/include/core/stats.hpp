// Whole-bundle figures: what `atlas stats` prints and what the figures panel compares with
// published numbers.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/query.hpp"

namespace atlas {

struct BundleStats {
    std::uint32_t innovations = 0, replications = 0, cohorts = 0, programs = 0, events = 0, institutions = 0,
                  sources = 0, awards = 0, figures = 0;
    std::uint32_t replicated_innovations = 0;  // innovations with at least one replication or cohort
    std::uint32_t adopting_institutions = 0;   // distinct adopters named in replications and cohorts
    std::uint32_t derived_innovations = 0;
    std::map<std::string, std::uint32_t> by_province;  // province code ("national" for central) → innovations
};

BundleStats compute_stats(const Dataset& data);

// Finds an innovation by exact id, else by a case- and accent-insensitive part of its name or
// acronym expansion. Several matches: the one whose name matches exactly (folded) wins, then
// the shortest name; `candidates` lists them all.
struct InnovationLookup {
    InnovationId found;
    std::vector<InnovationId> candidates;
};
InnovationLookup find_innovation(const Dataset& data, std::string_view query);

}  // namespace atlas
