// atlas import / export --csv / merge as a user runs them: exit codes, messages, files written.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include "cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
const std::string root = ATLAS_SOURCE_DIR;

using Run = atlas::test::CliRun;
Run run(const std::string& args) { return atlas::test::run_atlas(args, true); }  // stdout and stderr

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fresh folder per test case and process (ctest runs cases in parallel).
fs::path temp_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("atlas_cli_data_" + std::to_string(getpid()) + "_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

TEST_CASE("cli import: problems as DIR/file:line:column, nothing written on errors", "[cli][import]") {
    const fs::path d = temp_dir("bad");
    fs::copy(root + "/tests/data/csv/common", d, fs::copy_options::recursive);
    write(d / "events.csv", slurp(root + "/tests/data/csv/bad/bad_dates.csv"));
    const fs::path out = d / "out.json";
    const Run r = run("import " + d.string() + " -o " + out.string());
    CHECK(r.code == 1);
    CHECK(r.out.find((d / "events.csv").string() + ":2:28: no such date: \"2021-02-30\" (left empty)\n") != std::string::npos);
    CHECK(r.out.find("events.csv: 2 rows, 2 used, 0 skipped\n") != std::string::npos);
    CHECK(r.out.find("nothing written") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    const Run forced = run("import " + d.string() + " --allow-errors -o " + out.string());
    CHECK(forced.code == 1);
    CHECK(fs::exists(out));
}

TEST_CASE("cli export then import gives the bundle back; merge with itself changes nothing", "[cli][import]") {
    const fs::path d = temp_dir("rt");
    const std::string seed = root + "/assets/bundles/seed.json";
    const Run e = run("export " + seed + " --csv " + (d / "csv").string());
    REQUIRE(e.code == 0);
    for (const char* f : {"meta.csv", "sources.csv", "institutions.csv", "innovations.csv", "awards.csv", "events.csv",
                          "participants.csv", "replications.csv", "cohorts.csv", "figures.csv"})
        CHECK(fs::exists(d / "csv" / f));
    const Run i = run("import " + (d / "csv").string() + " -o " + (d / "back.json").string());
    CHECK(i.code == 0);
    CHECK(i.out.find("0 error(s), ") != std::string::npos);
    // Compare through the writer: validate both, then re-export and compare the CSV text.
    const Run e2 = run("export " + (d / "back.json").string() + " --csv " + (d / "csv2").string());
    REQUIRE(e2.code == 0);
    for (const auto& f : fs::directory_iterator(d / "csv")) {
        INFO(f.path().filename());
        CHECK(slurp(f.path()) == slurp(d / "csv2" / f.path().filename()));
    }
    const Run m = run("merge " + seed + " " + (d / "back.json").string() + " -o " + (d / "merged.json").string());
    CHECK(m.code == 0);
    CHECK(slurp(d / "merged.json") == slurp(d / "back.json"));
}

TEST_CASE("cli import: usage errors", "[cli][import]") {
    CHECK(run("import").code == 2);
    CHECK(run("import /nonexistent/folder").code == 1);
    CHECK(run("import . --bogus").code == 2);
    CHECK(run("export " + root + "/assets/bundles/seed.json --csv").code == 2);
    CHECK(run("export " + root + "/assets/bundles/seed.json --csv /tmp/x --table innovations").code == 2);
    CHECK(run("merge a.json").code == 2);
    const Run help = run("help");
    CHECK(help.out.find("atlas import DIR") != std::string::npos);
    CHECK(help.out.find("atlas merge A B -o C") != std::string::npos);
}
