// The innovations table: sortable, virtualised with ImGuiListClipper; rows come from core.
#include <cstdio>

#include "ui.hpp"

namespace atlas::ui {

namespace {
struct Column {
    S title;
    SortColumn sort;
    float weight;
};
constexpr Column columns[] = {
    {S::col_name, SortColumn::name, 2.4f},        {S::col_owner, SortColumn::owner, 1.8f},
    {S::col_region, SortColumn::region, 1.4f},    {S::col_award, SortColumn::year, 1.3f},
    {S::col_replications, SortColumn::replications, 0.85f}, {S::col_adopters, SortColumn::adopters, 0.95f},
    {S::col_confidence, SortColumn::confidence, 0.9f},
};

// "KIPP 2023 Top 45" for the newest award of an innovation.
std::string award_text(const Dataset& ds, InnovationId id) {
    const Award* best = nullptr;
    for (AwardId a : ds.awards_of.of(id.value))
        if (!best || ds.awards[a.value].year > best->year) best = &ds.awards[a.value];
    if (!best) return {};
    std::string s = best->competition;
    if (best->year) s += " " + std::to_string(best->year);
    if (!best->tier.empty()) s += " " + best->tier;
    std::size_t more = ds.awards_of.of(id.value).size() - 1;
    if (more) s += " +" + std::to_string(more);
    return s;
}
}  // namespace

void draw_catalog_table(AppState& app) {
    if (!app.catalog) return;
    const Dataset& ds = *app.data;
    const Catalog& cat = *app.catalog;
    const auto& rows = app.result.rows;
    if (rows.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(S::no_rows));
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                            ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("innovations", static_cast<int>(std::size(columns)), flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const char* names[std::size(columns)];
    int k = 0;
    for (const Column& c : columns) {
        ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthStretch;
        if (c.sort == SortColumn::name) cf |= ImGuiTableColumnFlags_DefaultSort;
        if (c.sort == SortColumn::replications || c.sort == SortColumn::adopters || c.sort == SortColumn::year)
            cf |= ImGuiTableColumnFlags_PreferSortDescending;
        ImGui::TableSetupColumn(tr(c.title), cf, c.weight, static_cast<ImGuiID>(c.sort));
        names[k++] = to_string(c.sort);
    }
    table_header_row(app, names, k);

    // Sorting is core's job: only tell it what the header asks for.
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            app.query.sort = static_cast<SortColumn>(specs->Specs[0].ColumnUserID);
            app.query.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            app.query_dirty = true;
        }
        specs->SpecsDirty = false;
    }

    // Keep the selected row visible when it was chosen elsewhere.
    int scroll_to = -1;
    if (app.scroll_to_selected && app.selected) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i] == app.selected) { scroll_to = static_cast<int>(i); break; }
        app.scroll_to_selected = false;
    }
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    if (scroll_to >= 0) ImGui::SetScrollY(std::max(0.0f, scroll_to * row_h - ImGui::GetWindowHeight() * 0.4f));

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            InnovationId id = rows[static_cast<std::size_t>(i)];
            const Innovation& inn = ds.innovations[id.value];
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(id.value));
            bool selected = app.selected == id;
            const ImVec2 cell_start = ImGui::GetCursorPos();
            if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                select_innovation(app, id, false);
            if (i == clipper.DisplayStart) note_rect(app, "first_row");
            const bool hovered = ImGui::IsItemHovered();
            ImGui::SetCursorPos(cell_start);  // the name is drawn over the row's selectable
            const bool low = inn.confidence == Confidence::low;
            low_confidence_marker(app, inn.confidence, "low_conf_" + inn.id, false);  // the row's tooltip says it
            cell_text(inn.name);
            if (hovered && (low || !inn.acronym_expansion.empty())) {
                ImGui::BeginTooltip();
                if (!inn.acronym_expansion.empty()) ImGui::TextUnformatted(inn.acronym_expansion.c_str());
                if (low) ImGui::TextColored(confidence_colour(Confidence::low), "%s", tr(S::low_confidence));
                ImGui::EndTooltip();
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            if (inn.owner) cell_text(ds.institutions[inn.owner.value].name);
            ImGui::TableNextColumn();
            std::string_view region = cat.region_name(id);
            if (region.empty()) ImGui::TextDisabled("%s", tr(S::national));
            else cell_text(region);
            ImGui::TableNextColumn();
            cell_text(award_text(ds, id));
            ImGui::TableNextColumn();
            if (std::uint32_t n = cat.replication_count(id)) ImGui::Text("%u", n);
            ImGui::TableNextColumn();
            if (std::uint32_t n = cat.adopter_count(id)) ImGui::Text("%u", n);
            ImGui::TableNextColumn();
            const ImVec4 conf_colour = confidence_colour(inn.confidence);
            cell_text(confidence_text(inn.confidence), &conf_colour);
        }
    }
    ImGui::EndTable();
}

}  // namespace atlas::ui
