// The replications table: pairs and programs of unknown pairing from the shown innovations.
#include <cstdio>

#include "core/regions.hpp"
#include "ui.hpp"

namespace atlas::ui {

namespace {
struct Column {
    S title;
    ReplicationColumn sort;
    float weight;
};
constexpr Column columns[] = {
    {S::col_source, ReplicationColumn::source, 1.8f}, {S::col_adopter, ReplicationColumn::adopter, 2.0f},
    {S::col_region, ReplicationColumn::region, 1.4f}, {S::col_stage, ReplicationColumn::stage, 0.9f},
    {S::col_date, ReplicationColumn::date, 0.8f},     {S::col_program, ReplicationColumn::program, 1.8f},
};

std::string region_short(std::string_view code) {
    if (code.empty()) return {};
    const RegionTable& t = RegionTable::embedded();
    std::string_view reg = RegionTable::regency_code(code);
    const Region* r = t.find(reg.empty() ? code : reg);
    return r ? std::string(r->name) : std::string(code);
}
}  // namespace

void draw_replications_table(AppState& app) {
    if (!app.catalog) return;
    const Dataset& ds = *app.data;
    const auto& rows = app.replication_rows;
    if (rows.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(S::no_rows));
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("replications", static_cast<int>(std::size(columns)), flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const char* names[std::size(columns)];
    int k = 0;
    for (const Column& c : columns) {
        ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthStretch;
        if (c.sort == ReplicationColumn::source) cf |= ImGuiTableColumnFlags_DefaultSort;
        ImGui::TableSetupColumn(tr(c.title), cf, c.weight, static_cast<ImGuiID>(c.sort));
        names[k++] = to_string(c.sort);
    }
    table_header_row(app, names, k);
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            app.replication_sort = static_cast<ReplicationColumn>(specs->Specs[0].ColumnUserID);
            app.replication_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            app.query_dirty = true;
        }
        specs->SpecsDirty = false;
    }
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ReplicationRow& row = rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (!row.cohort) {
                const Replication& r = ds.replications[row.index];
                const Innovation& src = ds.innovations[r.source.value];
                low_confidence_marker(app, r.confidence, "low_conf_" + r.id);
                if (ImGui::Selectable(src.name.c_str(), app.selected == r.source, ImGuiSelectableFlags_SpanAllColumns))
                    select_innovation(app, r.source, false);
                ImGui::TableNextColumn();
                const Institution& adopter = ds.institutions[r.adopter.value];
                if (r.adopter_count > 1 && adopter.kind != "group")
                    ImGui::Text("%s (%u)", adopter.name.c_str(), r.adopter_count);
                else
                    ImGui::TextUnformatted(adopter.name.c_str());
                if (r.derived) {
                    ImGui::SameLine();
                    ImGui::TextColored(ImVec4(0.15f, 0.55f, 0.30f, 1), "→ %s", ds.innovations[r.derived.value].name.c_str());
                }
                ImGui::TableNextColumn();
                cell_text(region_short(r.region_code));
                ImGui::TableNextColumn();
                ImGui::TextColored(stage_colour(r.latest_stage()), "%s", stage_text(r.latest_stage()));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.latest_date().to_string().c_str());
                ImGui::TableNextColumn();
                if (r.program) cell_text(ds.events[r.program.value].name);
            } else {
                const Cohort& c = ds.cohorts[row.index];
                std::string label = ds.innovations[c.innovations[0].value].name;
                if (c.innovations.size() > 1) label += " +" + std::to_string(c.innovations.size() - 1);
                low_confidence_marker(app, c.confidence, "low_conf_" + c.id);
                if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                    select_innovation(app, c.innovations[0], false);
                ImGui::TableNextColumn();
                std::uint32_t n = c.adopter_count ? c.adopter_count : static_cast<std::uint32_t>(c.adopters.size());
                ImGui::TextDisabled("%u %s — %s", n, tr(S::detail_adopters_count), tr(S::pairing_unknown_short));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::detail_pairing_unknown));
                ImGui::TableNextColumn();
                if (!c.region_codes.empty()) {
                    std::string first = region_short(c.region_codes[0]);
                    if (c.region_codes.size() > 1) first += " +" + std::to_string(c.region_codes.size() - 1);
                    ImGui::TextUnformatted(first.c_str());
                }
                ImGui::TableNextColumn();
                ImGui::TextColored(stage_colour(c.latest_stage()), "%s", stage_text(c.latest_stage()));
                ImGui::TableNextColumn();
                Date best;
                for (const StageStep& s : c.stages)
                    if (s.date.key() > best.key()) best = s.date;
                ImGui::TextUnformatted(best.to_string().c_str());
                ImGui::TableNextColumn();
                cell_text(ds.events[c.program.value].name);
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace atlas::ui
