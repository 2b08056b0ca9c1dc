// What a link to the atlas carries (the URL hash, the portal's getState/setState): the active
// view, filters, search text, selection, map viewport, lineage focus and language.
//
// Text form: key=value pairs joined by '&', values percent-encoded (UTF-8), lists joined by ','.
//   view=map&q=puskesmas&province=35,33&sort=-adopters&sel=inn-x&lang=en
//   &zoom=2.5&at=112.6,-7.9&metric=owned&regencies=1&focus=inn-y&year=2021&data=seed
// Parsing never trusts its input: whatever it cannot use is left out and named in a notice.
// Whether ids and facet values exist in the loaded bundle is for the app to check.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/query.hpp"

namespace atlas {

struct ViewState {
    std::string view;  // innovations | replications | map | lineage | figures; "" = not stated
    std::string search;
    std::array<std::vector<std::string>, facet_count> facets;
    std::optional<SortColumn> sort;
    bool descending = false;
    std::string selected;  // innovation id
    std::string language;  // id | en | ""
    // Map viewport: zoom factor and the centre (longitude, latitude in degrees).
    std::optional<double> map_zoom;
    std::optional<double> map_lon, map_lat;
    std::string map_metric;  // owned | given | received | awards | ""
    std::optional<bool> map_regencies;
    // Lineage view and the time slider shared with the map (year 0 = no limit).
    std::string lineage_focus;
    std::optional<int> timeline_year;
    std::string bundle;  // which embedded bundle ("national", "seed"); "" = the default

    bool operator==(const ViewState&) const = default;
};

inline constexpr std::string_view view_names[] = {"innovations", "replications", "map", "lineage", "figures"};
inline constexpr std::string_view map_metric_names[] = {"owned", "given", "received", "awards"};

struct ViewStateLimits {
    std::size_t max_text = 16 * 1024;   // the whole text; beyond it nothing is read
    std::size_t max_value = 1024;       // one decoded value
    std::size_t max_list = 64;          // values of one facet
};

enum class ViewNotice : std::uint8_t {
    too_long,       // the text is longer than max_text: ignored as a whole
    bad_encoding,   // malformed %-escape or not UTF-8 after decoding
    unknown_key,    // a key this version does not know
    bad_value,      // a value of the wrong form or out of range
    value_too_long, // a value longer than max_value, or a list longer than max_list
    repeated_key,   // the key came twice: the first one counts
};
const char* to_string(ViewNotice n) noexcept;

struct ViewStateNotice {
    ViewNotice kind;
    std::string key;  // as written (cut to 40 bytes); "" for too_long
};

struct ParsedViewState {
    ViewState state;
    std::vector<ViewStateNotice> notices;
};

std::string encode_view_state(const ViewState& s);
// Accepts the text with or without a leading '#' or '?'.
ParsedViewState parse_view_state(std::string_view text, const ViewStateLimits& limits = {});

// Percent-encoding as used above: unreserved characters stay, everything else is %XX.
std::string percent_encode(std::string_view s);
std::optional<std::string> percent_decode(std::string_view s);  // nothing when malformed; '+' is a space

}  // namespace atlas
