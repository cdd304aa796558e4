/// \file
/// \brief Seeded random numbers that are identical on every standard library.
///
/// std::uniform_real_distribution and std::normal_distribution are allowed to differ between
/// standard libraries, so the course scales the raw output of std::mt19937_64 itself: the same
/// seed gives the same numbers with libstdc++, libc++ and MSVC.
#pragma once

#include <cstdint>
#include <random>

#include "bp/eigen.h"

namespace bp {

/// The course's random engine: std::mt19937_64, fully specified by the standard.
using Rng = std::mt19937_64;

/// A uniform double in [lo, hi), from the top 53 bits of one draw.
double uniform(Rng& rng, double lo = 0.0, double hi = 1.0);

/// A standard normal double (Box–Muller on two uniform draws).
double normal(Rng& rng);

/// A (rows, cols) matrix of uniform entries in [lo, hi).
Eigen::MatrixXd random_uniform(Eigen::Index rows, Eigen::Index cols, Rng& rng, double lo = -1.0,
                               double hi = 1.0);

/// A (rows, cols) matrix of uniform entries in [lo, hi), from a fresh engine seeded with `seed`.
Eigen::MatrixXd random_uniform(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed,
                               double lo = -1.0, double hi = 1.0);

/// A (rows, cols) matrix of standard normal entries.
Eigen::MatrixXd random_normal(Eigen::Index rows, Eigen::Index cols, Rng& rng);

}  // namespace bp
