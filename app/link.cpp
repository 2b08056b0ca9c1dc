// The app's side of links: what the current view is as a ViewState, and applying one (from the
// URL hash, back/forward, or the portal host) with every id and value checked against the bundle.
#include <algorithm>
#include <cstdio>

#include "app_state.hpp"
#include "platform/platform.hpp"
#include "ui/map_view.hpp"

namespace atlas::ui {

namespace {

constexpr Tab tab_of_view[] = {Tab::innovations, Tab::replications, Tab::map, Tab::lineage, Tab::figures};
static_assert(std::size(tab_of_view) == std::size(view_names));

Notice format(S s, std::string_view a = {}, std::string_view b = {}) {
    return Notice{s, std::string(a.substr(0, 80)), std::string(b.substr(0, 80))};
}

void add_notice(AppState& app, Notice n) {
    if (std::find(app.notices.begin(), app.notices.end(), n) != app.notices.end()) return;
    if (app.notices.size() < 20) app.notices.push_back(std::move(n));
}

}  // namespace

std::string bundle_key(std::string_view file_name) {
    if (file_name.size() > 5 && file_name.substr(file_name.size() - 5) == ".json") file_name.remove_suffix(5);
    return std::string(file_name);
}

std::string Notice::format() const {
    char buf[512];
    std::snprintf(buf, sizeof buf, tr(text), a.c_str(), b.c_str());
    return buf;
}

ViewState capture_view_state(const AppState& app) {
    ViewState v;
    const Tab tab = app.requested_tab.value_or(app.tab);
    if (tab != Tab::innovations) v.view = std::string(view_names[static_cast<int>(tab)]);
    v.search = app.query.search;
    v.facets = app.query.facets;
    if (app.query.sort != SortColumn::name || app.query.descending) {
        v.sort = app.query.sort;
        v.descending = app.query.descending;
    }
    if (app.data && app.selected && app.selected.value < app.data->innovations.size())
        v.selected = app.data->innovations[app.selected.value].id;
    if (language() == Lang::en) v.language = "en";
    if (app.timeline_year) v.timeline_year = app.timeline_year;
    if (app.map_view) {
        const MapViewState& m = *app.map_view;
        if (m.metric != geo::Metric::owned) v.map_metric = geo::to_string(m.metric);
        if (m.regencies) v.map_regencies = true;
        const MapLinkView mv = map_link_view(m);
        v.map_zoom = mv.zoom;
        v.map_lon = mv.lon;
        v.map_lat = mv.lat;
    }
    // Another built-in bundle than the default one: named by its file ("seed").
    const int chosen = current_bundle(app);
    if (chosen > 0 && static_cast<std::size_t>(chosen) < app.bundle_choices.size())
        v.bundle = bundle_key(app.bundle_choices[static_cast<std::size_t>(chosen)].file_name);
    return v;
}

void apply_view_state(AppState& app, std::string_view link, bool from_address) {
    ParsedViewState parsed = parse_view_state(link);
    for (const ViewStateNotice& n : parsed.notices) {
        switch (n.kind) {
            case ViewNotice::too_long: add_notice(app, format(S::notice_link_too_long)); break;
            case ViewNotice::bad_encoding: add_notice(app, format(S::notice_link_encoding, n.key)); break;
            case ViewNotice::unknown_key: add_notice(app, format(S::notice_link_unknown_key, n.key)); break;
            case ViewNotice::bad_value: add_notice(app, format(S::notice_link_bad_value, n.key)); break;
            case ViewNotice::value_too_long: add_notice(app, format(S::notice_link_value_too_long, n.key)); break;
            case ViewNotice::repeated_key: add_notice(app, format(S::notice_link_repeated, n.key)); break;
        }
    }
    const ViewState& v = parsed.state;
    // The bundle first: ids and filter values are checked against it. A link without `data`
    // means the default built-in bundle, unless the data came from a file the user opened.
    const int chosen = current_bundle(app);
    if (!v.bundle.empty()) {
        std::size_t want = app.bundle_choices.size();
        for (std::size_t i = 0; i < app.bundle_choices.size(); ++i)
            if (bundle_key(app.bundle_choices[i].file_name) == v.bundle) want = i;
        if (want == app.bundle_choices.size()) add_notice(app, format(S::notice_unknown_id, v.bundle));
        else if (static_cast<int>(want) != chosen) choose_bundle(app, want);
    } else if (chosen > 0) {
        choose_bundle(app, 0);
    }
    // A link states the whole view: what it leaves out is the default.
    Tab tab = Tab::innovations;
    for (std::size_t i = 0; i < std::size(view_names); ++i)
        if (v.view == view_names[i]) tab = tab_of_view[i];
    app.requested_tab = tab;
    app.query.search = v.search;
    for (int f = 0; f < facet_count; ++f) {
        auto& chosen = app.query.facets[f];
        chosen.clear();
        for (const std::string& value : v.facets[f]) {
            if (app.catalog && !app.catalog->facet_value_index(static_cast<Facet>(f), value)) {
                add_notice(app, format(S::notice_unknown_value, to_string(static_cast<Facet>(f)), value));
                continue;
            }
            chosen.push_back(value);
        }
    }
    app.query.sort = v.sort.value_or(SortColumn::name);
    app.query.descending = v.sort ? v.descending : false;
    app.query_dirty = true;
    // The lineage view follows the selection: `focus` (older links) stands in for `sel`.
    const std::string& wanted = v.selected.empty() ? v.lineage_focus : v.selected;
    InnovationId selected;
    if (!wanted.empty() && app.data) {
        selected = app.data->find_innovation(wanted);
        if (!selected) add_notice(app, format(S::notice_unknown_id, wanted));
    }
    select_innovation(app, selected, static_cast<bool>(selected));
    set_language(v.language == "en" ? Lang::en : Lang::id);
    app.timeline_year = v.timeline_year.value_or(0);
    // The map's measure, layer and viewport (the whole country when the link has none).
    MapViewState& m = map_state(app);
    m.metric = geo::Metric::owned;
    for (int i = 0; i < geo::metric_count; ++i)
        if (v.map_metric == geo::to_string(static_cast<geo::Metric>(i))) m.metric = static_cast<geo::Metric>(i);
    m.regencies = v.map_regencies.value_or(false);
    m.pending_zoom = v.map_zoom ? std::optional<float>(static_cast<float>(*v.map_zoom)) : std::nullopt;
    m.pending_at = v.map_lon && v.map_lat ? std::optional<geo::LonLat>(geo::LonLat{*v.map_lon, *v.map_lat}) : std::nullopt;
    if (!m.pending_at) m.fitted = false;  // centred on the whole country again, then zoomed if asked
    // From the address bar (a link opened, back/forward): the page already shows this state,
    // so its canonical form replaces the history entry. From the host or the UI: a new entry.
    app.link_replace = from_address;
    app.release_text_focus = true;
    app.frames_to_render = std::max(app.frames_to_render, 3);
}

void announce_view_changes(AppState& app) {
    if (!app.data) return;
    std::string link = encode_view_state(capture_view_state(app));
    if (link != app.link_state) {
        // Typing a search replaces the history entry instead of adding one per keystroke.
        ViewState before = parse_view_state(app.link_state).state, now = parse_view_state(link).state;
        before.search.clear();
        now.search.clear();
        const bool replace = app.link_replace || before == now;
        platform::announce_state(link, replace);
        app.link_state = std::move(link);
    }
    app.link_replace = false;
    if (app.selected != app.announced_selection) {
        app.announced_selection = app.selected;
        platform::announce_selection(app.selected && app.selected.value < app.data->innovations.size()
                                         ? app.data->innovations[app.selected.value].id
                                         : std::string());
    }
}

}  // namespace atlas::ui
