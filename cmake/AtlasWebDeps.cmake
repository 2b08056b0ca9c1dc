# The web build's third-party pieces, for an Emscripten configure (see CMakeLists.txt):
#
#   atlas_web::sdl2    SDL2 2.26 built for wasm by scripts/build_web_deps (static + headers)
#   atlas_web::imgui   Dear ImGui 1.86 (core, SDL2 + OpenGL ES 3 back-ends, imgui_stdlib),
#                      with the compile definitions its objects were built with
#   nlohmann_json::nlohmann_json
#                      the Debian header-only library through a shim folder holding only a
#                      link to it: -I/usr/include would put glibc's headers before
#                      emscripten's and break every compile
#
# scripts/build_web_deps (run by scripts/setup) builds the libraries into a cache outside the
# clone and describes them in <cache>/web/atlas-web-deps.cmake.
include_guard(GLOBAL)

set(ATLAS_WEB_DEPS_DIR "" CACHE PATH
    "Cache folder of scripts/build_web_deps; empty: $ATLAS_CACHE, else ~/.cache/atlas-inovasi")
if(ATLAS_WEB_DEPS_DIR)
  set(_atlas_deps_dir "${ATLAS_WEB_DEPS_DIR}")
elseif(DEFINED ENV{ATLAS_CACHE} AND NOT "$ENV{ATLAS_CACHE}" STREQUAL "")
  set(_atlas_deps_dir "$ENV{ATLAS_CACHE}")
elseif(DEFINED ENV{HOME} AND NOT "$ENV{HOME}" STREQUAL "")
  set(_atlas_deps_dir "$ENV{HOME}/.cache/atlas-inovasi")
else()
  message(FATAL_ERROR "Neither ATLAS_WEB_DEPS_DIR, ATLAS_CACHE nor HOME is set: cannot find the web deps cache")
endif()

set(_atlas_manifest "${_atlas_deps_dir}/web/atlas-web-deps.cmake")
if(NOT EXISTS "${_atlas_manifest}")
  message(FATAL_ERROR
    "The web build needs SDL2 and Dear ImGui built for wasm, and ${_atlas_manifest} does not exist.\n"
    "Run scripts/setup (or scripts/build_web_deps), or point -DATLAS_WEB_DEPS_DIR=<cache folder> "
    "(default $ATLAS_CACHE or ~/.cache/atlas-inovasi) at a cache where it ran.")
endif()
include("${_atlas_manifest}")
# A rebuild of the libraries (new versions or flags) rewrites the manifest: reconfigure then.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_atlas_manifest}")

foreach(_lib IN ITEMS SDL2 IMGUI)
  if(NOT EXISTS "${ATLAS_WEB_${_lib}_PREFIX}/.complete")
    message(FATAL_ERROR "${ATLAS_WEB_${_lib}_PREFIX} is not a finished build; run scripts/build_web_deps")
  endif()
endforeach()

if(NOT TARGET atlas_web::sdl2)
  add_library(atlas_web::sdl2 STATIC IMPORTED GLOBAL)
  set_target_properties(atlas_web::sdl2 PROPERTIES
    IMPORTED_LOCATION "${ATLAS_WEB_SDL2_PREFIX}/lib/libSDL2.a"
    # <SDL.h> as with sdl2-config, and <SDL2/SDL.h> as well.
    INTERFACE_INCLUDE_DIRECTORIES "${ATLAS_WEB_SDL2_PREFIX}/include/SDL2;${ATLAS_WEB_SDL2_PREFIX}/include"
    # Our SDL replaces emscripten's port (which would be downloaded).
    INTERFACE_LINK_OPTIONS "-sUSE_SDL=0")
endif()

if(NOT TARGET atlas_web::imgui)
  add_library(atlas_web::imgui STATIC IMPORTED GLOBAL)
  set_target_properties(atlas_web::imgui PROPERTIES
    IMPORTED_LOCATION "${ATLAS_WEB_IMGUI_PREFIX}/lib/libimgui.a"
    # Debian's libimgui-dev layout (/usr/include/imgui): <imgui.h>, <imgui_stdlib.h>, and the
    # back-ends as <imgui_impl_sdl.h> or <backends/imgui_impl_sdl.h>.
    INTERFACE_INCLUDE_DIRECTORIES "${ATLAS_WEB_IMGUI_PREFIX}/include/imgui;${ATLAS_WEB_IMGUI_PREFIX}/include/imgui/backends"
    INTERFACE_COMPILE_DEFINITIONS "${ATLAS_WEB_IMGUI_DEFINITIONS}"
    INTERFACE_LINK_LIBRARIES atlas_web::sdl2)
endif()

if(NOT TARGET nlohmann_json::nlohmann_json)
  find_path(ATLAS_NLOHMANN_JSON_DIR nlohmann/json.hpp
            PATHS /usr/include /usr/local/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH
            DOC "Folder holding nlohmann/json.hpp (the host's header-only nlohmann-json3-dev)")
  if(NOT ATLAS_NLOHMANN_JSON_DIR)
    message(FATAL_ERROR "nlohmann/json.hpp not found (apt-get install nlohmann-json3-dev)")
  endif()
  set(_atlas_shim "${CMAKE_BINARY_DIR}/web-shim-include")
  file(MAKE_DIRECTORY "${_atlas_shim}")
  file(CREATE_LINK "${ATLAS_NLOHMANN_JSON_DIR}/nlohmann" "${_atlas_shim}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_atlas_shim}"
    # The web build has no exception support: nlohmann's would-be throws become aborts, and
    # the core never relies on them (it parses with the SAX interface / allow_exceptions=false).
    INTERFACE_COMPILE_DEFINITIONS "JSON_NOEXCEPTION")
endif()

message(STATUS "Web deps: SDL2 ${ATLAS_WEB_SDL2_VERSION} (${ATLAS_WEB_SDL2_PREFIX}), "
               "Dear ImGui ${ATLAS_WEB_IMGUI_VERSION} (${ATLAS_WEB_IMGUI_PREFIX})")
