// Files compiled into the program: the seed bundle and the UI font.
#pragma once
#include <cstddef>
#include <string_view>

namespace atlas::embedded {

std::string_view seed_bundle();
const unsigned char* font_data();
std::size_t font_size();

}  // namespace atlas::embedded
