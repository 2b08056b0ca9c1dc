// The replication graph of a Dataset, per-innovation figures, and the family of one innovation.
#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/lineage.hpp"

namespace atlas {

const char* to_string(LineageNodeKind k) noexcept {
    switch (k) {
        case LineageNodeKind::innovation: return "innovation";
        case LineageNodeKind::adopter: return "adopter";
        case LineageNodeKind::program: return "program";
    }
    return "";
}

std::string_view lineage_regency(std::string_view code) noexcept {
    return code.size() > 5 ? code.substr(0, 5) : code;
}

namespace {

std::string_view province_of(std::string_view code) noexcept { return code.substr(0, std::min<std::size_t>(2, code.size())); }

Date first_known(const std::vector<StageStep>& steps) noexcept {
    Date best;
    for (const StageStep& s : steps)
        if (s.date.known() && (!best.known() || s.date.key() < best.key())) best = s.date;
    return best;
}

// CSR adjacency from (row, item) pairs, items kept in insertion order per row.
Adjacency<std::uint32_t> build_csr(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
    Adjacency<std::uint32_t> a;
    a.offsets.assign(rows + 1, 0);
    for (const auto& [row, item] : pairs) ++a.offsets[row + 1];
    for (std::size_t r = 0; r < rows; ++r) a.offsets[r + 1] += a.offsets[r];
    a.items.resize(pairs.size());
    std::vector<std::uint32_t> fill(a.offsets.begin(), a.offsets.end() - 1);
    for (const auto& [row, item] : pairs) a.items[fill[row]++] = item;
    return a;
}

}  // namespace

// ---------------------------------------------------------------------------
// Graph
// ---------------------------------------------------------------------------
LineageGraph::LineageGraph(const Dataset& ds) : ds_(&ds) {
    const auto n_inn = static_cast<std::uint32_t>(ds.innovations.size());
    nodes_.reserve(n_inn + ds.replications.size() + ds.cohorts.size());
    for (std::uint32_t i = 0; i < n_inn; ++i) {
        const Innovation& inn = ds.innovations[i];
        LineageNode n;
        n.kind = LineageNodeKind::innovation;
        n.innovation = InnovationId(i);
        n.institution = inn.owner;
        n.region_code = inn.region_code;
        n.date = Date{inn.year_started, 0, 0};
        if (inn.derived_from && inn.derived_from.value < ds.replications.size()) {
            const Replication& r = ds.replications[inn.derived_from.value];
            n.replication = inn.derived_from;
            n.stage = r.latest_stage();
            if (Date d = r.first_date(); d.known()) n.date = d;
        }
        nodes_.push_back(n);
    }
    auto region_of = [&](std::string_view code, InstitutionId inst) -> std::string_view {
        if (!code.empty() || !inst || inst.value >= ds.institutions.size()) return code;
        return ds.institutions[inst.value].region_code;
    };
    for (std::uint32_t ri = 0; ri < ds.replications.size(); ++ri) {
        const Replication& r = ds.replications[ri];
        if (!r.source || r.source.value >= n_inn) continue;
        LineageEdge e;
        e.from = r.source.value;
        e.replication = ReplicationId(ri);
        e.program = r.program;
        e.date = r.first_date();
        if (r.derived && r.derived.value < n_inn) {
            e.to = r.derived.value;
        } else {
            LineageNode n;
            n.kind = LineageNodeKind::adopter;
            n.replication = ReplicationId(ri);
            n.institution = r.adopter;
            n.region_code = region_of(r.region_code, r.adopter);
            n.date = r.first_date();
            n.stage = r.latest_stage();
            n.adopter_count = std::max<std::uint32_t>(1, r.adopter_count);
            e.to = static_cast<std::uint32_t>(nodes_.size());
            nodes_.push_back(n);
        }
        edges_.push_back(e);
    }
    for (std::uint32_t ci = 0; ci < ds.cohorts.size(); ++ci) {
        const Cohort& c = ds.cohorts[ci];
        LineageNode p;
        p.kind = LineageNodeKind::program;
        p.cohort = CohortId(ci);
        p.date = first_known(c.stages);
        p.stage = c.latest_stage();
        p.adopter_count = std::max<std::uint32_t>(c.adopter_count, static_cast<std::uint32_t>(c.adopters.size()));
        if (c.region_codes.size() == 1) p.region_code = c.region_codes.front();
        const auto pnode = static_cast<std::uint32_t>(nodes_.size());
        nodes_.push_back(p);
        for (InnovationId src : c.innovations) {
            if (!src || src.value >= n_inn) continue;
            edges_.push_back(LineageEdge{src.value, pnode, {}, CohortId(ci), c.program, p.date});
        }
        for (std::size_t k = 0; k < c.adopters.size(); ++k) {
            LineageNode a;
            a.kind = LineageNodeKind::adopter;
            a.cohort = CohortId(ci);
            a.institution = c.adopters[k];
            a.region_code = region_of({}, c.adopters[k]);
            a.date = p.date;
            a.stage = p.stage;
            a.adopter_count = 1;
            const auto anode = static_cast<std::uint32_t>(nodes_.size());
            nodes_.push_back(a);
            edges_.push_back(LineageEdge{pnode, anode, {}, CohortId(ci), c.program, p.date});
        }
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out, in;
    out.reserve(edges_.size());
    in.reserve(edges_.size());
    for (std::uint32_t e = 0; e < edges_.size(); ++e) {
        out.emplace_back(edges_[e].from, e);
        in.emplace_back(edges_[e].to, e);
    }
    out_ = build_csr(nodes_.size(), out);
    in_ = build_csr(nodes_.size(), in);
}

InnovationId LineageGraph::root_of(InnovationId id) const {
    if (!id || id.value >= ds_->innovations.size()) return id;
    std::unordered_set<std::uint32_t> seen{id.value};
    InnovationId cur = id;
    for (;;) {
        InnovationId p = ds_->parent_of(cur);
        if (!p || p.value >= ds_->innovations.size() || !seen.insert(p.value).second) return cur;
        cur = p;
    }
}

void LineageGraph::stats_into(InnovationId id, std::vector<std::uint32_t>& mark, std::uint32_t stamp,
                              LineageStats& s) const {
    s = LineageStats{};
    if (!id || id.value >= ds_->innovations.size()) return;
    {
        std::unordered_set<std::uint32_t> seen{id.value};
        for (InnovationId p = ds_->parent_of(id); p && p.value < ds_->innovations.size() && seen.insert(p.value).second;
             p = ds_->parent_of(p))
            s.ancestors.push_back(p);
        s.generation = static_cast<int>(s.ancestors.size());
    }
    std::set<std::string_view> provinces, regencies;
    auto reach_region = [&](std::string_view code) {
        if (code.empty()) return;
        provinces.insert(province_of(code));
        if (code.size() >= 5) regencies.insert(lineage_regency(code));
    };
    auto reach_date = [&](const Date& d) {
        if (!d.known()) return;
        if (!s.first.known() || d.key() < s.first.key()) s.first = d;
        if (!s.last.known() || d.key() > s.last.key()) s.last = d;
    };
    // Breadth first, so a node's depth is its nearest generation.
    std::vector<std::pair<std::uint32_t, int>> queue{{node_of(id), 0}};
    mark[node_of(id)] = stamp;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const auto [u, depth] = queue[head];
        for (std::uint32_t ei : out_.of(u)) {
            const LineageEdge& e = edges_[ei];
            if (mark[e.to] == stamp) continue;
            mark[e.to] = stamp;
            const LineageNode& v = nodes_[e.to];
            const int d = depth + (v.kind == LineageNodeKind::program ? 0 : 1);
            queue.emplace_back(e.to, d);
            ++s.descendants;
            if (v.kind != LineageNodeKind::program) s.generations = std::max(s.generations, d);
            if (v.kind == LineageNodeKind::innovation) ++s.derived_innovations;
            if (e.replication) {
                const Replication& r = ds_->replications[e.replication.value];
                s.adopters += std::max<std::uint32_t>(1, r.adopter_count);
                std::string_view code = r.region_code;
                if (code.empty() && r.adopter && r.adopter.value < ds_->institutions.size())
                    code = ds_->institutions[r.adopter.value].region_code;
                reach_region(code);
                for (const StageStep& st : r.stages) reach_date(st.date);
            } else if (v.kind == LineageNodeKind::program) {
                const Cohort& c = ds_->cohorts[v.cohort.value];
                s.adopters += v.adopter_count;
                for (const std::string& code : c.region_codes) reach_region(code);
                for (const StageStep& st : c.stages) reach_date(st.date);
            } else if (v.kind == LineageNodeKind::adopter) {
                reach_region(v.region_code);  // a cohort's listed adopter: counted in its program's total
            }
        }
    }
    for (std::string_view p : provinces) s.provinces.emplace_back(p);
    for (std::string_view r : regencies) s.regencies.emplace_back(r);
}

LineageStats LineageGraph::stats(InnovationId id) const {
    std::vector<std::uint32_t> mark(nodes_.size(), 0);
    LineageStats s;
    stats_into(id, mark, 1, s);
    return s;
}

std::vector<LineageStats> LineageGraph::stats(std::span<const InnovationId> ids) const {
    std::vector<std::uint32_t> mark(nodes_.size(), 0);
    std::vector<LineageStats> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) stats_into(ids[i], mark, static_cast<std::uint32_t>(i + 1), out[i]);
    return out;
}

// ---------------------------------------------------------------------------
// The family of one innovation
// ---------------------------------------------------------------------------
int Lineage::depth() const noexcept {
    int d = 0;
    for (int l : layer) d = std::max(d, l);
    return d;
}

Lineage extract_lineage(const LineageGraph& g, InnovationId focus) {
    Lineage lin;
    if (!focus || focus.value >= g.dataset().innovations.size()) return lin;
    lin.focus = focus;
    constexpr std::uint32_t unseen = 0xFFFFFFFFu;
    auto walk = [&](InnovationId root) {
        lin.root = root;
        lin.nodes.clear();
        lin.edges.clear();
        lin.cycles_cut = 0;
        std::unordered_map<std::uint32_t, std::uint32_t> local;  // graph node → index in lin.nodes
        std::vector<bool> open;                                  // per local node: on the DFS path
        std::vector<bool> expanded;                              // per local node: its out-edges walked
        std::unordered_set<std::uint32_t> taken;                 // graph edges already in lin.edges
        auto take = [&](std::uint32_t from, std::uint32_t to, std::uint32_t edge) {
            if (taken.insert(edge).second) lin.edges.push_back({from, to, edge});
        };
        auto add = [&](std::uint32_t node) {
            const auto idx = static_cast<std::uint32_t>(lin.nodes.size());
            local.emplace(node, idx);
            lin.nodes.push_back(node);
            open.push_back(false);
            expanded.push_back(false);
            return idx;
        };
        struct Frame {
            std::uint32_t local, next;  // next out-edge position
        };
        std::vector<Frame> stack;
        stack.push_back({add(g.node_of(root)), 0});
        open[0] = expanded[0] = true;
        while (!stack.empty()) {
            Frame& f = stack.back();
            const std::uint32_t u = lin.nodes[f.local];
            auto outs = g.out_edges(u);
            if (f.next >= outs.size()) {
                open[f.local] = false;
                stack.pop_back();
                continue;
            }
            const std::uint32_t ei = outs[f.next++];
            const std::uint32_t v = g.edges()[ei].to;
            auto it = local.find(v);
            if (it != local.end()) {
                if (open[it->second]) {
                    ++lin.cycles_cut;  // closes a cycle: leave it out
                    continue;
                }
                take(f.local, it->second, ei);
                if (!expanded[it->second]) {  // met first as a program's co-source: a descendant after all
                    expanded[it->second] = open[it->second] = true;
                    stack.push_back({it->second, 0});
                }
                continue;
            }
            const std::uint32_t vi = add(v);
            take(f.local, vi, ei);
            if (g.nodes()[v].kind == LineageNodeKind::program) {
                // The program's other sources join as parents, not expanded (they have families of their own).
                for (std::uint32_t pe : g.in_edges(v)) {
                    const std::uint32_t s = g.edges()[pe].from;
                    if (s == u) continue;
                    // An edge into the new program node cannot close a cycle, whoever its source is.
                    auto sit = local.find(s);
                    const std::uint32_t si = sit == local.end() ? add(s) : sit->second;
                    take(si, vi, pe);
                }
            }
            open[vi] = expanded[vi] = true;
            stack.push_back({vi, 0});
        }
        return local.count(g.node_of(focus)) ? local.at(g.node_of(focus)) : unseen;
    };
    std::uint32_t fi = walk(g.root_of(focus));
    if (fi == unseen) fi = walk(focus);  // inconsistent links: show the focus's own descendants
    lin.focus_index = fi;

    // Longest-path layers over the kept edges (acyclic by construction), in Kahn order.
    const std::size_t n = lin.nodes.size();
    std::vector<std::vector<std::uint32_t>> children(n);
    std::vector<std::uint32_t> indeg(n, 0);
    for (const auto& e : lin.edges) {
        children[e.from].push_back(e.to);
        ++indeg[e.to];
    }
    std::vector<bool> has_parent(n);
    for (std::uint32_t i = 0; i < n; ++i) has_parent[i] = indeg[i] > 0;
    lin.layer.assign(n, 0);
    std::vector<std::uint32_t> order;
    order.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i)
        if (indeg[i] == 0) order.push_back(i);
    for (std::size_t h = 0; h < order.size(); ++h)
        for (std::uint32_t c : children[order[h]]) {
            lin.layer[c] = std::max(lin.layer[c], lin.layer[order[h]] + 1);
            if (--indeg[c] == 0) order.push_back(c);
        }
    // Sources other than the root (a program's co-sources) sit just before their first child.
    for (std::uint32_t i = 1; i < n; ++i) {
        if (has_parent[i] || children[i].empty()) continue;
        int m = lin.layer[children[i].front()];
        for (std::uint32_t c : children[i]) m = std::min(m, lin.layer[c]);
        lin.layer[i] = std::max(0, m - 1);
    }
    return lin;
}

}  // namespace atlas
