// Shared by the fuzz targets: an invariant that fails aborts with a message naming it, so
// libFuzzer (or the replay driver) keeps the input as a crash and the log says what broke.
#pragma once
#include <cstdio>
#include <cstdlib>

#define ATLAS_FUZZ_CHECK(cond, what)                                                        \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d: %s)\n", (what), __FILE__, \
                         __LINE__, #cond);                                                  \
            std::abort();                                                                   \
        }                                                                                   \
    } while (0)
