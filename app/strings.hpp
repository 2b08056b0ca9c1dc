// Every user-visible text of the app, in Indonesian (default) and English.
#pragma once
#include <cstdint>
#include <string_view>

namespace atlas::ui {

enum class Lang : std::uint8_t { id, en };

enum class S : std::uint16_t {
    app_title, search_hint, clear_all, filters_active, no_values,
    facet_year, facet_competition, facet_tier, facet_province, facet_regency, facet_sector, facet_stage,
    facet_replicated, facet_confidence,
    tab_innovations, tab_replications,
    col_name, col_owner, col_region, col_award, col_sector, col_replications, col_adopters, col_confidence,
    col_source, col_adopter, col_stage, col_date, col_program,
    no_rows,
    detail_empty, detail_owner, detail_unit, detail_region, detail_sector, detail_started, detail_status,
    detail_awards, detail_derived_from, detail_replicated_by, detail_cohorts, detail_events, detail_sources,
    detail_confidence, detail_note, detail_derived, detail_owner_adopted, detail_pairing_unknown, pairing_unknown_short,
    detail_adopters_count, detail_regions, detail_other_sources, detail_none, detail_no_year, detail_no_tier,
    detail_open_link, detail_national, detail_participants, detail_group_members, detail_online,
    stage_interest, stage_commitment, stage_action_plan, stage_implemented,
    conf_high, conf_medium, conf_low, conf_unspecified,
    yes, no, national,
    status_shown_of, status_innovations, status_synthetic, status_bundle_date, status_problems,
    lang_toggle, load_failed, load_kept_previous, close, copy, copied, about, about_text,
    // ---- lineage view (issue 6) ----
    tab_lineage, lin_search_hint, lin_colour_stage, lin_colour_province, lin_time_axis, lin_fit, lin_all_years, lin_play, lin_pause, lin_empty, lin_nodes, lin_generations, lin_provinces, lin_regencies, lin_ranking, lin_rank_adopters, lin_rank_provinces, lin_rank_generations, lin_rank_none, lin_group_adopters, lin_group_schools, lin_group_health, lin_group_kecamatan, lin_group_governments, lin_group_expand, lin_collapse, lin_program, lin_innovation, lin_other, lin_undated, lin_cycles, lin_hint_controls,
    // links, loading and export (issue 8)
    data_menu, open_bundle, open_bundle_hint, copy_link, link_copied, export_innovations, export_replications,
    problems_title, problems_none, problems_button, problems_unlisted, loading_reading, loading_parsing, notice_title,
    notice_link_too_long, notice_link_encoding, notice_link_unknown_key, notice_link_bad_value,
    notice_link_value_too_long, notice_link_repeated, notice_unknown_id, notice_unknown_value, dismiss,
    status_record_counts, export_map_png,
    // ---- issue 7: figures tab, charts, confidence markers, bundle choice ----
    tab_figures, fig_col_metric, fig_col_scope, fig_col_period, fig_col_published, fig_col_bundle,
    fig_col_coverage, fig_col_filtered, fig_col_source, fig_not_comparable, fig_bundle_tip, fig_filtered_tip,
    fig_coverage_tip, fig_partial_banner, fig_partial_detail, fig_covered_banner, fig_none, fig_no_period,
    fig_heading_published, fig_heading_charts,
    chart_awards, chart_awards_note, chart_awards_unit, chart_replications, chart_replications_note,
    chart_replications_unit, chart_provinces, chart_provinces_note, chart_provinces_unit, chart_undated,
    chart_empty, chart_click_filter, chart_click_remove,
    low_confidence, bundle_menu, data_menu_tip, data_loaded_from,
    // ---- map view (issue 5) ----
    tab_map, map_unavailable, map_metric, metric_owned, metric_given, metric_received, metric_awards,
    map_regencies, map_arcs, map_reset, map_no_data, map_program, map_within, map_arcs_shown, map_national,
    map_until, map_tip_internal, map_tip_programs, map_tip_click, map_selected,
    count
};

void set_language(Lang lang) noexcept;
Lang language() noexcept;
const char* tr(S s) noexcept;          // in the current language
const char* tr(S s, Lang lang) noexcept;

// Labels for data values that have a translation (stages, confidence, yes/no, "national").
const char* value_label(std::string_view facet, std::string_view value) noexcept;  // nullptr: show as is

}  // namespace atlas::ui
