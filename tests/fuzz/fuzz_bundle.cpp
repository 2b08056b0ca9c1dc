// Fuzz target: the bundle loader and validator (core/bundle.hpp) and the writer behind it.
// Invariants, whatever the bytes:
//  - loading never throws or crashes; a refusal carries a message;
//  - every problem names a JSON path ("$…") and says something;
//  - no kind keeps more records than the file held;
//  - what was kept, written out, loads again and keeps every record, with no error but those
//    of the meta block already reported the first time (a bundle whose meta has no valid
//    created date or licence cannot get one by being written), and writes out to the same
//    bytes (write → load → write is a fixpoint).
#include <cstdint>
#include <string>
#include <string_view>

#include "core/bundle.hpp"
#include "fuzz_check.hpp"

namespace {

// True when the first load reported an error at `path` or at a path enclosing it ("$.meta"
// missing encloses "$.meta.created").
bool had_error_at(const atlas::LoadReport& report, const std::string& path) {
    for (const auto& i : report.issues)
        if (i.severity == atlas::Severity::error && path.rfind(i.path, 0) == 0 &&
            (path.size() == i.path.size() || path[i.path.size()] == '.' || path[i.path.size()] == '['))
            return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto loaded = atlas::load_bundle(bytes);
    if (!loaded.ok()) {
        ATLAS_FUZZ_CHECK(!loaded.error().message.empty(), "a refused bundle says why");
        ATLAS_FUZZ_CHECK(!loaded.error().describe().empty(), "a refusal describes itself");
        return 0;
    }
    const auto& first = loaded.value();
    ATLAS_FUZZ_CHECK(first.dataset != nullptr, "a loaded bundle has a dataset");
    for (const auto& issue : first.report.issues) {
        ATLAS_FUZZ_CHECK(!issue.path.empty() && issue.path[0] == '$', "every problem names a JSON path");
        ATLAS_FUZZ_CHECK(!issue.message.empty(), "every problem says something");
    }
    for (std::size_t k = 0; k < first.report.kept.size(); ++k)
        ATLAS_FUZZ_CHECK(first.report.kept[k] <= first.report.read[k], "kept <= read for every kind");

    const std::string written = atlas::write_bundle(*first.dataset);
    auto again = atlas::load_bundle(written);
    if (!again.ok()) std::fprintf(stderr, "reload: %s\n", again.error().describe().c_str());
    ATLAS_FUZZ_CHECK(again.ok(), "a written bundle loads again");
    for (const auto& issue : again.value().report.issues) {
        if (issue.severity != atlas::Severity::error) continue;
        std::fprintf(stderr, "reload problem: %s: %s\n", issue.path.c_str(), issue.message.c_str());
        ATLAS_FUZZ_CHECK(issue.path.rfind("$.meta", 0) == 0 && had_error_at(first.report, issue.path),
                         "a written bundle has no errors but those of its meta block, already reported");
    }
    ATLAS_FUZZ_CHECK(again.value().report.kept == first.report.kept, "a written bundle keeps every record");
    ATLAS_FUZZ_CHECK(atlas::write_bundle(*again.value().dataset) == written, "write -> load -> write is a fixpoint");
    return 0;
}
