// Task ch07.2: Xavier and He initialisation. The sample statistics of a large seeded draw must
// match the variances the chapter derives, and a deep ReLU network initialised with He must keep
// its signal where PyTorch's default lets it fade (the curve of chapter 4's figure).
#include "init.h"

#include <gtest/gtest.h>

#include <cmath>

#include "activations.h"
#include "bp/testing/assertions.h"
#include "linear.h"
#include "network.h"
#include "seeded_runs.h"

namespace {

using bp::nn::Matrix;
using bp::testing::HasShape;
using bp::testing::IsNear;

double sample_std(const Matrix<double>& W) {
  const double mean = W.mean();
  return std::sqrt((W.array() - mean).square().mean());
}

// fan_out ≠ fan_in on purpose: a formula with the wrong fan gives a visibly wrong spread.
constexpr Eigen::Index kFanOut = 50, kFanIn = 800;

// The bounds, for 40,000 draws (a = 0.0840, std a/√3 = 0.0485): all 40,000 stay below 0.99a with
// probability 0.99⁴⁰⁰⁰⁰ ≈ e⁻⁴⁰², so a correct draw reaches it; the sample std has standard error
// 0.2% of itself and the tolerance 0.01a is 1.7%, while √(6/fan_in) is 3% off: it fails with
// certainty. The mean's tolerance is 3.5 standard errors (a correct draw fails with probability
// 5e-4 for a random seed; this seed is fixed).
TEST(XavierInit, IsUniformWithVarianceTwoOverFanInPlusFanOut) {
  bp::Rng rng(11);
  const Matrix<double> W = bp::nn::xavier_uniform<double>(kFanOut, kFanIn, rng);
  ASSERT_TRUE(HasShape("W", W, kFanOut, kFanIn)) << "W is (fan_out, fan_in), like Linear's W.";
  const double a = std::sqrt(6.0 / (kFanIn + kFanOut));
  EXPECT_LE(W.cwiseAbs().maxCoeff(), a) << "Every entry lies in [−a, a) with a = √(6/(in+out)).";
  EXPECT_GE(W.cwiseAbs().maxCoeff(), 0.99 * a) << "40,000 uniform draws reach the bound.";
  EXPECT_TRUE(IsNear("sample std", sample_std(W), std::sqrt(2.0 / (kFanIn + kFanOut)), 0.01 * a))
      << "Var U[−a, a) = a²/3 = 2/(fan_in + fan_out).";
  EXPECT_TRUE(IsNear("sample mean", W.mean(), 0.0, 0.01 * a));
}

// The sample std of 40,000 normal draws has standard error σ/√(2n) = 0.35% of σ; the tolerance 2%
// is 5.7 of them, and 2/fan_out is 4 times too large a std: it fails with certainty. Entries
// beyond 3σ: a normal draw has none of 40,000 with probability 0.9973⁴⁰⁰⁰⁰ ≈ e⁻¹⁰⁸; a uniform
// draw of the same std (bounded by √3σ) has none, always.
TEST(HeInit, IsNormalWithVarianceTwoOverFanIn) {
  bp::Rng rng(12);
  const Matrix<double> W = bp::nn::he_normal<double>(kFanOut, kFanIn, rng);
  ASSERT_TRUE(HasShape("W", W, kFanOut, kFanIn)) << "W is (fan_out, fan_in), like Linear's W.";
  const double expected = std::sqrt(2.0 / kFanIn);
  EXPECT_TRUE(IsNear("sample std", sample_std(W), expected, 0.02 * expected))
      << "He's variance is 2/fan_in, and fan_in is the number of columns of W (the inputs each "
         "output sums over). With 2/fan_out the std would be "
      << std::sqrt(2.0 / kFanOut);
  // A normal distribution has entries beyond 3 std; a uniform one of the same std has none.
  EXPECT_GT((W.array().abs() > 3 * expected).count(), 0) << "He draws from a normal distribution.";
}

TEST(HeInit, RejectsEmptyFans) {
  bp::Rng rng(1);
  ASSERT_TRUE(HasShape("a small W", bp::nn::he_normal<double>(2, 3, rng), 2, 3));
  EXPECT_THROW(bp::nn::he_normal<double>(0, 3, rng), bp::ValueError);
  EXPECT_THROW(bp::nn::xavier_uniform<double>(3, 0, rng), bp::ValueError);
}

using bp::testing::runs::signal_after_ten_relu_layers;  // seeded_runs.h: seed 13, width 256

TEST(HeInit, KeepsTheSignalOfADeepReluNetwork) {
  const double he = signal_after_ten_relu_layers(bp::nn::Init::He);
  const double pytorch = signal_after_ten_relu_layers(bp::nn::Init::PyTorch);
  // Each ReLU layer multiplies the mean square by fan_in·Var(w)/2: 1 for He, 1/6 for
  // U[−1/√n, 1/√n) (Var = 1/(3n)). The biases of that default, also of variance 1/(3n), stop
  // the fall near 1e−3: what is left is mostly bias, not the input's signal.
  EXPECT_GT(he, 0.25) << "He keeps the signal's size through ten ReLU layers.";
  EXPECT_LT(he, 4.0) << "He keeps the signal's size through ten ReLU layers.";
  EXPECT_LT(pytorch, 0.01) << "PyTorch's default shrinks it by about 6 per layer.";
}

}  // namespace
