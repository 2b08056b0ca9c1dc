// The CSV files of a bundle and their columns, shared by the importer and the exporter.
#pragma once
#include <string_view>
#include <vector>

namespace atlas::csvcols {

struct FileSpec {
    std::string_view file;
    // Written by the exporter, in this order; every one is also read.
    std::vector<std::string_view> columns;
    // Read only: the spellings people use in hand-made files (names instead of ids).
    std::vector<std::string_view> extra;
    // At least one of each group must be present in the header.
    std::vector<std::vector<std::string_view>> required;
};

const std::vector<FileSpec>& files();
const FileSpec* find(std::string_view file);
bool known_column(const FileSpec& f, std::string_view column);

}  // namespace atlas::csvcols
