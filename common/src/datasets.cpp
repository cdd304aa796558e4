#include "bp/datasets.h"

#include <cmath>
#include <numbers>

#include "bp/random.h"

namespace bp::data {

Points2D two_moons(std::size_t n, double noise, std::uint64_t seed) {
  Rng rng(seed);
  Points2D set;
  set.x1.reserve(n);
  set.x2.reserve(n);
  set.y.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = std::numbers::pi * uniform(rng);  // position along the half circle
    const bool upper = i % 2 == 0;
    const double x1 = upper ? std::cos(t) : 1.0 - std::cos(t);
    const double x2 = upper ? std::sin(t) : 0.5 - std::sin(t);
    set.x1.push_back(x1 + noise * normal(rng));
    set.x2.push_back(x2 + noise * normal(rng));
    set.y.push_back(upper ? -1.0 : 1.0);
  }
  return set;
}

}  // namespace bp::data
