// What the app needs from its host (browser or desktop). Implemented in web.cpp / native.cpp.
#pragma once
#include <string>

namespace atlas::platform {

void open_url(const std::string& url);       // in a new tab / the system browser
void copy_to_clipboard(const std::string& text);
float device_pixel_ratio();
// Shows a message in the page outside the canvas (start-up failures); no-op natively.
void show_page_message(const std::string& text);
// Routes ImGui copy/paste through the host clipboard.
void install_clipboard();

}  // namespace atlas::platform
