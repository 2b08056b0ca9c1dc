// The map asset: reading and checking it, lookup, point-in-region, projection.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/geo.hpp"

namespace atlas::geo {

namespace {

constexpr std::size_t header_size = 8 + 4 * 6 + 8 * 6;
constexpr std::size_t region_record = 36;

LoadError asset_error(std::string message) {
    return LoadError{ErrorCode::bad_format, "map asset: " + std::move(message), "", 0, 0};
}

// Little-endian reads from a range already checked to be long enough.
std::uint16_t u16(const unsigned char* p) noexcept { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t u32(const unsigned char* p) noexcept {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
double f64(const unsigned char* p) noexcept {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    double d;
    std::memcpy(&d, &v, sizeof d);
    return d;
}

bool well_formed_code(std::string_view c) noexcept {
    auto digits = [](std::string_view s) { return s.size() == 2 && std::isdigit(static_cast<unsigned char>(s[0])) &&
                                                  std::isdigit(static_cast<unsigned char>(s[1])); };
    if (c.size() == 2) return digits(c);
    return c.size() == 5 && c[2] == '.' && digits(c.substr(0, 2)) && digits(c.substr(3, 2));
}

}  // namespace

MapPoint Projection::project(LonLat p) const noexcept {
    return MapPoint{static_cast<float>((p.lon - lon0) * kx), static_cast<float>(p.lat - lat0)};
}
LonLat Projection::unproject(MapPoint p) const noexcept {
    return LonLat{static_cast<double>(p.x) / kx + lon0, static_cast<double>(p.y) + lat0};
}

Result<GeoMap> GeoMap::load(std::string_view bytes) {
    if (bytes.empty())
        return LoadError{ErrorCode::io, "boundary data was not built into this program (build with ATLAS_GEO_DIR set "
                                        "to the folder with provinces.geojson and regencies.geojson)", "", 0, 0};
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    if (n < header_size + 4 || std::memcmp(b, "ATLASGEO", 8) != 0)
        return asset_error("not a map asset (no ATLASGEO header)");
    if (u32(b + 8) != 2) return asset_error("format version " + std::to_string(u32(b + 8)) + " is not 2");
    // Checksum first: any damaged byte is refused before its meaning is looked at.
    std::uint32_t h = 0x811c9dc5u;
    for (std::size_t i = 0; i < n - 4; ++i) h = (h ^ b[i]) * 0x01000193u;
    if (h != u32(b + n - 4)) return asset_error("checksum mismatch (the file is damaged or truncated)");

    const std::uint64_t regions = u32(b + 12), rings = u32(b + 16), vertices = u32(b + 20), indices = u32(b + 24);
    const std::uint64_t point_bytes = u32(b + 28);
    const std::uint64_t fixed = header_size + regions * region_record + rings * 8 + point_bytes + 4;
    // Every varint takes one byte at least, five at most.
    if (fixed >= n || point_bytes < vertices * 2 || point_bytes > vertices * 10 || n - fixed < indices ||
        n - fixed > indices * 5)
        return asset_error("size " + std::to_string(n) + " bytes does not match its header");

    GeoMap m;
    m.projection_ = Projection{f64(b + 32), f64(b + 40), f64(b + 48)};
    const double ox = f64(b + 56), oy = f64(b + 64), step = f64(b + 72);
    if (!(m.projection_.kx > 0.1 && m.projection_.kx <= 1.0) || !(step > 0) || !std::isfinite(ox) || !std::isfinite(oy))
        return asset_error("projection parameters out of range");
    auto point = [&](std::uint16_t qx, std::uint16_t qy) {
        return MapPoint{static_cast<float>(ox + qx * step), static_cast<float>(oy + qy * step)};
    };

    const unsigned char* p = b + header_size;
    const unsigned char* ring_p = p + regions * region_record;
    const unsigned char* vert_p = ring_p + rings * 8;
    const unsigned char* idx_p = vert_p + point_bytes;
    const unsigned char* end = b + n - 4;

    m.rings_.resize(rings);
    std::uint64_t next = 0;
    for (std::uint64_t i = 0; i < rings; ++i) {
        Ring r{u32(ring_p + i * 8), u32(ring_p + i * 8 + 4)};
        if (r.count < 3 || r.begin != next || std::uint64_t{r.begin} + r.count > vertices)
            return asset_error("ring " + std::to_string(i) + " lies outside the point table");
        next += r.count;
        m.rings_[i] = r;
    }
    if (next != vertices) return asset_error("the rings do not cover the point table");

    // Zigzag LEB128 varints; false when the stream ends early or a value is too long.
    auto varint = [](const unsigned char*& q, const unsigned char* stop, std::int64_t& out) {
        std::uint64_t z = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (q >= stop) return false;
            const unsigned char c = *q++;
            z |= std::uint64_t{c & 0x7fu} << shift;
            if (!(c & 0x80)) {
                out = static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
                return true;
            }
        }
        return false;
    };
    m.vertices_.resize(vertices);
    const unsigned char* q = vert_p;
    for (const Ring& r : m.rings_) {
        std::int64_t x = 0, y = 0, dx = 0, dy = 0;
        for (std::uint32_t k = 0; k < r.count; ++k) {
            if (!varint(q, idx_p, dx) || !varint(q, idx_p, dy)) return asset_error("the point stream ends early");
            x += dx;
            y += dy;
            if (x < 0 || x > 65535 || y < 0 || y > 65535) return asset_error("a point lies outside the map's range");
            m.vertices_[r.begin + k] = point(static_cast<std::uint16_t>(x), static_cast<std::uint16_t>(y));
        }
    }
    if (q != idx_p) return asset_error("the point stream is longer than its points");
    m.indices_.resize(indices);
    std::int64_t corner = 0, d = 0;
    for (std::uint64_t i = 0; i < indices; ++i) {
        if (!varint(q, end, d)) return asset_error("the triangle stream ends early");
        corner += d;
        if (corner < 0 || corner > 65535) return asset_error("a triangle corner is out of range");
        m.indices_[i] = static_cast<std::uint16_t>(corner);
    }
    if (q != end) return asset_error("the triangle stream is longer than its triangles");

    m.regions_.resize(regions);
    bool provinces_done = false;
    for (std::uint64_t i = 0; i < regions; ++i) {
        const unsigned char* r = p + i * region_record;
        MapRegion& g = m.regions_[i];
        g.code.assign(reinterpret_cast<const char*>(r), strnlen(reinterpret_cast<const char*>(r), 8));
        const std::string where = "region " + std::to_string(i) + " (" + g.code + ")";
        if (!well_formed_code(g.code)) return asset_error(where + ": malformed code");
        g.level = g.code.size() == 2 ? Level::province : Level::regency;
        if (g.level == Level::province && provinces_done) return asset_error(where + ": province after the regencies");
        if (g.level == Level::regency) provinces_done = true;
        if (i > 0 && m.regions_[i - 1].level == g.level && !(m.regions_[i - 1].code < g.code))
            return asset_error(where + ": codes not sorted");
        g.label = point(u16(r + 8), u16(r + 10));
        g.ring_begin = u32(r + 12);
        g.ring_count = u16(r + 16);
        g.vertex_begin = u32(r + 20);
        g.vertex_count = u32(r + 24);
        g.index_begin = u32(r + 28);
        g.index_count = u32(r + 32);
        if (g.ring_count == 0 || std::uint64_t{g.ring_begin} + g.ring_count > rings)
            return asset_error(where + ": rings out of range");
        if (std::uint64_t{g.vertex_begin} + g.vertex_count > vertices || g.vertex_count > 65536)
            return asset_error(where + ": points out of range");
        if (g.index_count % 3 != 0 || g.index_count == 0 || std::uint64_t{g.index_begin} + g.index_count > indices)
            return asset_error(where + ": triangles out of range");
        for (std::uint32_t k = 0; k < g.index_count; ++k)
            if (m.indices_[g.index_begin + k] >= g.vertex_count)
                return asset_error(where + ": a triangle corner names a point of another region");
        Bounds bb{1e9f, 1e9f, -1e9f, -1e9f};
        for (std::uint32_t k = 0; k < g.ring_count; ++k) {
            const Ring& ring = m.rings_[g.ring_begin + k];
            if (ring.begin < g.vertex_begin || ring.begin + ring.count > g.vertex_begin + g.vertex_count)
                return asset_error(where + ": a ring lies outside the region's points");
            for (std::uint32_t v = 0; v < ring.count; ++v) {
                const MapPoint q = m.vertices_[ring.begin + v];
                bb.min_x = std::min(bb.min_x, q.x);
                bb.min_y = std::min(bb.min_y, q.y);
                bb.max_x = std::max(bb.max_x, q.x);
                bb.max_y = std::max(bb.max_y, q.y);
            }
        }
        g.bounds = bb;
        if (g.level == Level::province) ++m.province_count_;
    }
    if (m.province_count_ == 0) return asset_error("no provinces");
    for (MapRegion& g : m.regions_) {
        const std::uint32_t prov = m.find(std::string_view(g.code).substr(0, 2));
        if (prov == no_region) return asset_error("regency " + g.code + " has no province in the asset");
        g.province = prov;
    }
    Bounds all{1e9f, 1e9f, -1e9f, -1e9f};
    for (const MapRegion& g : m.regions_) {
        all.min_x = std::min(all.min_x, g.bounds.min_x);
        all.min_y = std::min(all.min_y, g.bounds.min_y);
        all.max_x = std::max(all.max_x, g.bounds.max_x);
        all.max_y = std::max(all.max_y, g.bounds.max_y);
    }
    m.bounds_ = all;
    return m;
}

Result<GeoMap> GeoMap::load_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return LoadError{ErrorCode::io, path + ": cannot open the map asset", "", 0, 0};
    std::ostringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    if (bytes.empty()) return LoadError{ErrorCode::io, path + ": the map asset is empty", "", 0, 0};
    auto r = load(bytes);
    if (!r) {
        LoadError e = r.error();
        e.message = path + ": " + e.message;
        return e;
    }
    return r;
}

std::uint32_t GeoMap::find(std::string_view code) const noexcept {
    const bool province = code.size() == 2;
    auto first = regions_.begin() + (province ? 0 : province_count_);
    auto last = province ? regions_.begin() + province_count_ : regions_.end();
    auto it = std::lower_bound(first, last, code, [](const MapRegion& r, std::string_view c) { return r.code < c; });
    return it != last && it->code == code ? static_cast<std::uint32_t>(it - regions_.begin()) : no_region;
}

RegionRef GeoMap::lookup(std::string_view code) const noexcept {
    RegionRef out;
    if (code.size() < 2) return out;
    if (code.size() > 2 && code[2] != '.') return out;
    out.province = find(code.substr(0, 2));
    if (out.province == no_region) return out;
    if (code.size() >= 5 && (code.size() == 5 || code[5] == '.')) out.regency = find(code.substr(0, 5));
    return out;
}

bool GeoMap::contains(std::uint32_t region, MapPoint p) const noexcept {
    if (region >= regions_.size()) return false;
    const MapRegion& g = regions_[region];
    if (!g.bounds.contains(p)) return false;
    // Even-odd over all rings: holes (and islands inside lakes) come out right.
    bool inside = false;
    for (std::uint32_t k = 0; k < g.ring_count; ++k) {
        const Ring& r = rings_[g.ring_begin + k];
        const MapPoint* v = vertices_.data() + r.begin;
        for (std::uint32_t i = 0, j = r.count - 1; i < r.count; j = i++) {
            if ((v[i].y > p.y) != (v[j].y > p.y) &&
                p.x < (v[j].x - v[i].x) * (p.y - v[i].y) / (v[j].y - v[i].y) + v[i].x)
                inside = !inside;
        }
    }
    return inside;
}

std::uint32_t GeoMap::region_at(MapPoint p, Level level) const noexcept {
    const std::uint32_t first = level == Level::province ? 0 : province_count_;
    const std::uint32_t last = level == Level::province ? province_count_ : static_cast<std::uint32_t>(regions_.size());
    for (std::uint32_t i = first; i < last; ++i)
        if (contains(i, p)) return i;
    return no_region;
}

std::string short_name(std::string_view name) {
    auto starts = [&](std::string_view w) { return name.substr(0, w.size()) == w; };
    if (starts("Kabupaten ")) return "Kab. " + std::string(name.substr(10));
    if (starts("Daerah Khusus Ibukota ")) return "DKI " + std::string(name.substr(22));
    if (starts("Daerah Istimewa ")) return "DI " + std::string(name.substr(16));
    return std::string(name);
}

}  // namespace atlas::geo
