// The map of Indonesia's provinces and regencies, headless: the compact map asset derived at
// build time (scripts/build_geo.mjs: projected outlines and earcut triangles), region lookup
// by Kemendagri code, point-in-region, the projection and its inverse, and the per-region
// figures and diffusion arcs of any selection of innovations. No drawing here: the app's map
// view draws what this module computes, and the tests check the same numbers.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/result.hpp"

namespace atlas::geo {

// Projected map units: about one degree; x grows east, y grows north.
struct MapPoint {
    float x = 0, y = 0;
};
struct LonLat {
    double lon = 0, lat = 0;
};
struct Bounds {
    float min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool contains(MapPoint p) const noexcept { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    float width() const noexcept { return max_x - min_x; }
    float height() const noexcept { return max_y - min_y; }
};

// Equirectangular around (lon0, lat0): x = (lon - lon0)·kx, y = lat - lat0, kx = cos(lat0).
// Indonesia lies across the equator, where this is close to true shape; the parameters come
// from the asset so the build script and the runtime always agree.
struct Projection {
    double lon0 = 118.0, lat0 = -2.5, kx = 1.0;
    MapPoint project(LonLat p) const noexcept;
    LonLat unproject(MapPoint p) const noexcept;
};

enum class Level : std::uint8_t { province, regency };

inline constexpr std::uint32_t no_region = 0xFFFFFFFFu;

struct Ring {
    std::uint32_t begin = 0, count = 0;  // into GeoMap::vertices()
};

struct MapRegion {
    std::string code;  // "35" or "35.07"
    Level level = Level::province;
    std::uint32_t province = no_region;  // index of its province (a province: itself)
    MapPoint label;                      // a point inside the region, for labels and arcs
    Bounds bounds;
    std::uint32_t ring_begin = 0, ring_count = 0;      // into rings()
    std::uint32_t vertex_begin = 0, vertex_count = 0;  // into vertices()
    std::uint32_t index_begin = 0, index_count = 0;    // into indices(): triangles, 3 per
};

// A code resolved to map regions; either may be no_region ("35" has no regency).
struct RegionRef {
    std::uint32_t province = no_region;
    std::uint32_t regency = no_region;
    bool placed() const noexcept { return province != no_region; }
    // The finest region known: the regency, else the province.
    std::uint32_t finest() const noexcept { return regency != no_region ? regency : province; }
};

class GeoMap {
public:
    // Reads and checks an asset (format in scripts/build_geo.mjs). Empty input means the
    // program was built without boundary data, which is said as such; a damaged asset gives
    // a message naming what is wrong. Never throws.
    static Result<GeoMap> load(std::string_view bytes);
    static Result<GeoMap> load_file(const std::string& path);

    const Projection& projection() const noexcept { return projection_; }
    const Bounds& bounds() const noexcept { return bounds_; }

    // Provinces first ([0, province_count())), then regencies, each sorted by code.
    std::span<const MapRegion> regions() const noexcept { return regions_; }
    std::uint32_t province_count() const noexcept { return province_count_; }
    std::span<const Ring> rings() const noexcept { return rings_; }
    std::span<const MapPoint> vertices() const noexcept { return vertices_; }
    // Triangle corners, relative to their region's vertex_begin.
    std::span<const std::uint16_t> indices() const noexcept { return indices_; }

    // Exact province or regency code → region index, or no_region.
    std::uint32_t find(std::string_view code) const noexcept;
    // Any Kemendagri code: "35" → province, "35.07" → regency and province, a kecamatan
    // "35.21.05" (or a village) → its regency and province. Unknown or malformed: nothing.
    RegionRef lookup(std::string_view code) const noexcept;

    // Inside the region's outline (holes excluded), in map units.
    bool contains(std::uint32_t region, MapPoint p) const noexcept;
    // The region of a level under a point, or no_region (sea, gaps).
    std::uint32_t region_at(MapPoint p, Level level) const noexcept;

private:
    Projection projection_;
    Bounds bounds_;
    std::vector<MapRegion> regions_;
    std::uint32_t province_count_ = 0;
    std::vector<Ring> rings_;
    std::vector<MapPoint> vertices_;
    std::vector<std::uint16_t> indices_;
};

// A region name as a map label: "Kabupaten Malang" → "Kab. Malang", "Daerah Khusus Ibukota
// Jakarta" → "DKI Jakarta", "Daerah Istimewa Yogyakarta" → "DI Yogyakarta".
std::string short_name(std::string_view name);

// ---------------------------------------------------------------------------
// Figures per region and diffusion arcs of a selection
// ---------------------------------------------------------------------------
enum class Metric : std::uint8_t { owned, given, received, awards };
inline constexpr int metric_count = 4;
const char* to_string(Metric m) noexcept;  // "owned", "given", "received", "awards"

struct RegionFigures {
    // owned: selected innovations of the region; given: their replications (as source);
    // received: replications of selected innovations adopted in the region; awards: awards
    // of the region's selected innovations.
    std::array<std::uint32_t, metric_count> value{};
    std::uint32_t internal = 0;  // replications whose source and adopter both lie in the region
    std::uint32_t programs = 0;  // program cohorts (pairing unknown) adopting in the region
};

// Replications aggregated per (from, to, stage): a pair arc, or a program arc (a cohort's
// source region → one of its adopting regions; pairing unknown). from == to: replications
// within one region (drawn as a ring, not an arc).
struct Arc {
    std::uint32_t from = no_region, to = no_region;
    Stage stage = Stage::interest;
    bool program = false;
    std::uint32_t count = 0;     // replications (program arcs: cohorts)
    std::uint32_t adopters = 0;  // adopting institutions, group members counted (program: 0)
};

struct MapFigures {
    std::vector<RegionFigures> regions;  // per GeoMap region
    std::uint32_t national_owned = 0;    // selected innovations without a region (central agencies)
    std::uint32_t replications = 0;      // replications of the selection within the time limit
    std::uint32_t unplaced = 0;          // … of which one end has no place on the map
    std::uint32_t cohorts = 0;           // cohorts of the selection within the time limit
    std::vector<Arc> province_arcs;      // between provinces, largest count first
    std::vector<Arc> regency_arcs;       // between the finest regions known (regency, else province)
    std::array<std::uint32_t, metric_count> max_province{}, max_regency{};
};

// Where every record of a dataset lies on a map, resolved once; then figures of any
// selection in time proportional to the selection. Holds references: the Dataset and the
// GeoMap must outlive it. Keeps scratch buffers: one thread at a time.
class GeoIndex {
public:
    GeoIndex(const Dataset& data, const GeoMap& map);

    // Figures of the selected innovations. year_limit 0: everything; otherwise only
    // replications, cohorts and awards dated up to that year count (undated ones do not), and a
    // replication shows the furthest stage it had reached by then.
    void aggregate(std::span<const InnovationId> selection, int year_limit, MapFigures& out) const;

    // Arcs of one innovation (its replications and cohorts) at the given level.
    std::vector<Arc> arcs_of(InnovationId innovation, int year_limit, Level level) const;

    // The bundle names something in the region (an innovation, institution, replication,
    // cohort or event): "no data" on the map means the atlas knows nothing there, not zero.
    bool has_data(std::uint32_t region) const noexcept { return region < has_data_.size() && has_data_[region]; }

    RegionRef innovation_place(InnovationId i) const noexcept { return innovation_[i.value]; }
    RegionRef adopter_place(ReplicationId r) const noexcept { return adopter_[r.value]; }

private:
    const Dataset& data_;
    const GeoMap& map_;
    std::vector<RegionRef> innovation_;  // by innovation
    std::vector<RegionRef> adopter_;     // by replication
    // What aggregation needs of each replication, packed so that a pass over 300k of them
    // does not touch the Replication records (and their separately allocated stage lists).
    struct Facts {
        std::array<std::int16_t, stage_count> year{};  // earliest dated year of each stage, 0: none
        std::uint8_t reached = 0;                      // bit per stage present, dated or not
        std::uint32_t adopters = 1;
    };
    std::vector<Facts> facts_;  // by replication
    std::vector<std::uint32_t> cohort_offsets_{0};
    std::vector<RegionRef> cohort_places_;  // adopting places per cohort, distinct
    std::vector<std::uint8_t> has_data_;
    mutable std::vector<std::uint64_t> province_keys_, regency_keys_;  // aggregate()'s scratch

    void add_arcs(InnovationId i, int year_limit, std::vector<std::uint64_t>& province_keys,
                  std::vector<std::uint64_t>& regency_keys, MapFigures* figures) const;
};

// The furthest stage a replication (its stages) had reached by year_limit (0: no limit), or
// false when nothing dated falls within it.
bool stage_by(std::span<const StageStep> stages, int year_limit, Stage& out) noexcept;

}  // namespace atlas::geo
