// Filter bar (search, facet pickers with counts, chips, clear-all), status bar and messages.
#include <algorithm>
#include <cstdio>

#include "../platform/platform.hpp"
#include "ui.hpp"

#include <imgui_stdlib.h>  // after imgui.h: it needs IMGUI_API

namespace atlas::ui {

namespace {

void toggle_value(AppState& app, Facet f, const std::string& value) {
    auto& chosen = app.query.facets[static_cast<int>(f)];
    auto it = std::find(chosen.begin(), chosen.end(), value);
    if (it == chosen.end()) chosen.push_back(value);
    else chosen.erase(it);
    app.query_dirty = true;
}

// A button "Provinsi (2)" opening a list of values with counts and check boxes.
void facet_picker(AppState& app, Facet f) {
    const Catalog& cat = *app.catalog;
    const int fi = static_cast<int>(f);
    const auto& chosen = app.query.facets[fi];
    char label[128];
    if (chosen.empty()) std::snprintf(label, sizeof label, "%s###facet_%s", facet_title(f), to_string(f));
    else std::snprintf(label, sizeof label, "%s (%zu)###facet_%s", facet_title(f), chosen.size(), to_string(f));
    if (!chosen.empty()) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    bool open_popup = ImGui::Button(label);
    if (!chosen.empty()) ImGui::PopStyleColor();
    note_rect(app, std::string("facet_") + to_string(f));
    std::string popup = std::string("popup_") + to_string(f);
    if (open_popup) ImGui::OpenPopup(popup.c_str());
    ImGui::SetNextWindowSizeConstraints(ImVec2(220, 0), ImVec2(420, 420));
    if (ImGui::BeginPopup(popup.c_str())) {
        auto values = cat.facet_values(f);
        if (values.empty()) ImGui::TextDisabled("%s", tr(S::no_values));
        for (std::uint32_t v = 0; v < values.size(); ++v) {
            const std::uint32_t count = app.result.counts[fi].size() > v ? app.result.counts[fi][v] : 0;
            bool on = std::find(chosen.begin(), chosen.end(), values[v]) != chosen.end();
            const bool dim = count == 0 && !on;  // choosing it would empty the table
            if (dim) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            std::string text = facet_value_text(cat, f, v) + "  (" + std::to_string(count) + ")";
            ImGui::PushID(static_cast<int>(v));
            if (ImGui::Checkbox(text.c_str(), &on)) toggle_value(app, f, values[v]);
            note_rect(app, std::string("facet_") + to_string(f) + "=" + values[v]);
            ImGui::PopID();
            if (dim) ImGui::PopStyleColor();
        }
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_filter_bar(AppState& app) {
    if (!app.catalog) return;
    // Title and language toggle on the first line, right-aligned toggle.
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(tr(S::app_title));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(520.0f, ImGui::GetContentRegionAvail().x * 0.5f));
    if (ImGui::InputTextWithHint("##search", tr(S::search_hint), &app.query.search)) app.query_dirty = true;
    note_rect(app, "search");
    const float toggle_w = ImGui::CalcTextSize(tr(S::lang_toggle)).x + ImGui::CalcTextSize(tr(S::about)).x +
                           ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x + data_menu_width();
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - toggle_w));
    draw_data_menu(app);
    ImGui::SameLine();
    if (ImGui::Button(tr(S::about))) app.show_about = true;
    ImGui::SameLine();
    if (ImGui::Button(tr(S::lang_toggle))) {
        set_language(language() == Lang::id ? Lang::en : Lang::id);
    }
    note_rect(app, "language");

    // Facet pickers, wrapping onto the next line when the page is narrow.
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (int f = 0; f < facet_count; ++f) {
        if (f > 0) {
            float next_w = ImGui::CalcTextSize(facet_title(static_cast<Facet>(f))).x + 60.0f;
            if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + next_w < right) ImGui::SameLine();
        }
        facet_picker(app, static_cast<Facet>(f));
    }

    // Active filters as removable chips.
    if (app.query.has_filters()) {
        ImGui::TextDisabled("%s", tr(S::filters_active));
        for (int f = 0; f < facet_count; ++f) {
            auto& chosen = app.query.facets[f];
            for (std::size_t k = 0; k < chosen.size(); ++k) {
                auto idx = app.catalog->facet_value_index(static_cast<Facet>(f), chosen[k]);
                std::string text = std::string(facet_title(static_cast<Facet>(f))) + ": " +
                                   (idx ? facet_value_text(*app.catalog, static_cast<Facet>(f), *idx) : chosen[k]) + "  ×";
                ImGui::SameLine();
                ImGui::PushID(f * 1000 + static_cast<int>(k));
                ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10.0f);
                bool remove = ImGui::SmallButton(text.c_str());
                ImGui::PopStyleVar();
                note_rect(app, "chip_" + std::string(to_string(static_cast<Facet>(f))) + "=" + chosen[k]);
                ImGui::PopID();
                if (remove) {
                    chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(k));
                    app.query_dirty = true;
                    break;
                }
            }
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::clear_all))) {
            app.query.clear();
            app.query_dirty = true;
        }
        note_rect(app, "clear_all");
    }
}

void draw_status_bar(AppState& app) {
    if (!app.data) return;
    const Dataset& ds = *app.data;
    char buf[160];
    std::snprintf(buf, sizeof buf, tr(S::status_shown_of), static_cast<unsigned>(app.result.rows.size()),
                  static_cast<unsigned>(ds.innovations.size()));
    ImGui::TextUnformatted(buf);
    note_rect(app, "status_counts");
    ImGui::SameLine();
    std::snprintf(buf, sizeof buf, tr(S::status_record_counts), static_cast<unsigned>(ds.replications.size()),
                  static_cast<unsigned>(ds.cohorts.size()), static_cast<unsigned>(ds.awards.size()),
                  static_cast<unsigned>(ds.sources.size()));
    ImGui::TextDisabled("· %s", buf);
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::Text("%s", ds.meta.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s %s)", tr(S::status_bundle_date), ds.meta.created.to_string().c_str());
    if (ds.meta.synthetic) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.20f, 0.15f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.80f, 0.20f, 0.15f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        ImGui::SmallButton(tr(S::status_synthetic));
        ImGui::PopStyleColor(3);
        note_rect(app, "synthetic_badge");
    }
    if (std::size_t n = app.report.error_count()) {
        ImGui::SameLine();
        std::snprintf(buf, sizeof buf, tr(S::status_problems), static_cast<unsigned>(n));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.25f, 0.20f, 1));
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        if (ImGui::SmallButton(buf)) app.show_problems = true;  // the validator's messages
        ImGui::PopStyleColor(2);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        note_rect(app, "status_problems");
    }
}

void draw_messages(AppState& app) {
    if (!app.load_error.empty()) {
        ImGui::OpenPopup("##load_error");
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(320, 0), ImVec2(640, 480));
        if (ImGui::BeginPopupModal("##load_error", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
            ImGui::PushFont(fonts.heading);
            ImGui::TextUnformatted(tr(S::load_failed));
            ImGui::PopFont();
            text_wrapped(app.load_error);
            note_rect(app, "load_error");
            if (app.data) ImGui::TextDisabled("%s", tr(S::load_kept_previous));
            const bool close = ImGui::Button(tr(S::close));
            note_rect(app, "load_error_close");
            if (close || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
                app.load_error.clear();
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
    }
    if (app.show_about) {
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
        if (ImGui::Begin(tr(S::about), &app.show_about, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
            text_wrapped(tr(S::about_text));
        }
        ImGui::End();
    }
}

}  // namespace atlas::ui
