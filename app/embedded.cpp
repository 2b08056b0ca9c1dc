#include "embedded.hpp"

// Generated at build time (scripts/embed_files.mjs) from assets/bundles/seed.json and the font.
extern "C" const unsigned char atlas_seed_json[];
extern "C" const std::size_t atlas_seed_json_size;
extern "C" const unsigned char atlas_font_ttf[];
extern "C" const std::size_t atlas_font_ttf_size;

namespace atlas::embedded {

std::string_view seed_bundle() {
    return {reinterpret_cast<const char*>(atlas_seed_json), atlas_seed_json_size};
}
const unsigned char* font_data() { return atlas_font_ttf; }
std::size_t font_size() { return atlas_font_ttf_size; }

}  // namespace atlas::embedded
