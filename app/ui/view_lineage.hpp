// State of the lineage view (issue 6): derived caches (graph, family, layout, ranking), each
// rebuilt when what it depends on changes, and what the user set (zoom, pan, colours, groups).
#pragma once
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "../app_state.hpp"
#include "core/lineage.hpp"

namespace atlas::ui {

enum class LineageRank : std::uint8_t { adopters, provinces, generations };

struct LineageViewState {
    // Caches.
    const Dataset* built_for = nullptr;
    std::unique_ptr<LineageGraph> graph;
    InnovationId focus;  // the innovation whose family `lin` is
    Lineage lin;
    LineageLayout layout;
    bool layout_dirty = true;
    int visible_year = -1;             // year `node_visible` was computed for
    std::vector<bool> node_visible;    // per Lineage node
    std::vector<std::uint32_t> item_visible_members;  // per layout item: members visible by the year
    int min_year = 0, max_year = 0;    // dated nodes of the family
    LineageStats focus_stats;

    // Ranking of the current result (app.result.rows).
    std::vector<InnovationId> ranked_from;
    LineageRank rank_by = LineageRank::adopters;
    LineageRank ranked_by = LineageRank::adopters;
    std::vector<std::pair<InnovationId, LineageStats>> ranking;

    // What the user set.
    LineageLayoutOptions options;
    bool colour_by_province = false;
    float zoom = 1.0f;
    ImVec2 pan{0, 0};
    bool fit_pending = true;  // fit to the canvas every frame until the user pans or zooms
    std::uint32_t highlight = 0xFFFFFFFFu;  // graph node highlighted (an adopter clicked), or none
    std::string search;
    bool playing = false;
    double next_step = 0;

    // Where items were drawn last frame (screen, CSS pixels) for the test hooks.
    std::vector<WidgetRect> item_screen;
    std::vector<bool> item_drawn;
};

// The view's state, created on first use.
LineageViewState& lineage_state(AppState& app);
// Brings graph, family, layout and visibility up to date with the data, selection and options.
void lineage_refresh(AppState& app, LineageViewState& v);
// Text of a layout item: its name line and its second line (region, program …).
std::string lineage_item_title(const LineageViewState& v, const LineageItem& item);
std::string lineage_item_subtitle(const LineageViewState& v, const LineageItem& item);
// The innovation to select for an item (itself, or the source an adopter took up), or none.
InnovationId lineage_item_innovation(const LineageViewState& v, const LineageItem& item);
// Ranking panel (view_lineage_rank.cpp).
void draw_lineage_ranking(AppState& app, LineageViewState& v);

}  // namespace atlas::ui
