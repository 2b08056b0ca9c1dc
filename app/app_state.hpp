// Everything the panels share: the loaded data, the user's query, its result, the selection.
// One instance, owned by main and handed to every panel.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/charts_data.hpp"
#include "core/query.hpp"
#include "core/replication_list.hpp"
#include "strings.hpp"

namespace atlas::ui {

// The views of the main area. map: issue 5, lineage: issue 6, figures: issue 7.
enum class Tab : std::uint8_t { innovations, replications, map, lineage, figures };

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct AppState {
    // Data (replaced as a whole when a new bundle loads; never modified).
    std::shared_ptr<const Dataset> data;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<ReplicationList> replication_list;
    LoadReport report;
    std::string bundle_name;  // where the data came from

    // The user's question and the answers the views draw.
    Query query;
    QueryResult result;
    std::vector<ReplicationRow> replication_rows;
    ReplicationColumn replication_sort = ReplicationColumn::source;
    bool replication_descending = false;
    bool query_dirty = true;

    // Shared selection.
    InnovationId selected;
    bool scroll_to_selected = false;

    // View state.
    Tab tab = Tab::innovations;
    // Time slider shared by the lineage view and the map: only what happened up to this year
    // is shown (0: no limit).
    int timeline_year = 0;
    bool show_about = false;
    std::string load_error;  // last failed load, shown until dismissed
    std::string copied_text;

    // ---- issue 7: the embedded bundles one can switch between, and the figures tab ----
    struct BundleChoice {
        std::string title;      // meta.title, read without loading the bundle
        std::string file_name;  // "national.json"
    };
    std::vector<BundleChoice> bundle_choices;  // in ATLAS_EMBEDDED_BUNDLES order; [0] = default
    std::size_t bundle_chosen = 0;             // the embedded bundle last loaded
    // Its data: differs from `data` once another file loads (weak: a freed dataset's address
    // may be reused by a later one, an expired pointer cannot be mistaken for it).
    std::weak_ptr<const Dataset> bundle_chosen_data;
    struct FiguresCache {
        std::weak_ptr<const Dataset> data;  // the bundle the values were computed on
        std::string filters;            // fingerprint of the query the selection values are for
        std::vector<std::optional<double>> in_bundle, filtered;  // per Dataset::figures row
        std::vector<std::uint32_t> order;  // figure rows in display order (by period)
        YearSeries awards, replications;
        std::vector<Ranked> provinces;
        std::string banner;  // what the banner last said: "partial", "covered" or "none"
    } figures;

    // Rendering on demand and test hooks.
    std::uint64_t frame_count = 0;
    int frames_to_render = 3;
    std::map<std::string, WidgetRect, std::less<>> widget_rects;
};

// Loads a bundle from bytes. On failure the previous data stays and load_error says why.
bool load_bundle_bytes(AppState& app, std::string_view bytes, std::string name);

// Recomputes the result and the replication rows if the query changed.
void refresh(AppState& app);

void select_innovation(AppState& app, InnovationId id, bool scroll);

// Issue 7: lists the embedded bundles (cheap: titles only) and loads one of them. On failure
// the previous data stays and load_error says why. current_bundle: index of the embedded
// bundle on screen, or -1 when the data came from elsewhere (a dropped file).
void init_bundle_choices(AppState& app);
bool choose_bundle(AppState& app, std::size_t index);
int current_bundle(const AppState& app) noexcept;

// Remembers where a widget was drawn (last item) so browser tests can find it.
void note_rect(AppState& app, std::string_view name);

}  // namespace atlas::ui
