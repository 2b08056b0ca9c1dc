// Test and host hooks of the map view (see hooks.hpp). Coordinates are CSS pixels, as
// atlas_widget_rect gives them.
#include <cstdio>

#include "hooks.hpp"
#include "ui/map_view.hpp"

using namespace atlas;
using namespace atlas::ui;

namespace {
MapViewState* map_view() {
    AppState* a = hook_state();
    if (!a) return nullptr;
    MapViewState& m = map_state(*a);
    return ensure_map(m) ? &m : nullptr;
}
}  // namespace

// 1 when boundary data was built in, else 0 (atlas_map_error says why).
ATLAS_EXPORT int atlas_map_available() { return map_view() ? 1 : 0; }
ATLAS_EXPORT const char* atlas_map_error() {
    AppState* a = hook_state();
    if (!a) return "";
    MapViewState& m = map_state(*a);
    ensure_map(m);
    return hook_keep(m.map_error);
}

// Replications on the aggregated pair arcs from one region to another, as the map last
// computed them for the current selection and year (both province codes: province arcs;
// otherwise the finest level: regencies, or provinces where no regency is known). -1 when the
// map has not been drawn or a code is unknown.
ATLAS_EXPORT int atlas_map_arc_count(const char* from, const char* to) {
    MapViewState* m = map_view();
    if (!m || !from || !to || m->index_data == nullptr) return -1;
    const std::uint32_t f = m->map->find(from), t = m->map->find(to);
    if (f == geo::no_region || t == geo::no_region) return -1;
    const bool provinces = f < m->map->province_count() && t < m->map->province_count();
    int n = 0;
    for (const geo::Arc& a : provinces ? m->figures.province_arcs : m->figures.regency_arcs)
        if (a.from == f && a.to == t && !a.program) n += static_cast<int>(a.count);
    return n;
}

// Arcs of the selected innovation (drawn highlighted) at the layer shown.
ATLAS_EXPORT int atlas_map_selected_arcs() {
    MapViewState* m = map_view();
    return m ? static_cast<int>(m->selected_arcs.size()) : 0;
}

// Arcs drawn last frame and arcs there were (between distinct regions).
ATLAS_EXPORT int atlas_map_arcs_drawn() { return map_view() ? static_cast<int>(map_view()->arcs_drawn) : 0; }
ATLAS_EXPORT int atlas_map_arcs_total() { return map_view() ? static_cast<int>(map_view()->arcs_total) : 0; }

// "x,y" on screen of a region's label point in the current view, "" when off the map.
ATLAS_EXPORT const char* atlas_map_label_point(const char* code) {
    MapViewState* m = map_view();
    if (!m || !code || !m->fitted) return "";
    const std::uint32_t r = m->map->find(code);
    if (r == geo::no_region) return "";
    const ImVec2 p = to_screen(*m, m->map->regions()[r].label);
    if (p.x < m->canvas_min.x || p.x > m->canvas_max.x || p.y < m->canvas_min.y || p.y > m->map_bottom) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f,%.1f", p.x, p.y);
    return hook_keep(buf);
}

// Code of the region under a screen point at the level shown, "" for sea or outside the map.
ATLAS_EXPORT const char* atlas_map_region_at(double x, double y) {
    MapViewState* m = map_view();
    if (!m || !m->fitted) return "";
    const ImVec2 s(static_cast<float>(x), static_cast<float>(y));
    if (s.x < m->canvas_min.x || s.x > m->canvas_max.x || s.y < m->canvas_min.y || s.y > m->canvas_max.y) return "";
    const std::uint32_t r = m->map->region_at(to_map(*m, s), m->level);
    return r == geo::no_region ? "" : m->map->regions()[r].code.c_str();
}

// The region the filters select (the one outlined on the map), "" when none.
ATLAS_EXPORT const char* atlas_map_selected_region() {
    AppState* a = hook_state();
    MapViewState* m = map_view();
    if (!a || !m) return "";
    const std::uint32_t r = selected_region(*a, *m);
    return r == geo::no_region ? "" : m->map->regions()[r].code.c_str();
}

// "province" or "regency": the layer shown.
ATLAS_EXPORT const char* atlas_map_level() {
    MapViewState* m = map_view();
    return m && m->level == geo::Level::regency ? "regency" : "province";
}

// A region's figure for a metric ("owned", "given", "received", "awards"), -1 if unknown.
ATLAS_EXPORT int atlas_map_value(const char* code, const char* metric) {
    MapViewState* m = map_view();
    if (!m || !code || !metric || m->index_data == nullptr) return -1;
    const std::uint32_t r = m->map->find(code);
    if (r == geo::no_region) return -1;
    for (int k = 0; k < geo::metric_count; ++k)
        if (std::string_view(metric) == geo::to_string(static_cast<geo::Metric>(k)))
            return static_cast<int>(m->figures.regions[r].value[k]);
    return -1;
}

// The colour class of a region as drawn: -1 no data, 0 zero, 1.. the legend's bins.
ATLAS_EXPORT int atlas_map_class(const char* code) {
    MapViewState* m = map_view();
    if (!m || !code || m->index_data == nullptr) return -2;
    const std::uint32_t r = m->map->find(code);
    return r == geo::no_region ? -2 : colour_class(*m, r);
}
