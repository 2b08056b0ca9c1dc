#include "core/dataset.hpp"

namespace atlas {

const char* to_string(RecordKind k) noexcept {
    switch (k) {
        case RecordKind::source: return "sources";
        case RecordKind::institution: return "institutions";
        case RecordKind::innovation: return "innovations";
        case RecordKind::award: return "awards";
        case RecordKind::event: return "events";
        case RecordKind::replication: return "replications";
        case RecordKind::cohort: return "cohorts";
        case RecordKind::figure: return "figures";
    }
    return "?";
}

namespace {

// Counting sort into CSR form: `key(i)` gives the owner row of item i (or none).
template <class Item, class KeyFn>
Adjacency<Item> group_by(std::size_t owners, std::size_t items, KeyFn key) {
    Adjacency<Item> adj;
    adj.offsets.assign(owners + 1, 0);
    for (std::size_t i = 0; i < items; ++i)
        for (std::uint32_t o : key(i)) ++adj.offsets[o + 1];
    for (std::size_t o = 0; o < owners; ++o) adj.offsets[o + 1] += adj.offsets[o];
    adj.items.resize(adj.offsets[owners]);
    std::vector<std::uint32_t> fill(adj.offsets.begin(), adj.offsets.end() - 1);
    for (std::size_t i = 0; i < items; ++i)
        for (std::uint32_t o : key(i)) adj.items[fill[o]++] = Item(static_cast<std::uint32_t>(i));
    return adj;
}

// A tiny inline list of at most a few owner rows, to feed group_by without allocating.
struct Owners {
    std::uint32_t v[2]{};
    std::uint8_t n = 0;
    void add(std::uint32_t x) {
        if (x == 0xFFFFFFFFu) return;
        if (n == 1 && v[0] == x) return;
        v[n++] = x;
    }
    const std::uint32_t* begin() const { return v; }
    const std::uint32_t* end() const { return v + n; }
};

}  // namespace

void Dataset::build_relations() {
    const std::size_t n_inn = innovations.size();
    awards_of = group_by<AwardId>(n_inn, awards.size(), [&](std::size_t i) {
        Owners o; o.add(awards[i].innovation.value); return o;
    });
    replications_of = group_by<ReplicationId>(n_inn, replications.size(), [&](std::size_t i) {
        Owners o; o.add(replications[i].source.value); return o;
    });
    replications_into = group_by<ReplicationId>(institutions.size(), replications.size(), [&](std::size_t i) {
        Owners o; o.add(replications[i].adopter.value); return o;
    });
    innovations_owned = group_by<InnovationId>(institutions.size(), n_inn, [&](std::size_t i) {
        Owners o; o.add(innovations[i].owner.value); o.add(innovations[i].unit.value); return o;
    });
    // Cohorts and events list several innovations each: build from flattened pairs.
    {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        for (std::size_t c = 0; c < cohorts.size(); ++c)
            for (auto inn : cohorts[c].innovations) pairs.emplace_back(inn.value, static_cast<std::uint32_t>(c));
        cohorts_of = group_by<CohortId>(n_inn, pairs.size(), [&](std::size_t i) {
            Owners o; o.add(pairs[i].first); return o;
        });
        for (auto& item : cohorts_of.items) item = CohortId(pairs[item.value].second);
    }
    {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        for (std::size_t e = 0; e < events.size(); ++e)
            for (auto inn : events[e].innovations) pairs.emplace_back(inn.value, static_cast<std::uint32_t>(e));
        events_of = group_by<EventId>(n_inn, pairs.size(), [&](std::size_t i) {
            Owners o; o.add(pairs[i].first); return o;
        });
        for (auto& item : events_of.items) item = EventId(pairs[item.value].second);
    }

    ids_.clear();
    ids_.reserve(record_count());
    auto put = [&](RecordKind kind, const auto& rows) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            ids_.emplace(rows[i].id, RecordRef{kind, static_cast<std::uint32_t>(i)});
    };
    put(RecordKind::source, sources);
    put(RecordKind::institution, institutions);
    put(RecordKind::innovation, innovations);
    put(RecordKind::award, awards);
    put(RecordKind::event, events);
    put(RecordKind::replication, replications);
    put(RecordKind::cohort, cohorts);
    put(RecordKind::figure, figures);
}

const RecordRef* Dataset::find(std::string_view id) const {
    auto it = ids_.find(id);
    return it == ids_.end() ? nullptr : &it->second;
}

InnovationId Dataset::find_innovation(std::string_view id) const {
    const RecordRef* r = find(id);
    return (r && r->kind == RecordKind::innovation) ? InnovationId(r->row) : InnovationId{};
}

InnovationId Dataset::parent_of(InnovationId child) const noexcept {
    if (!child || child.value >= innovations.size()) return {};
    ReplicationId rep = innovations[child.value].derived_from;
    if (!rep || rep.value >= replications.size()) return {};
    return replications[rep.value].source;
}

std::size_t Dataset::record_count() const noexcept {
    return sources.size() + institutions.size() + innovations.size() + awards.size() + events.size() +
           replications.size() + cohorts.size() + figures.size();
}

}  // namespace atlas
