// Desktop side of the platform interface (development builds).
#include <SDL.h>

#include <cstdio>
#include <cstdlib>

#include "platform.hpp"

namespace atlas::platform {

void prepare_canvas() {}
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

void pick_bundle_file() {}
void download(const std::string& name, const std::string&, std::string_view bytes) {
    if (std::FILE* f = std::fopen(name.c_str(), "wb")) {
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
    }
}
void announce_state(const std::string&, bool) {}
void announce_selection(const std::string&) {}
std::string link_for(const std::string& state) { return "#" + state; }
void start_page_requests() {}
void download_canvas_png(const std::string&, float, float, float, float) {}

}  // namespace atlas::platform
