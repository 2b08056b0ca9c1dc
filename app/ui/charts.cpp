// Chart drawing with ImDrawList. Layout is computed from the available width each frame, so
// the same chart works from a 390 px phone to a 1280 px desktop: labels thin out when bars get
// narrow, tick counts follow the height, long labels are cut with "…" and shown whole on hover.
#include "charts.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/charts_data.hpp"

namespace atlas::ui::charts {

namespace {

ImU32 text_colour() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 dim_colour() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 grid_colour() { return ImGui::GetColorU32(ImGuiCol_Separator, 0.45f); }

std::string tick_text(double v) { return format_count(v, ','); }

// Cuts `s` with "…" to fit `width` pixels.
std::string fit(const std::string& s, float width) {
    if (ImGui::CalcTextSize(s.c_str()).x <= width) return s;
    const char* ell = "…";
    const float ell_w = ImGui::CalcTextSize(ell).x;
    std::size_t n = s.size();
    while (n > 0) {
        --n;
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // whole UTF-8 sequences
        if (ImGui::CalcTextSize(s.data(), s.data() + n).x + ell_w <= width) break;
    }
    return s.substr(0, n) + ell;
}

}  // namespace

std::string format_count(double v, char sep) {
    char buf[64];
    const bool whole = std::fabs(v - std::round(v)) < 1e-9;
    if (!whole) {
        std::snprintf(buf, sizeof buf, "%.1f", v);
        std::string s = buf;
        if (sep == '.') std::replace(s.begin(), s.end(), '.', ',');
        return s;
    }
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits = buf, out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

ImU32 ordinal_colour(int index, int count) {
    // From a deep blue (best tier) to a pale teal; the last slots stay distinguishable.
    static const ImU32 palette[] = {
        IM_COL32(23, 63, 120, 255),  IM_COL32(40, 102, 168, 255), IM_COL32(66, 146, 198, 255),
        IM_COL32(102, 184, 190, 255), IM_COL32(150, 205, 160, 255), IM_COL32(200, 170, 90, 255),
        IM_COL32(190, 120, 80, 255),  IM_COL32(150, 110, 160, 255),
    };
    constexpr int n = static_cast<int>(sizeof palette / sizeof palette[0]);
    (void)count;
    return palette[std::clamp(index, 0, n - 1) % n];
}

// ===========================================================================
// Vertical stacked bars
// ===========================================================================
Hit stacked_bar_chart(const char* id, const StackedBars& c, float height) {
    Hit hit;
    const std::size_t nc = c.categories.size(), ns = c.series.size();
    if (nc == 0 || ns == 0 || c.values.size() < nc * ns) return hit;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line_h = ImGui::GetTextLineHeight();
    const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);

    // Legend: coloured squares with labels, wrapping to the width. Only series that occur.
    std::vector<std::uint32_t> series_total(ns, 0);
    std::vector<std::uint32_t> totals(nc, 0);
    for (std::size_t k = 0; k < nc; ++k)
        for (std::size_t s = 0; s < ns; ++s) {
            series_total[s] += c.values[k * ns + s];
            totals[k] += c.values[k * ns + s];
        }
    {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        float x = 0, y = 0;
        const float box = line_h * 0.7f;
        for (std::size_t s = 0; s < ns; ++s) {
            if (!series_total[s]) continue;
            const float text_w = ImGui::CalcTextSize(c.series[s].c_str()).x;
            const float w = box + 4 + text_w + style.ItemSpacing.x * 1.5f;
            if (x > 0 && x + w > width) { x = 0; y += line_h + 2; }
            const ImVec2 p(origin.x + x, origin.y + y);
            ImGui::SetCursorScreenPos(p);
            ImGui::PushID(static_cast<int>(s));
            if (ImGui::InvisibleButton("##legend", ImVec2(box + 4 + text_w, line_h))) hit.legend = static_cast<int>(s);
            ImGui::PopID();
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::BeginTooltip();
                ImGui::Text("%s: %s %s", c.series[s].c_str(), format_count(series_total[s], ',').c_str(), c.value_unit);
                if (c.click_hint) ImGui::TextDisabled("%s", c.click_hint);
                ImGui::EndTooltip();
            }
            if (c.bar_rects) c.bar_rects(-1, static_cast<int>(s), p, ImVec2(p.x + box + 4 + text_w, p.y + line_h));
            dl->AddRectFilled(ImVec2(p.x, p.y + (line_h - box) * 0.5f), ImVec2(p.x + box, p.y + (line_h + box) * 0.5f),
                              c.colours[s], 2.0f);
            const bool on = s < c.series_active.size() && c.series_active[s];
            if (on) dl->AddRect(ImVec2(p.x - 1, p.y + (line_h - box) * 0.5f - 1), ImVec2(p.x + box + 1, p.y + (line_h + box) * 0.5f + 1),
                                text_colour(), 2.0f, 0, 1.5f);
            dl->AddText(ImVec2(p.x + box + 4, p.y), on ? text_colour() : dim_colour(), c.series[s].c_str());
            x += w;
        }
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width, y + line_h));
    }

    // Plot area: y labels left, x labels below.
    const std::uint32_t max_total = *std::max_element(totals.begin(), totals.end());
    const int ticks = std::clamp(static_cast<int>(height / (line_h * 2.2f)), 2, 6);
    const Axis axis = nice_axis(static_cast<double>(max_total), ticks);
    const float label_w = ImGui::CalcTextSize(tick_text(axis.top).c_str()).x + 6;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 plot_min(origin.x + label_w, origin.y + line_h * 0.5f);
    const ImVec2 plot_max(origin.x + width - 4, origin.y + height - line_h - 4);
    const float plot_h = plot_max.y - plot_min.y;
    ImGui::InvisibleButton("##plot", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const ImVec2 mouse = ImGui::GetIO().MousePos;

    for (double v = 0; v <= axis.top + 1e-9; v += axis.step) {
        const float y = plot_max.y - static_cast<float>(v / axis.top) * plot_h;
        dl->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), grid_colour());
        const std::string t = tick_text(v);
        dl->AddText(ImVec2(plot_min.x - 4 - ImGui::CalcTextSize(t.c_str()).x, y - line_h * 0.5f), dim_colour(), t.c_str());
    }

    const float slot = (plot_max.x - plot_min.x) / static_cast<float>(nc);
    const float bar_w = std::clamp(slot * 0.72f, 2.0f, 56.0f);
    // X labels: every `every`-th category so that labels never overlap.
    float widest = 0;
    for (const std::string& s : c.categories) widest = std::max(widest, ImGui::CalcTextSize(s.c_str()).x);
    const int every = std::max(1, static_cast<int>(std::ceil((widest + 6) / std::max(1.0f, slot))));

    for (std::size_t k = 0; k < nc; ++k) {
        const float cx = plot_min.x + slot * (static_cast<float>(k) + 0.5f);
        const float x0 = cx - bar_w * 0.5f, x1 = cx + bar_w * 0.5f;
        const bool in_slot = hovered && mouse.x >= cx - slot * 0.5f && mouse.x < cx + slot * 0.5f;
        if (in_slot) dl->AddRectFilled(ImVec2(cx - slot * 0.5f, plot_min.y), ImVec2(cx + slot * 0.5f, plot_max.y),
                                       ImGui::GetColorU32(ImGuiCol_FrameBgHovered, 0.5f));
        float y = plot_max.y;
        for (std::size_t s = 0; s < ns; ++s) {
            const std::uint32_t v = c.values[k * ns + s];
            if (!v) continue;
            const float h = static_cast<float>(v / axis.top) * plot_h;
            const ImVec2 a(x0, y - h), b(x1, y);
            dl->AddRectFilled(a, b, c.colours[s]);
            if (h >= 3) dl->AddLine(ImVec2(x0, y - h), ImVec2(x1, y - h), IM_COL32(255, 255, 255, 160));
            if (c.bar_rects) c.bar_rects(static_cast<int>(k), static_cast<int>(s), a, b);
            if (in_slot && mouse.y >= a.y && mouse.y < b.y) hit.series = static_cast<int>(s);
            y -= h;
        }
        const bool active = k < c.category_active.size() && c.category_active[k];
        if (active && totals[k]) dl->AddRect(ImVec2(x0 - 2, y - 2), ImVec2(x1 + 2, plot_max.y + 1), text_colour(), 0, 0, 2.0f);
        if (c.bar_rects && totals[k])  // the label under the axis: the category alone
            c.bar_rects(static_cast<int>(k), -1, ImVec2(cx - std::min(slot, widest + 4) * 0.5f, plot_max.y + 2),
                        ImVec2(cx + std::min(slot, widest + 4) * 0.5f, plot_max.y + 2 + line_h));
        if (k % static_cast<std::size_t>(every) == 0 || active) {
            const char* t = c.categories[k].c_str();
            const float tw = ImGui::CalcTextSize(t).x;
            dl->AddText(ImVec2(cx - tw * 0.5f, plot_max.y + 3), active ? text_colour() : dim_colour(), t);
        }
        if (in_slot) hit.category = static_cast<int>(k);
    }
    dl->AddLine(ImVec2(plot_min.x, plot_max.y), ImVec2(plot_max.x, plot_max.y), dim_colour());

    if (hit.category >= 0) {
        const std::size_t k = static_cast<std::size_t>(hit.category);
        ImGui::BeginTooltip();
        ImGui::Text("%s: %s %s", c.categories[k].c_str(), format_count(totals[k], ',').c_str(), c.value_unit);
        for (std::size_t s = ns; s-- > 0;) {  // top segment first, as drawn
            const std::uint32_t v = c.values[k * ns + s];
            if (!v) continue;
            ImGui::ColorButton("##sw", ImGui::ColorConvertU32ToFloat4(c.colours[s]),
                               ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoPicker, ImVec2(line_h * 0.7f, line_h * 0.7f));
            ImGui::SameLine();
            if (static_cast<int>(s) == hit.series) ImGui::Text("→ %s: %u", c.series[s].c_str(), v);
            else ImGui::TextDisabled("%s: %u", c.series[s].c_str(), v);
        }
        if (c.click_hint && totals[k]) ImGui::TextDisabled("%s", c.click_hint);
        ImGui::EndTooltip();
        if (totals[k]) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    hit.clicked = clicked && hit.category >= 0 && totals[static_cast<std::size_t>(hit.category)] > 0;
    ImGui::PopID();
    return hit;
}

// ===========================================================================
// Horizontal bars
// ===========================================================================
Hit horizontal_bar_chart(const char* id, const HorizontalBars& c) {
    Hit hit;
    const std::size_t n = std::min(c.labels.size(), c.values.size());
    if (n == 0) return hit;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeight();
    const float row_h = line_h + 6;
    const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
    const std::uint32_t max_v = *std::max_element(c.values.begin(), c.values.begin() + static_cast<std::ptrdiff_t>(n));
    const Axis axis = nice_axis(static_cast<double>(max_v), width < 500 ? 3 : 5);

    float widest = 0;
    for (std::size_t k = 0; k < n; ++k) widest = std::max(widest, ImGui::CalcTextSize(c.labels[k].c_str()).x);
    const float label_w = std::min(widest + 8, width * 0.38f);
    const float value_w = ImGui::CalcTextSize(tick_text(axis.top).c_str()).x + 8;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float total_h = row_h * static_cast<float>(n) + line_h + 6;
    const ImVec2 plot_min(origin.x + label_w, origin.y);
    const ImVec2 plot_max(origin.x + width - value_w, origin.y + row_h * static_cast<float>(n));
    const float plot_w = std::max(10.0f, plot_max.x - plot_min.x);
    ImGui::InvisibleButton("##plot", ImVec2(width, total_h));
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const ImVec2 mouse = ImGui::GetIO().MousePos;

    for (double v = 0; v <= axis.top + 1e-9; v += axis.step) {
        const float x = plot_min.x + static_cast<float>(v / axis.top) * plot_w;
        dl->AddLine(ImVec2(x, plot_min.y), ImVec2(x, plot_max.y), grid_colour());
        const std::string t = tick_text(v);
        dl->AddText(ImVec2(x - ImGui::CalcTextSize(t.c_str()).x * 0.5f, plot_max.y + 3), dim_colour(), t.c_str());
    }
    for (std::size_t k = 0; k < n; ++k) {
        const float y0 = origin.y + row_h * static_cast<float>(k);
        const bool in_row = hovered && mouse.y >= y0 && mouse.y < y0 + row_h && mouse.y < plot_max.y;
        const bool active = k < c.active.size() && c.active[k];
        if (in_row) dl->AddRectFilled(ImVec2(origin.x, y0), ImVec2(origin.x + width, y0 + row_h),
                                      ImGui::GetColorU32(ImGuiCol_FrameBgHovered, 0.5f));
        const std::string label = fit(c.labels[k], label_w - 8);
        dl->AddText(ImVec2(origin.x, y0 + 3), active ? text_colour() : dim_colour(), label.c_str());
        const float w = static_cast<float>(c.values[k] / axis.top) * plot_w;
        const ImVec2 a(plot_min.x, y0 + 3), b(plot_min.x + std::max(w, 1.0f), y0 + row_h - 3);
        dl->AddRectFilled(a, b, c.colour, 2.0f);
        if (active) dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), text_colour(), 2.0f, 0, 2.0f);
        const std::string v = format_count(c.values[k], ',');
        dl->AddText(ImVec2(b.x + 4, y0 + 3), text_colour(), v.c_str());
        // Tests click the label: the whole row is the target.
        if (c.bar_rects) c.bar_rects(static_cast<int>(k), -1, ImVec2(origin.x, y0), ImVec2(b.x, y0 + row_h));
        if (in_row) hit.category = static_cast<int>(k);
    }
    if (hit.category >= 0) {
        const std::size_t k = static_cast<std::size_t>(hit.category);
        ImGui::BeginTooltip();
        ImGui::Text("%s: %s %s", c.labels[k].c_str(), format_count(c.values[k], ',').c_str(), c.value_unit);
        if (c.click_hint) ImGui::TextDisabled("%s", c.click_hint);
        ImGui::EndTooltip();
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    hit.clicked = clicked && hit.category >= 0;
    ImGui::PopID();
    return hit;
}

}  // namespace atlas::ui::charts
