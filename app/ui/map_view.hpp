// State of the map view: the boundaries (loaded once), the figures of the current selection
// (recomputed only when the selection, the bundle or the timeline year change), the view
// transform and what was drawn last frame (for hover, clicks and the test hooks).
#pragma once
#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../app_state.hpp"
#include "core/geo.hpp"

namespace atlas::ui {

struct MapViewState {
    // Boundaries: loaded from the embedded asset on first use.
    bool tried_load = false;
    std::optional<geo::GeoMap> map;
    std::string map_error;

    // Figures of the selection, keyed by what they were computed from.
    std::unique_ptr<geo::GeoIndex> index;
    std::shared_ptr<const Dataset> index_data;  // held: the index refers into it
    std::vector<InnovationId> rows;
    int year = -1;
    geo::MapFigures figures;
    std::uint64_t generation = 0;  // bumped when figures change
    // Arcs of the selected innovation (highlighted).
    InnovationId arcs_for;
    int arcs_year = -1;
    geo::Level arcs_level = geo::Level::province;
    std::uint64_t arcs_generation = ~0ull;
    std::vector<geo::Arc> selected_arcs;

    // User choices.
    geo::Metric metric = geo::Metric::owned;
    bool regencies = false;  // regency layer forced on (it also comes on when zoomed in)
    bool arcs = true;

    // View: screen = origin + (map - centre)·scale, y flipped (north up).
    bool fitted = false;
    geo::MapPoint centre;
    float scale = 1;      // pixels per map unit
    float fit_scale = 1;  // scale of the whole-country view
    ImVec2 canvas_min, canvas_max;
    float map_bottom = 0;  // canvas bottom minus the legend

    // Screen positions of every vertex, recomputed when the view changes.
    std::vector<ImVec2> screen;
    geo::MapPoint screen_centre;
    float screen_scale = 0;
    ImVec2 screen_origin;

    // Colour classes: upper bounds of the non-zero bins of the current metric and level.
    std::vector<std::uint32_t> bins;
    std::uint64_t bins_generation = ~0ull;
    geo::Metric bins_metric = geo::Metric::owned;
    geo::Level bins_level = geo::Level::province;

    // Last frame, for interaction and hooks.
    geo::Level level = geo::Level::province;
    std::uint32_t hovered = geo::no_region;
    std::uint32_t arcs_drawn = 0, arcs_total = 0;
    bool dragging = false;
    ImVec2 press_pos;
    float pinch_distance = 0;  // two fingers: their distance last frame (0: no pinch)
    ImVec2 legend_min, legend_max;

    // A view asked for by a link before the map could be fitted to its canvas (zoom relative
    // to the whole country, centre in degrees): applied on the next draw.
    std::optional<float> pending_zoom;
    std::optional<geo::LonLat> pending_at;
};

// The viewport as a link states it (nothing when it is the whole-country view), and back.
struct MapLinkView {
    std::optional<double> zoom, lon, lat;
};
MapLinkView map_link_view(const MapViewState& m);
void apply_pending_view(MapViewState& m);

// The map state of the app, created on first use.
MapViewState& map_state(AppState& app);
// Loads the boundaries if not yet tried; false when there are none.
bool ensure_map(MapViewState& m);
// The map region the query selects: the single chosen regency, else the single chosen province.
std::uint32_t selected_region(const AppState& app, const MapViewState& m);
// Map ↔ screen for the current view.
ImVec2 to_screen(const MapViewState& m, geo::MapPoint p);
geo::MapPoint to_map(const MapViewState& m, ImVec2 s);

// Drawing (ui/map_paint.cpp): fills, outlines, bubbles, arcs, labels and the legend.
void paint_map(AppState& app, MapViewState& m);
// Measures the legend for the canvas width (its height reserves space under the map).
float legend_height(AppState& app, MapViewState& m, float width);
// The colour class of a value: -1 no data, 0 zero, 1.. bins.
int colour_class(const MapViewState& m, std::uint32_t region);

}  // namespace atlas::ui
