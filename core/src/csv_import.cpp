// CSV files → bundle: the importer's set-up, field readers, checks and run. See
// core/csv_bundle.hpp for the contract and README.md for the columns; the readers of the
// single files are in csv_import_files.cpp.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/bundle.hpp"
#include "core/text.hpp"
#include "csv_columns.hpp"
#include "csv_importer.hpp"

namespace atlas::csvimp {

// ---------------------------------------------------------------------------
void Importer::take_base() {
    if (!opt_.base) return;
    const Dataset& b = *opt_.base;
    ds_.meta = b.meta;
    have_meta_ = true;
    ds_.sources = b.sources;
    ds_.institutions = b.institutions;
    ds_.innovations = b.innovations;
    ds_.awards = b.awards;
    ds_.events = b.events;
    ds_.replications = b.replications;
    ds_.cohorts = b.cohorts;
    ds_.figures = b.figures;
    auto reg = [&](const auto& rows, RecordKind k) {
        for (std::uint32_t i = 0; i < rows.size(); ++i) ids_.emplace(rows[i].id, RecordRef{k, i});
        base_count_[static_cast<std::size_t>(k)] = rows.size();
    };
    reg(ds_.sources, RecordKind::source);
    reg(ds_.institutions, RecordKind::institution);
    reg(ds_.innovations, RecordKind::innovation);
    reg(ds_.awards, RecordKind::award);
    reg(ds_.events, RecordKind::event);
    reg(ds_.replications, RecordKind::replication);
    reg(ds_.cohorts, RecordKind::cohort);
    reg(ds_.figures, RecordKind::figure);
    for (std::uint32_t i = 0; i < ds_.institutions.size(); ++i)
        institution_by_name_.emplace(name_key(ds_.institutions[i].name) + "|" + ds_.institutions[i].region_code, i);
    for (std::uint32_t i = 0; i < ds_.events.size(); ++i) event_by_name_.emplace(name_key(ds_.events[i].name), i);
    for (std::uint32_t i = 0; i < ds_.sources.size(); ++i)
        if (!ds_.sources[i].url.empty()) source_by_url_.emplace(ds_.sources[i].url, i);
    for (std::uint32_t i = 0; i < ds_.innovations.size(); ++i)
        innovation_by_name_[name_key(ds_.innovations[i].name)].push_back(i);
}

bool Importer::open(const CsvFile& f, Sheet& sh) {
    sh.file = f.name;
    sh.table = csv::read(f.text);
    for (const csv::Problem& p : sh.table.problems) issue(p.level, f.name, {p.line, p.column}, p.message);
    FileCounts& cnt = res_.counts[f.name];
    cnt.read = static_cast<std::uint32_t>(sh.table.rows.size());
    if (sh.table.fatal) return false;
    const csvcols::FileSpec* spec = csvcols::find(f.name);
    bool ok = true;
    for (const csv::Cell& c : sh.table.header.cells) {
        std::string meaning = std::string(text::trim(c.text));
        for (const ColumnAlias& a : opt_.aliases)
            if (a.file == f.name && a.from == meaning) {
                meaning = a.to;
                break;
            }
        if (meaning.empty()) {
            issue(Level::error, f.name, {c.line, c.column}, "empty column name in the header");
            continue;
        }
        if (!csvcols::known_column(*spec, meaning)) {
            std::string known;
            for (auto k : spec->columns) known += (known.empty() ? "" : ", ") + std::string(k);
            for (auto k : spec->extra) known += ", " + std::string(k);
            issue(Level::error, f.name, {c.line, c.column},
                  "unknown column \"" + c.text + "\" (ignored); " + f.name + " has: " + known);
            continue;
        }
        const int index = static_cast<int>(&c - sh.table.header.cells.data());
        if (!sh.col.emplace(meaning, index).second)
            issue(Level::error, f.name, {c.line, c.column}, "column \"" + meaning + "\" appears twice; the first is used");
    }
    for (const auto& group : spec->required) {
        bool found = false;
        for (std::string_view c : group) found = found || sh.col.count(std::string(c));
        if (found) continue;
        std::string names;
        for (std::string_view c : group) names += (names.empty() ? "\"" : " or \"") + std::string(c) + "\"";
        issue(Level::error, f.name, {1, 1}, "missing column " + names + "; none of the " + std::to_string(cnt.read) +
                                                " rows of this file were read");
        ok = false;
    }
    if (!ok) cnt.skipped = cnt.read;
    return ok;
}


// ---------------------------------------------------------------------------
bool Importer::register_id(RowCtx& r, const std::string& id, RecordKind kind, std::uint32_t row) {
    auto [it, inserted] = ids_.emplace(id, RecordRef{kind, row});
    if (inserted) {
        id_origin_.emplace(id, Origin{r.sh.file, r.row.line});
        return true;
    }
    auto o = id_origin_.find(id);
    const std::string where = o == id_origin_.end() ? std::string("the base bundle")
                                                    : o->second.file + " line " + std::to_string(o->second.line);
    error(r, "id", "duplicate id \"" + id + "\" (already used by " + std::string(kind_noun(it->second.kind)) + " in " +
                       where + "); row skipped");
    return false;
}

std::string Importer::make_id(std::string base) {
    if (!ids_.count(base)) return base;
    for (int n = 2;; ++n) {
        std::string id = base + "-" + std::to_string(n);
        if (!ids_.count(id)) return id;
    }
}

// The row's id: given (checked) or made from `generated`. ok = false when the row must go.
std::string Importer::take_id(RowCtx& r, RecordKind, const std::string& generated, bool& ok) {
    ok = true;
    const std::string_view given = r.get("id");
    if (given.empty()) return make_id(generated);
    if (!valid_id(given)) {
        error(r, "id", "\"" + std::string(given.substr(0, 40)) +
                           "\" is not a valid id (letters, digits and . _ : - ; at most 128 characters); row skipped");
        ok = false;
    }
    return std::string(given);
}

std::uint32_t Importer::lookup(RowCtx& r, std::string_view column, std::string_view id, RecordKind kind,
                               std::string_view then) {
    if (id.empty()) {
        error(r, column, "empty " + std::string(column) + std::string(then));
        return RowId<void>::none_value;
    }
    auto it = ids_.find(std::string(id));
    if (it != ids_.end() && it->second.kind == kind) return it->second.row;
    error(r, column,
          (it == ids_.end() ? "unknown " + std::string(kind_noun(kind)) + " \"" + std::string(id) + "\""
                            : "\"" + std::string(id) + "\" is " + kind_noun(it->second.kind) + ", not " + kind_noun(kind)) +
              std::string(then));
    return RowId<void>::none_value;
}

std::vector<SourceId> Importer::row_sources(RowCtx& r) {
    std::vector<SourceId> out;
    auto add = [&](std::uint32_t row) {
        const SourceId s(row);
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    for (std::string_view id : split_list(r.get("sources"), '|')) {
        const std::uint32_t row = lookup(r, "sources", id, RecordKind::source);
        if (row != RowId<void>::none_value) add(row);
    }
    const std::string_view url = r.get("source_url");
    if (url.empty()) {
        if (!r.get("source_title").empty() || !r.get("source_date").empty())
            error(r, "source_url", "source_title or source_date given without source_url; no source made");
        return out;
    }
    if (url.substr(0, 7) != "http://" && url.substr(0, 8) != "https://") {
        error(r, "source_url", "source_url must start with http:// or https://, not \"" + std::string(url.substr(0, 40)) + "\"");
        return out;
    }
    auto it = source_by_url_.find(std::string(url));
    if (it != source_by_url_.end()) {
        add(it->second);
        return out;
    }
    Source s;
    std::string_view host = url.substr(url.find("//") + 2);
    // The host ends at the path, query, fragment or any white space (an address pasted with a
    // space in it): an outlet with white space at its end would not survive export → import.
    host = text::trim(host.substr(0, host.find_first_of("/?# \t")));
    if (host.substr(0, 4) == "www.") host.remove_prefix(4);
    char hex[12];
    std::snprintf(hex, sizeof hex, "%08x", fnv1a(url));
    s.id = make_id("src-" + slug(host, 32) + "-" + hex);
    s.title = std::string(r.get("source_title"));
    if (s.title.empty()) {
        s.title = std::string(url);
        s.note = "no title given; the address stands in for it";
    }
    s.outlet = std::string(host);
    s.url = std::string(url);
    s.date = date_cell(r, "source_date");
    const auto row = static_cast<std::uint32_t>(ds_.sources.size());
    ids_.emplace(s.id, RecordRef{RecordKind::source, row});
    id_origin_.emplace(s.id, Origin{r.sh.file, r.row.line});
    origin_[static_cast<std::size_t>(RecordKind::source)].push_back({r.sh.file, r.row.line});
    source_by_url_.emplace(s.url, row);
    ds_.sources.push_back(std::move(s));
    add(row);
    return out;
}

void Importer::read_cited(RowCtx& r, Cited& c) {
    c.sources = row_sources(r);
    const std::string_view conf = r.get("confidence");
    if (!conf.empty()) {
        if (auto v = parse_confidence(conf)) c.confidence = *v;
        else error(r, "confidence", "confidence must be high, medium or low, not \"" + std::string(conf.substr(0, 40)) + "\"");
    }
    c.note = std::string(r.get("note"));
}

Date Importer::date_cell(RowCtx& r, std::string_view column) {
    const std::string_view s = r.get(column);
    if (s.empty()) return {};
    if (auto d = parse_date(s)) return *d;
    error(r, column, date_shaped(s) ? "no such date: \"" + std::string(s) + "\" (left empty)"
                                    : "not a date: \"" + std::string(s.substr(0, 40)) +
                                          "\" (write YYYY, YYYY-MM or YYYY-MM-DD; left empty)");
    return {};
}

std::string Importer::region_cell(RowCtx& r, std::string_view column, std::string* unresolved) {
    const std::string_view written = r.get(column);
    const WrittenRegion w = resolve_written_region(regions_, written);
    switch (w.status) {
        case WrittenRegion::Status::empty:
        case WrittenRegion::Status::national:
        case WrittenRegion::Status::exact: break;
        case WrittenRegion::Status::guessed:
        case WrittenRegion::Status::narrowed: warn(r, column, w.message); break;
        case WrittenRegion::Status::unresolved:
            warn(r, column, w.message + "; kept without a region code");
            if (unresolved) *unresolved = std::string(written);
            break;
    }
    return w.code;
}

std::string Importer::enum_cell(RowCtx& r, std::string_view column, std::initializer_list<std::string_view> allowed) {
    const std::string_view v = r.get(column);
    if (v.empty()) return {};
    for (std::string_view a : allowed)
        if (a == v) return std::string(v);
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    error(r, column, std::string(column) + " must be one of " + list + ", not \"" + std::string(v.substr(0, 40)) +
                         "\" (left empty)");
    return {};
}

int Importer::year_cell(RowCtx& r, std::string_view column) {
    const std::string_view v = r.get(column);
    if (v.empty()) return 0;
    long long y = 0;
    if (parse_int(v, 1945, 2100, y)) return static_cast<int>(y);
    error(r, column, "not a year between 1945 and 2100: \"" + std::string(v.substr(0, 40)) + "\" (left empty)");
    return 0;
}

std::uint32_t Importer::uint_cell(RowCtx& r, std::string_view column, std::uint32_t lo) {
    const std::string_view v = r.get(column);
    if (v.empty()) return 0;
    long long n = 0;
    if (parse_int(v, lo, 10'000'000, n)) return static_cast<std::uint32_t>(n);
    error(r, column, "not a whole number from " + std::to_string(lo) + ": \"" + std::string(v.substr(0, 40)) +
                         "\" (left empty)");
    return 0;
}

// "interest 2021-08-24 @ev-x; commitment 2021-11-02"
std::vector<StageStep> Importer::stages_cell(RowCtx& r, std::string_view column) {
    std::vector<StageStep> out;
    for (std::string_view step : split_list(r.get(column), ';')) {
        StageStep st;
        bool ok = true;
        std::vector<std::string_view> words = split_list(step, ' ');
        for (std::size_t i = 0; i < words.size() && ok; ++i) {
            const std::string_view w = words[i];
            if (i == 0) {
                if (auto s = parse_stage(w)) st.stage = *s;
                else {
                    error(r, column, "unknown stage \"" + std::string(w.substr(0, 40)) +
                                         "\" (interest, commitment, action_plan, implemented)");
                    ok = false;
                }
            } else if (w[0] == '@') {
                const std::uint32_t e = lookup(r, column, w.substr(1), RecordKind::event);
                if (e != RowId<void>::none_value) st.event = EventId(e);
            } else if (auto d = parse_date(w)) {
                st.date = *d;
            } else {
                error(r, column, (date_shaped(w) ? "no such date: \"" : "not a date or @event: \"") +
                                     std::string(w.substr(0, 40)) + "\" in stage \"" + std::string(step.substr(0, 60)) + "\"");
            }
        }
        if (ok) out.push_back(st);
    }
    std::stable_sort(out.begin(), out.end(), [](const StageStep& a, const StageStep& b) { return a.stage < b.stage; });
    return out;
}

// ---------------------------------------------------------------------------
InstitutionId Importer::institution_named(std::string_view name, const std::string& region, const Cited& cite) {
    const std::string key = name_key(name) + "|" + region;
    if (auto it = institution_by_name_.find(key); it != institution_by_name_.end()) return InstitutionId(it->second);
    Institution x;
    x.id = make_id("inst-" + slug(name));
    x.name = std::string(name);
    x.kind = infer_kind(name);
    x.region_code = region;
    x.sources = cite.sources;
    x.confidence = cite.confidence;
    const auto row = static_cast<std::uint32_t>(ds_.institutions.size());
    ids_.emplace(x.id, RecordRef{RecordKind::institution, row});
    origin_[static_cast<std::size_t>(RecordKind::institution)].push_back({});
    institution_by_name_.emplace(key, row);
    ds_.institutions.push_back(std::move(x));
    return InstitutionId(row);
}

// The owner when a row names none: the government of its region, or the central body named
// as the region ("Kementerian Kesehatan").
InstitutionId Importer::government_of(RowCtx& r, const std::string& region, std::string_view written, const Cited& cite) {
    if (!region.empty()) {
        const Region* reg = regions_.find(region);
        std::string name;
        if (reg->level == RegionLevel::province) name = "Pemerintah Provinsi " + std::string(reg->name);
        else if (reg->level == RegionLevel::regency) name = "Pemerintah " + std::string(reg->name);
        else name = "Kecamatan " + std::string(reg->name);
        // An existing record for it (the seed spells "Pemerintah Kabupaten Malang") is reused.
        return institution_named(name, region, cite);
    }
    if (!written.empty()) return institution_named(written, region, cite);
    if (r.sh.file == "replications.csv") {
        // A replication names its source innovation but not always whose it is: one shared
        // stand-in says so rather than inventing an owner.
        const InstitutionId id = institution_named(kOwnerNotStated, "", cite);
        Institution& x = ds_.institutions[id.value];
        if (x.note.empty()) x.note = "Stands in for the owner of innovations known only from replication records that do not say whose they are; not a real institution, not national.";
        return id;
    }
    error(r, "owner_name", "no owner: fill owner_name (or owner with an institution id) or region; row skipped");
    return {};
}

InnovationId Importer::add_innovation(Innovation x, const Origin& o, Pos name_pos) {
    const auto row = static_cast<std::uint32_t>(ds_.innovations.size());
    ids_.emplace(x.id, RecordRef{RecordKind::innovation, row});
    id_origin_.emplace(x.id, o);
    origin_[static_cast<std::size_t>(RecordKind::innovation)].push_back(o);
    innovation_by_name_[name_key(x.name)].push_back(row);
    innovation_name_pos_.emplace(x.id, name_pos);
    ds_.innovations.push_back(std::move(x));
    return InnovationId(row);
}

EventId Importer::program_named(std::string_view name, const Cited& cite, const Origin& o) {
    const std::string key = name_key(name);
    if (auto it = event_by_name_.find(key); it != event_by_name_.end()) {
        Event& e = ds_.events[it->second];
        if (it->second >= base_count_[static_cast<std::size_t>(RecordKind::event)])
            for (SourceId s : cite.sources)
                if (std::find(e.sources.begin(), e.sources.end(), s) == e.sources.end()) e.sources.push_back(s);
        return EventId(it->second);
    }
    Event e;
    e.id = make_id("ev-" + slug(name));
    e.name = std::string(name);
    e.kind = "program";
    e.sources = cite.sources;
    e.confidence = cite.confidence;
    const auto row = static_cast<std::uint32_t>(ds_.events.size());
    ids_.emplace(e.id, RecordRef{RecordKind::event, row});
    origin_[static_cast<std::size_t>(RecordKind::event)].push_back(o);
    event_by_name_.emplace(key, row);
    ds_.events.push_back(std::move(e));
    return EventId(row);
}


void Importer::resolve_deferred() {
    for (const Deferred& d : deferred_) {
        const RecordKind want = d.what == Deferred::What::institution_parent      ? RecordKind::institution
                                : d.what == Deferred::What::event_part_of          ? RecordKind::event
                                                                                   : RecordKind::replication;
        auto it = ids_.find(d.id);
        if (it == ids_.end() || it->second.kind != want) {
            issue(Level::error, d.file, d.pos,
                  "unknown " + std::string(kind_noun(want)) + " \"" + d.id + "\" (left empty)");
            continue;
        }
        switch (d.what) {
            case Deferred::What::institution_parent: ds_.institutions[d.row].parent = InstitutionId(it->second.row); break;
            case Deferred::What::event_part_of: ds_.events[d.row].part_of = EventId(it->second.row); break;
            case Deferred::What::innovation_derived_from:
                ds_.innovations[d.row].derived_from = ReplicationId(it->second.row);
                break;
        }
    }
}

// Likely duplicates: names equal or a letter or two apart (after folding, without remarks in
// parentheses) in the same regency (or province, or both central). Reported, never merged.
void Importer::report_duplicates() {
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::innovation)];
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_region;
    for (std::uint32_t i = 0; i < ds_.innovations.size(); ++i)
        by_region[region_group(ds_.innovations[i].region_code)].push_back(i);
    auto years = [&](std::uint32_t i) {
        std::string y;
        for (const Award& a : ds_.awards)
            if (a.innovation.value == i && a.year) y += (y.empty() ? "" : ", ") + std::to_string(a.year) + (a.tier.empty() ? "" : " " + a.tier);
        return y;
    };
    for (std::uint32_t i = static_cast<std::uint32_t>(base); i < ds_.innovations.size(); ++i) {
        const Innovation& x = ds_.innovations[i];
        if (unnamed(x.name)) continue;
        const std::string key = name_key(x.name);
        for (std::uint32_t j : by_region[region_group(x.region_code)]) {
            if (j >= i) break;
            const Innovation& y = ds_.innovations[j];
            if (unnamed(y.name) || !near_names(key, name_key(y.name))) continue;
            if (distinct_.count({x.id, y.id}) || distinct_.count({y.id, x.id})) continue;
            const Origin& o = origin_[static_cast<std::size_t>(RecordKind::innovation)][i - base];
            const auto p = innovation_name_pos_.find(x.id);
            const std::string yx = years(i), yy = years(j);
            issue(Level::warning, o.file, p == innovation_name_pos_.end() ? Pos{o.line, 1} : p->second,
                  "likely duplicate: \"" + x.name + "\" (" + x.id + (yx.empty() ? "" : ", " + yx) + ") and \"" + y.name +
                      "\" (" + y.id + (yy.empty() ? "" : ", " + yy) + (j < base ? ", base bundle" : "") + ")" +
                      (x.region_code.empty() ? "" : " in " + region_group(x.region_code)) +
                      "; not merged: record a decision (same or distinct) in the duplicates file");
        }
    }
}

// Likely duplicate replications: the same source innovation taken up in the same regency (or
// province) with the same first date, one of them new.
void Importer::report_duplicate_replications() {
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::replication)];
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_source;
    for (std::uint32_t i = 0; i < ds_.replications.size(); ++i) by_source[ds_.replications[i].source.value].push_back(i);
    for (std::uint32_t i = static_cast<std::uint32_t>(base); i < ds_.replications.size(); ++i) {
        const Replication& x = ds_.replications[i];
        for (std::uint32_t j : by_source[x.source.value]) {
            if (j >= i) break;
            const Replication& y = ds_.replications[j];
            if (region_group(x.region_code) != region_group(y.region_code)) continue;
            const Date dx = x.first_date(), dy = y.first_date();
            if (dx.known() && dy.known() && !(dx == dy)) continue;
            // The same adopter (spelled alike, or one name the start of the other), or the
            // same day with a group on either side ("camat se-Kabupaten Ngawi").
            const Institution& ax = ds_.institutions[x.adopter.value];
            const Institution& ay = ds_.institutions[y.adopter.value];
            const bool same_day = dx.known() && dy.known();
            if (!(x.adopter == y.adopter || same_adopter_name(ax.name, ay.name) ||
                  (same_day && (group_like(ax) || group_like(ay)))))
                continue;
            if (distinct_.count({x.id, y.id}) || distinct_.count({y.id, x.id})) continue;
            const Origin& o = origin_[static_cast<std::size_t>(RecordKind::replication)][i - base];
            issue(Level::warning, o.file, {o.line, 1},
                  "likely duplicate replication: " + x.id + " (" + ds_.institutions[x.adopter.value].name + ") and " +
                      y.id + " (" + ds_.institutions[y.adopter.value].name + (j < base ? ", base bundle" : "") +
                      "), both of " + ds_.innovations[x.source.value].id +
                      (x.region_code.empty() ? "" : " in " + region_group(x.region_code)) +
                      "; not merged: record a decision (same or distinct) in the duplicates file");
        }
    }
}

// Likely duplicate figures: the same number for the same period (dashes and spaces aside).
void Importer::report_duplicate_figures() {
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::figure)];
    for (std::size_t i = base; i < ds_.figures.size(); ++i) {
        const Figure& x = ds_.figures[i];
        if (!x.value) continue;
        for (std::size_t j = 0; j < i; ++j) {
            const Figure& y = ds_.figures[j];
            if (!y.value || *y.value != *x.value || text::fold(x.period) != text::fold(y.period)) continue;
            if (distinct_.count({x.id, y.id}) || distinct_.count({y.id, x.id})) continue;
            const Origin& o = origin_[static_cast<std::size_t>(RecordKind::figure)][i - base];
            issue(Level::warning, o.file, {o.line, 1},
                  "likely duplicate figure: " + x.id + " (\"" + x.metric + "\") and " + y.id + " (\"" + y.metric + "\"" +
                      (j < base ? ", base bundle" : "") + ") both give " + number_text(*x.value) +
                      " for " + x.period + "; not merged: record a decision (same or distinct) in the duplicates file");
        }
    }
}

void Importer::finish() {
    ds_.build_relations();
    const std::string text = write_bundle(ds_, false);
    auto loaded = load_bundle(text);
    if (!loaded) {
        issue(Level::error, "(bundle)", {0, 0}, "the imported records do not make a bundle: " + loaded.error().describe());
        return;
    }
    // Problems the bundle validator finds are named by the row they came from.
    for (const Issue& is : loaded.value().report.issues) {
        std::string file = "(bundle)";
        Pos pos{};
        const std::string& path = is.path;
        for (int k = 0; k < record_kind_count; ++k) {
            const std::string prefix = std::string("$.") + to_string(static_cast<RecordKind>(k)) + "[";
            if (path.compare(0, prefix.size(), prefix) != 0) continue;
            const std::size_t row = std::strtoul(path.c_str() + prefix.size(), nullptr, 10);
            const std::size_t b = base_count_[static_cast<std::size_t>(k)];
            if (row >= b && row - b < origin_[static_cast<std::size_t>(k)].size()) {
                const Origin& o = origin_[static_cast<std::size_t>(k)][row - b];
                if (!o.file.empty()) {
                    file = o.file;
                    pos = {o.line, 1};
                }
            } else if (row < b) {
                file = "(base bundle)";
            }
        }
        issue(is.severity == Severity::error ? Level::error : Level::warning, file, pos, is.path + ": " + is.message);
    }
    res_.dataset = loaded.value().dataset;
}

void Importer::run(const std::vector<CsvFile>& files) {
    for (const DuplicateDecision& d : opt_.decisions) {
        if (d.same) same_as_.emplace(d.id, d.other);
        else distinct_.insert({d.id, d.other});
    }
    take_base();
    std::vector<const CsvFile*> ordered;
    for (const CsvFile& f : files)
        if (!csvcols::find(f.name))
            issue(Level::warning, f.name, {0, 0}, "ignored: not a file the importer reads (it reads meta.csv, sources.csv, "
                                                "institutions.csv, innovations.csv, awards.csv, events.csv, participants.csv, "
                                                "replications.csv, cohorts.csv, figures.csv)");
    for (const std::string& name : csv_file_names()) {
        const CsvFile* f = nullptr;
        for (const CsvFile& c : files)
            if (c.name == name) f = &c;
        if (!f) continue;
        Sheet sh;
        if (!open(*f, sh)) continue;
        if (name == "meta.csv") read_meta(sh);
        else if (name == "sources.csv") read_sources(sh);
        else if (name == "institutions.csv") read_institutions(sh);
        else if (name == "innovations.csv") read_innovations(sh);
        else if (name == "awards.csv") read_awards(sh);
        else if (name == "events.csv") read_events(sh);
        else if (name == "participants.csv") read_participants(sh);
        else if (name == "replications.csv") read_replications(sh);
        else if (name == "cohorts.csv") read_cohorts(sh);
        else if (name == "figures.csv") read_figures(sh);
    }
    read_figure_compare();
    if (!have_meta_) {
        ds_.meta = opt_.meta;
        have_meta_ = !ds_.meta.title.empty();
    }
    if (ds_.meta.title.empty() || !ds_.meta.created.known())
        issue(Level::error, "meta.csv", {0, 0}, "the bundle needs a title and a created date: give meta.csv (key,value rows) or a base bundle");
    resolve_deferred();
    report_duplicates();
    report_duplicate_replications();
    report_duplicate_figures();
    finish();
    std::stable_sort(res_.issues.begin(), res_.issues.end(), [](const ImportIssue& a, const ImportIssue& b) {
        auto rank = [](const std::string& f) {
            const auto& names = csv_file_names();
            const auto it = std::find(names.begin(), names.end(), f);
            return static_cast<std::size_t>(it - names.begin());
        };
        if (a.file != b.file) return rank(a.file) < rank(b.file);
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}


}  // namespace atlas::csvimp

namespace atlas {

ImportResult import_csv(const std::vector<CsvFile>& files, const ImportOptions& options) {
    ImportResult res;
    csvimp::Importer im(options, res);
    im.run(files);
    return res;
}


}  // namespace atlas
