// The panels of the atlas window. Each draws from AppState and asks core for data.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>

#include "../app_state.hpp"

namespace atlas::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
};
extern Fonts fonts;

void draw_app(AppState& app);  // the whole window: filter bar, tables, detail, status bar

void draw_filter_bar(AppState& app);
void draw_catalog_table(AppState& app);
void draw_replications_table(AppState& app);
void draw_detail_panel(AppState& app);
void draw_status_bar(AppState& app);
void draw_map_view(AppState& app);  // the map tab (ui/view_map.cpp)
void draw_messages(AppState& app);  // load errors, about box
void draw_lineage_view(AppState& app);  // issue 6: view_lineage.cpp
// Data menu (open, copy link, export, problems) and its windows: problems, notices, loading.
void draw_data_menu(AppState& app);
float data_menu_width();
void draw_data_windows(AppState& app);

// ---- issue 7 ----
void draw_figures_view(AppState& app);   // the "Angka" tab: published vs computed, charts
void draw_bundle_switch(AppState& app);  // status bar: which embedded bundle is shown
// A red "!" badge before a low-confidence record's text in a table row (tooltip "keyakinan
// rendah", unless the row shows its own tooltip); notes its rect as `rect_name`. Draws nothing
// for other confidences.
void low_confidence_marker(AppState& app, Confidence c, const std::string& rect_name, bool tooltip = true);

// ---- helpers shared by panels ----
const char* facet_title(Facet f);
std::string facet_value_text(const Catalog& c, Facet f, std::uint32_t value);
const char* stage_text(Stage s);
const char* confidence_text(Confidence c);
std::string region_text(std::string_view code);  // "Kota Malang, Jawa Timur" / national
ImVec4 confidence_colour(Confidence c);
ImVec4 stage_colour(Stage s);
// A clickable text in link colour; true when clicked.
bool link_text(const char* label, const void* id_ptr);
void text_wrapped(std::string_view s);
// Text that fits its table cell: cut with "…" and shown whole in a tooltip when too long.
void cell_text(std::string_view s, const ImVec4* colour = nullptr);
// A table's header row whose cells are findable by tests as "header_<name>".
void table_header_row(AppState& app, const char* const* names, int count);
void dim_text(const char* fmt, ...) IM_FMTARGS(1);

}  // namespace atlas::ui
