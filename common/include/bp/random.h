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
/// \param rng  the engine, advanced by one draw
/// \param lo   the lower bound (included)
/// \param hi   the upper bound (excluded)
/// \return     a number in [lo, hi)
double uniform(Rng& rng, double lo = 0.0, double hi = 1.0);

/// A standard normal double (Box–Muller on two uniform draws).
/// \param rng  the engine, advanced by two draws
/// \return     a draw from N(0, 1)
double normal(Rng& rng);

/// A (rows, cols) matrix of uniform entries in [lo, hi), filled column by column.
/// \param rows  the number of rows
/// \param cols  the number of columns
/// \param rng   the engine, advanced by rows·cols draws
/// \param lo    the lower bound (included)
/// \param hi    the upper bound (excluded)
/// \return      shape (rows, cols)
Eigen::MatrixXd random_uniform(Eigen::Index rows, Eigen::Index cols, Rng& rng, double lo = -1.0,
                               double hi = 1.0);

/// A (rows, cols) matrix of uniform entries in [lo, hi), from a fresh engine seeded with `seed`.
/// \param rows  the number of rows
/// \param cols  the number of columns
/// \param seed  the seed of a fresh std::mt19937_64
/// \param lo    the lower bound (included)
/// \param hi    the upper bound (excluded)
/// \return      shape (rows, cols)
Eigen::MatrixXd random_uniform(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed,
                               double lo = -1.0, double hi = 1.0);

/// A (rows, cols) matrix of standard normal entries, filled column by column.
/// \param rows  the number of rows
/// \param cols  the number of columns
/// \param rng   the engine, advanced by 2·rows·cols draws
/// \return      shape (rows, cols)
Eigen::MatrixXd random_normal(Eigen::Index rows, Eigen::Index cols, Rng& rng);

}  // namespace bp
