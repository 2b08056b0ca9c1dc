// Published figures and the counts computed for them (core/figures.hpp).
#include <catch2/catch.hpp>

#include "core/bundle.hpp"
#include "core/figures.hpp"
#include "core/synth.hpp"
#include "fixtures.hpp"

using namespace atlas;

namespace {
std::shared_ptr<const Dataset> seed() {
    static auto loaded = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(loaded);
    return loaded.value().dataset;
}
const Figure& figure(const Dataset& ds, std::string_view id) {
    const RecordRef* r = ds.find(id);
    REQUIRE(r);
    REQUIRE(r->kind == RecordKind::figure);
    return ds.figures[r->row];
}
double computed(const Dataset& ds, std::string_view id) {
    auto v = compute_figure(ds, figure(ds, id).compare);
    REQUIRE(v);
    return *v;
}
}  // namespace

TEST_CASE("the seed's comparable figures compute what the articles list", "[figures]") {
    auto ds = seed();
    // Jawa Tengah 2021: six innovations, three of them from Jawa Tengah, taken up in twelve
    // regencies/cities (article: jatengprov, program replikasi 2021).
    CHECK(computed(*ds, "fig-jateng-2021-inovasi-direplikasi") == 6);
    CHECK(computed(*ds, "fig-jateng-2021-inovasi-asal-jateng") == 3);
    CHECK(computed(*ds, "fig-jateng-2021-kabkota-pelaksana") == 12);
    // BREXIT: one group record of 16 puskesmas signing the commitment.
    CHECK(computed(*ds, "fig-brexit-puskesmas-penandatangan-komitmen") == 16);
    // The national figures: the seed holds a tiny part of 1,065 / 252 / 631.
    const double top = computed(*ds, "fig-kipp-top-inovasi-2014-2023");
    const double replicated = computed(*ds, "fig-kipp-inovasi-direplikasi-2014-2023");
    const double institutions = computed(*ds, "fig-kipp-instansi-replikator-2014-2023");
    CHECK(top >= 1);
    CHECK(top < 1065);
    CHECK(replicated <= top);
    CHECK(institutions >= replicated);
    // Figures that are not counts of records have no compare spec and compute nothing.
    CHECK_FALSE(compute_figure(*ds, figure(*ds, "fig-kipp-tahun-pertama").compare));
}

TEST_CASE("award filters: competition, years, tiers and group", "[figures]") {
    Award a;
    a.competition = "KIPP";
    a.year = 2019;
    a.tier = "Top 99";
    a.group = "umum";
    FigureCompare c;
    c.measure = FigureMeasure::innovations;
    CHECK(award_matches(a, c));
    c.competition = "kipp";  // case ignored
    CHECK(award_matches(a, c));
    c.year_from = 2020;
    CHECK_FALSE(award_matches(a, c));
    c.year_from = 2014;
    c.year_to = 2019;
    CHECK(award_matches(a, c));
    c.tiers = {"Top 45", "top 99"};
    CHECK(award_matches(a, c));
    c.tiers = {"Top 45"};
    CHECK_FALSE(award_matches(a, c));
    c.tiers.clear();
    c.group = "replikasi";
    CHECK_FALSE(award_matches(a, c));
    Award undated = a;
    undated.year = 0;
    c.group.clear();
    CHECK_FALSE(award_matches(undated, c));  // a year range never matches an unstated year
}

TEST_CASE("every measure on a hand-made bundle, whole and within a selection", "[figures]") {
    auto loaded = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/tests/data/good/figure_compare.json");
    REQUIRE(loaded);
    const Dataset& ds = *loaded.value().dataset;
    REQUIRE(ds.figures.size() == 1);
    FigureCompare c = ds.figures[0].compare;
    CHECK(c.measure == FigureMeasure::replicated_innovations);
    CHECK(c.region == "35");
    REQUIRE(c.program);
    CHECK(*compute_figure(ds, c) == 1);
    for (auto [m, want] : {std::pair{FigureMeasure::innovations, 1.0}, {FigureMeasure::awards, 1.0},
                           {FigureMeasure::replications, 1.0}, {FigureMeasure::replicating_institutions, 1.0},
                           {FigureMeasure::adopting_regions, 1.0}}) {
        c.measure = m;
        INFO(to_string(m));
        CHECK(*compute_figure(ds, c) == want);
    }
    c.region = "33";  // nothing owned in Jawa Tengah
    CHECK(*compute_figure(ds, c) == 0);
    c.region.clear();
    c.tiers = {"Top 45"};
    CHECK(*compute_figure(ds, c) == 0);
    c.tiers.clear();
    std::vector<InnovationId> none;
    CHECK(*compute_figure(ds, c, std::span<const InnovationId>(none)) == 0);
    std::vector<InnovationId> all{InnovationId(0)};
    CHECK(*compute_figure(ds, c, std::span<const InnovationId>(all)) == 1);
}

TEST_CASE("compare specs survive writing and reading", "[figures][bundle]") {
    auto ds = seed();
    auto again = load_bundle(write_bundle(*ds));
    REQUIRE(again);
    const Dataset& b = *again.value().dataset;
    REQUIRE(b.figures.size() == ds->figures.size());
    int active = 0;
    for (std::size_t i = 0; i < b.figures.size(); ++i) {
        const FigureCompare& x = ds->figures[i].compare;
        const FigureCompare& y = b.figures[i].compare;
        INFO(ds->figures[i].id);
        CHECK(x.measure == y.measure);
        CHECK(x.competition == y.competition);
        CHECK(x.year_from == y.year_from);
        CHECK(x.year_to == y.year_to);
        CHECK(x.tiers == y.tiers);
        CHECK(x.region == y.region);
        CHECK(x.program.value == y.program.value);
        if (x.active()) {
            ++active;
            CHECK(compute_figure(*ds, x) == compute_figure(b, y));
        }
    }
    CHECK(active == 8);
}

TEST_CASE("figures on a synthetic bundle stay consistent", "[figures]") {
    SynthOptions o;
    o.innovations = 2000;
    o.replications = 5000;
    const Dataset ds = make_synthetic(o);
    FigureCompare c;
    c.measure = FigureMeasure::innovations;
    const double all = *compute_figure(ds, c);
    CHECK(all == 2000);
    c.measure = FigureMeasure::replicated_innovations;
    const double replicated = *compute_figure(ds, c);
    c.measure = FigureMeasure::replications;
    const double replications = *compute_figure(ds, c);
    CHECK(replicated > 0);
    CHECK(replicated <= all);
    CHECK(replications >= 5000);  // every pair record, plus one per program adopter
    // Splitting by province adds up to the whole.
    double sum = 0;
    c.measure = FigureMeasure::innovations;
    for (const char* p : {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
                          "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
                          "91", "92", "93", "94", "95", "96"}) {
        c.region = p;
        sum += *compute_figure(ds, c);
    }
    c.region.clear();
    std::vector<InnovationId> national;
    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i)
        if (ds.innovations[i].region_code.empty()) national.emplace_back(i);
    CHECK(sum + static_cast<double>(national.size()) == all);
}
