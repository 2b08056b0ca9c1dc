// The Data menu (open a bundle, copy a link to this view, export what is selected), the
// bundle's problems, quiet notices and the loading overlay (issue 8).
#include <cstdio>

#include "../platform/platform.hpp"
#include "core/export.hpp"
#include "ui.hpp"

namespace atlas::ui {

namespace {

std::string file_stem(const AppState& app) {
    std::string name = app.bundle_name;
    if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
    if (auto dot = name.rfind(".json"); dot != std::string::npos) name = name.substr(0, dot);
    for (char& c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) c = '-';
    return name.empty() ? std::string("atlas") : name;
}

}  // namespace

float data_menu_width() {
    return ImGui::CalcTextSize(tr(S::data_menu)).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
}

void draw_data_menu(AppState& app) {
    if (ImGui::Button(tr(S::data_menu))) ImGui::OpenPopup("##data_menu");
    note_rect(app, "data_menu");
    if (!ImGui::BeginPopup("##data_menu")) return;
    if (ImGui::Selectable(tr(S::open_bundle))) platform::pick_bundle_file();
    note_rect(app, "menu_open_bundle");
    ImGui::TextDisabled("%s", tr(S::open_bundle_hint));
    ImGui::Separator();
    if (ImGui::Selectable(tr(S::copy_link))) {
        platform::copy_to_clipboard(platform::link_for(encode_view_state(capture_view_state(app))));
        app.copied_text = tr(S::link_copied);
    }
    note_rect(app, "menu_copy_link");
    ImGui::Separator();
    const bool have = app.catalog != nullptr;
    if (ImGui::Selectable(tr(S::export_innovations), false, have ? 0 : ImGuiSelectableFlags_Disabled))
        platform::download(file_stem(app) + "-inovasi.csv", "text/csv;charset=utf-8",
                           innovations_csv(*app.catalog, app.result.rows));
    note_rect(app, "menu_export_innovations");
    if (ImGui::Selectable(tr(S::export_replications), false, have ? 0 : ImGuiSelectableFlags_Disabled))
        platform::download(file_stem(app) + "-replikasi.csv", "text/csv;charset=utf-8",
                           replications_csv(*app.data, app.replication_rows));
    note_rect(app, "menu_export_replications");
    // The map as drawn (with its legend), when the map tab is open.
    const bool map_shown = app.tab == Tab::map;  // the header is drawn before the view: last frame's tab
    if (ImGui::Selectable(tr(S::export_map_png), false, map_shown ? 0 : ImGuiSelectableFlags_Disabled))
        app.export_map_png = file_stem(app) + "-peta.png";
    note_rect(app, "menu_export_map");
    ImGui::Separator();
    char label[96];
    std::snprintf(label, sizeof label, tr(S::problems_button),
                  static_cast<unsigned>(app.report.problem_count()));
    if (ImGui::Selectable(label)) app.show_problems = true;
    note_rect(app, "menu_problems");
    ImGui::EndPopup();
}

void draw_data_windows(AppState& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // The validator's messages for the loaded bundle, one per line, copyable.
    if (app.show_problems) {
        ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, vp->WorkSize.x - 20), std::min(460.0f, vp->WorkSize.y - 40)),
                                 ImGuiCond_Appearing);
        if (ImGui::Begin(tr(S::problems_title), &app.show_problems, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
            note_rect(app, "problems_window");
            if (app.report.issues.empty()) ImGui::TextUnformatted(tr(S::problems_none));
            if (app.report.unlisted())
                ImGui::TextWrapped(tr(S::problems_unlisted), static_cast<unsigned>(app.report.unlisted()),
                                   static_cast<unsigned>(app.report.issues.size()));
            if (!app.report.issues.empty() && ImGui::Button(tr(S::copy))) {
                std::string all;
                for (const Issue& i : app.report.issues) all += i.path + ": " + i.message + "\n";
                platform::copy_to_clipboard(all);
            }
            ImGui::BeginChild("##problems", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
            ImGuiListClipper clip;
            clip.Begin(static_cast<int>(app.report.issues.size()));
            while (clip.Step()) {
                for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
                    const Issue& i = app.report.issues[static_cast<std::size_t>(k)];
                    const bool error = i.severity == Severity::error;
                    ImGui::TextColored(error ? ImVec4(0.75f, 0.2f, 0.15f, 1) : ImVec4(0.6f, 0.45f, 0.05f, 1), "%s",
                                       i.path.c_str());
                    ImGui::SameLine();
                    ImGui::TextUnformatted(i.message.c_str());
                }
            }
            ImGui::EndChild();
        }
        ImGui::End();
    }
    // Quiet notices at the bottom right: what a link or a host asked for that could not be done.
    if (!app.notices.empty()) {
        const float w = std::min(420.0f, vp->WorkSize.x - 20);
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 10, vp->WorkPos.y + vp->WorkSize.y - 40),
                                ImGuiCond_Always, ImVec2(1, 1));
        ImGui::SetNextWindowSize(ImVec2(w, 0));
        ImGui::SetNextWindowBgAlpha(0.95f);
        if (ImGui::Begin("##notices", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                                  ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
            ImGui::TextDisabled("%s", tr(S::notice_title));
            for (const Notice& n : app.notices) {
                ImGui::PushTextWrapPos(w - 16);
                ImGui::TextUnformatted(n.format().c_str());
                ImGui::PopTextWrapPos();
            }
            if (ImGui::SmallButton(tr(S::dismiss))) app.notices.clear();
            note_rect(app, "notices_dismiss");
        }
        ImGui::End();
    }
    // Reading a file or URL.
    if (app.loading) {
        ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(380.0f, vp->WorkSize.x - 20), 0));
        if (ImGui::Begin("##loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                                  ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted(app.load_label.c_str());
            if (app.load_progress >= 0) {
                ImGui::ProgressBar(app.load_progress, ImVec2(-1, 0));
            } else {
                // Size unknown: a bar sweeping back and forth.
                const float t = static_cast<float>(ImGui::GetTime());
                ImGui::ProgressBar(0.5f + 0.5f * std::sin(t * 3.0f), ImVec2(-1, 0), "");
                app.frames_to_render = std::max(app.frames_to_render, 2);
            }
            note_rect(app, "loading");
        }
        ImGui::End();
    }
}

}  // namespace atlas::ui
