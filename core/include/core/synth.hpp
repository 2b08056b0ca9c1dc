// A synthetic bundle for scale tests and demos: realistic in shape (regions weighted toward
// Java, Zipf-like popularity, lineage chains, programs, cohorts), fictitious in content, and
// always marked synthetic. The same options give the same Dataset, byte for byte once written,
// on every platform: the generator uses its own PRNG and integer-only sampling.
#pragma once
#include <cstdint>

#include "core/dataset.hpp"

namespace atlas {

struct SynthOptions {
    std::uint32_t innovations = 1000;   // total, derived innovations included
    std::uint32_t replications = 3000;  // total pair replications (cohorts come on top)
    std::uint64_t seed = 1;
    // When > 1: one extra family of this many lineage nodes grown from the first innovation
    // (deep and wide, with bursts of adopters in one regency), for lineage scale tests. Its
    // replications and derived innovations come on top of the counts above.
    std::uint32_t family = 0;
};

// Exactly options.innovations innovations and options.replications replications (plus the
// family's, if any), relations built. With no innovation there is nothing to replicate, so replications are then 0.
Dataset make_synthetic(const SynthOptions& options);

}  // namespace atlas
