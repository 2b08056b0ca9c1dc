// Hooks for links, loading and export (issue 8): called by the page, the portal's host API
// (web/atlas-embed.js) and the browser tests.
#include <algorithm>
#include <string>

#include "core/export.hpp"
#include "hooks.hpp"

using namespace atlas;
using namespace atlas::ui;

// The current view as link text (core/view_state.hpp), e.g. "view=map&province=35".
ATLAS_EXPORT const char* atlas_get_state() {
    AppState* a = hook_state();
    return a ? hook_keep(encode_view_state(capture_view_state(*a))) : "";
}
// Replaces the view with the one a link describes; returns how many notices it gave (values
// that were ignored). The previous view is replaced as a whole.
ATLAS_EXPORT int atlas_set_state(const char* link) {
    AppState* a = hook_state();
    if (!a || !link) return -1;
    const std::size_t before = a->notices.size();
    apply_view_state(*a, link, false);
    atlas_request_frame();
    return static_cast<int>(a->notices.size() - before);
}
// The page's own address changed (a link opened, back or forward): like atlas_set_state, but
// the history entry is not duplicated.
ATLAS_EXPORT void atlas_apply_address_state(const char* link) {
    AppState* a = hook_state();
    if (!a || !link) return;
    apply_view_state(*a, link, true);
    atlas_request_frame();
}
ATLAS_EXPORT int atlas_notice_count() { return hook_state() ? static_cast<int>(hook_state()->notices.size()) : 0; }
ATLAS_EXPORT const char* atlas_notice(int i) {
    AppState* a = hook_state();
    if (!a || i < 0 || static_cast<std::size_t>(i) >= a->notices.size()) return "";
    return hook_keep(a->notices[static_cast<std::size_t>(i)].format());
}
ATLAS_EXPORT void atlas_set_language(const char* lang) {
    if (!lang) return;
    set_language(std::string_view(lang) == "en" ? Lang::en : Lang::id);
    atlas_request_frame();
}
// Reading progress from the page: on/off, fraction (negative: size unknown), file name, and
// phase 0 reading / 1 checking.
ATLAS_EXPORT void atlas_load_progress(int on, double fraction, const char* name, int phase) {
    AppState* a = hook_state();
    if (!a) return;
    a->loading = on != 0;
    a->load_progress = static_cast<float>(std::clamp(fraction, -1.0, 1.0));
    char buf[300];
    std::snprintf(buf, sizeof buf, tr(phase ? S::loading_parsing : S::loading_reading), name ? name : "");
    a->load_label = buf;
    atlas_request_frame();
}
// A file or URL could not be read at all: shown like a bundle that failed to load.
ATLAS_EXPORT void atlas_report_load_error(const char* message) {
    AppState* a = hook_state();
    if (!a || !message) return;
    a->loading = false;
    a->load_error = message;
    atlas_request_frame();
}
ATLAS_EXPORT int atlas_problem_count() {
    AppState* a = hook_state();
    return a ? static_cast<int>(a->report.problem_count()) : 0;
}
// The CSV the export buttons download for "innovations" or "replications" (tests read it).
ATLAS_EXPORT const char* atlas_export_csv(const char* table) {
    AppState* a = hook_state();
    if (!a || !a->catalog || !table) return "";
    if (std::string_view(table) == "replications") return hook_keep(replications_csv(*a->data, a->replication_rows));
    return hook_keep(innovations_csv(*a->catalog, a->result.rows));
}
