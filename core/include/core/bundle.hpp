// Reading and writing bundle files (format v1, see assets/schema/bundle-v1.schema.json).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/result.hpp"

namespace atlas {

inline constexpr std::string_view bundle_format_name = "atlas-inovasi-bundle";
inline constexpr int bundle_format_version = 1;

// Stated limits; inputs beyond them are refused with a message, never by running out of memory.
struct LoadLimits {
    std::size_t max_bytes = 512u * 1024u * 1024u;  // whole file
    std::size_t max_depth = 64;                     // JSON nesting
    std::size_t max_string_bytes = 1u << 20;        // one string value
    std::size_t max_records = 5'000'000;            // records in one array
    std::size_t max_issues = 10'000;                // problems listed; the rest are only counted
};

enum class Severity : std::uint8_t { warning, error };

// One problem found in a bundle. `path` is a JSON path such as "$.innovations[3].owner".
struct Issue {
    Severity severity = Severity::error;
    std::string path;
    std::string message;
};

struct LoadReport {
    std::vector<Issue> issues;
    // Per RecordKind: records present in the file and records kept.
    std::array<std::uint32_t, record_kind_count> read{};
    std::array<std::uint32_t, record_kind_count> kept{};
    std::size_t bytes = 0;
    // Problems past LoadLimits::max_issues: counted, not listed (a file of a million broken
    // records must not cost a million messages' memory).
    std::size_t unlisted_errors = 0;
    std::size_t unlisted_warnings = 0;

    // Listed and unlisted together.
    std::size_t error_count() const noexcept;
    std::size_t warning_count() const noexcept;
    bool valid() const noexcept { return error_count() == 0; }
    std::size_t unlisted() const noexcept { return unlisted_errors + unlisted_warnings; }
    std::size_t problem_count() const noexcept { return issues.size() + unlisted(); }  // errors + warnings
};

struct LoadedBundle {
    std::shared_ptr<const Dataset> dataset;
    LoadReport report;
};

// Parses and validates a bundle. A fatal problem (not JSON, not UTF-8, not a bundle, over a
// limit) gives a LoadError; otherwise every valid record is kept and every record that was
// skipped or altered is named in report.issues.
Result<LoadedBundle> load_bundle(std::string_view bytes, const LoadLimits& limits = {});
Result<LoadedBundle> load_bundle_file(const std::string& path, const LoadLimits& limits = {});

// Reads a whole file, refusing files over max_bytes.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);

// Serialises a Dataset as a v1 bundle (stable key order, 2-space indent when pretty).
std::string write_bundle(const Dataset& data, bool pretty = true);

}  // namespace atlas
