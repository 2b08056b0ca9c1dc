// Browser side of the platform interface: links, clipboard, pixel ratio, page messages.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "platform.hpp"

namespace {

// clang-format off
EM_JS(void, js_open_url, (const char* url), {
    const u = UTF8ToString(url);
    if (new RegExp("^https?:[/][/]", "i").test(u)) window.open(u, "_blank", "noopener,noreferrer");
});

EM_JS(void, js_copy, (const char* text), {
    const t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(t).catch(function() {});
        return;
    }
    const area = document.createElement("textarea");
    area.value = t;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) {}
    document.body.removeChild(area);
});

EM_JS(void, js_page_message, (const char* text), {
    const el = document.getElementById("status");
    if (!el) return;
    const t = UTF8ToString(text);
    el.textContent = t;
    el.style.display = t ? "block" : "none";
});

// Paste arrives as a browser event (reading the clipboard directly needs a permission);
// its text is handed to ImGui as typed characters.
EM_JS(void, js_install_paste, (), {
    document.addEventListener("paste", function(e) {
        const text = (e.clipboardData || window.clipboardData).getData("text");
        if (!text) return;
        const len = lengthBytesUTF8(text) + 1;
        const ptr = _malloc(len);
        stringToUTF8(text, ptr, len);
        _atlas_paste_text(ptr);
        _free(ptr);
        e.preventDefault();
    });
});
// Input anywhere on the page wakes the paused frame loop (SDL queues the event itself).
EM_JS(void, js_install_wake, (), {
    const wake = function() { _atlas_wake(); };
    ["mousemove", "mousedown", "mouseup", "wheel", "keydown", "keyup", "touchstart", "touchmove",
     "touchend", "pointerdown", "pointermove", "pointerup", "focus", "resize", "visibilitychange"]
        .forEach(function(type) { window.addEventListener(type, wake, {capture: true, passive: true}); });
});
// clang-format on

const char* get_clipboard(void*) { return ""; }  // paste comes through the paste event
void set_clipboard(void*, const char* text) { js_copy(text); }

struct Installer {
    Installer() {
        js_install_paste();
        js_install_wake();
    }
};

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void atlas_paste_text(const char* text) {
    if (ImGui::GetCurrentContext() == nullptr) return;
    ImGui::GetIO().AddInputCharactersUTF8(text);
    extern void atlas_request_frame();
    atlas_request_frame();
}

namespace atlas::platform {

void open_url(const std::string& url) { js_open_url(url.c_str()); }
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
float device_pixel_ratio() {
    double r = emscripten_get_device_pixel_ratio();
    return r >= 1.0 ? static_cast<float>(r) : 1.0f;
}
void show_page_message(const std::string& text) { js_page_message(text.c_str()); }

void install_clipboard() {
    static Installer installer;
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
}

}  // namespace atlas::platform
