#include <cstdarg>

#include <imgui_internal.h>

#include "core/regions.hpp"
#include "ui.hpp"

namespace atlas::ui {

Fonts fonts;

const char* facet_title(Facet f) {
    switch (f) {
        case Facet::year: return tr(S::facet_year);
        case Facet::competition: return tr(S::facet_competition);
        case Facet::tier: return tr(S::facet_tier);
        case Facet::province: return tr(S::facet_province);
        case Facet::regency: return tr(S::facet_regency);
        case Facet::sector: return tr(S::facet_sector);
        case Facet::stage: return tr(S::facet_stage);
        case Facet::replicated: return tr(S::facet_replicated);
        case Facet::confidence: return tr(S::facet_confidence);
    }
    return "";
}

std::string facet_value_text(const Catalog& c, Facet f, std::uint32_t value) {
    std::string_view raw = c.facet_values(f)[value];
    if (const char* l = value_label(to_string(f), raw)) return l;
    return std::string(c.facet_label(f, value));
}

const char* stage_text(Stage s) {
    switch (s) {
        case Stage::interest: return tr(S::stage_interest);
        case Stage::commitment: return tr(S::stage_commitment);
        case Stage::action_plan: return tr(S::stage_action_plan);
        case Stage::implemented: return tr(S::stage_implemented);
    }
    return "";
}

const char* confidence_text(Confidence c) {
    switch (c) {
        case Confidence::high: return tr(S::conf_high);
        case Confidence::medium: return tr(S::conf_medium);
        case Confidence::low: return tr(S::conf_low);
        case Confidence::unspecified: return tr(S::conf_unspecified);
    }
    return "";
}

std::string region_text(std::string_view code) {
    if (code.empty()) return tr(S::detail_national);
    const RegionTable& t = RegionTable::embedded();
    std::string out;
    auto add = [&](std::string_view c) {
        if (const Region* r = t.find(c)) {
            if (!out.empty()) out += ", ";
            out += r->name;
        }
    };
    if (code.size() > 5) {
        if (const Region* r = t.find(code)) out = std::string("Kec. ") + std::string(r->name);
    }
    std::string_view reg = RegionTable::regency_code(code);
    if (!reg.empty()) add(reg);
    add(RegionTable::province_code(code));
    return out.empty() ? std::string(code) : out;
}

ImVec4 confidence_colour(Confidence c) {
    switch (c) {
        case Confidence::high: return ImVec4(0.20f, 0.55f, 0.30f, 1);
        case Confidence::medium: return ImVec4(0.62f, 0.48f, 0.10f, 1);
        case Confidence::low: return ImVec4(0.78f, 0.25f, 0.20f, 1);
        case Confidence::unspecified: return ImVec4(0.45f, 0.45f, 0.50f, 1);
    }
    return ImVec4(0, 0, 0, 1);
}

ImVec4 stage_colour(Stage s) {
    switch (s) {
        case Stage::interest: return ImVec4(0.55f, 0.55f, 0.60f, 1);
        case Stage::commitment: return ImVec4(0.15f, 0.45f, 0.75f, 1);
        case Stage::action_plan: return ImVec4(0.50f, 0.30f, 0.70f, 1);
        case Stage::implemented: return ImVec4(0.15f, 0.55f, 0.30f, 1);
    }
    return ImVec4(0, 0, 0, 1);
}

bool link_text(const char* label, const void* id_ptr) {
    ImGui::PushID(id_ptr);
    ImVec4 col(0.10f, 0.35f, 0.75f, 1);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    bool hovered = ImGui::IsItemHovered();
    bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y - 1), ImVec2(b.x, b.y - 1), ImGui::GetColorU32(col));
    }
    ImGui::PopID();
    return clicked;
}

void text_wrapped(std::string_view s) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    ImGui::PopTextWrapPos();
}

void dim_text(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextWrappedV(fmt, args);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    va_end(args);
}

void cell_text(std::string_view s, const ImVec4* colour) {
    const char* b = s.data();
    const char* e = s.data() + s.size();
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(b, e);
    if (size.x <= avail) {
        if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
        ImGui::TextUnformatted(b, e);
        if (colour) ImGui::PopStyleColor();
        return;
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float line_h = ImGui::GetTextLineHeight();
    ImGui::Dummy(ImVec2(avail, line_h));
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, ImVec2(pos.x + avail, pos.y + line_h), pos.x + avail,
                              pos.x + avail, b, e, &size);
    if (colour) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(b, e);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void table_header_row(AppState& app, const char* const* names, int count) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < count; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        note_rect(app, std::string("header_") + names[c]);
    }
}

}  // namespace atlas::ui
