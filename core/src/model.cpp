#include "core/model.hpp"

#include <algorithm>
#include <cstdio>

#include "core/result.hpp"

namespace atlas {

const char* to_string(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::io: return "io";
        case ErrorCode::too_large: return "too_large";
        case ErrorCode::bad_encoding: return "bad_encoding";
        case ErrorCode::syntax: return "syntax";
        case ErrorCode::too_deep: return "too_deep";
        case ErrorCode::bad_format: return "bad_format";
        case ErrorCode::bad_argument: return "bad_argument";
    }
    return "?";
}

std::string LoadError::describe() const {
    std::string out;
    if (!json_path.empty()) {
        out = json_path;
    } else if (line != 0) {
        out = "line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    if (!out.empty()) out += ": ";
    out += message;
    return out;
}

const char* to_string(Confidence c) noexcept {
    switch (c) {
        case Confidence::unspecified: return "";
        case Confidence::low: return "low";
        case Confidence::medium: return "medium";
        case Confidence::high: return "high";
    }
    return "";
}

const char* to_string(Stage s) noexcept {
    switch (s) {
        case Stage::interest: return "interest";
        case Stage::commitment: return "commitment";
        case Stage::action_plan: return "action_plan";
        case Stage::implemented: return "implemented";
    }
    return "";
}

std::optional<Confidence> parse_confidence(std::string_view s) noexcept {
    if (s == "high") return Confidence::high;
    if (s == "medium") return Confidence::medium;
    if (s == "low") return Confidence::low;
    return std::nullopt;
}

std::optional<Stage> parse_stage(std::string_view s) noexcept {
    if (s == "interest") return Stage::interest;
    if (s == "commitment") return Stage::commitment;
    if (s == "action_plan") return Stage::action_plan;
    if (s == "implemented") return Stage::implemented;
    return std::nullopt;
}

namespace {
constexpr const char* figure_measure_names[figure_measure_count] = {
    "", "innovations", "awards", "replications", "replicated_innovations", "replicating_institutions",
    "adopting_regions"};
}

const char* to_string(FigureMeasure m) noexcept {
    const auto i = static_cast<std::size_t>(m);
    return i < std::size(figure_measure_names) ? figure_measure_names[i] : "";
}

std::optional<FigureMeasure> parse_figure_measure(std::string_view s) noexcept {
    for (int i = 1; i < figure_measure_count; ++i)
        if (s == figure_measure_names[i]) return static_cast<FigureMeasure>(i);
    return std::nullopt;
}

std::string Date::to_string() const {
    if (year == 0) return {};
    char buf[16];
    if (month == 0) {
        std::snprintf(buf, sizeof buf, "%04d", year);
    } else if (day == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    }
    return buf;
}

namespace {
bool digits(std::string_view s) noexcept {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int to_int(std::string_view s) noexcept {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
int days_in_month(int year, int month) noexcept {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}
}  // namespace

bool date_before(const Date& a, const Date& b) noexcept {
    if (!a.known() || !b.known()) return false;
    if (a.year != b.year) return a.year < b.year;
    if (a.month == 0 || b.month == 0) return false;
    if (a.month != b.month) return a.month < b.month;
    if (a.day == 0 || b.day == 0) return false;
    return a.day < b.day;
}

std::optional<Date> parse_date(std::string_view s) noexcept {
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
    if (!digits(s.substr(0, 4))) return std::nullopt;
    Date d;
    int year = to_int(s.substr(0, 4));
    if (year < 1000) return std::nullopt;
    d.year = static_cast<std::int16_t>(year);
    if (s.size() >= 7) {
        if (s[4] != '-' || !digits(s.substr(5, 2))) return std::nullopt;
        int month = to_int(s.substr(5, 2));
        if (month < 1 || month > 12) return std::nullopt;
        d.month = static_cast<std::uint8_t>(month);
    }
    if (s.size() == 10) {
        if (s[7] != '-' || !digits(s.substr(8, 2))) return std::nullopt;
        int day = to_int(s.substr(8, 2));
        if (day < 1 || day > days_in_month(year, d.month)) return std::nullopt;
        d.day = static_cast<std::uint8_t>(day);
    }
    return d;
}

namespace {
template <class Steps>
Stage latest_of(const Steps& steps) noexcept {
    Stage best = Stage::interest;
    for (const auto& st : steps) best = std::max(best, st.stage);
    return best;
}
}  // namespace

Stage Replication::latest_stage() const noexcept { return latest_of(stages); }
Stage Cohort::latest_stage() const noexcept { return latest_of(stages); }

Date Replication::first_date() const noexcept {
    Date best;
    for (const auto& st : stages)
        if (st.date.known() && (!best.known() || st.date.key() < best.key())) best = st.date;
    return best;
}

Date Replication::latest_date() const noexcept {
    Date best;
    for (const auto& st : stages)
        if (st.date.known() && st.date.key() > best.key()) best = st.date;
    return best;
}

}  // namespace atlas
