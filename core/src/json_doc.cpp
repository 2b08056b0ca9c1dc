#include "json_doc.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#define ATLAS_HUGE_PAGE_HINTS 1
#endif

namespace atlas::jdoc {

void advise_huge_pages(const void* p, std::size_t bytes) noexcept {
#ifdef ATLAS_HUGE_PAGE_HINTS
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    if (!p || bytes < 2 * huge) return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(p) + huge - 1) & ~(huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(huge - 1);
    if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

// ===========================================================================
// Text helpers
// ===========================================================================
namespace {
bool plain_name(std::string_view key) {
    if (key.empty() || (key[0] >= '0' && key[0] <= '9')) return false;
    for (char c : key)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}
}  // namespace

void append_path_step(std::string& out, std::string_view key) {
    if (plain_name(key)) {
        out += '.';
        out += key;
        return;
    }
    out += "['";
    for (char c : key) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    out += "']";
}

std::string path_step(std::string_view key) {
    std::string out;
    append_path_step(out, key);
    return out;
}

namespace {
// Length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7), or 0 when it is not
// well formed; `prefix` is then the length of its longest well-formed start (the "maximal
// subpart", at least 1 byte is consumed by the caller).
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& prefix) {
    const auto b = [&](std::size_t k) -> unsigned { return static_cast<unsigned char>(s[k]); };
    const unsigned c = b(i);
    unsigned need = 0, lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) need = 2, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
    else if (c == 0xED) need = 2, hi = 0x9F;
    else if (c == 0xF0) need = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) need = 3, hi = 0x8F;
    else {
        prefix = 1;
        return 0;
    }
    std::size_t k = 0;
    for (; k < need; ++k) {
        if (i + 1 + k >= s.size()) break;
        const unsigned x = b(i + 1 + k);
        if (x < (k == 0 ? lo : 0x80) || x > (k == 0 ? hi : 0xBF)) break;
    }
    if (k == need) return need + 1;
    prefix = k + 1;
    return 0;
}
}  // namespace

namespace {
// Bytes a JSON string cannot hold as they are (control characters, quote, backslash) or that
// start a UTF-8 sequence to check.
constexpr std::array<bool, 256> special_bytes = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    return t;
}();
}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n && !special_bytes[p[i]]) ++i;
    if (i == n) {  // the usual case: nothing to escape or check
        out += '"';
        out.append(s.data(), n);
        out += '"';
        return;
    }
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    while (i < n) {
        const unsigned char c = p[i];
        if (!special_bytes[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            std::size_t prefix = 0;
            if (std::size_t len = utf8_sequence(s, i, prefix)) {
                i += len;
                continue;
            }
            out.append(s.data() + run, i - run);
            out += "\xEF\xBF\xBD";
            i += prefix;
            run = i;
            continue;
        }
        out.append(s.data() + run, i - run);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                const char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(e, 6);
            }
        }
        run = ++i;
    }
    out.append(s.data() + run, n - run);
    out += '"';
}

void append_json_double(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, static_cast<std::size_t>(end - buf));
}

// ===========================================================================
// Compact dump (for messages)
// ===========================================================================
void Value::dump_to(std::string& out) const {
    if (!d_) {
        out += "null";
        return;
    }
    switch (type()) {
        case Type::null: out += "null"; return;
        case Type::boolean: out += p_ ? "true" : "false"; return;
        case Type::integer: out += std::to_string(static_cast<std::int64_t>(p_)); return;
        case Type::unsigned_integer: out += std::to_string(p_); return;
        case Type::floating: append_json_double(out, as_double()); return;
        case Type::string: append_json_string(out, str()); return;
        case Type::array: {
            out += '[';
            for (std::size_t k = 0; k < size(); ++k) {
                if (k) out += ',';
                (*this)[k].dump_to(out);
            }
            out += ']';
            return;
        }
        case Type::object: {
            // nlohmann's json keeps members in a std::map: its dump lists them by key.
            std::vector<std::size_t> order(size());
            for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key_at(a) < key_at(b); });
            out += '{';
            for (std::size_t k = 0; k < order.size(); ++k) {
                if (k) out += ',';
                append_json_string(out, key_at(order[k]));
                out += ':';
                value_at(order[k]).dump_to(out);
            }
            out += '}';
            return;
        }
    }
}

std::string Value::dump() const {
    std::string out;
    dump_to(out);
    return out;
}

// ===========================================================================
// SAX → Document
// ===========================================================================
#if defined(__GNUC__) || defined(__clang__)
#define ATLAS_COLD [[gnu::noinline]]  // rare paths: out of line, leaving the inlining budget to the parser
#else
#define ATLAS_COLD
#endif

ATLAS_COLD std::uint32_t Document::intern(std::string_view k) {
    std::size_t mask = key_index.size() - 1;
    std::size_t at = static_cast<std::size_t>(key_hash(k)) & mask;
    while (std::uint32_t slot = key_index[at]) {
        if (equal_text(key(slot - 1), k)) return slot - 1;
        at = (at + 1) & mask;
    }
    const auto id = static_cast<std::uint32_t>(key_refs.size());
    key_refs.emplace_back(static_cast<std::uint32_t>(key_text.size()), static_cast<std::uint32_t>(k.size()));
    key_text.append(k);
    key_index[at] = id + 1;
    if (key_refs.size() * 2 > key_index.size()) {
        std::vector<std::uint32_t> bigger(key_index.size() * 2, 0);
        mask = bigger.size() - 1;
        for (std::uint32_t slot : key_index) {
            if (!slot) continue;
            std::size_t p = static_cast<std::size_t>(key_hash(key(slot - 1))) & mask;
            while (bigger[p]) p = (p + 1) & mask;
            bigger[p] = slot;
        }
        key_index.swap(bigger);
    }
    return id;
}

namespace {

using json = nlohmann::json;

// A char iterator that publishes how far nlohmann's lexer has read, so that a string value
// can be found in the input (the lexer reads a string token up to its closing quote and the
// parser hands it over before reading on).
struct CountingIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char** read_to = nullptr;

    reference operator*() const noexcept { return *p; }
    CountingIterator& operator++() noexcept {
        *read_to = ++p;
        return *this;
    }
    CountingIterator operator++(int) noexcept {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) noexcept { return a.p == b.p; }
};

class Builder {
public:
    Builder(Document& doc, std::size_t max_string_bytes, ParseResult& result, const char* const* read_to)
        : doc_(doc), max_string_bytes_(max_string_bytes), result_(result), read_to_(read_to) {}

    bool null() {
        if (!skip_) place(Type::null, 0);
        return true;
    }
    bool boolean(bool v) {
        if (!skip_) place(Type::boolean, v ? 1 : 0);
        return true;
    }
    bool number_integer(json::number_integer_t v) {
        if (!skip_) place(Type::integer, static_cast<std::uint64_t>(v));
        return true;
    }
    bool number_unsigned(json::number_unsigned_t v) {
        if (!skip_) place(Type::unsigned_integer, v);
        return true;
    }
    bool number_float(json::number_float_t v, const json::string_t&) {
        if (skip_) return true;
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        place(Type::floating, bits);
        return true;
    }
    bool binary(json::binary_t&) { return null(); }
    bool string(json::string_t& s) {
        if (skip_) return true;
        Slot* slot = place(Type::string, 0);
        if (!slot) return true;
        if (s.size() > max_string_bytes_) {
            report_oversize(s.size());
            return true;  // stored as ""
        }
        const std::size_t len = s.size();
        // The token ends at the closing quote, just read: a string without escapes is the
        // `len` bytes before it.
        const std::size_t end = static_cast<std::size_t>(*read_to_ - doc_.input.data());
        if (end >= len + 1 && equal_bytes(doc_.input.data() + end - 1 - len, s.data(), len)) {
            slot->payload = (end - 1 - len) | (static_cast<std::uint64_t>(len) << 32);
        } else {
            slot->type |= in_text_flag;
            slot->payload = doc_.text.size() | (static_cast<std::uint64_t>(len) << 32);
            doc_.text.append(s);
        }
        return true;
    }
    bool start_object(std::size_t) { return start(true); }
    bool start_array(std::size_t) { return start(false); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }

    bool key(json::string_t& k) {
        if (skip_) return true;
        Frame& f = frames_[depth_ - 1];
        // Sibling objects (the records of one array) mostly repeat their keys in one order:
        // try the key the previous object had at this position before looking it up.
        const std::size_t at = f.keys_now.size();
        std::uint32_t id;
        if (at < f.keys_before.size() && equal_text(doc_.key(f.keys_before[at]), k)) id = f.keys_before[at];
        else id = doc_.intern(k);
        f.keys_now.push_back(id);
        f.key = id;
        bool dup = false;
        if (f.keyset_active) {
            dup = !insert_key(f, id);
        } else {
            for (const Slot& m : f.slots)
                if (m.key == id) {
                    dup = true;
                    break;
                }
        }
        if (dup) {
            f.discard_next = true;
            report_duplicate(k);
        }
        return true;
    }

    ATLAS_COLD bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        std::string msg = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing …"
        if (auto p = msg.find(": "); p != std::string::npos && msg.rfind("[json.exception", 0) == 0) {
            if (auto q = msg.find(": ", p + 2); q != std::string::npos && msg.find("parse error at line") != std::string::npos)
                msg = msg.substr(q + 2);
            else
                msg = msg.substr(p + 2);
        }
        (void)last_token;  // nlohmann's message already quotes what it last read
        result_.error = "not valid JSON: " + msg;
        result_.error_offset = position == 0 ? 0 : position - 1;
        failed_ = true;
        return false;
    }

    bool failed() const { return failed_; }

private:
    struct Slot {
        std::uint32_t key;  // objects only
        std::uint8_t type;
        std::uint64_t payload;
    };
    struct Frame {
        bool object = false;
        bool discard_next = false;  // the value after a duplicate key is dropped
        bool keyset_active = false;
        std::uint32_t key = 0;      // object: key of the member being read
        std::uint32_t count = 0;    // array: elements begun so far
        std::vector<Slot> slots;    // the children read so far
        std::vector<std::uint32_t> keyset;  // open addressing (id + 1), for objects with many members
        std::vector<std::uint32_t> keys_now, keys_before;  // key ids in order: this object's, the previous one's
    };

    Document& doc_;
    std::size_t max_string_bytes_;
    ParseResult& result_;
    const char* const* read_to_;
    std::vector<Frame> frames_;  // frames_[0, depth_) are open; deeper ones keep their storage
    std::size_t depth_ = 0;
    std::size_t skip_ = 0;  // > 0: inside a dropped value (nesting depth within it)
    bool failed_ = false;

    // Keys of a large object also go in a set of their own, so that duplicates are found in
    // constant time (ids are dense: a multiplicative hash of the id).
    static constexpr std::size_t keyset_from = 16;
    static bool insert_key(Frame& f, std::uint32_t id) {  // false when already present
        const std::size_t mask = f.keyset.size() - 1;
        std::size_t at = (id * 2654435761u) & mask;
        while (std::uint32_t slot = f.keyset[at]) {
            if (slot == id + 1) return false;
            at = (at + 1) & mask;
        }
        f.keyset[at] = id + 1;
        return true;
    }
    ATLAS_COLD static void grow_keyset(Frame& f) {
        std::size_t size = 64;
        while (size < f.slots.size() * 4) size *= 2;
        f.keyset.assign(size, 0);
        for (const Slot& m : f.slots) insert_key(f, m.key);
        f.keyset_active = true;
    }

    // A new value in the open container (or the root); nullptr when it is dropped.
    Slot* place(Type type, std::uint64_t payload) {
        if (depth_ == 0) {
            root_ = Slot{0, static_cast<std::uint8_t>(type), payload};
            return &root_;
        }
        Frame& f = frames_[depth_ - 1];
        if (f.object) {
            if (f.discard_next) {
                f.discard_next = false;
                return nullptr;
            }
            f.slots.push_back(Slot{f.key, static_cast<std::uint8_t>(type), payload});
            if (f.slots.size() >= keyset_from && (!f.keyset_active || f.slots.size() * 2 > f.keyset.size()))
                grow_keyset(f);
            else if (f.keyset_active)
                insert_key(f, f.key);
        } else {
            ++f.count;
            f.slots.push_back(Slot{0, static_cast<std::uint8_t>(type), payload});
        }
        return &f.slots.back();
    }

    bool start(bool object) {
        if (skip_) {
            ++skip_;
            return true;
        }
        if (!place(object ? Type::object : Type::array, 0)) {
            skip_ = 1;
            return true;
        }
        if (frames_.size() == depth_) frames_.emplace_back();
        Frame& f = frames_[depth_++];
        f.object = object;
        f.discard_next = false;
        f.keyset_active = false;
        f.key = 0;
        f.count = 0;
        f.slots.clear();
        f.keys_now.clear();
        return true;
    }

    bool end() {
        if (skip_) {
            --skip_;
            return true;
        }
        Frame& f = frames_[--depth_];
        if (f.object) f.keys_before.swap(f.keys_now);
        std::uint64_t first = 0;
        const std::uint64_t count = f.slots.size();
        if (f.object) {
            first = doc_.member_keys.size();
            doc_.member_keys.resize(first + count);
            doc_.member_types.resize(first + count);
            doc_.member_payloads.resize(first + count);
            std::uint32_t* keys = doc_.member_keys.data() + first;
            std::uint8_t* types = doc_.member_types.data() + first;
            std::uint64_t* payloads = doc_.member_payloads.data() + first;
            for (const Slot& s : f.slots) {
                *keys++ = s.key;
                *types++ = s.type;
                *payloads++ = s.payload;
            }
        } else {
            first = doc_.elem_types.size();
            doc_.elem_types.resize(first + count);
            doc_.elem_payloads.resize(first + count);
            std::uint8_t* types = doc_.elem_types.data() + first;
            std::uint64_t* payloads = doc_.elem_payloads.data() + first;
            for (const Slot& s : f.slots) {
                *types++ = s.type;
                *payloads++ = s.payload;
            }
        }
        // The container's own slot is the last one of its parent (or the root).
        Slot& self = depth_ == 0 ? root_ : frames_[depth_ - 1].slots.back();
        self.payload = first | (count << 32);
        // A very large scratch vector (one big array) is not kept for the next container.
        if (f.slots.capacity() > (1u << 16)) std::vector<Slot>().swap(f.slots);
        if (f.keyset.capacity() > (1u << 16)) std::vector<std::uint32_t>().swap(f.keyset);
        if (f.keys_before.capacity() > (1u << 16)) std::vector<std::uint32_t>().swap(f.keys_before);
        if (f.keys_now.capacity() > (1u << 16)) std::vector<std::uint32_t>().swap(f.keys_now);
        return true;
    }

    // Problems are rare: kept out of line, so the compiler spends its inlining on the parser.
    ATLAS_COLD void report_oversize(std::size_t size) {
        result_.problems.emplace_back(path(), "text of " + std::to_string(size) + " bytes is over the limit of " +
                                                  std::to_string(max_string_bytes_) + " bytes");
    }
    ATLAS_COLD void report_duplicate(std::string_view k) {
        result_.problems.emplace_back(path(), "duplicate key \"" + std::string(k) + "\" (the first value is kept)");
    }

    // JSON path of the value or key being read.
    std::string path() const {
        std::string p = "$";
        for (std::size_t i = 0; i < depth_; ++i) {
            const Frame& f = frames_[i];
            if (f.object) {
                append_path_step(p, doc_.key(f.key));
            } else if (f.count > 0) {
                p += '[';
                p += std::to_string(f.count - 1);  // count includes the element being read
                p += ']';
            }
        }
        return p;
    }

public:
    Slot root_{};
};

}  // namespace

ParseResult parse(std::string_view text, std::size_t max_string_bytes, Document& doc, const SizeHint& hint) {
    ParseResult result;
    doc = Document();
    doc.input = text;
    if (hint.members) {
        reserve_large(doc.member_keys, hint.members);
        reserve_large(doc.member_types, hint.members);
        reserve_large(doc.member_payloads, hint.members);
    }
    if (hint.values > hint.members + 1) {
        reserve_large(doc.elem_types, hint.values - hint.members - 1);
        reserve_large(doc.elem_payloads, hint.values - hint.members - 1);
    }

    const char* read_to = text.data();
    Builder builder(doc, max_string_bytes, result, &read_to);
    CountingIterator first{text.data(), &read_to};
    CountingIterator last{text.data() + text.size(), &read_to};
    const bool parsed = json::sax_parse(first, last, &builder, json::input_format_t::json, true);
    if (!parsed || builder.failed()) {
        if (result.error.empty()) result.error = "not valid JSON";
        result.ok = false;
        return result;
    }
    doc.has_root = true;
    doc.root_type = builder.root_.type;
    doc.root_payload = builder.root_.payload;
    result.ok = true;
    return result;
}

}  // namespace atlas::jdoc
