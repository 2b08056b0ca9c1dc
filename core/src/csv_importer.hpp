// The importer's state and steps, shared by csv_import.cpp (set-up, fields, checks, run) and
// csv_import_files.cpp (one reader per CSV file).
#pragma once
#include <array>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "csv_import_util.hpp"

namespace atlas::csvimp {

struct Sheet {
    std::string file;
    csv::Table table;
    std::unordered_map<std::string, int> col;  // column meaning → index
};

class Importer;

// One data row being read, with its file for messages.
struct RowCtx {
    Importer& im;
    Sheet& sh;
    const csv::Row& row;

    const csv::Cell* cell(std::string_view name) const {
        auto it = sh.col.find(std::string(name));
        return it == sh.col.end() ? nullptr : &row.cells[static_cast<std::size_t>(it->second)];
    }
    std::string_view get(std::string_view name) const {
        const csv::Cell* c = cell(name);
        return c ? text::trim(c->text) : std::string_view();
    }
    Pos pos(std::string_view name) const {
        const csv::Cell* c = cell(name);
        // A cell missing from a short row has no place of its own: the row's start stands in.
        return c && c->line ? Pos{c->line, c->column} : Pos{row.line, 1};
    }
};

class Importer {
public:
    Importer(const ImportOptions& opt, ImportResult& res)
        : opt_(opt), res_(res), regions_(opt.regions ? *opt.regions : RegionTable::embedded()) {}

    void run(const std::vector<CsvFile>& files);

    // --- reporting -------------------------------------------------------------------
    void issue(Level level, const std::string& file, Pos p, std::string msg) {
        res_.issues.push_back({level, file, p.line, p.column, std::move(msg)});
    }
    void error(RowCtx& r, std::string_view column, std::string msg) { issue(Level::error, r.sh.file, r.pos(column), std::move(msg)); }
    void warn(RowCtx& r, std::string_view column, std::string msg) { issue(Level::warning, r.sh.file, r.pos(column), std::move(msg)); }

private:
    const ImportOptions& opt_;
    ImportResult& res_;
    const RegionTable& regions_;
    Dataset ds_;
    bool have_meta_ = false;

    std::unordered_map<std::string, RecordRef> ids_;
    std::unordered_map<std::string, Origin> id_origin_;  // where a new id was first used
    std::array<std::vector<Origin>, record_kind_count> origin_;  // per new record, by kind
    std::array<std::size_t, record_kind_count> base_count_{};
    std::unordered_map<std::string, std::uint32_t> institution_by_name_;  // name_key|region
    std::unordered_map<std::string, std::uint32_t> event_by_name_;
    std::unordered_map<std::string, std::uint32_t> source_by_url_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> innovation_by_name_;
    std::unordered_map<std::string, std::string> same_as_;           // row id → existing innovation id
    std::set<std::pair<std::string, std::string>> distinct_;
    std::unordered_map<std::string, Pos> innovation_name_pos_;      // new innovation id → its name cell
    std::set<std::uint32_t> merged_into_;                            // innovations that got a "same" row

    struct Deferred {
        enum class What : std::uint8_t { institution_parent, innovation_derived_from, event_part_of } what;
        std::uint32_t row;
        std::string id;
        std::string file;
        Pos pos;
    };
    std::vector<Deferred> deferred_;

    // --- setup ---------------------------------------------------------------------------
    void take_base();
    bool open(const CsvFile& f, Sheet& sh);
    template <class Fn>
    void each_row(Sheet& sh, Fn fn);

    // --- shared field readers ---------------------------------------------------------
    bool register_id(RowCtx& r, const std::string& id, RecordKind kind, std::uint32_t row);
    std::string make_id(std::string base);
    std::string take_id(RowCtx& r, RecordKind kind, const std::string& generated, bool& ok);
    // `then` ends the message: what happens because of it ("; row skipped", " (left out)").
    std::uint32_t lookup(RowCtx& r, std::string_view column, std::string_view id, RecordKind kind,
                         std::string_view then = " (left out)");
    std::vector<SourceId> row_sources(RowCtx& r);
    void read_cited(RowCtx& r, Cited& c);
    Date date_cell(RowCtx& r, std::string_view column);
    std::string region_cell(RowCtx& r, std::string_view column, std::string* written_unresolved = nullptr);
    std::vector<StageStep> stages_cell(RowCtx& r, std::string_view column);
    std::string enum_cell(RowCtx& r, std::string_view column, std::initializer_list<std::string_view> allowed);
    int year_cell(RowCtx& r, std::string_view column);
    std::uint32_t uint_cell(RowCtx& r, std::string_view column, std::uint32_t lo);

    InstitutionId institution_named(std::string_view name, const std::string& region, const Cited& cite);
    InstitutionId government_of(RowCtx& r, const std::string& region, std::string_view written, const Cited& cite);
    InnovationId add_innovation(Innovation x, const Origin& o, Pos name_pos);
    EventId program_named(std::string_view name, const Cited& cite, const Origin& o);

    // --- files ----------------------------------------------------------------------------
    void read_meta(Sheet& sh);
    void read_sources(Sheet& sh);
    void read_institutions(Sheet& sh);
    void read_innovations(Sheet& sh);
    bool add_award(RowCtx& r, InnovationId inn, bool from_innovation_row, const std::string& fallback_id);
    void read_awards(Sheet& sh);
    void read_events(Sheet& sh);
    void read_participants(Sheet& sh);
    void read_replications(Sheet& sh);
    InnovationId replication_source(RowCtx& r, const Cited& cite);
    void read_cohorts(Sheet& sh);
    void read_figures(Sheet& sh);
    void read_compare(RowCtx& r, FigureCompare& c);
    void read_figure_compare();

    void resolve_deferred();
    void report_duplicates();
    void report_duplicate_replications();
    void report_duplicate_figures();
    void finish();
};

template <class Fn>
void Importer::each_row(Sheet& sh, Fn fn) {
    FileCounts& cnt = res_.counts[sh.file];
    for (const csv::Row& row : sh.table.rows) {
        RowCtx r{*this, sh, row};
        if (fn(r)) ++cnt.used;
        else ++cnt.skipped;
    }
}


}  // namespace atlas::csvimp
