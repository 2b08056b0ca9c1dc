// A bundle's title without loading it: lets the app list the bundles it embeds (by meta.title)
// while only the chosen one is parsed and indexed.
#pragma once
#include <string>
#include <string_view>

namespace atlas {

// meta.title of the bundle in `bytes`, read by a streaming parse that stops as soon as it is
// found (meta comes first in bundles write_bundle makes). "" when the bytes are not JSON, have
// no top-level meta object or no title string in it.
std::string peek_bundle_title(std::string_view bytes);

}  // namespace atlas
