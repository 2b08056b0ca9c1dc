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
constexpr std::uint32_t no_value = 0xFFFFFFFFu;

// Symbols of the search index. Folded text holds a–z, 0–9, spaces, field breaks and the
// bytes of scripts fold leaves alone; those share one symbol, so tokens with them are not
// answered from the index. `word_end` pads each word so every bigram starts some trigram.
constexpr unsigned sym_other = 37, sym_word_end = 38;
constexpr unsigned gram_key_count = 1u << 18;
unsigned symbol(unsigned char c) noexcept {
    if (c >= 'a' && c <= 'z') return c - 'a' + 1;
    if (c >= '0' && c <= '9') return c - '0' + 27;
    return sym_other;
}
constexpr std::uint32_t gram_key(unsigned a, unsigned b, unsigned c) noexcept { return (a << 12) | (b << 6) | c; }

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
        // Single-valued facets (province, sector, …) also as a plain column.
        auto& col = column_[f];
        col.clear();
        bool single = true;
        for (std::size_t r = 0; r < n && single; ++r) single = off[r + 1] - off[r] <= 1;
        auto& vrow = value_row_[f];
        vrow.clear();
        if (single) {
            col.assign(n, no_value);
            for (std::size_t r = 0; r < n; ++r)
                if (off[r + 1] > off[r]) col[r] = rv[off[r]];
        } else {
            vrow.resize(rv.size());
            for (std::size_t r = 0; r < n; ++r)
                for (std::uint32_t k = off[r]; k < off[r + 1]; ++k) vrow[k] = static_cast<std::uint32_t>(r);
        }
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

    // Trigram postings (rows ascending in each list) and per-row symbol sets.
    const std::size_t n = ds.innovations.size();
    symbols_.assign(n, 0);
    gram_offsets_.assign(gram_key_count + 1, 0);
    std::vector<std::uint32_t> flat, flat_end(n), keys;
    flat.reserve(n * 64);
    for (std::size_t i = 0; i < n; ++i) {
        keys.clear();
        std::uint64_t syms = 0;
        unsigned s1 = 0, s2 = 0;  // the two previous symbols of the current word (0 = none)
        for (std::uint32_t k = hay_offsets_[i]; k <= hay_offsets_[i + 1]; ++k) {
            const char c = k < hay_offsets_[i + 1] ? hay_[k] : '\n';
            if (c == ' ' || c == '\n') {
                if (s1 && s2) keys.push_back(gram_key(s1, s2, sym_word_end));
                s1 = s2 = 0;
                continue;
            }
            const unsigned s = symbol(static_cast<unsigned char>(c));
            syms |= std::uint64_t{1} << s;
            if (s1 && s2) keys.push_back(gram_key(s1, s2, s));
            if (!s1) s1 = s;
            else if (!s2) s2 = s;
            else { s1 = s2; s2 = s; }
        }
        symbols_[i] = syms;
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (std::uint32_t key : keys) ++gram_offsets_[key + 1];
        flat.insert(flat.end(), keys.begin(), keys.end());
        flat_end[i] = static_cast<std::uint32_t>(flat.size());
    }
    for (std::size_t k = 0; k < gram_key_count; ++k) gram_offsets_[k + 1] += gram_offsets_[k];
    gram_rows_.resize(flat.size());
    std::vector<std::uint32_t> fill(gram_offsets_.begin(), gram_offsets_.end() - 1);
    for (std::uint32_t i = 0, at = 0; i < n; ++i)
        for (; at < flat_end[i]; ++at) gram_rows_[fill[flat[at]]++] = i;
}

// Rows whose haystack holds `token` (no spaces, all index symbols) → out.token_hit (0/1).
// Rows already out (out.search_hit 0) may be reported either way.
void Catalog::search_token(std::string_view token, QueryResult& out) const {
    const std::uint32_t n = static_cast<std::uint32_t>(size());
    auto& hit = out.token_hit;
    if (token.size() == 1) {
        const unsigned s = symbol(static_cast<unsigned char>(token[0]));
        hit.resize(n);
        for (std::uint32_t i = 0; i < n; ++i) hit[i] = static_cast<std::uint8_t>((symbols_[i] >> s) & 1u);
        return;
    }
    hit.assign(n, 0);
    if (token.size() == 2) {
        // Every trigram starting with the bigram: one contiguous run of keys.
        const std::uint32_t base = gram_key(symbol(static_cast<unsigned char>(token[0])),
                                            symbol(static_cast<unsigned char>(token[1])), 0);
        for (std::uint32_t k = gram_offsets_[base]; k < gram_offsets_[base + 64]; ++k) hit[gram_rows_[k]] = 1;
        return;
    }
    // Intersect the (up to) three shortest lists of the token's trigrams, then confirm.
    std::array<std::uint32_t, 3> best{};
    std::size_t nb = 0;
    auto len = [&](std::uint32_t key) { return gram_offsets_[key + 1] - gram_offsets_[key]; };
    for (std::size_t p = 0; p + 2 < token.size(); ++p) {
        const std::uint32_t key = gram_key(symbol(static_cast<unsigned char>(token[p])),
                                           symbol(static_cast<unsigned char>(token[p + 1])),
                                           symbol(static_cast<unsigned char>(token[p + 2])));
        if (std::find(best.begin(), best.begin() + nb, key) != best.begin() + nb) continue;
        if (nb < best.size()) best[nb++] = key;
        else {
            auto worst = std::max_element(best.begin(), best.end(), [&](auto a, auto b) { return len(a) < len(b); });
            if (len(key) < len(*worst)) *worst = key;
        }
    }
    for (std::size_t j = 0; j < nb; ++j)
        for (std::uint32_t k = gram_offsets_[best[j]]; k < gram_offsets_[best[j] + 1]; ++k) {
            std::uint8_t& h = hit[gram_rows_[k]];
            if (h == j) h = static_cast<std::uint8_t>(j + 1);
        }
    const bool exact = token.size() == 3;
    const std::string_view hay(hay_);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (hit[i] != nb || !out.search_hit[i]) { hit[i] = 0; continue; }  // confirm live rows only
        hit[i] = exact || hay.substr(hay_offsets_[i], hay_offsets_[i + 1] - hay_offsets_[i]).find(token) != std::string_view::npos;
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
    out.fail_mask.resize(n);

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
        std::string_view rest = needle;
        std::array<std::string_view, 16> tokens{};
        std::size_t nt = 0;
        while (!rest.empty() && nt < tokens.size()) {
            auto sp = rest.find(' ');
            tokens[nt++] = rest.substr(0, sp);
            rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        }
        auto indexed = [](std::string_view t) {
            return std::none_of(t.begin(), t.end(), [](char c) { return symbol(static_cast<unsigned char>(c)) == sym_other; });
        };
        if (std::all_of(tokens.begin(), tokens.begin() + nt, indexed)) {
            out.search_hit.assign(n, 1);
            // Longest (most selective) token first, so later ones confirm fewer rows.
            std::sort(tokens.begin(), tokens.begin() + nt, [](auto a, auto b) { return a.size() > b.size(); });
            for (std::size_t t = 0; t < nt; ++t) {
                search_token(tokens[t], out);
                for (std::uint32_t i = 0; i < n; ++i) out.search_hit[i] &= out.token_hit[i];
            }
        } else {
            if (!narrowing) out.search_hit.assign(n, 1);
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
    }
    out.last_search = needle;
    for (std::uint32_t i = 0; i < n; ++i) out.fail_mask[i] = out.search_hit[i] ? 0 : search_bit;

    // Facet filters.
    for (int f = 0; f < facet_count; ++f) {
        const auto& chosen_values = q.facets[f];
        auto& chosen = out.chosen[f];
        chosen.assign(values_[f].size() + 1, 0);  // + a never-chosen slot for "no value"
        for (const std::string& v : chosen_values)
            if (auto idx = facet_value_index(static_cast<Facet>(f), v)) chosen[*idx] = 1;
        if (chosen_values.empty()) continue;
        const std::uint16_t bit = static_cast<std::uint16_t>(1u << f);
        if (!column_[f].empty()) {
            // Raw pointers: through uint8_t the compiler must assume every store aliases.
            const std::uint32_t* col = column_[f].data();
            const std::uint8_t* ch = chosen.data();
            std::uint16_t* mask = out.fail_mask.data();
            const std::uint32_t none = static_cast<std::uint32_t>(chosen.size() - 1);
            // Branch-free: which rows pass is unpredictable.
            for (std::uint32_t i = 0; i < n; ++i)
                mask[i] |= static_cast<std::uint16_t>((ch[std::min(col[i], none)] ^ 1u) * bit);
            continue;
        }
        // Several values per row: flat over (row, value) entries, then one pass over rows.
        auto& row_hit = out.facet_hit;
        row_hit.assign(n, 0);
        const std::uint32_t* vrow = value_row_[f].data();
        const std::uint32_t* vals = row_values_[f].data();
        const std::uint8_t* ch = chosen.data();
        const std::size_t entries = row_values_[f].size();
        for (std::size_t k = 0; k < entries; ++k) row_hit[vrow[k]] |= ch[vals[k]];
        std::uint16_t* mask = out.fail_mask.data();
        for (std::uint32_t i = 0; i < n; ++i) mask[i] |= static_cast<std::uint16_t>((row_hit[i] ^ 1u) * bit);
    }

    // Counts: a row counts for facet f when it fails nothing, or only f.
    for (int f = 0; f < facet_count; ++f) {
        auto& counts = out.counts[f];
        counts.assign(values_[f].size(), 0);
        const std::uint16_t others = static_cast<std::uint16_t>(~(1u << f));
        // Branch-free: which rows pass is unpredictable, and a mispredicted branch per row
        // and facet costs more than the add it skips.
        // Four interleaved histograms: runs of equal values (rows of one province) would
        // otherwise chain every add on the previous store to the same counter.
        if (!column_[f].empty()) {
            const std::uint32_t* col = column_[f].data();
            const std::uint16_t* mask = out.fail_mask.data();
            const std::uint32_t w = static_cast<std::uint32_t>(counts.size()) + 1;  // + "no value"
            auto& h = out.histogram;
            h.assign(4 * w, 0);
            auto slot = [&](std::uint32_t i) { return col[i] == no_value ? w - 1 : col[i]; };
            std::uint32_t i = 0;
            for (; i + 4 <= n; i += 4) {
                h[slot(i)] += (mask[i] & others) == 0;
                h[w + slot(i + 1)] += (mask[i + 1] & others) == 0;
                h[2 * w + slot(i + 2)] += (mask[i + 2] & others) == 0;
                h[3 * w + slot(i + 3)] += (mask[i + 3] & others) == 0;
            }
            for (; i < n; ++i) h[slot(i)] += (mask[i] & others) == 0;
            for (std::uint32_t v = 0; v + 1 < w; ++v) counts[v] = h[v] + h[w + v] + h[2 * w + v] + h[3 * w + v];
            continue;
        }
        const std::uint32_t* vrow = value_row_[f].data();
        const std::uint32_t* vals = row_values_[f].data();
        const std::uint16_t* mask = out.fail_mask.data();
        const std::uint32_t w = static_cast<std::uint32_t>(counts.size());
        auto& h = out.histogram;
        h.assign(4 * w, 0);
        std::uint32_t* hp = h.data();
        const std::size_t entries = row_values_[f].size();
        for (std::size_t k = 0; k < entries; ++k) hp[(k & 3) * w + vals[k]] += (mask[vrow[k]] & others) == 0;
        for (std::uint32_t v = 0; v < w; ++v) counts[v] = h[v] + h[w + v] + h[2 * w + v] + h[3 * w + v];
    }

    // Rows in sort order.
    const auto& order = order_[static_cast<int>(q.sort)];
    out.rows.resize(n);
    std::size_t w = 0;
    if (q.descending) {
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            out.rows[w] = InnovationId(*it);
            w += out.fail_mask[*it] == 0;
        }
    } else {
        for (std::uint32_t r : order) {
            out.rows[w] = InnovationId(r);
            w += out.fail_mask[r] == 0;
        }
    }
    out.rows.resize(w);
}

}  // namespace atlas
