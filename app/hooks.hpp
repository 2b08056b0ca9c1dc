// Test and host hooks: small C functions the page (and Playwright) call. Each view keeps its
// own hooks in its own file (hooks_<view>.cpp) using these helpers; main.cpp has the general ones.
#pragma once
#include <string>

#include "app_state.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define ATLAS_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define ATLAS_EXPORT extern "C"
#endif

namespace atlas::ui {

// The running app's state, or nullptr before main has set it up.
AppState* hook_state() noexcept;

// Keeps a returned string alive until the next call of any hook returning text.
const char* hook_keep(std::string s);

}  // namespace atlas::ui

// Asks for a redraw and wakes the paused frame loop.
ATLAS_EXPORT void atlas_request_frame();
