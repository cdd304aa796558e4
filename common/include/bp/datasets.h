/// \file
/// \brief Small datasets generated in code, seeded, identical on every platform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "bp/idx.h"

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

/// The ten pattern names of synthetic_images, by class.
inline constexpr const char* kSyntheticClassNames[10] = {
    "bar -",  "bar |", "diagonal \\", "diagonal /", "ring",
    "square", "cross", "checks",      "left half",  "top half"};

/// A stand-in for Fashion-MNIST when no MNIST-format files are installed: 28 × 28 grey images
/// of ten simple patterns (see kSyntheticClassNames), each shifted by up to 3 pixels, scaled in
/// brightness and covered in noise. It exercises the same code; it is much easier to learn.
/// \param count  N, the number of images; labels cycle 0, 1, …, 9
/// \param seed   the seed of the std::mt19937_64 that draws shifts, brightness and noise
/// \return       N images, pixels in [0, 1], column n is image n
ImageSet synthetic_images(std::size_t count, std::uint64_t seed);

}  // namespace bp::data
