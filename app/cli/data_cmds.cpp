#include "data_cmds.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "core/bundle.hpp"
#include "core/csv_bundle.hpp"

namespace atlas::cli {

const char* data_usage_text =
    "  atlas import DIR [--base FILE] [--columns FILE] [--duplicates FILE] [--meta FILE] [--figure-compare FILE]\n"
    "                   [-o FILE] [--compact] [--allow-errors]\n"
    "                                      CSV files (innovations.csv, replications.csv, events.csv, figures.csv,\n"
    "                                      sources.csv … see assets/templates) → a bundle; every problem as\n"
    "                                      FILE:LINE:COLUMN: message; rows with errors are skipped and counted\n"
    "      --base FILE        add to this bundle; names in the CSVs link to its records\n"
    "      --columns FILE     column map (file,column,means) for CSVs with other headers\n"
    "      --duplicates FILE  reviewed duplicates (id,other,decision=same|distinct,note)\n"
    "      --meta FILE        meta.csv kept outside DIR\n"
    "      --figure-compare FILE  what imported figures count (id + compare_* columns of figures.csv)\n"
    "      --allow-errors     write the bundle even when rows were skipped (exit status stays 1)\n"
    "  atlas export FILE --csv DIR [--bom] [--lf]\n"
    "                                      a bundle as CSV files, every field (import gives it back)\n"
    "  atlas merge A B -o C [--duplicates FILE]\n"
    "                                      B's records added to A's; ids kept; conflicts and likely duplicates reported\n";

namespace {

constexpr int exit_ok = 0;
constexpr int exit_invalid = 1;
constexpr int exit_usage = 2;

int usage(const std::string& msg) {
    std::cerr << "atlas: " << msg << "\n(see atlas help)\n";
    return exit_usage;
}

bool read_text(const std::string& path, std::string& out) {
    auto r = read_file(path, 256u * 1024u * 1024u);
    if (!r) {
        std::cerr << "atlas: " << path << ": " << r.error().message << "\n";
        return false;
    }
    out = std::move(r.value());
    return true;
}

bool write_text(const std::string& path, const std::string& text) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
        std::cerr << "atlas: cannot write " << path << ": " << std::strerror(errno) << "\n";
        return false;
    }
    return true;
}

std::shared_ptr<const Dataset> load(const std::string& path) {
    auto loaded = load_bundle_file(path);
    if (!loaded) {
        std::cerr << "atlas: " << path << ": " << loaded.error().describe() << "\n";
        return nullptr;
    }
    if (!loaded.value().report.valid()) {
        std::cerr << "atlas: " << path << ": " << loaded.value().report.error_count()
                  << " problem(s) in the bundle; fix them first (atlas validate " << path << ")\n";
        return nullptr;
    }
    return loaded.value().dataset;
}

// Prints issues (with `dir/` before CSV file names so editors can jump to them) and counts.
void report(const ImportResult& res, const std::string& dir) {
    for (const ImportIssue& is : res.issues) {
        ImportIssue shown = is;
        if (!dir.empty() && is.file.size() > 4 && is.file.compare(is.file.size() - 4, 4, ".csv") == 0 &&
            is.file.find('/') == std::string::npos)
            shown.file = (std::filesystem::path(dir) / is.file).string();
        std::cerr << shown.describe() << "\n";
    }
    for (const auto& [file, c] : res.counts)
        std::cerr << file << ": " << c.read << " rows, " << c.used << " used, " << c.skipped << " skipped\n";
    std::cerr << res.error_count() << " error(s), " << res.warning_count() << " warning(s)\n";
}

bool load_control(const std::string& path, ImportOptions& opt, bool columns, std::vector<ImportIssue>& issues) {
    std::string text;
    if (!read_text(path, text)) return false;
    if (columns) opt.aliases = parse_column_map(path, text, issues);
    else opt.decisions = parse_decisions(path, text, issues);
    return true;
}

}  // namespace

int cmd_import(const std::vector<std::string>& args) {
    std::string dir, out, base, columns, duplicates, meta, figure_compare;
    bool compact = false, allow_errors = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) return false;
            into = args[++i];
            return true;
        };
        if (a == "-o" || a == "--out") {
            if (!value(out)) return usage(a + " needs a file");
        } else if (a == "--base") {
            if (!value(base)) return usage(a + " needs a bundle file");
        } else if (a == "--columns") {
            if (!value(columns)) return usage(a + " needs a file");
        } else if (a == "--duplicates") {
            if (!value(duplicates)) return usage(a + " needs a file");
        } else if (a == "--meta") {
            if (!value(meta)) return usage(a + " needs a file");
        } else if (a == "--figure-compare") {
            if (!value(figure_compare)) return usage(a + " needs a file");
        } else if (a == "--compact") {
            compact = true;
        } else if (a == "--allow-errors") {
            allow_errors = true;
        } else if (!a.empty() && a[0] == '-') {
            return usage("unknown option \"" + a + "\"");
        } else if (dir.empty()) {
            dir = a;
        } else {
            return usage("import takes one DIR");
        }
    }
    if (dir.empty()) return usage("import needs a DIR with CSV files");
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        std::cerr << "atlas: " << dir << ": not a folder\n";
        return exit_invalid;
    }
    ImportOptions opt;
    std::vector<ImportIssue> control;
    if (!base.empty() && !(opt.base = load(base))) return exit_invalid;
    if (!columns.empty() && !load_control(columns, opt, true, control)) return exit_invalid;
    if (!duplicates.empty() && !load_control(duplicates, opt, false, control)) return exit_invalid;
    if (!figure_compare.empty()) {
        opt.figure_compare.name = figure_compare;
        if (!read_text(figure_compare, opt.figure_compare.text)) return exit_invalid;
    }

    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".csv") paths.push_back(e.path());
    if (ec) {
        std::cerr << "atlas: " << dir << ": " << ec.message() << "\n";
        return exit_invalid;
    }
    std::sort(paths.begin(), paths.end());
    std::vector<CsvFile> files;
    for (const auto& p : paths) {
        CsvFile f{p.filename().string(), {}};
        if (!read_text(p.string(), f.text)) return exit_invalid;
        files.push_back(std::move(f));
    }
    if (!meta.empty()) {
        CsvFile f{"meta.csv", {}};
        if (!read_text(meta, f.text)) return exit_invalid;
        files.erase(std::remove_if(files.begin(), files.end(), [](const CsvFile& c) { return c.name == "meta.csv"; }),
                    files.end());
        files.push_back(std::move(f));
    }
    if (files.empty()) {
        std::cerr << "atlas: " << dir << ": no .csv files\n";
        return exit_invalid;
    }
    ImportResult res = import_csv(files, opt);
    res.issues.insert(res.issues.begin(), control.begin(), control.end());
    report(res, dir);
    const bool errors = res.error_count() > 0;
    if (!res.dataset) return exit_invalid;
    if (errors && !allow_errors) {
        std::cerr << "atlas: nothing written: fix the errors above (or pass --allow-errors)\n";
        return exit_invalid;
    }
    const std::string text = write_bundle(*res.dataset, !compact);
    if (out.empty()) std::fwrite(text.data(), 1, text.size(), stdout);
    else if (!write_text(out, text)) return exit_invalid;
    else std::cerr << "wrote " << out << " (" << res.dataset->innovations.size() << " innovations, "
                   << res.dataset->replications.size() << " replications, " << res.dataset->record_count() << " records)\n";
    return errors ? exit_invalid : exit_ok;
}

int cmd_export(const std::vector<std::string>& args) {
    std::string file, dir;
    csv::WriteOptions wo;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--csv") {
            if (i + 1 >= args.size()) return usage("--csv needs a folder");
            dir = args[++i];
        } else if (a == "--bom") {
            wo.bom = true;
        } else if (a == "--lf") {
            wo.crlf = false;
        } else if (!a.empty() && a[0] == '-') {
            return usage("unknown option \"" + a + "\"");
        } else if (file.empty()) {
            file = a;
        } else {
            return usage("export takes one FILE");
        }
    }
    if (file.empty() || dir.empty()) return usage("export needs FILE and --csv DIR");
    auto ds = load(file);
    if (!ds) return exit_invalid;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        std::cerr << "atlas: cannot make " << dir << ": " << ec.message() << "\n";
        return exit_invalid;
    }
    for (const CsvFile& f : export_csv(*ds, wo))
        if (!write_text((std::filesystem::path(dir) / f.name).string(), f.text)) return exit_invalid;
    std::cerr << "wrote " << csv_file_names().size() << " CSV files to " << dir << "\n";
    return exit_ok;
}

int cmd_merge(const std::vector<std::string>& args) {
    std::vector<std::string> inputs;
    std::string out, duplicates;
    bool allow_errors = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "-o" || a == "--out") && i + 1 < args.size()) out = args[++i];
        else if (a == "--duplicates" && i + 1 < args.size()) duplicates = args[++i];
        else if (a == "--allow-errors") allow_errors = true;
        else if (!a.empty() && a[0] == '-') return usage("unknown or incomplete option \"" + a + "\"");
        else inputs.push_back(a);
    }
    if (inputs.size() != 2 || out.empty()) return usage("merge needs A B -o C");
    auto a = load(inputs[0]);
    auto b = load(inputs[1]);
    if (!a || !b) return exit_invalid;
    ImportOptions opt;
    std::vector<ImportIssue> control;
    if (!duplicates.empty() && !load_control(duplicates, opt, false, control)) return exit_invalid;
    ImportResult res = merge_bundles(*a, *b, opt.decisions);
    res.issues.insert(res.issues.begin(), control.begin(), control.end());
    report(res, "");
    if (!res.dataset) return exit_invalid;
    if (res.error_count() && !allow_errors) {
        std::cerr << "atlas: nothing written: fix the errors above (or pass --allow-errors)\n";
        return exit_invalid;
    }
    if (!write_text(out, write_bundle(*res.dataset, true))) return exit_invalid;
    std::cerr << "wrote " << out << " (" << res.dataset->record_count() << " records)\n";
    return res.error_count() ? exit_invalid : exit_ok;
}

}  // namespace atlas::cli
