// What a reader of the five seed articles would check in the seed bundle.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "core/bundle.hpp"
#include "core/query.hpp"
#include "core/regions.hpp"
#include "core/stats.hpp"

using namespace atlas;

namespace {
std::shared_ptr<const Dataset> seed() {
    static auto loaded = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(loaded);
    return loaded.value().dataset;
}
const Innovation& inn(const Dataset& ds, std::string_view id) {
    InnovationId i = ds.find_innovation(id);
    REQUIRE(i);
    return ds.innovations[i.value];
}
std::vector<const Award*> awards_of(const Dataset& ds, std::string_view id) {
    std::vector<const Award*> out;
    for (AwardId a : ds.awards_of.of(ds.find_innovation(id).value)) out.push_back(&ds.awards[a.value]);
    return out;
}
const Replication& rep(const Dataset& ds, std::string_view id) {
    const RecordRef* r = ds.find(id);
    REQUIRE(r);
    REQUIRE(r->kind == RecordKind::replication);
    return ds.replications[r->row];
}
}  // namespace

TEST_CASE("the seed bundle is valid and not synthetic", "[seed]") {
    auto loaded = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(loaded);
    for (const Issue& i : loaded.value().report.issues) INFO(i.path << ": " << i.message);
    CHECK(loaded.value().report.issues.empty());
    CHECK_FALSE(loaded.value().dataset->meta.synthetic);
    CHECK(loaded.value().dataset->sources.size() == 5);
}

TEST_CASE("every seed record cites one of the five articles", "[seed]") {
    auto ds = seed();
    auto check = [&](const auto& rows) {
        for (const auto& r : rows) {
            INFO(r.id);
            CHECK_FALSE(r.sources.empty());
        }
    };
    check(ds->institutions);
    check(ds->innovations);
    check(ds->awards);
    check(ds->events);
    check(ds->replications);
    check(ds->cohorts);
    check(ds->figures);
    for (const Source& s : ds->sources) CHECK(s.note.find("seed article") != std::string::npos);
}

TEST_CASE("Kota Malang: Jarik Ma’Siti begat NASI TIGA BERAS and SIMBA ASIA, both Top 5 replikasi 2024", "[seed]") {
    auto ds = seed();
    const Innovation& jarik = inn(*ds, "inn-jarik-masiti");
    CHECK(jarik.region_code == "35.73");
    CHECK(ds->institutions[jarik.owner.value].name.find("SMP Negeri 10") != std::string::npos);
    auto ja = awards_of(*ds, "inn-jarik-masiti");
    REQUIRE(ja.size() == 1);
    CHECK(ja[0]->year == 2023);
    CHECK(ja[0]->tier == "Top 45");

    std::set<std::string> children;
    for (ReplicationId r : ds->replications_of.of(ds->find_innovation("inn-jarik-masiti").value)) {
        const Replication& x = ds->replications[r.value];
        if (x.derived) children.insert(ds->innovations[x.derived.value].name);
    }
    CHECK(children == std::set<std::string>{"NASI TIGA BERAS", "SIMBA ASIA"});
    for (const char* child : {"inn-nasi-tiga-beras", "inn-simba-asia"}) {
        INFO(child);
        CHECK(ds->parent_of(ds->find_innovation(child)) == ds->find_innovation("inn-jarik-masiti"));
        auto aw = awards_of(*ds, child);
        REQUIRE(aw.size() == 1);
        CHECK(aw[0]->year == 2024);
        CHECK(aw[0]->tier == "Top 5");
        CHECK(aw[0]->group == "replikasi");
    }
    CHECK(ds->institutions[inn(*ds, "inn-nasi-tiga-beras").owner.value].name.find("SMP Negeri 13") != std::string::npos);
    CHECK(ds->institutions[inn(*ds, "inn-simba-asia").owner.value].name.find("SMP Negeri 2") != std::string::npos);
}

TEST_CASE("Kota Malang's other awards as the article lists them", "[seed]") {
    auto ds = seed();
    struct Expect { const char* id; int year; const char* tier; };
    for (Expect e : {Expect{"inn-emas-hitam-di-balik-tumpukan-sampah", 2015, "Top 25"},
                     Expect{"inn-sepasar-pedas", 2020, "Top 45"}, Expect{"inn-si-ikan-nila", 2021, "Top 45"}}) {
        INFO(e.id);
        auto aw = awards_of(*ds, e.id);
        REQUIRE(aw.size() == 1);
        CHECK(aw[0]->year == e.year);
        CHECK(aw[0]->tier == e.tier);
        CHECK(inn(*ds, e.id).region_code == "35.73");
    }
}

TEST_CASE("BREXIT: 16 Puskesmas of Kota Malang signed a commitment on 15 August 2024", "[seed]") {
    auto ds = seed();
    const Innovation& b = inn(*ds, "inn-brexit");
    CHECK(b.acronym_expansion == "Braille e-Ticket And Extraordinary Access for Visual Disabilities");
    CHECK(ds->institutions[b.owner.value].name.find("Janti") != std::string::npos);
    const Replication& r = rep(*ds, "rep-brexit-16-puskesmas-kota-malang");
    CHECK(r.adopter_count == 16);
    CHECK(r.region_code == "35.73");
    CHECK(r.latest_stage() == Stage::commitment);
    CHECK(r.first_date() == Date{2024, 8, 15});
    REQUIRE(r.program);
    CHECK(ds->events[r.program.value].date == Date{2024, 8, 15});
    auto aw = awards_of(*ds, "inn-brexit");
    REQUIRE(aw.size() == 1);
    CHECK(aw[0]->competition == "SINOVIK");
    CHECK(aw[0]->year == 0);  // the article gives neither year nor tier
    CHECK(aw[0]->tier.empty());
}

TEST_CASE("Putik Sari: Wonosari (Kab. Malang) replicated by kecamatan of Ngawi and Jawa Timur on 1 August 2024", "[seed]") {
    auto ds = seed();
    const Innovation& p = inn(*ds, "inn-putik-sari");
    CHECK(p.region_code == "35.07.32");
    CHECK(RegionTable::regency_code(p.region_code) == "35.07");
    CHECK(p.year_started == 2019);
    auto aw = awards_of(*ds, "inn-putik-sari");
    REQUIRE(aw.size() == 1);
    CHECK(aw[0]->tier == "Top 45");
    CHECK(aw[0]->year == 0);
    const Replication& ngrambe = rep(*ds, "rep-putik-sari-kecamatan-ngrambe");
    CHECK(ngrambe.region_code == "35.21.02");
    CHECK(RegionTable::province_code(ngrambe.region_code) == "35");
    CHECK(ngrambe.latest_stage() == Stage::action_plan);
    CHECK(ngrambe.first_date() == Date{2024, 8, 1});
    CHECK(rep(*ds, "rep-putik-sari-kecamatan-se-kab-ngawi").region_code == "35.21");
}

TEST_CASE("Jawa Tengah 2021: six innovations, twelve kab/kota, pairing not invented", "[seed]") {
    auto ds = seed();
    const RecordRef* c = ds->find("coh-jateng-replikasi-2021");
    REQUIRE(c);
    REQUIRE(c->kind == RecordKind::cohort);
    const Cohort& co = ds->cohorts[c->row];
    CHECK(co.innovations.size() == 6);
    CHECK(co.adopter_count == 12);
    CHECK(co.region_codes.size() == 12);
    CHECK(std::count(co.region_codes.begin(), co.region_codes.end(), "33.71") == 1);  // Kota Magelang
    CHECK(co.latest_stage() == Stage::commitment);
    CHECK(co.stages[0].date == Date{2021, 11, 2});
    // No one-to-one replication was made up for these six.
    for (InnovationId i : co.innovations) CHECK(ds->replications_of.of(i.value).empty());
    std::set<std::string> provinces;
    for (InnovationId i : co.innovations) provinces.insert(std::string(RegionTable::province_code(ds->innovations[i.value].region_code)));
    CHECK(provinces == std::set<std::string>{"33", "73", "11", "32"});
}

TEST_CASE("published national figures: 1,065 top innovations, 252 replicated, 631 institutions", "[seed]") {
    auto ds = seed();
    std::set<double> values;
    for (const Figure& f : ds->figures)
        if (f.value) values.insert(*f.value);
    CHECK(values.count(1065));
    CHECK(values.count(252));
    CHECK(values.count(631));
    CHECK(values.count(92));  // Banyumas exhibition
}

TEST_CASE("Banyumas exhibition: twelve named innovations, all in Kabupaten Banyumas", "[seed]") {
    auto ds = seed();
    Catalog cat(ds);
    QueryResult r;
    Query q;
    q.facets[static_cast<int>(Facet::regency)] = {"33.02"};
    cat.run(q, r);
    CHECK(r.rows.size() == 12);
    q.search = "ayam kate";
    cat.run(q, r);
    REQUIRE(r.rows.size() == 1);
    CHECK(ds->innovations[r.rows[0].value].name == "Ayam Kate Mas");
}

TEST_CASE("seed stats agree with the articles", "[seed]") {
    auto ds = seed();
    BundleStats s = compute_stats(*ds);
    CHECK(s.innovations == 29);
    CHECK(s.by_province.at("33") == 15);
    CHECK(s.by_province.at("35") == 10);
    CHECK(s.derived_innovations == 2);
    CHECK(s.cohorts == 1);
}
