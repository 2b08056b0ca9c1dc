// Bundles as CSV files, one per entity: `atlas import`, `atlas export --csv`, `atlas merge`.
//
// The files and their columns are listed in README.md ("Data staff: CSV import, export and
// merge") and in assets/templates/. An exported set holds every field of every record, so
// bundle → CSV → bundle gives the same bundle. Files made by people may instead name things
// (owner_name, source_name, program_name, source_url …) and let the importer find or create
// the institutions, sources, events and innovations they mean. Everything the importer
// cannot use is reported as `file:line:column: message`; a row is never dropped silently.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/dataset.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"

namespace atlas {

struct CsvFile {
    std::string name;  // file name without folder: "innovations.csv"
    std::string text;
};

struct ImportIssue {
    csv::Level level = csv::Level::error;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    std::string describe() const;  // "file:line:column: message" ("…: warning: message")
};

// Per input file: data rows read, rows that became (or were folded into) records, rows
// skipped with an error. read == used + skipped always holds.
struct FileCounts {
    std::uint32_t read = 0;
    std::uint32_t used = 0;
    std::uint32_t skipped = 0;
};

// "The column `from` of `file` means `to`": lets files with other headers in (the curated
// real data names its columns its own way). Read from a CSV with columns file,column,means.
struct ColumnAlias {
    std::string file;
    std::string from;
    std::string to;
};

// A reviewed pair of likely duplicate innovations. `same`: the row `id` describes the
// innovation `other` (already in the base or imported earlier): its awards, sources and name
// go to `other` and no new innovation is made. `distinct`: they differ; no report.
struct DuplicateDecision {
    std::string id;
    std::string other;
    bool same = true;
    std::string note;
};

struct ImportOptions {
    // Records the import adds to; names in the CSVs link to its records too. Not modified.
    std::shared_ptr<const Dataset> base;
    std::vector<ColumnAlias> aliases;
    std::vector<DuplicateDecision> decisions;
    // Meta for the result when no meta.csv is given (and no base to take it from).
    Meta meta;
    const RegionTable* regions = nullptr;  // null: the embedded table
    // What published figures count, added to figures made by this import (their own CSV may not
    // say): a CSV with `id` and the compare_* columns of figures.csv. Empty text: none.
    CsvFile figure_compare;
};

struct ImportResult {
    std::shared_ptr<const Dataset> dataset;  // null when nothing usable came out
    std::vector<ImportIssue> issues;         // in file order, then line, then column
    std::map<std::string, FileCounts> counts;
    std::size_t error_count() const noexcept;
    std::size_t warning_count() const noexcept;
};

// The file names the importer reads, in the order it reads them.
const std::vector<std::string>& csv_file_names();

// Imports CSV files (unknown names are reported). Never throws.
ImportResult import_csv(const std::vector<CsvFile>& files, const ImportOptions& options);

// Every field of every record, one CSV per kind plus meta.csv; always all files, in
// csv_file_names() order (empty kinds get a header only).
std::vector<CsvFile> export_csv(const Dataset& data, const csv::WriteOptions& options = {});

// Merges B into A: records keep their ids; a record of B whose id A already has is dropped
// when equal and reported as a conflict (field by field; A's version kept) when not. Likely
// duplicates across the two are reported, not merged, unless a decision says so.
ImportResult merge_bundles(const Dataset& a, const Dataset& b, const std::vector<DuplicateDecision>& decisions = {});

// Readers for the two small control files (column maps, duplicate decisions); problems are
// appended to `issues` with `file` as their file name.
std::vector<ColumnAlias> parse_column_map(std::string_view file, std::string_view text, std::vector<ImportIssue>& issues);
std::vector<DuplicateDecision> parse_decisions(std::string_view file, std::string_view text,
                                               std::vector<ImportIssue>& issues);

// A region as written in a data file, resolved for import.
struct WrittenRegion {
    enum class Status : std::uint8_t { empty, exact, guessed, narrowed, national, unresolved };
    Status status = Status::empty;
    std::string code;     // "" for empty, national and unresolved
    std::string message;  // why, for guessed / narrowed / unresolved
};
// RegionTable::resolve plus what data files add: a trailing remark in parentheses ("Kota
// Makassar (Dinas Perpustakaan)"), an agency before the region ("Puskesmas Sako, Kota
// Palembang", "Polres Sidoarjo", "Dinas … Provinsi Jawa Timur"), central bodies
// ("Kementerian Kesehatan" → national; "Kepolisian … (Polda Papua)" → that province), and an
// ambiguous name kept at the province all candidates share ("Kediri" → 35).
WrittenRegion resolve_written_region(const RegionTable& table, std::string_view written);

}  // namespace atlas
