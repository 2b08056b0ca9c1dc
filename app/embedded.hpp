// Files compiled into the program: the bundles (ATLAS_EMBEDDED_BUNDLES, the first is the
// default) and the UI font.
#pragma once
#include <cstddef>
#include <string_view>

namespace atlas::embedded {

struct Bundle {
    std::string_view file_name;  // "national.json", "seed.json"
    std::string_view bytes;
};
std::size_t bundle_count();
Bundle bundle(std::size_t i);  // i < bundle_count(); bundle(0) is the default

const unsigned char* font_data();
std::size_t font_size();

}  // namespace atlas::embedded
