// Lineage graph, figures and layout: hand-made trees, DAGs, programs, a cycle in bad data, a
// 1,000-node synthetic family, and the seed bundle's lineages as the articles tell them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "core/bundle.hpp"
#include "core/lineage.hpp"
#include "core/synth.hpp"

using namespace atlas;

namespace {

// Builds a Dataset in memory (ids are only for reading failures).
struct Builder {
    Dataset ds;
    InstitutionId inst(std::string name, std::string kind, std::string region) {
        Institution x;
        x.id = "i" + std::to_string(ds.institutions.size());
        x.name = std::move(name);
        x.kind = std::move(kind);
        x.region_code = std::move(region);
        ds.institutions.push_back(std::move(x));
        return InstitutionId(static_cast<std::uint32_t>(ds.institutions.size() - 1));
    }
    InnovationId inn(std::string name, std::string region, int year) {
        Innovation x;
        x.id = "n" + std::to_string(ds.innovations.size());
        x.name = std::move(name);
        x.region_code = region;
        x.owner = inst("owner of " + x.name, "government", region);
        x.year_started = static_cast<std::int16_t>(year);
        ds.innovations.push_back(std::move(x));
        return InnovationId(static_cast<std::uint32_t>(ds.innovations.size() - 1));
    }
    ReplicationId rep(InnovationId src, InstitutionId adopter, Date date, InnovationId derived = {}, std::uint32_t count = 1) {
        Replication r;
        r.id = "r" + std::to_string(ds.replications.size());
        r.source = src;
        r.adopter = adopter;
        r.region_code = ds.institutions[adopter.value].region_code;
        r.adopter_count = count;
        r.stages.push_back(StageStep{Stage::commitment, date, {}});
        r.derived = derived;
        const ReplicationId id(static_cast<std::uint32_t>(ds.replications.size()));
        if (derived) ds.innovations[derived.value].derived_from = id;
        ds.replications.push_back(std::move(r));
        return id;
    }
    ReplicationId adopt(InnovationId src, std::string name, std::string region, Date date, std::string kind = "dinas") {
        return rep(src, inst(std::move(name), std::move(kind), std::move(region)), date);
    }
    CohortId cohort(std::vector<InnovationId> sources, std::vector<InstitutionId> adopters, std::uint32_t count, Date date) {
        Event e;
        e.id = "e" + std::to_string(ds.events.size());
        e.name = "Program " + std::to_string(ds.events.size());
        e.kind = "program";
        e.date = date;
        ds.events.push_back(std::move(e));
        Cohort c;
        c.id = "c" + std::to_string(ds.cohorts.size());
        c.program = EventId(static_cast<std::uint32_t>(ds.events.size() - 1));
        c.innovations = std::move(sources);
        for (InstitutionId a : adopters) c.region_codes.push_back(ds.institutions[a.value].region_code);
        c.adopters = std::move(adopters);
        c.adopter_count = count;
        c.stages.push_back(StageStep{Stage::commitment, date, c.program});
        ds.cohorts.push_back(std::move(c));
        return CohortId(static_cast<std::uint32_t>(ds.cohorts.size() - 1));
    }
    std::shared_ptr<const Dataset> done() {
        ds.build_relations();
        return std::make_shared<const Dataset>(std::move(ds));
    }
};

bool overlap(const LineageItem& a, const LineageItem& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
// Sorts boxes by x and checks neighbours within reach: O(n log n + overlaps) instead of n².
int overlaps(const LineageLayout& l) {
    std::vector<const LineageItem*> v;
    for (const auto& it : l.items) v.push_back(&it);
    std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->x < b->x || (a->x == b->x && a->y < b->y); });
    int n = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
        for (std::size_t j = i + 1; j < v.size() && v[j]->x < v[i]->x + v[i]->w; ++j) n += overlap(*v[i], *v[j]);
    return n;
}
bool same_layout(const LineageLayout& a, const LineageLayout& b) {
    if (a.items.size() != b.items.size() || a.edges.size() != b.edges.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (a.items[i].x != b.items[i].x || a.items[i].y != b.items[i].y || a.items[i].members != b.items[i].members)
            return false;
    for (std::size_t i = 0; i < a.edges.size(); ++i)
        if (a.edges[i].from != b.edges[i].from || a.edges[i].to != b.edges[i].to) return false;
    return true;
}
std::uint32_t local_of(const LineageGraph& g, const Lineage& lin, InnovationId id) {
    auto it = std::find(lin.nodes.begin(), lin.nodes.end(), g.node_of(id));
    REQUIRE(it != lin.nodes.end());
    return static_cast<std::uint32_t>(it - lin.nodes.begin());
}
int count_visible(const std::vector<bool>& v) { return static_cast<int>(std::count(v.begin(), v.end(), true)); }

}  // namespace

TEST_CASE("tree: a derived innovation is a child with children of its own", "[lineage]") {
    Builder b;
    InnovationId a = b.inn("Akar", "35.73", 2018);
    InnovationId bb = b.inn("Akar Plus", "35.07", 0);
    InnovationId c = b.inn("Akar Digital", "33.74", 0);
    b.adopt(a, "Dinas A", "35.21.02", Date{2019, 3, 0});
    b.rep(a, b.inst("Sekolah B", "school", "35.07"), Date{2020, 5, 1}, bb);
    b.adopt(a, "Dinas C", "32.04", Date{2021, 0, 0});
    b.rep(bb, b.inst("Dinas D", "dinas", "33.74"), Date{2022, 1, 1}, c);
    b.adopt(c, "Dinas E", "", Date{2023, 7, 0});
    auto ds = b.done();
    LineageGraph g(*ds);

    Lineage lin = extract_lineage(g, c);
    CHECK(lin.root == a);
    CHECK(lin.focus == c);
    CHECK(lin.nodes.size() == 6);
    CHECK(lin.edges.size() == 5);
    CHECK(lin.cycles_cut == 0);
    CHECK(lin.depth() == 3);
    CHECK(lin.layer[local_of(g, lin, c)] == 2);
    CHECK(lin.nodes[lin.focus_index] == g.node_of(c));

    LineageStats sa = g.stats(a);
    CHECK(sa.generation == 0);
    CHECK(sa.ancestors.empty());
    CHECK(sa.descendants == 5);
    CHECK(sa.derived_innovations == 2);
    CHECK(sa.generations == 3);
    CHECK(sa.adopters == 5);
    CHECK(sa.provinces == std::vector<std::string>{"32", "33", "35"});
    CHECK(sa.regencies == std::vector<std::string>{"32.04", "33.74", "35.07", "35.21"});
    CHECK(sa.first == Date{2019, 3, 0});
    CHECK(sa.last == Date{2023, 7, 0});
    LineageStats sc = g.stats(c);
    CHECK(sc.ancestors == std::vector<InnovationId>{bb, a});
    CHECK(sc.generation == 2);
    CHECK(sc.generations == 1);
    CHECK(sc.adopters == 1);
    CHECK(sc.provinces.empty());  // the one adopter is national / unknown

    LineageLayout l = layout_lineage(g, lin, {});
    CHECK_FALSE(l.dag);
    CHECK(l.items.size() == 6);
    CHECK(overlaps(l) == 0);
    // Generations run left to right; a parent is centred on its children.
    for (const auto& e : l.edges) CHECK(l.items[e.from].x < l.items[e.to].x);
    const LineageItem& root = l.items[l.item_of[0]];
    float lo = 1e9f, hi = -1e9f;
    for (const auto& e : l.edges)
        if (e.from == l.item_of[0]) lo = std::min(lo, l.items[e.to].y), hi = std::max(hi, l.items[e.to].y);
    CHECK(root.y == Approx((lo + hi) / 2));
    CHECK(same_layout(l, layout_lineage(g, lin, {})));

    LineageLayoutOptions timed;
    timed.time_axis = true;
    LineageLayout t = layout_lineage(g, lin, timed);
    CHECK(overlaps(t) == 0);
    CHECK(t.min_year == 2018);
    CHECK(t.max_year == 2023);
    CHECK(t.items[t.item_of[local_of(g, lin, a)]].x < t.items[t.item_of[local_of(g, lin, c)]].x);

    // 2020: the root, its 2019 adopter and the 2020 derived innovation; later ones hidden.
    auto vis = lineage_visible_by(g, lin, 2020);
    CHECK(count_visible(vis) == 3);
    CHECK(vis[local_of(g, lin, bb)]);
    CHECK_FALSE(vis[local_of(g, lin, c)]);
    CHECK(count_visible(lineage_visible_by(g, lin, 0)) == 6);
    CHECK(count_visible(lineage_visible_by(g, lin, 2017)) == 0);
}

TEST_CASE("program: sources and adopters meet at one program node, no invented pairs", "[lineage]") {
    Builder b;
    InnovationId p = b.inn("Sumber P", "33.29", 2019);
    InnovationId q = b.inn("Sumber Q", "33.71", 2018);
    InnovationId r = b.inn("Sumber R", "73.71", 2017);
    std::vector<InstitutionId> adopters;
    for (const char* code : {"33.16", "33.01", "33.13", "33.05"}) adopters.push_back(b.inst(std::string("Pemkab ") + code, "government", code));
    b.cohort({p, q, r}, adopters, 12, Date{2021, 11, 2});
    auto ds = b.done();
    LineageGraph g(*ds);

    Lineage lin = extract_lineage(g, p);
    CHECK(lin.nodes.size() == 8);  // P, program, Q, R, 4 adopters
    CHECK(lin.edges.size() == 7);
    int programs = 0;
    for (std::uint32_t i = 0; i < lin.nodes.size(); ++i)
        if (g.nodes()[lin.nodes[i]].kind == LineageNodeKind::program) {
            ++programs;
            CHECK(lin.layer[i] == 1);
        }
    CHECK(programs == 1);
    CHECK(lin.layer[local_of(g, lin, q)] == 0);
    for (const auto& e : lin.edges) {  // every edge goes through the program node
        const bool touches = g.nodes()[lin.nodes[e.from]].kind == LineageNodeKind::program ||
                             g.nodes()[lin.nodes[e.to]].kind == LineageNodeKind::program;
        CHECK(touches);
    }
    LineageStats s = g.stats(p);
    CHECK(s.adopters == 12);  // the cohort's published count, not the four listed
    CHECK(s.generations == 1);
    CHECK(s.descendants == 5);
    CHECK(s.provinces == std::vector<std::string>{"33"});
    CHECK(s.regencies.size() == 4);

    LineageLayout l = layout_lineage(g, lin, {});
    CHECK(l.dag);
    CHECK(l.crossings == 0);
    CHECK(overlaps(l) == 0);
    CHECK(same_layout(l, layout_lineage(g, lin, {})));
}

TEST_CASE("DAG: barycenter sweeps remove crossings the depth-first order makes", "[lineage]") {
    // Two programs whose sources come in opposite orders: X, Y feed P2; Y, X' feed P1 …
    Builder b;
    InnovationId root = b.inn("Akar", "35.73", 2015);
    std::vector<InnovationId> kids;
    for (int i = 0; i < 4; ++i) {
        kids.push_back(b.inn("Anak " + std::to_string(i), "35.73", 0));
        b.rep(root, b.inst("Pemda " + std::to_string(i), "government", "35.73"), Date{2016, 0, 0}, kids.back());
    }
    // Programs pair children far apart in depth-first order: (0,3), (1,2) reversed.
    b.cohort({kids[3], kids[0]}, {b.inst("X", "government", "33.01")}, 1, Date{2018, 0, 0});
    b.cohort({kids[2], kids[1]}, {b.inst("Y", "government", "33.02")}, 1, Date{2019, 0, 0});
    b.cohort({kids[0], kids[2]}, {b.inst("Z", "government", "33.03")}, 1, Date{2020, 0, 0});
    auto ds = b.done();
    LineageGraph g(*ds);
    Lineage lin = extract_lineage(g, root);
    CHECK(lin.nodes.size() == 1 + 4 + 3 + 3);
    LineageLayout l = layout_lineage(g, lin, {});
    CHECK(l.dag);
    CHECK(l.crossings <= 1);
    CHECK(overlaps(l) == 0);
}

TEST_CASE("a program joining members of one family: co-sources met early are still expanded", "[lineage]") {
    Builder b;
    InnovationId a = b.inn("A", "35.73", 2015);
    InnovationId bb = b.inn("B", "35.07", 0);
    InnovationId c = b.inn("C", "33.74", 0);
    b.rep(a, b.inst("Owner B", "school", "35.07"), Date{2016, 0, 0}, bb);
    b.rep(a, b.inst("Owner C", "school", "33.74"), Date{2017, 0, 0}, c);
    b.adopt(c, "Adopter of C", "32.04", Date{2019, 0, 0});
    b.cohort({bb, c}, {b.inst("Pemkab X", "government", "33.01")}, 3, Date{2018, 0, 0});
    b.cohort({a, bb}, {b.inst("Pemkab Y", "government", "33.02")}, 1, Date{2020, 0, 0});
    auto ds = b.done();
    LineageGraph g(*ds);
    Lineage lin = extract_lineage(g, a);
    // A, B, C, two programs, their two adopters, C's adopter.
    CHECK(lin.nodes.size() == 8);
    CHECK(lin.edges.size() == 9);  // A→B, A→C, C→adopter, B→K1, C→K1, K1→X, B→K2, A→K2, K2→Y: each once
    CHECK(lin.cycles_cut == 0);
    CHECK(g.stats(a).descendants + 1 == lin.nodes.size());
    // C was met as a co-source of B's program before A's own edge reached it: still expanded.
    bool c_has_child = false;
    for (const auto& e : lin.edges) c_has_child |= lin.nodes[e.from] == g.node_of(c) && g.nodes()[lin.nodes[e.to]].kind == LineageNodeKind::adopter;
    CHECK(c_has_child);
    CHECK(lin.layer[local_of(g, lin, c)] == 1);
    LineageLayout l = layout_lineage(g, lin, {});
    CHECK(l.dag);
    CHECK(overlaps(l) == 0);
    for (const auto& e : l.edges) CHECK(l.items[e.from].layer < l.items[e.to].layer);
}

TEST_CASE("a lineage cycle in bad data is cut, never followed forever", "[lineage]") {
    Builder b;
    InnovationId a = b.inn("A", "35.73", 2019);
    InnovationId c = b.inn("C", "35.73", 2020);
    b.rep(a, b.inst("Adopter C", "school", "35.73"), Date{2020, 0, 0}, c);
    b.rep(c, b.inst("Adopter A", "school", "35.73"), Date{2021, 0, 0}, a);  // A derived from C: a cycle
    b.adopt(c, "Leaf", "35.07", Date{2022, 0, 0});
    auto ds = b.done();
    LineageGraph g(*ds);
    InnovationId root = g.root_of(a);
    CHECK((root == a || root == c));
    Lineage lin = extract_lineage(g, a);
    CHECK(lin.nodes.size() == 3);
    CHECK(lin.cycles_cut == 1);
    LineageStats s = g.stats(a);
    CHECK(s.ancestors.size() == 1);
    CHECK(s.descendants == 2);
    LineageLayout l = layout_lineage(g, lin, {});
    CHECK(l.items.size() == 3);
    CHECK(overlaps(l) == 0);
    CHECK(count_visible(lineage_visible_by(g, lin, 2030)) == 3);
}

TEST_CASE("large sibling groups collapse into one expandable group node", "[lineage]") {
    Builder b;
    InnovationId a = b.inn("BREXIT", "35.73", 2023);
    for (int i = 0; i < 10; ++i)
        b.adopt(a, "UPT Puskesmas " + std::to_string(i), "35.73.0" + std::to_string(i % 5 + 1), Date{2024, 8, 15}, "health_centre");
    b.adopt(a, "Dinkes Semarang", "33.74", Date{2024, 9, 0});
    b.adopt(a, "Dinkes Brebes", "33.29", Date{2024, 10, 0});
    auto ds = b.done();
    LineageGraph g(*ds);
    Lineage lin = extract_lineage(g, a);
    REQUIRE(lin.nodes.size() == 13);
    LineageLayout l = layout_lineage(g, lin, {});
    REQUIRE(l.items.size() == 4);
    const LineageItem* group = nullptr;
    for (const auto& it : l.items)
        if (it.group) group = &it;
    REQUIRE(group);
    CHECK(group->members.size() == 10);
    CHECK(group->adopter_count == 10);
    CHECK(group->region_code == "35.73");
    CHECK(group->kind == "health_centre");
    CHECK(group->date == Date{2024, 8, 15});
    CHECK(overlaps(l) == 0);

    LineageLayoutOptions open;
    open.expanded.insert(group->group_key);
    LineageLayout e = layout_lineage(g, lin, open);
    CHECK(e.items.size() == 13);
    CHECK(overlaps(e) == 0);
    LineageLayoutOptions never;
    never.group_threshold = 0;
    CHECK(layout_lineage(g, lin, never).items.size() == 13);
}

TEST_CASE("a 1,000-node synthetic family lays out without overlaps, the same every time", "[lineage][synth]") {
    SynthOptions o;
    o.innovations = 300;
    o.replications = 600;
    o.seed = 11;
    o.family = 1000;
    auto ds = std::make_shared<const Dataset>(make_synthetic(o));
    REQUIRE(ds->meta.synthetic);
    LineageGraph g(*ds);
    Lineage lin = extract_lineage(g, InnovationId(0));
    CHECK(lin.root == InnovationId(0));
    CHECK(lin.nodes.size() >= 1000);
    CHECK(lin.depth() >= 4);
    LineageStats s = g.stats(InnovationId(0));
    CHECK(s.descendants + 1 == lin.nodes.size());
    CHECK(s.generations >= 4);

    LineageLayout l = layout_lineage(g, lin, {});
    CHECK(overlaps(l) == 0);
    int groups = 0;
    for (const auto& it : l.items) groups += it.group;
    CHECK(groups > 0);  // the bursts of adopters in one regency
    CHECK(l.items.size() < lin.nodes.size());
    CHECK(same_layout(l, layout_lineage(g, lin, {})));
    // Same options, same bundle, same layout.
    auto ds2 = std::make_shared<const Dataset>(make_synthetic(o));
    LineageGraph g2(*ds2);
    CHECK(same_layout(l, layout_lineage(g2, extract_lineage(g2, InnovationId(0)), {})));

    LineageLayoutOptions flat;
    flat.group_threshold = 0;
    LineageLayout f = layout_lineage(g, lin, flat);
    CHECK(f.items.size() == lin.nodes.size());
    CHECK(overlaps(f) == 0);
    LineageLayoutOptions timed;
    timed.time_axis = true;
    CHECK(overlaps(layout_lineage(g, lin, timed)) == 0);
    CHECK(count_visible(lineage_visible_by(g, lin, 2016)) < count_visible(lineage_visible_by(g, lin, 2025)));
}

// ---------------------------------------------------------------------------
// The seed bundle
// ---------------------------------------------------------------------------
namespace {
std::shared_ptr<const Dataset> seed() {
    static auto loaded = load_bundle_file(std::string(ATLAS_SOURCE_DIR) + "/assets/bundles/seed.json");
    REQUIRE(loaded);
    return loaded.value().dataset;
}
std::set<std::string> names_in(const LineageGraph& g, const Lineage& lin) {
    const Dataset& ds = g.dataset();
    std::set<std::string> out;
    for (std::uint32_t n : lin.nodes) {
        const LineageNode& x = g.nodes()[n];
        if (x.kind == LineageNodeKind::innovation) out.insert(ds.innovations[x.innovation.value].name);
        else if (x.kind == LineageNodeKind::adopter) out.insert(ds.institutions[x.institution.value].name);
        else out.insert("program:" + ds.events[ds.cohorts[x.cohort.value].program.value].name);
    }
    return out;
}
}  // namespace

TEST_CASE("seed: Putik Sari of Kab. Malang, replicated by kecamatan of Ngawi and Jawa Timur", "[lineage][seed]") {
    auto ds = seed();
    LineageGraph g(*ds);
    InnovationId putik = ds->find_innovation("inn-putik-sari");
    Lineage lin = extract_lineage(g, putik);
    CHECK(lin.nodes.size() == 5);
    auto names = names_in(g, lin);
    CHECK(names.count("Kecamatan se-Kabupaten Ngawi (para camat)"));
    CHECK(names.count("Kecamatan Ngrambe, Kabupaten Ngawi"));
    CHECK(names.count("Camat dari seluruh Provinsi Jawa Timur"));
    LineageStats s = g.stats(putik);
    CHECK(s.generations == 1);
    CHECK(s.derived_innovations == 0);
    CHECK(s.adopters == 4);
    CHECK(s.provinces == std::vector<std::string>{"35"});
    CHECK(s.regencies == std::vector<std::string>{"35.21"});  // Ngawi, from Kab. Malang
    CHECK(s.first == Date{2024, 8, 1});
    CHECK(s.last == Date{2024, 8, 1});
    // Before August 2024 only Putik Sari (2019) and the undated "berbagai instansi".
    CHECK(count_visible(lineage_visible_by(g, lin, 2023)) == 2);
    CHECK(overlaps(layout_lineage(g, lin, {})) == 0);
}

TEST_CASE("seed: Jarik Ma’Siti begat NASI TIGA BERAS and SIMBA ASIA (one family from any member)", "[lineage][seed]") {
    auto ds = seed();
    LineageGraph g(*ds);
    InnovationId jarik = ds->find_innovation("inn-jarik-masiti");
    InnovationId nasi = ds->find_innovation("inn-nasi-tiga-beras");
    Lineage from_root = extract_lineage(g, jarik);
    Lineage from_child = extract_lineage(g, nasi);
    CHECK(from_root.nodes == from_child.nodes);
    CHECK(from_child.root == jarik);
    CHECK(from_root.nodes.size() == 5);  // Jarik, 2 derived innovations, 2 vague groups of schools
    auto names = names_in(g, from_root);
    CHECK(names.count("NASI TIGA BERAS"));
    CHECK(names.count("SIMBA ASIA"));
    CHECK(from_child.layer[from_child.focus_index] == 1);
    LineageStats s = g.stats(jarik);
    CHECK(s.derived_innovations == 2);
    CHECK(s.descendants == 4);
    LineageStats n = g.stats(nasi);
    CHECK(n.ancestors == std::vector<InnovationId>{jarik});
    CHECK(n.generation == 1);
    CHECK(n.generations == 0);
}

TEST_CASE("seed: BREXIT's 16 Puskesmas of Kota Malang are one group adopter", "[lineage][seed]") {
    auto ds = seed();
    LineageGraph g(*ds);
    InnovationId brexit = ds->find_innovation("inn-brexit");
    Lineage lin = extract_lineage(g, brexit);
    REQUIRE(lin.nodes.size() == 2);
    const LineageNode& adopter = g.nodes()[lin.nodes[1]];
    CHECK(adopter.kind == LineageNodeKind::adopter);
    CHECK(adopter.adopter_count == 16);
    CHECK(adopter.region_code == "35.73");
    CHECK(adopter.date == Date{2024, 8, 15});
    CHECK(adopter.stage == Stage::commitment);
    // Time axis: BREXIT has no start year, so it sits just before its first dated adopter.
    LineageLayoutOptions timed;
    timed.time_axis = true;
    LineageLayout t = layout_lineage(g, lin, timed);
    CHECK(t.items[0].x + t.items[0].w < t.items[1].x);
    CHECK(t.min_year == 2024);
    CHECK(t.time_x0 > 0);
    CHECK(t.time_x0 + (7.0f / 12.0f + 14.0f / 372.0f) * timed.year_w == Approx(t.items[1].x).margin(1.0));  // 15 August 2024
    LineageStats s = g.stats(brexit);
    CHECK(s.adopters == 16);
    CHECK(s.regencies == std::vector<std::string>{"35.73"});
}

TEST_CASE("seed: Jawa Tengah 2021, six sources and twelve kab/kota through one program", "[lineage][seed]") {
    auto ds = seed();
    LineageGraph g(*ds);
    InnovationId brebes = ds->find_innovation("inn-gerakan-kembali-bersekolah-brebes");
    Lineage lin = extract_lineage(g, brebes);
    CHECK(lin.nodes.size() == 19);  // 6 sources, 1 program, 12 adopters
    auto names = names_in(g, lin);
    CHECK(names.count("Bandung Anti Kantong Plastik"));
    LineageStats s = g.stats(brebes);
    CHECK(s.adopters == 12);
    CHECK(s.provinces == std::vector<std::string>{"33"});
    CHECK(s.regencies.size() == 12);
    CHECK(s.first == Date{2021, 11, 2});
    LineageLayout l = layout_lineage(g, lin, {});
    CHECK(l.dag);
    CHECK(l.crossings == 0);
    CHECK(overlaps(l) == 0);
    // Every seed innovation's lineage lays out cleanly.
    for (std::uint32_t i = 0; i < ds->innovations.size(); ++i) {
        Lineage li = extract_lineage(g, InnovationId(i));
        CHECK(li.cycles_cut == 0);
        CHECK(overlaps(layout_lineage(g, li, {})) == 0);
    }
}
