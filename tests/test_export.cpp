// CSV export of what the user filtered: spreadsheet-safe cells and the same rows as the filters.
#include <catch2/catch.hpp>

#include "core/export.hpp"
#include "fixtures.hpp"

using namespace atlas;

namespace {
// A strict RFC 4180 reader for checking what we wrote (records of cells; CRLF line ends).
std::vector<std::vector<std::string>> read_csv(std::string_view s) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            REQUIRE(cell.empty());  // quotes only around a whole cell
            quoted = was_quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            was_quoted = false;
        } else if (c == '\r') {
            REQUIRE(i + 1 < s.size());
            REQUIRE(s[i + 1] == '\n');
            ++i;
            rows.back().push_back(std::move(cell));
            cell.clear();
            was_quoted = false;
            rows.emplace_back();
        } else {
            REQUIRE(c != '\n');  // a bare LF outside quotes would split a record
            cell += c;
        }
    }
    REQUIRE_FALSE(quoted);
    if (rows.back().empty() && cell.empty() && !was_quoted) rows.pop_back();
    else rows.back().push_back(cell);
    return rows;
}
std::string cell(std::string_view s) {
    std::string out;
    append_csv_cell(out, s);
    return out;
}
}  // namespace

TEST_CASE("cells: plain, quoted, and formulas neutralised", "[export]") {
    CHECK(cell("Kota Malang") == "Kota Malang");
    CHECK(cell("a,b") == "\"a,b\"");
    CHECK(cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(cell("two\nlines") == "\"two\nlines\"");
    CHECK(cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    for (const char* f : {"=1+1", "+62 812", "-5", "@SUM(A1)", "\tcmd", "\rcmd"}) {
        INFO(f);
        const std::string c = cell(f);
        CHECK(c.substr(0, 2) == "\"'");
    }
    CHECK(cell("") == "");
    CHECK(cell("Ma’Siti") == "Ma’Siti");
    std::string raw;
    append_csv_cell(raw, "=1+1", CsvExportOptions{false, false});
    CHECK(raw == "=1+1");
}

TEST_CASE("innovations export: BOM, header, one record per filtered row, in order", "[export]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    Query q;
    q.sort = SortColumn::name;
    QueryResult res;
    cat.run(q, res);
    const std::string csv = innovations_csv(cat, res.rows);
    REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
    auto rows = read_csv(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == res.rows.size() + 1);
    CHECK(rows[0][0] == "id");
    CHECK(rows[0][1] == "name");
    for (std::size_t k = 0; k < res.rows.size(); ++k) {
        INFO(k);
        CHECK(rows[k + 1].size() == rows[0].size());
        CHECK(rows[k + 1][0] == ds->innovations[res.rows[k].value].id);
        CHECK(rows[k + 1][1] == ds->innovations[res.rows[k].value].name);
    }
    // Filters: only Jawa Timur's innovations.
    q.facets[static_cast<int>(Facet::province)] = {"35"};
    cat.run(q, res);
    auto east = read_csv(std::string_view(innovations_csv(cat, res.rows)).substr(3));
    CHECK(east.size() == res.rows.size() + 1);
    for (std::size_t k = 1; k < east.size(); ++k) CHECK(east[k][7] == "Jawa Timur");
}

TEST_CASE("replications export lists pairs and programs of unknown pairing", "[export]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    ReplicationList list(cat);
    QueryResult res;
    cat.run(Query{}, res);
    std::vector<ReplicationRow> rows;
    list.run(res, ReplicationColumn::source, false, rows);
    REQUIRE_FALSE(rows.empty());
    auto out = read_csv(std::string_view(replications_csv(*ds, rows)).substr(3));
    REQUIRE(out.size() == rows.size() + 1);
    int pairs = 0, programs = 0;
    for (std::size_t k = 1; k < out.size(); ++k) {
        CHECK(out[k].size() == out[0].size());
        if (out[k][1] == "pair") ++pairs;
        if (out[k][1] == "program, pairing unknown") ++programs;
    }
    CHECK(pairs == static_cast<int>(std::count_if(rows.begin(), rows.end(), [](auto& r) { return !r.cohort; })));
    CHECK(programs == static_cast<int>(std::count_if(rows.begin(), rows.end(), [](auto& r) { return r.cohort; })));
    CHECK(programs >= 1);
}

TEST_CASE("a hostile name is exported as text, not as a formula", "[export]") {
    std::string bundle = test::small_bundle;
    const std::string from = "\"name\": \"BREXIT\"";
    auto at = bundle.find(from);
    REQUIRE(at != std::string::npos);
    bundle.replace(at, from.size(), "\"name\": \"=cmd|' /C calc'!A0, \\\"x\\\"\"");
    auto loaded = load_bundle(bundle);
    REQUIRE(loaded);
    Catalog cat(loaded.value().dataset);
    QueryResult res;
    Query q;
    q.search = "cmd";
    cat.run(q, res);
    REQUIRE(res.rows.size() == 1);
    const std::string csv = innovations_csv(cat, res.rows);
    auto rows = read_csv(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][1] == "'=cmd|' /C calc'!A0, \"x\"");
}

// ---- the CLI offers the same export with the same filters ----
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

TEST_CASE("atlas export selects what atlas query selects", "[export][cli]") {
    const std::string seed = std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json";
    auto query = test::run_atlas("query " + seed + " --facet province=35 --limit 1000");
    REQUIRE(query.code == 0);
    auto j = nlohmann::json::parse(query.out);
    auto exported = test::run_atlas("export " + seed + " --facet province=35");
    REQUIRE(exported.code == 0);
    auto rows = read_csv(std::string_view(exported.out).substr(3));
    REQUIRE(rows.size() == j["total"].get<std::size_t>() + 1);
    for (std::size_t k = 0; k < j["rows"].size(); ++k) CHECK(rows[k + 1][0] == j["rows"][k]["id"].get<std::string>());

    const std::string out = test::temp_path("export.csv");
    auto to_file = test::run_atlas("export " + seed + " --table replications --search brexit -o " + out);
    REQUIRE(to_file.code == 0);
    std::ifstream f(out, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    auto reps = read_csv(std::string_view(text).substr(3));
    REQUIRE(reps.size() == 2);
    CHECK(reps[1][0] == "rep-brexit-16-puskesmas-kota-malang");
    std::remove(out.c_str());

    CHECK(test::run_atlas("export " + seed + " --table awards").code == 2);
    CHECK(test::run_atlas("export " + seed + " --facet nope=1").code == 2);
    CHECK(test::run_atlas("export /nonexistent.json").code == 1);
}
