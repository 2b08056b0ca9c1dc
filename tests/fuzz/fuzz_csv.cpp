// Fuzz target: the CSV reader, the importer and the merger (core/csv.hpp, core/csv_bundle.hpp).
// The input is a set of files: a line "=== NAME" starts the file NAME (text before the first
// such line is innovations.csv), so seed inputs are real CSV files joined that way.
// Invariants, whatever the bytes:
//  - the reader never crashes; every problem has a 1-based line and column and a message; an
//    unreadable text has no rows;
//  - the importer accounts for every row: per file, read == used + skipped;
//  - whatever it made survives export → import → write unchanged and without errors (but
//    those of a meta block that had them already), and
//    merging it with itself changes nothing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"
#include "core/csv.hpp"
#include "core/csv_bundle.hpp"
#include "fuzz_check.hpp"

namespace {

std::vector<atlas::CsvFile> split_files(std::string_view in) {
    std::vector<atlas::CsvFile> files;
    atlas::CsvFile current{"innovations.csv", {}};
    bool any = false;
    std::size_t pos = 0;
    while (pos <= in.size()) {
        std::size_t eol = in.find('\n', pos);
        const std::size_t end = eol == std::string_view::npos ? in.size() : eol + 1;
        const std::string_view line = in.substr(pos, end - pos);
        if (line.substr(0, 4) == "=== ") {
            if (any || !current.text.empty()) files.push_back(std::move(current));
            std::string_view name = line.substr(4);
            while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
            current = atlas::CsvFile{std::string(name), {}};
            any = true;
        } else {
            current.text.append(line);
        }
        if (eol == std::string_view::npos) break;
        pos = end;
    }
    if (any || !current.text.empty()) files.push_back(std::move(current));
    return files;
}

// For the log of a failure: the first line where two written bundles differ.
void print_first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const std::size_t from = a.rfind('\n', i) == std::string::npos ? 0 : a.rfind('\n', i) + 1;
    std::fprintf(stderr, "first difference at byte %zu:\n  before: %.200s\n  after:  %.200s\n", i, a.c_str() + from,
                 b.c_str() + std::min(from, b.size()));
}

bool about_meta(const atlas::ImportIssue& i) {
    return i.file == "meta.csv" || i.message.rfind("$.meta", 0) == 0;
}

void check_report(const atlas::ImportResult& r, const char* what) {
    for (const auto& [file, c] : r.counts) {
        if (c.read != c.used + c.skipped)
            std::fprintf(stderr, "%s: %s read %u used %u skipped %u\n", what, file.c_str(), c.read, c.used, c.skipped);
        ATLAS_FUZZ_CHECK(c.read == c.used + c.skipped, "read == used + skipped for every file");
    }
    for (const auto& i : r.issues) ATLAS_FUZZ_CHECK(!i.message.empty(), "every import problem says something");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    const auto table = atlas::csv::read(bytes);
    for (const auto& p : table.problems) {
        if (p.line == 0 || p.column == 0) std::fprintf(stderr, "problem at %u:%u: %s\n", p.line, p.column, p.message.c_str());
        ATLAS_FUZZ_CHECK(p.line >= 1 && p.column >= 1, "every CSV problem has a 1-based line and column");
        ATLAS_FUZZ_CHECK(!p.message.empty(), "every CSV problem says something");
    }
    if (table.fatal) ATLAS_FUZZ_CHECK(table.rows.empty(), "an unreadable text has no rows");

    const auto files = split_files(bytes);
    atlas::ImportOptions options;
    options.meta.title = "fuzz";
    options.meta.created = atlas::Date{2026, 1, 2};
    options.meta.licence = "CC0-1.0";
    const auto imported = atlas::import_csv(files, options);
    check_report(imported, "import");
    if (!imported.dataset) return 0;
    const atlas::Dataset& ds = *imported.dataset;
    const std::string written = atlas::write_bundle(ds);

    const auto exported = atlas::export_csv(ds);
    const auto again = atlas::import_csv(exported, atlas::ImportOptions{});
    check_report(again, "re-import");
    // A meta block without a valid created date or licence cannot get one by being exported:
    // its errors come back, and only those.
    bool meta_errors = false;
    for (const auto& i : imported.issues) meta_errors |= i.level == atlas::csv::Level::error && about_meta(i);
    for (const auto& i : again.issues) {
        if (i.level != atlas::csv::Level::error) continue;
        std::fprintf(stderr, "re-import: %s\n", i.describe().c_str());
        ATLAS_FUZZ_CHECK(meta_errors && about_meta(i), "an exported set imports without errors but its meta's");
    }
    ATLAS_FUZZ_CHECK(again.dataset != nullptr, "an exported set imports");
    const std::string rewritten = atlas::write_bundle(*again.dataset);
    if (rewritten != written) print_first_difference(written, rewritten);
    ATLAS_FUZZ_CHECK(rewritten == written, "export -> import keeps every field");

    const auto merged = atlas::merge_bundles(ds, ds);
    check_report(merged, "merge");
    ATLAS_FUZZ_CHECK(merged.dataset != nullptr, "a bundle merges with itself");
    ATLAS_FUZZ_CHECK(atlas::write_bundle(*merged.dataset) == written, "merging a bundle with itself changes nothing");
    return 0;
}
