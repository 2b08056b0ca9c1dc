// The ranking beside the lineage: the most replicated innovations of the current result (the
// filters apply), by adopters, provinces reached or generations; a row opens its lineage.
#include <algorithm>

#include "ui.hpp"
#include "view_lineage.hpp"

namespace atlas::ui {

namespace {

std::uint64_t metric(const LineageStats& s, LineageRank by) {
    switch (by) {
        case LineageRank::adopters: return s.adopters;
        case LineageRank::provinces: return s.provinces.size();
        case LineageRank::generations: return static_cast<std::uint64_t>(s.generations);
    }
    return 0;
}

void rank(AppState& app, LineageViewState& v) {
    if (v.ranked_from == app.result.rows && v.ranked_by == v.rank_by && !v.ranked_from.empty()) return;
    v.ranked_from = app.result.rows;
    v.ranked_by = v.rank_by;
    v.ranking.clear();
    // Only innovations something grew from need figures.
    std::vector<InnovationId> ids;
    for (InnovationId id : app.result.rows)
        if (!v.graph->out_edges(v.graph->node_of(id)).empty()) ids.push_back(id);
    std::vector<LineageStats> stats = v.graph->stats(ids);
    for (std::size_t i = 0; i < ids.size(); ++i) v.ranking.emplace_back(ids[i], std::move(stats[i]));
    const LineageRank by = v.rank_by;
    const Dataset& ds = *app.data;
    std::stable_sort(v.ranking.begin(), v.ranking.end(), [&](const auto& a, const auto& b) {
        const std::uint64_t ma = metric(a.second, by), mb = metric(b.second, by);
        if (ma != mb) return ma > mb;
        if (a.second.adopters != b.second.adopters) return a.second.adopters > b.second.adopters;
        return ds.innovations[a.first.value].name < ds.innovations[b.first.value].name;
    });
    if (v.ranking.size() > 100) v.ranking.resize(100);
}

}  // namespace

void draw_lineage_ranking(AppState& app, LineageViewState& v) {
    if (!v.graph) return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(tr(S::lin_ranking));
    ImGui::PopFont();
    const char* names[] = {tr(S::lin_rank_adopters), tr(S::lin_rank_provinces), tr(S::lin_rank_generations)};
    int by = static_cast<int>(v.rank_by);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##lineage_rank_by", &by, names, 3)) v.rank_by = static_cast<LineageRank>(by);
    note_rect(app, "lineage_rank_by");
    rank(app, v);
    if (v.ranking.empty()) {
        text_wrapped(tr(S::lin_rank_none));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("lineage_ranking", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("100").x);
    ImGui::TableSetupColumn(tr(S::col_name), ImGuiTableColumnFlags_WidthStretch);
    const char* heads[] = {tr(S::col_adopters), tr(S::lin_provinces), tr(S::lin_generations)};
    ImGui::TableSetupColumn(heads[by], ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(heads[by]).x);
    ImGui::TableHeadersRow();
    const Dataset& ds = *app.data;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.ranking.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const auto& [id, s] = v.ranking[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(r);
            if (ImGui::Selectable("##rank", app.selected == id, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                select_innovation(app, id, true);
            ImGui::PopID();
            note_rect(app, "lineage_rank_" + std::to_string(r));
            ImGui::SameLine();
            ImGui::Text("%d", r + 1);
            ImGui::TableNextColumn();
            cell_text(ds.innovations[id.value].name);
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(metric(s, v.rank_by)));
        }
    }
    ImGui::EndTable();
}

}  // namespace atlas::ui
