// Published figures side by side with what a bundle holds: computes the count a figure's
// `compare` spec describes, over the whole bundle or over a selection of innovations.
#pragma once
#include <optional>
#include <span>

#include "core/dataset.hpp"

namespace atlas {

// The count `spec` describes. Without `within` every innovation is considered; with it only
// those listed (e.g. the rows the filters left). Nothing when the spec has no measure.
std::optional<double> compute_figure(const Dataset& data, const FigureCompare& spec,
                                     std::optional<std::span<const InnovationId>> within = std::nullopt);

// True when award `a` passes the spec's award filters (competition, years, tiers, group).
bool award_matches(const Award& a, const FigureCompare& spec) noexcept;

}  // namespace atlas
