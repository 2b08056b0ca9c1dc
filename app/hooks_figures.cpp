// Test and host hooks of the figures tab and of the bundle choice (issue 7).
#include <cstdio>

#include "hooks.hpp"

using namespace atlas;
using namespace atlas::ui;

namespace {
std::string number_text(const std::optional<double>& v) {
    if (!v) return "";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.10g", *v);
    return buf;
}
}  // namespace

// Embedded bundles, one per line: "index|file name|title" (the first is the default).
ATLAS_EXPORT const char* atlas_bundle_choices() {
    AppState* a = hook_state();
    if (!a) return "";
    std::string out;
    for (std::size_t i = 0; i < a->bundle_choices.size(); ++i)
        out += std::to_string(i) + "|" + a->bundle_choices[i].file_name + "|" + a->bundle_choices[i].title + "\n";
    return hook_keep(std::move(out));
}
// Loads embedded bundle i; 1 on success. On failure the previous data stays (atlas_load_error).
ATLAS_EXPORT int atlas_choose_bundle(int i) {
    AppState* a = hook_state();
    if (!a || i < 0) return 0;
    const bool ok = choose_bundle(*a, static_cast<std::size_t>(i));
    atlas_request_frame();
    return ok ? 1 : 0;
}
// Index of the embedded bundle shown, -1 when the data came from elsewhere.
ATLAS_EXPORT int atlas_current_bundle() {
    AppState* a = hook_state();
    return a ? current_bundle(*a) : -1;
}
// Figures of the loaded bundle (rows of the figures tab are these, grouped by period).
ATLAS_EXPORT int atlas_figure_count() {
    AppState* a = hook_state();
    return a && a->data ? static_cast<int>(a->data->figures.size()) : 0;
}
// "id|published|in bundle|filtered" for figure i in display order, as the figures tab last
// computed them (empty fields: not comparable / no filters); "" before the tab was drawn.
ATLAS_EXPORT const char* atlas_figure_row(int i) {
    AppState* a = hook_state();
    if (!a || !a->data || a->figures.data.lock() != a->data || i < 0 ||
        static_cast<std::size_t>(i) >= a->figures.order.size())
        return "";
    const std::uint32_t row = a->figures.order[static_cast<std::size_t>(i)];
    const Figure& f = a->data->figures[row];
    std::string s = f.id + "|" + number_text(f.value) + "|" + number_text(a->figures.in_bundle[row]) + "|" +
                    number_text(row < a->figures.filtered.size() ? a->figures.filtered[row] : std::nullopt);
    return hook_keep(std::move(s));
}
// What the banner says: "partial", "covered", "none" ("" before the tab was drawn).
ATLAS_EXPORT const char* atlas_figures_banner() {
    AppState* a = hook_state();
    return a ? a->figures.banner.c_str() : "";
}
// The tab shown, in Tab enum order (0 innovations, 1 replications, 4 figures).
ATLAS_EXPORT int atlas_active_tab() {
    AppState* a = hook_state();
    return a ? static_cast<int>(a->tab) : -1;
}
