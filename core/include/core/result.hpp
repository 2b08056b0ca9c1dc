// Errors as values at the core's boundary: nothing here throws across the API.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace atlas {

enum class ErrorCode : std::uint8_t {
    io,            // file missing or unreadable
    too_large,     // input over a stated limit
    bad_encoding,  // not UTF-8 (UTF-16, Latin-1, invalid bytes, NUL)
    syntax,        // not JSON
    too_deep,      // nesting over the limit
    bad_format,    // JSON, but not an atlas bundle (wrong format/version, top level not an object)
    bad_argument,  // a caller's argument (query, CLI) makes no sense
};

const char* to_string(ErrorCode code) noexcept;

// A failure that stops a whole operation. `json_path` names where ("$.meta.title"),
// `line`/`column` are 1-based positions in the text when known (0 = unknown).
struct LoadError {
    ErrorCode code = ErrorCode::io;
    std::string message;
    std::string json_path;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    // "$.meta: message" or "line 3, column 7: message" — one readable line.
    std::string describe() const;
};

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}                      // NOLINT: implicit by design
    Result(LoadError error) : v_(std::move(error)) {}              // NOLINT
    bool ok() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const LoadError& error() const { return std::get<1>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, LoadError> v_;
};

}  // namespace atlas
