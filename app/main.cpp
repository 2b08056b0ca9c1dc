// Start-up and the frame loop. The only file besides platform/ that knows it runs in a browser.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "app_state.hpp"
#include "hooks.hpp"
#include "embedded.hpp"
#include "platform/platform.hpp"
#include "ui/ui.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

namespace {

using namespace atlas;
using namespace atlas::ui;

struct Runtime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    AppState app;
    float touch_last_y = 0;
    int css_w = 0, css_h = 0;
    int idle_ticks = 0;
    bool loop_paused = false;  // the browser's animation-frame loop is stopped while idle
};
Runtime* runtime = nullptr;

// Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional (Vietnamese), punctuation
// (’ “ ” – — …), currency, arrows (→) and the minus sign: what Indonesian names and our UI use.
const ImWchar glyph_ranges[] = {0x0020, 0x024F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20BF,
                                0x2190, 0x2193, 0x2212, 0x2212, 0x25B4, 0x25BE, 0};

void setup_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the TTF lives in the program image
    cfg.OversampleH = dpr >= 2.0f ? 1 : 2;
    cfg.OversampleV = 1;
    auto* data = const_cast<unsigned char*>(embedded::font_data());
    const int size = static_cast<int>(embedded::font_size());
    // Rasterise at device pixels and scale back, so text is sharp on HiDPI screens.
    fonts.body = io.Fonts->AddFontFromMemoryTTF(data, size, 15.0f * dpr, &cfg, glyph_ranges);
    fonts.heading = io.Fonts->AddFontFromMemoryTTF(data, size, 19.0f * dpr, &cfg, glyph_ranges);
    if (!fonts.body || !fonts.heading) {
        fonts.body = fonts.heading = io.Fonts->AddFontDefault();
        io.FontGlobalScale = 1.0f;
        return;
    }
    io.FontGlobalScale = 1.0f / dpr;
}

void setup_style() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.FrameRounding = 4.0f;
    s.GrabRounding = 4.0f;
    s.ChildRounding = 4.0f;
    s.PopupRounding = 4.0f;
    s.WindowPadding = ImVec2(10, 8);
    s.FramePadding = ImVec2(8, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(6, 3);
    s.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
    s.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    s.Colors[ImGuiCol_Header] = ImVec4(0.26f, 0.52f, 0.80f, 0.30f);
    s.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.30f, 0.35f, 0.45f, 0.05f);
}

#ifdef __EMSCRIPTEN__
// The canvas follows the page size; SDL sizes the backing store by devicePixelRatio.
bool sync_canvas_size(Runtime& rt) {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    int iw = std::max(1, static_cast<int>(w)), ih = std::max(1, static_cast<int>(h));
    if (iw == rt.css_w && ih == rt.css_h) return false;
    rt.css_w = iw;
    rt.css_h = ih;
    SDL_SetWindowSize(rt.window, iw, ih);
    return true;
}
#endif

// Touch: a finger drag scrolls what is under it, like a wheel.
void handle_touch(Runtime& rt, const SDL_Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    if (e.type == SDL_FINGERDOWN) rt.touch_last_y = e.tfinger.y;
    if (e.type == SDL_FINGERMOTION) {
        float dy_px = (e.tfinger.y - rt.touch_last_y) * io.DisplaySize.y;
        rt.touch_last_y = e.tfinger.y;
        io.MouseWheel += dy_px / (ImGui::GetTextLineHeightWithSpacing() * 5.0f / 3.0f);
    }
}

void frame(void* arg) {
    Runtime& rt = *static_cast<Runtime*>(arg);
    AppState& app = rt.app;
    bool input = false;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        handle_touch(rt, e);
        input = true;
    }
#ifdef __EMSCRIPTEN__
    if (sync_canvas_size(rt)) input = true;
#endif
    // Render only when something changed: idle pages cost (almost) nothing.
    if (input) app.frames_to_render = std::max(app.frames_to_render, 3);
    if (app.frames_to_render <= 0 && !app.query_dirty) {
#ifdef __EMSCRIPTEN__
        // Idle for half a second: stop asking the browser for animation frames at all.
        // Any input on the page (platform/web.cpp) or a host call wakes the loop again.
        if (++rt.idle_ticks > 30) {
            rt.idle_ticks = 0;
            rt.loop_paused = true;
            emscripten_pause_main_loop();
        }
#endif
        return;
    }
    rt.idle_ticks = 0;
    --app.frames_to_render;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;  // ImGui asserts on zero (headless virtual time)
    ImGui::NewFrame();
    const Lang lang_before = language();
    const std::size_t rows_before = app.result.rows.size();
    const InnovationId selected_before = app.selected;
    draw_app(app);
    ImGui::Render();
    announce_view_changes(app);
    // A change made while drawing (new rows, selection, language) needs another frame to show.
    if (language() != lang_before || app.query_dirty || rows_before != app.result.rows.size() ||
        selected_before != app.selected)
        app.frames_to_render = std::max(app.frames_to_render, 2);

    int fb_w = 0, fb_h = 0;
    SDL_GL_GetDrawableSize(rt.window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!app.export_map_png.empty()) {
        // The Data menu's popup was closed this frame: the map is drawn without it.
        if (auto it = app.widget_rects.find("map_canvas"); it != app.widget_rects.end() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
            platform::download_canvas_png(app.export_map_png, it->second.x, it->second.y, it->second.w, it->second.h);
            app.export_map_png.clear();
        } else if (app.tab != Tab::map) {
            app.export_map_png.clear();  // the map is no longer shown: nothing to save
        } else {
            app.frames_to_render = std::max(app.frames_to_render, 2);
        }
    }
    SDL_GL_SwapWindow(rt.window);
    ++app.frame_count;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "atlas: %s\n", message.c_str());
    platform::show_page_message(message);
    return 1;
}

}  // namespace

int main(int, char**) {
    platform::prepare_canvas();
#ifdef __EMSCRIPTEN__
    // Keyboard events belong to the canvas only, not to the whole page (portal embedding).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
        return fail(std::string("SDL could not start: ") + SDL_GetError());
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl_version = "#version 130";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    static Runtime rt;
    runtime = &rt;
    rt.window = SDL_CreateWindow("Atlas Inovasi", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!rt.window) return fail(std::string("could not open a window: ") + SDL_GetError());
    rt.gl = SDL_GL_CreateContext(rt.window);
    if (!rt.gl) return fail("this browser could not start WebGL 2, which the atlas needs to draw");
    SDL_GL_MakeCurrent(rt.window, rt.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no settings files: the page must work from a USB stick
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep the page rendering
    setup_style();
    setup_fonts(platform::device_pixel_ratio());
    ImGui_ImplSDL2_InitForOpenGL(rt.window, rt.gl);
    ImGui_ImplOpenGL3_Init(glsl_version);
    platform::install_clipboard();

    init_bundle_choices(rt.app);
    if (!choose_bundle(rt.app, 0))  // the first of ATLAS_EMBEDDED_BUNDLES is the default
        return fail("the embedded bundle could not be loaded: " + rt.app.load_error);

#ifdef __EMSCRIPTEN__
    platform::show_page_message("");  // clears the loading text
    platform::start_page_requests();  // the URL hash, ?data=URL, or the host's ready callback
    emscripten_set_main_loop_arg(frame, &rt, 0, true);
#else
    bool running = true;
    while (running) {
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, 500)) {
            if (e.type == SDL_QUIT) running = false;
            SDL_PushEvent(&e);
        }
        frame(&rt);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(rt.gl);
    SDL_DestroyWindow(rt.window);
    SDL_Quit();
#endif
    return 0;
}

// ---------------------------------------------------------------------------
// Test and host hooks: small C functions the page (and Playwright) can call.
// ---------------------------------------------------------------------------
namespace atlas::ui {
AppState* hook_state() noexcept { return runtime ? &runtime->app : nullptr; }
const char* hook_keep(std::string s) {
    static std::string buffer;
    buffer = std::move(s);
    return buffer.c_str();
}
}  // namespace atlas::ui

namespace {
const char* keep(std::string s) { return hook_keep(std::move(s)); }
AppState* state() { return hook_state(); }
}  // namespace

ATLAS_EXPORT double atlas_frame_count() { return state() ? static_cast<double>(state()->frame_count) : 0; }
ATLAS_EXPORT int atlas_row_count() { return state() ? static_cast<int>(state()->result.rows.size()) : 0; }
ATLAS_EXPORT int atlas_total_innovations() {
    return state() && state()->data ? static_cast<int>(state()->data->innovations.size()) : 0;
}
ATLAS_EXPORT int atlas_replication_row_count() {
    return state() ? static_cast<int>(state()->replication_rows.size()) : 0;
}
ATLAS_EXPORT const char* atlas_row_id(int i) {
    AppState* a = state();
    if (!a || !a->data || i < 0 || static_cast<std::size_t>(i) >= a->result.rows.size()) return "";
    return a->data->innovations[a->result.rows[static_cast<std::size_t>(i)].value].id.c_str();
}
ATLAS_EXPORT const char* atlas_selected_id() {
    AppState* a = state();
    return a && a->data && a->selected ? a->data->innovations[a->selected.value].id.c_str() : "";
}
ATLAS_EXPORT const char* atlas_language() { return language() == Lang::id ? "id" : "en"; }
ATLAS_EXPORT int atlas_is_synthetic() { return state() && state()->data && state()->data->meta.synthetic ? 1 : 0; }
ATLAS_EXPORT const char* atlas_bundle_title() { return state() && state()->data ? state()->data->meta.title.c_str() : ""; }
ATLAS_EXPORT const char* atlas_load_error() { return state() ? state()->load_error.c_str() : ""; }
ATLAS_EXPORT const char* atlas_search_text() { return state() ? state()->query.search.c_str() : ""; }
ATLAS_EXPORT const char* atlas_sort() {
    AppState* a = state();
    if (!a) return "";
    return keep(std::string(to_string(a->query.sort)) + (a->query.descending ? " desc" : " asc"));
}
// "x,y,w,h" in CSS pixels of a widget drawn last frame, or "" if it was not drawn.
ATLAS_EXPORT const char* atlas_widget_rect(const char* name) {
    AppState* a = state();
    if (!a || !name) return "";
    auto it = a->widget_rects.find(std::string_view(name));
    if (it == a->widget_rects.end()) return "";
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.1f,%.1f,%.1f,%.1f", it->second.x, it->second.y, it->second.w, it->second.h);
    return keep(buf);
}
// Loads a bundle from bytes the page wrote into wasm memory; 1 on success. On failure the
// previous bundle stays and atlas_load_error() says why.
ATLAS_EXPORT int atlas_load_bundle(const char* bytes, int length, const char* name) {
    AppState* a = state();
    if (!a || !bytes || length < 0) return 0;
    bool ok = load_bundle_bytes(*a, std::string_view(bytes, static_cast<std::size_t>(length)), name ? name : "bundle");
    atlas_request_frame();
    return ok ? 1 : 0;
}
// The count the facet picker shows next to a value (what choosing it would give), -1 if unknown.
ATLAS_EXPORT int atlas_facet_count(const char* facet, const char* value) {
    AppState* a = state();
    if (!a || !a->catalog || !facet || !value) return -1;
    auto f = parse_facet(facet);
    if (!f) return -1;
    auto idx = a->catalog->facet_value_index(*f, value);
    const auto& counts = a->result.counts[static_cast<int>(*f)];
    if (!idx || *idx >= counts.size()) return -1;
    return static_cast<int>(counts[*idx]);
}
// Wakes the paused frame loop: called by the page's input listeners and by host calls.
ATLAS_EXPORT void atlas_wake() {
#ifdef __EMSCRIPTEN__
    if (runtime && runtime->loop_paused) {
        runtime->loop_paused = false;
        emscripten_resume_main_loop();
    }
#endif
}
// Asks for a redraw (used after the page changes something behind ImGui's back).
ATLAS_EXPORT void atlas_request_frame() {
    if (state()) state()->frames_to_render = std::max(state()->frames_to_render, 3);
    atlas_wake();
}
