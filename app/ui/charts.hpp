// Small charts drawn with ImGui's draw lists (ImPlot is not packaged in Debian): a vertical
// stacked bar chart with a legend and a horizontal bar chart. They draw numbers they are given
// (core/charts_data.hpp computes them), show exact values on hover and report clicks; what a
// click means is the caller's business.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace atlas::ui::charts {

// Where the mouse is and what was clicked this frame; -1 = none.
struct Hit {
    int category = -1;  // bar (x category, or row of a horizontal chart)
    int series = -1;    // segment of a stacked bar; -1 when the click was on the bar's label/gap
    bool clicked = false;
    int legend = -1;    // legend entry clicked this frame (stacked bars)
};

// Called for what can be clicked, so tests can find it: (k, s) a bar segment, (k, -1) the
// category's label under the axis (horizontal bars: the whole row), (-1, s) a legend entry.
using BarRectSink = std::function<void(int category, int series, ImVec2 min, ImVec2 max)>;

struct StackedBars {
    std::span<const std::string> categories;  // x labels (years)
    std::span<const std::string> series;      // legend labels
    std::span<const ImU32> colours;           // one per series
    std::span<const std::uint32_t> values;    // categories x series, row-major by category
    std::span<const bool> category_active;    // optional: bars drawn as chosen (outlined)
    std::span<const bool> series_active;      // optional: legend entries drawn as chosen
    const char* value_unit = "";              // "penghargaan", shown in the tooltip after totals
    const char* click_hint = nullptr;         // tooltip's last line, e.g. "click to filter"
    BarRectSink bar_rects;
};
// Draws at the cursor, full available width, `height` pixels for the plot (legend above it).
Hit stacked_bar_chart(const char* id, const StackedBars& chart, float height);

struct HorizontalBars {
    std::span<const std::string> labels;
    std::span<const std::uint32_t> values;
    ImU32 colour = IM_COL32(60, 110, 170, 255);
    std::span<const bool> active;  // optional: rows drawn as chosen
    const char* value_unit = "";
    const char* click_hint = nullptr;
    BarRectSink bar_rects;
};
// One row per label, full available width.
Hit horizontal_bar_chart(const char* id, const HorizontalBars& chart);

// Thousands grouped the Indonesian way ("1.065") or the English way ("1,065").
std::string format_count(double v, char group_separator);

// Distinct, print-friendly colours for ordered series (tiers: darkest = best).
ImU32 ordinal_colour(int index, int count);

}  // namespace atlas::ui::charts
