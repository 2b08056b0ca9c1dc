// What the app needs from its host (browser or desktop). Implemented in web.cpp / native.cpp.
#pragma once
#include <string>
#include <string_view>

namespace atlas::platform {

// Before SDL starts: makes "#canvas" (what SDL and the app address) mean the page's canvas
// element, whatever its id (a portal host chooses where the canvas lives).
void prepare_canvas();
void open_url(const std::string& url);       // in a new tab / the system browser
void copy_to_clipboard(const std::string& text);
float device_pixel_ratio();
// Shows a message in the page outside the canvas (start-up failures); no-op natively.
void show_page_message(const std::string& text);
// Routes ImGui copy/paste through the host clipboard.
void install_clipboard();

// ---- data in and out (issue 8) ----
// Opens the browser's file dialog; the chosen bundle arrives through atlas_load_bundle.
void pick_bundle_file();
// Saves bytes as a download (browser) or a file in the working directory (desktop).
void download(const std::string& name, const std::string& mime, std::string_view bytes);
// The view state changed: the single page writes it to the URL hash (a new history entry,
// or replacing the current one); an embedding host is told through its callback.
void announce_state(const std::string& link, bool replace);
void announce_selection(const std::string& id);
// A shareable address for a view state (the page's own address with the state as its hash).
std::string link_for(const std::string& state);
// Saves a rectangle of what was just drawn (CSS pixels) as a PNG download. Must be called
// right after rendering, in the same frame.
void download_canvas_png(const std::string& name, float x, float y, float w, float h);
// Applies the page's own start-up requests (URL hash, ?data=URL) once the app is ready.
void start_page_requests();

}  // namespace atlas::platform
