// `atlas map`: the map view's figures headless — per province and regency, and the arcs.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/geo.hpp"
#include "core/query.hpp"

namespace atlas::cli {

int cmd_map(const std::vector<std::string>& args) {
    using ojson = nlohmann::ordered_json;
    auto usage = [](const std::string& m) {
        std::cerr << "atlas: " << m
                  << "\nusage: atlas map FILE [--geo ASSET] [--year Y] [--search TEXT] [--facet KEY=VALUE]...\n";
        return 2;
    };
    if (args.empty()) return usage("map takes FILE and options");
    std::string geo_path = ATLAS_GEO_ASSET;
    long year = 0;
    Query q;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--geo" && has_value) {
            geo_path = args[++i];
        } else if (a == "--year" && has_value) {
            try {
                std::size_t used = 0;
                year = std::stol(args[++i], &used);
                if (used != args[i].size() || year < 0 || year > 9999) return usage("--year needs a year");
            } catch (...) {
                return usage("--year needs a year");
            }
        } else if (a == "--search" && has_value) {
            q.search = args[++i];
        } else if (a == "--facet" && has_value) {
            const std::string& v = args[++i];
            const auto eq = v.find('=');
            const auto f = eq == std::string::npos ? std::nullopt : parse_facet(std::string_view(v).substr(0, eq));
            if (!f) return usage("--facet needs KEY=VALUE with a known key, got \"" + v + "\"");
            q.facets[static_cast<int>(*f)].push_back(v.substr(eq + 1));
        } else {
            return usage("unknown or incomplete option \"" + a + "\"");
        }
    }
    if (geo_path.empty()) {
        std::cerr << "atlas: boundary data was not built into this program; pass --geo ASSET (a map asset "
                     "made by scripts/build_geo.mjs)\n";
        return 1;
    }
    auto map = geo::GeoMap::load_file(geo_path);
    if (!map) {
        std::cerr << "atlas: " << map.error().describe() << "\n";
        return 1;
    }
    auto loaded = load_bundle_file(args[0]);
    if (!loaded) {
        std::cerr << "atlas: " << args[0] << ": " << loaded.error().describe() << "\n";
        return 1;
    }
    auto ds = loaded.value().dataset;
    Catalog catalog(ds);
    QueryResult res;
    catalog.run(q, res);
    geo::GeoIndex index(*ds, map.value());
    geo::MapFigures f;
    index.aggregate(res.rows, static_cast<int>(year), f);

    const auto regions = map.value().regions();
    auto figures = [&](std::uint32_t r) {
        ojson o;
        for (int m = 0; m < geo::metric_count; ++m) o[geo::to_string(static_cast<geo::Metric>(m))] = f.regions[r].value[m];
        o["internal"] = f.regions[r].internal;
        o["programs"] = f.regions[r].programs;
        return o;
    };
    auto zero = [&](std::uint32_t r) {
        const auto& g = f.regions[r];
        for (auto v : g.value)
            if (v) return false;
        return !g.internal && !g.programs;
    };
    ojson j;
    j["selected"] = res.rows.size();
    j["year"] = year;
    j["national_owned"] = f.national_owned;
    j["replications"] = f.replications;
    j["unplaced"] = f.unplaced;
    j["cohorts"] = f.cohorts;
    ojson provinces = ojson::object(), regencies = ojson::object();
    for (std::uint32_t r = 0; r < regions.size(); ++r) {
        if (zero(r)) continue;
        (r < map.value().province_count() ? provinces : regencies)[regions[r].code] = figures(r);
    }
    j["provinces"] = std::move(provinces);
    j["regencies"] = std::move(regencies);
    ojson arcs = ojson::array();
    for (const geo::Arc& a : f.regency_arcs)
        arcs.push_back({{"from", regions[a.from].code}, {"to", regions[a.to].code}, {"stage", to_string(a.stage)},
                        {"program", a.program}, {"count", a.count}, {"adopters", a.adopters}});
    j["arcs"] = std::move(arcs);
    std::cout << j.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
    return 0;
}

}  // namespace atlas::cli
