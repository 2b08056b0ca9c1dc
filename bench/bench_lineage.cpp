// `atlas_bench lineage [--nodes N] [--runs K]`: figures for the lineage core on a synthetic
// family of N nodes (SynthOptions::family): graph build, family extraction, figures, and the
// layout in its three modes (tidy tree / layered DAG with groups, every node, time axis).
// Prints a table and one JSON line; timings are reported, never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/lineage.hpp"
#include "core/synth.hpp"

using namespace atlas;

namespace {
using Clock = std::chrono::steady_clock;

template <class F>
std::pair<double, double> time_ms(int runs, F&& f) {  // median, max
    std::vector<double> v;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        f();
        v.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.back()};
}
}  // namespace

int run_lineage_bench(int argc, char** argv) {
    std::uint32_t nodes = 1000;
    int runs = 21;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const long v = std::strtol(argv[i + 1], nullptr, 10);
        if (a == "--nodes" && v > 1 && v <= 1'000'000) nodes = static_cast<std::uint32_t>(v);
        else if (a == "--runs" && v > 0 && v <= 10'000) runs = static_cast<int>(v);
        else {
            std::fprintf(stderr, "usage: atlas_bench lineage [--nodes N] [--runs K]\n");
            return 2;
        }
    }
    SynthOptions o;
    o.innovations = 2000;
    o.replications = 6000;
    o.seed = 42;
    o.family = nodes;
    const Dataset ds = make_synthetic(o);
    auto [build_ms, build_max] = time_ms(5, [&] { LineageGraph g(ds); });
    const LineageGraph g(ds);
    Lineage lin;
    auto [extract_ms, extract_max] = time_ms(runs, [&] { lin = extract_lineage(g, InnovationId(0)); });
    auto [stats_ms, stats_max] = time_ms(runs, [&] { (void)g.stats(InnovationId(0)); });
    LineageLayout l;
    auto [grouped_ms, grouped_max] = time_ms(runs, [&] { l = layout_lineage(g, lin, {}); });
    const std::size_t grouped_items = l.items.size();
    const bool dag = l.dag;
    LineageLayoutOptions flat;
    flat.group_threshold = 0;
    auto [flat_ms, flat_max] = time_ms(runs, [&] { l = layout_lineage(g, lin, flat); });
    const std::size_t flat_items = l.items.size();
    LineageLayoutOptions timed;
    timed.time_axis = true;
    auto [time_ms_, time_max] = time_ms(runs, [&] { l = layout_lineage(g, lin, timed); });
    // The same family made a DAG: 20 programs, each taking up 3 of the family's innovations
    // (every 7th, 11th, 13th from a rotating start) with 5 adopters, so program nodes have
    // several parents inside the family and the layout goes through the layered path.
    Dataset dag_ds = ds;
    {
        std::vector<InnovationId> members;
        for (std::uint32_t n : lin.nodes)
            if (g.nodes()[n].kind == LineageNodeKind::innovation) members.push_back(g.nodes()[n].innovation);
        for (std::uint32_t k = 0; k < 20 && members.size() > 3; ++k) {
            Event e;
            e.id = "bench-evt-" + std::to_string(k);
            e.name = "Program uji " + std::to_string(k);
            e.kind = "program";
            dag_ds.events.push_back(e);
            Cohort c;
            c.id = "bench-coh-" + std::to_string(k);
            c.program = EventId(static_cast<std::uint32_t>(dag_ds.events.size() - 1));
            for (std::uint32_t step : {7u, 11u, 13u}) {
                const InnovationId m = members[(k * step + step) % members.size()];
                if (std::find(c.innovations.begin(), c.innovations.end(), m) == c.innovations.end()) c.innovations.push_back(m);
            }
            for (std::uint32_t a = 0; a < 5; ++a) c.adopters.push_back(InstitutionId((k * 5 + a) % static_cast<std::uint32_t>(dag_ds.institutions.size())));
            c.adopter_count = 5;
            c.stages.push_back(StageStep{Stage::commitment, Date{2024, 1, 1}, c.program});
            dag_ds.cohorts.push_back(std::move(c));
        }
        dag_ds.build_relations();
    }
    const LineageGraph dag_g(dag_ds);
    const Lineage dag_lin = extract_lineage(dag_g, InnovationId(0));
    LineageLayout dl;
    auto [dag_ms, dag_max] = time_ms(runs, [&] { dl = layout_lineage(dag_g, dag_lin, flat); });
    std::printf("  DAG (%zu nodes, %s): layered layout, every node %8.3f ms (max %.3f), %d crossings left\n", dag_lin.nodes.size(),
                dl.dag ? "layered" : "tree?", dag_ms, dag_max, dl.crossings);

    std::vector<InnovationId> all(ds.innovations.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = InnovationId(i);
    auto [rank_ms, rank_max] = time_ms(3, [&] { (void)g.stats(all); });

    std::printf("lineage of a synthetic family (%s; %zu innovations in the bundle)\n", dag ? "DAG" : "tree", ds.innovations.size());
    std::printf("  family nodes           %zu (depth %d)\n", lin.nodes.size(), lin.depth());
    std::printf("  graph build (bundle)   %8.2f ms (max %.2f)\n", build_ms, build_max);
    std::printf("  extract family         %8.3f ms (max %.3f)\n", extract_ms, extract_max);
    std::printf("  figures of the root    %8.3f ms (max %.3f)\n", stats_ms, stats_max);
    std::printf("  layout, groups         %8.3f ms (max %.3f), %zu items\n", grouped_ms, grouped_max, grouped_items);
    std::printf("  layout, every node     %8.3f ms (max %.3f), %zu items\n", flat_ms, flat_max, flat_items);
    std::printf("  layout, time axis      %8.3f ms (max %.3f)\n", time_ms_, time_max);
    std::printf("  figures, all %zu      %8.2f ms (max %.2f)\n", all.size(), rank_ms, rank_max);
    std::printf("{\"lineage_nodes\":%zu,\"depth\":%d,\"graph_build_ms\":%.3f,\"extract_ms\":%.3f,\"stats_ms\":%.3f,"
                "\"layout_grouped_ms\":%.3f,\"layout_all_nodes_ms\":%.3f,\"layout_time_axis_ms\":%.3f,\"ranking_all_ms\":%.3f,"
                "\"dag_nodes\":%zu,\"layout_dag_ms\":%.3f,\"dag_crossings\":%d}\n",
                lin.nodes.size(), lin.depth(), build_ms, extract_ms, stats_ms, grouped_ms, flat_ms, time_ms_, rank_ms,
                dag_lin.nodes.size(), dag_ms, dl.crossings);
    return 0;
}
