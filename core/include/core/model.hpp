// The atlas data model: plain records held in an immutable Dataset.
// References between records are row indexes (strong types), resolved once at load time.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

// ---------------------------------------------------------------------------
// Strong row ids: an index into one of the Dataset's arrays.
// ---------------------------------------------------------------------------
template <class Tag>
struct RowId {
    static constexpr std::uint32_t none_value = 0xFFFFFFFFu;
    std::uint32_t value = none_value;
    constexpr RowId() = default;
    constexpr explicit RowId(std::uint32_t v) : value(v) {}
    constexpr bool valid() const noexcept { return value != none_value; }
    constexpr explicit operator bool() const noexcept { return valid(); }
    friend constexpr bool operator==(RowId, RowId) = default;
    friend constexpr auto operator<=>(RowId, RowId) = default;
};
using SourceId = RowId<struct SourceTag>;
using InstitutionId = RowId<struct InstitutionTag>;
using InnovationId = RowId<struct InnovationTag>;
using AwardId = RowId<struct AwardTag>;
using EventId = RowId<struct EventTag>;
using ReplicationId = RowId<struct ReplicationTag>;
using CohortId = RowId<struct CohortTag>;
using FigureId = RowId<struct FigureTag>;

// ---------------------------------------------------------------------------
// Small value types
// ---------------------------------------------------------------------------
enum class Confidence : std::uint8_t { unspecified, low, medium, high };
enum class Stage : std::uint8_t { interest, commitment, action_plan, implemented };
inline constexpr int stage_count = 4;

const char* to_string(Confidence c) noexcept;  // "", "low", "medium", "high"
const char* to_string(Stage s) noexcept;       // "interest", "commitment", "action_plan", "implemented"
std::optional<Confidence> parse_confidence(std::string_view s) noexcept;
std::optional<Stage> parse_stage(std::string_view s) noexcept;

// A calendar date that may be partial (year only, year and month). year 0 = unknown.
struct Date {
    std::int16_t year = 0;
    std::uint8_t month = 0;  // 0 = unknown
    std::uint8_t day = 0;    // 0 = unknown
    bool known() const noexcept { return year != 0; }
    std::string to_string() const;  // "2024", "2024-08", "2024-08-15", "" when unknown
    // Sortable key: unknown parts sort first within their enclosing period.
    std::int32_t key() const noexcept { return year * 10000 + month * 100 + day; }
    friend bool operator==(const Date&, const Date&) = default;
};
// True when `a` is certainly earlier than `b`, comparing only the parts both dates know
// ("2024-08" is not before "2024-08-15"; "2024-07" is). False when either is unknown.
bool date_before(const Date& a, const Date& b) noexcept;
// Parses YYYY, YYYY-MM or YYYY-MM-DD and checks the calendar (2021-02-30 is rejected).
std::optional<Date> parse_date(std::string_view s) noexcept;

// ---------------------------------------------------------------------------
// Records. Every record except a Source cites at least one source.
// ---------------------------------------------------------------------------
struct Cited {
    std::string id;
    std::vector<SourceId> sources;
    Confidence confidence = Confidence::unspecified;
    std::string note;
};

struct Source {
    std::string id;
    std::string title;
    std::string outlet;
    Date date;
    std::string url;
    std::string language;
    std::string note;
};

struct Institution : Cited {
    std::string name;
    std::string kind;         // government, dinas, school, health_centre, group, …
    std::string region_code;  // "" = national / central
    InstitutionId parent;
    std::uint32_t member_count = 0;  // for groups of unnamed members; 0 = unknown
};

struct Innovation : Cited {
    std::string name;
    std::string acronym_expansion;
    std::string description;
    InstitutionId owner;
    InstitutionId unit;
    std::string region_code;  // "" = national / central
    std::string sector;
    std::int16_t year_started = 0;
    std::string status;
    ReplicationId derived_from;  // set when this innovation grew out of a replication
};

struct Award : Cited {
    InnovationId innovation;
    std::string competition;
    std::int16_t year = 0;  // 0 = not stated
    std::string tier;       // "Top 45", "Top 99", … ; "" = not stated
    std::string group;      // umum | replikasi | khusus | ""
};

struct Participant {
    std::string role;
    std::string person;
    std::string position;
    InstitutionId institution;
    std::string description;
    std::uint32_t count = 0;
};

struct Event : Cited {
    std::string name;
    std::string kind;  // program, commitment_signing, exhibition, workshop, …
    Date date;
    Date end_date;
    std::string place;
    std::string region_code;
    bool online = false;
    EventId part_of;
    std::vector<Participant> participants;
    std::vector<InnovationId> innovations;
};

struct StageStep {
    Stage stage = Stage::interest;
    Date date;
    EventId event;
};

struct Replication : Cited {
    InnovationId source;
    InstitutionId adopter;
    std::string region_code;  // adopter's region; may be a kecamatan
    std::uint32_t adopter_count = 1;
    EventId program;
    std::vector<StageStep> stages;  // sorted by stage
    InnovationId derived;
    // Furthest stage reached and the date of the earliest dated step.
    Stage latest_stage() const noexcept;
    Date first_date() const noexcept;
    Date latest_date() const noexcept;
};

// Several sources taken up by several adopters in one program, pairing not published.
struct Cohort : Cited {
    EventId program;
    std::vector<InnovationId> innovations;
    std::vector<InstitutionId> adopters;
    std::uint32_t adopter_count = 0;
    std::vector<std::string> region_codes;
    std::vector<StageStep> stages;
    Stage latest_stage() const noexcept;
};

// What a published figure counts, stated so that the same count can be computed over a bundle
// (core/figures.hpp) and the two compared. Every filter is optional.
enum class FigureMeasure : std::uint8_t {
    none,                      // not comparable (a year, a production figure, a composition)
    innovations,               // innovations in scope
    awards,                    // award records in scope
    replications,              // replication records of innovations in scope (program adopters count one each)
    replicated_innovations,    // innovations in scope replicated at least once
    replicating_institutions,  // distinct institutions replicating innovations in scope
    adopting_regions,          // distinct regencies/cities (or provinces) where they were replicated
};
inline constexpr int figure_measure_count = 7;
const char* to_string(FigureMeasure m) noexcept;  // "", "innovations", …
std::optional<FigureMeasure> parse_figure_measure(std::string_view s) noexcept;

struct FigureCompare {
    FigureMeasure measure = FigureMeasure::none;
    // Innovations in scope: those with an award matching all award filters that are set
    // (none set: every innovation), owned within `region` if set.
    std::string competition;          // e.g. "KIPP"; matched ignoring case
    std::int16_t year_from = 0;       // award years, inclusive; 0 = open
    std::int16_t year_to = 0;
    std::vector<std::string> tiers;   // e.g. {"Top 99"}; empty = any
    std::string group;                // umum | replikasi | khusus | "" = any
    std::string region;               // Kemendagri code prefix of the owner's region; "" = anywhere
    EventId program;                  // replication measures: only this program's replications
    bool active() const noexcept { return measure != FigureMeasure::none; }
};

struct Figure : Cited {
    std::string metric;
    std::optional<double> value;
    std::string value_text;
    std::string unit;
    std::string scope;
    std::string period;
    FigureCompare compare;
};

struct Meta {
    std::string title;
    Date created;
    std::string licence;
    bool synthetic = false;
    std::string description;
    std::string generator;
};

}  // namespace atlas
