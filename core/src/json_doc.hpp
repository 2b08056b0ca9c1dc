// Internal to the loader: a compact, read-only JSON document built from nlohmann's SAX events.
//
// nlohmann stays the tokenizer and parser; only its DOM (a std::map per object, an allocation
// per value) is replaced. A value is a type byte and an 8-byte payload, stored inline in its
// container's run of children: arrays' children are a contiguous run of `elem_*`, objects'
// of `member_*` (plus an interned key id; each distinct key is stored once). A string value
// is a view of the parsed text when it reads the same there (no escapes), otherwise it is
// copied to `text`. Memory: about 13 bytes per object member and 9 per array element, on top
// of the input text, which must outlive the document.
//
// What the old SAX→DOM builder did is kept: a duplicate key is reported and its (later) value
// dropped, along with any problem inside that value; a string over the limit is reported and
// stored as ""; a parse error gives nlohmann's message and a byte offset. Problems are named by
// JSON path ("$.innovations[0].name", odd keys as "$['odd key']").
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atlas::jdoc {

enum class Type : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };

// Stored type byte: a Type, with this bit set for a string held in Document::text.
inline constexpr std::uint8_t in_text_flag = 0x80;

// a[0, n) == b[0, n), inline: short keys and ids are compared often and a call to memcmp
// costs more than the comparison.
inline bool equal_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n >= 8) {
        std::uint64_t x, y, u, w;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        std::memcpy(&u, a + n - 8, 8);
        std::memcpy(&w, b + n - 8, 8);
        if (x != y || u != w) return false;
        return n <= 16 || std::memcmp(a + 8, b + 8, n - 16) == 0;
    }
    if (n >= 4) {
        std::uint32_t x, y, u, w;
        std::memcpy(&x, a, 4);
        std::memcpy(&y, b, 4);
        std::memcpy(&u, a + n - 4, 4);
        std::memcpy(&w, b + n - 4, 4);
        return x == y && u == w;
    }
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}
inline bool equal_text(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && equal_bytes(a.data(), b.data(), a.size());
}

// A member name as a JSON path step: ".name", or "['odd key']" when it is not a plain name.
std::string path_step(std::string_view key);
void append_path_step(std::string& out, std::string_view key);

// Appends s as a JSON string (quotes included), escaped as nlohmann's dump() does with
// ensure_ascii=false: \" \\ \b \f \n \r \t, other control characters as \u00XX (lower-case
// hex), everything else (UTF-8) as is. Invalid UTF-8 is replaced by U+FFFD the way nlohmann's
// error_handler_t::replace does (one U+FFFD per maximal invalid subsequence).
void append_json_string(std::string& out, std::string_view s);
// A double as nlohmann's dump() prints it (its own to_chars: a short form that reads back
// exactly, "1.0" for whole values, exponents as "1e+300"; "null" for NaN and infinities).
void append_json_double(std::string& out, double d);

// Asks the system to back [p, p + bytes) with huge pages where it can (Linux: madvise
// MADV_HUGEPAGE on the 2 MiB-aligned part; elsewhere nothing). For large buffers that are
// about to be filled: fewer page faults and TLB misses. A hint only; call it before touching.
void advise_huge_pages(const void* p, std::size_t bytes) noexcept;

// Reserves room for n elements in v, hinting huge pages for a large buffer.
template <class Vector>
void reserve_large(Vector& v, std::size_t n) {
    v.reserve(n);
    advise_huge_pages(v.data(), v.capacity() * sizeof(typename Vector::value_type));
}

class Document;

// A handle on one value of a Document (or on nothing: `!value`). Cheap to copy.
class Value {
public:
    Value() = default;
    Value(const Document* doc, std::uint8_t type, std::uint64_t payload) : d_(doc), p_(payload), t_(type) {}

    explicit operator bool() const noexcept { return d_ != nullptr; }
    Type type() const noexcept { return static_cast<Type>(t_ & ~in_text_flag); }
    bool is_null() const noexcept { return type() == Type::null; }
    bool is_boolean() const noexcept { return type() == Type::boolean; }
    bool is_number() const noexcept {
        Type t = type();
        return t == Type::integer || t == Type::unsigned_integer || t == Type::floating;
    }
    bool is_number_integer() const noexcept { return type() == Type::integer || type() == Type::unsigned_integer; }
    bool is_number_unsigned() const noexcept { return type() == Type::unsigned_integer; }
    bool is_number_float() const noexcept { return type() == Type::floating; }
    bool is_string() const noexcept { return type() == Type::string; }
    bool is_array() const noexcept { return type() == Type::array; }
    bool is_object() const noexcept { return type() == Type::object; }

    // As nlohmann: containers their number of children, null 0, any other value 1.
    std::size_t size() const noexcept;
    bool empty() const noexcept { return size() == 0; }

    // Array element; this must be an array and i < size().
    Value operator[](std::size_t i) const noexcept;
    // Object member by key: an empty Value when absent or when this is not an object.
    Value find(std::string_view key) const noexcept;
    // Position of the member among the object's members, or npos.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t find_position(std::string_view key) const noexcept;
    // The same by interned key id (Document::key_id), for lookups repeated over many objects;
    // `hint` (a position to try first) is updated to the position found.
    std::size_t find_position(std::uint32_t key_id) const noexcept;
    std::size_t find_position(std::uint32_t key_id, std::uint32_t& hint) const noexcept;
    Value find(std::uint32_t key_id) const noexcept;
    // i-th member of an object, in document order; this must be an object and i < size().
    std::string_view key_at(std::size_t i) const noexcept;
    Value value_at(std::size_t i) const noexcept;

    std::string_view str() const noexcept;  // "" unless a string
    double as_double() const noexcept;
    std::int64_t as_int64() const noexcept;
    std::uint64_t as_uint64() const noexcept;
    bool as_bool() const noexcept { return d_ && type() == Type::boolean && p_ != 0; }

    // Compact JSON text, as nlohmann's dump(): object keys in sorted order.
    std::string dump() const;
    void dump_to(std::string& out) const;

private:
    const Document* d_ = nullptr;
    std::uint64_t p_ = 0;  // number bits; string: offset | length << 32; container: first | count << 32
    std::uint8_t t_ = 0;

    std::uint32_t lo() const noexcept { return static_cast<std::uint32_t>(p_); }
    std::uint32_t hi() const noexcept { return static_cast<std::uint32_t>(p_ >> 32); }
};

class Document {
public:
    Value root() const noexcept { return has_root ? Value(this, root_type, root_payload) : Value(); }

    std::string_view key(std::uint32_t id) const noexcept {
        const auto& k = key_refs[id];
        return std::string_view(key_text.data() + k.first, k.second);
    }

    std::string_view input;  // the parsed text: string values that read the same there are views of it
    std::string text;        // the other string values

    bool has_root = false;
    std::uint8_t root_type = 0;
    std::uint64_t root_payload = 0;

    std::vector<std::uint8_t> elem_types;
    std::vector<std::uint64_t> elem_payloads;
    std::vector<std::uint32_t> member_keys;
    std::vector<std::uint8_t> member_types;
    std::vector<std::uint64_t> member_payloads;

    std::string key_text;  // each distinct key once
    std::vector<std::pair<std::uint32_t, std::uint32_t>> key_refs;  // key id → offset, length in key_text
    std::vector<std::uint32_t> key_index = std::vector<std::uint32_t>(64, 0);  // open addressing: key id + 1

    static constexpr std::uint32_t no_key = 0xFFFFFFFFu;
    static std::uint64_t key_hash(std::string_view s) noexcept {
        std::uint64_t h = 1469598103934665603ull;
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        return h ^ (h >> 29);
    }
    // Id of a key that occurs in the document, or no_key.
    std::uint32_t key_id(std::string_view k) const noexcept {
        const std::size_t mask = key_index.size() - 1;
        for (std::size_t at = static_cast<std::size_t>(key_hash(k)) & mask;; at = (at + 1) & mask) {
            const std::uint32_t slot = key_index[at];
            if (!slot) return no_key;
            if (equal_text(key(slot - 1), k)) return slot - 1;
        }
    }
    // Id of k, added when new.
    std::uint32_t intern(std::string_view k);
};

// Sizes to reserve, from a count of structural characters made before parsing (see prescan).
struct SizeHint {
    std::size_t values = 0;   // upper bound on values
    std::size_t members = 0;  // upper bound on object members
};

struct ParseResult {
    bool ok = false;
    std::string error;             // when !ok: "not valid JSON: …"
    std::size_t error_offset = 0;  // byte offset in the parsed text
    // Problems that do not stop parsing (duplicate keys, oversize strings): path, message.
    std::vector<std::pair<std::string, std::string>> problems;
};

// Parses text (strict JSON: one value, nothing after it but white space) into doc, which
// then refers to text. text must be shorter than 4 GiB.
ParseResult parse(std::string_view text, std::size_t max_string_bytes, Document& doc, const SizeHint& hint = {});

// ---------------------------------------------------------------------------------------
// The accessors are inline: the reader calls them for every field of every record.
inline std::size_t Value::size() const noexcept {
    if (!d_) return 0;
    switch (type()) {
        case Type::null: return 0;
        case Type::array:
        case Type::object: return hi();
        default: return 1;
    }
}

inline Value Value::operator[](std::size_t i) const noexcept {
    const std::size_t k = lo() + i;
    return Value(d_, d_->elem_types[k], d_->elem_payloads[k]);
}

inline std::size_t Value::find_position(std::uint32_t key_id) const noexcept {
    if (!d_ || type() != Type::object || key_id == Document::no_key) return npos;
    const std::uint32_t* keys = d_->member_keys.data() + lo();
    const std::uint32_t n = hi();
    for (std::uint32_t k = 0; k < n; ++k)
        if (keys[k] == key_id) return k;
    return npos;
}

inline std::size_t Value::find_position(std::uint32_t key_id, std::uint32_t& hint) const noexcept {
    if (d_ && type() == Type::object && hint < hi() && d_->member_keys[lo() + hint] == key_id) return hint;
    const std::size_t k = find_position(key_id);
    if (k != npos) hint = static_cast<std::uint32_t>(k);
    return k;
}

inline std::size_t Value::find_position(std::string_view key) const noexcept {
    if (!d_ || type() != Type::object) return npos;
    return find_position(d_->key_id(key));
}

inline Value Value::find(std::uint32_t key_id) const noexcept {
    std::size_t k = find_position(key_id);
    return k == npos ? Value() : value_at(k);
}

inline Value Value::find(std::string_view key) const noexcept {
    std::size_t k = find_position(key);
    return k == npos ? Value() : value_at(k);
}

inline std::string_view Value::key_at(std::size_t i) const noexcept { return d_->key(d_->member_keys[lo() + i]); }

inline Value Value::value_at(std::size_t i) const noexcept {
    const std::size_t k = lo() + i;
    return Value(d_, d_->member_types[k], d_->member_payloads[k]);
}

inline std::string_view Value::str() const noexcept {
    if (!d_ || type() != Type::string) return {};
    const char* base = (t_ & in_text_flag) ? d_->text.data() : d_->input.data();
    return std::string_view(base + lo(), hi());
}

inline double Value::as_double() const noexcept {
    if (!d_) return 0;
    switch (type()) {
        case Type::integer: return static_cast<double>(static_cast<std::int64_t>(p_));
        case Type::unsigned_integer: return static_cast<double>(p_);
        case Type::floating: {
            double d;
            std::memcpy(&d, &p_, sizeof d);
            return d;
        }
        case Type::boolean: return p_ ? 1 : 0;
        default: return 0;
    }
}

inline std::int64_t Value::as_int64() const noexcept {
    if (!d_) return 0;
    switch (type()) {
        case Type::integer:
        case Type::unsigned_integer: return static_cast<std::int64_t>(p_);
        case Type::floating: return static_cast<std::int64_t>(as_double());
        case Type::boolean: return p_ ? 1 : 0;
        default: return 0;
    }
}

inline std::uint64_t Value::as_uint64() const noexcept {
    if (!d_) return 0;
    switch (type()) {
        case Type::integer:
        case Type::unsigned_integer: return p_;
        case Type::floating: return static_cast<std::uint64_t>(as_double());
        case Type::boolean: return p_ ? 1 : 0;
        default: return 0;
    }
}

}  // namespace atlas::jdoc
