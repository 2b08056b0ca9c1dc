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
void draw_messages(AppState& app);  // load errors, about box
void draw_lineage_view(AppState& app);  // issue 6: view_lineage.cpp
// Data menu (open, copy link, export, problems) and its windows: problems, notices, loading.
void draw_data_menu(AppState& app);
float data_menu_width();
void draw_data_windows(AppState& app);

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
