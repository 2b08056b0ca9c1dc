// The link codec: what a URL hash (or the portal's setState) can carry, and what it refuses.
#include <catch2/catch.hpp>
#include <random>

#include "core/view_state.hpp"

using namespace atlas;

namespace {
bool has_notice(const ParsedViewState& p, ViewNotice kind, std::string_view key) {
    for (const auto& n : p.notices)
        if (n.kind == kind && n.key == key) return true;
    return false;
}
}  // namespace

TEST_CASE("every field survives encoding and parsing", "[view_state]") {
    ViewState s;
    s.view = "map";
    s.search = "Jarik Ma’Siti & co, 100% #1 + ?";
    s.facets[static_cast<int>(Facet::province)] = {"35", "33"};
    s.facets[static_cast<int>(Facet::tier)] = {"Top 99", "a,b&c=d"};
    s.sort = SortColumn::adopters;
    s.descending = true;
    s.selected = "inn-putik-sari";
    s.language = "en";
    s.map_zoom = 2.5;
    s.map_lon = 112.625;
    s.map_lat = -7.98;
    s.map_metric = "received";
    s.map_regencies = true;
    s.lineage_focus = "inn-brexit";
    s.timeline_year = 2021;
    s.bundle = "seed";
    const std::string text = encode_view_state(s);
    CHECK(text.find(' ') == std::string::npos);
    CHECK(text.find('#') == std::string::npos);
    CHECK(text.find("view=map") != std::string::npos);
    CHECK(text.find("province=35,33") != std::string::npos);
    auto p = parse_view_state("#" + text);
    CHECK(p.notices.empty());
    CHECK(p.state == s);
    CHECK(encode_view_state(p.state) == text);
}

TEST_CASE("numbers are kept to link precision, so parsing then encoding is stable", "[view_state]") {
    auto p = parse_view_state("zoom=1.23456789&at=112.123456789,-7.000001");
    REQUIRE(p.state.map_zoom);
    CHECK(*p.state.map_zoom == Approx(1.235));
    CHECK(encode_view_state(p.state) == "zoom=1.235&at=112.12346,-7");
    CHECK(parse_view_state(encode_view_state(p.state)).state == p.state);
}

TEST_CASE("an empty state is an empty text and back", "[view_state]") {
    CHECK(encode_view_state(ViewState{}).empty());
    auto p = parse_view_state("");
    CHECK(p.notices.empty());
    CHECK(p.state == ViewState{});
    CHECK(parse_view_state("#").state == ViewState{});
    CHECK(parse_view_state("&&&").notices.empty());
}

TEST_CASE("hand-written links: plus as space, lower-case escapes, ascending sort", "[view_state]") {
    auto p = parse_view_state("?q=kota+malang&sort=name&year=2019,2021&sel=inn%2dx&replicated=yes");
    CHECK(p.notices.empty());
    CHECK(p.state.search == "kota malang");
    CHECK(p.state.sort == SortColumn::name);
    CHECK_FALSE(p.state.descending);
    CHECK(p.state.facets[static_cast<int>(Facet::year)] == std::vector<std::string>{"2019", "2021"});
    CHECK(p.state.facets[static_cast<int>(Facet::replicated)] == std::vector<std::string>{"yes"});
    CHECK(p.state.selected == "inn-x");
}

TEST_CASE("what cannot be used is left out and named", "[view_state]") {
    auto p = parse_view_state("view=chart&q=ok&lang=fr&zoom=1e9&at=0,0&metric=x&regencies=yes&year_to=1800"
                              "&sort=-nope&colour=red&province=35&province=33&sel=%zz&focus=%E2%80");
    CHECK(p.state.search == "ok");
    CHECK(p.state.view.empty());
    CHECK(p.state.language.empty());
    CHECK_FALSE(p.state.map_zoom);
    CHECK_FALSE(p.state.map_lon);
    CHECK(p.state.map_metric.empty());
    CHECK_FALSE(p.state.map_regencies);
    CHECK_FALSE(p.state.timeline_year);
    CHECK_FALSE(p.state.sort);
    CHECK(p.state.selected.empty());
    CHECK(p.state.lineage_focus.empty());
    CHECK(p.state.facets[static_cast<int>(Facet::province)] == std::vector<std::string>{"35"});
    for (const char* k : {"view", "lang", "zoom", "at", "metric", "regencies", "year_to", "sort"}) {
        INFO(k);
        CHECK(has_notice(p, ViewNotice::bad_value, k));
    }
    CHECK(has_notice(p, ViewNotice::unknown_key, "colour"));
    CHECK(has_notice(p, ViewNotice::repeated_key, "province"));
    CHECK(has_notice(p, ViewNotice::bad_encoding, "sel"));    // malformed escape
    CHECK(has_notice(p, ViewNotice::bad_encoding, "focus"));  // cut UTF-8 sequence
}

TEST_CASE("control characters and NUL never get through", "[view_state]") {
    auto p = parse_view_state("q=a%00b&sel=x%0Ay&focus=%7F");
    CHECK(p.state.search.empty());
    CHECK(p.state.selected.empty());
    CHECK(p.state.lineage_focus.empty());
    CHECK(p.notices.size() == 3);
}

TEST_CASE("limits: whole text, one value, one list", "[view_state]") {
    ViewStateLimits lim;
    std::string huge = "q=" + std::string(lim.max_text, 'a');
    auto p = parse_view_state(huge, lim);
    REQUIRE(p.notices.size() == 1);
    CHECK(p.notices[0].kind == ViewNotice::too_long);
    CHECK(p.state == ViewState{});

    auto v = parse_view_state("q=" + std::string(lim.max_value + 1, 'b') + "&sel=ok", lim);
    CHECK(v.state.search.empty());
    CHECK(v.state.selected == "ok");
    CHECK(has_notice(v, ViewNotice::value_too_long, "q"));

    std::string list = "tier=";
    for (std::size_t i = 0; i <= lim.max_list; ++i) list += "t" + std::to_string(i) + ",";
    auto l = parse_view_state(list, lim);
    CHECK(l.state.facets[static_cast<int>(Facet::tier)].empty());
    CHECK(has_notice(l, ViewNotice::value_too_long, "tier"));
}

TEST_CASE("random text never breaks the parser, and what it keeps is stable", "[view_state]") {
    std::mt19937 rng(7);
    const std::string alphabet = "=&,%#?+-.abcdefqviewslnag0123456789ABCDEF\xE2\x80\x99\xC3 ";
    const char* keys[] = {"view=", "q=", "province=", "sort=", "sel=", "zoom=", "at=", "year_to=", "lang="};
    for (int round = 0; round < 5000; ++round) {
        std::string t;
        const int n = static_cast<int>(rng() % 80);
        for (int i = 0; i < n; ++i) {
            if (rng() % 7 == 0) t += keys[rng() % std::size(keys)];
            else t += alphabet[rng() % alphabet.size()];
        }
        auto p = parse_view_state(t);
        auto again = parse_view_state(encode_view_state(p.state));
        INFO(t);
        CHECK(again.notices.empty());
        CHECK(again.state == p.state);
    }
}
