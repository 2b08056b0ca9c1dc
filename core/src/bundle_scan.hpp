// Internal to the loader: byte-level checks made before JSON parsing, and the SAX builder.
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

// Checks encoding (UTF-16/32, NUL bytes, invalid UTF-8) and nesting depth without parsing.
// Returns the first fatal problem. `skip` is set to the length of a UTF-8 BOM to ignore.
std::optional<LoadError> prescan(std::string_view bytes, const LoadLimits& limits, std::size_t& skip);

}  // namespace atlas::detail
