#include "csv_columns.hpp"

#include <algorithm>

namespace atlas::csvcols {

const std::vector<FileSpec>& files() {
    // Columns that let a hand-made row name its source instead of listing source ids.
    static const std::vector<FileSpec> specs = {
        {"meta.csv", {"key", "value"}, {}, {{"key"}, {"value"}}},
        {"sources.csv", {"id", "title", "outlet", "date", "url", "language", "note"}, {}, {{"id", "url"}}},
        {"institutions.csv",
         {"id", "name", "kind", "region", "parent", "member_count", "sources", "confidence", "note"},
         {"source_url", "source_title", "source_date"},
         {{"name"}}},
        {"innovations.csv",
         {"id", "name", "acronym_expansion", "description", "owner", "unit", "region", "sector", "year_started",
          "status", "derived_from", "sources", "confidence", "note"},
         {"owner_name", "award_id", "award_competition", "award_year", "award_tier", "award_group", "source_url",
          "source_title", "source_date"},
         {{"name"}}},
        {"awards.csv",
         {"id", "innovation", "competition", "year", "tier", "group", "sources", "confidence", "note"},
         {"source_url", "source_title", "source_date"},
         {{"innovation"}, {"competition"}}},
        {"events.csv",
         {"id", "name", "kind", "date", "end_date", "place", "region", "online", "part_of", "innovations", "sources",
          "confidence", "note"},
         {"source_url", "source_title", "source_date"},
         {{"name"}}},
        {"participants.csv",
         {"event", "role", "person", "position", "institution", "description", "count"},
         {},
         {{"event"}, {"role"}}},
        {"replications.csv",
         {"id", "source", "adopter", "region", "adopter_count", "program", "stages", "derived", "sources",
          "confidence", "note"},
         {"source_name", "source_region", "adopter_name", "program_name", "stage", "date", "derived_name",
          "source_url", "source_title", "source_date"},
         {{"source", "source_name"}, {"adopter", "adopter_name"}}},
        {"cohorts.csv",
         {"id", "program", "innovations", "adopters", "adopter_count", "regions", "stages", "sources", "confidence",
          "note"},
         {"source_url", "source_title", "source_date"},
         {{"program"}, {"innovations"}}},
        {"figures.csv",
         {"id", "metric", "value", "value_text", "unit", "scope", "period", "compare_measure", "compare_competition",
          "compare_year_from", "compare_year_to", "compare_tiers", "compare_group", "compare_region", "compare_program",
          "sources", "confidence", "note"},
         {"value_as_published", "source_url", "source_title", "source_date"},
         {{"metric"}}},
    };
    return specs;
}

const FileSpec* find(std::string_view file) {
    for (const FileSpec& f : files())
        if (f.file == file) return &f;
    return nullptr;
}

bool known_column(const FileSpec& f, std::string_view c) {
    return std::find(f.columns.begin(), f.columns.end(), c) != f.columns.end() ||
           std::find(f.extra.begin(), f.extra.end(), c) != f.extra.end();
}

}  // namespace atlas::csvcols
