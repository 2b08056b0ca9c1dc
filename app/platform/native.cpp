// Desktop side of the platform interface (development builds).
#include <SDL.h>

#include <cstdio>
#include <cstdlib>

#include "platform.hpp"

namespace atlas::platform {

void open_url(const std::string& url) {
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return;
    std::string cmd = "xdg-open '" + url + "' >/dev/null 2>&1 &";
    if (url.find('\'') == std::string::npos) std::system(cmd.c_str());
}
void copy_to_clipboard(const std::string& text) { SDL_SetClipboardText(text.c_str()); }
float device_pixel_ratio() { return 1.0f; }
void show_page_message(const std::string& text) {
    if (!text.empty()) std::fprintf(stderr, "%s\n", text.c_str());
}
void install_clipboard() {}

}  // namespace atlas::platform
