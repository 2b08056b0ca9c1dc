// Everything the panels share: the loaded data, the user's query, its result, the selection.
// One instance, owned by main and handed to every panel.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/query.hpp"
#include "core/replication_list.hpp"
#include "strings.hpp"

namespace atlas::ui {

// The views of the main area. map: issue 5, lineage: issue 6, figures: issue 7.
enum class Tab : std::uint8_t { innovations, replications, map, lineage, figures };

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct AppState {
    // Data (replaced as a whole when a new bundle loads; never modified).
    std::shared_ptr<const Dataset> data;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<ReplicationList> replication_list;
    LoadReport report;
    std::string bundle_name;  // where the data came from

    // The user's question and the answers the views draw.
    Query query;
    QueryResult result;
    std::vector<ReplicationRow> replication_rows;
    ReplicationColumn replication_sort = ReplicationColumn::source;
    bool replication_descending = false;
    bool query_dirty = true;

    // Shared selection.
    InnovationId selected;
    bool scroll_to_selected = false;

    // View state.
    Tab tab = Tab::innovations;
    // Time slider shared by the lineage view and the map: only what happened up to this year
    // is shown (0: no limit).
    int timeline_year = 0;
    bool show_about = false;
    std::string load_error;  // last failed load, shown until dismissed
    std::string copied_text;

    // Rendering on demand and test hooks.
    std::uint64_t frame_count = 0;
    int frames_to_render = 3;
    std::map<std::string, WidgetRect, std::less<>> widget_rects;

    // ---- lineage view (issue 6): graph, family, layout and view state (ui/view_lineage.hpp) ----
    std::shared_ptr<struct LineageViewState> lineage_view;
};

// Loads a bundle from bytes. On failure the previous data stays and load_error says why.
bool load_bundle_bytes(AppState& app, std::string_view bytes, std::string name);

// Recomputes the result and the replication rows if the query changed.
void refresh(AppState& app);

void select_innovation(AppState& app, InnovationId id, bool scroll);

// Remembers where a widget was drawn (last item) so browser tests can find it.
void note_rect(AppState& app, std::string_view name);

}  // namespace atlas::ui
