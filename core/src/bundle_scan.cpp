#include "bundle_scan.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace atlas::detail {

TextPosition position_of(std::string_view text, std::size_t offset) noexcept {
    TextPosition p;
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not continuation bytes
            ++p.column;
        }
    }
    return p;
}

namespace {
LoadError at(ErrorCode code, std::string_view text, std::size_t offset, std::string message) {
    TextPosition p = position_of(text, offset);
    return LoadError{code, std::move(message), {}, p.line, p.column};
}
}  // namespace

std::optional<LoadError> prescan(std::string_view bytes, const LoadLimits& limits, std::size_t& skip) {
    skip = 0;
    if (bytes.size() > limits.max_bytes) {
        return LoadError{ErrorCode::too_large,
                         "file is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                             std::to_string(limits.max_bytes) + " bytes",
                         {}, 0, 0};
    }
    auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
    if (starts(std::string_view("\x00\x00\xFE\xFF", 4)) || starts(std::string_view("\xFF\xFE\x00\x00", 4))) {
        return LoadError{ErrorCode::bad_encoding, "file is UTF-32; save it as UTF-8", {}, 1, 1};
    }
    if (starts("\xFE\xFF") || starts("\xFF\xFE") ||
        (bytes.size() >= 2 && ((bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0)))) {
        return LoadError{ErrorCode::bad_encoding, "file is UTF-16; save it as UTF-8", {}, 1, 1};
    }
    if (starts("\xEF\xBB\xBF")) skip = 3;
    std::string_view body = bytes.substr(skip);
    if (auto nul = body.find('\0'); nul != std::string_view::npos) {
        return at(ErrorCode::bad_encoding, bytes, skip + nul, "NUL byte in the file; it is not a UTF-8 text file");
    }
    if (auto bad = text::find_invalid_utf8(body); bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(body[bad]));
        return at(ErrorCode::bad_encoding, bytes, skip + bad,
                  std::string("invalid UTF-8 (byte ") + hex +
                      "); the file may be in Latin-1 or Windows-1252: save it as UTF-8");
    }
    // Nesting depth, skipping string contents.
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limits.max_depth) {
                return at(ErrorCode::too_deep, bytes, skip + i,
                          "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
            }
        } else if (c == '}' || c == ']') {
            if (depth > 0) --depth;
        }
    }
    return std::nullopt;
}

}  // namespace atlas::detail
