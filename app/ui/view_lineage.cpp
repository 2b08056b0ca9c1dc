// The lineage view: the family of the selected innovation, generations left to right, with a
// time slider that replays its diffusion year by year and a ranking of the most replicated.
// Everything it draws comes from core/lineage.hpp; this file only places it on screen.
#include "view_lineage.hpp"

#include <imgui_stdlib.h>  // after imgui.h: it needs IMGUI_API

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/regions.hpp"
#include "core/text.hpp"
#include "ui.hpp"

namespace atlas::ui {

namespace {

constexpr std::uint32_t none = 0xFFFFFFFFu;

ImU32 colour_u32(ImVec4 c, float alpha = 1.0f) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

const ImVec4 root_colour(0.22f, 0.28f, 0.40f, 1);
const ImVec4 program_colour(0.66f, 0.42f, 0.08f, 1);
const ImVec4 national_colour(0.45f, 0.45f, 0.50f, 1);
const ImVec4 province_palette[] = {
    {0.12f, 0.47f, 0.71f, 1}, {0.89f, 0.40f, 0.05f, 1}, {0.17f, 0.60f, 0.17f, 1}, {0.80f, 0.15f, 0.16f, 1},
    {0.52f, 0.36f, 0.70f, 1}, {0.55f, 0.34f, 0.29f, 1}, {0.85f, 0.38f, 0.66f, 1}, {0.40f, 0.40f, 0.40f, 1},
    {0.62f, 0.62f, 0.10f, 1}, {0.09f, 0.62f, 0.70f, 1}, {0.30f, 0.25f, 0.60f, 1}, {0.70f, 0.50f, 0.20f, 1},
};

std::string_view short_region(std::string_view code) {
    if (code.empty()) return tr(S::detail_national);
    if (const Region* r = RegionTable::embedded().find(lineage_regency(code))) return r->name;
    return code;
}

const LineageNode& node_at(const LineageViewState& v, std::uint32_t local) { return v.graph->nodes()[v.lin.nodes[local]]; }

// Provinces of the family in code order: a colour each.
std::vector<std::string_view> family_provinces(const LineageViewState& v) {
    std::vector<std::string_view> out;
    for (std::uint32_t n : v.lin.nodes) {
        std::string_view c = v.graph->nodes()[n].region_code;
        if (!c.empty()) out.push_back(c.substr(0, 2));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

ImVec4 item_colour(const LineageViewState& v, const LineageItem& it, const std::vector<std::string_view>& provinces) {
    const LineageNode& n = node_at(v, it.members.front());
    if (v.colour_by_province) {
        std::string_view code = it.group ? it.region_code : n.region_code;
        if (code.empty()) return national_colour;
        auto pos = std::lower_bound(provinces.begin(), provinces.end(), code.substr(0, 2));
        const auto idx = static_cast<std::size_t>(pos - provinces.begin());
        return idx < std::size(province_palette) ? province_palette[idx] : national_colour;
    }
    if (n.kind == LineageNodeKind::program) return program_colour;
    if (n.kind == LineageNodeKind::innovation && !n.replication) return root_colour;
    return stage_colour(n.stage);
}

std::string edge_label(const LineageViewState& v, const LineageLayout::Edge& e) {
    const Dataset& ds = v.graph->dataset();
    const LineageEdge& ge = v.graph->edges()[e.edge];
    std::string s = ge.date.known() ? ge.date.to_string() : std::string();
    if (ge.program && ge.program.value < ds.events.size()) {
        if (!s.empty()) s += " · ";
        std::string_view name = ds.events[ge.program.value].name;
        s += name.size() > 48 ? std::string(name.substr(0, 46)) + "…" : std::string(name);
    }
    if (e.count > 1) s += (s.empty() ? "×" : " ×") + std::to_string(e.count);
    return s;
}

}  // namespace

// ---------------------------------------------------------------------------
// State and caches
// ---------------------------------------------------------------------------
LineageViewState& lineage_state(AppState& app) {
    if (!app.lineage_view) {
        app.lineage_view = std::make_shared<LineageViewState>();
        app.lineage_view->options.node_w = 190;
        app.lineage_view->options.node_h = 42;
        app.lineage_view->options.layer_gap = 90;
        app.lineage_view->options.sibling_gap = 10;
    }
    return *app.lineage_view;
}

void lineage_refresh(AppState& app, LineageViewState& v) {
    if (!app.data) return;
    if (v.built_for != app.data.get()) {
        v.graph = std::make_unique<LineageGraph>(*app.data);
        v.built_for = app.data.get();
        v.focus = {};
        v.lin = Lineage{};
        v.layout = LineageLayout{};
        v.ranked_from.clear();
        v.ranking.clear();
        v.options.expanded.clear();
        v.highlight = none;
        v.layout_dirty = true;
    }
    const InnovationId want = app.selected && app.selected.value < app.data->innovations.size() ? app.selected : InnovationId{};
    if (want != v.focus) {
        auto it = want ? std::find(v.lin.nodes.begin(), v.lin.nodes.end(), v.graph->node_of(want)) : v.lin.nodes.end();
        const bool same_family = it != v.lin.nodes.end() && v.graph->root_of(want) == v.lin.root;
        v.focus = want;
        if (same_family) {
            v.lin.focus = want;
            v.lin.focus_index = static_cast<std::uint32_t>(it - v.lin.nodes.begin());
        } else {
            v.lin = want ? extract_lineage(*v.graph, want) : Lineage{};
            v.options.expanded.clear();
            v.layout_dirty = true;
            v.fit_pending = true;
            if (v.highlight != none && std::find(v.lin.nodes.begin(), v.lin.nodes.end(), v.highlight) == v.lin.nodes.end())
                v.highlight = none;
        }
        v.focus_stats = want ? v.graph->stats(want) : LineageStats{};
    }
    if (v.layout_dirty) {
        v.layout = layout_lineage(*v.graph, v.lin, v.options);
        v.layout_dirty = false;
        v.visible_year = -1;
        v.min_year = v.max_year = 0;
        for (std::uint32_t n : v.lin.nodes) {
            const Date& d = v.graph->nodes()[n].date;
            if (!d.known()) continue;
            v.min_year = v.min_year ? std::min<int>(v.min_year, d.year) : d.year;
            v.max_year = std::max<int>(v.max_year, d.year);
        }
    }
    if (v.visible_year != app.timeline_year) {
        v.visible_year = app.timeline_year;
        v.node_visible = lineage_visible_by(*v.graph, v.lin, app.timeline_year);
        v.item_visible_members.assign(v.layout.items.size(), 0);
        for (std::size_t i = 0; i < v.layout.items.size(); ++i)
            for (std::uint32_t m : v.layout.items[i].members) v.item_visible_members[i] += v.node_visible[m] ? 1 : 0;
    }
}

std::string lineage_item_title(const LineageViewState& v, const LineageItem& it) {
    const Dataset& ds = v.graph->dataset();
    if (it.group) {
        const char* what = tr(S::lin_group_adopters);
        if (it.kind == "school") what = tr(S::lin_group_schools);
        else if (it.kind == "health_centre") what = tr(S::lin_group_health);
        else if (it.kind == "kecamatan") what = tr(S::lin_group_kecamatan);
        else if (it.kind == "government") what = tr(S::lin_group_governments);
        return std::to_string(it.members.size()) + " " + what + ", " + std::string(short_region(it.region_code));
    }
    const LineageNode& n = node_at(v, it.members.front());
    switch (n.kind) {
        case LineageNodeKind::innovation: return ds.innovations[n.innovation.value].name;
        case LineageNodeKind::program:
            return std::string(tr(S::lin_program)) + ": " + ds.events[ds.cohorts[n.cohort.value].program.value].name;
        case LineageNodeKind::adopter: {
            std::string s = n.institution ? ds.institutions[n.institution.value].name : std::string("?");
            if (n.adopter_count > 1 && s.find(std::to_string(n.adopter_count)) == std::string::npos)
                s += " (" + std::to_string(n.adopter_count) + ")";
            return s;
        }
    }
    return {};
}

std::string lineage_item_subtitle(const LineageViewState& v, const LineageItem& it) {
    if (it.group) {
        return it.date.known() ? it.date.to_string() : std::string(tr(S::lin_undated));
    }
    const LineageNode& n = node_at(v, it.members.front());
    if (n.kind == LineageNodeKind::program) {
        const Cohort& c = v.graph->dataset().cohorts[n.cohort.value];
        return std::to_string(c.innovations.size()) + " → " + std::to_string(n.adopter_count) + " · " +
               tr(S::pairing_unknown_short);
    }
    std::string s(short_region(n.region_code));
    if (n.date.known()) s += " · " + n.date.to_string();
    return s;
}

InnovationId lineage_item_innovation(const LineageViewState& v, const LineageItem& it) {
    const LineageNode& n = node_at(v, it.members.front());
    const Dataset& ds = v.graph->dataset();
    if (n.kind == LineageNodeKind::innovation) return n.innovation;
    if (n.replication) return ds.replications[n.replication.value].source;
    if (n.cohort) {
        const Cohort& c = ds.cohorts[n.cohort.value];
        if (std::find(c.innovations.begin(), c.innovations.end(), v.focus) != c.innovations.end()) return v.focus;
        return c.innovations.empty() ? InnovationId{} : c.innovations.front();
    }
    return {};
}

// ---------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------
namespace {

void fit(LineageViewState& v, ImVec2 size) {
    const float w = std::max(1.0f, v.layout.width), h = std::max(1.0f, v.layout.height);
    v.zoom = std::clamp(std::min((size.x - 24) / w, (size.y - 24) / h), 0.05f, 1.25f);
    v.pan = ImVec2((size.x - w * v.zoom) / 2, (size.y - h * v.zoom) / 2);
}

// SameLine when the next widget of width `w` still fits on this line.
void same_line_if_fits(float w) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}
float button_w(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; }

void draw_toolbar(AppState& app, LineageViewState& v) {
    const Dataset& ds = *app.data;
    ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x * 0.45f));
    ImGui::InputTextWithHint("##lineage_search", tr(S::lin_search_hint), &v.search);
    note_rect(app, "lineage_search");
    const char* colour_label = v.colour_by_province ? tr(S::lin_colour_province) : tr(S::lin_colour_stage);
    same_line_if_fits(button_w(colour_label));
    if (ImGui::Button(v.colour_by_province ? tr(S::lin_colour_province) : tr(S::lin_colour_stage)))
        v.colour_by_province = !v.colour_by_province;
    note_rect(app, "lineage_colour");
    same_line_if_fits(button_w(tr(S::lin_time_axis)) + ImGui::GetFrameHeight());
    if (ImGui::Checkbox(tr(S::lin_time_axis), &v.options.time_axis)) {
        v.layout_dirty = true;
        v.fit_pending = true;
    }
    note_rect(app, "lineage_time_axis");
    same_line_if_fits(button_w(tr(S::lin_fit)));
    if (ImGui::Button(tr(S::lin_fit))) v.fit_pending = true;
    note_rect(app, "lineage_fit");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::lin_hint_controls));
    if (!v.options.expanded.empty()) {
        same_line_if_fits(button_w(tr(S::lin_collapse)));
        if (ImGui::Button(tr(S::lin_collapse))) {
            v.options.expanded.clear();
            v.layout_dirty = true;
        }
        note_rect(app, "lineage_collapse");
    }

    // Search results under the box while typing (or until one is picked).
    if (!v.search.empty()) {
        const std::string q = text::fold(v.search);
        int shown = 0;
        if (!q.empty())
            for (std::uint32_t i = 0; i < ds.innovations.size() && shown < 8; ++i) {
                if (text::fold(ds.innovations[i].name).find(q) == std::string::npos) continue;
                std::string label = ds.innovations[i].name + "  —  " + std::string(short_region(ds.innovations[i].region_code)) +
                                    "##lsr" + std::to_string(i);
                if (ImGui::Selectable(label.c_str(), app.selected == InnovationId(i))) {
                    select_innovation(app, InnovationId(i), true);
                    v.search.clear();
                }
                note_rect(app, "lineage_search_result_" + std::to_string(shown));
                ++shown;
            }
        if (!shown) dim_text("%s", tr(S::no_rows));
    }

    // Time slider: replays the family's diffusion; the map follows app.timeline_year too.
    if (v.min_year && v.max_year) {
        const char* play = v.playing ? tr(S::lin_pause) : tr(S::lin_play);
        if (ImGui::Button(play)) {
            v.playing = !v.playing;
            if (v.playing) {
                app.timeline_year = v.min_year;
                v.next_step = ImGui::GetTime() + 0.8;
            }
        }
        note_rect(app, "lineage_play");
        ImGui::SameLine();
        int year = app.timeline_year ? app.timeline_year : v.max_year;
        ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - button_w(tr(S::lin_all_years)) -
                                                    ImGui::GetStyle().ItemSpacing.x));
        const char* fmt = app.timeline_year ? "%d" : tr(S::lin_all_years);
        if (ImGui::SliderInt("##lineage_year", &year, v.min_year, v.max_year, fmt, ImGuiSliderFlags_AlwaysClamp)) {
            app.timeline_year = year;
            v.playing = false;
        }
        note_rect(app, "lineage_year_slider");
        ImGui::SameLine();
        if (ImGui::Button(tr(S::lin_all_years))) {
            app.timeline_year = 0;
            v.playing = false;
        }
        note_rect(app, "lineage_all_years");
        if (v.playing && ImGui::GetTime() >= v.next_step) {
            v.next_step = ImGui::GetTime() + 0.8;
            if (app.timeline_year >= v.max_year || app.timeline_year == 0) {
                app.timeline_year = 0;
                v.playing = false;
            } else {
                ++app.timeline_year;
            }
        }
        if (v.playing) app.frames_to_render = std::max(app.frames_to_render, 2);
    }
}

void draw_summary(AppState& app, LineageViewState& v) {
    const Dataset& ds = *app.data;
    const LineageStats& s = v.focus_stats;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(ds.innovations[v.focus.value].name.c_str());
    ImGui::PopFont();
    std::string dates;
    if (s.first.known()) dates = " · " + s.first.to_string() + (s.last == s.first ? "" : " – " + s.last.to_string());
    dim_text("%zu %s · %d %s · %llu %s · %zu %s · %zu %s%s", v.lin.nodes.size(), tr(S::lin_nodes), s.generations,
             tr(S::lin_generations), static_cast<unsigned long long>(s.adopters), tr(S::detail_adopters_count),
             s.provinces.size(), tr(S::lin_provinces), s.regencies.size(), tr(S::lin_regencies), dates.c_str());
    if (v.lin.cycles_cut) {
        ImGui::SameLine();
        ImGui::TextColored(confidence_colour(Confidence::low), "%s: %u", tr(S::lin_cycles), v.lin.cycles_cut);
    }
}

// Colour key on one wrapping line: a chip and a label per colour.
void draw_legend(const LineageViewState& v, const std::vector<std::string_view>& provinces, float width) {
    std::vector<std::pair<ImVec4, std::string>> rows;
    if (v.colour_by_province) {
        for (std::size_t i = 0; i < provinces.size() && i < std::size(province_palette); ++i) {
            const Region* r = RegionTable::embedded().find(provinces[i]);
            rows.emplace_back(province_palette[i], r ? std::string(r->name) : std::string(provinces[i]));
        }
        if (provinces.size() > std::size(province_palette)) rows.emplace_back(national_colour, tr(S::lin_other));
        rows.emplace_back(national_colour, tr(S::detail_national));
    } else {
        rows.emplace_back(root_colour, tr(S::lin_innovation));
        for (Stage s : {Stage::interest, Stage::commitment, Stage::action_plan, Stage::implemented})
            rows.emplace_back(stage_colour(s), stage_text(s));
        rows.emplace_back(program_colour, tr(S::lin_program));
    }
    const float chip = ImGui::GetTextLineHeight() * 0.8f;
    const float right = ImGui::GetCursorScreenPos().x + width;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float w = chip + 4 + ImGui::CalcTextSize(rows[i].second.c_str()).x;
        if (i) {
            ImGui::SameLine(0, 12);
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + (ImGui::GetTextLineHeight() - chip) / 2;
        dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + chip, y + chip), colour_u32(rows[i].first), 2);
        ImGui::Dummy(ImVec2(chip, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(rows[i].second.c_str());
    }
}

void draw_canvas(AppState& app, LineageViewState& v, ImVec2 size) {
    ImGui::BeginChild("##lineage_canvas", size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (v.fit_pending) fit(v, avail);
    ImGui::InvisibleButton("##lineage_surface", ImVec2(std::max(1.0f, avail.x), std::max(1.0f, avail.y)));
    note_rect(app, "lineage_canvas");
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemDeactivated() && io.MouseDragMaxDistanceSqr[0] < 25.0f && hovered;
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        v.fit_pending = false;
        v.pan.x += io.MouseDelta.x;
        v.pan.y += io.MouseDelta.y;
    }
    if (hovered && io.MouseWheel != 0) {
        v.fit_pending = false;
        const float old = v.zoom;
        v.zoom = std::clamp(v.zoom * std::pow(1.15f, io.MouseWheel), 0.03f, 3.0f);
        const ImVec2 m(io.MousePos.x - origin.x, io.MousePos.y - origin.y);
        v.pan.x = m.x - (m.x - v.pan.x) * (v.zoom / old);
        v.pan.y = m.y - (m.y - v.pan.y) * (v.zoom / old);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 clip(origin.x, origin.y, origin.x + avail.x, origin.y + avail.y);
    dl->PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w), true);
    auto to_screen = [&](float x, float y) { return ImVec2(origin.x + v.pan.x + x * v.zoom, origin.y + v.pan.y + y * v.zoom); };

    // Year grid of the time axis.
    if (v.options.time_axis && v.layout.max_year > 0) {
        for (int y = v.layout.min_year; y <= v.layout.max_year + 1; ++y) {
            const ImVec2 p = to_screen(v.layout.time_x0 + static_cast<float>(y - v.layout.min_year) * v.options.year_w, 0);
            dl->AddLine(ImVec2(p.x, clip.y), ImVec2(p.x, clip.w), ImGui::GetColorU32(ImGuiCol_Separator, 0.5f));
            char buf[8];
            std::snprintf(buf, sizeof buf, "%d", y);
            dl->AddText(ImVec2(p.x + 3, clip.w - ImGui::GetTextLineHeight() - 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), buf);
        }
    }

    const auto& items = v.layout.items;
    auto item_shown = [&](std::size_t i) { return i < v.item_visible_members.size() && v.item_visible_members[i] > 0; };
    // Edges: right side of the parent to the left side of the child.
    const float font = std::clamp(ImGui::GetFontSize() * v.zoom, 1.0f, ImGui::GetFontSize() * 1.2f);
    const bool labels = font >= ImGui::GetFontSize() * 0.7f;
    for (const auto& e : v.layout.edges) {
        if (!item_shown(e.from) || !item_shown(e.to)) continue;
        const LineageItem& a = items[e.from];
        const LineageItem& b = items[e.to];
        const ImVec2 p0 = to_screen(a.x + a.w, a.y + a.h / 2), p3 = to_screen(b.x, b.y + b.h / 2);
        if (std::max(p0.x, p3.x) < clip.x || std::min(p0.x, p3.x) > clip.z || std::max(p0.y, p3.y) < clip.y ||
            std::min(p0.y, p3.y) > clip.w)
            continue;
        const float dx = (p3.x - p0.x) * 0.5f;
        dl->AddBezierCubic(p0, ImVec2(p0.x + dx, p0.y), ImVec2(p3.x - dx, p3.y), p3, ImGui::GetColorU32(ImGuiCol_Text, 0.35f),
                           std::max(1.0f, 1.5f * std::min(1.0f, v.zoom)));
        if (labels && dx > 8) {  // on the edge's last stretch, cut where the child's box begins
            const std::string s = edge_label(v, e);
            if (!s.empty()) {
                const ImVec2 at(p3.x - dx * 0.9f, p3.y - font - 1);
                const ImVec4 lclip(at.x, at.y, p3.x - 2, p3.y);
                dl->AddText(ImGui::GetFont(), font * 0.85f, at, ImGui::GetColorU32(ImGuiCol_TextDisabled), s.c_str(), nullptr, 0,
                            &lclip);
            }
        }
    }

    // Nodes.
    const std::vector<std::string_view> provinces = family_provinces(v);
    v.item_screen.assign(items.size(), WidgetRect{});
    v.item_drawn.assign(items.size(), false);
    std::uint32_t hovered_item = none;
    const float rounding = std::min(6.0f, 6 * v.zoom);
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!item_shown(i)) continue;
        const LineageItem& it = items[i];
        const ImVec2 a = to_screen(it.x, it.y), b = to_screen(it.x + it.w, it.y + it.h);
        if (b.x < clip.x || a.x > clip.z || b.y < clip.y || a.y > clip.w) continue;
        v.item_screen[i] = WidgetRect{a.x, a.y, b.x - a.x, b.y - a.y};
        v.item_drawn[i] = true;
        const ImVec4 c = item_colour(v, it, provinces);
        dl->AddRectFilled(a, b, colour_u32(c), rounding);
        bool focus = false, lit = false;
        for (std::uint32_t m : it.members) {
            focus |= m == v.lin.focus_index;
            lit |= v.lin.nodes[m] == v.highlight;
        }
        if (it.group) dl->AddRect(ImVec2(a.x + 3, a.y + 3), ImVec2(b.x + 3, b.y + 3), colour_u32(c, 0.6f), rounding);
        if (focus || lit)
            dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), colour_u32(ImVec4(0.95f, 0.70f, 0.10f, 1)), rounding,
                        0, 3.0f);
        if (font >= 7.0f) {
            const ImVec4 tclip(a.x + 4, a.y, b.x - 4, b.y);
            const std::string title = lineage_item_title(v, it);
            const std::string sub = lineage_item_subtitle(v, it);
            const float pad = (b.y - a.y - 2 * font) / 3;
            dl->AddText(ImGui::GetFont(), font, ImVec2(a.x + 6, a.y + pad), IM_COL32(255, 255, 255, 255), title.c_str(), nullptr,
                        0, &tclip);
            dl->AddText(ImGui::GetFont(), font * 0.88f, ImVec2(a.x + 6, a.y + 2 * pad + font), IM_COL32(235, 235, 235, 255),
                        sub.c_str(), nullptr, 0, &tclip);
        }
        if (hovered && io.MousePos.x >= a.x && io.MousePos.x < b.x && io.MousePos.y >= a.y && io.MousePos.y < b.y)
            hovered_item = static_cast<std::uint32_t>(i);
    }
    dl->PopClipRect();

    if (hovered_item != none) {
        const LineageItem& it = items[hovered_item];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(lineage_item_title(v, it).c_str());
        dim_text("%s", region_text(it.group ? it.region_code : node_at(v, it.members.front()).region_code).c_str());
        dim_text("%s", lineage_item_subtitle(v, it).c_str());
        if (it.group) dim_text("%s", tr(S::lin_group_expand));
        else if (node_at(v, it.members.front()).kind != LineageNodeKind::program)
            dim_text("%s", stage_text(node_at(v, it.members.front()).stage));
        ImGui::EndTooltip();
    }
    if (clicked && hovered_item != none) {
        const LineageItem& it = items[hovered_item];
        if (it.group) {
            v.options.expanded.insert(it.group_key);
            v.layout_dirty = true;
        } else {
            const LineageNode& n = node_at(v, it.members.front());
            v.highlight = n.kind == LineageNodeKind::innovation ? none : v.lin.nodes[it.members.front()];
            if (InnovationId id = lineage_item_innovation(v, it)) select_innovation(app, id, true);
        }
        app.frames_to_render = std::max(app.frames_to_render, 3);
    }
    if (!v.lin.nodes.empty() && v.lin.nodes.size() == 1) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + 8, origin.y + avail.y - ImGui::GetTextLineHeightWithSpacing() * 2));
        dim_text("%s", tr(S::lin_rank_none));
    }
    ImGui::EndChild();
}

}  // namespace

void draw_lineage_view(AppState& app) {
    if (!app.data) return;
    LineageViewState& v = lineage_state(app);
    lineage_refresh(app, v);
    draw_toolbar(app, v);
    lineage_refresh(app, v);  // a search pick or the slider may have changed what to show
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool side = avail.x >= 700;
    const float rank_w = side ? std::clamp(avail.x * 0.30f, 240.0f, 360.0f) : avail.x;
    const float rank_h = side ? avail.y : std::max(120.0f, avail.y * 0.28f);
    const float canvas_w = side ? avail.x - rank_w - ImGui::GetStyle().ItemSpacing.x : avail.x;
    ImGui::BeginGroup();
    if (v.focus) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + canvas_w);
        draw_summary(app, v);
        ImGui::PopTextWrapPos();
        draw_legend(v, family_provinces(v), canvas_w);
        const float h = ImGui::GetContentRegionAvail().y - (side ? 0 : rank_h + ImGui::GetStyle().ItemSpacing.y);
        draw_canvas(app, v, ImVec2(canvas_w, std::max(80.0f, h)));
    } else {
        ImGui::BeginChild("##lineage_empty", ImVec2(canvas_w, side ? avail.y : avail.y - rank_h - ImGui::GetStyle().ItemSpacing.y), true);
        text_wrapped(tr(S::lin_empty));
        ImGui::EndChild();
        v.item_screen.clear();
        v.item_drawn.clear();
    }
    ImGui::EndGroup();
    if (side) ImGui::SameLine();
    ImGui::BeginChild("##lineage_rank", ImVec2(rank_w, rank_h), true);
    draw_lineage_ranking(app, v);
    ImGui::EndChild();
}

}  // namespace atlas::ui
