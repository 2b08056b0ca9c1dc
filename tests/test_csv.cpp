// The RFC 4180 reader and writer: shapes people's files come in, and where problems are named.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "core/csv.hpp"

using atlas::csv::Level;
using atlas::csv::Table;

namespace {

std::vector<std::vector<std::string>> cells(const Table& t) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> h;
    for (const auto& c : t.header.cells) h.push_back(c.text);
    out.push_back(h);
    for (const auto& r : t.rows) {
        std::vector<std::string> v;
        for (const auto& c : r.cells) v.push_back(c.text);
        out.push_back(v);
    }
    return out;
}

std::vector<std::string> messages(const Table& t) {
    std::vector<std::string> out;
    for (const auto& p : t.problems) out.push_back(atlas::csv::describe("f.csv", p));
    return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv: plain, CRLF and LF files read the same", "[csv]") {
    const Rows want{{"a", "b"}, {"1", "2"}, {"3", ""}};
    for (const char* text : {"a,b\n1,2\n3,\n", "a,b\r\n1,2\r\n3,\r\n", "a,b\r\n1,2\r\n3,", "a,b\n1,2\n\n3,\n\n"}) {
        INFO(text);
        const Table t = atlas::csv::read(text);
        CHECK(cells(t) == want);
        CHECK(t.problems.empty());
    }
    CHECK(atlas::csv::read("a,b\r\n1,2\r\n").crlf);
    CHECK_FALSE(atlas::csv::read("a,b\n1,2\n").crlf);
}

TEST_CASE("csv: a byte-order mark is taken off and remembered", "[csv]") {
    const Table t = atlas::csv::read("\xEF\xBB\xBFid,name\nx,Putik Sari\n");
    CHECK(t.had_bom);
    CHECK(t.header.cells[0].text == "id");
    CHECK(t.column_index("id") == 0);
    CHECK(t.header.cells[0].column == 1);  // the mark is no column
    CHECK(t.problems.empty());
}

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks", "[csv]") {
    const Table t = atlas::csv::read(
        "name,note\n"
        "\"Jarik Ma'Siti, edisi \"\"2\"\"\",\"satu\ndua\r\ntiga\"\n"
        "\"\",x\n"
        "last,\"end\"");
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].cells[0].text == "Jarik Ma'Siti, edisi \"2\"");
    CHECK(t.rows[0].cells[1].text == "satu\ndua\r\ntiga");
    CHECK(t.rows[1].cells[0].text.empty());
    CHECK(t.rows[1].line == 5);  // the line breaks inside quotes count
    CHECK(t.problems.empty());
    const Table last = atlas::csv::read("a\n\"\"\n");
    REQUIRE(last.rows.size() == 1);  // a quoted empty field is a row, not a blank line
}

TEST_CASE("csv: columns count characters, not bytes", "[csv]") {
    const Table t = atlas::csv::read("nama,x\nKafé Ñusantara,\"a\"b\n");
    REQUIRE(t.problems.size() == 1);
    CHECK(messages(t)[0] ==
          "f.csv:2:19: text after the closing quote of a quoted field; a quote inside a quoted field is written as two "
          "quotes (\"\")");
    CHECK(t.rows[0].cells[1].column == 16);
}

TEST_CASE("csv: every malformed shape is named by line and column", "[csv]") {
    CHECK(messages(atlas::csv::read("a,b\nx\"y,2\n")) ==
          std::vector<std::string>{"f.csv:2:2: quote inside an unquoted field; enclose the whole field in quotes and "
                                   "write a quote inside it as two quotes (\"\")"});
    CHECK(messages(atlas::csv::read("a,b\n1,\"open\n2,3\n")) ==
          std::vector<std::string>{"f.csv:2:3: quoted field is never closed (its closing quote is missing)"});
    CHECK(messages(atlas::csv::read("a,b\n1,2,3\n1\n")) ==
          std::vector<std::string>{"f.csv:2:5: row has 3 fields, the header has 2 (a comma inside a field needs quotes)",
                                   "f.csv:3:1: row has 1 field, the header has 2"});
    // Found by fuzzing (tests/data/fuzz/csv/regress_trailing_comma_at_eof.txt): a text ending
    // just after a comma gave the extra field's problem at line 0, column 0.
    CHECK(messages(atlas::csv::read("a,b\n1,2,")) ==
          std::vector<std::string>{"f.csv:2:5: row has 3 fields, the header has 2 (a comma inside a field needs quotes)"});
    CHECK(messages(atlas::csv::read("a,b,")) == std::vector<std::string>{});
    const Table short_row = atlas::csv::read("a,b,c\n1\n");
    REQUIRE(short_row.rows.size() == 1);
    CHECK(short_row.rows[0].cells.size() == 3);  // padded so that columns can be looked up
}

TEST_CASE("csv: encodings other than UTF-8 are refused as a whole", "[csv]") {
    const Table u16 = atlas::csv::read(std::string("\xFF\xFEi\0d\0", 6));
    CHECK(u16.fatal);
    CHECK(messages(u16) ==
          std::vector<std::string>{"f.csv:1:1: file is UTF-16; save it as UTF-8 (in spreadsheet programs: \"CSV UTF-8\")"});
    const Table latin = atlas::csv::read("a\nok\nCaf\xE9\n");
    CHECK(latin.fatal);
    CHECK(latin.rows.empty());
    CHECK(messages(latin) == std::vector<std::string>{"f.csv:3:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8 "
                                                      "(in spreadsheet programs: \"CSV UTF-8\")"});
    const Table nul = atlas::csv::read(std::string("a\nb\0c\n", 6));
    CHECK(nul.fatal);
    const Table big = atlas::csv::read("a,b\n", {.max_bytes = 3});
    CHECK(big.fatal);
}

TEST_CASE("csv: formula-looking cells are warned about and kept", "[csv]") {
    using atlas::csv::looks_like_formula;
    for (const char* f : {"=1+1", "=HYPERLINK(\"x\")", "+A1", "-B12+C3", "-SUM(A1:A9)", "@SUM(A1)", "+(1)", "-=1"}) {
        INFO(f);
        CHECK(looks_like_formula(f));
    }
    for (const char* d : {"", "=", "-", "+62 812 555", "-5", "+1.5", "-", "2021-02-01", "@", "@ home", "- daftar",
                          "-tanpa kurung", "Top 45", "a=b"}) {
        INFO(d);
        CHECK_FALSE(looks_like_formula(d));
    }
    const Table t = atlas::csv::read("a,b\n=1+1,+62 812\n");
    CHECK(t.rows[0].cells[0].text == "=1+1");
    CHECK(messages(t) == std::vector<std::string>{
                             "f.csv:2:1: warning: cell starts with '=' and may run as a formula in a spreadsheet; kept as text"});
    CHECK(t.error_count() == 0);
    CHECK(atlas::csv::read("a\n=1\n", {.flag_formulas = false}).problems.empty());
}

TEST_CASE("csv: the writer quotes only what needs it, and reads back", "[csv]") {
    atlas::csv::Writer w;
    w.row({"plain", "with,comma", "with \"quote\"", "two\nlines", " edge", ""});
    w.row({""});
    CHECK(w.text() == "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\" edge\",\r\n\"\"\r\n");
    atlas::csv::Writer bom({.bom = true, .crlf = false});
    bom.row({"a"});
    CHECK(bom.text() == "\xEF\xBB\xBF" "a\n");
}

TEST_CASE("csv: random fields survive write then read", "[csv]") {
    std::mt19937 rng(7);
    const std::string alphabet = "ab ,\"\r\n=-x";  // ten one-byte characters
    for (int round = 0; round < 200; ++round) {
        const std::size_t width = 1 + rng() % 5;
        Rows rows;
        for (std::size_t r = 0; r < 1 + rng() % 6; ++r) {
            std::vector<std::string> row;
            for (std::size_t c = 0; c < width; ++c) {
                std::string f;
                const std::size_t n = rng() % 8;
                for (std::size_t i = 0; i < n; ++i) {
                    // whole characters only (é and ’ are several bytes)
                    const std::size_t k = rng() % 12;
                    f += k < 10 ? std::string(1, alphabet[k]) : k == 10 ? std::string("é") : std::string("\xE2\x80\x99");
                }
                row.push_back(f);
            }
            rows.push_back(row);
        }
        atlas::csv::Writer w({.bom = round % 2 == 0, .crlf = round % 3 != 0});
        for (const auto& r : rows) w.row(r);
        const Table t = atlas::csv::read(w.text(), {.flag_formulas = false});
        INFO(w.text());
        CHECK(t.problems.empty());
        // A row of only empty fields (more than one) is written as commas and reads back.
        CHECK(cells(t) == rows);
    }
}
