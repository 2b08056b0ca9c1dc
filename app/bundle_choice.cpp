// The embedded bundles (ATLAS_EMBEDDED_BUNDLES) and switching between them.
#include "app_state.hpp"
#include "core/bundle_peek.hpp"
#include "embedded.hpp"

namespace atlas::ui {

void init_bundle_choices(AppState& app) {
    app.bundle_choices.clear();
    for (std::size_t i = 0; i < embedded::bundle_count(); ++i) {
        const embedded::Bundle b = embedded::bundle(i);
        std::string title = peek_bundle_title(b.bytes);
        if (title.empty()) title = std::string(b.file_name);  // still listed: loading it says what is wrong
        app.bundle_choices.push_back({std::move(title), std::string(b.file_name)});
    }
}

bool choose_bundle(AppState& app, std::size_t index) {
    if (index >= app.bundle_choices.size() || index >= embedded::bundle_count()) {
        app.load_error = "bundle " + std::to_string(index) + ": no such embedded bundle";
        return false;
    }
    const embedded::Bundle b = embedded::bundle(index);
    if (!load_bundle_bytes(app, b.bytes, std::string(b.file_name))) return false;
    app.bundle_chosen = index;
    app.bundle_chosen_data = app.data;
    return true;
}

int current_bundle(const AppState& app) noexcept {
    if (!app.data || app.bundle_chosen_data.lock() != app.data) return -1;
    return static_cast<int>(app.bundle_chosen);
}

}  // namespace atlas::ui
