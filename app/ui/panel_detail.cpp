// Detail panel of the selected innovation: who owns it, where, awards, replications in and
// out, programs, events, derived innovations, sources (links), confidence and notes.
#include <cstdio>
#include <set>

#include "../platform/platform.hpp"
#include "core/regions.hpp"
#include "ui.hpp"

namespace atlas::ui {

namespace {

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.25f, 0.30f, 0.40f, 1));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void field(const char* label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s:", label);
    ImGui::SameLine();
    text_wrapped(value);
}

// Confidence and note of any record, on one line, coloured by confidence.
void provenance(const Cited& c) {
    if (c.confidence != Confidence::unspecified) {
        ImGui::SameLine();
        ImGui::TextColored(confidence_colour(c.confidence), "[%s]", confidence_text(c.confidence));
    }
    if (!c.note.empty()) {
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped(c.note);
        ImGui::PopStyleColor();
        ImGui::Unindent();
    }
}

// A link to another innovation: clicking it selects it everywhere.
void innovation_link(AppState& app, InnovationId id) {
    const Innovation& inn = app.data->innovations[id.value];
    if (link_text(inn.name.c_str(), &inn)) select_innovation(app, id, true);
}

std::string stages_text(const std::vector<StageStep>& steps) {
    std::string s;
    for (const StageStep& st : steps) {
        if (!s.empty()) s += " → ";
        s += stage_text(st.stage);
        if (st.date.known()) s += " " + st.date.to_string();
    }
    return s;
}

}  // namespace

void draw_detail_panel(AppState& app) {
    if (!app.data || !app.selected || app.selected.value >= app.data->innovations.size()) {
        ImGui::TextDisabled("%s", tr(S::detail_empty));
        return;
    }
    const Dataset& ds = *app.data;
    const InnovationId id = app.selected;
    const Innovation& inn = ds.innovations[id.value];

    ImGui::PushFont(fonts.heading);
    text_wrapped(inn.name);
    ImGui::PopFont();
    note_rect(app, "detail_title");
    if (!inn.acronym_expansion.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped(inn.acronym_expansion);
        ImGui::PopStyleColor();
    }
    if (!inn.description.empty()) text_wrapped(inn.description);
    ImGui::Spacing();

    if (inn.owner) {
        const Institution& o = ds.institutions[inn.owner.value];
        field(tr(S::detail_owner), o.name);
    }
    if (inn.unit) field(tr(S::detail_unit), ds.institutions[inn.unit.value].name);
    field(tr(S::detail_region), region_text(inn.region_code));
    field(tr(S::detail_sector), inn.sector);
    if (inn.year_started) field(tr(S::detail_started), std::to_string(inn.year_started));
    ImGui::TextDisabled("%s:", tr(S::detail_confidence));
    ImGui::SameLine();
    ImGui::TextColored(confidence_colour(inn.confidence), "%s", confidence_text(inn.confidence));
    if (!inn.note.empty()) field(tr(S::detail_note), inn.note);

    // Awards.
    auto awards = ds.awards_of.of(id.value);
    if (!awards.empty()) {
        heading(tr(S::detail_awards));
        for (AwardId a : awards) {
            const Award& aw = ds.awards[a.value];
            std::string s = aw.competition + " " + (aw.year ? std::to_string(aw.year) : std::string("(") + tr(S::detail_no_year) + ")");
            s += " — " + (aw.tier.empty() ? std::string(tr(S::detail_no_tier)) : aw.tier);
            if (!aw.group.empty()) s += " (" + aw.group + ")";
            ImGui::Bullet();
            ImGui::TextUnformatted(s.c_str());
            provenance(aw);
        }
    }

    // Where it came from.
    if (inn.derived_from) {
        heading(tr(S::detail_derived_from));
        const Replication& r = ds.replications[inn.derived_from.value];
        ImGui::Bullet();
        innovation_link(app, r.source);
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", region_text(ds.innovations[r.source.value].region_code).c_str());
        provenance(r);
        if (!r.stages.empty()) dim_text("%s", stages_text(r.stages).c_str());
    }

    // Who replicated it.
    auto reps = ds.replications_of.of(id.value);
    if (!reps.empty()) {
        heading(tr(S::detail_replicated_by));
        for (ReplicationId rid : reps) {
            const Replication& r = ds.replications[rid.value];
            const Institution& a = ds.institutions[r.adopter.value];
            ImGui::Bullet();
            if (r.adopter_count > 1 && a.kind != "group") ImGui::Text("%s (%u)", a.name.c_str(), r.adopter_count);
            else ImGui::TextUnformatted(a.name.c_str());
            provenance(r);
            ImGui::Indent();
            dim_text("%s", region_text(r.region_code).c_str());
            ImGui::TextColored(stage_colour(r.latest_stage()), "%s", stages_text(r.stages).c_str());
            if (r.program) dim_text("%s: %s", tr(S::col_program), ds.events[r.program.value].name.c_str());
            if (r.derived) {
                ImGui::TextDisabled("%s:", tr(S::detail_derived));
                ImGui::SameLine();
                innovation_link(app, r.derived);
            }
            ImGui::Unindent();
        }
    }

    // Programs of unknown pairing.
    auto cohorts = ds.cohorts_of.of(id.value);
    if (!cohorts.empty()) {
        heading(tr(S::detail_cohorts));
        for (CohortId cid : cohorts) {
            const Cohort& c = ds.cohorts[cid.value];
            const Event& prog = ds.events[c.program.value];
            ImGui::Bullet();
            text_wrapped(prog.name);
            provenance(c);
            ImGui::Indent();
            dim_text("%s", tr(S::detail_pairing_unknown));
            std::uint32_t n = c.adopter_count ? c.adopter_count : static_cast<std::uint32_t>(c.adopters.size());
            ImGui::Text("%u %s — %s", n, tr(S::detail_adopters_count), stages_text(c.stages).c_str());
            if (!c.region_codes.empty()) {
                std::string regions;
                for (const std::string& code : c.region_codes) {
                    std::string_view reg = RegionTable::regency_code(code);
                    const Region* r = RegionTable::embedded().find(reg.empty() ? std::string_view(code) : reg);
                    if (!regions.empty()) regions += ", ";
                    regions += r ? std::string(r->name) : code;
                }
                field(tr(S::detail_regions), regions);
            }
            if (c.innovations.size() > 1) {
                ImGui::TextDisabled("%s:", tr(S::detail_other_sources));
                for (InnovationId other : c.innovations) {
                    if (other == id) continue;
                    ImGui::Bullet();
                    innovation_link(app, other);
                }
            }
            ImGui::Unindent();
        }
    }

    // Events it was shown at.
    auto events = ds.events_of.of(id.value);
    if (!events.empty()) {
        heading(tr(S::detail_events));
        for (EventId eid : events) {
            const Event& e = ds.events[eid.value];
            ImGui::Bullet();
            text_wrapped(e.name);
            provenance(e);
            ImGui::Indent();
            std::string when = e.date.to_string();
            if (!e.place.empty()) when += (when.empty() ? "" : ", ") + e.place;
            if (e.online) when += std::string(when.empty() ? "" : ", ") + tr(S::detail_online);
            if (!when.empty()) dim_text("%s", when.c_str());
            for (const Participant& p : e.participants) {
                std::string who = p.person;
                if (!p.position.empty()) who += (who.empty() ? "" : ", ") + p.position;
                if (p.institution) who += (who.empty() ? "" : ", ") + ds.institutions[p.institution.value].name;
                if (who.empty()) who = p.description;
                if (p.count) who += " (" + std::to_string(p.count) + ")";
                dim_text("· %s — %s", p.role.c_str(), who.c_str());
            }
            ImGui::Unindent();
        }
    }

    // What its owner adopted from others (replications in).
    if (inn.owner) {
        auto in = ds.replications_into.of(inn.owner.value);
        if (!in.empty()) {
            heading(tr(S::detail_owner_adopted));
            for (ReplicationId rid : in) {
                ImGui::Bullet();
                innovation_link(app, ds.replications[rid.value].source);
                provenance(ds.replications[rid.value]);
            }
        }
    }

    // Sources of this innovation, as links.
    heading(tr(S::detail_sources));
    std::set<std::uint32_t> seen;
    auto show_source = [&](SourceId sid) {
        if (!seen.insert(sid.value).second) return;
        const Source& s = ds.sources[sid.value];
        ImGui::Bullet();
        if (!s.url.empty()) {
            if (link_text(s.title.c_str(), &s)) platform::open_url(s.url);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.url.c_str());
        } else {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(s.title.c_str());
            ImGui::PopTextWrapPos();
        }
        std::string meta = s.outlet;
        if (s.date.known()) meta += (meta.empty() ? "" : ", ") + s.date.to_string();
        if (!meta.empty()) dim_text("%s", meta.c_str());
    };
    for (SourceId sid : inn.sources) show_source(sid);
    for (AwardId a : awards)
        for (SourceId sid : ds.awards[a.value].sources) show_source(sid);
    for (ReplicationId rid : reps)
        for (SourceId sid : ds.replications[rid.value].sources) show_source(sid);
    // The replication it derives from and the programs it was part of are shown above: their
    // sources are listed too, so every record on the panel names where it comes from.
    if (inn.derived_from)
        for (SourceId sid : ds.replications[inn.derived_from.value].sources) show_source(sid);
    for (CohortId cid : cohorts)
        for (SourceId sid : ds.cohorts[cid.value].sources) show_source(sid);
    for (EventId eid : events)
        for (SourceId sid : ds.events[eid.value].sources) show_source(sid);
}

}  // namespace atlas::ui
