// Runs the atlas CLI as a user would (for test files that check commands end to end).
#pragma once
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace atlas::test {

struct CliRun {
    int code = -1;
    std::string out;
};

// stdout only, or stdout and stderr together.
inline CliRun run_atlas(const std::string& args, bool with_stderr = false) {
    const std::string cmd = std::string(ATLAS_CLI_PATH) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
    CliRun r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// ctest runs test cases in parallel processes: each writes its own files (pid in the name).
inline std::string temp_path(const std::string& name) {
    return "/tmp/atlas_test_" + std::to_string(getpid()) + "_" + name;
}

}  // namespace atlas::test
