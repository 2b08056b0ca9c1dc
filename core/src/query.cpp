#include "core/query.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <unordered_map>

#include "core/regions.hpp"
#include "core/text.hpp"

namespace atlas {

namespace {
constexpr const char* facet_names[facet_count] = {"year", "competition", "tier", "province", "regency",
                                                  "sector", "stage", "replicated", "confidence"};
constexpr const char* sort_names[sort_column_count] = {"name", "owner", "region", "province", "year", "tier",
                                                       "sector", "replications", "adopters", "confidence",
                                                       "year_started"};
constexpr std::string_view national_value = "national";
constexpr std::uint16_t search_bit = 1u << facet_count;

// "Top 9" → 9, "Top 45" → 45; other labels sort after numbered tiers.
int tier_rank(std::string_view tier) {
    std::string f = text::fold(tier);
    auto p = f.find("top ");
    if (p == std::string::npos) return 10000;
    int n = 0;
    std::size_t i = p + 4;
    bool any = false;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        n = n * 10 + (f[i] - '0');
        any = true;
        ++i;
        if (n > 9999) break;
    }
    return any ? n : 10000;
}
}  // namespace

const char* to_string(Facet f) noexcept { return facet_names[static_cast<int>(f)]; }
std::optional<Facet> parse_facet(std::string_view s) noexcept {
    for (int i = 0; i < facet_count; ++i)
        if (s == facet_names[i]) return static_cast<Facet>(i);
    return std::nullopt;
}
const char* to_string(SortColumn c) noexcept { return sort_names[static_cast<int>(c)]; }
std::optional<SortColumn> parse_sort_column(std::string_view s) noexcept {
    for (int i = 0; i < sort_column_count; ++i)
        if (s == sort_names[i]) return static_cast<SortColumn>(i);
    return std::nullopt;
}

bool Query::has_filters() const noexcept {
    if (!text::trim(search).empty()) return true;
    return std::any_of(facets.begin(), facets.end(), [](const auto& v) { return !v.empty(); });
}
void Query::clear() {
    search.clear();
    for (auto& f : facets) f.clear();
}

// ===========================================================================
// Building the index
// ===========================================================================
Catalog::Catalog(std::shared_ptr<const Dataset> data) : data_(std::move(data)) {
    const Dataset& ds = *data_;
    const std::size_t n = ds.innovations.size();
    const RegionTable& regions = RegionTable::embedded();
    repl_count_.assign(n, 0);
    adopter_count_.assign(n, 0);
    latest_year_.assign(n, 0);
    region_name_.assign(n, {});
    for (std::uint32_t i = 0; i < n; ++i) {
        for (ReplicationId r : ds.replications_of.of(i)) {
            ++repl_count_[i];
            adopter_count_[i] += ds.replications[r.value].adopter_count;
        }
        for (CohortId c : ds.cohorts_of.of(i)) {
            ++repl_count_[i];
            // A cohort's adopters took one or more of its sources: count them as possible adopters.
            const Cohort& co = ds.cohorts[c.value];
            adopter_count_[i] += co.adopter_count ? co.adopter_count : static_cast<std::uint32_t>(co.adopters.size());
        }
        for (AwardId a : ds.awards_of.of(i)) latest_year_[i] = std::max(latest_year_[i], ds.awards[a.value].year);
        const std::string& code = ds.innovations[i].region_code;
        std::string_view reg = RegionTable::regency_code(code);
        const Region* r = regions.find(reg.empty() ? std::string_view(code) : reg);
        if (r) region_name_[i] = r->name;
    }
    build_facets();
    build_search();
    build_orders();
}

std::string_view Catalog::province_code(InnovationId i) const noexcept {
    return RegionTable::province_code(data_->innovations[i.value].region_code);
}
std::string_view Catalog::region_name(InnovationId i) const noexcept { return region_name_[i.value]; }

void Catalog::build_facets() {
    const Dataset& ds = *data_;
    const std::size_t n = ds.innovations.size();
    const RegionTable& regions = RegionTable::embedded();

    for (int f = 0; f < facet_count; ++f) {
        std::unordered_map<std::string, std::uint32_t> dict;
        std::vector<std::string> values;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // row, value (unsorted dictionary)
        auto add = [&](std::uint32_t row, std::string_view v) {
            if (v.empty()) return;
            auto [it, inserted] = dict.emplace(std::string(v), static_cast<std::uint32_t>(values.size()));
            if (inserted) values.emplace_back(v);
            for (auto p = pairs.rbegin(); p != pairs.rend() && p->first == row; ++p)
                if (p->second == it->second) return;  // already listed for this row
            pairs.emplace_back(row, it->second);
        };
        const auto facet = static_cast<Facet>(f);
        for (std::uint32_t i = 0; i < n; ++i) {
            const Innovation& inn = ds.innovations[i];
            switch (facet) {
                case Facet::year:
                    for (AwardId a : ds.awards_of.of(i))
                        if (ds.awards[a.value].year) add(i, std::to_string(ds.awards[a.value].year));
                    break;
                case Facet::competition:
                    for (AwardId a : ds.awards_of.of(i)) add(i, ds.awards[a.value].competition);
                    break;
                case Facet::tier:
                    for (AwardId a : ds.awards_of.of(i)) add(i, ds.awards[a.value].tier);
                    break;
                case Facet::province: {
                    std::string_view p = RegionTable::province_code(inn.region_code);
                    add(i, p.empty() ? national_value : p);
                    break;
                }
                case Facet::regency: add(i, RegionTable::regency_code(inn.region_code)); break;
                case Facet::sector: add(i, inn.sector); break;
                case Facet::stage:
                    for (ReplicationId r : ds.replications_of.of(i)) add(i, to_string(ds.replications[r.value].latest_stage()));
                    for (CohortId c : ds.cohorts_of.of(i)) add(i, to_string(ds.cohorts[c.value].latest_stage()));
                    break;
                case Facet::replicated: add(i, repl_count_[i] ? "yes" : "no"); break;
                case Facet::confidence:
                    add(i, inn.confidence == Confidence::unspecified ? "unspecified" : to_string(inn.confidence));
                    break;
            }
        }
        // Display order of the dictionary.
        std::vector<std::uint32_t> order(values.size());
        std::iota(order.begin(), order.end(), 0u);
        auto rank_of = [&](const std::string& v) -> int {
            switch (facet) {
                case Facet::stage: return static_cast<int>(parse_stage(v).value_or(Stage::interest));
                case Facet::confidence: return v == "high" ? 0 : v == "medium" ? 1 : v == "low" ? 2 : 3;
                case Facet::replicated: return v == "yes" ? 0 : 1;
                case Facet::tier: return tier_rank(v);
                case Facet::province: return v == national_value ? 1 : 0;
                default: return 0;
            }
        };
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            int ra = rank_of(values[a]), rb = rank_of(values[b]);
            if (ra != rb) return ra < rb;
            if (facet == Facet::year) return values[a] > values[b];  // newest first
            if (facet == Facet::competition || facet == Facet::sector) {
                std::string fa = text::fold(values[a]), fb = text::fold(values[b]);
                if (fa != fb) return fa < fb;
            }
            return values[a] < values[b];
        });
        std::vector<std::uint32_t> remap(values.size());
        auto& vals = values_[f];
        auto& labels = labels_[f];
        vals.clear();
        labels.clear();
        for (std::uint32_t k = 0; k < order.size(); ++k) {
            remap[order[k]] = k;
            vals.push_back(values[order[k]]);
            std::string label = values[order[k]];
            if (facet == Facet::province || facet == Facet::regency) {
                if (label == national_value) label = "Pusat / nasional";
                else if (const Region* r = regions.find(label)) label = std::string(r->name);
            }
            labels.push_back(std::move(label));
        }
        // CSR by row (pairs are already grouped by row in increasing order).
        auto& off = row_offsets_[f];
        auto& rv = row_values_[f];
        off.assign(n + 1, 0);
        rv.resize(pairs.size());
        for (auto& [row, v] : pairs) ++off[row + 1];
        for (std::size_t r = 0; r < n; ++r) off[r + 1] += off[r];
        for (std::size_t k = 0; k < pairs.size(); ++k) rv[k] = remap[pairs[k].second];
    }
}

void Catalog::build_search() {
    const Dataset& ds = *data_;
    const RegionTable& regions = RegionTable::embedded();
    hay_.clear();
    hay_offsets_.assign(1, 0);
    hay_.reserve(ds.innovations.size() * 96);
    auto region_name = [&](std::string_view code) -> std::string_view {
        const Region* r = regions.find(code);
        return r ? r->name : std::string_view();
    };
    for (const Innovation& inn : ds.innovations) {
        auto field = [&](std::string_view s) {
            if (s.empty()) return;
            text::fold_append(s, hay_);
            hay_ += '\n';  // a separator no folded token contains: matches never span two fields
        };
        field(inn.name);
        field(inn.acronym_expansion);
        if (inn.owner) field(ds.institutions[inn.owner.value].name);
        if (inn.unit) field(ds.institutions[inn.unit.value].name);
        const std::string& code = inn.region_code;
        if (code.size() > 5) field(region_name(code));  // kecamatan
        field(region_name(RegionTable::regency_code(code)));
        field(region_name(RegionTable::province_code(code)));
        hay_offsets_.push_back(static_cast<std::uint32_t>(hay_.size()));
    }
}

void Catalog::build_orders() {
    const Dataset& ds = *data_;
    const std::size_t n = ds.innovations.size();
    std::vector<std::string> folded_name(n);
    for (std::size_t i = 0; i < n; ++i) folded_name[i] = text::fold(ds.innovations[i].name);
    std::vector<std::uint32_t> base(n);
    std::iota(base.begin(), base.end(), 0u);
    // Name order is the tie-break of every other order.
    std::sort(base.begin(), base.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (folded_name[a] != folded_name[b]) return folded_name[a] < folded_name[b];
        return ds.innovations[a].id < ds.innovations[b].id;
    });
    order_[static_cast<int>(SortColumn::name)] = base;

    auto by_string = [&](SortColumn col, auto key_of) {
        std::vector<std::string> key(n);
        for (std::size_t i = 0; i < n; ++i) key[i] = text::fold(key_of(static_cast<std::uint32_t>(i)));
        auto& o = order_[static_cast<int>(col)];
        o = base;
        // Empty values go last.
        std::stable_sort(o.begin(), o.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (key[a].empty() != key[b].empty()) return key[b].empty();
            return key[a] < key[b];
        });
    };
    auto by_number = [&](SortColumn col, auto key_of) {
        std::vector<std::int64_t> key(n);
        for (std::size_t i = 0; i < n; ++i) key[i] = key_of(static_cast<std::uint32_t>(i));
        auto& o = order_[static_cast<int>(col)];
        o = base;
        std::stable_sort(o.begin(), o.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
    };
    by_string(SortColumn::owner, [&](std::uint32_t i) -> std::string_view {
        InstitutionId o = ds.innovations[i].owner;
        return o ? std::string_view(ds.institutions[o.value].name) : std::string_view();
    });
    by_string(SortColumn::region, [&](std::uint32_t i) { return region_name_[i]; });
    by_string(SortColumn::province, [&](std::uint32_t i) { return RegionTable::province_code(ds.innovations[i].region_code); });
    by_number(SortColumn::year, [&](std::uint32_t i) { return latest_year_[i]; });
    by_number(SortColumn::tier, [&](std::uint32_t i) {
        int best = 20000;  // no award at all sorts after every tier
        for (AwardId a : ds.awards_of.of(i)) best = std::min(best, tier_rank(ds.awards[a.value].tier));
        return best;
    });
    by_string(SortColumn::sector, [&](std::uint32_t i) -> std::string_view { return ds.innovations[i].sector; });
    by_number(SortColumn::replications, [&](std::uint32_t i) { return repl_count_[i]; });
    by_number(SortColumn::adopters, [&](std::uint32_t i) { return adopter_count_[i]; });
    by_number(SortColumn::confidence, [&](std::uint32_t i) { return static_cast<int>(ds.innovations[i].confidence); });
    by_number(SortColumn::year_started, [&](std::uint32_t i) { return ds.innovations[i].year_started; });
}

std::string_view Catalog::facet_label(Facet f, std::uint32_t value) const noexcept {
    const auto& l = labels_[static_cast<int>(f)];
    return value < l.size() ? std::string_view(l[value]) : std::string_view();
}

std::optional<std::uint32_t> Catalog::facet_value_index(Facet f, std::string_view value) const noexcept {
    const auto& v = values_[static_cast<int>(f)];
    for (std::uint32_t i = 0; i < v.size(); ++i)
        if (v[i] == value) return i;
    return std::nullopt;
}

// ===========================================================================
// One run: a single pass computes every row's failing filters; rows failing none are the
// result, rows failing exactly one facet count towards that facet's values.
// ===========================================================================
void Catalog::run(const Query& q, QueryResult& out) const {
    const std::uint32_t n = static_cast<std::uint32_t>(size());
    out.fail_mask.assign(n, 0);

    // Text search, narrowing the previous hits when the text only grew at the end.
    out.folded.clear();
    text::fold_append(q.search, out.folded);
    const std::string& needle = out.folded;
    const bool narrowing = out.search_hit.size() == n && !out.last_search.empty() &&
                           needle.size() >= out.last_search.size() &&
                           needle.compare(0, out.last_search.size(), out.last_search) == 0;
    if (needle.empty()) {
        out.search_hit.assign(n, 1);
    } else {
        if (!narrowing) out.search_hit.assign(n, 1);
        std::string_view rest = needle;
        std::array<std::string_view, 16> tokens{};
        std::size_t nt = 0;
        while (!rest.empty() && nt < tokens.size()) {
            auto sp = rest.find(' ');
            tokens[nt++] = rest.substr(0, sp);
            rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        }
        const std::string_view hay(hay_);
        for (std::uint32_t i = 0; i < n; ++i) {
            if (!out.search_hit[i]) continue;
            std::string_view h = hay.substr(hay_offsets_[i], hay_offsets_[i + 1] - hay_offsets_[i]);
            for (std::size_t t = 0; t < nt; ++t) {
                if (h.find(tokens[t]) == std::string_view::npos) {
                    out.search_hit[i] = 0;
                    break;
                }
            }
        }
    }
    out.last_search = needle;
    for (std::uint32_t i = 0; i < n; ++i)
        if (!out.search_hit[i]) out.fail_mask[i] = search_bit;

    // Facet filters.
    for (int f = 0; f < facet_count; ++f) {
        const auto& chosen_values = q.facets[f];
        auto& chosen = out.chosen[f];
        chosen.assign(values_[f].size(), 0);
        bool any = false;
        for (const std::string& v : chosen_values) {
            if (auto idx = facet_value_index(static_cast<Facet>(f), v)) {
                chosen[*idx] = 1;
                any = true;
            }
        }
        if (chosen_values.empty()) continue;
        const std::uint16_t bit = static_cast<std::uint16_t>(1u << f);
        const auto& off = row_offsets_[f];
        const auto& rv = row_values_[f];
        for (std::uint32_t i = 0; i < n; ++i) {
            bool hit = false;
            if (any)
                for (std::uint32_t k = off[i]; k < off[i + 1]; ++k)
                    if (chosen[rv[k]]) { hit = true; break; }
            if (!hit) out.fail_mask[i] |= bit;
        }
    }

    // Counts.
    for (int f = 0; f < facet_count; ++f) out.counts[f].assign(values_[f].size(), 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint16_t m = out.fail_mask[i];
        if (m == 0) {
            for (int f = 0; f < facet_count; ++f) {
                const auto& off = row_offsets_[f];
                for (std::uint32_t k = off[i]; k < off[i + 1]; ++k) ++out.counts[f][row_values_[f][k]];
            }
        } else if ((m & (m - 1)) == 0 && m != search_bit) {
            const int f = std::countr_zero(m);
            const auto& off = row_offsets_[f];
            for (std::uint32_t k = off[i]; k < off[i + 1]; ++k) ++out.counts[f][row_values_[f][k]];
        }
    }

    // Rows in sort order.
    out.rows.clear();
    const auto& order = order_[static_cast<int>(q.sort)];
    if (q.descending) {
        for (auto it = order.rbegin(); it != order.rend(); ++it)
            if (out.fail_mask[*it] == 0) out.rows.emplace_back(*it);
    } else {
        for (std::uint32_t r : order)
            if (out.fail_mask[r] == 0) out.rows.emplace_back(r);
    }
}

}  // namespace atlas
