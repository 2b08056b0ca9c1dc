// The figures tab ("Angka"): published figures side by side with the same count over the
// loaded bundle (and over the current filters), a banner saying how partial the bundle is,
// and three charts that follow the filters and filter the tables when clicked.
//
// What a chart click means (core/query.cpp facets, kept honest):
//   awards chart      bar → year facet (innovations with an award that year); segment → the
//                     year and tier facets (an award that year AND an award of that tier, not
//                     necessarily the same award: facets are ANDed per innovation).
//   replications      segment → stage facet (innovations with a replication whose furthest stage
//                     is that stage). The replication year is not a facet, so a click does not
//                     pretend to filter by it; the tooltip and the note under the chart say so.
//   provinces         row → province facet (owner province; "national" for central owners).
// Clicking a chosen value again removes it; the filter bar's chips show the same choices.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "../platform/platform.hpp"
#include "charts.hpp"
#include "core/figures.hpp"
#include "core/regions.hpp"
#include "ui.hpp"

namespace atlas::ui {

namespace {

// ===========================================================================
// Cached numbers (recomputed when the bundle or the filters change, never per frame)
// ===========================================================================

std::string filters_fingerprint(const Query& q) {
    std::string s = q.search;
    for (int f = 0; f < facet_count; ++f) {
        s += '\x1e';
        for (const std::string& v : q.facets[f]) (s += v) += '\x1f';
    }
    return s;
}

// First and last four-digit years in a period text ("2014–2023" → 2014, 2023); 0 when none.
std::pair<int, int> period_years(std::string_view p) {
    int first = 0, last = 0;
    for (std::size_t i = 0; i + 4 <= p.size(); ++i) {
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k) digits = digits && p[i + k] >= '0' && p[i + k] <= '9';
        const bool alone = (i == 0 || p[i - 1] < '0' || p[i - 1] > '9') && (i + 4 == p.size() || p[i + 4] < '0' || p[i + 4] > '9');
        if (!digits || !alone) continue;
        const int y = (p[i] - '0') * 1000 + (p[i + 1] - '0') * 100 + (p[i + 2] - '0') * 10 + (p[i + 3] - '0');
        if (!first) first = y;
        last = y;
        i += 3;
    }
    return {first, last};
}

void update_cache(AppState& app) {
    auto& c = app.figures;
    const Dataset& ds = *app.data;
    if (c.data.lock() != app.data) {
        c.data = app.data;
        c.filters = "\x01";  // no query has this fingerprint: forces the filtered values below
        c.in_bundle.assign(ds.figures.size(), std::nullopt);
        for (std::size_t i = 0; i < ds.figures.size(); ++i) c.in_bundle[i] = compute_figure(ds, ds.figures[i].compare);
        // Grouped by period: latest end year first, then latest start, then the text; figures
        // without a year in their period last. Bundle order within a group.
        c.order.resize(ds.figures.size());
        for (std::uint32_t i = 0; i < c.order.size(); ++i) c.order[i] = i;
        std::stable_sort(c.order.begin(), c.order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto [fa, la] = period_years(ds.figures[a].period);
            const auto [fb, lb] = period_years(ds.figures[b].period);
            if ((la == 0) != (lb == 0)) return lb == 0;
            if (la != lb) return la > lb;
            if (fa != fb) return fa > fb;
            return ds.figures[a].period < ds.figures[b].period;
        });
    }
    if (app.query_dirty) return;  // the result is stale until the next refresh
    std::string fp = filters_fingerprint(app.query);
    if (fp == c.filters) return;
    c.filters = std::move(fp);
    const std::span<const InnovationId> rows(app.result.rows);
    c.filtered.assign(ds.figures.size(), std::nullopt);
    if (app.query.has_filters())
        for (std::size_t i = 0; i < ds.figures.size(); ++i) c.filtered[i] = compute_figure(ds, ds.figures[i].compare, rows);
    c.awards = awards_by_year_tier(ds, rows);
    c.replications = replications_by_year_stage(ds, app.replication_rows);
    c.provinces = innovations_by_province(ds, rows, 10);
}

char group_sep() { return language() == Lang::id ? '.' : ','; }

std::string percent_text(double ratio) {
    char buf[32];
    const double p = ratio * 100.0;
    if (p > 0 && p < 1) std::snprintf(buf, sizeof buf, "%.1f%%", p);
    else std::snprintf(buf, sizeof buf, "%.0f%%", p);
    std::string s = buf;
    if (language() == Lang::id) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string published_text(const Figure& f, bool with_unit) {
    if (!f.value_text.empty()) return f.value_text;
    if (!f.value) return {};
    // A year is printed as a year ("2019", not "2.019").
    const bool year = f.unit == "tahun" || f.unit == "year" || f.unit == "years";
    std::string s;
    if (year) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", *f.value);
        s = buf;
    } else {
        s = charts::format_count(*f.value, group_sep());
    }
    if (with_unit && !f.unit.empty()) s += " " + f.unit;
    return s;
}

std::optional<double> coverage(const Figure& f, const std::optional<double>& computed) {
    if (!computed || !f.value || *f.value <= 0) return std::nullopt;
    return *computed / *f.value;
}

// ===========================================================================
// Banner
// ===========================================================================

void banner(AppState& app) {
    const Dataset& ds = *app.data;
    const auto& c = app.figures;
    // National-scope comparable figures decide (no region, no program); else any comparable one.
    double lo = 1e300, hi = -1;
    int n = 0;
    for (int pass = 0; pass < 2 && n == 0; ++pass)
        for (std::size_t i = 0; i < ds.figures.size(); ++i) {
            const Figure& f = ds.figures[i];
            if (pass == 0 && (!f.compare.region.empty() || f.compare.program)) continue;
            auto r = coverage(f, c.in_bundle[i]);
            if (!r) continue;
            lo = std::min(lo, *r);
            hi = std::max(hi, *r);
            ++n;
        }
    std::string head, detail;
    ImU32 bg;
    if (ds.figures.empty()) {
        head = tr(S::fig_none);
        bg = IM_COL32(235, 235, 238, 255);
    } else if (n == 0) {
        head = tr(S::fig_partial_banner);
        bg = IM_COL32(253, 236, 200, 255);
    } else if (lo < 0.9) {
        head = tr(S::fig_partial_banner);
        char buf[320];
        std::snprintf(buf, sizeof buf, tr(S::fig_partial_detail), n, percent_text(lo).c_str(), percent_text(hi).c_str());
        detail = buf;
        bg = IM_COL32(253, 226, 214, 255);
    } else {
        head = tr(S::fig_covered_banner);
        bg = IM_COL32(214, 240, 220, 255);
    }
    app.figures.banner = ds.figures.empty() ? "none" : (n == 0 || lo < 0.9) ? "partial" : "covered";

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 pad(8, 6);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad.x, start.y + pad.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - pad.x * 2);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(40, 30, 25, 255));
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(head.c_str());
    ImGui::PopFont();
    if (!detail.empty()) ImGui::TextUnformatted(detail.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y + pad.y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, bg, 4.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(end.x - start.x, end.y - start.y));
    note_rect(app, "figures_banner");
}

// ===========================================================================
// Published figures table
// ===========================================================================

void coverage_cell(const std::optional<double>& ratio) {
    if (!ratio) {
        ImGui::TextDisabled("—");
        return;
    }
    const std::string t = percent_text(*ratio);
    const float line_h = ImGui::GetTextLineHeight();
    const float bar_w = std::min(56.0f, std::max(24.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("100%").x - 8));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fill = static_cast<float>(std::clamp(*ratio, 0.0, 1.0));
    const ImU32 col = *ratio < 0.5 ? IM_COL32(200, 70, 50, 255) : *ratio < 0.9 ? IM_COL32(200, 150, 40, 255) : IM_COL32(50, 140, 80, 255);
    dl->AddRectFilled(ImVec2(p.x, p.y + line_h * 0.3f), ImVec2(p.x + bar_w, p.y + line_h * 0.8f), IM_COL32(225, 225, 230, 255), 2);
    dl->AddRectFilled(ImVec2(p.x, p.y + line_h * 0.3f), ImVec2(p.x + std::max(1.0f, bar_w * fill), p.y + line_h * 0.8f), col, 2);
    ImGui::Dummy(ImVec2(bar_w + 4, line_h));
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(t.c_str());
}

void value_cell(const Figure& f, const std::optional<double>& v, S tip) {
    if (!f.compare.active()) {
        ImGui::TextDisabled("—");
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextUnformatted(tr(S::fig_not_comparable));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        return;
    }
    ImGui::TextUnformatted(v ? charts::format_count(*v, group_sep()).c_str() : "—");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(tip));
}

void source_link(const Dataset& ds, const Figure& f) {
    if (f.sources.empty()) return;
    const Source& s = ds.sources[f.sources.front().value];
    std::string label = !s.outlet.empty() ? s.outlet : s.title;
    if (f.sources.size() > 1) label += " +" + std::to_string(f.sources.size() - 1);
    if (!s.url.empty()) {
        if (link_text(label.c_str(), &s)) platform::open_url(s.url);
    } else {
        ImGui::TextUnformatted(label.c_str());
    }
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(s.title.c_str());
        if (!s.url.empty()) ImGui::TextDisabled("%s", s.url.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void figures_table(AppState& app) {
    const Dataset& ds = *app.data;
    const auto& c = app.figures;
    if (ds.figures.empty()) return;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 640;
    const bool filtered = app.query.has_filters();
    enum Col { metric, scope, published, bundle, cover, filt, source, conf };
    std::vector<Col> cols = {metric};
    if (!narrow) cols.push_back(scope);
    cols.insert(cols.end(), {published, bundle, cover});
    if (filtered) cols.push_back(filt);
    if (!narrow) cols.insert(cols.end(), {source, conf});

    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                            ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("figures", static_cast<int>(cols.size()), flags)) return;
    for (Col col : cols) {
        switch (col) {
            case metric: ImGui::TableSetupColumn(tr(S::fig_col_metric), ImGuiTableColumnFlags_WidthStretch, 2.6f); break;
            case scope: ImGui::TableSetupColumn(tr(S::fig_col_scope), ImGuiTableColumnFlags_WidthStretch, 1.5f); break;
            case published: ImGui::TableSetupColumn(tr(S::fig_col_published), ImGuiTableColumnFlags_WidthStretch, 1.1f); break;
            case bundle: ImGui::TableSetupColumn(tr(S::fig_col_bundle), ImGuiTableColumnFlags_WidthStretch, 0.75f); break;
            case cover: ImGui::TableSetupColumn(tr(S::fig_col_coverage), ImGuiTableColumnFlags_WidthStretch, 1.05f); break;
            case filt: ImGui::TableSetupColumn(tr(S::fig_col_filtered), ImGuiTableColumnFlags_WidthStretch, 0.75f); break;
            case source: ImGui::TableSetupColumn(tr(S::fig_col_source), ImGuiTableColumnFlags_WidthStretch, 1.0f); break;
            case conf: ImGui::TableSetupColumn(tr(S::col_confidence), ImGuiTableColumnFlags_WidthStretch, 0.75f); break;
        }
    }
    ImGui::TableHeadersRow();
    std::string last_period = "\x01";
    for (std::uint32_t row : c.order) {
        const Figure& f = ds.figures[row];
        if (f.period != last_period) {
            last_period = f.period;
            ImGui::TableNextRow();
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(226, 232, 242, 255));
            ImGui::TableSetColumnIndex(0);
            ImGui::PushFont(fonts.heading);
            text_wrapped(f.period.empty() ? tr(S::fig_no_period) : f.period);
            ImGui::PopFont();
        }
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(row));
        const std::optional<double> ratio = coverage(f, c.in_bundle[row]);
        for (Col col : cols) {
            ImGui::TableNextColumn();
            switch (col) {
                case metric: {
                    if (narrow) {  // confidence as a coloured dot; scope, period, source on hover
                        const ImVec2 p = ImGui::GetCursorScreenPos();
                        const float r = ImGui::GetTextLineHeight() * 0.22f;
                        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetTextLineHeight() * 0.5f), r,
                                                                    ImGui::GetColorU32(confidence_colour(f.confidence)));
                        ImGui::Dummy(ImVec2(r * 2 + 4, ImGui::GetTextLineHeight()));
                        ImGui::SameLine(0, 0);
                    }
                    text_wrapped(f.metric);
                    if ((narrow || !f.note.empty()) && ImGui::IsItemHovered()) {
                        ImGui::BeginTooltip();
                        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                        if (narrow) {
                            ImGui::Text("%s: %s", tr(S::fig_col_scope), f.scope.c_str());
                            ImGui::Text("%s: %s", tr(S::fig_col_period), f.period.c_str());
                            ImGui::Text("%s: %s", tr(S::col_confidence), confidence_text(f.confidence));
                            if (!f.sources.empty())
                                ImGui::Text("%s: %s", tr(S::fig_col_source), ds.sources[f.sources[0].value].title.c_str());
                        }
                        if (!f.note.empty()) ImGui::TextDisabled("%s", f.note.c_str());
                        ImGui::PopTextWrapPos();
                        ImGui::EndTooltip();
                    }
                    note_rect(app, "figure_" + f.id);
                    break;
                }
                case scope: {
                    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                    text_wrapped(f.scope);
                    ImGui::PopStyleColor();
                    break;
                }
                case published:
                    text_wrapped(published_text(f, !narrow));
                    if (narrow && ImGui::IsItemHovered() && !f.unit.empty()) ImGui::SetTooltip("%s", published_text(f, true).c_str());
                    break;
                case bundle: value_cell(f, c.in_bundle[row], S::fig_bundle_tip); break;
                case cover:
                    coverage_cell(ratio);
                    if (ratio && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::fig_coverage_tip));
                    break;
                case filt: value_cell(f, row < c.filtered.size() ? c.filtered[row] : std::nullopt, S::fig_filtered_tip); break;
                case source: source_link(ds, f); break;
                case conf: {
                    const ImVec4 col = confidence_colour(f.confidence);
                    cell_text(confidence_text(f.confidence), &col);
                    break;
                }
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// ===========================================================================
// Charts
// ===========================================================================

void toggle(AppState& app, Facet f, const std::string& value, std::optional<bool> want = std::nullopt) {
    auto& chosen = app.query.facets[static_cast<int>(f)];
    auto it = std::find(chosen.begin(), chosen.end(), value);
    const bool on = it != chosen.end();
    const bool target = want.value_or(!on);
    if (target == on) return;
    if (target) chosen.push_back(value);
    else chosen.erase(it);
    app.query_dirty = true;
}
bool chosen(const AppState& app, Facet f, std::string_view value) {
    const auto& v = app.query.facets[static_cast<int>(f)];
    return std::find(v.begin(), v.end(), value) != v.end();
}

void chart_title(const char* title, const char* note) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    text_wrapped(title);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(note);
    ImGui::PopStyleColor();
}

void undated_note(std::uint32_t n) {
    if (!n) return;
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(S::chart_undated), n);
    ImGui::TextDisabled("%s", buf);
}

// Stored as plain arrays for the chart functions (which take spans).
struct Flags {
    std::unique_ptr<bool[]> v;
    std::size_t n = 0;
    explicit Flags(std::size_t count) : v(new bool[count ? count : 1]()), n(count) {}
    std::span<const bool> span() const { return {v.get(), n}; }
};

void awards_chart(AppState& app, float height) {
    const YearSeries& y = app.figures.awards;
    chart_title(tr(S::chart_awards), tr(S::chart_awards_note));
    if (y.years.empty()) {
        ImGui::TextDisabled("%s", tr(S::chart_empty));
        undated_note(y.undated_total());
        return;
    }
    std::vector<std::string> cats, series;
    std::vector<ImU32> colours;
    Flags cat_on(y.years.size()), ser_on(y.series.size());
    for (std::size_t k = 0; k < y.years.size(); ++k) {
        cats.push_back(std::to_string(y.years[k]));
        cat_on.v[k] = chosen(app, Facet::year, cats.back());
    }
    int ranked = 0;
    for (std::size_t s = 0; s < y.series.size(); ++s) {
        series.push_back(y.series[s].empty() ? tr(S::detail_no_tier) : y.series[s]);
        ser_on.v[s] = !y.series[s].empty() && chosen(app, Facet::tier, y.series[s]);
        colours.push_back(y.series[s].empty() ? IM_COL32(170, 170, 178, 255) : charts::ordinal_colour(ranked++, 0));
    }
    charts::StackedBars c;
    c.categories = cats;
    c.series = series;
    c.colours = colours;
    c.values = y.counts;
    c.category_active = cat_on.span();
    c.series_active = ser_on.span();
    c.value_unit = tr(S::chart_awards_unit);
    c.click_hint = tr(S::chart_click_filter);
    c.bar_rects = [&](int k, int s, ImVec2 a, ImVec2 b) {
        std::string name = k < 0 ? "legend_awards" : "bar_awards_" + cats[static_cast<std::size_t>(k)];
        if (s >= 0) name += "_" + y.series[static_cast<std::size_t>(s)];
        app.widget_rects[name] = WidgetRect{a.x, a.y, b.x - a.x, b.y - a.y};
    };
    const charts::Hit hit = charts::stacked_bar_chart("awards", c, height);
    undated_note(y.undated_total());
    if (hit.legend >= 0 && !y.series[static_cast<std::size_t>(hit.legend)].empty())
        toggle(app, Facet::tier, y.series[static_cast<std::size_t>(hit.legend)]);
    if (!hit.clicked) return;
    const std::string& year = cats[static_cast<std::size_t>(hit.category)];
    const std::string tier = hit.series >= 0 ? y.series[static_cast<std::size_t>(hit.series)] : std::string();
    if (tier.empty()) {
        toggle(app, Facet::year, year);
    } else {
        // A segment: both on unless both already are (then both off).
        const bool both = chosen(app, Facet::year, year) && chosen(app, Facet::tier, tier);
        toggle(app, Facet::year, year, !both);
        toggle(app, Facet::tier, tier, !both);
    }
}

void replications_chart(AppState& app, float height) {
    const YearSeries& y = app.figures.replications;
    chart_title(tr(S::chart_replications), tr(S::chart_replications_note));
    if (y.years.empty()) {
        ImGui::TextDisabled("%s", tr(S::chart_empty));
        undated_note(y.undated_total());
        return;
    }
    std::vector<std::string> cats, series;
    std::vector<ImU32> colours;
    Flags ser_on(y.series.size());
    for (std::int16_t year : y.years) cats.push_back(std::to_string(year));
    for (std::size_t s = 0; s < y.series.size(); ++s) {
        const Stage st = static_cast<Stage>(s);
        series.push_back(stage_text(st));
        colours.push_back(ImGui::GetColorU32(stage_colour(st)));
        ser_on.v[s] = chosen(app, Facet::stage, y.series[s]);
    }
    charts::StackedBars c;
    c.categories = cats;
    c.series = series;
    c.colours = colours;
    c.values = y.counts;
    c.series_active = ser_on.span();
    c.value_unit = tr(S::chart_replications_unit);
    c.click_hint = tr(S::chart_replications_note);
    c.bar_rects = [&](int k, int s, ImVec2 a, ImVec2 b) {
        if (s < 0) return;  // a year alone filters nothing here: no target to offer
        std::string name = k < 0 ? "legend_replications" : "bar_replications_" + cats[static_cast<std::size_t>(k)];
        name += "_" + y.series[static_cast<std::size_t>(s)];
        app.widget_rects[name] = WidgetRect{a.x, a.y, b.x - a.x, b.y - a.y};
    };
    const charts::Hit hit = charts::stacked_bar_chart("replications", c, height);
    undated_note(y.undated_total());
    if (hit.legend >= 0) toggle(app, Facet::stage, y.series[static_cast<std::size_t>(hit.legend)]);
    if (hit.clicked && hit.series >= 0) toggle(app, Facet::stage, y.series[static_cast<std::size_t>(hit.series)]);
}

void provinces_chart(AppState& app) {
    const auto& p = app.figures.provinces;
    chart_title(tr(S::chart_provinces), tr(S::chart_provinces_note));
    if (p.empty()) {
        ImGui::TextDisabled("%s", tr(S::chart_empty));
        return;
    }
    std::vector<std::string> labels, values_key;
    std::vector<std::uint32_t> values;
    Flags on(p.size());
    for (std::size_t k = 0; k < p.size(); ++k) {
        const Region* r = p[k].key.empty() ? nullptr : RegionTable::embedded().find(p[k].key);
        labels.push_back(p[k].key.empty() ? tr(S::national) : r ? std::string(r->name) : p[k].key);
        values_key.push_back(p[k].key.empty() ? "national" : p[k].key);
        values.push_back(p[k].count);
        on.v[k] = chosen(app, Facet::province, values_key.back());
    }
    charts::HorizontalBars c;
    c.labels = labels;
    c.values = values;
    c.active = on.span();
    c.value_unit = tr(S::chart_provinces_unit);
    c.click_hint = tr(S::chart_click_filter);
    c.bar_rects = [&](int k, int, ImVec2 a, ImVec2 b) {
        app.widget_rects["bar_province_" + values_key[static_cast<std::size_t>(k)]] = WidgetRect{a.x, a.y, b.x - a.x, b.y - a.y};
    };
    const charts::Hit hit = charts::horizontal_bar_chart("provinces", c);
    if (hit.clicked) toggle(app, Facet::province, values_key[static_cast<std::size_t>(hit.category)]);
}

}  // namespace

void draw_figures_view(AppState& app) {
    if (!app.data) return;
    update_cache(app);
    ImGui::BeginChild("##figures_scroll", ImVec2(0, 0), false);
    banner(app);
    ImGui::Spacing();
    if (!app.data->figures.empty()) {
        ImGui::PushFont(fonts.heading);
        ImGui::TextUnformatted(tr(S::fig_heading_published));
        ImGui::PopFont();
        figures_table(app);
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(tr(S::fig_heading_charts));
    ImGui::PopFont();
    const float width = ImGui::GetContentRegionAvail().x;
    const float chart_h = std::clamp(width * 0.32f, 150.0f, 230.0f);
    if (width >= 720 && ImGui::BeginTable("charts", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        awards_chart(app, chart_h);
        ImGui::TableNextColumn();
        replications_chart(app, chart_h);
        ImGui::EndTable();
    } else {
        awards_chart(app, chart_h);
        replications_chart(app, chart_h);
    }
    provinces_chart(app);
    ImGui::Spacing();
    ImGui::EndChild();
    note_rect(app, "figures_view");
}

}  // namespace atlas::ui
