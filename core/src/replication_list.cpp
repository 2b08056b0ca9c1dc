#include "core/replication_list.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "core/regions.hpp"
#include "core/text.hpp"

namespace atlas {

namespace {
constexpr const char* column_names[replication_column_count] = {"source", "adopter", "region", "stage", "date", "program"};
}

const char* to_string(ReplicationColumn c) noexcept { return column_names[static_cast<int>(c)]; }
std::optional<ReplicationColumn> parse_replication_column(std::string_view s) noexcept {
    for (int i = 0; i < replication_column_count; ++i)
        if (s == column_names[i]) return static_cast<ReplicationColumn>(i);
    return std::nullopt;
}

ReplicationList::ReplicationList(const Catalog& catalog) : catalog_(catalog) {
    const Dataset& ds = catalog.data();
    const RegionTable& regions = RegionTable::embedded();
    for (std::uint32_t r = 0; r < ds.replications.size(); ++r) all_.push_back({false, r});
    for (std::uint32_t c = 0; c < ds.cohorts.size(); ++c) all_.push_back({true, c});
    const std::size_t n = all_.size();

    // Sort keys per row.
    std::vector<std::string> source(n), adopter(n), region(n), program(n);
    std::vector<std::int32_t> stage(n), date(n);
    for (std::size_t i = 0; i < n; ++i) {
        const ReplicationRow& row = all_[i];
        if (!row.cohort) {
            const Replication& r = ds.replications[row.index];
            source[i] = text::fold(ds.innovations[r.source.value].name);
            adopter[i] = text::fold(ds.institutions[r.adopter.value].name);
            const Region* reg = regions.find(r.region_code);
            region[i] = reg ? text::fold(reg->name) : std::string();
            stage[i] = static_cast<std::int32_t>(r.latest_stage());
            date[i] = r.latest_date().key();
            program[i] = r.program ? text::fold(ds.events[r.program.value].name) : std::string();
        } else {
            const Cohort& c = ds.cohorts[row.index];
            source[i] = c.innovations.empty() ? std::string() : text::fold(ds.innovations[c.innovations[0].value].name);
            adopter[i] = c.adopters.empty() ? std::string() : text::fold(ds.institutions[c.adopters[0].value].name);
            const Region* reg = c.region_codes.empty() ? nullptr : regions.find(c.region_codes[0]);
            region[i] = reg ? text::fold(reg->name) : std::string();
            stage[i] = static_cast<std::int32_t>(c.latest_stage());
            std::int32_t best = 0;
            for (const StageStep& s : c.stages) best = std::max(best, s.date.key());
            date[i] = best;
            program[i] = text::fold(ds.events[c.program.value].name);
        }
    }
    std::vector<std::uint32_t> base(n);
    std::iota(base.begin(), base.end(), 0u);
    auto by_string = [&](ReplicationColumn col, const std::vector<std::string>& key) {
        auto& o = order_[static_cast<int>(col)];
        o = base;
        std::stable_sort(o.begin(), o.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (key[a].empty() != key[b].empty()) return key[b].empty();
            return key[a] < key[b];
        });
    };
    auto by_number = [&](ReplicationColumn col, const std::vector<std::int32_t>& key) {
        auto& o = order_[static_cast<int>(col)];
        o = base;
        std::stable_sort(o.begin(), o.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
    };
    by_string(ReplicationColumn::source, source);
    // Secondary orders start from the source order so equal keys stay grouped by innovation.
    base = order_[static_cast<int>(ReplicationColumn::source)];
    by_string(ReplicationColumn::adopter, adopter);
    by_string(ReplicationColumn::region, region);
    by_number(ReplicationColumn::stage, stage);
    by_number(ReplicationColumn::date, date);
    by_string(ReplicationColumn::program, program);
}

void ReplicationList::run(const QueryResult& innovations, ReplicationColumn sort, bool descending,
                          std::vector<ReplicationRow>& out) const {
    const Dataset& ds = catalog_.data();
    selected_.assign(ds.innovations.size(), 0);
    for (InnovationId id : innovations.rows) selected_[id.value] = 1;
    auto keep = [&](const ReplicationRow& row) {
        if (!row.cohort) return selected_[ds.replications[row.index].source.value] != 0;
        for (InnovationId i : ds.cohorts[row.index].innovations)
            if (selected_[i.value]) return true;
        return false;
    };
    out.clear();
    const auto& order = order_[static_cast<int>(sort)];
    if (descending) {
        for (auto it = order.rbegin(); it != order.rend(); ++it)
            if (keep(all_[*it])) out.push_back(all_[*it]);
    } else {
        for (std::uint32_t i : order)
            if (keep(all_[i])) out.push_back(all_[i]);
    }
}

}  // namespace atlas
