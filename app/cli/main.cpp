// atlas: the command-line twin of the browser app, over the same core.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/bundle.hpp"
#include "core/export.hpp"
#include "core/query.hpp"
#include "core/replication_list.hpp"
#include "core/regions.hpp"
#include "core/stats.hpp"
#include "core/lineage.hpp"
#include "core/synth.hpp"
#include "data_cmds.hpp"

namespace atlas::cli {
int cmd_map(const std::vector<std::string>& args);  // cmd_map.cpp
}

namespace {

using ojson = nlohmann::ordered_json;
using namespace atlas;

constexpr int exit_ok = 0;
constexpr int exit_invalid = 1;
constexpr int exit_usage = 2;

const char* usage_text =
    "atlas — Atlas Inovasi command-line tool\n"
    "\n"
    "usage:\n"
    "  atlas validate FILE                 check a bundle; one line per problem: JSONPATH: message\n"
    "  atlas stats FILE                    record counts and innovations per province, as JSON\n"
    "  atlas lineage FILE QUERY            who replicated an innovation (id or part of its name), and its family\n"
    "                                      as the lineage view draws it (\"lineage\": nodes, generations, reach), as JSON\n"
    "  atlas query FILE [--search TEXT] [--facet KEY=VALUE]... [--sort COLUMN] [--desc] [--limit N]\n"
    "                                      the catalog view headless: total, facet counts and rows, as JSON\n"
    "  atlas export FILE [--table innovations|replications] [filters as for query] [-o FILE]\n"
    "                                      what those filters select, as CSV for spreadsheets (UTF-8 BOM,\n"
    "                                      RFC 4180, cells that look like formulas neutralised)\n"
    "  atlas synth --innovations N --replications M [--seed S] [--family K] [-o FILE]\n"
    "                                      a synthetic bundle (marked synthetic) for scale tests\n"
    "%DATA%"
    "  atlas map FILE [--geo ASSET] [--year Y] [--search TEXT] [--facet KEY=VALUE]...\n"
    "                                      the map's figures per province/regency and its arcs, as JSON\n"
    "\n"
    "facet keys: year competition tier province regency sector stage replicated confidence\n"
    "sort columns: name owner region province year tier sector replications adopters confidence year_started\n";

// The usage text with the data staff's commands (data_cmds.cpp) where "%DATA%" stands.
std::string full_usage() {
    std::string u = usage_text;
    const std::size_t at = u.find("%DATA%");
    if (at != std::string::npos) u.replace(at, 6, atlas::cli::data_usage_text);
    return u;
}

int usage_error(const std::string& msg) {
    std::cerr << "atlas: " << msg << "\n\n" << full_usage();
    return exit_usage;
}

std::string dump(const ojson& j) { return j.dump(2, ' ', false, ojson::error_handler_t::replace); }

// Loads a bundle for a reading command; prints a fatal problem or a one-line summary of
// skipped records to stderr. Returns null on a fatal problem.
std::shared_ptr<const Dataset> load_or_report(const std::string& path, LoadReport* report_out = nullptr) {
    auto loaded = load_bundle_file(path);
    if (!loaded) {
        std::cerr << "atlas: " << path << ": " << loaded.error().describe() << "\n";
        return nullptr;
    }
    const LoadReport& rep = loaded.value().report;
    if (rep.error_count() > 0)
        std::cerr << "atlas: " << path << ": " << rep.error_count()
                  << " problem(s) in the bundle; records with errors were skipped (see `atlas validate`)\n";
    if (report_out) *report_out = rep;
    return loaded.value().dataset;
}

bool parse_uint(std::string_view s, std::uint64_t& out, std::uint64_t max) {
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && out <= max;
}

// ---------------------------------------------------------------------------
int cmd_validate(const std::vector<std::string>& args) {
    if (args.size() != 1) return usage_error("validate takes one FILE");
    auto loaded = load_bundle_file(args[0]);
    if (!loaded) {
        std::cout << loaded.error().describe() << "\n";
        return exit_invalid;
    }
    const LoadReport& rep = loaded.value().report;
    for (const Issue& is : rep.issues)
        if (is.severity == Severity::error) std::cout << is.path << ": " << is.message << "\n";
    for (const Issue& is : rep.issues)
        if (is.severity == Severity::warning) std::cerr << "warning: " << is.path << ": " << is.message << "\n";
    if (rep.unlisted())
        std::cout << "$: " << rep.unlisted() << " more problem(s) not listed (" << rep.unlisted_errors << " error(s), "
                  << rep.unlisted_warnings << " warning(s)); only the first " << rep.issues.size() << " are\n";
    std::string skipped;
    for (int k = 0; k < record_kind_count; ++k) {
        std::uint32_t gone = rep.read[k] - rep.kept[k];
        if (gone) skipped += (skipped.empty() ? "" : ", ") + std::to_string(gone) + " of " + std::to_string(rep.read[k]) +
                             " " + to_string(static_cast<RecordKind>(k));
    }
    if (!skipped.empty()) std::cerr << "skipped: " << skipped << "\n";
    if (!rep.valid()) return exit_invalid;
    const Dataset& ds = *loaded.value().dataset;
    std::cerr << args[0] << ": valid (" << ds.innovations.size() << " innovations, " << ds.replications.size()
              << " replications, " << ds.record_count() << " records" << (ds.meta.synthetic ? ", SYNTHETIC" : "")
              << ")\n";
    return exit_ok;
}

// ---------------------------------------------------------------------------
int cmd_stats(const std::vector<std::string>& args) {
    if (args.size() != 1) return usage_error("stats takes one FILE");
    auto ds = load_or_report(args[0]);
    if (!ds) return exit_invalid;
    BundleStats s = compute_stats(*ds);
    ojson j;
    j["title"] = ds->meta.title;
    j["synthetic"] = ds->meta.synthetic;
    j["innovations"] = s.innovations;
    j["replications"] = s.replications;
    j["cohorts"] = s.cohorts;
    j["programs"] = s.programs;
    j["events"] = s.events;
    j["institutions"] = s.institutions;
    j["sources"] = s.sources;
    j["awards"] = s.awards;
    j["figures"] = s.figures;
    j["replicated_innovations"] = s.replicated_innovations;
    j["adopting_institutions"] = s.adopting_institutions;
    j["derived_innovations"] = s.derived_innovations;
    ojson bp = ojson::object();
    for (const auto& [code, n] : s.by_province) bp[code] = n;
    j["by_province"] = std::move(bp);
    std::cout << dump(j) << "\n";
    return exit_ok;
}

// ---------------------------------------------------------------------------
ojson innovation_json(const Dataset& ds, InnovationId id) {
    const Innovation& inn = ds.innovations[id.value];
    ojson j;
    j["id"] = inn.id;
    j["name"] = inn.name;
    j["region_code"] = inn.region_code;
    return j;
}

ojson date_json(const Date& d) { return d.known() ? ojson(d.to_string()) : ojson(nullptr); }

// The replications of one innovation, recursing into derived innovations (through the core
// lineage graph, so the CLI and the lineage view see the same edges).
ojson lineage_json(const LineageGraph& g, InnovationId id, std::unordered_set<std::uint32_t>& on_path, int depth) {
    const Dataset& ds = g.dataset();
    ojson j = innovation_json(ds, id);
    ojson reps = ojson::array();
    ojson cohorts = ojson::array();
    on_path.insert(id.value);
    for (std::uint32_t ei : g.out_edges(g.node_of(id))) {
        const LineageEdge& e = g.edges()[ei];
        if (e.replication) {
            const Replication& r = ds.replications[e.replication.value];
            ojson o;
            o["id"] = r.id;
            o["adopter"] = ds.institutions[r.adopter.value].name;
            o["adopter_count"] = r.adopter_count;
            o["region_code"] = r.region_code;
            o["stage"] = to_string(r.latest_stage());
            o["date"] = date_json(r.latest_date());
            o["program"] = r.program ? ojson(ds.events[r.program.value].name) : ojson(nullptr);
            // The loader breaks cycles; the path check and depth bound keep this safe regardless.
            if (r.derived && !on_path.count(r.derived.value) && depth < 64)
                o["derived"] = lineage_json(g, r.derived, on_path, depth + 1);
            else
                o["derived"] = nullptr;
            reps.push_back(std::move(o));
        } else if (e.cohort) {
            const Cohort& c = ds.cohorts[e.cohort.value];
            ojson o;
            o["id"] = c.id;
            o["program"] = ds.events[c.program.value].name;
            o["pairing"] = "unknown";
            o["sources"] = c.innovations.size();
            ojson adopters = ojson::array();
            for (InstitutionId a : c.adopters) adopters.push_back(ds.institutions[a.value].name);
            o["adopters"] = std::move(adopters);
            o["adopter_count"] = c.adopter_count ? c.adopter_count : static_cast<std::uint32_t>(c.adopters.size());
            o["region_codes"] = c.region_codes;
            o["stage"] = to_string(c.latest_stage());
            cohorts.push_back(std::move(o));
        }
    }
    j["replications"] = std::move(reps);
    j["cohorts"] = std::move(cohorts);
    on_path.erase(id.value);
    return j;
}

// What the lineage view draws for this innovation: its whole family and its own figures.
ojson lineage_summary_json(const LineageGraph& g, InnovationId id) {
    const Dataset& ds = g.dataset();
    Lineage lin = extract_lineage(g, id);
    LineageStats s = g.stats(id);
    ojson j;
    j["root"] = innovation_json(ds, lin.root);
    j["nodes"] = lin.nodes.size();
    j["edges"] = lin.edges.size();
    ojson kinds = ojson::object();
    for (const char* k : {"innovation", "adopter", "program"}) kinds[k] = 0;
    for (std::uint32_t n : lin.nodes) {
        const char* k = to_string(g.nodes()[n].kind);
        kinds[k] = kinds[k].get<int>() + 1;
    }
    j["nodes_by_kind"] = std::move(kinds);
    j["layers"] = lin.depth() + 1;
    if (lin.cycles_cut) j["cycles_cut"] = lin.cycles_cut;
    ojson anc = ojson::array();
    for (InnovationId a : s.ancestors) anc.push_back(ds.innovations[a.value].id);
    j["ancestors"] = std::move(anc);
    j["generation"] = s.generation;
    j["generations"] = s.generations;
    j["descendants"] = s.descendants;
    j["derived_innovations"] = s.derived_innovations;
    j["adopters"] = s.adopters;
    j["provinces"] = s.provinces;
    j["regencies"] = s.regencies;
    j["first_date"] = date_json(s.first);
    j["last_date"] = date_json(s.last);
    return j;
}

int cmd_lineage(const std::vector<std::string>& args) {
    if (args.size() != 2) return usage_error("lineage takes FILE and QUERY");
    auto ds = load_or_report(args[0]);
    if (!ds) return exit_invalid;
    InnovationLookup found = find_innovation(*ds, args[1]);
    if (!found.found) {
        std::cerr << "atlas: no innovation matches \"" << args[1] << "\"\n";
        return exit_invalid;
    }
    if (found.candidates.size() > 1) {
        std::cerr << "atlas: \"" << args[1] << "\" matches " << found.candidates.size() << " innovations; showing \""
                  << ds->innovations[found.found.value].name << "\" (" << ds->innovations[found.found.value].id << ")\n";
    }
    LineageGraph graph(*ds);
    std::unordered_set<std::uint32_t> on_path;
    ojson j;
    ojson tree = lineage_json(graph, found.found, on_path, 0);
    ojson inn = innovation_json(*ds, found.found);
    if (InnovationId parent = ds->parent_of(found.found)) j["derived_from"] = innovation_json(*ds, parent);
    j["innovation"] = std::move(inn);
    j["replications"] = std::move(tree["replications"]);
    j["cohorts"] = std::move(tree["cohorts"]);
    j["lineage"] = lineage_summary_json(graph, found.found);
    std::cout << dump(j) << "\n";
    return exit_ok;
}

// ---------------------------------------------------------------------------
// The catalog's filter options shared by query and export. Returns true when args[i] was one
// of them (i then points at its last word); sets `error` when it was malformed.
bool filter_option(const std::vector<std::string>& args, std::size_t& i, Query& q, std::string& error) {
    const std::string& a = args[i];
    auto next = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "--search") {
        const std::string* v = next();
        if (!v) error = "--search needs TEXT";
        else q.search = *v;
    } else if (a == "--facet") {
        const std::string* v = next();
        if (!v) {
            error = "--facet needs KEY=VALUE";
            return true;
        }
        auto eq = v->find('=');
        if (eq == std::string::npos) {
            error = "--facet needs KEY=VALUE, got \"" + *v + "\"";
            return true;
        }
        auto f = parse_facet(std::string_view(*v).substr(0, eq));
        if (!f) error = "unknown facet \"" + v->substr(0, eq) + "\"";
        else q.facets[static_cast<int>(*f)].push_back(v->substr(eq + 1));
    } else if (a == "--sort") {
        const std::string* v = next();
        if (!v) {
            error = "--sort needs COLUMN";
            return true;
        }
        auto c = parse_sort_column(*v);
        if (!c) error = "unknown sort column \"" + *v + "\"";
        else q.sort = *c;
    } else if (a == "--desc") {
        q.descending = true;
    } else {
        return false;
    }
    return true;
}

// A bundle and the rows a query selects in it (what query and export print).
struct Selection {
    std::shared_ptr<const Dataset> data;
    std::unique_ptr<Catalog> catalog;
    QueryResult result;
};
// Nothing when the file cannot be loaded (the problem is printed).
std::optional<Selection> select_rows(const std::string& path, const Query& q) {
    Selection s;
    s.data = load_or_report(path);
    if (!s.data) return std::nullopt;
    s.catalog = std::make_unique<Catalog>(s.data);
    s.catalog->run(q, s.result);
    return s;
}

int cmd_query(const std::vector<std::string>& args) {
    if (args.empty()) return usage_error("query takes FILE and options");
    Query q;
    std::uint64_t limit = 50;
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string error;
        if (filter_option(args, i, q, error)) {
            if (!error.empty()) return usage_error(error);
        } else if (args[i] == "--limit") {
            if (i + 1 >= args.size() || !parse_uint(args[++i], limit, 100'000'000))
                return usage_error("--limit needs a whole number");
        } else {
            return usage_error("unknown option \"" + args[i] + "\"");
        }
    }
    auto sel = select_rows(args[0], q);
    if (!sel) return exit_invalid;
    const auto& ds = sel->data;
    const Catalog& catalog = *sel->catalog;
    const QueryResult& res = sel->result;
    ojson j;
    j["total"] = res.rows.size();
    ojson facets = ojson::object();
    for (int f = 0; f < facet_count; ++f) {
        ojson counts = ojson::object();
        auto values = catalog.facet_values(static_cast<Facet>(f));
        for (std::size_t v = 0; v < values.size(); ++v)
            if (res.counts[f][v]) counts[values[v]] = res.counts[f][v];
        facets[to_string(static_cast<Facet>(f))] = std::move(counts);
    }
    j["facets"] = std::move(facets);
    ojson rows = ojson::array();
    for (std::size_t k = 0; k < res.rows.size() && k < limit; ++k) {
        InnovationId id = res.rows[k];
        const Innovation& inn = ds->innovations[id.value];
        ojson r;
        r["id"] = inn.id;
        r["name"] = inn.name;
        r["acronym_expansion"] = inn.acronym_expansion;
        r["owner"] = inn.owner ? ds->institutions[inn.owner.value].name : "";
        r["region_code"] = inn.region_code;
        r["region"] = catalog.region_name(id);
        r["province"] = catalog.province_code(id);
        r["sector"] = inn.sector;
        ojson awards = ojson::array();
        for (AwardId a : ds->awards_of.of(id.value)) {
            const Award& aw = ds->awards[a.value];
            ojson o;
            o["competition"] = aw.competition;
            o["year"] = aw.year ? ojson(aw.year) : ojson(nullptr);
            o["tier"] = aw.tier;
            o["group"] = aw.group;
            awards.push_back(std::move(o));
        }
        r["awards"] = std::move(awards);
        r["replications"] = catalog.replication_count(id);
        r["adopters"] = catalog.adopter_count(id);
        r["confidence"] = to_string(inn.confidence);
        rows.push_back(std::move(r));
    }
    j["rows"] = std::move(rows);
    std::cout << dump(j) << "\n";
    return exit_ok;
}

// ---------------------------------------------------------------------------
int cmd_synth(const std::vector<std::string>& args) {
    SynthOptions opt;
    std::string out_path;
    bool have_inn = false, have_rep = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::uint64_t v = 0;
        if ((a == "--innovations" || a == "--replications" || a == "--seed" || a == "--family") && i + 1 < args.size()) {
            std::uint64_t max = a == "--seed" ? UINT64_MAX : 5'000'000;
            if (!parse_uint(args[i + 1], v, max))
                return usage_error(a + " needs a whole number" + (a == "--seed" ? "" : " up to 5000000"));
            ++i;
            if (a == "--innovations") { opt.innovations = static_cast<std::uint32_t>(v); have_inn = true; }
            else if (a == "--replications") { opt.replications = static_cast<std::uint32_t>(v); have_rep = true; }
            else if (a == "--family") opt.family = static_cast<std::uint32_t>(v);
            else opt.seed = v;
        } else if ((a == "-o" || a == "--out") && i + 1 < args.size()) {
            out_path = args[++i];
        } else {
            return usage_error("unknown or incomplete option \"" + a + "\"");
        }
    }
    if (!have_inn || !have_rep) return usage_error("synth needs --innovations N and --replications M");
    if (opt.innovations == 0 && opt.replications > 0)
        return usage_error("replications need at least one innovation to replicate");
    Dataset ds = make_synthetic(opt);
    std::string text = write_bundle(ds, false);
    if (out_path.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return exit_ok;
    }
    FILE* f = std::fopen(out_path.c_str(), "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
        std::cerr << "atlas: cannot write " << out_path << ": " << std::strerror(errno) << "\n";
        return exit_invalid;
    }
    std::cerr << "wrote " << out_path << " (" << text.size() << " bytes, SYNTHETIC)\n";
    return exit_ok;
}

}  // namespace

// ---------------------------------------------------------------------------
// The browser's "export" buttons, headless: the innovations (or their replications) that the
// same filters select, as CSV for spreadsheets (BOM, RFC 4180, formulas neutralised).
int cmd_export_table(const std::vector<std::string>& args) {
    if (args.empty()) return usage_error("export takes FILE and options");
    Query q;
    std::string table = "innovations", output;
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string error;
        if (filter_option(args, i, q, error)) {
            if (!error.empty()) return usage_error(error);
        } else if (args[i] == "--table") {
            if (i + 1 >= args.size()) return usage_error("--table needs innovations or replications");
            table = args[++i];
            if (table != "innovations" && table != "replications")
                return usage_error("--table needs innovations or replications, got \"" + table + "\"");
        } else if (args[i] == "-o") {
            if (i + 1 >= args.size()) return usage_error("-o needs FILE");
            output = args[++i];
        } else {
            return usage_error("unknown option \"" + args[i] + "\"");
        }
    }
    auto sel = select_rows(args[0], q);
    if (!sel) return exit_invalid;
    const auto& ds = sel->data;
    const Catalog& catalog = *sel->catalog;
    const QueryResult& res = sel->result;
    std::string csv;
    if (table == "innovations") {
        csv = innovations_csv(catalog, res.rows);
    } else {
        ReplicationList list(catalog);
        std::vector<ReplicationRow> rows;
        list.run(res, ReplicationColumn::source, false, rows);
        csv = replications_csv(*ds, rows);
    }
    if (output.empty() || output == "-") {
        std::cout << csv;
        return exit_ok;
    }
    std::ofstream f(output, std::ios::binary);
    f << csv;
    f.close();
    if (!f) {
        std::cerr << "atlas: cannot write " << output << "\n";
        return exit_invalid;
    }
    return exit_ok;
}

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc < 2) return usage_error("missing command");
    std::string cmd = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        std::cout << full_usage();
        return exit_ok;
    }
    if (cmd == "validate") return cmd_validate(args);
    if (cmd == "stats") return cmd_stats(args);
    if (cmd == "lineage") return cmd_lineage(args);
    if (cmd == "query") return cmd_query(args);
    if (cmd == "synth") return cmd_synth(args);
    if (cmd == "import") return atlas::cli::cmd_import(args);
    if (cmd == "export") {
        // --csv DIR: the whole bundle as one CSV per entity; else the filtered table as CSV.
        const bool whole = std::find(args.begin(), args.end(), "--csv") != args.end();
        return whole ? atlas::cli::cmd_export(args) : cmd_export_table(args);
    }
    if (cmd == "merge") return atlas::cli::cmd_merge(args);
    if (cmd == "map") return atlas::cli::cmd_map(args);
    return usage_error("unknown command \"" + cmd + "\"");
}
