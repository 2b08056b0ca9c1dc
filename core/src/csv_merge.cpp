// atlas merge: B into A through the CSV form both share, so that the importer's checks
// (references, regions, duplicates, the bundle validator) apply to the result as they do to
// an import.
#include <map>
#include <set>
#include <unordered_map>

#include "core/csv_bundle.hpp"

namespace atlas {

namespace {

std::string row_text(const csv::Row& r) {
    std::string out;
    for (const csv::Cell& c : r.cells) {
        csv::append_field(out, c.text);
        out += ',';
    }
    return out;
}

// A Dataset's records (its id map points into its own strings, so it is rebuilt).
Dataset copy_of(const Dataset& d) {
    Dataset c;
    c.meta = d.meta;
    c.sources = d.sources;
    c.institutions = d.institutions;
    c.innovations = d.innovations;
    c.awards = d.awards;
    c.events = d.events;
    c.replications = d.replications;
    c.cohorts = d.cohorts;
    c.figures = d.figures;
    c.build_relations();
    return c;
}

}  // namespace

ImportResult merge_bundles(const Dataset& a, const Dataset& b, const std::vector<DuplicateDecision>& decisions) {
    // B's rows are imported into A: references to A's ids resolve there, and the importer's
    // duplicate checks compare what B adds with what A has.
    const csv::WriteOptions wo{false, false};
    const std::vector<CsvFile> fa = export_csv(a, wo);
    const std::vector<CsvFile> fb = export_csv(b, wo);
    std::vector<ImportIssue> conflicts;

    // Every id of A, with its file: an id of B is compared with A's record of that id.
    std::unordered_map<std::string, std::pair<std::string, csv::Row>> a_ids;
    std::vector<csv::Table> ta, tb;
    for (std::size_t f = 0; f < fa.size(); ++f) {
        ta.push_back(csv::read(fa[f].text, {.flag_formulas = false}));
        tb.push_back(csv::read(fb[f].text, {.flag_formulas = false}));
        const int ci = ta.back().column_index("id");
        if (ci < 0) continue;
        for (const csv::Row& r : ta.back().rows) a_ids.emplace(r.cells[ci].text, std::make_pair(fa[f].name, r));
    }

    std::set<std::string> dropped_events;  // B events not taken (A's version kept)
    std::vector<CsvFile> merged;
    // Per file of B: rows folded into A's equal record and rows left out with a message; what
    // is passed on is counted by the import. read == used + skipped holds for the sum.
    std::map<std::string, FileCounts> b_counts;
    for (std::size_t f = 0; f < fa.size(); ++f) {
        const std::string& name = fa[f].name;
        if (name == "meta.csv") continue;  // A's meta, from the base
        const csv::Table& A = ta[f];
        const csv::Table& B = tb[f];
        csv::Writer w(wo);
        std::vector<std::string> header;
        for (const csv::Cell& c : A.header.cells) header.push_back(c.text);
        w.row(header);
        std::set<std::string> seen;
        auto put = [&](const csv::Row& r) {
            std::vector<std::string> v;
            for (const csv::Cell& c : r.cells) v.push_back(c.text);
            w.row(v);
        };
        // A is the base of the import; only what B adds is written here.
        for (const csv::Row& r : A.rows) seen.insert(row_text(r));
        const int ci = B.column_index("id");
        const int ce = B.column_index("event");
        const std::string kind = name.substr(0, name.size() - 4);
        FileCounts& bc = b_counts[name];
        bc.read = static_cast<std::uint32_t>(B.rows.size());
        for (const csv::Row& r : B.rows) {
            if (ce >= 0 && dropped_events.count(r.cells[ce].text)) {
                // A's event keeps its own rows (participants): a row of B that A lacks is said.
                const std::string text = row_text(r);
                if (seen.count(text)) {
                    ++bc.used;
                } else {
                    ++bc.skipped;
                    conflicts.push_back({csv::Level::warning, kind, 0, 0,
                                         "conflict: B's row \"" + text.substr(0, 120) + "\" of event \"" +
                                             r.cells[ce].text + "\" was left out (A's version of the event kept)"});
                }
                continue;
            }
            if (ci < 0) {
                if (seen.insert(row_text(r)).second) put(r);
                else ++bc.used;  // the same row is in A
                continue;
            }
            const std::string& id = r.cells[ci].text;
            auto it = a_ids.find(id);
            if (it == a_ids.end()) {
                put(r);
                continue;
            }
            if (name == "events.csv") dropped_events.insert(id);
            if (it->second.first != name) {
                ++bc.skipped;
                conflicts.push_back({csv::Level::error, kind, 0, 0,
                                     "conflict: id \"" + id + "\" names a record in " + it->second.first + " of A and in " +
                                         name + " of B; B's record was left out"});
                continue;
            }
            const csv::Row& ar = it->second.second;
            std::string diff;
            for (std::size_t c = 0; c < r.cells.size() && c < ar.cells.size(); ++c) {
                if (r.cells[c].text == ar.cells[c].text) continue;
                diff += (diff.empty() ? "" : "; ") + header[c] + ": A \"" + ar.cells[c].text.substr(0, 80) + "\", B \"" +
                        r.cells[c].text.substr(0, 80) + "\"";
            }
            if (!diff.empty()) {
                ++bc.skipped;
                conflicts.push_back({csv::Level::warning, kind, 0, 0,
                                     "conflict: \"" + id + "\" differs (" + diff + "); A's version kept"});
            } else {
                ++bc.used;  // equal: folded into A's record
            }
        }
        merged.push_back({name, w.take()});
    }

    ImportOptions opt;
    opt.decisions = decisions;
    opt.base = std::make_shared<const Dataset>(copy_of(a));
    ImportResult res = import_csv(merged, opt);
    // Counts speak of B's rows: what the import used or skipped of those passed on, plus
    // what was folded or left out above.
    for (auto& [file, bc] : b_counts) {
        auto it = res.counts.find(file);
        if (it != res.counts.end()) {
            bc.used += it->second.used;
            bc.skipped += it->second.skipped;
        }
    }
    res.counts = std::move(b_counts);
    // Lines of the combined files mean nothing to the user: messages name records by id.
    for (ImportIssue& is : res.issues) {
        if (is.file.size() > 4 && is.file.compare(is.file.size() - 4, 4, ".csv") == 0) {
            is.message = "B's " + is.file + " row at line " + std::to_string(is.line) + " of its export" + ": " + is.message;
            is.file = "merge";
            is.line = is.column = 0;
        }
    }
    conflicts.insert(conflicts.end(), res.issues.begin(), res.issues.end());
    res.issues = std::move(conflicts);
    return res;
}

}  // namespace atlas
