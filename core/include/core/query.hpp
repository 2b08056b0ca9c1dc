// The catalog: an index over a Dataset's innovations answering the filter bar's questions
// (text search, facets with counts, sort). Results are row-id selections shared by all views.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"

namespace atlas {

enum class Facet : std::uint8_t { year, competition, tier, province, regency, sector, stage, replicated, confidence };
inline constexpr int facet_count = 9;
const char* to_string(Facet f) noexcept;  // "year", "competition", …
std::optional<Facet> parse_facet(std::string_view s) noexcept;

enum class SortColumn : std::uint8_t {
    name, owner, region, province, year, tier, sector, replications, adopters, confidence, year_started
};
inline constexpr int sort_column_count = 11;
const char* to_string(SortColumn c) noexcept;
std::optional<SortColumn> parse_sort_column(std::string_view s) noexcept;

struct Query {
    std::string search;                                      // free text, case and accents ignored
    std::array<std::vector<std::string>, facet_count> facets;  // chosen values; OR within, AND across
    SortColumn sort = SortColumn::name;
    bool descending = false;

    bool has_filters() const noexcept;
    void clear();
};

// Output of Catalog::run. Keep one per view and pass it again: its buffers are reused, so a
// keystroke does not allocate once they have grown.
struct QueryResult {
    std::vector<InnovationId> rows;  // matching innovations in sort order
    // counts[f][v]: rows that would match if facet f's own choice were ignored and value v chosen.
    std::array<std::vector<std::uint32_t>, facet_count> counts;

    // Scratch reused across runs.
    std::vector<std::uint16_t> fail_mask;
    std::vector<std::uint8_t> search_hit;
    std::string last_search;  // folded search text of the previous run
    std::string folded;
    std::array<std::vector<std::uint8_t>, facet_count> chosen;
    std::vector<std::uint8_t> token_hit;
    std::vector<std::uint32_t> histogram;
    std::vector<std::uint8_t> facet_hit;
};

class Catalog {
public:
    explicit Catalog(std::shared_ptr<const Dataset> data);

    const Dataset& data() const noexcept { return *data_; }
    std::shared_ptr<const Dataset> data_ptr() const noexcept { return data_; }
    std::size_t size() const noexcept { return data_->innovations.size(); }

    // The distinct values of a facet (codes for province/regency, "yes"/"no", years as text),
    // in display order, and a human label for each (region names for codes).
    std::span<const std::string> facet_values(Facet f) const noexcept { return values_[static_cast<int>(f)]; }
    std::string_view facet_label(Facet f, std::uint32_t value) const noexcept;
    std::optional<std::uint32_t> facet_value_index(Facet f, std::string_view value) const noexcept;

    void run(const Query& q, QueryResult& out) const;

    // Per-innovation figures the tables show.
    std::uint32_t replication_count(InnovationId i) const noexcept { return repl_count_[i.value]; }
    std::uint32_t adopter_count(InnovationId i) const noexcept { return adopter_count_[i.value]; }
    std::int16_t latest_award_year(InnovationId i) const noexcept { return latest_year_[i.value]; }
    std::string_view province_code(InnovationId i) const noexcept;
    std::string_view region_name(InnovationId i) const noexcept;  // regency (or province) name

private:
    std::shared_ptr<const Dataset> data_;
    // Facet dictionaries and per-row values (CSR).
    std::array<std::vector<std::string>, facet_count> values_;
    std::array<std::vector<std::string>, facet_count> labels_;
    std::array<std::vector<std::uint32_t>, facet_count> row_offsets_;
    std::array<std::vector<std::uint32_t>, facet_count> row_values_;
    // Search haystacks: folded text per row, concatenated.
    std::string hay_;
    std::vector<std::uint32_t> hay_offsets_;
    // Search index: rows holding each trigram of the folded haystacks (fields padded with an
    // end mark so that every bigram is the prefix of some trigram), and each row's set of
    // single symbols. Lets a keystroke touch posting lists instead of every haystack byte.
    std::vector<std::uint32_t> gram_offsets_;
    std::vector<std::uint32_t> gram_rows_;
    std::vector<std::uint64_t> symbols_;
    // Facets with at most one value per row, also as a column (none = no value): filters and
    // counts then run as straight loops.
    std::array<std::vector<std::uint32_t>, facet_count> column_;
    // For the other facets, the row of each entry of row_values_ (flat loops, no branches).
    std::array<std::vector<std::uint32_t>, facet_count> value_row_;
    // Sort orders, ascending, one per column.
    std::array<std::vector<std::uint32_t>, sort_column_count> order_;
    std::vector<std::uint32_t> repl_count_, adopter_count_;
    std::vector<std::int16_t> latest_year_;
    std::vector<std::string_view> region_name_;

    void build_facets();
    void build_search();
    void search_token(std::string_view token, QueryResult& out) const;
    void build_orders();
};

}  // namespace atlas
