// Everything the panels share: the loaded data, the user's query, its result, the selection.
// One instance, owned by main and handed to every panel.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/charts_data.hpp"
#include "core/query.hpp"
#include "core/replication_list.hpp"
#include "core/view_state.hpp"
#include "strings.hpp"

namespace atlas::ui {

// The views of the main area. map: issue 5, lineage: issue 6, figures: issue 7.
enum class Tab : std::uint8_t { innovations, replications, map, lineage, figures };

// A message with up to two values, e.g. {notice_unknown_id, "inn-x"}.
struct Notice {
    S text;
    std::string a, b;
    bool operator==(const Notice&) const = default;
    std::string format() const;  // in the current language
};

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

    // ---- Links, loading and export (issue 8) ----
    // A tab asked for by a link or the host API; layout selects it on the next frame.
    std::optional<Tab> requested_tab;
    // The view state as a link (core/view_state.hpp) when it was last handed to the page;
    // a change is announced to the page (URL hash, portal host) after the frame.
    std::string link_state;
    bool link_replace = true;  // the next announcement replaces the history entry
    // A link replaced the view: a text field being edited must let go of its old text.
    bool release_text_focus = false;
    InnovationId announced_selection;
    // Quiet notices (link values that were ignored, …): shown until dismissed, in the
    // language of the moment (the text is made when drawn).
    std::vector<Notice> notices;
    // Reading a file or a URL: progress 0..1 (negative: unknown size), label; hidden when !loading.
    bool loading = false;
    float load_progress = 0;
    std::string load_label;
    bool show_problems = false;
    // Save the map as PNG right after the next frame is drawn (file name of the download).
    std::string export_map_png;
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
    // ---- Map view (issue 5): boundaries, figures cache, pan/zoom; defined in ui/map_view.hpp ----
    std::shared_ptr<struct MapViewState> map_view;

    // Rendering on demand and test hooks.
    std::uint64_t frame_count = 0;
    int frames_to_render = 3;
    std::map<std::string, WidgetRect, std::less<>> widget_rects;

    // ---- lineage view (issue 6): graph, family, layout and view state (ui/view_lineage.hpp) ----
    std::shared_ptr<struct LineageViewState> lineage_view;
};

// Loads a bundle from bytes. On failure the previous data stays and load_error says why.
bool load_bundle_bytes(AppState& app, std::string_view bytes, std::string name);

// The view state a link carries, from the app (core/view_state.hpp), and back. Applying checks
// ids and facet values against the loaded bundle; what cannot be used becomes a notice.
ViewState capture_view_state(const AppState& app);
void apply_view_state(AppState& app, std::string_view link, bool from_address);
// After a frame: tells the page (URL hash) or the host when the view or the selection changed.
void announce_view_changes(AppState& app);
// "seed.json" → "seed": how a link names a built-in bundle.
std::string bundle_key(std::string_view file_name);

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
