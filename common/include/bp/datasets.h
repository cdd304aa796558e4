/// \file
/// \brief Small datasets generated in code, seeded, identical on every platform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bp::data {

/// A 2-D binary classification set: points and labels ±1.
struct Points2D {
  std::vector<double> x1;  ///< (N) first coordinate
  std::vector<double> x2;  ///< (N) second coordinate
  std::vector<double> y;   ///< (N) label, −1 or +1
  /// \return N, the number of points
  std::size_t size() const { return y.size(); }
};

/// Two interleaving half circles ("two moons", as scikit-learn's make_moons): the upper moon is
/// centred at (0, 0) with label −1, the lower one at (1, 0.5) with label +1, each point jittered
/// by Gaussian noise of standard deviation `noise`. Points alternate between the moons.
/// \param n      N, the number of points (⌈N/2⌉ in the upper moon)
/// \param noise  the standard deviation of the jitter
/// \param seed   the seed of the std::mt19937_64 that draws positions and noise
/// \return       N points with labels
Points2D two_moons(std::size_t n, double noise, std::uint64_t seed);

}  // namespace bp::data
