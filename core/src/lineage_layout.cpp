// Deterministic placement of a lineage: generations left to right.
//   tree  → a tidy layered tree (Reingold–Tilford: subtrees packed by their contours, parents
//           centred on their children);
//   DAG   → Sugiyama-style layers with barycenter sweeps to reduce crossings;
//   time  → x from the date, one row per node in depth-first order (rows never overlap).
// Large groups of sibling adopters in one regency collapse into one group item first.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "core/lineage.hpp"

namespace atlas {

namespace {

double fractional_year(const Date& d) {
    double y = d.year;
    if (d.month) y += (d.month - 1) / 12.0;
    if (d.day) y += (d.day - 1) / 372.0;
    return y;
}

struct ItemGraph {
    std::vector<std::vector<std::uint32_t>> children, parents;  // item indexes, in edge order
};

// Tidy tree. Contours are per depth (top of the highest box, bottom of the lowest) relative to
// the subtree root's top; siblings are pushed apart just enough that no depth overlaps.
void place_tree(LineageLayout& out, const ItemGraph& ig, const LineageLayoutOptions& opt) {
    const std::size_t n = out.items.size();
    using Contour = std::vector<std::pair<float, float>>;
    std::vector<Contour> contour(n + 1);
    std::vector<float> rel(n + 1, 0);  // own top relative to parent's top
    // A virtual root above every item without a parent (one in a proper tree).
    std::vector<std::vector<std::uint32_t>> kids(n + 1);
    for (std::uint32_t i = 0; i < n; ++i) {
        kids[i] = ig.children[i];
        if (ig.parents[i].empty()) kids[n].push_back(i);
    }
    // Children of a tree item are only those whose first parent it is (trees: the only one).
    for (std::uint32_t i = 0; i < n; ++i)
        std::erase_if(kids[i], [&](std::uint32_t c) { return ig.parents[c].front() != i; });
    // Post-order without recursion.
    std::vector<std::uint32_t> post;
    post.reserve(n + 1);
    {
        std::vector<std::pair<std::uint32_t, std::size_t>> st{{static_cast<std::uint32_t>(n), 0}};
        while (!st.empty()) {
            auto& [v, k] = st.back();
            if (k < kids[v].size()) {
                const std::uint32_t c = kids[v][k++];
                st.emplace_back(c, 0);
            } else {
                post.push_back(v);
                st.pop_back();
            }
        }
    }
    const float h = opt.node_h, gap = opt.sibling_gap;
    for (std::uint32_t v : post) {
        Contour merged;
        std::vector<float> offs;
        for (std::uint32_t c : kids[v]) {
            const Contour& cc = contour[c];
            float shift = 0;
            if (!offs.empty()) {
                shift = -std::numeric_limits<float>::infinity();
                const std::size_t common = std::min(merged.size(), cc.size());
                for (std::size_t d = 0; d < common; ++d) shift = std::max(shift, merged[d].second + gap - cc[d].first);
            }
            offs.push_back(shift);
            for (std::size_t d = 0; d < cc.size(); ++d) {
                const std::pair<float, float> s{cc[d].first + shift, cc[d].second + shift};
                if (d < merged.size()) merged[d] = {std::min(merged[d].first, s.first), std::max(merged[d].second, s.second)};
                else merged.push_back(s);
            }
            Contour().swap(contour[c]);
        }
        const float top = offs.empty() ? 0 : (offs.front() + offs.back()) / 2;
        Contour own;
        own.reserve(merged.size() + 1);
        own.emplace_back(0, h);
        for (const auto& m : merged) own.emplace_back(m.first - top, m.second - top);
        for (std::size_t k = 0; k < kids[v].size(); ++k) rel[kids[v][k]] = offs[k] - top;
        contour[v] = std::move(own);
    }
    // Absolute tops, pre-order from the virtual root (at -h - gap, not an item).
    std::vector<float> top(n + 1, 0);
    std::vector<std::uint32_t> st{static_cast<std::uint32_t>(n)};
    while (!st.empty()) {
        const std::uint32_t v = st.back();
        st.pop_back();
        for (std::uint32_t c : kids[v]) {
            top[c] = top[v] + rel[c];
            st.push_back(c);
        }
    }
    for (std::uint32_t i = 0; i < n; ++i) out.items[i].y = top[i];
}

int count_crossings(const std::vector<std::vector<std::uint32_t>>& layers, const std::vector<std::uint32_t>& pos,
                    const std::vector<int>& layer_of, const ItemGraph& ig) {
    int total = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> es;
    for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
        es.clear();
        for (std::uint32_t u : layers[l])
            for (std::uint32_t v : ig.children[u])
                if (layer_of[v] == static_cast<int>(l) + 1) es.emplace_back(pos[u], pos[v]);
        std::sort(es.begin(), es.end());
        for (std::size_t a = 0; a < es.size(); ++a)
            for (std::size_t b = a + 1; b < es.size(); ++b)
                if (es[b].first > es[a].first && es[b].second < es[a].second) ++total;
    }
    return total;
}

// Layered DAG: order each layer by the barycenter of its neighbours, alternating down and up
// sweeps, keeping the order with the fewest crossings; then y by parents' mean, pushed apart.
void place_layered(LineageLayout& out, const ItemGraph& ig, const LineageLayoutOptions& opt) {
    const std::size_t n = out.items.size();
    int max_layer = 0;
    std::vector<int> layer_of(n);
    for (std::uint32_t i = 0; i < n; ++i) max_layer = std::max(max_layer, layer_of[i] = out.items[i].layer);
    std::vector<std::vector<std::uint32_t>> layers(static_cast<std::size_t>(max_layer) + 1);
    for (std::uint32_t i = 0; i < n; ++i) layers[static_cast<std::size_t>(layer_of[i])].push_back(i);
    std::vector<std::uint32_t> pos(n);
    auto renumber = [&] {
        for (auto& l : layers)
            for (std::uint32_t k = 0; k < l.size(); ++k) pos[l[k]] = k;
    };
    renumber();
    auto best = layers;
    int best_cross = count_crossings(layers, pos, layer_of, ig);
    std::vector<std::pair<double, std::uint32_t>> keyed;
    for (int iter = 0; iter < 8 && best_cross > 0; ++iter) {
        const bool down = iter % 2 == 0;
        for (int step = 1; step <= max_layer; ++step) {
            const int l = down ? step : max_layer - step;
            auto& L = layers[static_cast<std::size_t>(l)];
            keyed.clear();
            for (std::uint32_t v : L) {
                const auto& nb = down ? ig.parents[v] : ig.children[v];
                double sum = 0;
                int cnt = 0;
                for (std::uint32_t u : nb) {
                    sum += pos[u];
                    ++cnt;
                }
                keyed.emplace_back(cnt ? sum / cnt : static_cast<double>(pos[v]), v);
            }
            std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t k = 0; k < L.size(); ++k) L[k] = keyed[k].second;
            for (std::uint32_t k = 0; k < L.size(); ++k) pos[L[k]] = k;
        }
        const int c = count_crossings(layers, pos, layer_of, ig);
        if (c < best_cross) {
            best_cross = c;
            best = layers;
        }
    }
    layers = std::move(best);
    renumber();
    out.crossings = best_cross;
    const float step = opt.node_h + opt.sibling_gap;
    for (const auto& L : layers) {
        float prev = -std::numeric_limits<float>::infinity();
        for (std::uint32_t v : L) {
            float want = static_cast<float>(pos[v]) * step;
            if (!ig.parents[v].empty()) {
                float sum = 0;
                for (std::uint32_t u : ig.parents[v]) sum += out.items[u].y;
                want = sum / static_cast<float>(ig.parents[v].size());
            }
            out.items[v].y = std::max(want, prev + step);
            prev = out.items[v].y;
        }
    }
}

}  // namespace

LineageLayout layout_lineage(const LineageGraph& g, const Lineage& lin, const LineageLayoutOptions& opt) {
    LineageLayout out;
    const std::size_t n = lin.nodes.size();
    if (n == 0) return out;
    const Dataset& ds = g.dataset();
    auto gnode = [&](std::uint32_t i) -> const LineageNode& { return g.nodes()[lin.nodes[i]]; };

    // ---- groups of sibling adopter leaves (same parent, same regency) ----
    std::vector<std::uint32_t> parent_count(n, 0), child_count(n, 0), first_parent(n, 0);
    for (const auto& e : lin.edges) {
        if (parent_count[e.to]++ == 0) first_parent[e.to] = e.from;
        ++child_count[e.from];
    }
    std::map<std::string, std::vector<std::uint32_t>> groups;
    auto group_key = [&](std::uint32_t i) {
        return std::to_string(lin.nodes[first_parent[i]]) + "/" + std::string(lineage_regency(gnode(i).region_code));
    };
    auto groupable = [&](std::uint32_t i) {
        return gnode(i).kind == LineageNodeKind::adopter && parent_count[i] == 1 && child_count[i] == 0 && i != lin.focus_index;
    };
    if (opt.group_threshold > 0)
        for (std::uint32_t i = 0; i < n; ++i)
            if (groupable(i)) groups[group_key(i)].push_back(i);
    out.item_of.assign(n, 0);
    std::map<std::string, std::uint32_t> group_item;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (opt.group_threshold > 0 && groupable(i)) {
            std::string key = group_key(i);
            const auto& members = groups[key];
            if (members.size() > static_cast<std::size_t>(opt.group_threshold) && !opt.expanded.count(key)) {
                auto [it, fresh] = group_item.emplace(key, static_cast<std::uint32_t>(out.items.size()));
                if (fresh) {
                    LineageItem item;
                    item.group = true;
                    item.members = members;
                    item.group_key = key;
                    item.region_code = lineage_regency(gnode(i).region_code);
                    item.layer = lin.layer[i];
                    bool same_kind = true;
                    std::string_view kind;
                    for (std::uint32_t m : members) {
                        const LineageNode& ln = gnode(m);
                        item.adopter_count += ln.adopter_count;
                        if (ln.date.known() && (!item.date.known() || ln.date.key() < item.date.key())) item.date = ln.date;
                        std::string_view k = ln.institution && ln.institution.value < ds.institutions.size()
                                                 ? std::string_view(ds.institutions[ln.institution.value].kind)
                                                 : std::string_view();
                        if (m == members.front()) kind = k;
                        else same_kind &= k == kind;
                    }
                    item.kind = same_kind ? kind : std::string_view();
                    out.items.push_back(std::move(item));
                }
                out.item_of[i] = it->second;
                continue;
            }
        }
        LineageItem item;
        item.members = {i};
        item.layer = lin.layer[i];
        item.date = gnode(i).date;
        item.region_code = gnode(i).region_code;
        out.item_of[i] = static_cast<std::uint32_t>(out.items.size());
        out.items.push_back(std::move(item));
    }

    // ---- item edges (one per item pair, counting the edges it stands for) ----
    const std::size_t m = out.items.size();
    ItemGraph ig;
    ig.children.resize(m);
    ig.parents.resize(m);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> seen;
    for (const auto& e : lin.edges) {
        const std::uint32_t a = out.item_of[e.from], b = out.item_of[e.to];
        if (a == b) continue;
        auto [it, fresh] = seen.emplace(std::make_pair(a, b), static_cast<std::uint32_t>(out.edges.size()));
        if (!fresh) {
            ++out.edges[it->second].count;
            continue;
        }
        out.edges.push_back({a, b, e.edge, 1});
        ig.children[a].push_back(b);
        ig.parents[b].push_back(a);
    }
    for (std::uint32_t i = 0; i < m; ++i) out.dag |= ig.parents[i].size() > 1;

    for (auto& it : out.items) {
        it.w = opt.node_w;
        it.h = opt.node_h;
    }
    if (opt.time_axis) {
        // Rows in depth-first order (items were made in that order); x from the date.
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const auto& it : out.items)
            if (it.date.known()) {
                lo = std::min(lo, static_cast<double>(it.date.year));
                hi = std::max(hi, static_cast<double>(it.date.year));
            }
        if (lo > hi) lo = hi = 0;
        out.min_year = static_cast<int>(lo);
        out.max_year = static_cast<int>(hi);
        std::vector<bool> placed(m, false);
        for (std::uint32_t i = 0; i < m; ++i) {
            LineageItem& it = out.items[i];
            it.y = static_cast<float>(i) * (opt.node_h + opt.sibling_gap);
            if (it.date.known()) it.x = static_cast<float>((fractional_year(it.date) - lo) * opt.year_w), placed[i] = true;
        }
        // Undated items: just after their parent; an undated source just before its first dated child.
        for (std::uint32_t i = 0; i < m; ++i) {
            if (placed[i]) continue;
            LineageItem& it = out.items[i];
            if (!ig.parents[i].empty()) {
                it.x = out.items[ig.parents[i].front()].x + opt.node_w * 0.25f;
            } else {
                float first = std::numeric_limits<float>::infinity();
                for (std::uint32_t c : ig.children[i])
                    if (placed[c]) first = std::min(first, out.items[c].x);
                it.x = std::isfinite(first) ? first - opt.node_w - opt.layer_gap / 2 : 0;
            }
            placed[i] = true;
        }
    } else {
        for (auto& it : out.items) it.x = static_cast<float>(it.layer) * (opt.node_w + opt.layer_gap);
        if (out.dag) place_layered(out, ig, opt);
        else place_tree(out, ig, opt);
    }
    float min_x = std::numeric_limits<float>::infinity(), min_y = min_x;
    for (const auto& it : out.items) {
        min_x = std::min(min_x, it.x);
        min_y = std::min(min_y, it.y);
    }
    if (opt.time_axis) out.time_x0 = -min_x;
    for (auto& it : out.items) {
        it.x -= min_x;
        it.y -= min_y;
        out.width = std::max(out.width, it.x + it.w);
        out.height = std::max(out.height, it.y + it.h);
    }
    return out;
}

std::vector<bool> lineage_visible_by(const LineageGraph& g, const Lineage& lin, int year) {
    const std::size_t n = lin.nodes.size();
    std::vector<bool> vis(n, true);
    if (year <= 0) return vis;
    std::vector<std::vector<std::uint32_t>> parents(n);
    std::vector<std::uint32_t> indeg(n, 0);
    std::vector<std::vector<std::uint32_t>> children(n);
    for (const auto& e : lin.edges) {
        parents[e.to].push_back(e.from);
        children[e.from].push_back(e.to);
        ++indeg[e.to];
    }
    // Topological order so every parent is decided first (edges form a DAG).
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < n; ++i)
        if (!indeg[i]) order.push_back(i);
    for (std::size_t h = 0; h < order.size(); ++h)
        for (std::uint32_t c : children[order[h]])
            if (--indeg[c] == 0) order.push_back(c);
    for (std::uint32_t i : order) {
        const Date& d = g.nodes()[lin.nodes[i]].date;
        bool v = !d.known() || d.year <= year;
        if (v && !parents[i].empty()) {
            bool any = false;
            for (std::uint32_t p : parents[i]) any |= vis[p];
            v = any;
        }
        vis[i] = v;
    }
    return vis;
}

}  // namespace atlas
