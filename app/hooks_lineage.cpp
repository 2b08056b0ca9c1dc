// Test hooks of the lineage view (issue 6): what the view shows, read by the browser tests.
#include <cstdio>

#include "hooks.hpp"
#include "ui/view_lineage.hpp"

using namespace atlas;
using namespace atlas::ui;

namespace {
LineageViewState* view() {
    AppState* a = hook_state();
    return a && a->lineage_view && a->data ? a->lineage_view.get() : nullptr;
}
bool item_ok(const LineageViewState* v, int i) { return v && i >= 0 && static_cast<std::size_t>(i) < v->layout.items.size(); }
}  // namespace

// Nodes of the lineage on screen (the family of the selected innovation), groups counted by members.
ATLAS_EXPORT int atlas_lineage_node_count() {
    LineageViewState* v = view();
    return v && v->focus ? static_cast<int>(v->lin.nodes.size()) : 0;
}
// Of those, the ones the time slider leaves shown.
ATLAS_EXPORT int atlas_lineage_visible_node_count() {
    LineageViewState* v = view();
    if (!v || !v->focus) return 0;
    int n = 0;
    for (bool b : v->node_visible) n += b ? 1 : 0;
    return n;
}
ATLAS_EXPORT const char* atlas_lineage_root_id() {
    LineageViewState* v = view();
    return v && v->lin.root ? v->graph->dataset().innovations[v->lin.root.value].id.c_str() : "";
}
// Boxes drawn (a collapsed group is one).
ATLAS_EXPORT int atlas_lineage_item_count() {
    LineageViewState* v = view();
    return v && v->focus ? static_cast<int>(v->layout.items.size()) : 0;
}
// "x,y,w,h" in CSS pixels where item i was drawn last frame, "" if hidden or off screen.
ATLAS_EXPORT const char* atlas_lineage_item_rect(int i) {
    LineageViewState* v = view();
    if (!item_ok(v, i) || static_cast<std::size_t>(i) >= v->item_drawn.size() || !v->item_drawn[static_cast<std::size_t>(i)])
        return "";
    const WidgetRect& r = v->item_screen[static_cast<std::size_t>(i)];
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.1f,%.1f,%.1f,%.1f", r.x, r.y, r.w, r.h);
    return hook_keep(buf);
}
ATLAS_EXPORT const char* atlas_lineage_item_label(int i) {
    LineageViewState* v = view();
    return item_ok(v, i) ? hook_keep(lineage_item_title(*v, v->layout.items[static_cast<std::size_t>(i)])) : "";
}
// "innovation", "adopter", "program" or "group".
ATLAS_EXPORT const char* atlas_lineage_item_kind(int i) {
    LineageViewState* v = view();
    if (!item_ok(v, i)) return "";
    const LineageItem& it = v->layout.items[static_cast<std::size_t>(i)];
    return it.group ? "group" : to_string(v->graph->nodes()[v->lin.nodes[it.members.front()]].kind);
}
// The innovation clicking item i selects (its own id, or the source an adopter took up).
ATLAS_EXPORT const char* atlas_lineage_item_innovation(int i) {
    LineageViewState* v = view();
    if (!item_ok(v, i)) return "";
    InnovationId id = lineage_item_innovation(*v, v->layout.items[static_cast<std::size_t>(i)]);
    return id ? v->graph->dataset().innovations[id.value].id.c_str() : "";
}
// Layer (generation column) of item i, -1 if none.
ATLAS_EXPORT int atlas_lineage_item_layer(int i) {
    LineageViewState* v = view();
    return item_ok(v, i) ? v->layout.items[static_cast<std::size_t>(i)].layer : -1;
}
ATLAS_EXPORT int atlas_timeline_year() { return hook_state() ? hook_state()->timeline_year : 0; }
// Sets the shared time slider (0: every year), as the slider does; the map follows it too.
ATLAS_EXPORT void atlas_set_timeline_year(int year) {
    if (AppState* a = hook_state()) {
        a->timeline_year = year < 0 ? 0 : year;
        atlas_request_frame();
    }
}
// Selects an innovation by id as a click in a table would (the lineage view follows the
// selection); 1 when found.
ATLAS_EXPORT int atlas_lineage_open(const char* id) {
    AppState* a = hook_state();
    if (!a || !a->data || !id) return 0;
    InnovationId i = a->data->find_innovation(id);
    if (!i) return 0;
    select_innovation(*a, i, true);
    atlas_request_frame();
    return 1;
}
