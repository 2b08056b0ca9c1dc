// Fuzz target: the link codec (core/view_state.hpp), fed what a stranger can put in a URL hash.
// Invariants: parsing never crashes; what it keeps encodes to a link that parses back to the
// same state without a notice, and encodes again to the same text; percent-decoding inverts
// percent-encoding.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/view_state.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = atlas::parse_view_state(text);
    for (const auto& n : parsed.notices) {
        ATLAS_FUZZ_CHECK(n.key.size() <= 40, "a notice's key is cut to 40 bytes");
        ATLAS_FUZZ_CHECK(atlas::to_string(n.kind) != nullptr, "every notice has a name");
    }
    const std::string link = atlas::encode_view_state(parsed.state);
    const auto back = atlas::parse_view_state(link);
    if (!back.notices.empty())
        std::fprintf(stderr, "notice on re-parse: %s %s\nlink: %s\n", atlas::to_string(back.notices[0].kind),
                     back.notices[0].key.c_str(), link.c_str());
    ATLAS_FUZZ_CHECK(back.notices.empty(), "an encoded state parses without notices");
    ATLAS_FUZZ_CHECK(back.state == parsed.state, "encode -> parse gives the same state");
    ATLAS_FUZZ_CHECK(atlas::encode_view_state(back.state) == link, "encode is stable");

    const std::string enc = atlas::percent_encode(text);
    const auto dec = atlas::percent_decode(enc);
    ATLAS_FUZZ_CHECK(dec.has_value() && *dec == text, "percent_decode(percent_encode(x)) == x");
    return 0;
}
