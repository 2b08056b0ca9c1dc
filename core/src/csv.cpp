#include "core/csv.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"

namespace atlas::csv {

namespace {

bool is_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Position tracking over UTF-8: a column is a character, so continuation bytes do not count.
struct Cursor {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    void advance(std::string_view s, std::size_t i) noexcept {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\n' || (c == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if (c == '\r') {
            // the '\n' that follows ends the line
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
};

Problem at(const Cursor& c, std::string message, Level level = Level::error) {
    return Problem{level, c.line, c.column, std::move(message)};
}

// Line and column of byte `offset` (for encoding problems found before parsing).
Cursor locate(std::string_view s, std::size_t offset) {
    Cursor c;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) c.advance(s, i);
    return c;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string describe(std::string_view file, const Problem& p) {
    std::string out(file);
    out += ':' + std::to_string(p.line) + ':' + std::to_string(p.column) + ": ";
    if (p.level == Level::warning) out += "warning: ";
    out += p.message;
    return out;
}

std::size_t Table::error_count() const noexcept {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                  [](const Problem& p) { return p.level == Level::error; }));
}

int Table::column_index(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < header.cells.size(); ++i)
        if (header.cells[i].text == name) return static_cast<int>(i);
    return -1;
}

bool looks_like_formula(std::string_view s) noexcept {
    if (s.size() < 2) return false;
    const char c = s[0];
    if (c == '=') return true;
    if (c == '@') return is_alpha(s[1]);
    if (c != '+' && c != '-') return false;
    if (s[1] == '(' || s[1] == '=' || s[1] == '@') return true;
    // A function call (+SUM(…), -HYPERLINK(…)) or a cell reference (+A1, -BC12).
    std::size_t i = 1;
    while (i < s.size() && is_alpha(s[i])) ++i;
    if (i == 1) return false;
    if (i < s.size() && s[i] == '(') return true;
    const std::size_t letters = i - 1;
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    return letters <= 3 && j > i && (j == s.size() || s[j] == '+' || s[j] == '-' || s[j] == '*' ||
                                     s[j] == '/' || s[j] == '!' || s[j] == ':');
}

Table read(std::string_view s, const ReadOptions& opt) {
    Table t;
    if (s.size() > opt.max_bytes) {
        t.fatal = true;
        t.problems.push_back({Level::error, 1, 1,
                              "file is " + std::to_string(s.size()) + " bytes, over the limit of " +
                                  std::to_string(opt.max_bytes)});
        return t;
    }
    if (s.size() >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'))) {
        t.fatal = true;
        t.problems.push_back({Level::error, 1, 1,
                              "file is UTF-16; save it as UTF-8 (in spreadsheet programs: \"CSV UTF-8\")"});
        return t;
    }
    if (s.substr(0, 3) == "\xEF\xBB\xBF") {
        t.had_bom = true;
        s.remove_prefix(3);
    }
    if (const std::size_t bad = text::find_invalid_utf8(s); bad != std::string_view::npos) {
        t.fatal = true;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(s[bad]));
        t.problems.push_back(at(locate(s, bad),
                                std::string("not valid UTF-8 (byte ") + hex +
                                    "); save the file as UTF-8 (in spreadsheet programs: \"CSV UTF-8\")"));
        return t;
    }
    if (const std::size_t nul = s.find('\0'); nul != std::string_view::npos) {
        t.fatal = true;
        t.problems.push_back(at(locate(s, nul), "NUL byte in the text; this is not a CSV text file"));
        return t;
    }
    if (const std::size_t eol = s.find('\n'); eol != std::string_view::npos) t.crlf = eol > 0 && s[eol - 1] == '\r';

    enum class State : std::uint8_t { field_start, unquoted, quoted, after_quote };
    State state = State::field_start;
    Cursor cur;
    Cursor quote_open;
    Row row;
    Cell cell;
    bool cell_quoted = false;
    bool row_started = false;
    bool too_long_reported = false;
    std::vector<Row> all;

    auto end_cell = [&] {
        if (row.cells.size() < opt.max_fields) {
            row.cells.push_back(std::move(cell));
        } else if (row.cells.size() == opt.max_fields) {
            t.problems.push_back({Level::error, cell.line, cell.column,
                                  "more than " + std::to_string(opt.max_fields) + " fields in one row; the rest is ignored"});
            row.cells.emplace_back();  // marks the report as made
        }
        cell = Cell{};
    };
    auto end_row = [&] {
        end_cell();
        const bool blank = row.cells.size() == 1 && row.cells[0].text.empty() && !cell_quoted;
        if (row.cells.size() > opt.max_fields) row.cells.resize(opt.max_fields);
        if (!blank) all.push_back(std::move(row));
        row = Row{};
        row_started = false;
        cell_quoted = false;
    };
    auto append = [&](char c) {
        if (cell.text.size() < opt.max_field_bytes) {
            cell.text += c;
        } else if (!too_long_reported) {
            too_long_reported = true;
            t.problems.push_back({Level::error, cell.line, cell.column,
                                  "field longer than " + std::to_string(opt.max_field_bytes) + " bytes; cut there"});
        }
    };

    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        const bool is_eol = c == '\n' || c == '\r';
        const std::size_t eol_len = (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        switch (state) {
            case State::field_start:
                if (!row_started) {
                    row_started = true;
                    row.line = cur.line;
                }
                cell.line = cur.line;
                cell.column = cur.column;
                too_long_reported = false;
                if (c == '"') {
                    state = State::quoted;
                    cell_quoted = true;
                    quote_open = cur;
                    cur.advance(s, i);
                    ++i;
                    continue;
                }
                state = State::unquoted;
                continue;  // same byte, as unquoted text
            case State::unquoted:
                if (c == ',') {
                    end_cell();
                    state = State::field_start;
                } else if (is_eol) {
                    end_row();
                    state = State::field_start;
                } else {
                    if (c == '"')
                        t.problems.push_back(at(cur, "quote inside an unquoted field; enclose the whole field in "
                                                     "quotes and write a quote inside it as two quotes (\"\")"));
                    append(c);
                }
                break;
            case State::quoted:
                if (c == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') {
                        append('"');
                        cur.advance(s, i);
                        ++i;
                    } else {
                        state = State::after_quote;
                    }
                } else {
                    append(c);
                }
                break;
            case State::after_quote:
                if (c == ',') {
                    end_cell();
                    state = State::field_start;
                } else if (is_eol) {
                    end_row();
                    state = State::field_start;
                } else {
                    t.problems.push_back(at(cur, "text after the closing quote of a quoted field; a quote inside "
                                                 "a quoted field is written as two quotes (\"\")"));
                    append(c);
                    state = State::unquoted;
                }
                break;
        }
        for (std::size_t k = 0; k < (is_eol && state == State::field_start ? eol_len : 1); ++k) cur.advance(s, i + k);
        i += is_eol && state == State::field_start ? eol_len : 1;
    }
    if (state == State::quoted) {
        t.problems.push_back(at(quote_open, "quoted field is never closed (its closing quote is missing)"));
        end_row();
    } else if (row_started) {
        if (state == State::field_start) {  // the text ends just after a comma: an empty last field there
            cell.line = cur.line;
            cell.column = cur.column;
        }
        end_row();
    }

    if (all.empty()) return t;
    t.header = std::move(all.front());
    const std::size_t width = t.header.cells.size();
    t.rows.reserve(all.size() - 1);
    for (std::size_t r = 1; r < all.size(); ++r) {
        Row& rw = all[r];
        if (rw.cells.size() > width) {
            const Cell& extra = rw.cells[width];
            t.problems.push_back({Level::error, extra.line, extra.column,
                                  "row has " + plural(rw.cells.size(), "field", "fields") + ", the header has " +
                                      std::to_string(width) + " (a comma inside a field needs quotes)"});
        } else if (rw.cells.size() < width) {
            t.problems.push_back({Level::error, rw.line, 1,
                                  "row has " + plural(rw.cells.size(), "field", "fields") + ", the header has " +
                                      std::to_string(width)});
            rw.cells.resize(width);
        }
        if (opt.flag_formulas) {
            for (const Cell& c : rw.cells) {
                if (!looks_like_formula(c.text)) continue;
                t.problems.push_back({Level::warning, c.line, c.column,
                                      std::string("cell starts with '") + c.text[0] +
                                          "' and may run as a formula in a spreadsheet; kept as text"});
            }
        }
        t.rows.push_back(std::move(rw));
    }
    std::stable_sort(t.problems.begin(), t.problems.end(), [](const Problem& a, const Problem& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return t;
}

void append_field(std::string& out, std::string_view f) {
    const bool edge_space = !f.empty() && (f.front() == ' ' || f.front() == '\t' || f.back() == ' ' || f.back() == '\t');
    if (!edge_space && f.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += f;
        return;
    }
    out += '"';
    for (const char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

Writer::Writer(const WriteOptions& options) : options_(options) {
    if (options_.bom) out_ = "\xEF\xBB\xBF";
}

void Writer::row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out_ += ',';
        append_field(out_, fields[i]);
    }
    // A row of one empty field would read back as a blank line and vanish.
    if (fields.size() == 1 && fields[0].empty()) out_ += "\"\"";
    out_ += options_.crlf ? "\r\n" : "\n";
}

}  // namespace atlas::csv
