#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/regions.hpp"
#include "core/text.hpp"

using atlas::Region;
using atlas::RegionLevel;
using atlas::RegionMatch;
using atlas::RegionTable;

namespace {

const RegionTable& table() { return RegionTable::embedded(); }

std::string code_of(std::string_view written, std::string_view within = {}) {
    return table().resolve(written, within).code;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

TEST_CASE("embedded table has every province, regency and kecamatan", "[regions]") {
    const RegionTable& t = table();
    CHECK(t.province_count() == 38);
    CHECK(t.regency_count() == 514);
    CHECK(t.district_count() >= 7000);
    CHECK(t.district_count() <= 7400);
    CHECK(t.all().size() == t.province_count() + t.regency_count() + t.district_count());
    CHECK(&RegionTable::embedded() == &t);  // built once
}

TEST_CASE("embedded table is sorted, unique and well-formed", "[regions]") {
    const auto all = table().all();
    REQUIRE(!all.empty());
    CHECK(all.front().code == "11");
    CHECK(all.front().name == "Aceh");
    std::size_t kota = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Region& r = all[i];
        if (i > 0) CHECK(all[i - 1].code < r.code);
        CHECK(!r.name.empty());
        CHECK(atlas::text::is_valid_utf8(r.name));
        switch (r.level) {
            case RegionLevel::province:
                CHECK(r.code.size() == 2);
                break;
            case RegionLevel::regency:
                CHECK(r.code.size() == 5);
                CHECK(table().contains(RegionTable::province_code(r.code)));
                CHECK((r.name.rfind("Kabupaten ", 0) == 0 || r.name.rfind("Kota ", 0) == 0));
                if (r.name.rfind("Kota ", 0) == 0) ++kota;
                break;
            case RegionLevel::district:
                CHECK(r.code.size() == 8);
                CHECK(table().contains(RegionTable::regency_code(r.code)));
                break;
        }
    }
    CHECK(kota == 98);
}

TEST_CASE("find looks codes up exactly", "[regions]") {
    const RegionTable& t = table();
    const Region* r = t.find("35.07");
    REQUIRE(r != nullptr);
    CHECK(r->name == "Kabupaten Malang");
    CHECK(r->level == RegionLevel::regency);
    REQUIRE(t.find("35") != nullptr);
    CHECK(t.find("35")->name == "Jawa Timur");
    CHECK(t.find("35")->level == RegionLevel::province);
    REQUIRE(t.find("35.73") != nullptr);
    CHECK(t.find("35.73")->name == "Kota Malang");
    REQUIRE(t.find("35.07.32") != nullptr);
    CHECK(t.find("35.07.32")->name == "Wonosari");
    CHECK(t.find("35.07.32")->level == RegionLevel::district);
    REQUIRE(t.find("35.29.22") != nullptr);
    CHECK(t.find("35.29.22")->name == "Ra\"as");  // quoted CSV field with a doubled quote
    REQUIRE(t.find("34") != nullptr);
    CHECK(t.find("34")->name == "Daerah Istimewa Yogyakarta");
    CHECK(t.find("96") != nullptr);
    CHECK(t.find("99") == nullptr);
    CHECK(t.find("35.7") == nullptr);
    CHECK(t.find("35.07 ") == nullptr);
    CHECK(t.find("") == nullptr);
    CHECK(t.contains("73.71"));
    CHECK_FALSE(t.contains("73.99"));
}

TEST_CASE("province_code and regency_code check the code shape", "[regions]") {
    CHECK(RegionTable::province_code("35.07.01") == "35");
    CHECK(RegionTable::province_code("35.07") == "35");
    CHECK(RegionTable::province_code("35") == "35");
    CHECK(RegionTable::province_code("35.07.01.2001") == "35");
    CHECK(RegionTable::regency_code("35.07.01") == "35.07");
    CHECK(RegionTable::regency_code("35.07") == "35.07");
    CHECK(RegionTable::regency_code("35.07.01.2001") == "35.07");
    CHECK(RegionTable::regency_code("35") == "");
    for (const char* bad : {"", "3", "3a", "35.7", "35.", ".35", "35..07", "35.07.", "35.07.1",
                            "350", "35.070", "35-07", " 35", "35 ", "ab.cd", "35.07.01.2001."}) {
        INFO(bad);
        CHECK(RegionTable::province_code(bad) == "");
        CHECK(RegionTable::regency_code(bad) == "");
    }
}

TEST_CASE("resolve understands level words", "[regions][resolve]") {
    CHECK(code_of("Kab. Malang") == "35.07");
    CHECK(code_of("Kabupaten Malang") == "35.07");
    CHECK(code_of("Kab Malang") == "35.07");
    CHECK(code_of("KABUPATEN MALANG") == "35.07");
    CHECK(code_of("Pemerintah Kabupaten Malang") == "35.07");
    CHECK(code_of("Pemkab Malang") == "35.07");
    CHECK(code_of("Kota Malang") == "35.73");
    CHECK(code_of("Pemkot Malang") == "35.73");
    CHECK(code_of("Pemerintah Kota Malang") == "35.73");
    CHECK(code_of("Prov. Jawa Timur") == "35");
    CHECK(code_of("Provinsi Jawa Timur") == "35");
    CHECK(code_of("Pemprov Jawa Timur") == "35");
    CHECK(code_of("Pemerintah Provinsi Jawa Tengah") == "33");
    CHECK(code_of("Jawa Tengah") == "33");
    CHECK(code_of("Jawa Timur") == "35");
    CHECK(code_of("Kota Batu") == "35.79");
    CHECK(code_of("Kabupaten Aceh Barat") == "11.05");
    CHECK(code_of("Kabupaten Aceh Barat Daya") == "11.12");
    CHECK(code_of("Kota Makassar") == "73.71");
    CHECK(code_of("Kabupaten Brebes") == "33.29");
    CHECK(code_of("Pemkab Banyumas") == "33.02");
    CHECK(code_of("Kota Magelang") == "33.71");
    CHECK(code_of("Kabupaten Magelang") == "33.08");
    CHECK(code_of("Kota Yogyakarta") == "34.71");
    CHECK(code_of("Kota Gorontalo") == "75.71");
    CHECK(code_of("Kabupaten Gorontalo") == "75.01");
    CHECK(code_of("  kota   surabaya ") == "35.78");
}

TEST_CASE("resolve reports what it matched", "[regions][resolve]") {
    const RegionMatch m = table().resolve("Kab. Malang");
    CHECK(m.code == "35.07");
    CHECK(m.name == "Kabupaten Malang");
    CHECK(m.distance == 0);
    CHECK_FALSE(m.ambiguous);
    CHECK(m.candidates.empty());
}

TEST_CASE("resolve: a bare name prefers the province", "[regions][resolve]") {
    CHECK(code_of("Bali") == "51");
    CHECK(code_of("Gorontalo") == "75");  // also a Kabupaten and a Kota
    CHECK(code_of("Jambi") == "15");      // also Kota Jambi
    CHECK(code_of("Bengkulu") == "17");
    CHECK(code_of("Aceh") == "11");
    CHECK(code_of("Papua Barat Daya") == "96");
    CHECK(code_of("Daerah Istimewa Yogyakarta") == "34");
}

TEST_CASE("resolve: province nicknames", "[regions][resolve]") {
    CHECK(code_of("DKI Jakarta") == "31");
    CHECK(code_of("DKI") == "31");
    CHECK(code_of("Jakarta") == "31");
    CHECK(code_of("Provinsi DKI Jakarta") == "31");
    CHECK(code_of("DIY") == "34");
    CHECK(code_of("D.I. Yogyakarta") == "34");
    CHECK(code_of("Yogyakarta") == "34");  // province, not Kota Yogyakarta
    CHECK(code_of("Jateng") == "33");
    CHECK(code_of("Jatim") == "35");
    CHECK(code_of("Jabar") == "32");
    CHECK(code_of("Sumbar") == "13");
    CHECK(code_of("Sulsel") == "73");
    CHECK(code_of("NTB") == "52");
    CHECK(code_of("NTT") == "53");
    CHECK(code_of("Kaltim") == "64");
    CHECK(code_of("PEMPROV JATIM") == "35");
    CHECK(code_of("Kota Jakarta").empty());     // not a regency name
    CHECK(code_of("Kabupaten Jateng") != "33");  // nicknames name provinces only
}

TEST_CASE("resolve: Jakarta's administrative cities and Kepulauan Seribu", "[regions][resolve]") {
    CHECK(code_of("Jakarta Pusat") == "31.71");
    CHECK(code_of("Kota Jakarta Selatan") == "31.74");
    CHECK(code_of("Kota Adm. Jakarta Timur") == "31.75");
    CHECK(code_of("Kota Administrasi Jakarta Barat") == "31.73");
    CHECK(code_of("Kabupaten Kepulauan Seribu") == "31.01");
    CHECK(code_of("Kab. Kep. Seribu") == "31.01");
    CHECK(code_of("Kabupaten Kep Seribu") == "31.01");
    CHECK(code_of("Kepulauan Seribu") == "31.01");
    CHECK(code_of("Kepri") == "21");
    CHECK(code_of("Prov. Kep. Riau") == "21");
    CHECK(code_of("Kec. Kep. Masaloka Raya", "74.06") == "74.06.17");  // "Kep." in the data
    CHECK(code_of("Kecamatan Kepulauan Masaloka Raya", "74") == "74.06.17");
}

TEST_CASE("resolve: same name for a Kabupaten and a Kota is ambiguous", "[regions][resolve]") {
    for (const auto& [name, kab, kota] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Malang", "35.07", "35.73"},
             {"Magelang", "33.08", "33.71"},
             {"Tegal", "33.28", "33.76"},
             {"Blitar", "35.05", "35.72"},
             {"Bandung", "32.04", "32.73"}}) {
        INFO(name);
        const RegionMatch m = table().resolve(name);
        CHECK(m.code.empty());
        CHECK(m.ambiguous);
        CHECK(sorted(m.candidates) == std::vector<std::string>{kab, kota});
        CHECK(code_of("Kabupaten " + name) == kab);
        CHECK(code_of("Kota " + name) == kota);
    }
}

TEST_CASE("resolve: a unique regency name needs no level word", "[regions][resolve]") {
    CHECK(code_of("Banyumas") == "33.02");
    CHECK(code_of("Brebes") == "33.29");
    CHECK(code_of("Surabaya") == "35.78");
    CHECK(code_of("Makassar") == "73.71");
    CHECK(code_of("Sleman") == "34.04");
    CHECK(code_of("Aceh Barat") == "11.05");
}

TEST_CASE("resolve: within narrows the search", "[regions][resolve]") {
    const RegionMatch tegal = table().resolve("Tegal", "33");
    CHECK(tegal.ambiguous);
    CHECK(sorted(tegal.candidates) == std::vector<std::string>{"33.28", "33.76"});
    CHECK(code_of("Malang", "35.07") == "35.07");
    CHECK(code_of("Kota Surabaya", "33").empty());  // not in Jawa Tengah
    CHECK(code_of("Kabupaten Brebes", "35").empty());
    CHECK(code_of("Kota Malang", "33").empty());  // Magelang is two edits from Malang: no guess
    CHECK(code_of("Jawa Timur", "35.07") == "35");  // the province containing the scope
    CHECK(code_of("Batu", "35") == "35.79");        // Kota Batu beats kecamatan Batu
    CHECK(code_of("Kab. Malang", " 35 ") == "35.07");  // within is trimmed
    CHECK(code_of("Malang", "3x").empty());         // malformed within matches nothing
    CHECK_FALSE(table().resolve("Malang", "3x").ambiguous);
    CHECK(code_of("Malang", "99").empty());         // unknown province
}

TEST_CASE("resolve: kecamatan only when asked or narrowed", "[regions][resolve]") {
    CHECK(code_of("Kecamatan Wonosari", "35.07") == "35.07.32");
    CHECK(code_of("Kec. Wonosari", "34") == "34.03.01");
    CHECK(code_of("Wonosari", "35.07") == "35.07.32");
    CHECK(code_of("Ngrambe", "35.21") == "35.21.02");
    CHECK(code_of("Kec. Ngrambe") == "35.21.02");  // unique nationally
    CHECK(code_of("Kantor Camat Ngrambe") == "35.21.02");
    CHECK(code_of("Ngrambe").empty());  // a bare kecamatan name is not looked for nationally
    CHECK_FALSE(table().resolve("Ngrambe").ambiguous);
    CHECK(code_of("Kecamatan Ngrambe", "33").empty());

    const RegionMatch all = table().resolve("Kecamatan Wonosari");
    CHECK(all.code.empty());
    CHECK(all.ambiguous);
    CHECK(all.candidates.size() >= 4);
    CHECK(std::find(all.candidates.begin(), all.candidates.end(), "35.07.32") != all.candidates.end());
    CHECK(std::find(all.candidates.begin(), all.candidates.end(), "34.03.01") != all.candidates.end());

    CHECK(code_of("Wonosari", "35").empty());  // two Wonosari in Jawa Timur
    CHECK(table().resolve("Wonosari", "35").ambiguous);
    CHECK(code_of("Kota Juang", "11.11") == "11.11.13");  // "Kota" belongs to the name
}

TEST_CASE("resolve: a comma-separated tail narrows the head", "[regions][resolve]") {
    CHECK(code_of("Kecamatan Wonosari, Kabupaten Malang") == "35.07.32");
    CHECK(code_of("Kec. Wonosari, Kab. Gunungkidul, DIY") == "34.03.01");
    CHECK(code_of("Kabupaten Malang, Jawa Timur") == "35.07");
    CHECK(code_of("Brebes, Jawa Tengah") == "33.29");
    const RegionMatch m = table().resolve("Malang, Jawa Timur");
    CHECK(m.ambiguous);
    CHECK(code_of("Kota Batu, Nowhere Land") == "35.79");  // unknown tail is ignored
}

TEST_CASE("resolve accepts small misspellings", "[regions][resolve]") {
    const RegionMatch m = table().resolve("Kab. Malagn");
    CHECK(m.code == "35.07");
    CHECK(m.distance == 1);
    CHECK(m.name == "Kabupaten Malang");
    CHECK(code_of("Kabupaten Banyumass") == "33.02");
    CHECK(code_of("Jawa Timr") == "35");
    CHECK(table().resolve("Jawa Timr").distance == 1);
    CHECK(code_of("Kota Makasar") == "73.71");
    CHECK(code_of("Kota Surabya") == "35.78");
    CHECK(code_of("Banyuwangy") == "35.10");
    CHECK(table().resolve("Kabupaten Banyuwngii").distance == 2);  // two edits on 9+ letters
    CHECK(code_of("Kabupaten Bnyumss").empty());                     // two edits on 7: a guess too far
    CHECK(code_of("Kabupaten Bnymss").empty());                      // three edits: too far
    CHECK(code_of("Kota Bt").empty());                               // too short to guess
    CHECK(code_of("Kota Btu").empty());                              // 3 letters: exact only
    CHECK(code_of("Kota Bat").empty());
    CHECK(code_of("Kabupaten Banyuwangi").size() == 5);
    const RegionMatch malng = table().resolve("Malng");
    CHECK(malng.ambiguous);
    CHECK(sorted(malng.candidates) == std::vector<std::string>{"35.07", "35.73"});
    CHECK(malng.distance == 1);
}

TEST_CASE("resolve: exact match beats a near one", "[regions][resolve]") {
    // "Kabupaten Aceh Barat" is one edit-distance group away from "Aceh Barat Daya" etc.;
    // the exact name must win.
    CHECK(code_of("Aceh Barat") == "11.05");
    CHECK(code_of("Kota Batu") == "35.79");
    CHECK(code_of("Kota Bima") == "52.72");
    CHECK(code_of("Kabupaten Bima") == "52.06");
}

TEST_CASE("resolve: nothing, garbage and codes", "[regions][resolve]") {
    for (const char* s : {"", "   ", "xyzzy", "...", "Kota", "Kabupaten", "Atlantis Raya", "12345"}) {
        INFO(s);
        const RegionMatch m = table().resolve(s);
        CHECK(m.code.empty());
        CHECK_FALSE(m.ambiguous);
        CHECK(m.candidates.empty());
    }
    CHECK(code_of("35.07") == "35.07");
    CHECK(table().resolve("35.07").name == "Kabupaten Malang");
    CHECK(code_of("35.07", "33").empty());
    CHECK(code_of("35.99").empty());
}

TEST_CASE("resolve folds accents and punctuation", "[regions][resolve]") {
    CHECK(code_of("KÓTA  MALANG") == "35.73");
    CHECK(code_of("Kab.\u00A0Malang") == "35.07");
    CHECK(code_of("Jawa-Timur") == "35");
    CHECK(code_of("Kab. Ma\u2019lang") == "35.07");
}

TEST_CASE("every embedded regency resolves from its own name", "[regions][resolve]") {
    std::size_t checked = 0;
    for (const Region& r : table().all()) {
        if (r.level == RegionLevel::district) continue;
        INFO(r.name);
        CHECK(code_of(r.name) == r.code);
        ++checked;
    }
    CHECK(checked == 38 + 514);
}

TEST_CASE("every kecamatan resolves within its regency", "[regions][resolve]") {
    std::size_t unresolved = 0;
    for (const Region& r : table().all()) {
        if (r.level != RegionLevel::district) continue;
        const std::string written = "Kecamatan " + std::string(r.name);
        const RegionMatch m = table().resolve(written, RegionTable::regency_code(r.code));
        if (m.code != r.code) {
            INFO(written);
            CHECK(m.code == r.code);
            ++unresolved;
        }
    }
    CHECK(unresolved == 0);
}

TEST_CASE("from_lines builds a small table", "[regions]") {
    const RegionTable t = RegionTable::from_lines(
        "99.71\tKota Contoh\n"
        "99\tProvinsi Uji\n"
        "99.01\tKabupaten Contoh\n"
        "99.01.01\tSukamaju\n"
        "99.71.01\tSukamaju\r\n"
        "bad line without tab\n"
        "9x\tBroken\n"
        "99.01.02\t   \n"
        "99.01.01\tDuplicate\n"
        "98\tLain");  // no final newline
    CHECK(t.province_count() == 2);
    CHECK(t.regency_count() == 2);
    CHECK(t.district_count() == 2);
    REQUIRE(t.all().size() == 6);
    CHECK(t.all()[0].code == "98");
    CHECK(t.all()[1].code == "99");
    CHECK(t.all()[2].code == "99.01");
    CHECK(t.all()[3].code == "99.01.01");
    REQUIRE(t.find("99.01.01") != nullptr);
    CHECK(t.find("99.01.01")->name == "Sukamaju");  // first of the duplicates
    CHECK(t.find("99.71.01")->name == "Sukamaju");  // CR removed
    CHECK(t.find("98")->name == "Lain");

    CHECK(t.resolve("Kota Contoh").code == "99.71");
    CHECK(t.resolve("Kab. Contoh").code == "99.01");
    CHECK(t.resolve("Contoh").ambiguous);
    CHECK(t.resolve("Provinsi Uji").code == "99");
    CHECK(t.resolve("Kecamatan Sukamaju").ambiguous);
    CHECK(t.resolve("Kecamatan Sukamaju", "99.71").code == "99.71.01");
    CHECK(t.resolve("Sukamaju", "99.01").code == "99.01.01");
    CHECK(t.resolve("Malang").code.empty());  // the custom table knows nothing else

    // Copies and moves keep their views valid.
    RegionTable copy = t;
    RegionTable moved = std::move(copy);
    CHECK(moved.find("99.71")->name == "Kota Contoh");
    CHECK(moved.resolve("Kota Contoh").name == "Kota Contoh");

    const RegionTable empty = RegionTable::from_lines("");
    CHECK(empty.all().empty());
    CHECK(empty.province_count() == 0);
    CHECK(empty.resolve("Malang").code.empty());
    CHECK(empty.find("35") == nullptr);
}

TEST_CASE("embedded table is safe to build from several threads", "[regions]") {
    std::vector<std::thread> threads;
    std::vector<const RegionTable*> seen(4, nullptr);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        threads.emplace_back([&seen, i] { seen[i] = &RegionTable::embedded(); });
    }
    for (auto& th : threads) th.join();
    for (const RegionTable* p : seen) CHECK(p == &RegionTable::embedded());
    // Resolving is const and may run concurrently too.
    std::vector<std::string> codes(4);
    threads.clear();
    for (std::size_t i = 0; i < codes.size(); ++i) {
        threads.emplace_back([&codes, i] { codes[i] = RegionTable::embedded().resolve("Kab. Malagn").code; });
    }
    for (auto& th : threads) th.join();
    CHECK(std::set<std::string>(codes.begin(), codes.end()) == std::set<std::string>{"35.07"});
}

TEST_CASE("resolve: no wrong guesses at two edits on short names", "[regions][resolve]") {
    // Town names that are no regency, which the looser rule (two edits from six letters)
    // turned into unrelated regions.
    for (const char* town : {"Belopa", "Suwawa", "Parigi", "Benteng", "Ampana", "Tahuna", "Rampah", "Sumber",
                             "Balige", "Purwokerto", "Cibinong", "Kepanjen", "Ungaran"}) {
        INFO(town);
        CHECK(code_of(town).empty());
    }
    // Two edits on a long name whose first letter differs is not a guess either.
    CHECK(code_of("Kabupaten Xanyuwangii").empty());
}

TEST_CASE("resolve: region names as written in the real KIPP data", "[regions][resolve]") {
    // Spellings taken from assets/data/real/*.csv.
    CHECK(code_of("Kabupaten Batang Hari") == "15.04");  // official: Batanghari
    CHECK(table().resolve("Kabupaten Batang Hari").distance == 1);
    CHECK(code_of("Kota Pangkalpinang") == "19.71");     // official: Pangkal Pinang
    CHECK(code_of("Kabupaten Tojo Una-Una") == "72.09");
    CHECK(code_of("Kabupaten Pangkajene dan Kepulauan") == "73.10");
    CHECK(code_of("Provinsi DKI Jakarta") == "31");
    CHECK(code_of("Provinsi Daerah Istimewa Yogyakarta") == "34");
    CHECK(code_of("Provinsi Kepulauan Bangka Belitung") == "19");
    CHECK(code_of("Kecamatan Wonosari, Kabupaten Malang") == "35.07.32");
    CHECK(code_of("Kecamatan Kedunggalar, Kabupaten Ngawi").rfind("35.21.", 0) == 0);
    CHECK(code_of("Kota Makassar") == "73.71");
    CHECK(code_of("Kabupaten Pakpak Bharat") == "12.15");
    CHECK(code_of("Gresik") == "35.25");
    const RegionMatch kediri = table().resolve("Kediri");  // Kabupaten or Kota: not a guess
    CHECK(kediri.ambiguous);
    CHECK(sorted(kediri.candidates) == std::vector<std::string>{"35.06", "35.71"});
    CHECK(table().resolve("Probolinggo").ambiguous);
    CHECK(code_of("Kementerian Kesehatan").empty());
    CHECK(code_of("Universitas Indonesia").empty());
}
