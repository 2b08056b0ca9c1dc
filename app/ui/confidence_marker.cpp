// Confidence is data: tables mark low-confidence records where the eye lands (before the name).
#include "ui.hpp"

namespace atlas::ui {

void low_confidence_marker(AppState& app, Confidence c, const std::string& rect_name, bool tooltip) {
    if (c != Confidence::low) return;
    const float line_h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = line_h * 0.38f;
    const ImVec2 centre(p.x + r, p.y + line_h * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(centre, r, ImGui::GetColorU32(confidence_colour(Confidence::low)));
    const ImVec2 bang = ImGui::CalcTextSize("!");
    dl->AddText(ImVec2(centre.x - bang.x * 0.5f, centre.y - bang.y * 0.5f), IM_COL32(255, 255, 255, 255), "!");
    ImGui::Dummy(ImVec2(r * 2 + 3, line_h));
    note_rect(app, rect_name);
    if (tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::low_confidence));
    ImGui::SameLine(0, 0);
}

}  // namespace atlas::ui
