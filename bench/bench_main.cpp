// atlas_bench: figures for a large synthetic bundle. Not a test: it prints what it measured
// (a readable table, then one JSON line with every figure) and only fails when the core fails.
//
//   atlas_bench [--innovations N] [--replications M] [--seed S] [--out FILE] [--reps K]
//   atlas_bench lineage [--nodes N] [--runs K]     (lineage graph and layout: bench_lineage.cpp)
//
// "One keystroke of work" is one Catalog::run, reusing a single QueryResult as a view would.
// A fresh run (search text changed arbitrarily) forgets the previous search so the whole
// haystack is scanned; a re-run (same text, e.g. a facet clicked) takes the narrowing path.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/query.hpp"
#include "core/synth.hpp"
#include "core/text.hpp"

using namespace atlas;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Spread {
    double median = 0, p95 = 0, max = 0;
};
Spread spread(std::vector<double> v) {
    Spread s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.p95 = v[std::min(n - 1, (n * 95 + 99) / 100 - 1)];
    s.max = v.back();
    return s;
}

// A "VmHWM:   123456 kB" line of /proc/self/status, in MiB; -1 when unavailable.
double proc_status_mib(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::size_t klen = std::strlen(key);
    while (std::getline(in, line)) {
        if (line.compare(0, klen, key) == 0 && line.size() > klen && line[klen] == ':')
            return std::strtod(line.c_str() + klen + 1, nullptr) / 1024.0;
    }
    return -1;
}
// Resets VmHWM to the current RSS (Linux ≥ 4.0), so a later peak belongs to what ran since.
bool reset_peak() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

std::string json_str(std::string_view s) {
    std::string o = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') o += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            o += buf;
            continue;
        }
        o += c;
    }
    return o + "\"";
}
std::string num(double v, int decimals = 3) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

bool parse_u64(const char* s, std::uint64_t& out) {
    if (!s || !*s) return false;
    char* end = nullptr;
    out = std::strtoull(s, &end, 10);
    return end && *end == '\0' && s[0] != '-';
}

struct KeystrokeRow {
    std::string search;
    bool facets = false;
    SortColumn sort = SortColumn::name;
    bool descending = false;
    std::size_t rows = 0;
    Spread fresh, rerun;
};

}  // namespace

int run_lineage_bench(int argc, char** argv);  // bench_lineage.cpp

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "lineage") return run_lineage_bench(argc, argv);
    SynthOptions opt;
    opt.innovations = 100'000;
    opt.replications = 300'000;
    opt.seed = 42;
    std::string out_path;
    std::uint64_t reps = 50;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        std::uint64_t v = 0;
        const bool has_value = i + 1 < argc;
        if ((a == "--innovations" || a == "--replications" || a == "--seed" || a == "--reps") && has_value &&
            parse_u64(argv[i + 1], v)) {
            ++i;
            if (a == "--innovations") opt.innovations = static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 5'000'000));
            else if (a == "--replications") opt.replications = static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 5'000'000));
            else if (a == "--seed") opt.seed = v;
            else reps = std::max<std::uint64_t>(1, v);
        } else if (a == "--out" && has_value) {
            out_path = argv[++i];
        } else {
            std::fprintf(stderr,
                         "usage: atlas_bench [--innovations N] [--replications M] [--seed S] [--out FILE] [--reps K]\n");
            return 2;
        }
    }

    std::printf("atlas_bench: %u innovations, %u replications, seed %llu (synthetic)\n", opt.innovations,
                opt.replications, static_cast<unsigned long long>(opt.seed));

    // ---------------------------------------------------------------- generate + write
    std::string bundle;
    double gen_s = 0, write_s = 0, rss_dataset = 0;
    std::size_t records = 0;
    {
        auto t0 = Clock::now();
        auto ds = std::make_unique<Dataset>(make_synthetic(opt));
        gen_s = seconds_since(t0);
        rss_dataset = proc_status_mib("VmRSS");
        records = ds->record_count();
        t0 = Clock::now();
        bundle = write_bundle(*ds, false);
        write_s = seconds_since(t0);
    }
    const double mb = static_cast<double>(bundle.size()) / 1e6;
    const double peak_generate = proc_status_mib("VmHWM");
    if (!out_path.empty()) {
        std::ofstream f(out_path, std::ios::binary);
        f.write(bundle.data(), static_cast<std::streamsize>(bundle.size()));
        if (!f) {
            std::fprintf(stderr, "atlas_bench: cannot write %s\n", out_path.c_str());
            return 1;
        }
    }
    std::printf("\n%-34s %12s\n", "step", "figure");
    std::printf("%-34s %12zu\n", "records", records);
    std::printf("%-34s %10.3f s\n", "generate (make_synthetic)", gen_s);
    std::printf("%-34s %10.3f s\n", "write_bundle (compact)", write_s);
    std::printf("%-34s %8.1f MiB\n", "RSS with the generated Dataset", rss_dataset);
    std::printf("%-34s %9.1f MB\n", "bundle size", mb);
    std::printf("%-34s %8.1f MiB\n", "peak RSS after generate+write", peak_generate);

    // ---------------------------------------------------------------- load
    const bool peak_reset = reset_peak();
    std::vector<double> load_times;
    std::shared_ptr<const Dataset> data;
    std::size_t issues = 0, errors = 0;
    for (int k = 0; k < 3; ++k) {
        data.reset();  // one loaded Dataset at a time, as in the app
        const auto t0 = Clock::now();
        auto loaded = load_bundle(bundle);
        load_times.push_back(seconds_since(t0));
        if (!loaded) {
            std::fprintf(stderr, "atlas_bench: load failed: %s\n", loaded.error().describe().c_str());
            return 1;
        }
        issues = loaded.value().report.issues.size();
        errors = loaded.value().report.error_count();
        data = loaded.value().dataset;
    }
    const Spread load = spread(load_times);
    const double peak_load = proc_status_mib("VmHWM");
    const double rss_loaded = proc_status_mib("VmRSS");
    std::printf("%-34s %10.3f s  (runs:", "load_bundle, median of 3", load.median);
    for (double t : load_times) std::printf(" %.3f", t);
    std::printf(")\n");
    std::printf("%-34s %9.1f MB/s\n", "load speed", mb / load.median);
    std::printf("%-34s %12zu  (%zu errors)\n", "load issues", issues, errors);
    std::printf("%-34s %8.1f MiB%s\n", "peak RSS during load", peak_load,
                peak_reset ? "" : "  (peak not resettable: includes generation)");
    std::printf("%-34s %8.1f MiB  (bundle text + one Dataset)\n", "RSS after load", rss_loaded);
    if (errors) {
        std::fprintf(stderr, "atlas_bench: the synthetic bundle did not load cleanly\n");
        return 1;
    }

    // ---------------------------------------------------------------- catalog
    std::vector<double> cat_times;
    std::unique_ptr<Catalog> catalog;
    for (int k = 0; k < 3; ++k) {
        catalog.reset();
        const auto t0 = Clock::now();
        catalog = std::make_unique<Catalog>(data);
        cat_times.push_back(seconds_since(t0));
    }
    const Spread cat = spread(cat_times);
    std::printf("%-34s %10.3f s\n", "Catalog construction, median of 3", cat.median);
    std::printf("%-34s %8.1f MiB\n", "RSS with catalog", proc_status_mib("VmRSS"));

    // ---------------------------------------------------------------- keystrokes
    // A prefix of a real name, as someone looking for a known innovation would type it.
    std::string name_prefix = "si";
    if (!data->innovations.empty()) {
        std::string folded = text::fold(data->innovations[data->innovations.size() / 2].name);
        name_prefix = folded.substr(0, std::min<std::size_t>(folded.find(' '), 5));
    }
    const std::vector<std::string> searches = {"", "a", "ma", "mal", "malang", "puskesmas kota", "zzzz", name_prefix};
    struct Setup {
        bool facets;
        SortColumn sort;
        bool descending;
    };
    const Setup setups[] = {{false, SortColumn::name, false},
                            {false, SortColumn::replications, true},
                            {true, SortColumn::name, false},
                            {true, SortColumn::replications, true}};
    QueryResult result;  // one, reused, as a view keeps it
    std::vector<KeystrokeRow> rows;
    std::vector<double> times;
    for (const Setup& setup : setups) {
        for (const std::string& s : searches) {
            Query q;
            q.search = s;
            q.sort = setup.sort;
            q.descending = setup.descending;
            if (setup.facets) {
                q.facets[static_cast<int>(Facet::province)] = {"35", "33"};
                q.facets[static_cast<int>(Facet::replicated)] = {"yes"};
            }
            KeystrokeRow row;
            row.search = s;
            row.facets = setup.facets;
            row.sort = setup.sort;
            row.descending = setup.descending;
            result.last_search.clear();
            catalog->run(q, result);  // warm-up
            times.clear();
            for (std::uint64_t k = 0; k < reps; ++k) {
                result.last_search.clear();  // text changed arbitrarily: full scan
                const auto t0 = Clock::now();
                catalog->run(q, result);
                times.push_back(seconds_since(t0) * 1e3);
            }
            row.fresh = spread(times);
            row.rows = result.rows.size();
            times.clear();
            for (std::uint64_t k = 0; k < reps; ++k) {
                const auto t0 = Clock::now();
                catalog->run(q, result);  // same text again: narrowing path
                times.push_back(seconds_since(t0) * 1e3);
            }
            row.rerun = spread(times);
            rows.push_back(std::move(row));
        }
    }
    std::printf("\none keystroke: Catalog::run over %zu innovations, %llu runs each (ms)\n", catalog->size(),
                static_cast<unsigned long long>(reps));
    std::printf("%-18s %-7s %-17s %8s %9s %9s %10s\n", "search", "facets", "sort", "rows", "median", "p95",
                "re-run med");
    double worst_p95 = 0;
    for (const KeystrokeRow& r : rows) {
        const std::string sort = std::string(to_string(r.sort)) + (r.descending ? " desc" : " asc");
        std::printf("%-18s %-7s %-17s %8zu %9.3f %9.3f %10.3f\n", ("\"" + r.search + "\"").c_str(),
                    r.facets ? "2" : "none", sort.c_str(), r.rows, r.fresh.median, r.fresh.p95, r.rerun.median);
        worst_p95 = std::max(worst_p95, r.fresh.p95);
    }

    // ---------------------------------------------------------------- typing
    const std::vector<std::string> typed = {"m", "ma", "mal", "mala", "malan", "malang"};
    std::vector<std::vector<double>> step_times(typed.size());
    std::vector<double> sequence_times;
    std::vector<std::size_t> step_rows(typed.size());
    for (std::uint64_t k = 0; k < reps; ++k) {
        Query q;
        catalog->run(q, result);  // the box starts empty
        double total = 0;
        for (std::size_t s = 0; s < typed.size(); ++s) {
            q.search = typed[s];
            const auto t0 = Clock::now();
            catalog->run(q, result);
            const double ms = seconds_since(t0) * 1e3;
            step_times[s].push_back(ms);
            step_rows[s] = result.rows.size();
            total += ms;
        }
        sequence_times.push_back(total);
    }
    std::printf("\ntyping \"malang\" one letter at a time (narrowing path), %llu sequences (ms)\n",
                static_cast<unsigned long long>(reps));
    std::printf("%-18s %8s %9s %9s\n", "search", "rows", "median", "p95");
    std::vector<Spread> step_spread;
    for (std::size_t s = 0; s < typed.size(); ++s) {
        step_spread.push_back(spread(step_times[s]));
        std::printf("%-18s %8zu %9.3f %9.3f\n", ("\"" + typed[s] + "\"").c_str(), step_rows[s], step_spread[s].median,
                    step_spread[s].p95);
        worst_p95 = std::max(worst_p95, step_spread[s].p95);
    }
    const Spread seq = spread(sequence_times);
    std::printf("%-18s %8s %9.3f %9.3f\n", "whole word", "", seq.median, seq.p95);
    std::printf("\nworst keystroke p95: %.3f ms\n", worst_p95);

    // ---------------------------------------------------------------- JSON
    std::ostringstream j;
    j << "{\"innovations\":" << opt.innovations << ",\"replications\":" << opt.replications << ",\"seed\":" << opt.seed
      << ",\"records\":" << records << ",\"bundle_bytes\":" << bundle.size() << ",\"bundle_mb\":" << num(mb, 2)
      << ",\"generate_s\":" << num(gen_s) << ",\"write_s\":" << num(write_s) << ",\"load_s_median\":" << num(load.median)
      << ",\"load_s_runs\":[";
    for (std::size_t k = 0; k < load_times.size(); ++k) j << (k ? "," : "") << num(load_times[k]);
    j << "],\"load_mb_per_s\":" << num(mb / load.median, 1) << ",\"load_issues\":" << issues
      << ",\"rss_dataset_mib\":" << num(rss_dataset, 1) << ",\"peak_rss_generate_mib\":" << num(peak_generate, 1) << ",\"peak_rss_load_mib\":" << num(peak_load, 1)
      << ",\"peak_reset\":" << (peak_reset ? "true" : "false") << ",\"rss_after_load_mib\":" << num(rss_loaded, 1)
      << ",\"catalog_s_median\":" << num(cat.median) << ",\"keystroke_runs\":" << reps << ",\"keystroke\":[";
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const KeystrokeRow& r = rows[k];
        j << (k ? "," : "") << "{\"search\":" << json_str(r.search) << ",\"facets\":" << (r.facets ? "true" : "false")
          << ",\"sort\":" << json_str(to_string(r.sort)) << ",\"descending\":" << (r.descending ? "true" : "false")
          << ",\"rows\":" << r.rows << ",\"median_ms\":" << num(r.fresh.median) << ",\"p95_ms\":" << num(r.fresh.p95)
          << ",\"rerun_median_ms\":" << num(r.rerun.median) << "}";
    }
    j << "],\"typing\":[";
    for (std::size_t s = 0; s < typed.size(); ++s)
        j << (s ? "," : "") << "{\"search\":" << json_str(typed[s]) << ",\"rows\":" << step_rows[s]
          << ",\"median_ms\":" << num(step_spread[s].median) << ",\"p95_ms\":" << num(step_spread[s].p95) << "}";
    j << "],\"typing_word_median_ms\":" << num(seq.median) << ",\"keystroke_worst_p95_ms\":" << num(worst_p95) << "}";
    std::printf("%s\n", j.str().c_str());
    return 0;
}
