// The geo module: map asset, lookup, point-in-region, projection, aggregation, arcs.
// The asset is the one the build derived (ATLAS_GEO_ASSET); without boundary data only the
// "not available" path runs.
#include <catch2/catch.hpp>

#include <cstdio>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/bundle.hpp"
#include "core/geo.hpp"
#include "core/query.hpp"
#include "core/regions.hpp"
#include "core/stats.hpp"
#include "core/synth.hpp"
#include "fixtures.hpp"

using namespace atlas;
using namespace atlas::geo;

namespace {

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool have_map() { return std::string(ATLAS_GEO_ASSET).size() > 0; }

const GeoMap& the_map() {
    static const GeoMap map = [] {
        auto r = GeoMap::load_file(ATLAS_GEO_ASSET);
        if (!r) FAIL(r.error().describe());
        return std::move(r).value();
    }();
    return map;
}

std::vector<InnovationId> all_rows(const Dataset& ds) {
    std::vector<InnovationId> rows;
    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i) rows.emplace_back(i);
    return rows;
}

// Per-province owned counts must equal `atlas stats` by_province (national apart).
void check_owned_equals_stats(const Dataset& ds, const GeoMap& map) {
    GeoIndex index(ds, map);
    MapFigures f;
    index.aggregate(all_rows(ds), 0, f);
    const BundleStats stats = compute_stats(ds);
    std::uint32_t total = 0;
    for (std::uint32_t p = 0; p < map.province_count(); ++p) {
        const auto it = stats.by_province.find(map.regions()[p].code);
        const std::uint32_t want = it == stats.by_province.end() ? 0 : it->second;
        INFO("province " << map.regions()[p].code);
        CHECK(f.regions[p].value[static_cast<int>(Metric::owned)] == want);
        total += want;
    }
    const auto nat = stats.by_province.find("national");
    CHECK(f.national_owned == (nat == stats.by_province.end() ? 0u : nat->second));
    CHECK(total + f.national_owned == ds.innovations.size());
}

// Every replication is on exactly one pair arc (or counted unplaced), at both levels.
void check_arcs_sum(const Dataset& ds, const GeoMap& map) {
    GeoIndex index(ds, map);
    MapFigures f;
    index.aggregate(all_rows(ds), 0, f);
    auto pair_sum = [](const std::vector<Arc>& arcs) {
        std::uint64_t n = 0;
        for (const Arc& a : arcs)
            if (!a.program) n += a.count;
        return n;
    };
    CHECK(f.replications == ds.replications.size());
    CHECK(pair_sum(f.province_arcs) + f.unplaced == ds.replications.size());
    CHECK(pair_sum(f.regency_arcs) + f.unplaced == ds.replications.size());
    std::uint64_t given = 0, received = 0;
    for (std::uint32_t p = 0; p < map.province_count(); ++p) {
        given += f.regions[p].value[static_cast<int>(Metric::given)];
        received += f.regions[p].value[static_cast<int>(Metric::received)];
    }
    CHECK(given <= ds.replications.size());
    CHECK(received <= ds.replications.size());
    CHECK(given + received >= 2 * (ds.replications.size() - f.unplaced));
}

}  // namespace

TEST_CASE("without boundary data the map says it was not built in", "[geo]") {
    auto r = GeoMap::load("");
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("boundary data was not built into this program") != std::string::npos);
    auto missing = GeoMap::load_file("/nonexistent/atlas_geo.bin");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("/nonexistent/atlas_geo.bin") != std::string::npos);
}

TEST_CASE("a damaged map asset is refused with a clear message", "[geo]") {
    CHECK(GeoMap::load("not a map at all, just some text that is long enough to have a header").error().message.find(
              "not a map asset") != std::string::npos);
    if (!have_map()) return;
    const std::string good = read_bytes(ATLAS_GEO_ASSET);
    REQUIRE(GeoMap::load(good));
    std::string flipped = good;
    flipped[flipped.size() / 2] ^= 0x40;
    auto r1 = GeoMap::load(flipped);
    REQUIRE_FALSE(r1);
    CHECK(r1.error().message.find("checksum") != std::string::npos);
    auto r2 = GeoMap::load(good.substr(0, good.size() - 100));
    REQUIRE_FALSE(r2);
    CHECK(r2.error().message.find("map asset") != std::string::npos);
    std::string version = good;
    version[8] = 9;
    CHECK(GeoMap::load(version).error().message.find("version 9") != std::string::npos);
}

TEST_CASE("the map holds 38 provinces and 514 regencies with the region table's codes", "[geo]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    CHECK(map.province_count() == 38);
    CHECK(map.regions().size() == 38 + 514);
    const RegionTable& table = RegionTable::embedded();
    for (const MapRegion& r : map.regions()) {
        INFO(r.code);
        CHECK(table.contains(r.code));
        CHECK(map.regions()[r.province].code == r.code.substr(0, 2));
    }
}

TEST_CASE("region lookup: kecamatan codes fall into their regency and province", "[geo]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    const RegionRef k = map.lookup("35.21.05");
    REQUIRE(k.placed());
    CHECK(map.regions()[k.province].code == "35");
    REQUIRE(k.regency != no_region);
    CHECK(map.regions()[k.regency].code == "35.21");
    CHECK(map.regions()[map.lookup("35.07.32.2001").regency].code == "35.07");
    CHECK(map.lookup("35").regency == no_region);
    CHECK(map.regions()[map.lookup("35").province].code == "35");
    CHECK_FALSE(map.lookup("").placed());
    CHECK_FALSE(map.lookup("99.01").placed());
    CHECK_FALSE(map.lookup("3507").placed());
    CHECK(map.lookup("35.99").regency == no_region);
}

TEST_CASE("every label point lies inside its own region and no other of its level", "[geo]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    for (std::uint32_t i = 0; i < map.regions().size(); ++i) {
        const MapRegion& r = map.regions()[i];
        INFO(r.code);
        CHECK(map.contains(i, r.label));
        CHECK(map.region_at(r.label, r.level) == i);
    }
}

TEST_CASE("label points of regions.csv, projected at run time, fall in their regions", "[geo]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    std::ifstream in(std::string(ATLAS_GEO_DIR) + "/regions.csv");
    REQUIRE(in);
    std::string line;
    std::getline(in, line);
    int checked = 0;
    while (std::getline(in, line)) {
        const std::string code = line.substr(0, line.find(','));
        const std::size_t b = line.rfind(',');
        const std::size_t a = line.rfind(',', b - 1);
        const LonLat ll{std::stod(line.substr(a + 1, b - a - 1)), std::stod(line.substr(b + 1))};
        const std::uint32_t idx = map.find(code);
        INFO(code);
        REQUIRE(idx != no_region);
        CHECK(map.contains(idx, map.projection().project(ll)));
        ++checked;
    }
    CHECK(checked == 552);
}

TEST_CASE("projection round trip", "[geo]") {
    Projection p{118.0, -2.5, std::cos(-2.5 * 3.14159265358979 / 180)};
    if (have_map()) p = the_map().projection();
    for (double lon = 95; lon <= 141; lon += 2.3)
        for (double lat = -11; lat <= 6; lat += 1.7) {
            const LonLat back = p.unproject(p.project({lon, lat}));
            CHECK(std::abs(back.lon - lon) < 1e-5);
            CHECK(std::abs(back.lat - lat) < 1e-5);
        }
    // East is right, north is up.
    CHECK(p.project({120, 0}).x > p.project({110, 0}).x);
    CHECK(p.project({110, 3}).y > p.project({110, -3}).y);
}

TEST_CASE("point-in-region respects holes: Kota Malang is not in Kabupaten Malang", "[geo]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    const std::uint32_t kab = map.find("35.07"), kota = map.find("35.73");
    const MapPoint city = map.regions()[kota].label;
    CHECK(map.contains(kota, city));
    CHECK_FALSE(map.contains(kab, city));
    CHECK(map.region_at(city, Level::regency) == kota);
    CHECK(map.region_at(city, Level::province) == map.find("35"));
    // The sea between Java and Kalimantan belongs to no region.
    CHECK(map.region_at(map.projection().project({111.0, -5.0}), Level::province) == no_region);
}

TEST_CASE("triangles cover the outlines (area of triangles equals area inside the rings)", "[geo]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    for (const char* code : {"35.07", "35", "94.01", "31.01"}) {
        const MapRegion& r = map.regions()[map.find(code)];
        const MapPoint* v = map.vertices().data() + r.vertex_begin;
        double tri = 0;
        for (std::uint32_t k = 0; k < r.index_count; k += 3) {
            const MapPoint a = v[map.indices()[r.index_begin + k]], b = v[map.indices()[r.index_begin + k + 1]],
                           c = v[map.indices()[r.index_begin + k + 2]];
            tri += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
        }
        double rings = 0;  // outer rings counter-clockwise (+), holes clockwise (-)
        for (std::uint32_t k = 0; k < r.ring_count; ++k) {
            const Ring& ring = map.rings()[r.ring_begin + k];
            const MapPoint* p = map.vertices().data() + ring.begin;
            double s = 0;
            for (std::uint32_t i = 0, j = ring.count - 1; i < ring.count; j = i++) s += (p[j].x * p[i].y - p[i].x * p[j].y);
            rings += s / 2;
        }
        INFO(code);
        CHECK(tri == Approx(std::abs(rings)).epsilon(0.02));
    }
}

TEST_CASE("short names for labels", "[geo]") {
    CHECK(short_name("Kabupaten Malang") == "Kab. Malang");
    CHECK(short_name("Kota Malang") == "Kota Malang");
    CHECK(short_name("Daerah Khusus Ibukota Jakarta") == "DKI Jakarta");
    CHECK(short_name("Daerah Istimewa Yogyakarta") == "DI Yogyakarta");
}

TEST_CASE("per-province aggregation equals atlas stats by_province: seed", "[geo][seed]") {
    if (!have_map()) return;
    auto r = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(r);
    check_owned_equals_stats(*r.value().dataset, the_map());
    check_arcs_sum(*r.value().dataset, the_map());
}

TEST_CASE("per-province aggregation equals atlas stats by_province: synthetic", "[geo][synth]") {
    if (!have_map()) return;
    const Dataset ds = make_synthetic({3000, 9000, 7});
    check_owned_equals_stats(ds, the_map());
    check_arcs_sum(ds, the_map());
}

TEST_CASE("arcs: Putik Sari from Kab. Malang to Kab. Ngawi, same-region ring, program arcs", "[geo][seed]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    auto r = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(r);
    const Dataset& ds = *r.value().dataset;
    GeoIndex index(ds, map);
    MapFigures f;
    index.aggregate(all_rows(ds), 0, f);
    const std::uint32_t malang = map.find("35.07"), ngawi = map.find("35.21");
    std::uint32_t putik = 0;
    for (const Arc& a : f.regency_arcs)
        if (a.from == malang && a.to == ngawi && !a.program) putik += a.count;
    CHECK(putik >= 1);
    // The same arc appears among the arcs of Putik Sari itself.
    const InnovationLookup p = find_innovation(ds, "Putik Sari");
    REQUIRE(p.found);
    bool found = false;
    for (const Arc& a : index.arcs_of(p.found, 0, Level::regency)) found |= a.from == malang && a.to == ngawi;
    CHECK(found);
    // At province level it stays inside Jawa Timur: a ring, counted as internal.
    const std::uint32_t jatim = map.find("35");
    CHECK(f.regions[jatim].internal >= 1);
}

TEST_CASE("aggregation of the small bundle: metrics, national, cohorts, internal, timeline", "[geo]") {
    if (!have_map()) return;
    const GeoMap& map = the_map();
    auto ds = test::load_small();
    REQUIRE(ds);
    GeoIndex index(*ds, map);
    MapFigures f;
    index.aggregate(all_rows(*ds), 0, f);
    auto fig = [&](const char* code) { return f.regions[map.find(code)]; };
    // Owners: Janti, SMP10, SMP13 (35.73), Wonosari (35.07.32), Brebes (33.29); the ministry is national.
    CHECK(fig("35").value[static_cast<int>(Metric::owned)] == 4);
    CHECK(fig("35.73").value[static_cast<int>(Metric::owned)] == 3);
    CHECK(fig("35.07").value[static_cast<int>(Metric::owned)] == 1);
    CHECK(fig("33").value[static_cast<int>(Metric::owned)] == 1);
    CHECK(f.national_owned == 1);
    CHECK(fig("35").value[static_cast<int>(Metric::awards)] == 4);
    // Both replications stay inside Kota Malang.
    CHECK(fig("35.73").value[static_cast<int>(Metric::given)] == 2);
    CHECK(fig("35.73").value[static_cast<int>(Metric::received)] == 2);
    CHECK(fig("35.73").internal == 2);
    CHECK(fig("35").internal == 2);
    // The cohort: Brebes → Blora, pairing unknown, a program arc; Blora counts a program.
    CHECK(f.cohorts == 1);
    CHECK(fig("33.16").programs == 1);
    bool program_arc = false;
    for (const Arc& a : f.regency_arcs)
        if (a.program) program_arc |= a.from == map.find("33.29") && a.to == map.find("33.16");
    CHECK(program_arc);
    // Adopters of the 16-Puskesmas group are counted as 16.
    std::uint32_t adopters = 0;
    for (const Arc& a : f.regency_arcs)
        if (!a.program) adopters += a.adopters;
    CHECK(adopters == 17);

    // Timeline: by 2023 no replication had happened (both 2024), the cohort (2021) had; only
    // the 2023 award counts (undated awards do not).
    index.aggregate(all_rows(*ds), 2023, f);
    CHECK(f.replications == 0);
    CHECK(f.cohorts == 1);
    CHECK(fig("35").value[static_cast<int>(Metric::awards)] == 1);
    CHECK(fig("35").value[static_cast<int>(Metric::owned)] == 4);  // ownership does not depend on time

    // A selection: only BREXIT.
    const InnovationId brexit = ds->find_innovation("n-brexit");
    const std::vector<InnovationId> one{brexit};
    index.aggregate(one, 0, f);
    CHECK(fig("35").value[static_cast<int>(Metric::owned)] == 1);
    CHECK(fig("35.73").value[static_cast<int>(Metric::given)] == 1);
    CHECK(fig("33").value[static_cast<int>(Metric::owned)] == 0);

    // No data vs zero: Jawa Tengah is known to the bundle, Papua is not.
    CHECK(index.has_data(map.find("33")));
    CHECK_FALSE(index.has_data(map.find("91")));
}

TEST_CASE("stage by a year: the furthest dated step up to it", "[geo]") {
    std::vector<StageStep> s{{Stage::interest, {2022, 0, 0}, {}}, {Stage::commitment, {2024, 8, 1}, {}},
                             {Stage::implemented, {}, {}}};
    Stage st;
    REQUIRE(stage_by(s, 0, st));
    CHECK(st == Stage::implemented);
    REQUIRE(stage_by(s, 2023, st));
    CHECK(st == Stage::interest);
    REQUIRE(stage_by(s, 2025, st));
    CHECK(st == Stage::commitment);
    CHECK_FALSE(stage_by(s, 2021, st));
}

TEST_CASE("atlas map prints the same per-province figures and the Putik Sari arc", "[geo][cli]") {
    if (!have_map()) return;
    const std::string cmd = std::string(ATLAS_CLI_PATH) + " map " + ATLAS_SOURCE_DIR + "/assets/bundles/seed.json 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    REQUIRE(pclose(p) == 0);
    const auto j = nlohmann::json::parse(out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    auto r = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(r);
    const BundleStats stats = compute_stats(*r.value().dataset);
    for (const auto& [code, n] : stats.by_province) {
        if (code == "national") continue;
        INFO(code);
        CHECK(j["provinces"][code]["owned"].get<std::uint32_t>() == n);
    }
    std::uint32_t putik = 0, pairs = 0;
    for (const auto& a : j["arcs"]) {
        if (a["program"].get<bool>()) continue;
        pairs += a["count"].get<std::uint32_t>();
        if (a["from"] == "35.07" && a["to"] == "35.21") putik += a["count"].get<std::uint32_t>();
    }
    CHECK(putik == 2);  // Kecamatan se-Kabupaten Ngawi and Kecamatan Ngrambe (35.21.02)
    CHECK(pairs + j["unplaced"].get<std::uint32_t>() == r.value().dataset->replications.size());
}
