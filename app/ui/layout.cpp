// The one window filling the page: filter bar on top, tables left, detail right, status bar.
#include <imgui_internal.h>  // ClearActiveID

#include "ui.hpp"

namespace atlas::ui {

namespace {
// A link or the host asked for this tab: select it once.
ImGuiTabItemFlags tab_flags(const AppState& app, Tab t) {
    return app.requested_tab == t ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
}
}  // namespace

void draw_app(AppState& app) {
    app.widget_rects.clear();  // only what is drawn this frame can be found by tests
    if (app.release_text_focus) {
        // An active InputText keeps its own copy of the text and would write it back.
        ImGui::ClearActiveID();
        app.release_text_focus = false;
    }
    refresh(app);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin("##atlas", nullptr, flags);
    ImGui::PopStyleVar();

    draw_filter_bar(app);
    ImGui::Separator();

    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const float avail_h = ImGui::GetContentRegionAvail().y - status_h;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 760.0f;  // phones: detail below the tables
    // The figures tab is about the whole bundle, not one innovation: it takes the detail's room.
    const bool no_detail = app.tab == Tab::figures;
    const float detail_w = narrow ? width : std::max(320.0f, width * 0.36f);
    const float tables_w = narrow || no_detail ? width : width - detail_w - ImGui::GetStyle().ItemSpacing.x;
    // The lineage drawing needs more of a phone's height than a table.
    const float tables_h = narrow && !no_detail ? avail_h * (app.tab == Tab::lineage ? 0.72f : 0.55f) : avail_h;

    ImGui::BeginChild("##tables", ImVec2(tables_w, tables_h), false);
    if (ImGui::BeginTabBar("##views")) {
        char label[96];
        std::snprintf(label, sizeof label, "%s (%zu)###tab_inn", tr(S::tab_innovations), app.result.rows.size());
        if (ImGui::BeginTabItem(label, nullptr, tab_flags(app, Tab::innovations))) {
            app.tab = Tab::innovations;
            ImGui::EndTabItem();
        }
        note_rect(app, "tab_innovations");
        std::snprintf(label, sizeof label, "%s (%zu)###tab_rep", tr(S::tab_replications), app.replication_rows.size());
        if (ImGui::BeginTabItem(label, nullptr, tab_flags(app, Tab::replications))) {
            app.tab = Tab::replications;
            ImGui::EndTabItem();
        }
        note_rect(app, "tab_replications");
        std::snprintf(label, sizeof label, "%s###tab_map", tr(S::tab_map));
        if (ImGui::BeginTabItem(label, nullptr, tab_flags(app, Tab::map))) {
            app.tab = Tab::map;
            ImGui::EndTabItem();
        }
        note_rect(app, "tab_map");
        if (ImGui::BeginTabItem((std::string(tr(S::tab_lineage)) + "###tab_lineage").c_str(), nullptr, tab_flags(app, Tab::lineage))) {
            app.tab = Tab::lineage;
            ImGui::EndTabItem();
        }
        note_rect(app, "tab_lineage");
        std::snprintf(label, sizeof label, "%s###tab_fig", tr(S::tab_figures));
        if (ImGui::BeginTabItem(label, nullptr, tab_flags(app, Tab::figures))) {
            app.tab = Tab::figures;
            ImGui::EndTabItem();
        }
        note_rect(app, "tab_figures");
        ImGui::EndTabBar();
    }
    app.requested_tab.reset();
    if (app.tab == Tab::innovations) draw_catalog_table(app);
    else if (app.tab == Tab::map) draw_map_view(app);
    else if (app.tab == Tab::figures) draw_figures_view(app);
    else if (app.tab == Tab::lineage) draw_lineage_view(app);
    else draw_replications_table(app);
    ImGui::EndChild();

    if (!no_detail) {
        if (!narrow) ImGui::SameLine();
        ImGui::BeginChild("##detail", ImVec2(detail_w, narrow ? avail_h - tables_h - ImGui::GetStyle().ItemSpacing.y : avail_h), true);
        draw_detail_panel(app);
        ImGui::EndChild();
    }

    draw_status_bar(app);
    ImGui::End();
    draw_messages(app);
    draw_data_windows(app);
}

}  // namespace atlas::ui
