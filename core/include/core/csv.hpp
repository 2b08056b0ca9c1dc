// RFC 4180 CSV: a reader that names file:line:column for every problem, and a writer.
// The reader takes UTF-8 with or without a byte-order mark, CRLF or LF line ends, quoted
// fields with commas, doubled quotes and line breaks. It never throws and never stops at
// the first problem: it reports each one and keeps reading where that makes sense.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::csv {

enum class Level : std::uint8_t { warning, error };

// One problem at a 1-based line and column (columns count characters, not bytes).
struct Problem {
    Level level = Level::error;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
};

// "file:line:column: message", "file:line:column: warning: message" for warnings.
std::string describe(std::string_view file, const Problem& p);

struct Cell {
    std::string text;
    std::uint32_t line = 0;    // where the cell starts
    std::uint32_t column = 0;
};

struct Row {
    std::vector<Cell> cells;
    std::uint32_t line = 0;  // line of the row's first character
};

struct ReadOptions {
    std::size_t max_bytes = 64u * 1024u * 1024u;
    std::size_t max_fields = 1000;        // per row
    std::size_t max_field_bytes = 1u << 20;
    // Warn about cells that a spreadsheet would run as a formula (=…, +A1, -SUM(…), @X…).
    // They stay data; the warning is for whoever opens the file in a spreadsheet later.
    bool flag_formulas = true;
};

struct Table {
    Row header;               // the first row; empty when the text has none
    std::vector<Row> rows;    // every later non-empty row, in order
    std::vector<Problem> problems;
    bool had_bom = false;
    bool crlf = false;        // the first line break was CRLF
    bool fatal = false;       // unreadable as a whole (encoding, size); rows are empty then

    std::size_t error_count() const noexcept;
    // Index of a header name, or -1.
    int column_index(std::string_view name) const noexcept;
};

// Parses the whole text. Rows whose field count differs from the header's are kept (missing
// cells read as empty) and reported. Lines that are completely empty are skipped.
Table read(std::string_view bytes, const ReadOptions& options = {});

// True when a spreadsheet program would treat the cell as a formula.
bool looks_like_formula(std::string_view cell) noexcept;

struct WriteOptions {
    bool bom = false;    // start with U+FEFF (helps some spreadsheet programs detect UTF-8)
    bool crlf = true;    // RFC 4180 line ends
};

// Appends one field, quoted when it holds a comma, quote, CR or LF, or starts or ends with
// white space (so that readers which trim keep it).
void append_field(std::string& out, std::string_view field);

class Writer {
public:
    explicit Writer(const WriteOptions& options = {});
    void row(const std::vector<std::string>& fields);
    const std::string& text() const noexcept { return out_; }
    std::string take() { return std::move(out_); }

private:
    WriteOptions options_;
    std::string out_;
};

}  // namespace atlas::csv
