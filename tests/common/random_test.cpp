// Seeded random numbers must be the same everywhere, or "seeded tests" mean nothing.
#include "bp/random.h"

#include <gtest/gtest.h>

namespace {

// std::mt19937_64 is fully specified by the standard: its 10000th output is fixed, and so are
// the course's uniform numbers derived from it.
TEST(Random, IsTheSameOnEveryStandardLibrary) {
  bp::Rng rng(5489u);
  rng.discard(9999);
  EXPECT_EQ(rng(), 9981545732273789042ull);
  bp::Rng fresh(42);
  const double u = bp::uniform(fresh);
  EXPECT_EQ(u, static_cast<double>(bp::Rng(42)() >> 11) * 0x1.0p-53);
}

// Uniform numbers stay in [lo, hi); the same seed gives the same matrix.
TEST(Random, UniformMatricesAreSeededAndInRange) {
  const Eigen::MatrixXd a = bp::random_uniform(3, 4, 7u, -2.0, 5.0);
  const Eigen::MatrixXd b = bp::random_uniform(3, 4, 7u, -2.0, 5.0);
  EXPECT_EQ(a, b);
  EXPECT_GE(a.minCoeff(), -2.0);
  EXPECT_LT(a.maxCoeff(), 5.0);
  EXPECT_NE(a, bp::random_uniform(3, 4, 8u, -2.0, 5.0));
}

// Normal draws have mean near 0 and variance near 1 over many samples.
TEST(Random, NormalDrawsAreStandard) {
  bp::Rng rng(1);
  const Eigen::MatrixXd z = bp::random_normal(200, 100, rng);
  const double mean = z.mean();
  const double variance = (z.array() - mean).square().mean();
  EXPECT_NEAR(mean, 0.0, 0.02);
  EXPECT_NEAR(variance, 1.0, 0.03);
}

}  // namespace
