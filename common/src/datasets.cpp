#include "bp/datasets.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <random>

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

namespace bp::data {

ImageSet synthetic_images(std::size_t count, std::uint64_t seed) {
  constexpr int kSide = 28;
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> shift(-3, 3);
  std::uniform_real_distribution<double> brightness(0.6, 1.0);
  std::normal_distribution<double> noise(0.0, 0.12);
  // Whether pixel (r, c) of a centred 28 × 28 image belongs to pattern k.
  const auto on = [](int k, int r, int c) {
    const int dr = r - 14, dc = c - 14, d2 = dr * dr + dc * dc;
    switch (k) {
      case 0:
        return std::abs(dr) <= 2 && std::abs(dc) <= 9;  // horizontal bar
      case 1:
        return std::abs(dc) <= 2 && std::abs(dr) <= 9;  // vertical bar
      case 2:
        return std::abs(dr - dc) <= 2 && std::abs(dr) <= 9;  // diagonal "\"
      case 3:
        return std::abs(dr + dc) <= 2 && std::abs(dr) <= 9;  // diagonal "/"
      case 4:
        return d2 >= 36 && d2 <= 81;  // ring
      case 5:
        return std::abs(dr) <= 6 && std::abs(dc) <= 6;  // filled square
      case 6:
        return (std::abs(dr) <= 1 || std::abs(dc) <= 1) && d2 <= 100;  // cross
      case 7:
        return ((r / 4 + c / 4) % 2 == 0) && std::abs(dr) <= 9 && std::abs(dc) <= 9;
      case 8:
        return dc < 0 && std::abs(dr) <= 10 && dc >= -10;  // left half
      default:
        return dr < 0 && std::abs(dc) <= 10 && dr >= -10;  // top half
    }
  };
  ImageSet set;
  set.rows = set.cols = kSide;
  set.pixels.resize(count * kSide * kSide);
  set.labels.resize(count);
  for (std::size_t n = 0; n < count; ++n) {
    const int k = static_cast<int>(n % 10);
    const int sr = shift(rng), sc = shift(rng);
    const double level = brightness(rng);
    for (int r = 0; r < kSide; ++r) {
      for (int c = 0; c < kSide; ++c) {
        const double v = (on(k, r - sr, c - sc) ? level : 0.0) + noise(rng);
        // Row by row within an image, as in IDX files.
        set.pixels[n * kSide * kSide + static_cast<std::size_t>(r * kSide + c)] =
            static_cast<float>(std::clamp(v, 0.0, 1.0));
      }
    }
    set.labels[n] = k;
  }
  return set;
}

}  // namespace bp::data
