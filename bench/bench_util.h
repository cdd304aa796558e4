// What the benchmark programs share: the median of some timings, and the batch sizes asked for on
// the command line.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace bp::bench {

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The batch sizes on the command line, or 32, 128 and 256; anything else ends the program with a
// message naming it.
inline std::vector<long> batch_sizes(int argc, char** argv) {
  std::vector<long> sizes;
  for (int i = 1; i < argc; ++i) {
    char* end = nullptr;
    const long batch = std::strtol(argv[i], &end, 10);
    if (end == argv[i] || *end != '\0' || batch < 1) {
      std::fprintf(stderr, "%s: '%s' is not a batch size (a positive integer)\n", argv[0], argv[i]);
      std::exit(2);
    }
    sizes.push_back(batch);
  }
  if (sizes.empty()) sizes = {32, 128, 256};
  return sizes;
}

}  // namespace bp::bench
