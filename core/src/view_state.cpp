#include "core/view_state.hpp"

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <cstdio>
#include <span>

#include "core/text.hpp"

namespace atlas {

namespace {

bool unreserved(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool has_control(std::string_view s) noexcept {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::optional<double> parse_number(std::string_view s) {
    if (s.empty() || s.size() > 32) return std::nullopt;
    // Plain decimal notation only (no hex floats, inf or nan); libc++ 14 has no from_chars
    // for double, so strtod reads a checked copy (the program never changes its C locale).
    if (s.find_first_not_of("0123456789.+-eE") != std::string_view::npos) return std::nullopt;
    const std::string copy(s);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        std::size_t pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

// Numbers in links are kept to a fixed number of decimals (zoom 3, degrees 5 ≈ 1 m), and
// parsing rounds to the same, so that a parsed state encodes back to the same text.
double rounded(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

std::string number_text(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded(v, decimals));
    std::string t = buf;
    if (t.find('.') != std::string::npos) {
        while (t.back() == '0') t.pop_back();
        if (t.back() == '.') t.pop_back();
    }
    if (t == "-0") t = "0";
    return t;
}

bool one_of(std::string_view v, std::span<const std::string_view> names) {
    return std::find(names.begin(), names.end(), v) != names.end();
}

}  // namespace

const char* to_string(ViewNotice n) noexcept {
    switch (n) {
        case ViewNotice::too_long: return "too_long";
        case ViewNotice::bad_encoding: return "bad_encoding";
        case ViewNotice::unknown_key: return "unknown_key";
        case ViewNotice::bad_value: return "bad_value";
        case ViewNotice::value_too_long: return "value_too_long";
        case ViewNotice::repeated_key: return "repeated_key";
    }
    return "";
}

std::string percent_encode(std::string_view s) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

std::optional<std::string> percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (s.size() - i < 3) return std::nullopt;
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string encode_view_state(const ViewState& s) {
    std::string out;
    auto put = [&](std::string_view key, std::string_view encoded_value) {
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += encoded_value;
    };
    if (!s.bundle.empty()) put("data", percent_encode(s.bundle));
    if (!s.view.empty()) put("view", percent_encode(s.view));
    if (!s.search.empty()) put("q", percent_encode(s.search));
    for (int f = 0; f < facet_count; ++f) {
        if (s.facets[f].empty()) continue;
        std::string list;
        for (const std::string& v : s.facets[f]) {
            if (!list.empty()) list += ',';
            list += percent_encode(v);
        }
        put(to_string(static_cast<Facet>(f)), list);
    }
    if (s.sort) put("sort", std::string(s.descending ? "-" : "") + to_string(*s.sort));
    if (!s.selected.empty()) put("sel", percent_encode(s.selected));
    if (s.map_zoom) put("zoom", number_text(*s.map_zoom, 3));
    if (s.map_lon && s.map_lat) put("at", number_text(*s.map_lon, 5) + "," + number_text(*s.map_lat, 5));
    if (!s.map_metric.empty()) put("metric", percent_encode(s.map_metric));
    if (s.map_regencies) put("regencies", *s.map_regencies ? "1" : "0");
    if (!s.lineage_focus.empty()) put("focus", percent_encode(s.lineage_focus));
    if (s.timeline_year) put("year_to", std::to_string(*s.timeline_year));
    if (!s.language.empty()) put("lang", percent_encode(s.language));
    return out;
}

ParsedViewState parse_view_state(std::string_view text, const ViewStateLimits& limits) {
    ParsedViewState out;
    ViewState& s = out.state;
    if (!text.empty() && (text.front() == '#' || text.front() == '?')) text.remove_prefix(1);
    if (text.size() > limits.max_text) {
        out.notices.push_back({ViewNotice::too_long, {}});
        return out;
    }
    std::vector<std::string> seen;
    auto note = [&](ViewNotice kind, std::string_view key) {
        out.notices.push_back({kind, std::string(key.substr(0, 40))});
    };
    for (std::string_view pair : split(text, '&')) {
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string_view raw_key = pair.substr(0, eq);
        const std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        auto key_opt = percent_decode(raw_key);
        if (!key_opt || !text::is_valid_utf8(*key_opt) || has_control(*key_opt)) {
            note(ViewNotice::bad_encoding, "");
            continue;
        }
        const std::string key = std::move(*key_opt);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            note(ViewNotice::repeated_key, key);
            continue;
        }
        seen.push_back(key);
        // One decoded value (lists are split before decoding, so an encoded comma stays).
        auto decode = [&](std::string_view raw) -> std::optional<std::string> {
            auto v = percent_decode(raw);
            if (!v || !text::is_valid_utf8(*v) || has_control(*v)) {
                note(ViewNotice::bad_encoding, key);
                return std::nullopt;
            }
            if (v->size() > limits.max_value) {
                note(ViewNotice::value_too_long, key);
                return std::nullopt;
            }
            return v;
        };
        auto bad = [&] { note(ViewNotice::bad_value, key); };

        if (auto facet = parse_facet(key)) {
            auto items = split(raw_value, ',');
            if (items.size() > limits.max_list) {
                note(ViewNotice::value_too_long, key);
                continue;
            }
            std::vector<std::string> values;
            bool ok = true;
            for (std::string_view item : items) {
                auto v = decode(item);
                if (!v) { ok = false; break; }
                if (v->empty() || std::find(values.begin(), values.end(), *v) != values.end()) continue;
                values.push_back(std::move(*v));
            }
            if (ok) s.facets[static_cast<int>(*facet)] = std::move(values);
            continue;
        }
        if (key == "at") {
            auto items = split(raw_value, ',');
            std::optional<double> lon, lat;
            if (items.size() == 2) {
                auto a = decode(items[0]), b = decode(items[1]);
                if (a && b) {
                    lon = parse_number(*a);
                    lat = parse_number(*b);
                }
            }
            // Indonesia and its surroundings: a centre far outside is garbage, not a view.
            if (lon && lat && *lon >= 80 && *lon <= 160 && *lat >= -25 && *lat <= 20) {
                s.map_lon = rounded(*lon, 5);
                s.map_lat = rounded(*lat, 5);
            } else {
                bad();
            }
            continue;
        }
        auto value = decode(raw_value);
        if (!value) continue;
        const std::string& v = *value;
        if (key == "view") {
            if (one_of(v, view_names)) s.view = v;
            else bad();
        } else if (key == "q") {
            s.search = v;
        } else if (key == "sort") {
            std::string_view col = v;
            const bool desc = !col.empty() && col.front() == '-';
            if (desc) col.remove_prefix(1);
            if (auto c = parse_sort_column(col)) {
                s.sort = *c;
                s.descending = desc;
            } else {
                bad();
            }
        } else if (key == "sel") {
            if (!v.empty()) s.selected = v;
        } else if (key == "lang") {
            if (v == "id" || v == "en") s.language = v;
            else bad();
        } else if (key == "zoom") {
            auto z = parse_number(v);
            if (z && *z >= 0.25 && *z <= 1024) s.map_zoom = rounded(*z, 3);
            else bad();
        } else if (key == "metric") {
            if (one_of(v, map_metric_names)) s.map_metric = v;
            else bad();
        } else if (key == "regencies") {
            if (v == "1" || v == "0") s.map_regencies = v == "1";
            else bad();
        } else if (key == "focus") {
            if (!v.empty()) s.lineage_focus = v;
        } else if (key == "year_to") {
            auto y = parse_number(v);
            if (y && std::floor(*y) == *y && (*y == 0 || (*y >= 1945 && *y <= 2100))) s.timeline_year = static_cast<int>(*y);
            else bad();
        } else if (key == "data") {
            if (!v.empty() && v.size() <= 64) s.bundle = v;
            else bad();
        } else {
            note(ViewNotice::unknown_key, key);
        }
    }
    return out;
}

}  // namespace atlas
