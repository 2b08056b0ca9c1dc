// Internal to the loader: byte-level checks made before JSON parsing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"

namespace atlas::detail {

struct TextPosition {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset) noexcept;

// Structural counts from the prescan, upper bounds used to size the parsed document.
struct ScanCounts {
    std::size_t values = 0;        // JSON values (root, object members, array elements)
    std::size_t members = 0;       // object members (':' outside strings)
};

// Checks encoding (UTF-16/32, NUL bytes, invalid UTF-8) and nesting depth without parsing.
// Returns the first fatal problem. `skip` is set to the length of a UTF-8 BOM to ignore.
// When `counts` is given it receives the sizes above (meaningful only when nothing is returned).
std::optional<LoadError> prescan(std::string_view bytes, const LoadLimits& limits, std::size_t& skip,
                                 ScanCounts* counts = nullptr);

}  // namespace atlas::detail
