// What the figures tab's charts count (core/charts_data.hpp), on hand-made and seed data.
#include <catch2/catch.hpp>

#include <numeric>

#include "core/bundle.hpp"
#include "core/bundle_peek.hpp"
#include "core/charts_data.hpp"
#include "core/query.hpp"
#include "core/replication_list.hpp"
#include "fixtures.hpp"

using namespace atlas;

namespace {
std::vector<InnovationId> all_of(const Dataset& ds) {
    std::vector<InnovationId> v;
    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i) v.push_back(InnovationId{i});
    return v;
}
InnovationId id_of(const Dataset& ds, std::string_view id) {
    const RecordRef* r = ds.find(id);
    REQUIRE(r);
    REQUIRE(r->kind == RecordKind::innovation);
    return InnovationId{r->row};
}
std::shared_ptr<const Dataset> seed() {
    static auto loaded = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(loaded);
    return loaded.value().dataset;
}
}  // namespace

TEST_CASE("awards per year by tier: ranked tiers, gap years, undated apart", "[charts]") {
    auto ds = test::load_small();
    REQUIRE(ds);
    const auto all = all_of(*ds);
    YearSeries y = awards_by_year_tier(*ds, all);
    REQUIRE(y.series == std::vector<std::string>{"Top 5", "Top 45", ""});
    REQUIRE(y.years == std::vector<std::int16_t>{2023, 2024});
    CHECK(y.at(0, 1) == 1);  // Jarik 2023 Top 45
    CHECK(y.at(1, 0) == 1);  // NASI 2024 Top 5
    CHECK(y.year_total(0) == 1);
    CHECK(y.year_total(1) == 1);
    CHECK(y.undated == std::vector<std::uint32_t>{0, 1, 1});  // Putik (Top 45, no year), BREXIT (SINOVIK)
    CHECK(y.total() == ds->awards.size());

    // Only the listed innovations count.
    const InnovationId jarik = id_of(*ds, "n-jarik");
    YearSeries one = awards_by_year_tier(*ds, std::span<const InnovationId>(&jarik, 1));
    CHECK(one.series == std::vector<std::string>{"Top 45"});
    CHECK(one.years == std::vector<std::int16_t>{2023});
    CHECK(one.total() == 1);

    YearSeries none = awards_by_year_tier(*ds, {});
    CHECK(none.years.empty());
    CHECK(none.total() == 0);
}

TEST_CASE("replications per year by stage: first dated step, cohorts once, all stages", "[charts]") {
    auto ds = test::load_small();
    REQUIRE(ds);
    const std::vector<ReplicationRow> rows = {{false, 0}, {false, 1}, {true, 0}};
    YearSeries y = replications_by_year_stage(*ds, rows);
    REQUIRE(y.series.size() == static_cast<std::size_t>(stage_count));
    CHECK(y.series[0] == "interest");
    CHECK(y.series[3] == "implemented");
    REQUIRE(y.years == std::vector<std::int16_t>{2021, 2022, 2023, 2024});  // 2022 and 2023 empty, shown
    const auto commit = static_cast<std::size_t>(Stage::commitment);
    const auto done = static_cast<std::size_t>(Stage::implemented);
    CHECK(y.at(0, commit) == 1);  // the Jawa Tengah cohort, 2021
    CHECK(y.year_total(1) == 0);
    CHECK(y.at(3, commit) == 1);  // BREXIT commitment 2024-08-15
    CHECK(y.at(3, done) == 1);    // NASI implemented 2024
    CHECK(y.undated_total() == 0);
    CHECK(y.total() == 3);
    // Out-of-range rows are ignored rather than read.
    const std::vector<ReplicationRow> bad = {{false, 99}, {true, 99}};
    CHECK(replications_by_year_stage(*ds, bad).total() == 0);
}

TEST_CASE("innovations per province: most first, ties by code, national as empty key", "[charts]") {
    auto ds = test::load_small();
    REQUIRE(ds);
    auto p = innovations_by_province(*ds, all_of(*ds));
    REQUIRE(p.size() == 3);
    CHECK(p[0].key == "35");
    CHECK(p[0].count == 4);
    CHECK(p[1].key == "");  // Kementerian Contoh: no region
    CHECK(p[1].count == 1);
    CHECK(p[2].key == "33");
    auto top1 = innovations_by_province(*ds, all_of(*ds), 1);
    REQUIRE(top1.size() == 1);
    CHECK(top1[0].key == "35");
}

TEST_CASE("seed: chart totals agree with the dataset and with the catalog's facets", "[charts][seed]") {
    auto ds = seed();
    const auto all = all_of(*ds);
    YearSeries awards = awards_by_year_tier(*ds, all);
    CHECK(awards.total() == ds->awards.size());
    auto provinces = innovations_by_province(*ds, all);
    std::uint32_t owned = 0;
    for (const Ranked& r : provinces) owned += r.count;
    CHECK(owned == ds->innovations.size());
    for (std::size_t k = 1; k < provinces.size(); ++k) CHECK(provinces[k - 1].count >= provinces[k].count);

    Catalog cat(ds);
    ReplicationList list(cat);
    Query q;
    QueryResult res;
    cat.run(q, res);
    std::vector<ReplicationRow> rows;
    list.run(res, ReplicationColumn::source, false, rows);
    YearSeries reps = replications_by_year_stage(*ds, rows);
    CHECK(reps.total() == rows.size());
    CHECK(rows.size() == ds->replications.size() + ds->cohorts.size());

    // A year bar counts award records; the year facet keeps innovations with an award that
    // year: non-empty exactly when the bar is, never more innovations than awards.
    REQUIRE_FALSE(awards.years.empty());
    for (std::size_t k = 0; k < awards.years.size(); ++k) {
        Query qy;
        qy.facets[static_cast<int>(Facet::year)] = {std::to_string(awards.years[k])};
        cat.run(qy, res);
        CHECK((res.rows.empty()) == (awards.year_total(k) == 0));
        CHECK(res.rows.size() <= awards.year_total(k));
        // Recounting over the filtered rows keeps that year's bar whole.
        YearSeries sub = awards_by_year_tier(*ds, res.rows);
        auto at = std::find(sub.years.begin(), sub.years.end(), awards.years[k]);
        if (awards.year_total(k)) {
            REQUIRE(at != sub.years.end());
            CHECK(sub.year_total(static_cast<std::size_t>(at - sub.years.begin())) == awards.year_total(k));
        }
    }
    // The province facet keeps exactly the innovations a province bar counts.
    for (const Ranked& r : provinces) {
        Query qp;
        qp.facets[static_cast<int>(Facet::province)] = {r.key.empty() ? std::string("national") : r.key};
        cat.run(qp, res);
        CHECK(res.rows.size() == r.count);
    }
}

TEST_CASE("nice axis steps are 1, 2 or 5 times a power of ten", "[charts]") {
    CHECK(nice_axis(7).step == 2);
    CHECK(nice_axis(7).top == 8);
    CHECK(nice_axis(1065).step == 500);
    CHECK(nice_axis(1065).top == 1500);
    CHECK(nice_axis(3).step == 1);
    CHECK(nice_axis(3).top == 3);
    CHECK(nice_axis(0).top == 1);
    CHECK(nice_axis(-5).top == 1);
    CHECK(nice_axis(20, 4).step == 5);
    CHECK(nice_axis(20, 4).top == 20);
    CHECK(nice_axis(1).top == 1);
    CHECK(award_tier_rank("Top 45") == 45);
    CHECK(award_tier_rank("KIPP TOP 99") == 99);
    CHECK(award_tier_rank("Terpuji") == 10000);
}

TEST_CASE("a bundle's title is read without loading it", "[charts][bundle]") {
    CHECK(peek_bundle_title(R"({"format":"x","meta":{"created":"2026","title":"Judul"},"innovations":[]})") == "Judul");
    CHECK(peek_bundle_title(test::small_bundle) == "Uji kecil");
    // Only $.meta.title counts: a title elsewhere, a meta without one, broken or empty input give "".
    CHECK(peek_bundle_title(R"({"sources":[{"title":"Artikel"}],"meta":{"licence":"CC0"},"title":"x"})") == "");
    CHECK(peek_bundle_title(R"({"x":{"meta":{"title":"dalam"}}})") == "");
    CHECK(peek_bundle_title("{\"meta\": {\"title\": ") == "");
    CHECK(peek_bundle_title("") == "");
    CHECK(peek_bundle_title("[1,2]") == "");
    auto bytes = read_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json", 1u << 26);
    REQUIRE(bytes);
    CHECK(peek_bundle_title(bytes.value()) == seed()->meta.title);
}
