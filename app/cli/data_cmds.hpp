// The data staff's commands: import, export --csv, merge.
#pragma once
#include <string>
#include <vector>

namespace atlas::cli {
int cmd_import(const std::vector<std::string>& args);
int cmd_export(const std::vector<std::string>& args);
int cmd_merge(const std::vector<std::string>& args);
extern const char* data_usage_text;
}  // namespace atlas::cli
