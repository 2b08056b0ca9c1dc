// Drawing the map: choropleth fills from the asset's triangles, outlines, bubbles, diffusion
// arcs, rings for replications within one region, labels placed without collisions, legend.
//
// ImGui's index type is 16-bit here (and the WebGL back-end has no vertex offsets), so one
// draw list holds at most 65,536 vertices: the map is drawn into a stack of input-less child
// windows over the canvas, a new one whenever the current one is nearly full.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/regions.hpp"
#include "map_view.hpp"
#include "ui.hpp"

namespace atlas::ui {

namespace {

using geo::no_region;

// Sequential classes (light → dark), zero, no data, sea.
constexpr ImU32 ramp[5] = {IM_COL32(253, 231, 170, 255), IM_COL32(250, 190, 100, 255), IM_COL32(240, 140, 62, 255),
                           IM_COL32(212, 88, 40, 255), IM_COL32(150, 45, 25, 255)};
constexpr ImU32 zero_colour = IM_COL32(255, 252, 242, 255);
constexpr ImU32 no_data_colour = IM_COL32(212, 214, 220, 255);
constexpr ImU32 sea_colour = IM_COL32(226, 236, 244, 255);
constexpr ImU32 ink = IM_COL32(35, 38, 48, 255);
// Arcs drawn at most per frame, the largest first (300k replications make ~100k regency pairs).
constexpr std::uint32_t arc_budget = 1500;

ImU32 class_colour(const MapViewState& m, int cls) {
    if (cls < 0) return no_data_colour;
    if (cls == 0) return zero_colour;
    const int n = static_cast<int>(m.bins.size());
    if (n <= 1) return ramp[2];
    return ramp[((cls - 1) * 4 + (n - 1) / 2) / (n - 1)];
}

ImU32 with_alpha(ImVec4 c, float a) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, a)); }

class Layers {
public:
    Layers(ImVec2 pos, ImVec2 size) : pos_(pos), size_(size) {}
    ~Layers() { finish(); }
    // A draw list with room for `vertices` more.
    ImDrawList* need(int vertices) {
        if (!dl_ || dl_->_VtxCurrentIdx + static_cast<unsigned>(vertices) > 60000u) next();
        return dl_;
    }
    void finish() {
        if (open_) ImGui::EndChild();
        open_ = false;
    }

private:
    void next() {
        finish();
        ImGui::SetCursorScreenPos(pos_);
        char id[32];
        std::snprintf(id, sizeof id, "##map_layer%d", count_++);
        ImGui::BeginChild(id, size_, false,
                          ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground |
                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
        open_ = true;
        dl_ = ImGui::GetWindowDrawList();
    }
    ImVec2 pos_, size_;
    ImDrawList* dl_ = nullptr;
    bool open_ = false;
    int count_ = 0;
};

bool visible(const MapViewState& m, const geo::MapRegion& g) {
    const ImVec2 a = to_screen(m, {g.bounds.min_x, g.bounds.max_y}), b = to_screen(m, {g.bounds.max_x, g.bounds.min_y});
    return b.x >= m.canvas_min.x && a.x <= m.canvas_max.x && b.y >= m.canvas_min.y && a.y <= m.canvas_max.y;
}

void update_screen(MapViewState& m) {
    const ImVec2 o = to_screen(m, {0, 0});
    if (m.screen_scale == m.scale && m.screen_centre.x == m.centre.x && m.screen_centre.y == m.centre.y &&
        m.screen_origin.x == o.x && m.screen_origin.y == o.y && !m.screen.empty())
        return;
    const auto v = m.map->vertices();
    m.screen.resize(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) m.screen[i] = ImVec2(o.x + v[i].x * m.scale, o.y - v[i].y * m.scale);
    m.screen_scale = m.scale;
    m.screen_centre = m.centre;
    m.screen_origin = o;
}

// Quantile classes of the non-zero values of the current level (at most five, distinct).
void update_bins(MapViewState& m) {
    if (m.bins_generation == m.generation && m.bins_metric == m.metric && m.bins_level == m.level) return;
    const std::uint32_t first = m.level == geo::Level::province ? 0 : m.map->province_count();
    const std::uint32_t last = m.level == geo::Level::province ? m.map->province_count()
                                                               : static_cast<std::uint32_t>(m.map->regions().size());
    std::vector<std::uint32_t> v;
    for (std::uint32_t r = first; r < last; ++r)
        if (std::uint32_t x = m.figures.regions[r].value[static_cast<int>(m.metric)]) v.push_back(x);
    std::sort(v.begin(), v.end());
    m.bins.clear();
    const std::size_t n = v.size();
    for (int k = 1; k <= 5 && n; ++k) {
        const std::uint32_t ub = v[(k * n + 4) / 5 - 1];
        if (m.bins.empty() || ub > m.bins.back()) m.bins.push_back(ub);
    }
    m.bins_generation = m.generation;
    m.bins_metric = m.metric;
    m.bins_level = m.level;
}

void fill_region(Layers& L, const MapViewState& m, const geo::MapRegion& g, ImU32 col) {
    ImDrawList* dl = L.need(static_cast<int>(g.vertex_count));
    dl->PrimReserve(static_cast<int>(g.index_count), static_cast<int>(g.vertex_count));
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const unsigned base = dl->_VtxCurrentIdx;
    for (std::uint32_t v = 0; v < g.vertex_count; ++v) dl->PrimWriteVtx(m.screen[g.vertex_begin + v], uv, col);
    const auto idx = m.map->indices();
    for (std::uint32_t i = 0; i < g.index_count; ++i)
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + idx[g.index_begin + i]));
}

void outline_region(Layers& L, const MapViewState& m, const geo::MapRegion& g, ImU32 col, float thickness) {
    for (std::uint32_t k = 0; k < g.ring_count; ++k) {
        const geo::Ring& ring = m.map->rings()[g.ring_begin + k];
        ImDrawList* dl = L.need(static_cast<int>(ring.count) * 4 + 8);
        dl->AddPolyline(m.screen.data() + ring.begin, static_cast<int>(ring.count), col, ImDrawFlags_Closed, thickness);
    }
}

void halo_text(Layers& L, ImVec2 p, ImU32 col, const char* text, float size) {
    const int n = static_cast<int>(std::strlen(text));
    ImDrawList* dl = L.need(n * 4 * 5 + 8);
    ImFont* font = ImGui::GetFont();
    const ImU32 halo = IM_COL32(255, 255, 255, 210);
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        dl->AddText(font, size, ImVec2(p.x + d.x, p.y + d.y), halo, text);
    dl->AddText(font, size, p, col, text);
}

// A curved arc from a to b (bending to its left), solid or dashed, with an arrowhead at b.
void draw_arc(Layers& L, ImVec2 a, ImVec2 b, ImU32 col, float width, bool dashed) {
    const float dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    if (len < 3) return;
    const ImVec2 c((a.x + b.x) / 2 - dy * 0.2f, (a.y + b.y) / 2 + dx * 0.2f);
    const int segs = std::clamp(static_cast<int>(len / 14), 5, 24);
    ImVec2 pts[25];
    for (int i = 0; i <= segs; ++i) {
        const float t = static_cast<float>(i) / segs, u = 1 - t;
        pts[i] = ImVec2(u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y);
    }
    ImDrawList* dl = L.need((segs + 1) * 4 * 2 + 16);
    if (!dashed) {
        dl->AddPolyline(pts, segs + 1, col, 0, width);
    } else {
        for (int i = 0; i < segs; i += 2) dl->AddLine(pts[i], pts[i + 1], col, width);
    }
    const ImVec2 e = pts[segs], f = pts[segs - 1];
    const float ex = e.x - f.x, ey = e.y - f.y, el = std::max(1e-3f, std::hypot(ex, ey));
    const float s = 4 + width;
    const ImVec2 dir(ex / el, ey / el), nrm(-dir.y, dir.x);
    dl->AddTriangleFilled(e, ImVec2(e.x - dir.x * s + nrm.x * s * 0.6f, e.y - dir.y * s + nrm.y * s * 0.6f),
                          ImVec2(e.x - dir.x * s - nrm.x * s * 0.6f, e.y - dir.y * s - nrm.y * s * 0.6f), col);
}

float arc_width(std::uint32_t count) { return std::min(7.0f, 1.2f + 1.3f * std::log2(static_cast<float>(count))); }

struct Placed {
    ImVec2 a, b;
};
bool overlaps(const std::vector<Placed>& placed, ImVec2 a, ImVec2 b) {
    for (const Placed& p : placed)
        if (a.x < p.b.x && b.x > p.a.x && a.y < p.b.y && b.y > p.a.y) return true;
    return false;
}

// Greedy label placement: the regions with the largest values (then the largest) first; a
// label that would overlap one already placed, the legend or the canvas edge is left out.
void draw_labels(Layers& L, const MapViewState& m, geo::Level level, std::vector<Placed>& placed) {
    const std::uint32_t first = level == geo::Level::province ? 0 : m.map->province_count();
    const std::uint32_t last = level == geo::Level::province ? m.map->province_count()
                                                             : static_cast<std::uint32_t>(m.map->regions().size());
    std::vector<std::uint32_t> order;
    for (std::uint32_t r = first; r < last; ++r) {
        const ImVec2 p = to_screen(m, m.map->regions()[r].label);
        if (p.x >= m.canvas_min.x && p.x <= m.canvas_max.x && p.y >= m.canvas_min.y && p.y <= m.map_bottom)
            order.push_back(r);
    }
    const int metric = static_cast<int>(m.metric);
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        const auto vx = m.figures.regions[x].value[metric], vy = m.figures.regions[y].value[metric];
        if (vx != vy) return vx > vy;
        const auto& bx = m.map->regions()[x].bounds;
        const auto& by = m.map->regions()[y].bounds;
        return bx.width() * bx.height() > by.width() * by.height();
    });
    const float size = ImGui::GetFontSize() * (level == geo::Level::province ? 0.92f : 0.82f);
    const RegionTable& table = RegionTable::embedded();
    const ImVec2 lmin = m.legend_min, lmax = m.legend_max;
    int drawn = 0;
    for (std::uint32_t r : order) {
        if (drawn >= 120) break;
        const Region* reg = table.find(m.map->regions()[r].code);
        if (!reg) continue;
        const std::string text = geo::short_name(reg->name);
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, 1e9f, 0, text.c_str());
        const ImVec2 p = to_screen(m, m.map->regions()[r].label);
        const ImVec2 a(p.x - ts.x / 2 - 2, p.y - ts.y / 2 - 1), b(p.x + ts.x / 2 + 2, p.y + ts.y / 2 + 1);
        if (a.x < m.canvas_min.x || b.x > m.canvas_max.x || a.y < m.canvas_min.y || b.y > m.map_bottom) continue;
        if (a.x < lmax.x && b.x > lmin.x && a.y < lmax.y && b.y > lmin.y) continue;
        if (overlaps(placed, a, b)) continue;
        placed.push_back({a, b});
        halo_text(L, ImVec2(a.x + 2, a.y + 1), level == geo::Level::province ? ink : IM_COL32(70, 72, 85, 255),
                  text.c_str(), size);
        ++drawn;
    }
}

// ---- legend: a flow of swatches and texts, wrapped to the canvas width ----
struct LegendItem {
    enum Kind { swatch, line, dashed, ring, text, newline } kind;
    ImU32 col;
    std::string label;
};

std::vector<LegendItem> legend_items(AppState& app, const MapViewState& m) {
    std::vector<LegendItem> it;
    const char* metric = "";
    switch (m.metric) {
        case geo::Metric::owned: metric = tr(S::metric_owned); break;
        case geo::Metric::given: metric = tr(S::metric_given); break;
        case geo::Metric::received: metric = tr(S::metric_received); break;
        case geo::Metric::awards: metric = tr(S::metric_awards); break;
    }
    std::string title = std::string(metric) + " (" +
                        (m.level == geo::Level::province ? tr(S::facet_province) : tr(S::facet_regency)) + ")";
    if (app.timeline_year > 0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, tr(S::map_until), app.timeline_year);
        title += ", " + std::string(buf);
    }
    it.push_back({LegendItem::text, ink, title + ":"});
    it.push_back({LegendItem::swatch, no_data_colour, tr(S::map_no_data)});
    it.push_back({LegendItem::swatch, zero_colour, "0"});
    std::uint32_t lo = 1;
    for (std::size_t k = 0; k < m.bins.size(); ++k) {
        const std::uint32_t hi = m.bins[k];
        std::string label = lo == hi ? std::to_string(hi) : std::to_string(lo) + "–" + std::to_string(hi);
        it.push_back({LegendItem::swatch, class_colour(m, static_cast<int>(k) + 1), label});
        lo = hi + 1;
    }
    if (m.arcs) {
        it.push_back({LegendItem::newline, 0, ""});
        for (Stage s : {Stage::interest, Stage::commitment, Stage::action_plan, Stage::implemented})
            it.push_back({LegendItem::line, with_alpha(stage_colour(s), 1), stage_text(s)});
        it.push_back({LegendItem::dashed, IM_COL32(90, 90, 100, 255), tr(S::map_program)});
        it.push_back({LegendItem::ring, IM_COL32(90, 90, 100, 255), tr(S::map_within)});
    }
    std::string notes;
    char buf[128];
    if (m.arcs && m.arcs_total > arc_budget) {
        std::snprintf(buf, sizeof buf, tr(S::map_arcs_shown), arc_budget, m.arcs_total);
        notes = buf;
    }
    if (m.figures.national_owned) {
        std::snprintf(buf, sizeof buf, tr(S::map_national), m.figures.national_owned);
        notes += (notes.empty() ? "" : "; ") + std::string(buf);
    }
    if (!notes.empty()) {
        it.push_back({LegendItem::newline, 0, ""});
        it.push_back({LegendItem::text, IM_COL32(100, 100, 110, 255), notes});
    }
    return it;
}

// Lays the legend out from `at` within `width`; draws it when `L` is given. Returns its height.
float layout_legend(const std::vector<LegendItem>& items, ImVec2 at, float width, Layers* L) {
    const float size = ImGui::GetFontSize() * 0.85f;
    const float line_h = size + 6, pad = 6, sw = 18;
    float x = at.x + pad, y = at.y + pad;
    ImFont* font = ImGui::GetFont();
    for (const LegendItem& item : items) {
        if (item.kind == LegendItem::newline) {
            x = at.x + pad;
            y += line_h;
            continue;
        }
        const float tw = font->CalcTextSizeA(size, 1e9f, 0, item.label.c_str()).x;
        const float w = (item.kind == LegendItem::text ? 0 : sw + 4) + tw + 12;
        if (x + w > at.x + width - pad && x > at.x + pad) {
            x = at.x + pad;
            y += line_h;
        }
        if (L) {
            ImDrawList* dl = L->need(static_cast<int>(item.label.size()) * 4 + 64);
            const float cy = y + size / 2;
            switch (item.kind) {
                case LegendItem::swatch:
                    dl->AddRectFilled(ImVec2(x, y + 1), ImVec2(x + sw, y + size - 1), item.col);
                    dl->AddRect(ImVec2(x, y + 1), ImVec2(x + sw, y + size - 1), IM_COL32(150, 150, 160, 255));
                    break;
                case LegendItem::line: dl->AddLine(ImVec2(x, cy), ImVec2(x + sw, cy), item.col, 3); break;
                case LegendItem::dashed:
                    for (float d = 0; d < sw; d += 6) dl->AddLine(ImVec2(x + d, cy), ImVec2(x + d + 3, cy), item.col, 2);
                    break;
                case LegendItem::ring: dl->AddCircle(ImVec2(x + sw / 2, cy), size / 2 - 1, item.col, 16, 2); break;
                default: break;
            }
            const float tx = item.kind == LegendItem::text ? x : x + sw + 4;
            dl->AddText(font, size, ImVec2(tx, y), item.col == 0 ? ink : (item.kind == LegendItem::text ? item.col : ink),
                        item.label.c_str());
        }
        x += w;
    }
    return y + line_h + pad - at.y;
}

}  // namespace

int colour_class(const MapViewState& m, std::uint32_t r) {
    const std::uint32_t v = m.figures.regions[r].value[static_cast<int>(m.metric)];
    if (v == 0) return m.index->has_data(r) ? 0 : -1;
    for (std::size_t k = 0; k < m.bins.size(); ++k)
        if (v <= m.bins[k]) return static_cast<int>(k) + 1;
    return static_cast<int>(m.bins.size());
}

float legend_height(AppState& app, MapViewState& m, float width) {
    update_bins(m);
    return layout_legend(legend_items(app, m), ImVec2(0, 0), width, nullptr);
}

void paint_map(AppState& app, MapViewState& m) {
    update_screen(m);
    update_bins(m);
    const geo::GeoMap& map = *m.map;
    const auto regions = map.regions();
    const std::uint32_t np = map.province_count();
    const bool regency_layer = m.level == geo::Level::regency;
    const std::uint32_t selected = selected_region(app, m);
    Layers L(m.canvas_min, ImVec2(m.canvas_max.x - m.canvas_min.x, m.canvas_max.y - m.canvas_min.y));

    L.need(8)->AddRectFilled(m.canvas_min, m.canvas_max, sea_colour);
    // Fills: the choropleth of the level shown (its own classes), regency borders in white.
    if (!regency_layer) {
        for (std::uint32_t r = 0; r < np; ++r)
            if (visible(m, regions[r])) fill_region(L, m, regions[r], class_colour(m, colour_class(m, r)));
    } else {
        // Provinces first in the no-data colour: the few gaps between regency outlines stay land.
        for (std::uint32_t r = 0; r < np; ++r)
            if (visible(m, regions[r])) fill_region(L, m, regions[r], no_data_colour);
        for (std::uint32_t r = np; r < regions.size(); ++r)
            if (visible(m, regions[r])) fill_region(L, m, regions[r], class_colour(m, colour_class(m, r)));
        for (std::uint32_t r = np; r < regions.size(); ++r)
            if (visible(m, regions[r])) outline_region(L, m, regions[r], IM_COL32(255, 255, 255, 200), 1.0f);
    }
    for (std::uint32_t r = 0; r < np; ++r)
        if (visible(m, regions[r]))
            outline_region(L, m, regions[r], regency_layer ? IM_COL32(95, 95, 110, 255) : IM_COL32(255, 255, 255, 255),
                           1.0f);
    if (m.hovered != no_region) outline_region(L, m, regions[m.hovered], IM_COL32(60, 60, 75, 255), 2.0f);
    if (selected != no_region) outline_region(L, m, regions[selected], ink, 3.0f);

    // Bubbles at regency label points (regency layer), area ∝ the regency's value: cities are
    // too small to read by their fill at most zooms.
    if (regency_layer) {
        const int metric = static_cast<int>(m.metric);
        const float mx = static_cast<float>(std::max<std::uint32_t>(1, m.figures.max_regency[metric]));
        for (std::uint32_t r = np; r < regions.size(); ++r) {
            const std::uint32_t v = m.figures.regions[r].value[metric];
            if (!v || !visible(m, regions[r])) continue;
            // Small when the whole country shows (arcs stay readable), larger as one zooms in.
            const float rmax = std::clamp(4.0f * m.scale / m.fit_scale, 6.0f, 18.0f);
            const float rad = 2.0f + (rmax - 2.0f) * std::sqrt(v / mx);
            const ImVec2 p = to_screen(m, regions[r].label);
            ImDrawList* dl = L.need(200);
            dl->AddCircleFilled(p, rad, IM_COL32(60, 50, 110, 70), 20);
            dl->AddCircle(p, rad, IM_COL32(60, 50, 110, 200), 20, 1.0f);
        }
    }

    // Arcs of the current level; the largest first, at most a budget per frame; the selected
    // innovation's arcs drawn over them. Arcs within one region become rings.
    m.arcs_drawn = m.arcs_total = 0;
    std::vector<Placed> placed;
    if (m.arcs) {
        const auto& arcs = regency_layer ? m.figures.regency_arcs : m.figures.province_arcs;
        const bool highlight = app.selected && m.arcs_level == m.level;
        const float alpha = highlight ? 0.28f : 0.75f;
        // Past a few hundred arcs, plain (not anti-aliased) lines: a third of the vertices.
        const bool many = arcs.size() > 400;
        constexpr std::uint32_t budget = arc_budget;
        struct RingSum {
            std::uint32_t count = 0;
            Stage stage = Stage::interest;
        };
        std::vector<RingSum> rings(regions.size());
        for (const geo::Arc& a : arcs) {
            if (a.from == a.to) {
                if (!a.program) {
                    rings[a.from].count += a.count;
                    rings[a.from].stage = std::max(rings[a.from].stage, a.stage);
                }
                continue;
            }
            ++m.arcs_total;
            if (m.arcs_total > budget) continue;
            const geo::MapRegion &f = regions[a.from], &t = regions[a.to];
            if (!visible(m, f) && !visible(m, t)) continue;
            ImDrawList* dl = L.need(200);
            const ImDrawListFlags keep = dl->Flags;
            if (many) dl->Flags &= ~ImDrawListFlags_AntiAliasedLines;
            draw_arc(L, to_screen(m, f.label), to_screen(m, t.label), with_alpha(stage_colour(a.stage), alpha),
                     arc_width(a.count), a.program);
            L.need(0)->Flags = keep;
            ++m.arcs_drawn;
        }
        if (highlight) {
            for (const geo::Arc& a : m.selected_arcs) {
                if (a.from == a.to) continue;
                const ImVec2 p = to_screen(m, regions[a.from].label), q = to_screen(m, regions[a.to].label);
                draw_arc(L, p, q, IM_COL32(255, 255, 255, 230), arc_width(a.count) + 3.0f, false);
                draw_arc(L, p, q, with_alpha(stage_colour(a.stage), 1.0f), arc_width(a.count) + 1.0f, a.program);
            }
        }
        for (std::uint32_t r = 0; r < regions.size(); ++r) {
            if (!rings[r].count || !visible(m, regions[r])) continue;
            const ImVec2 p = to_screen(m, regions[r].label);
            const float rad = 5.0f + 2.0f * std::log2(1.0f + rings[r].count);
            ImDrawList* dl = L.need(300);
            dl->AddCircle(p, rad, IM_COL32(255, 255, 255, 220), 24, 4.0f);
            dl->AddCircle(p, rad, with_alpha(stage_colour(rings[r].stage), 1.0f), 24, 2.0f);
            char buf[16];
            std::snprintf(buf, sizeof buf, "%u", rings[r].count);
            const float size = ImGui::GetFontSize() * 0.75f;
            const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, 1e9f, 0, buf);
            const ImVec2 at(p.x + rad * 0.7f, p.y - rad * 0.7f - ts.y);
            dl->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + ts.x + 2, at.y + ts.y), ink, 3.0f);
            dl->AddText(ImGui::GetFont(), size, at, IM_COL32(255, 255, 255, 255), buf);
            placed.push_back({ImVec2(at.x - 2, at.y), ImVec2(at.x + ts.x + 2, at.y + ts.y)});
        }
    }

    // Legend under (or over the bottom of) the map, then labels around it.
    const float width = m.canvas_max.x - m.canvas_min.x;
    const auto items = legend_items(app, m);
    const float lh = layout_legend(items, ImVec2(0, 0), width, nullptr);
    m.legend_min = ImVec2(m.canvas_min.x, m.canvas_max.y - lh);
    m.legend_max = m.canvas_max;
    L.need(8)->AddRectFilled(m.legend_min, m.legend_max, IM_COL32(255, 255, 255, 235));
    L.need(8)->AddLine(m.legend_min, ImVec2(m.legend_max.x, m.legend_min.y), IM_COL32(200, 200, 210, 255));
    layout_legend(items, m.legend_min, width, &L);

    draw_labels(L, m, geo::Level::province, placed);
    if (regency_layer && m.scale >= m.fit_scale * 5.0f) draw_labels(L, m, geo::Level::regency, placed);
    L.finish();
}

}  // namespace atlas::ui
