// The CLI as a user runs it: exit codes, output shapes, messages for bad arguments.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_runner.hpp"
#include "fixtures.hpp"

namespace {

using Run = atlas::test::CliRun;
Run run_cli(const std::string& args, bool with_stderr) { return atlas::test::run_atlas(args, with_stderr); }
Run run(const std::string& args) { return run_cli(args, true); }
Run run_stdout(const std::string& args) { return run_cli(args, false); }

// ctest runs test cases in parallel processes: each writes its own files (pid in the name).
std::string write_temp(const std::string& name, const std::string& text) {
    std::string path = atlas::test::temp_path("cli_" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace

TEST_CASE("validate: exit 0 on a valid bundle, 1 with JSONPATH lines on a bad one", "[cli]") {
    std::string good = write_temp("good.json", atlas::test::small_bundle);
    Run ok = run_stdout("validate " + good);
    CHECK(ok.code == 0);
    CHECK(ok.out.empty());

    std::string text = atlas::test::small_bundle;
    text.replace(text.find("\"owner\": \"i-janti\""), 18, "\"owner\": \"i-nobody\"");
    std::string bad = write_temp("bad.json", text);
    Run r = run_stdout("validate " + bad);
    CHECK(r.code == 1);
    CHECK(r.out.find("$.innovations[0].owner: refers to unknown institution \"i-nobody\"\n") != std::string::npos);

    Run broken = run_stdout("validate " + write_temp("broken.json", "{\"format\": "));
    CHECK(broken.code == 1);
    CHECK(broken.out.find("line 1, column") != std::string::npos);

    Run missing = run("validate /nonexistent.json");
    CHECK(missing.code == 1);
    CHECK(missing.out.find("cannot open") != std::string::npos);
}

TEST_CASE("stats prints the counts as JSON integers", "[cli]") {
    Run r = run_stdout("stats " + write_temp("good.json", atlas::test::small_bundle));
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["innovations"] == 6);
    CHECK(j["replications"] == 2);
    CHECK(j["programs"] == 1);
    CHECK(j["institutions"] == 8);
    CHECK(j["sources"] == 1);
    CHECK(j["by_province"]["35"] == 4);
    CHECK(j["by_province"]["33"] == 1);
}

TEST_CASE("lineage follows derived innovations recursively", "[cli]") {
    std::string file = write_temp("good.json", atlas::test::small_bundle);
    Run r = run_stdout("lineage " + file + " 'jarik'");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["innovation"]["id"] == "n-jarik");
    CHECK(j["innovation"]["region_code"] == "35.73");
    REQUIRE(j["replications"].size() == 1);
    auto rep = j["replications"][0];
    CHECK(rep["adopter"] == "SMP Negeri 13 Kota Malang");
    CHECK(rep["stage"] == "implemented");
    CHECK(rep["date"] == "2024");
    CHECK(rep["program"].is_null());
    CHECK(rep["derived"]["name"] == "NASI TIGA BERAS");
    CHECK(rep["derived"]["replications"].empty());
    // The family as the lineage view draws it (core/lineage.hpp): Jarik and NASI TIGA BERAS.
    CHECK(j["lineage"]["root"]["id"] == "n-jarik");
    CHECK(j["lineage"]["nodes"] == 2);
    CHECK(j["lineage"]["nodes_by_kind"]["innovation"] == 2);
    CHECK(j["lineage"]["generations"] == 1);
    CHECK(j["lineage"]["derived_innovations"] == 1);
    CHECK(j["lineage"]["regencies"] == nlohmann::json::array({"35.73"}));
    CHECK(j["lineage"]["first_date"] == "2024");

    Run by_id = run_stdout("lineage " + file + " n-brexit");
    auto b = nlohmann::json::parse(by_id.out);
    CHECK(b["replications"][0]["program"] == "Penandatanganan BREXIT");
    CHECK(b["replications"][0]["adopter_count"] == 16);
    CHECK(b["replications"][0]["derived"].is_null());
    CHECK(b["lineage"]["nodes"] == 2);
    CHECK(b["lineage"]["adopters"] == 16);

    // From the derived innovation: the same family, one generation down.
    Run child = run_stdout("lineage " + file + " n-nasi");
    auto c = nlohmann::json::parse(child.out);
    CHECK(c["derived_from"]["id"] == "n-jarik");
    CHECK(c["lineage"]["root"]["id"] == "n-jarik");
    CHECK(c["lineage"]["nodes"] == 2);
    CHECK(c["lineage"]["generation"] == 1);
    CHECK(c["lineage"]["ancestors"] == nlohmann::json::array({"n-jarik"}));

    // A cohort's source: the program node between it and its listed adopter.
    Run coh = run_stdout("lineage " + file + " n-gerakan");
    auto k = nlohmann::json::parse(coh.out);
    CHECK(k["cohorts"][0]["pairing"] == "unknown");
    CHECK(k["lineage"]["nodes"] == 3);
    CHECK(k["lineage"]["nodes_by_kind"]["program"] == 1);
    CHECK(k["lineage"]["adopters"] == 12);

    Run none = run("lineage " + file + " 'no such thing'");
    CHECK(none.code == 1);
    CHECK(none.out.find("no innovation matches") != std::string::npos);
}

TEST_CASE("query: total, facet counts and rows; bad arguments are refused", "[cli]") {
    std::string file = write_temp("good.json", atlas::test::small_bundle);
    Run r = run_stdout("query " + file + " --facet province=35 --sort name --limit 2");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["total"] == 4);
    CHECK(j["rows"].size() == 2);
    CHECK(j["rows"][0]["name"] == "BREXIT");
    CHECK(j["facets"]["province"]["33"] == 1);
    CHECK(j["facets"]["sector"]["pendidikan"] == 2);
    for (const char* key : {"year", "competition", "tier", "province", "regency", "sector", "stage", "replicated", "confidence"})
        CHECK(j["facets"].contains(key));

    Run s = run_stdout("query " + file + " --search 'MA’SITI'");
    CHECK(nlohmann::json::parse(s.out)["total"] == 1);

    CHECK(run("query " + file + " --facet colour=red").code == 2);
    CHECK(run("query " + file + " --facet province").code == 2);
    CHECK(run("query " + file + " --sort nonsense").code == 2);
    CHECK(run("query " + file + " --limit -3").code == 2);
    CHECK(run("query " + file + " --bogus").code == 2);
    CHECK(run("frobnicate").code == 2);
    CHECK(run("").code == 2);
}

TEST_CASE("synth writes a valid bundle marked synthetic", "[cli]") {
    std::string out = "/tmp/atlas_cli_test_" + std::to_string(getpid()) + "_synth.json";
    Run r = run("synth --innovations 200 --replications 500 --seed 7 -o " + out);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("SYNTHETIC") != std::string::npos);
    CHECK(run_stdout("validate " + out).code == 0);
    Run st = run_stdout("stats " + out);
    auto j = nlohmann::json::parse(st.out);
    CHECK(j["innovations"] == 200);
    CHECK(j["replications"] == 500);
    CHECK(j["synthetic"] == true);
    CHECK(run("synth --innovations 10").code == 2);
    CHECK(run("synth --innovations x --replications 1").code == 2);
}
