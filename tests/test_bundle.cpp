#include <catch2/catch.hpp>

#include "core/bundle.hpp"
#include "core/stats.hpp"
#include "fixtures.hpp"

using namespace atlas;

TEST_CASE("the small bundle loads without problems and links its records", "[bundle]") {
    auto r = load_bundle(test::small_bundle);
    REQUIRE(r);
    const LoadReport& rep = r.value().report;
    for (const Issue& i : rep.issues) INFO(i.path << ": " << i.message);
    CHECK(rep.issues.empty());
    const Dataset& ds = *r.value().dataset;
    CHECK(ds.innovations.size() == 6);
    CHECK(ds.meta.title == "Uji kecil");
    CHECK(ds.meta.created == Date{2026, 1, 2});
    // Region defaults to the owner's; kecamatan kept as given.
    InnovationId putik = ds.find_innovation("n-putik");
    REQUIRE(putik);
    CHECK(ds.innovations[putik.value].region_code == "35.07.32");
    // derived_from on the innovation fills the replication's derived, and the parent is found.
    InnovationId nasi = ds.find_innovation("n-nasi");
    REQUIRE(nasi);
    CHECK(ds.parent_of(nasi) == ds.find_innovation("n-jarik"));
    const Replication& rn = ds.replications[ds.innovations[nasi.value].derived_from.value];
    CHECK(rn.derived == nasi);
    CHECK(rn.latest_stage() == Stage::implemented);
    CHECK(rn.first_date() == Date{2024, 0, 0});
    // Relations.
    CHECK(ds.awards_of.of(ds.find_innovation("n-jarik").value).size() == 1);
    CHECK(ds.cohorts_of.of(ds.find_innovation("n-gerakan").value).size() == 1);
    CHECK(ds.events_of.of(ds.find_innovation("n-brexit").value).size() == 1);
    CHECK(ds.figures[0].value == 1065.0);
}

TEST_CASE("write_bundle then load_bundle loses nothing", "[bundle]") {
    auto first = load_bundle(test::small_bundle);
    REQUIRE(first);
    std::string text = write_bundle(*first.value().dataset);
    auto second = load_bundle(text);
    REQUIRE(second);
    CHECK(second.value().report.issues.empty());
    // Writing the re-read dataset gives the same bytes: nothing was dropped or changed.
    CHECK(write_bundle(*second.value().dataset) == text);
    CHECK(text.find("\"value\": 1065,") != std::string::npos);  // integers stay integers
}

TEST_CASE("a record with an error is skipped, named, and its dependants follow", "[bundle]") {
    std::string text = test::small_bundle;
    // Give BREXIT's owner a region code that does not exist.
    auto at = text.find("\"region_code\": \"35.73\"");
    text.replace(at, 22, "\"region_code\": \"35.99\"");
    auto r = load_bundle(text);
    REQUIRE(r);
    const LoadReport& rep = r.value().report;
    const Dataset& ds = *r.value().dataset;
    REQUIRE(rep.error_count() >= 2);
    CHECK(rep.issues[0].path == "$.institutions[0].region_code");
    CHECK(rep.issues[0].message == "unknown region code \"35.99\"");
    // BREXIT needs its owner: it is skipped and says why; so is its replication and award.
    CHECK_FALSE(ds.find_innovation("n-brexit"));
    bool named = false;
    for (const Issue& i : rep.issues)
        if (i.path == "$.innovations[0].owner" && i.message.find("skipped") != std::string::npos) named = true;
    CHECK(named);
    CHECK(rep.read[static_cast<int>(RecordKind::innovation)] == 6);
    CHECK(rep.kept[static_cast<int>(RecordKind::innovation)] == 5);
    CHECK(ds.innovations.size() == 5);
    CHECK(ds.replications.size() == 1);
}

TEST_CASE("partial and impossible dates", "[bundle]") {
    CHECK(parse_date("2024") == Date{2024, 0, 0});
    CHECK(parse_date("2024-08") == Date{2024, 8, 0});
    CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2021-02-30"));
    CHECK_FALSE(parse_date("2024-13"));
    CHECK_FALSE(parse_date("2024-1-5"));
    CHECK_FALSE(parse_date("24-01-05"));
    CHECK_FALSE(parse_date("2024-08-15T10:00"));
    CHECK_FALSE(parse_date(""));
    CHECK(Date{2024, 8, 0}.to_string() == "2024-08");
}

TEST_CASE("fatal problems name the line and column", "[bundle]") {
    auto r = load_bundle("{\n  \"format\": \"atlas-inovasi-bundle\",\n  \"version\": 1,,\n}");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::syntax);
    CHECK(r.error().line == 3);
    CHECK(r.error().describe().rfind("line 3, column", 0) == 0);

    auto missing = load_bundle_file("/nonexistent/bundle.json");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::io);

    auto wrong = load_bundle(R"({"format": "something-else", "version": 1})");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::bad_format);
    CHECK(wrong.error().json_path == "$.format");
}

TEST_CASE("stats count records and innovations per province", "[bundle][stats]") {
    auto ds = test::load_small();
    REQUIRE(ds);
    BundleStats s = compute_stats(*ds);
    CHECK(s.innovations == 6);
    CHECK(s.replications == 2);
    CHECK(s.cohorts == 1);
    CHECK(s.programs == 1);
    CHECK(s.institutions == 8);
    CHECK(s.sources == 1);
    CHECK(s.replicated_innovations == 3);
    CHECK(s.derived_innovations == 1);
    CHECK(s.by_province.at("35") == 4);
    CHECK(s.by_province.at("33") == 1);
    CHECK(s.by_province.at("national") == 1);
}

TEST_CASE("find_innovation by id or by part of the name", "[bundle][stats]") {
    auto ds = test::load_small();
    CHECK(find_innovation(*ds, "n-jarik").found == ds->find_innovation("n-jarik"));
    CHECK(find_innovation(*ds, "jarik ma'siti").found == ds->find_innovation("n-jarik"));
    CHECK(find_innovation(*ds, "brexit").found == ds->find_innovation("n-brexit"));
    CHECK(find_innovation(*ds, "braille").found == ds->find_innovation("n-brexit"));
    CHECK_FALSE(find_innovation(*ds, "nothing like this").found);
    CHECK_FALSE(find_innovation(*ds, "").found);
}

TEST_CASE("dates compare at the precision both of them know", "[bundle]") {
    CHECK(date_before(Date{2024, 7, 0}, Date{2024, 8, 15}));
    CHECK_FALSE(date_before(Date{2024, 8, 0}, Date{2024, 8, 15}));
    CHECK_FALSE(date_before(Date{2024, 8, 15}, Date{2024, 8, 0}));
    CHECK_FALSE(date_before(Date{2024, 0, 0}, Date{2024, 3, 1}));
    CHECK(date_before(Date{2023, 12, 31}, Date{2024, 0, 0}));
    CHECK(date_before(Date{2024, 8, 14}, Date{2024, 8, 15}));
    CHECK_FALSE(date_before(Date{}, Date{2024, 1, 1}));
}
