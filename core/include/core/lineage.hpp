// Lineage: who replicated what from whom, across generations, regions and time.
//
// LineageGraph is the replication graph of a whole Dataset, built once:
//   - one node per innovation;
//   - one adopter node per replication whose adopter did not make a named innovation of it
//     (a replication with `derived` is an edge from its source to that derived innovation);
//   - one program node per cohort, between the cohort's source innovations and its listed
//     adopters (pairing unknown: never invented pairs), each adopter one node.
// Lineage is the family of one innovation (its root ancestor and everything grown from it),
// and layout_lineage() places a Lineage deterministically for drawing.
// Every walk is iterative with visited marks, so bad data with cycles cannot hang it.
#pragma once
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"

namespace atlas {

enum class LineageNodeKind : std::uint8_t { innovation, adopter, program };
const char* to_string(LineageNodeKind k) noexcept;  // "innovation", "adopter", "program"

struct LineageNode {
    LineageNodeKind kind = LineageNodeKind::innovation;
    InnovationId innovation;    // innovation nodes
    ReplicationId replication;  // adopter nodes of a replication; for a derived innovation, the replication it grew from
    CohortId cohort;            // program nodes, and adopter nodes listed by a cohort
    InstitutionId institution;  // adopter nodes: who adopted; innovation nodes: the owner
    std::string_view region_code;  // where it is ("" = national or unknown)
    Date date;                     // first dated step of its replication / cohort, else the year started
    Stage stage = Stage::implemented;  // furthest stage of its replication or cohort
    std::uint32_t adopter_count = 0;   // adopters this node stands for (adopter and program nodes)
};

struct LineageEdge {
    std::uint32_t from = 0, to = 0;  // node indexes
    ReplicationId replication;       // the replication this edge is (pair edges)
    CohortId cohort;                 // the cohort this edge belongs to (program edges)
    EventId program;                 // the program event, if any
    Date date;                       // first dated step
};

// Figures for one innovation (the numbers a ranking compares).
struct LineageStats {
    std::vector<InnovationId> ancestors;  // nearest first, up to the root
    std::uint32_t descendants = 0;        // nodes reachable from it (itself excluded)
    std::uint32_t derived_innovations = 0;  // innovations among them
    int generation = 0;   // its own depth: number of ancestors
    int generations = 0;  // adoption generations below it (0: never replicated); program nodes do not count
    std::uint64_t adopters = 0;  // sum of adopter counts of every replication and cohort reached
    std::vector<std::string> provinces;  // codes reached by adopters, sorted
    std::vector<std::string> regencies;  // regency codes reached by adopters, sorted
    Date first, last;                    // earliest and latest dated step reached (unknown: year 0)
};

class LineageGraph {
public:
    explicit LineageGraph(const Dataset& ds);

    const Dataset& dataset() const noexcept { return *ds_; }
    std::span<const LineageNode> nodes() const noexcept { return nodes_; }
    std::span<const LineageEdge> edges() const noexcept { return edges_; }
    std::span<const std::uint32_t> out_edges(std::uint32_t node) const noexcept { return out_.of(node); }
    std::span<const std::uint32_t> in_edges(std::uint32_t node) const noexcept { return in_.of(node); }
    // Innovation nodes come first: node i is innovation i.
    std::uint32_t node_of(InnovationId id) const noexcept { return id.value; }

    // Root ancestor through `derived_from` links (itself when it has none); stops at a cycle.
    InnovationId root_of(InnovationId id) const;
    LineageStats stats(InnovationId id) const;
    // Stats for many innovations, sharing one visited table (the ranking of a whole result).
    std::vector<LineageStats> stats(std::span<const InnovationId> ids) const;

private:
    const Dataset* ds_;
    std::vector<LineageNode> nodes_;
    std::vector<LineageEdge> edges_;
    Adjacency<std::uint32_t> out_, in_;
    void stats_into(InnovationId id, std::vector<std::uint32_t>& mark, std::uint32_t stamp, LineageStats& s) const;
};

// The family of one innovation: its root ancestor, every node grown from the root, and the
// co-sources of the programs reached (drawn as parents of the program node, not expanded).
struct Lineage {
    InnovationId root, focus;
    std::vector<std::uint32_t> nodes;  // graph node indexes, depth-first from the root (children in data order)
    struct Edge {
        std::uint32_t from, to;  // indexes into `nodes`
        std::uint32_t edge;      // graph edge index
    };
    std::vector<Edge> edges;
    std::vector<int> layer;        // per node: longest path from a source of the family
    std::uint32_t focus_index = 0;  // index of `focus` in nodes
    std::uint32_t cycles_cut = 0;   // edges left out because they closed a cycle (bad data)
    int depth() const noexcept;     // deepest layer
};

Lineage extract_lineage(const LineageGraph& g, InnovationId focus);

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------
struct LineageLayoutOptions {
    float node_w = 180, node_h = 40;  // box of one node
    float layer_gap = 70;             // between layers (horizontal)
    float sibling_gap = 12;           // between boxes of one column / of neighbouring subtrees
    bool time_axis = false;           // x from the date; every node its own row
    float year_w = 260;               // time axis: width of one year
    // Adopter leaves sharing parent and regency collapse into one group node when more than
    // this many (0: never), unless their group key is in `expanded`.
    int group_threshold = 6;
    std::set<std::string> expanded;
};

struct LineageItem {
    bool group = false;
    std::vector<std::uint32_t> members;  // indexes into Lineage::nodes (one unless a group)
    std::string group_key;               // groups: what `expanded` names
    std::string_view region_code;        // groups: the shared regency ("" = national/unknown)
    std::string_view kind;               // groups: the members' institution kind if all share it, else ""
    std::uint32_t adopter_count = 0;     // groups: sum of the members' adopter counts
    int layer = 0;
    Date date;                // groups: earliest member date
    float x = 0, y = 0, w = 0, h = 0;
};

struct LineageLayout {
    std::vector<LineageItem> items;
    struct Edge {
        std::uint32_t from, to;  // item indexes
        std::uint32_t edge;      // a graph edge it stands for (the first)
        std::uint32_t count;     // how many edges it stands for
    };
    std::vector<Edge> edges;
    std::vector<std::uint32_t> item_of;  // per Lineage node: its item
    float width = 0, height = 0;
    bool dag = false;       // laid out as a layered DAG (some node has several parents)
    int crossings = 0;      // edge crossings between neighbouring layers (layered mode)
    int min_year = 0, max_year = 0;  // time axis range (0 when no date)
    float time_x0 = 0;               // time axis: x of 1 January of min_year
};

LineageLayout layout_lineage(const LineageGraph& g, const Lineage& lin, const LineageLayoutOptions& opt);

// Whether a node of the lineage happened by `year` (0: always): dated ones by their date,
// undated ones when their parent did. Per Lineage node, parents before children.
std::vector<bool> lineage_visible_by(const LineageGraph& g, const Lineage& lin, int year);

// Regency code ("35.73") of a region code, the province for a province code, "" for national.
std::string_view lineage_regency(std::string_view region_code) noexcept;

}  // namespace atlas
