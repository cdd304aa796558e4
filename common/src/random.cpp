#include "bp/random.h"

#include <cmath>
#include <numbers>

namespace bp {

double uniform(Rng& rng, double lo, double hi) {
  // 53 random bits scaled by 2^-53: exactly representable, in [0, 1).
  const double unit = static_cast<double>(rng() >> 11) * 0x1.0p-53;
  return lo + (hi - lo) * unit;
}

double normal(Rng& rng) {
  const double u1 = 1.0 - uniform(rng);  // in (0, 1], so the log is finite
  const double u2 = uniform(rng);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

Eigen::MatrixXd random_uniform(Eigen::Index rows, Eigen::Index cols, Rng& rng, double lo,
                               double hi) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 0; i < rows; ++i) {
      m(i, j) = uniform(rng, lo, hi);
    }
  }
  return m;
}

Eigen::MatrixXd random_uniform(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed, double lo,
                               double hi) {
  Rng rng(seed);
  return random_uniform(rows, cols, rng, lo, hi);
}

Eigen::MatrixXd random_normal(Eigen::Index rows, Eigen::Index cols, Rng& rng) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 0; i < rows; ++i) {
      m(i, j) = normal(rng);
    }
  }
  return m;
}

}  // namespace bp
