#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/bundle.hpp"
#include "core/regions.hpp"
#include "core/synth.hpp"

using namespace atlas;

namespace {
Dataset synth(std::uint32_t innovations, std::uint32_t replications, std::uint64_t seed = 1) {
    SynthOptions o;
    o.innovations = innovations;
    o.replications = replications;
    o.seed = seed;
    return make_synthetic(o);
}

// Generations above an innovation; -1 when the walk does not end within the row count (a cycle).
int lineage_depth(const Dataset& ds, InnovationId i) {
    int depth = 0;
    for (InnovationId p = ds.parent_of(i); p; p = ds.parent_of(p)) {
        if (++depth > static_cast<int>(ds.innovations.size())) return -1;
    }
    return depth;
}
}  // namespace

TEST_CASE("the same seed gives a byte-identical bundle, another seed a different one", "[synth]") {
    const std::string a = write_bundle(synth(400, 1200, 9));
    const std::string b = write_bundle(synth(400, 1200, 9));
    const std::string c = write_bundle(synth(400, 1200, 10));
    CHECK(a.size() == b.size());
    CHECK(a == b);
    CHECK(a != c);
}

TEST_CASE("counts are exact, from empty to thousands, and the bundle reads back clean", "[synth]") {
    struct Case { std::uint32_t inn, rep; };
    const Case cases[] = {{0, 0}, {1, 0}, {1, 40}, {2, 3}, {3, 0}, {10, 1}, {60, 250}, {2000, 6000}};
    for (const Case& k : cases) {
        CAPTURE(k.inn, k.rep);
        const Dataset ds = synth(k.inn, k.rep, 5);
        CHECK(ds.innovations.size() == k.inn);
        CHECK(ds.replications.size() == k.rep);
        const std::string text = write_bundle(ds);
        auto loaded = load_bundle(text);
        REQUIRE(loaded.ok());
        const LoadReport& report = loaded.value().report;
        for (const Issue& is : report.issues) UNSCOPED_INFO(is.path << ": " << is.message);
        CHECK(report.valid());
        CHECK(report.warning_count() == 0);
        const Dataset& back = *loaded.value().dataset;
        CHECK(back.record_count() == ds.record_count());
        CHECK(back.innovations.size() == k.inn);
        CHECK(back.replications.size() == k.rep);
        CHECK(back.cohorts.size() == ds.cohorts.size());
        CHECK(back.institutions.size() == ds.institutions.size());
        // Nothing is lost or defaulted differently on the way through.
        CHECK(write_bundle(back) == text);
    }
}

TEST_CASE("a synthetic bundle says so", "[synth]") {
    const Dataset ds = synth(30, 60, 77);
    CHECK(ds.meta.synthetic);
    CHECK(ds.meta.title.rfind("SYNTHETIC", 0) == 0);
    CHECK(ds.meta.generator == "atlas synth --innovations 30 --replications 60 --seed 77");
    CHECK(ds.meta.licence == "CC0 (synthetic data)");
    CHECK(ds.meta.created.to_string() == "2026-01-01");
    REQUIRE_FALSE(ds.sources.empty());
    for (const Source& s : ds.sources) {
        CHECK(s.title.rfind("Sumber sintetis #", 0) == 0);
        CHECK(s.note == "synthetic");
    }
}

TEST_CASE("one innovation can still be replicated by valid adopters", "[synth]") {
    const Dataset ds = synth(1, 25, 3);
    REQUIRE(ds.innovations.size() == 1);
    REQUIRE(ds.replications.size() == 25);
    for (const Replication& r : ds.replications) {
        CHECK(r.source == InnovationId(0));
        REQUIRE(r.adopter.valid());
        CHECK(r.adopter.value < ds.institutions.size());
        CHECK(r.adopter != ds.innovations[0].owner);
        CHECK_FALSE(r.derived.valid());
        CHECK_FALSE(r.stages.empty());
    }
}

TEST_CASE("lineage runs several generations deep and never loops", "[synth]") {
    const Dataset ds = synth(2000, 6000, 1);
    int deepest = 0;
    std::size_t derived = 0;
    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i) {
        const int d = lineage_depth(ds, InnovationId(i));
        REQUIRE(d >= 0);  // a cycle would never reach a root
        deepest = std::max(deepest, d);
        if (ReplicationId r = ds.innovations[i].derived_from) {
            ++derived;
            // Both sides of the link are set and agree.
            CHECK(ds.replications[r.value].derived == InnovationId(i));
        }
    }
    CHECK(deepest >= 3);
    CHECK(deepest <= 6);
    CHECK(derived > 0);
    for (std::uint32_t r = 0; r < ds.replications.size(); ++r)
        if (InnovationId d = ds.replications[r].derived) CHECK(ds.innovations[d.value].derived_from == ReplicationId(r));
}

TEST_CASE("popularity is skewed: a few innovations copied often, most never", "[synth]") {
    const Dataset ds = synth(2000, 6000, 1);
    std::size_t never = 0, most = 0;
    for (std::uint32_t i = 0; i < ds.innovations.size(); ++i) {
        const std::size_t n = ds.replications_of.of(i).size();
        never += n == 0;
        most = std::max(most, n);
    }
    CHECK(never > ds.innovations.size() / 2);
    CHECK(most >= 30);  // ten times the mean of 3
}

TEST_CASE("every region code is a real one, and adopters reach kecamatan level", "[synth]") {
    const Dataset ds = synth(2000, 6000, 2);
    const RegionTable& regions = RegionTable::embedded();
    std::size_t checked = 0, kecamatan = 0, central = 0;
    auto check = [&](const std::string& code) {
        if (code.empty()) return;
        ++checked;
        CHECK(regions.contains(code));
    };
    for (const Institution& x : ds.institutions) check(x.region_code);
    for (const Innovation& x : ds.innovations) {
        check(x.region_code);
        central += x.region_code.empty();
    }
    for (const Replication& x : ds.replications) {
        check(x.region_code);
        kecamatan += x.region_code.size() == 8;
    }
    for (const Event& x : ds.events) check(x.region_code);
    for (const Cohort& x : ds.cohorts)
        for (const std::string& c : x.region_codes) check(c);
    CHECK(checked > 10000);
    CHECK(kecamatan > 0);
    CHECK(central > 0);  // central-agency innovations have no region
}

TEST_CASE("programs group replications and cohorts keep their pairing unknown", "[synth]") {
    const Dataset ds = synth(2000, 6000, 4);
    REQUIRE_FALSE(ds.cohorts.empty());
    for (const Cohort& c : ds.cohorts) {
        REQUIRE(c.program.valid());
        CHECK(ds.events[c.program.value].kind == "program");
        CHECK_FALSE(c.innovations.empty());
        CHECK(c.adopter_count >= std::max<std::size_t>(1, c.adopters.size()));
        CHECK_FALSE(c.stages.empty());
    }
    std::size_t in_program = 0;
    for (const Replication& r : ds.replications) {
        if (r.program) {
            ++in_program;
            CHECK(ds.events[r.program.value].kind == "program");
        }
        for (std::size_t s = 1; s < r.stages.size(); ++s) {
            CHECK(r.stages[s - 1].stage < r.stages[s].stage);
            CHECK(r.stages[s - 1].date.key() <= r.stages[s].date.key());
        }
    }
    CHECK(in_program > ds.replications.size() / 10);
    const auto signings = std::count_if(ds.events.begin(), ds.events.end(),
                                        [](const Event& e) { return e.kind == "commitment_signing" && e.part_of; });
    CHECK(signings > 0);
    std::size_t awards_by_tier = 0;
    for (const Award& a : ds.awards) {
        CHECK(a.competition == "KIPP");
        CHECK(a.year >= 2014);
        CHECK(a.year <= 2025);
        if (a.tier != "Top 99") {
            const char* expect = a.year == 2014 ? "Top 9" : a.year == 2015 ? "Top 25" : a.year == 2016 ? "Top 35"
                                 : a.year <= 2018 ? "Top 40" : "Top 45";
            CHECK(a.tier == expect);
            ++awards_by_tier;
        }
    }
    CHECK(awards_by_tier > 0);
}
