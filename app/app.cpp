#include <imgui.h>

#include "app_state.hpp"

namespace atlas::ui {

bool load_bundle_bytes(AppState& app, std::string_view bytes, std::string name) {
    auto loaded = load_bundle(bytes);
    if (!loaded) {
        app.load_error = name + ": " + loaded.error().describe();
        return false;
    }
    app.data = loaded.value().dataset;
    app.report = std::move(loaded.value().report);
    app.replication_list.reset();
    app.catalog = std::make_unique<Catalog>(app.data);
    app.replication_list = std::make_unique<ReplicationList>(*app.catalog);
    app.bundle_name = std::move(name);
    app.result = QueryResult{};
    // Filters that name values of the old bundle are kept: they simply match nothing new.
    app.selected = {};
    app.query_dirty = true;
    app.load_error.clear();
    app.frames_to_render = 3;
    return true;
}

void refresh(AppState& app) {
    if (!app.query_dirty || !app.catalog) return;
    app.catalog->run(app.query, app.result);
    app.replication_list->run(app.result, app.replication_sort, app.replication_descending, app.replication_rows);
    app.query_dirty = false;
}

void select_innovation(AppState& app, InnovationId id, bool scroll) {
    app.selected = id;
    app.scroll_to_selected = scroll;
}

void note_rect(AppState& app, std::string_view name) {
    ImVec2 a = ImGui::GetItemRectMin();
    ImVec2 b = ImGui::GetItemRectMax();
    auto it = app.widget_rects.find(name);
    if (it == app.widget_rects.end()) it = app.widget_rects.emplace(std::string(name), WidgetRect{}).first;
    it->second = WidgetRect{a.x, a.y, b.x - a.x, b.y - a.y};
}

}  // namespace atlas::ui
