// Browser side of the platform interface: links, clipboard, pixel ratio, page messages.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cstdlib>

#include "../hooks.hpp"
#include "platform.hpp"

namespace {

// clang-format off
// Emscripten looks selectors up in specialHTMLTargets before the document, so "#canvas" finds
// Module.canvas even when the host gave it another id (or there are other canvases).
EM_JS(void, js_prepare_canvas, (), {
    if (Module.canvas && typeof specialHTMLTargets !== "undefined") specialHTMLTargets["#canvas"] = Module.canvas;
});

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
// its text is handed to ImGui as typed characters, only while the atlas has the focus (in a
// portal, pasting into the host page's own fields must stay theirs).
EM_JS(void, js_install_paste, (), {
    document.addEventListener("paste", function(e) {
        if (document.activeElement !== Module.canvas) return;
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
// ---- Data in and out: files, URLs, drops, downloads, links (issue 8) ----
// Module.atlasLoadBytes / atlasLoadFile / atlasLoadUrl / atlasPickFile are also what the portal's
// host API (web/atlas-embed.js) calls. Reading reports progress to the app; the bytes are then
// handed over after a short pause, so that the "checking" state is drawn before the parse.
EM_JS(void, js_install_data, (), {
    function withString(text, fn) {
        const len = lengthBytesUTF8(text) + 1;
        const ptr = _malloc(len);
        stringToUTF8(text, ptr, len);
        try { return fn(ptr); } finally { _free(ptr); }
    }
    function progress(on, fraction, name, phase) {
        withString(String(name || ""), function(p) { _atlas_load_progress(on ? 1 : 0, fraction, p, phase); });
    }
    function failed(text) {
        progress(false, 0, "", 0);
        withString(String(text), function(p) { _atlas_report_load_error(p); });
    }
    Module.atlasLoadBytes = function(bytes, name) {
        const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        const ptr = _malloc(Math.max(1, u8.length));
        if (!ptr) { failed(name + ": not enough memory for " + u8.length + " bytes"); return false; }
        HEAPU8.set(u8, ptr);
        let ok = 0;
        try {
            ok = withString(String(name || "bundle"), function(p) { return _atlas_load_bundle(ptr, u8.length, p); });
        } finally { _free(ptr); }
        return ok === 1;
    };
    function handOver(bytes, name, resolve) {
        progress(true, 1, name, 1);
        setTimeout(function() {
            const ok = Module.atlasLoadBytes(bytes, name);
            progress(false, 0, "", 0);
            resolve(ok);
        }, 40);
    }
    Module.atlasLoadFile = function(file) {
        return new Promise(function(resolve) {
            const reader = new FileReader();
            progress(true, 0, file.name, 0);
            reader.onprogress = function(e) { progress(true, e.lengthComputable ? e.loaded / e.total : -1, file.name, 0); };
            reader.onerror = function() { failed(file.name + ": " + (reader.error ? reader.error.message : "read error")); resolve(false); };
            reader.onload = function() { handOver(reader.result, file.name, resolve); };
            reader.readAsArrayBuffer(file);
        });
    };
    Module.atlasLoadUrl = function(url) {
        const name = String(url).split("#")[0].split("?")[0].split("/").pop() || String(url);
        progress(true, -1, name, 0);
        return fetch(url).then(function(res) {
            if (!res.ok) throw new Error("HTTP " + res.status + " " + res.statusText);
            const total = Number(res.headers.get("content-length")) || 0;
            if (!res.body || !res.body.getReader) return res.arrayBuffer();
            const reader = res.body.getReader();
            const chunks = [];
            let loaded = 0;
            function pump() {
                return reader.read().then(function(r) {
                    if (r.done) {
                        const all = new Uint8Array(loaded);
                        let at = 0;
                        for (const c of chunks) { all.set(c, at); at += c.length; }
                        return all;
                    }
                    chunks.push(r.value);
                    loaded += r.value.length;
                    progress(true, total ? loaded / total : -1, name, 0);
                    return pump();
                });
            }
            return pump();
        }).then(function(bytes) {
            return new Promise(function(resolve) { handOver(bytes, name, resolve); });
        }).catch(function(e) {
            failed(url + ": " + (e && e.message ? e.message : String(e)));
            return false;
        });
    };
    Module.atlasPickFile = function() {
        const input = document.createElement("input");
        input.type = "file";
        input.accept = ".json,application/json";
        input.style.display = "none";
        input.addEventListener("change", function() {
            if (input.files && input.files[0]) Module.atlasLoadFile(input.files[0]);
            input.remove();
        });
        document.body.appendChild(input);
        input.click();
    };
    // Drop a file onto the atlas (the whole window for the single page).
    const dropTarget = Module.atlasHost ? Module.canvas : window;
    dropTarget.addEventListener("dragover", function(e) {
        if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
            e.preventDefault();
            e.dataTransfer.dropEffect = "copy";
        }
    });
    dropTarget.addEventListener("drop", function(e) {
        if (!e.dataTransfer || !e.dataTransfer.files || !e.dataTransfer.files.length) return;
        e.preventDefault();
        Module.atlasLoadFile(e.dataTransfer.files[0]);
    });
});

EM_JS(void, js_pick_file, (), { Module.atlasPickFile(); });

// Copies a rectangle of the WebGL canvas while its frame is still there (same task as the
// drawing; no preserveDrawingBuffer needed) and downloads it as PNG.
EM_JS(void, js_download_canvas_png, (const char* name, float x, float y, float w, float h), {
    const c = Module.canvas;
    const s = c.clientWidth ? c.width / c.clientWidth : 1;
    const out = document.createElement("canvas");
    out.width = Math.max(1, Math.round(w * s));
    out.height = Math.max(1, Math.round(h * s));
    out.getContext("2d").drawImage(c, Math.round(x * s), Math.round(y * s), out.width, out.height, 0, 0, out.width, out.height);
    const file = UTF8ToString(name);
    out.toBlob(function(blob) {
        if (!blob) return;
        const a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = file;
        a.style.display = "none";
        document.body.appendChild(a);
        a.click();
        setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }, "image/png");
});

EM_JS(void, js_download, (const char* name, const char* mime, const char* bytes, int length), {
    const data = HEAPU8.slice(bytes, bytes + length);
    const blob = new Blob([data], {type: UTF8ToString(mime)});
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

// The single page keeps the view in its URL hash: a new history entry per change (back and
// forward walk through them), replacing it while only the search text changes. A host page
// (portal) gets callbacks instead and keeps its own URL.
EM_JS(void, js_announce_state, (const char* link, int replace), {
    const s = UTF8ToString(link);
    const host = Module.atlasHost;
    if (host) { if (host.onState) host.onState(s, !!replace); return; }
    Module.atlasLastHash = s;
    if (location.hash.slice(1) === s) return;
    if (replace) location.replace("#" + s);
    else location.hash = s;
});

EM_JS(void, js_announce_selection, (const char* id), {
    const s = UTF8ToString(id);
    const host = Module.atlasHost;
    if (host && host.onSelection) host.onSelection(s);
});

EM_JS(char*, js_link_for, (const char* state), {
    const s = UTF8ToString(state);
    const host = Module.atlasHost;
    const link = host && host.linkFor ? String(host.linkFor(s)) : location.href.split("#")[0] + "#" + s;
    const len = lengthBytesUTF8(link) + 1;
    const ptr = _malloc(len);
    stringToUTF8(link, ptr, len);
    return ptr;
});

EM_JS(void, js_start_page_requests, (), {
    const host = Module.atlasHost;
    if (host) { if (host.ready) host.ready(); return; }
    function apply(h) {
        const len = lengthBytesUTF8(h) + 1;
        const ptr = _malloc(len);
        stringToUTF8(h, ptr, len);
        _atlas_apply_address_state(ptr);
        _free(ptr);
    }
    const first = location.hash.slice(1);
    if (first) { Module.atlasLastHash = first; apply(first); }
    window.addEventListener("hashchange", function() {
        const h = location.hash.slice(1);
        if (h === Module.atlasLastHash) return;  // our own change
        Module.atlasLastHash = h;
        apply(h);
    });
    const data = new URLSearchParams(location.search).get("data");
    if (data) Module.atlasLoadUrl(data);
});
// clang-format on

const char* get_clipboard(void*) { return ""; }  // paste comes through the paste event
void set_clipboard(void*, const char* text) { js_copy(text); }

struct Installer {
    Installer() {
        js_install_paste();
        js_install_wake();
        js_install_data();
    }
};

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void atlas_paste_text(const char* text) {
    if (ImGui::GetCurrentContext() == nullptr) return;
    ImGui::GetIO().AddInputCharactersUTF8(text);
    atlas_request_frame();
}

namespace atlas::platform {

void prepare_canvas() { js_prepare_canvas(); }
void open_url(const std::string& url) { js_open_url(url.c_str()); }
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
float device_pixel_ratio() {
    double r = emscripten_get_device_pixel_ratio();
    return r >= 1.0 ? static_cast<float>(r) : 1.0f;
}
void show_page_message(const std::string& text) { js_page_message(text.c_str()); }

void pick_bundle_file() { js_pick_file(); }
void download(const std::string& name, const std::string& mime, std::string_view bytes) {
    js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
void announce_state(const std::string& link, bool replace) { js_announce_state(link.c_str(), replace ? 1 : 0); }
void announce_selection(const std::string& id) { js_announce_selection(id.c_str()); }
std::string link_for(const std::string& state) {
    char* p = js_link_for(state.c_str());
    std::string out = p ? p : "";
    std::free(p);
    return out;
}
void start_page_requests() { js_start_page_requests(); }
void download_canvas_png(const std::string& name, float x, float y, float w, float h) {
    js_download_canvas_png(name.c_str(), x, y, w, h);
}

void install_clipboard() {
    static Installer installer;
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
}

}  // namespace atlas::platform
