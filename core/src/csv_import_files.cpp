// One reader per CSV file of the import (meta, sources, institutions, innovations, awards,
// events, participants, replications, cohorts, figures, the figure-compare file).
#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "csv_columns.hpp"
#include "csv_importer.hpp"

namespace atlas::csvimp {

// ===========================================================================
// Files
// ===========================================================================
void Importer::read_meta(Sheet& sh) {
    have_meta_ = true;
    each_row(sh, [&](RowCtx& r) {
        const std::string_view key = r.get("key");
        const std::string value(r.get("value"));
        if (key == "title") ds_.meta.title = value;
        else if (key == "created") ds_.meta.created = date_cell(r, "value");
        else if (key == "licence") ds_.meta.licence = value;
        else if (key == "synthetic") {
            if (value != "true" && value != "false") {
                error(r, "value", "synthetic must be true or false, not \"" + value + "\"");
                return false;
            }
            ds_.meta.synthetic = value == "true";
        } else if (key == "description") ds_.meta.description = value;
        else if (key == "generator") ds_.meta.generator = value;
        else {
            error(r, "key", "unknown meta key \"" + std::string(key) +
                                "\" (title, created, licence, synthetic, description, generator)");
            return false;
        }
        return true;
    });
}

void Importer::read_sources(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Source s;
        s.url = std::string(r.get("url"));
        if (!s.url.empty() && s.url.substr(0, 7) != "http://" && s.url.substr(0, 8) != "https://") {
            error(r, "url", "url must start with http:// or https:// (left empty)");
            s.url.clear();
        }
        if (!s.url.empty() && r.get("id").empty() && source_by_url_.count(s.url)) return true;  // already known
        char hex[12];
        std::snprintf(hex, sizeof hex, "%08x", fnv1a(s.url));
        bool ok = true;
        s.id = take_id(r, RecordKind::source, "src-" + std::string(hex), ok);
        if (!ok) return false;
        s.title = std::string(r.get("title"));
        if (s.title.empty()) {
            if (s.url.empty()) {
                error(r, "title", "a source needs a title or a url; row skipped");
                return false;
            }
            s.title = s.url;
        }
        s.outlet = std::string(r.get("outlet"));
        s.date = date_cell(r, "date");
        s.language = std::string(r.get("language"));
        s.note = std::string(r.get("note"));
        const auto row = static_cast<std::uint32_t>(ds_.sources.size());
        if (!register_id(r, s.id, RecordKind::source, row)) return false;
        origin_[static_cast<std::size_t>(RecordKind::source)].push_back({sh.file, r.row.line});
        if (!s.url.empty()) source_by_url_.emplace(s.url, row);
        ds_.sources.push_back(std::move(s));
        return true;
    });
}

void Importer::read_institutions(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Institution x;
        x.name = std::string(r.get("name"));
        if (x.name.empty()) {
            error(r, "name", "empty name; row skipped");
            return false;
        }
        bool ok = true;
        x.id = take_id(r, RecordKind::institution, "inst-" + slug(x.name), ok);
        if (!ok) return false;
        x.kind = enum_cell(r, "kind", {"government", "ministry", "agency", "dinas", "badan", "secretariat",
                                       "health_centre", "hospital", "school", "kecamatan", "village", "police", "soe",
                                       "group", "other"});
        if (x.kind.empty()) x.kind = infer_kind(x.name);
        x.region_code = region_cell(r, "region");
        x.member_count = uint_cell(r, "member_count", 1);
        read_cited(r, x);
        if (x.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.institutions.size());
        if (!register_id(r, x.id, RecordKind::institution, row)) return false;
        if (const std::string_view parent = r.get("parent"); !parent.empty())
            deferred_.push_back({Deferred::What::institution_parent, row, std::string(parent), sh.file, r.pos("parent")});
        origin_[static_cast<std::size_t>(RecordKind::institution)].push_back({sh.file, r.row.line});
        institution_by_name_.emplace(name_key(x.name) + "|" + x.region_code, row);
        ds_.institutions.push_back(std::move(x));
        return true;
    });
}

void Importer::read_innovations(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Innovation x;
        x.name = std::string(r.get("name"));
        if (x.name.empty()) {
            error(r, "name", "empty name; row skipped");
            return false;
        }
        std::string unresolved;
        x.region_code = region_cell(r, "region", &unresolved);
        bool ok = true;
        std::string gen = "inn-" + slug(x.name, 40);
        if (!x.region_code.empty()) gen += "-" + slug(x.region_code);
        x.id = take_id(r, RecordKind::innovation, gen, ok);
        if (!ok) return false;
        if (!same_as_.count(x.id) && ids_.count(x.id)) return register_id(r, x.id, RecordKind::innovation, 0);
        read_cited(r, x);
        if (x.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }

        // A reviewed duplicate: the row adds its award and sources to the existing record.
        if (auto same = same_as_.find(x.id); same != same_as_.end()) {
            auto it = ids_.find(same->second);
            if (it == ids_.end() || it->second.kind != RecordKind::innovation) {
                error(r, "id", "the duplicates file says \"" + x.id + "\" is the same as \"" + same->second +
                                   "\", which is no innovation; row skipped");
                return false;
            }
            Innovation& target = ds_.innovations[it->second.row];
            for (SourceId s : x.sources)
                if (std::find(target.sources.begin(), target.sources.end(), s) == target.sources.end())
                    target.sources.push_back(s);
            merged_into_.insert(it->second.row);
            innovation_by_name_[name_key(x.name)].push_back(it->second.row);
            add_award(r, InnovationId(it->second.row), true, "award-" + x.id);
            return true;
        }

        x.acronym_expansion = std::string(r.get("acronym_expansion"));
        x.description = std::string(r.get("description"));
        if (const std::string_view owner = r.get("owner"); !owner.empty()) {
            const std::uint32_t o = lookup(r, "owner", owner, RecordKind::institution, "; row skipped");
            if (o == RowId<void>::none_value) return false;
            x.owner = InstitutionId(o);
        } else if (const std::string_view owner_name = r.get("owner_name"); !owner_name.empty()) {
            x.owner = institution_named(owner_name, x.region_code, x);
        } else {
            x.owner = government_of(r, x.region_code, unresolved.empty() ? r.get("region") : unresolved, x);
            if (!x.owner) return false;
        }
        if (const std::string_view unit = r.get("unit"); !unit.empty()) {
            const std::uint32_t u = lookup(r, "unit", unit, RecordKind::institution);
            if (u != RowId<void>::none_value) x.unit = InstitutionId(u);
        }
        if (!unresolved.empty())
            x.note += std::string(x.note.empty() ? "" : "; ") + "region as written: " + unresolved + " (not resolved)";
        x.sector = std::string(r.get("sector"));
        x.year_started = static_cast<std::int16_t>(year_cell(r, "year_started"));
        x.status = enum_cell(r, "status", {"active", "inactive", "unknown"});
        const std::string id = x.id;
        const InnovationId row = add_innovation(std::move(x), {sh.file, r.row.line}, r.pos("name"));
        if (const std::string_view d = r.get("derived_from"); !d.empty())
            deferred_.push_back({Deferred::What::innovation_derived_from, row.value, std::string(d), sh.file, r.pos("derived_from")});
        add_award(r, row, true, "award-" + id);
        return true;
    });
}

// From awards.csv, or from the award_* columns of innovations.csv.
bool Importer::add_award(RowCtx& r, InnovationId inn, bool from_innovation_row, const std::string& fallback_id) {
    const std::string p = from_innovation_row ? "award_" : "";
    const std::string c_comp = from_innovation_row ? "award_competition" : "competition";
    const std::string c_year = from_innovation_row ? "award_year" : "year";
    const std::string c_tier = from_innovation_row ? "award_tier" : "tier";
    const std::string c_group = from_innovation_row ? "award_group" : "group";
    Award a;
    a.competition = std::string(r.get(c_comp));
    const bool any = !a.competition.empty() || !r.get(c_year).empty() || !r.get(c_tier).empty() || !r.get(c_group).empty();
    if (from_innovation_row && !any) return true;
    if (a.competition.empty()) {
        error(r, c_comp, from_innovation_row ? "award_year, award_tier or award_group given without award_competition; no award made"
                                             : "empty competition; row skipped");
        return false;
    }
    a.innovation = inn;
    a.year = static_cast<std::int16_t>(year_cell(r, c_year));
    a.tier = std::string(r.get(c_tier));
    read_cited(r, a);
    if (const std::string_view g = r.get(c_group); g == "umum" || g == "replikasi" || g == "khusus") {
        a.group = std::string(g);
    } else if (!g.empty()) {
        // A group the format does not know (the 2024 "keberlanjutan" round): kept as words.
        warn(r, c_group, c_group + " \"" + std::string(g.substr(0, 40)) +
                             "\" is none of umum, replikasi, khusus; kept in the award's note");
        a.note = "group as published: " + std::string(g) + (a.note.empty() ? "" : "; " + a.note);
    }
    if (!from_innovation_row) {
        bool ok = true;
        a.id = take_id(r, RecordKind::award, fallback_id, ok);
        if (!ok) return false;
        if (a.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
    } else {
        const std::string_view given = r.get("award_id");
        a.id = given.empty() ? make_id(fallback_id) : std::string(given);
        if (!valid_id(a.id)) {
            error(r, "award_id", "\"" + a.id.substr(0, 40) + "\" is not a valid id; no award made");
            return false;
        }
    }
    const auto row = static_cast<std::uint32_t>(ds_.awards.size());
    if (from_innovation_row) {
        if (!ids_.emplace(a.id, RecordRef{RecordKind::award, row}).second) {
            error(r, "award_id", "duplicate id \"" + a.id + "\"; no award made");
            return false;
        }
    } else if (!register_id(r, a.id, RecordKind::award, row)) {
        return false;
    }
    origin_[static_cast<std::size_t>(RecordKind::award)].push_back({r.sh.file, r.row.line});
    ds_.awards.push_back(std::move(a));
    return true;
}

void Importer::read_awards(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        const std::uint32_t inn = lookup(r, "innovation", r.get("innovation"), RecordKind::innovation, "; row skipped");
        if (inn == RowId<void>::none_value) return false;
        return add_award(r, InnovationId(inn), false, "award-" + ds_.innovations[inn].id);
    });
}

void Importer::read_events(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Event e;
        e.name = std::string(r.get("name"));
        if (e.name.empty()) {
            error(r, "name", "empty name; row skipped");
            return false;
        }
        bool ok = true;
        e.id = take_id(r, RecordKind::event, "ev-" + slug(e.name), ok);
        if (!ok) return false;
        e.kind = enum_cell(r, "kind", {"program", "commitment_signing", "action_plan", "exhibition", "workshop",
                                       "coaching", "forum", "competition", "other"});
        if (e.kind.empty()) e.kind = "program";
        e.date = date_cell(r, "date");
        e.end_date = date_cell(r, "end_date");
        e.place = std::string(r.get("place"));
        e.region_code = region_cell(r, "region");
        const std::string_view online = r.get("online");
        if (online == "yes" || online == "true" || online == "ya" || online == "1") e.online = true;
        else if (!online.empty() && online != "no" && online != "false" && online != "tidak" && online != "0")
            error(r, "online", "online must be yes or no, not \"" + std::string(online.substr(0, 40)) + "\"");
        for (std::string_view id : split_list(r.get("innovations"), '|')) {
            const std::uint32_t i = lookup(r, "innovations", id, RecordKind::innovation);
            if (i != RowId<void>::none_value) e.innovations.push_back(InnovationId(i));
        }
        read_cited(r, e);
        if (e.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.events.size());
        if (!register_id(r, e.id, RecordKind::event, row)) return false;
        if (const std::string_view p = r.get("part_of"); !p.empty())
            deferred_.push_back({Deferred::What::event_part_of, row, std::string(p), sh.file, r.pos("part_of")});
        origin_[static_cast<std::size_t>(RecordKind::event)].push_back({sh.file, r.row.line});
        event_by_name_.emplace(name_key(e.name), row);
        ds_.events.push_back(std::move(e));
        return true;
    });
}

void Importer::read_participants(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        const std::uint32_t e = lookup(r, "event", r.get("event"), RecordKind::event, "; row skipped");
        if (e == RowId<void>::none_value) return false;
        Participant p;
        p.role = enum_cell(r, "role", {"facilitator", "host", "opener", "speaker", "signatory", "witness", "presenter",
                                       "participant", "visitor", "organiser"});
        if (p.role.empty()) {
            if (r.get("role").empty()) error(r, "role", "empty role; row skipped");
            return false;
        }
        p.person = std::string(r.get("person"));
        p.position = std::string(r.get("position"));
        if (const std::string_view inst = r.get("institution"); !inst.empty()) {
            const std::uint32_t i = lookup(r, "institution", inst, RecordKind::institution);
            if (i != RowId<void>::none_value) p.institution = InstitutionId(i);
        }
        p.description = std::string(r.get("description"));
        p.count = uint_cell(r, "count", 1);
        ds_.events[e].participants.push_back(std::move(p));
        return true;
    });
}

// The source innovation of a replication row: by id, or by name and region. An unknown name
// becomes a record of its own (reported), so that the replication keeps what the page says.
InnovationId Importer::replication_source(RowCtx& r, const Cited& cite) {
    if (const std::string_view id = r.get("source"); !id.empty()) {
        const std::uint32_t i = lookup(r, "source", id, RecordKind::innovation, "; row skipped");
        return i == RowId<void>::none_value ? InnovationId() : InnovationId(i);
    }
    const std::string_view name = r.get("source_name");
    if (name.empty()) {
        error(r, "source_name", "no source innovation: fill source (an innovation id) or source_name; row skipped");
        return {};
    }
    std::string unresolved;
    const std::string region = region_cell(r, "source_region", &unresolved);
    std::vector<std::uint32_t> hits;
    if (auto it = innovation_by_name_.find(name_key(name)); !unnamed(name) && it != innovation_by_name_.end())
        for (std::uint32_t i : it->second)
            if (related_codes(ds_.innovations[i].region_code, region) &&
                std::find(hits.begin(), hits.end(), i) == hits.end())
                hits.push_back(i);
    if (hits.size() == 1) return InnovationId(hits[0]);

    Innovation x;
    x.name = std::string(name);
    x.region_code = region;
    x.id = make_id("inn-" + slug(name, 40) + (region.empty() ? "" : "-" + slug(region)));
    // A reviewed decision may name the record this one would have become.
    if (auto same = same_as_.find(x.id); same != same_as_.end()) {
        auto it = ids_.find(same->second);
        if (it != ids_.end() && it->second.kind == RecordKind::innovation) {
            innovation_by_name_[name_key(name)].push_back(it->second.row);
            return InnovationId(it->second.row);
        }
        error(r, "source_name", "the duplicates file says \"" + x.id + "\" is the same as \"" + same->second +
                                    "\", which is no innovation");
    }
    x.sources = cite.sources;
    x.confidence = Confidence::low;
    x.owner = government_of(r, region, unresolved.empty() ? r.get("source_region") : unresolved, cite);
    if (!x.owner) return {};
    std::string where = r.get("source_region").empty() ? std::string() : " (" + std::string(r.get("source_region")) + ")";
    if (unnamed(name)) {
        x.note = "The page does not name the innovation; this record stands for it.";
        warn(r, "source_name", "source innovation not named (\"" + std::string(name) + "\")" + where +
                                   "; a record " + x.id + " was made for it");
    } else if (hits.empty()) {
        x.note = "Known here only as the source of a replication; no award record names it.";
        warn(r, "source_name", "source innovation \"" + std::string(name) + "\"" + where +
                                   " is not among the innovations; a record " + x.id + " was made for it");
    } else {
        std::string list;
        for (std::uint32_t h : hits) list += (list.empty() ? "" : ", ") + ds_.innovations[h].id;
        x.note = "Named as the source of a replication; several records fit (" + list + "), none was chosen.";
        warn(r, "source_name", "source innovation \"" + std::string(name) + "\"" + where + " matches several innovations (" +
                                   list + "); a record " + x.id + " was made instead of guessing");
    }
    return add_innovation(std::move(x), {r.sh.file, r.row.line}, r.pos("source_name"));
}

void Importer::read_replications(Sheet& sh) {
    each_row(sh, [&](RowCtx& rc) {
        Replication x;
        read_cited(rc, x);
        if (x.sources.empty()) {
            error(rc, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        bool ok = true;
        const std::string given_id(rc.get("id"));
        if (auto same = same_as_.find(given_id); !given_id.empty() && same != same_as_.end()) {
            // A reviewed duplicate: its sources go to the replication already recorded.
            auto it = ids_.find(same->second);
            if (it == ids_.end() || it->second.kind != RecordKind::replication) {
                error(rc, "id", "the duplicates file says \"" + given_id + "\" is the same as \"" + same->second +
                                    "\", which is no replication; row skipped");
                return false;
            }
            Replication& target = ds_.replications[it->second.row];
            for (SourceId s : x.sources)
                if (std::find(target.sources.begin(), target.sources.end(), s) == target.sources.end())
                    target.sources.push_back(s);
            return true;
        }
        if (!given_id.empty()) {
            x.id = take_id(rc, RecordKind::replication, "", ok);
            if (!ok) return false;
            if (ids_.count(x.id)) return register_id(rc, x.id, RecordKind::replication, 0);
        }
        // Stages before anything is created, so that a row without one leaves nothing behind.
        x.stages = stages_cell(rc, "stages");
        if (const std::string_view st = rc.get("stage"); !st.empty()) {
            StageStep step;
            if (auto s = parse_stage(st)) {
                step.stage = *s;
                step.date = date_cell(rc, "date");
                x.stages.push_back(step);
            } else {
                error(rc, "stage", "unknown stage \"" + std::string(st.substr(0, 40)) +
                                       "\" (interest, commitment, action_plan, implemented); row skipped");
                return false;
            }
        }
        if (x.stages.empty()) {
            error(rc, rc.cell("stages") ? "stages" : "stage",
                  "no stage: write interest, commitment, action_plan or implemented; row skipped");
            return false;
        }
        std::string unresolved;
        x.region_code = region_cell(rc, "region", &unresolved);
        if (const std::string_view a = rc.get("adopter"); !a.empty()) {
            const std::uint32_t i = lookup(rc, "adopter", a, RecordKind::institution, "; row skipped");
            if (i == RowId<void>::none_value) return false;
            x.adopter = InstitutionId(i);
        } else if (const std::string_view an = rc.get("adopter_name"); !an.empty()) {
            x.adopter = institution_named(an, x.region_code, x);
        } else {
            error(rc, "adopter_name", "no adopter: fill adopter (an institution id) or adopter_name; row skipped");
            return false;
        }
        if (!unresolved.empty())
            x.note += std::string(x.note.empty() ? "" : "; ") + "adopter region as written: " + unresolved + " (not resolved)";
        x.source = replication_source(rc, x);
        if (!x.source) return false;
        if (const std::uint32_t n = uint_cell(rc, "adopter_count", 1)) x.adopter_count = n;
        if (const std::string_view p = rc.get("program"); !p.empty()) {
            const std::uint32_t e = lookup(rc, "program", p, RecordKind::event);
            if (e != RowId<void>::none_value) x.program = EventId(e);
        } else if (const std::string_view pn = rc.get("program_name"); !pn.empty()) {
            x.program = program_named(pn, x, {sh.file, rc.row.line});
        }
        if (x.id.empty())
            x.id = make_id("rep-" + slug(ds_.innovations[x.source.value].name, 24) + "-" +
                           slug(ds_.institutions[x.adopter.value].name, 32));
        const auto row = static_cast<std::uint32_t>(ds_.replications.size());
        if (!register_id(rc, x.id, RecordKind::replication, row)) return false;
        if (const std::string_view d = rc.get("derived"); !d.empty()) {
            const std::uint32_t i = lookup(rc, "derived", d, RecordKind::innovation);
            if (i != RowId<void>::none_value) x.derived = InnovationId(i);
        } else if (const std::string_view dn = rc.get("derived_name"); !dn.empty()) {
            Innovation d;
            d.name = std::string(dn);
            d.id = make_id("inn-" + slug(dn, 40) + (x.region_code.empty() ? "" : "-" + slug(x.region_code)));
            // A reviewed decision may say the derived innovation is already recorded (an award row).
            if (auto same = same_as_.find(d.id); same != same_as_.end()) {
                auto it = ids_.find(same->second);
                if (it != ids_.end() && it->second.kind == RecordKind::innovation) {
                    Innovation& target = ds_.innovations[it->second.row];
                    x.derived = InnovationId(it->second.row);
                    if (!target.derived_from) target.derived_from = ReplicationId(row);
                    origin_[static_cast<std::size_t>(RecordKind::replication)].push_back({sh.file, rc.row.line});
                    ds_.replications.push_back(std::move(x));
                    return true;
                }
                error(rc, "derived_name", "the duplicates file says \"" + d.id + "\" is the same as \"" + same->second +
                                              "\", which is no innovation");
            }
            d.owner = x.adopter;
            d.region_code = x.region_code;
            d.sources = x.sources;
            d.confidence = x.confidence;
            d.derived_from = ReplicationId(row);
            d.note = "Grew out of the replication " + x.id + ".";
            x.derived = add_innovation(std::move(d), {sh.file, rc.row.line}, rc.pos("derived_name"));
        }
        origin_[static_cast<std::size_t>(RecordKind::replication)].push_back({sh.file, rc.row.line});
        ds_.replications.push_back(std::move(x));
        return true;
    });
}

void Importer::read_cohorts(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Cohort c;
        bool ok = true;
        c.id = take_id(r, RecordKind::cohort, "cohort-" + slug(r.get("program")), ok);
        if (!ok) return false;
        const std::uint32_t p = lookup(r, "program", r.get("program"), RecordKind::event, "; row skipped");
        if (p == RowId<void>::none_value) return false;
        c.program = EventId(p);
        for (std::string_view id : split_list(r.get("innovations"), '|')) {
            const std::uint32_t i = lookup(r, "innovations", id, RecordKind::innovation);
            if (i != RowId<void>::none_value) c.innovations.push_back(InnovationId(i));
        }
        for (std::string_view id : split_list(r.get("adopters"), '|')) {
            const std::uint32_t i = lookup(r, "adopters", id, RecordKind::institution);
            if (i != RowId<void>::none_value) c.adopters.push_back(InstitutionId(i));
        }
        c.adopter_count = uint_cell(r, "adopter_count", 1);
        for (std::string_view written : split_list(r.get("regions"), '|')) {
            const WrittenRegion w = resolve_written_region(regions_, written);
            if (!w.code.empty()) c.region_codes.push_back(w.code);
            if (!w.message.empty()) warn(r, "regions", w.message + (w.code.empty() ? "; left out" : ""));
        }
        c.stages = stages_cell(r, "stages");
        read_cited(r, c);
        if (c.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.cohorts.size());
        if (!register_id(r, c.id, RecordKind::cohort, row)) return false;
        origin_[static_cast<std::size_t>(RecordKind::cohort)].push_back({sh.file, r.row.line});
        ds_.cohorts.push_back(std::move(c));
        return true;
    });
}

// The compare_* columns: what the figure counts, so the app can set it against the bundle.
void Importer::read_compare(RowCtx& r, FigureCompare& c) {
    const std::string_view m = r.get("compare_measure");
    bool any = false;
    for (std::string_view col : {"compare_competition", "compare_year_from", "compare_year_to", "compare_tiers",
                                 "compare_group", "compare_region", "compare_program"})
        any = any || !r.get(col).empty();
    if (m.empty()) {
        if (any) error(r, "compare_measure", "compare_* columns filled but compare_measure is empty; no comparison kept");
        return;
    }
    const auto measure = parse_figure_measure(m);
    if (!measure || *measure == FigureMeasure::none) {
        std::string list;
        for (int i = 1; i < figure_measure_count; ++i)
            list += (list.empty() ? "" : ", ") + std::string(to_string(static_cast<FigureMeasure>(i)));
        error(r, "compare_measure", "compare_measure must be one of " + list + ", not \"" + std::string(m.substr(0, 40)) +
                                        "\"; no comparison kept");
        return;
    }
    c.measure = *measure;
    c.competition = std::string(r.get("compare_competition"));
    c.year_from = static_cast<std::int16_t>(year_cell(r, "compare_year_from"));
    c.year_to = static_cast<std::int16_t>(year_cell(r, "compare_year_to"));
    for (std::string_view t : split_list(r.get("compare_tiers"), '|')) c.tiers.emplace_back(t);
    c.group = enum_cell(r, "compare_group", {"umum", "replikasi", "khusus"});
    if (!r.get("compare_region").empty()) c.region = region_cell(r, "compare_region");
    if (const std::string_view p = r.get("compare_program"); !p.empty()) {
        const std::uint32_t e = lookup(r, "compare_program", p, RecordKind::event);
        if (e != RowId<void>::none_value) c.program = EventId(e);
    }
}

// The figure-compare file: id plus compare_* columns, applied to figures of this import.
void Importer::read_figure_compare() {
    const CsvFile& f = opt_.figure_compare;
    if (f.text.empty()) return;
    Sheet sh;
    sh.file = f.name;
    sh.table = csv::read(f.text);
    for (const csv::Problem& p : sh.table.problems) issue(p.level, f.name, {p.line, p.column}, p.message);
    if (sh.table.fatal) return;
    const csvcols::FileSpec* figs = csvcols::find("figures.csv");
    for (const csv::Cell& c : sh.table.header.cells) {
        const std::string name(text::trim(c.text));
        const int index = static_cast<int>(&c - sh.table.header.cells.data());
        if (name == "id" || name == "note" || (name.rfind("compare_", 0) == 0 && csvcols::known_column(*figs, name)))
            sh.col.emplace(name, index);
        else
            issue(Level::error, f.name, {c.line, c.column},
                  "unknown column \"" + c.text + "\" (ignored); the file has id, note and the compare_* columns of figures.csv");
    }
    if (!sh.col.count("id") || !sh.col.count("compare_measure")) {
        issue(Level::error, f.name, {1, 1}, "missing column \"id\" or \"compare_measure\"; the file was not read");
        return;
    }
    const std::size_t base = base_count_[static_cast<std::size_t>(RecordKind::figure)];
    res_.counts[f.name].read = static_cast<std::uint32_t>(sh.table.rows.size());
    each_row(sh, [&](RowCtx& r) {
        auto it = ids_.find(std::string(r.get("id")));
        if (it == ids_.end() || it->second.kind != RecordKind::figure || it->second.row < base) {
            error(r, "id", "no figure \"" + std::string(r.get("id")) + "\" among the imported figures; row skipped");
            return false;
        }
        Figure& fig = ds_.figures[it->second.row];
        if (fig.compare.active()) {
            error(r, "id", "figure \"" + fig.id + "\" already says what it counts; row skipped");
            return false;
        }
        read_compare(r, fig.compare);
        return fig.compare.active();
    });
}

void Importer::read_figures(Sheet& sh) {
    each_row(sh, [&](RowCtx& r) {
        Figure f;
        f.metric = std::string(r.get("metric"));
        if (f.metric.empty()) {
            error(r, "metric", "empty metric; row skipped");
            return false;
        }
        f.period = std::string(r.get("period"));
        bool ok = true;
        f.id = take_id(r, RecordKind::figure, "fig-" + slug(f.metric, 40) + (f.period.empty() ? "" : "-" + slug(f.period, 16)), ok);
        if (!ok) return false;
        if (auto same = same_as_.find(f.id); same != same_as_.end()) {
            // A reviewed duplicate: the same published number, already recorded; its page is added.
            auto it = ids_.find(same->second);
            if (it == ids_.end() || it->second.kind != RecordKind::figure) {
                error(r, "id", "the duplicates file says \"" + f.id + "\" is the same as \"" + same->second +
                                   "\", which is no figure; row skipped");
                return false;
            }
            Figure& target = ds_.figures[it->second.row];
            for (SourceId sid : row_sources(r))
                if (std::find(target.sources.begin(), target.sources.end(), sid) == target.sources.end())
                    target.sources.push_back(sid);
            return true;
        }
        f.value_text = std::string(r.get("value_text"));
        if (const std::string_view v = r.get("value"); !v.empty()) {
            if (auto n = parse_number(v)) {
                f.value = *n;
            } else {
                error(r, "value", "value must be a number, not \"" + std::string(v.substr(0, 40)) + "\" (write text in value_text)" +
                                      (f.value_text.empty() ? "; row skipped" : "; left empty"));
                if (f.value_text.empty()) return false;
            }
        }
        if (const std::string_view v = r.get("value_as_published"); !v.empty()) {
            if (auto n = parse_number(v)) f.value = *n;
            else f.value_text = std::string(v);
        }
        f.unit = std::string(r.get("unit"));
        f.scope = std::string(r.get("scope"));
        if (f.scope.empty() || f.period.empty()) {
            error(r, f.scope.empty() ? "scope" : "period",
                  f.scope.empty() ? "empty scope (what the figure covers: national, a province, a tier …); row skipped"
                                  : "empty period (the year or years it covers: 2019, 2014-2023 …); row skipped");
            return false;
        }
        if (!f.value && f.value_text.empty()) {
            error(r, "value", "no value: fill value (a number) or value_text; row skipped");
            return false;
        }
        read_compare(r, f.compare);
        read_cited(r, f);
        if (f.sources.empty()) {
            error(r, "sources", "no source: fill sources (ids from sources.csv) or source_url; row skipped");
            return false;
        }
        const auto row = static_cast<std::uint32_t>(ds_.figures.size());
        if (!register_id(r, f.id, RecordKind::figure, row)) return false;
        origin_[static_cast<std::size_t>(RecordKind::figure)].push_back({sh.file, r.row.line});
        ds_.figures.push_back(std::move(f));
        return true;
    });
}

// ---------------------------------------------------------------------------

}  // namespace atlas::csvimp
