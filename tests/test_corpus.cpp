// The validation corpus: every file under tests/data is listed in tests/data/manifest.json
// with what the loader must say about it (a fatal error, or exactly these per-record errors),
// plus hostile inputs generated here (deep nesting, huge strings, huge arrays, byte limits,
// truncations and byte flips). The loader must never throw and never crash.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"

#if __has_include(<sys/wait.h>) && __has_include(<unistd.h>)
#include <sys/wait.h>
#include <unistd.h>
#define ATLAS_CORPUS_CAN_FORK 1
#endif

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string data_dir = std::string(ATLAS_SOURCE_DIR) + "/tests/data/";

json read_manifest() {
    std::ifstream in(data_dir + "manifest.json", std::ios::binary);
    REQUIRE(in);
    json m = json::parse(in, nullptr, false);
    REQUIRE_FALSE(m.is_discarded());
    REQUIRE(m.contains("entries"));
    REQUIRE(m["entries"].is_array());
    return m;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::optional<atlas::RecordKind> kind_named(std::string_view name) {
    for (int k = 0; k < atlas::record_kind_count; ++k)
        if (name == atlas::to_string(static_cast<atlas::RecordKind>(k))) return static_cast<atlas::RecordKind>(k);
    return std::nullopt;
}

std::string describe(const atlas::LoadReport& rep) {
    std::string s;
    for (const auto& is : rep.issues)
        s += std::string(is.severity == atlas::Severity::error ? "  error   " : "  warning ") + is.path + ": " +
             is.message + "\n";
    return s.empty() ? "  (no issues)\n" : s;
}

// Loads the file in a child process first, so that a crash in the loader fails this entry
// instead of ending the whole test run. Returns a description of the crash, or "".
std::string crash_in_child(const std::string& path) {
#ifdef ATLAS_CORPUS_CAN_FORK
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
        // The test framework's own handlers would report the crash as a failure of the
        // child; let the signal end the child and be seen by the parent instead.
        for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
        try {
            (void)atlas::load_bundle_file(path);
        } catch (...) {
            _exit(3);
        }
        _exit(0);
    }
    if (pid < 0) return {};  // cannot fork: load in-process only
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return {};
    if (WIFSIGNALED(status)) return "the loader crashed (signal " + std::to_string(WTERMSIG(status)) + ")";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3) return "the loader threw an exception";
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)  // e.g. a sanitizer's report
        return "the loader ended the process (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
#else
    (void)path;
#endif
    return {};
}

// True when every step of `path` ("$.innovations[3].owner", "$['odd key']") but the last
// exists in `doc`:
// an issue may name a field that is missing, never a record that is not there.
bool parent_exists(const json& doc, const std::string& path) {
    if (path.rfind('$', 0) != 0) return false;
    std::vector<std::string> steps;  // ".key" or "[n]"
    std::size_t i = 1;
    while (i < path.size()) {
        std::size_t j = i + 1;
        if (path[i] == '.') {
            while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
        } else if (path.compare(i, 2, "['") == 0) {  // ['any key'], with \\ and \' escaped
            std::string key = ".";
            for (j = i + 2; j < path.size() && path[j] != '\''; ++j) {
                if (path[j] == '\\' && j + 1 < path.size()) ++j;
                key += path[j];
            }
            if (path.compare(j, 2, "']") != 0) return false;
            steps.push_back(key);
            i = j + 2;
            continue;
        } else if (path[i] == '[') {
            j = path.find(']', i);
            if (j == std::string::npos) return false;
            ++j;
        } else {
            return false;
        }
        steps.push_back(path.substr(i, j - i));
        i = j;
    }
    const json* at = &doc;
    for (std::size_t s = 0; s + 1 < steps.size(); ++s) {
        const std::string& st = steps[s];
        if (st[0] == '.') {
            if (!at->is_object()) return false;
            auto it = at->find(st.substr(1));
            if (it == at->end()) return false;
            at = &*it;
        } else {
            const std::string digits = st.substr(1, st.size() - 2);
            if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return c >= '0' && c <= '9'; }))
                return false;
            const std::size_t n = std::stoul(digits);
            if (!at->is_array() || n >= at->size()) return false;
            at = &(*at)[n];
        }
    }
    return true;
}

const char* minimal_head =
    R"({"format": "atlas-inovasi-bundle", "version": 1,
        "meta": {"title": "hostile", "created": "2026-01-15", "licence": "CC0-1.0", "synthetic": true},
        "sources": [{"id": "s1", "title": "t"}])";

std::vector<const atlas::Issue*> errors_of(const atlas::LoadReport& rep) {
    std::vector<const atlas::Issue*> out;
    for (const auto& is : rep.issues)
        if (is.severity == atlas::Severity::error) out.push_back(&is);
    return out;
}

}  // namespace

TEST_CASE("corpus: the manifest lists every file and enough bad ones", "[corpus]") {
    const json m = read_manifest();
    std::set<std::string> listed;
    std::size_t bad = 0, good = 0;
    for (const json& e : m["entries"]) {
        REQUIRE(e.contains("file"));
        const std::string file = e["file"].get<std::string>();
        INFO("manifest entry " << file);
        CHECK(listed.insert(file).second);  // listed once
        CHECK(fs::exists(data_dir + file));
        CHECK((e.contains("fatal") != e.contains("errors")));  // exactly one expectation
        REQUIRE(e.contains("schema"));
        CHECK((e["schema"] == "valid" || e["schema"] == "invalid"));
        if (file.rfind("bad/", 0) == 0) ++bad;
        if (file.rfind("good/", 0) == 0) {
            ++good;
            CHECK(e.contains("errors"));
            if (e.contains("errors")) CHECK(e["errors"].empty());
            CHECK(e["schema"] == "valid");
        }
    }
    CHECK(bad >= 30);
    CHECK(good >= 4);
    for (const char* dir : {"good", "bad"}) {
        for (const auto& f : fs::directory_iterator(data_dir + dir)) {
            if (!f.is_regular_file()) continue;
            const std::string rel = std::string(dir) + "/" + f.path().filename().string();
            if (f.path().extension() == ".mjs") continue;  // a generator, not a bundle
            INFO("file on disk " << rel);
            CHECK(listed.count(rel) == 1);
        }
    }
}

TEST_CASE("corpus: every file gives exactly the expected result", "[corpus]") {
    const json m = read_manifest();
    for (const json& e : m["entries"]) {
        const std::string file = e["file"].get<std::string>();
        const std::string path = data_dir + file;
        const std::string regression = e.value("regression", std::string());
        INFO("file: " << file);
        INFO((regression.empty() ? std::string() : "regression test for a loader bug: " + regression));

        if (std::string crash = crash_in_child(path); !crash.empty()) {
            FAIL_CHECK(crash);
            continue;
        }
        std::optional<atlas::Result<atlas::LoadedBundle>> r;
        CHECK_NOTHROW(r.emplace(atlas::load_bundle_file(path)));
        if (!r) continue;

        if (e.contains("fatal")) {
            const std::string code = e["fatal"]["code"].get<std::string>();
            const std::string contains = e["fatal"]["contains"].get<std::string>();
            if (r->ok()) {
                FAIL_CHECK("expected a fatal " << code << " error, the file loaded with issues:\n"
                                               << describe(r->value().report));
                continue;
            }
            const atlas::LoadError& err = r->error();
            INFO("fatal: " << atlas::to_string(err.code) << ": " << err.describe());
            CHECK(std::string(atlas::to_string(err.code)) == code);
            CHECK_THAT(err.message, Catch::Contains(contains));
            continue;
        }

        if (!r->ok()) {
            FAIL_CHECK("unexpected fatal error: " << atlas::to_string(r->error().code) << ": "
                                                  << r->error().describe());
            continue;
        }
        const atlas::LoadedBundle& loaded = r->value();
        const atlas::LoadReport& rep = loaded.report;
        INFO("the loader said:\n" << describe(rep));
        CHECK(loaded.dataset != nullptr);

        const json& want = e["errors"];
        const auto errs = errors_of(rep);
        CHECK(errs.size() == want.size());
        for (const json& w : want) {
            const std::string wpath = w["path"].get<std::string>();
            const std::string contains = w["contains"].get<std::string>();
            const bool found = std::any_of(errs.begin(), errs.end(), [&](const atlas::Issue* is) {
                return is->path == wpath && is->message.find(contains) != std::string::npos;
            });
            INFO("expected error " << wpath << ": …" << contains << "…");
            CHECK(found);
        }
        if (e.contains("warnings")) CHECK(rep.warning_count() == e["warnings"].get<std::size_t>());
        if (e.contains("kept")) {
            for (const auto& [kind, n] : e["kept"].items()) {
                auto k = kind_named(kind);
                INFO("kept " << kind);
                REQUIRE(k.has_value());
                CHECK(rep.kept[static_cast<int>(*k)] == n.get<std::uint32_t>());
            }
        }
        if (want.empty()) CHECK(rep.valid());

        // Every issue names a place that exists in the document, up to its last step.
        std::string text = slurp(path);
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
        const json doc = json::parse(text, nullptr, false);
        if (!doc.is_discarded()) {
            for (const auto& is : rep.issues) {
                INFO("issue path " << is.path << ": " << is.message);
                CHECK(parent_exists(doc, is.path));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Hostile inputs generated in the test
// ---------------------------------------------------------------------------------------

TEST_CASE("corpus: 10,000-deep nesting is refused, not a stack overflow", "[corpus][hostile]") {
    const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
    for (const std::string& text : {
             std::string(minimal_head) + R"(, "innovations": [{"id": "n1", "note": )" + deep + "}]}",
             deep,
             std::string(100'000, '['),                      // never closed
             std::string(minimal_head) + ", \"x\": " + std::string(50'000, '{') + "}",  // not even JSON
         }) {
        std::optional<atlas::Result<atlas::LoadedBundle>> r;
        REQUIRE_NOTHROW(r.emplace(atlas::load_bundle(text)));
        REQUIRE_FALSE(r->ok());
        CHECK(r->error().code == atlas::ErrorCode::too_deep);
        CHECK_THAT(r->error().message, Catch::Contains("64"));
    }
    // 64 levels in all pass the default limit (the top-level object and meta are two of them).
    const std::string ok_depth = R"({"format": "atlas-inovasi-bundle", "version": 1,
        "meta": {"title": "hostile", "created": "2026-01-15", "licence": "CC0-1.0", "synthetic": true,
                 "description": )" + std::string(62, '[') + std::string(62, ']') + R"(},
        "sources": []})";
    auto r = atlas::load_bundle(ok_depth);
    REQUIRE(r.ok());
    INFO(describe(r.value().report));
    REQUIRE(r.value().report.error_count() == 1);
    CHECK(errors_of(r.value().report)[0]->path == "$.meta.description");  // not a string
    atlas::LoadLimits deeper;
    deeper.max_depth = 63;
    auto r63 = atlas::load_bundle(ok_depth, deeper);
    REQUIRE_FALSE(r63.ok());
    CHECK(r63.error().code == atlas::ErrorCode::too_deep);
}

TEST_CASE("corpus: a 2 MB string is refused with the limit named", "[corpus][hostile]") {
    const std::string big(2u << 20, 'a');
    const std::string text = R"({"format": "atlas-inovasi-bundle", "version": 1,
        "meta": {"title": "hostile", "created": "2026-01-15", "licence": "CC0-1.0", "synthetic": true,
                 "description": ")" + big + R"("},
        "sources": []})";
    std::optional<atlas::Result<atlas::LoadedBundle>> r;
    REQUIRE_NOTHROW(r.emplace(atlas::load_bundle(text)));
    REQUIRE(r->ok());
    const auto& rep = r->value().report;
    INFO(describe(rep));
    REQUIRE(rep.error_count() == 1);
    const auto errs = errors_of(rep);
    CHECK(errs[0]->path == "$.meta.description");
    CHECK_THAT(errs[0]->message, Catch::Contains("1048576"));
    CHECK_THAT(errs[0]->message, Catch::Contains("limit"));
    CHECK(r->value().dataset->meta.description.size() < big.size());
}

TEST_CASE("corpus: a 2 MB or 100 MB string inside a record skips that record, naming both sizes",
          "[corpus][hostile]") {
    for (const auto& [field, size] : {std::pair<std::string, std::size_t>{"note", 2u << 20}, {"name", 100u << 20}}) {
        INFO(field << " of " << size << " bytes");
        std::string text = std::string(minimal_head) +
                           R"(, "institutions": [{"id": "i1", "name": "A", "kind": "dinas", "sources": ["s1"]}],
                              "innovations": [{"id": "n1", "owner": "i1", "sources": ["s1"], )";
        if (field == "note") text += R"("name": "X", )";
        text += "\"" + field + "\": \"" + std::string(size, 'b') + "\"}," +
                R"({"id": "n2", "name": "Y", "owner": "i1", "sources": ["s1"]}]})";
        std::optional<atlas::Result<atlas::LoadedBundle>> r;
        REQUIRE_NOTHROW(r.emplace(atlas::load_bundle(text)));
        REQUIRE(r->ok());
        const auto& rep = r->value().report;
        INFO(describe(rep));
        const auto errs = errors_of(rep);
        REQUIRE(errs.size() >= 1);
        // The error is at the record that holds the string (a regression once named the next one).
        CHECK(errs[0]->path == "$.innovations[0]." + field);
        CHECK_THAT(errs[0]->message, Catch::Contains(std::to_string(size)));  // the string's length
        CHECK_THAT(errs[0]->message, Catch::Contains("1048576"));              // the limit
        CHECK(rep.kept[static_cast<int>(atlas::RecordKind::innovation)] == 1);
        REQUIRE(r->value().dataset->innovations.size() == 1);
        CHECK(r->value().dataset->innovations[0].id == "n2");
    }
}

TEST_CASE("corpus: 200,000 non-objects in innovations are reported, quickly", "[corpus][hostile]") {
    std::string text = std::string(minimal_head) + R"(, "innovations": [)";
    text.reserve(text.size() + 200'000 * 7);
    for (int i = 0; i < 200'000; ++i) {
        if (i) text += ',';
        text += std::to_string(i);
    }
    text += "]}";
    const auto t0 = std::chrono::steady_clock::now();
    std::optional<atlas::Result<atlas::LoadedBundle>> r;
    REQUIRE_NOTHROW(r.emplace(atlas::load_bundle(text)));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(r->ok());
    const auto& rep = r->value().report;
    REQUIRE(rep.error_count() >= 1);
    CHECK(rep.error_count() == 200'000);
    const auto errs = errors_of(rep);
    CHECK(errs.front()->path == "$.innovations[0]");
    CHECK_THAT(errs.front()->message, Catch::Contains("must be an object, found an integer"));
    CHECK(rep.kept[static_cast<int>(atlas::RecordKind::innovation)] == 0);
    CHECK(seconds < 30.0);  // generous: Debug builds and sanitizers
}

TEST_CASE("corpus: 1,000,000 broken records are counted, the messages capped", "[corpus][hostile]") {
    std::string text = std::string(minimal_head) + R"(, "innovations": [)";
    text.reserve(text.size() + 3'000'000);
    for (int i = 0; i < 1'000'000; ++i) text += i ? ",{}" : "{}";
    text += "]}";
    std::optional<atlas::Result<atlas::LoadedBundle>> r;
    REQUIRE_NOTHROW(r.emplace(atlas::load_bundle(text)));
    REQUIRE(r->ok());
    const auto& rep = r->value().report;
    const atlas::LoadLimits defaults;
    CHECK(rep.issues.size() == defaults.max_issues);  // listed
    CHECK(rep.unlisted_errors > 0);                   // and the rest counted
    CHECK(rep.error_count() == rep.issues.size() + rep.unlisted_errors);
    CHECK(rep.error_count() >= 1'000'000);            // at least one problem per record
    CHECK_FALSE(rep.valid());
    CHECK(rep.read[static_cast<int>(atlas::RecordKind::innovation)] == 1'000'000);
    CHECK(rep.kept[static_cast<int>(atlas::RecordKind::innovation)] == 0);
    CHECK(errors_of(rep).front()->path.rfind("$.innovations[0]", 0) == 0);

    // A record with a 1,000,000-element array of references is read (each one is checked).
    std::string refs = std::string(minimal_head) +
                       R"(, "institutions": [{"id": "i1", "name": "A", "kind": "dinas", "sources": [)";
    refs.reserve(refs.size() + 6'000'000);
    for (int i = 0; i < 1'000'000; ++i) refs += i ? ",\"s1\"" : "\"s1\"";
    refs += "]}]}";
    auto r2 = atlas::load_bundle(refs);
    REQUIRE(r2.ok());
    CHECK(r2.value().report.valid());
    CHECK(r2.value().dataset->institutions.size() == 1);
}

TEST_CASE("corpus: the listed problems stop at max_issues, the count does not", "[corpus][hostile]") {
    atlas::LoadLimits few;
    few.max_issues = 5;
    std::string text = std::string(minimal_head) + R"(, "innovations": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "extra": 1})";
    auto r = atlas::load_bundle(text, few);
    REQUIRE(r.ok());
    const auto& rep = r.value().report;
    CHECK(rep.issues.size() == 5);
    CHECK(rep.error_count() == 10);
    CHECK(rep.warning_count() == 1);  // the unknown field, counted after the list was full
    CHECK(rep.unlisted() == 6);
    auto all = atlas::load_bundle(text);
    REQUIRE(all.ok());
    CHECK(all.value().report.issues.size() == 11);
    CHECK(all.value().report.unlisted() == 0);
}

TEST_CASE("corpus: byte and record limits", "[corpus][hostile]") {
    atlas::LoadLimits small;
    small.max_bytes = 100;
    const std::string text = std::string(minimal_head) + "}";
    REQUIRE(text.size() > 100);
    {
        auto r = atlas::load_bundle(text, small);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == atlas::ErrorCode::too_large);
        CHECK_THAT(r.error().message, Catch::Contains("100"));
    }
    {
        auto r = atlas::load_bundle_file(data_dir + "good/typical.json", small);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == atlas::ErrorCode::too_large);
    }
    {
        atlas::LoadLimits few;
        few.max_records = 3;
        auto r = atlas::load_bundle_file(data_dir + "good/typical.json", few);
        REQUIRE(r.ok());
        const auto& rep = r.value().report;
        INFO(describe(rep));
        const auto errs = errors_of(rep);
        CHECK(std::any_of(errs.begin(), errs.end(), [](const atlas::Issue* is) {
            return is->path == "$.institutions" && is->message.find("over the limit of 3") != std::string::npos;
        }));
        CHECK(rep.read[static_cast<int>(atlas::RecordKind::institution)] == 3);
    }
    {
        auto r = atlas::load_bundle_file(data_dir + "no/such/file.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == atlas::ErrorCode::io);
    }
}

TEST_CASE("corpus: every truncation and many byte flips of a good file load without throwing",
          "[corpus][hostile]") {
    const std::string typical = slurp(data_dir + "good/typical.json");
    REQUIRE(typical.size() > 1000);
    std::size_t fatal = 0, loaded = 0;
    for (std::size_t n = 0; n < typical.size(); ++n) {
        std::optional<atlas::Result<atlas::LoadedBundle>> r;
        INFO("truncated to " << n << " bytes");
        REQUIRE_NOTHROW(r.emplace(atlas::load_bundle(std::string_view(typical).substr(0, n))));
        (r->ok() ? loaded : fatal)++;
    }
    // A strict prefix of one JSON object is never JSON; only the file without its final
    // newline is still whole.
    CHECK(loaded <= 1);
    CHECK(fatal + loaded == typical.size());

    std::uint64_t state = 0x9E3779B97F4A7C15ull;  // fixed seed: the same mutations every run
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const char specials[] = {'{', '}', '[', ']', '"', ',', ':', '\\', '0', 'e', '-', '.', ' ', '\n', '\0',
                             '\x80', '\xC3', '\xFF'};
    for (int round = 0; round < 3000; ++round) {
        std::string m = typical;
        const int flips = 1 + static_cast<int>(next() % 4);
        for (int f = 0; f < flips; ++f) {
            const std::size_t at = next() % m.size();
            m[at] = (next() % 2) ? specials[next() % sizeof specials] : static_cast<char>(next() & 0xFF);
        }
        INFO("mutation round " << round);
        std::optional<atlas::Result<atlas::LoadedBundle>> r;
        REQUIRE_NOTHROW(r.emplace(atlas::load_bundle(m)));
        if (r->ok()) {
            for (const auto& is : r->value().report.issues) CHECK(is.path.rfind('$', 0) == 0);
        }
    }
}
