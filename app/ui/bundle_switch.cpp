// Status bar: the embedded bundles (ATLAS_EMBEDDED_BUNDLES) as a small menu, by meta.title.
#include "ui.hpp"

namespace atlas::ui {

// The embedded bundles as a small menu in the status bar; only a title when there is one.
void draw_bundle_switch(AppState& app) {
    if (!app.data) return;
    const int current = current_bundle(app);
    if (app.bundle_choices.size() < 2) {
        ImGui::TextUnformatted(app.data->meta.title.c_str());
        return;
    }
    // Room for a drawn triangle at the end (the UI font has no ▾).
    std::string label = std::string(tr(S::bundle_menu)) + ": " + app.data->meta.title + "     ###bundle_switch";
    if (ImGui::SmallButton(label.c_str())) ImGui::OpenPopup("##bundles");
    {
        const ImVec2 b = ImGui::GetItemRectMax(), a = ImGui::GetItemRectMin();
        const float s = ImGui::GetTextLineHeight() * 0.3f, cx = b.x - ImGui::GetStyle().FramePadding.x - s * 1.2f;
        const float cy = (a.y + b.y) * 0.5f;
        ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(cx - s, cy - s * 0.5f), ImVec2(cx + s, cy - s * 0.5f),
                                                      ImVec2(cx, cy + s * 0.6f), ImGui::GetColorU32(ImGuiCol_Text));
    }
    note_rect(app, "bundle_switch");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::data_menu_tip));
    if (ImGui::BeginPopup("##bundles")) {
        for (std::size_t i = 0; i < app.bundle_choices.size(); ++i) {
            const auto& b = app.bundle_choices[i];
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(b.title.c_str(), current == static_cast<int>(i))) {
                if (current != static_cast<int>(i)) choose_bundle(app, i);
            }
            note_rect(app, "bundle_choice_" + std::to_string(i));
            ImGui::SameLine();
            ImGui::TextDisabled("(%s, %s)", b.file_name.c_str(), tr(S::data_loaded_from));
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
}

}  // namespace atlas::ui
