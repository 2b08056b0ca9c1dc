#include <catch2/catch.hpp>

#include "core/query.hpp"
#include "fixtures.hpp"

using namespace atlas;

namespace {
std::vector<std::string> names(const Catalog& c, const QueryResult& r) {
    std::vector<std::string> out;
    for (InnovationId id : r.rows) out.push_back(c.data().innovations[id.value].name);
    return out;
}
std::uint32_t count_of(const Catalog& c, const QueryResult& r, Facet f, std::string_view value) {
    auto idx = c.facet_value_index(f, value);
    return idx ? r.counts[static_cast<int>(f)][*idx] : 0;
}
}  // namespace

TEST_CASE("an empty query lists every innovation sorted by name", "[query]") {
    auto ds = test::load_small();
    REQUIRE(ds);
    Catalog cat(ds);
    QueryResult r;
    cat.run(Query{}, r);
    CHECK(names(cat, r) == std::vector<std::string>{"BREXIT", "Gerakan Kembali Bersekolah", "Jarik Ma’Siti",
                                                    "Layanan Pusat Café", "NASI TIGA BERAS", "Putik Sari"});
    CHECK(count_of(cat, r, Facet::province, "35") == 4);
    CHECK(count_of(cat, r, Facet::province, "33") == 1);
    CHECK(count_of(cat, r, Facet::province, "national") == 1);
    CHECK(cat.facet_label(Facet::province, *cat.facet_value_index(Facet::province, "35")) == "Jawa Timur");
    CHECK(count_of(cat, r, Facet::replicated, "yes") == 3);  // BREXIT, Jarik (pairs), Gerakan (cohort)
    CHECK(count_of(cat, r, Facet::replicated, "no") == 3);
}

TEST_CASE("search ignores case, accents and apostrophes and covers owner and region names", "[query]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    QueryResult r;
    Query q;
    q.search = "masiti";
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Jarik Ma’Siti"});
    q.search = "CAFE";
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Layanan Pusat Café"});
    q.search = "puskesmas janti";  // owner name
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"BREXIT"});
    q.search = "braille";  // acronym expansion
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"BREXIT"});
    q.search = "wonosari";  // kecamatan name of the region
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Putik Sari"});
    q.search = "kabupaten malang";  // regency of that kecamatan
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Putik Sari"});
    q.search = "jawa tengah";
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Gerakan Kembali Bersekolah"});
    q.search = "zzzz";
    cat.run(q, r);
    CHECK(r.rows.empty());
}

TEST_CASE("typing narrows results exactly like a fresh search would", "[query]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    QueryResult typed;
    const char* steps[] = {"k", "ko", "kot", "kota", "kota ", "kota m", "kota ma", "kota mal", "k", "", "smp"};
    for (const char* s : steps) {
        Query q;
        q.search = s;
        cat.run(q, typed);
        QueryResult fresh;
        cat.run(q, fresh);
        INFO("search: " << s);
        CHECK(names(cat, typed) == names(cat, fresh));
    }
}

TEST_CASE("facet counts reflect the other active filters, not their own", "[query]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    QueryResult r;
    Query q;
    q.facets[static_cast<int>(Facet::province)] = {"35"};
    cat.run(q, r);
    CHECK(r.rows.size() == 4);
    // Own facet still shows the other provinces so the user can add them.
    CHECK(count_of(cat, r, Facet::province, "33") == 1);
    CHECK(count_of(cat, r, Facet::province, "35") == 4);
    // Other facets count only within Jawa Timur.
    CHECK(count_of(cat, r, Facet::sector, "pendidikan") == 2);
    CHECK(count_of(cat, r, Facet::confidence, "medium") == 0);
    CHECK(count_of(cat, r, Facet::year, "2023") == 1);

    q.facets[static_cast<int>(Facet::sector)] = {"pendidikan"};
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Jarik Ma’Siti", "NASI TIGA BERAS"});
    CHECK(count_of(cat, r, Facet::sector, "kesehatan") == 1);  // would add BREXIT
    CHECK(count_of(cat, r, Facet::province, "33") == 0);       // no pendidikan in Jawa Tengah

    // Two values of one facet are alternatives.
    q.facets[static_cast<int>(Facet::sector)] = {"pendidikan", "kesehatan"};
    cat.run(q, r);
    CHECK(r.rows.size() == 3);
}

TEST_CASE("multi-valued facets: years, tiers, groups and stages", "[query]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    QueryResult r;
    Query q;
    q.facets[static_cast<int>(Facet::tier)] = {"Top 45"};
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Jarik Ma’Siti", "Putik Sari"});
    q = Query{};
    q.facets[static_cast<int>(Facet::stage)] = {"commitment"};
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"BREXIT", "Gerakan Kembali Bersekolah"});
    q.facets[static_cast<int>(Facet::stage)] = {"implemented"};
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Jarik Ma’Siti"});
    q = Query{};
    q.facets[static_cast<int>(Facet::regency)] = {"35.07"};  // kecamatan 35.07.32 counts for its regency
    cat.run(q, r);
    CHECK(names(cat, r) == std::vector<std::string>{"Putik Sari"});
    q.facets[static_cast<int>(Facet::regency)] = {"no-such-value"};
    cat.run(q, r);
    CHECK(r.rows.empty());
}

TEST_CASE("sorting by any column, both directions", "[query]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    QueryResult r;
    Query q;
    q.sort = SortColumn::adopters;
    q.descending = true;
    cat.run(q, r);
    REQUIRE(r.rows.size() == 6);
    CHECK(ds->innovations[r.rows[0].value].name == "BREXIT");  // 16 adopters
    CHECK(ds->innovations[r.rows[1].value].name == "Gerakan Kembali Bersekolah");  // cohort of 12
    q.sort = SortColumn::year;
    q.descending = true;
    cat.run(q, r);
    CHECK(ds->innovations[r.rows[0].value].name == "NASI TIGA BERAS");  // 2024
    CHECK(ds->innovations[r.rows[1].value].name == "Jarik Ma’Siti");    // 2023
    q.sort = SortColumn::region;
    q.descending = false;
    cat.run(q, r);
    CHECK(cat.region_name(r.rows[0]) == "Kabupaten Brebes");
    CHECK(cat.region_name(r.rows.back()).empty());  // the central agency has no region: last
    for (int c = 0; c < sort_column_count; ++c) {
        q.sort = static_cast<SortColumn>(c);
        cat.run(q, r);
        CHECK(r.rows.size() == 6);
    }
}

TEST_CASE("facet and sort names round-trip", "[query]") {
    for (int f = 0; f < facet_count; ++f) CHECK(parse_facet(to_string(static_cast<Facet>(f))) == static_cast<Facet>(f));
    for (int c = 0; c < sort_column_count; ++c)
        CHECK(parse_sort_column(to_string(static_cast<SortColumn>(c))) == static_cast<SortColumn>(c));
    CHECK_FALSE(parse_facet("colour"));
}

#include "core/replication_list.hpp"

TEST_CASE("the replications table follows the innovation filters", "[query][replications]") {
    auto ds = test::load_small();
    Catalog cat(ds);
    ReplicationList list(cat);
    CHECK(list.size() == 3);  // two pairs and one cohort
    QueryResult r;
    std::vector<ReplicationRow> rows;
    cat.run(Query{}, r);
    list.run(r, ReplicationColumn::source, false, rows);
    REQUIRE(rows.size() == 3);
    CHECK(ds->replications[rows[0].index].id == "r-brexit");
    CHECK(rows[1].cohort);  // "Gerakan…" sorts between BREXIT and Jarik
    CHECK(ds->replications[rows[2].index].id == "r-nasi");

    Query q;
    q.facets[static_cast<int>(Facet::province)] = {"33"};
    cat.run(q, r);
    list.run(r, ReplicationColumn::date, true, rows);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cohort);
    CHECK(ds->cohorts[rows[0].index].id == "c-jateng");

    cat.run(Query{}, r);
    list.run(r, ReplicationColumn::date, true, rows);
    CHECK(ds->replications[rows[0].index].id == "r-brexit");  // 2024-08-15 newest
    CHECK(parse_replication_column("adopter") == ReplicationColumn::adopter);
}
