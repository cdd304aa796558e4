// Tasks ch01.2 (sigmoid and tanh) and ch01.3 (ReLU and LeakyReLU): activation derivatives.
#include "activation_derivatives.h"

#include <gtest/gtest.h>

#include <cmath>

#include "bp/gradient_check.h"
#include "bp/testing/assertions.h"

namespace {

namespace calc = bp::calculus;
using bp::check_gradient;
using bp::testing::AgreesTo;
using bp::testing::GradientMatches;
using bp::testing::IsNear;

// Points on both sides of zero; none is a kink of ReLU or LeakyReLU.
constexpr double kSmoothPoints[] = {-6.0, -2.5, -0.8, -0.1, 0.3, 1.0, 2.0, 4.5};

// --- ch01.2 -------------------------------------------------------------------------------------

// σ'(0) = ¼ is the largest value σ' ever takes; σ'(2) is a value a learner can check by hand.
TEST(SigmoidAndTanhDerivatives, SigmoidPrimeHasKnownValues) {
  EXPECT_TRUE(AgreesTo("sigmoid_prime(0)", calc::sigmoid_prime(0.0), 0.25, 6));
  const double at_two = calc::sigmoid_prime(2.0);
  EXPECT_TRUE(AgreesTo("sigmoid_prime(2)", at_two, 0.104994, 6))
      << (std::abs(at_two - 2.0 * (1.0 - 2.0)) < 1e-12
              ? "You computed z(1 − z). The formula a(1 − a) needs the sigmoid's *output* "
                "a = sigmoid(z), not its input z."
              : "sigmoid'(z) = sigmoid(z)·(1 − sigmoid(z)).");
}

// σ'(z) against a central difference of σ itself, at points across its whole range.
TEST(SigmoidAndTanhDerivatives, SigmoidPrimeMatchesCentralDifferences) {
  for (double z : kSmoothPoints) {
    double param = z;
    EXPECT_TRUE(GradientMatches(
        check_gradient("z", param, calc::sigmoid_prime(z), [&] { return calc::sigmoid(param); })))
        << "  for sigmoid_prime(z) at z = " << bp::testing::show(z);
  }
}

// σ'(z) ≤ ¼ everywhere: the reason deep sigmoid stacks shrink their gradients (chapter 4).
TEST(SigmoidAndTanhDerivatives, SigmoidPrimeNeverExceedsAQuarter) {
  for (double z = -10.0; z <= 10.0; z += 0.25) {
    const double d = calc::sigmoid_prime(z);
    EXPECT_GE(d, 0.0) << "sigmoid is increasing, so sigmoid'(" << z << ") cannot be negative";
    EXPECT_LE(d, 0.25) << "sigmoid'(" << z << ") = " << d << " exceeds the maximum 1/4";
  }
}

// tanh'(0) = 1 (four times σ'(0)) and tanh'(1) = 1 − tanh²(1).
TEST(SigmoidAndTanhDerivatives, TanhPrimeHasKnownValues) {
  EXPECT_TRUE(AgreesTo("tanh_prime(0)", calc::tanh_prime(0.0), 1.0, 6));
  EXPECT_TRUE(AgreesTo("tanh_prime(1)", calc::tanh_prime(1.0), 0.419974, 6));
}

// tanh'(z) against a central difference of tanh.
TEST(SigmoidAndTanhDerivatives, TanhPrimeMatchesCentralDifferences) {
  for (double z : kSmoothPoints) {
    double param = z;
    EXPECT_TRUE(GradientMatches(
        check_gradient("z", param, calc::tanh_prime(z), [&] { return std::tanh(param); })))
        << "  for tanh_prime(z) at z = " << bp::testing::show(z);
  }
}

// Far out on either side both derivatives are tiny but finite and non-negative, never NaN.
TEST(SigmoidAndTanhDerivatives, StayFiniteForLargeInputs) {
  for (double z : {-800.0, -50.0, 50.0, 800.0}) {
    EXPECT_TRUE(std::isfinite(calc::sigmoid_prime(z))) << "sigmoid_prime(" << z << ")";
    EXPECT_GE(calc::sigmoid_prime(z), 0.0) << "sigmoid_prime(" << z << ")";
    EXPECT_TRUE(std::isfinite(calc::tanh_prime(z))) << "tanh_prime(" << z << ")";
    EXPECT_GE(calc::tanh_prime(z), 0.0) << "tanh_prime(" << z << ")";
  }
}

// --- ch01.3 -------------------------------------------------------------------------------------

// At z = 0 neither function is differentiable; the course fixes ReLU'(0) = 0 and
// LeakyReLU'(0) = slope, as PyTorch does. Tiny inputs on either side are not the kink.
TEST(ReluAndLeakyReluDerivatives, FollowTheCourseConventionAtTheKink) {
  EXPECT_TRUE(IsNear("relu_prime(0)", calc::relu_prime(0.0), 0.0, 0.0))
      << "The chapter fixes ReLU'(0) = 0: the mask is z > 0, not z >= 0.";
  EXPECT_TRUE(IsNear("relu_prime(1e-12)", calc::relu_prime(1e-12), 1.0, 0.0));
  EXPECT_TRUE(IsNear("relu_prime(-1e-12)", calc::relu_prime(-1e-12), 0.0, 0.0));
  EXPECT_TRUE(IsNear("leaky_relu_prime(0, 0.01)", calc::leaky_relu_prime(0.0, 0.01), 0.01, 0.0))
      << "The chapter fixes LeakyReLU'(0) = slope.";
}

// Away from the kink, ReLU' and LeakyReLU' are what central differences say.
TEST(ReluAndLeakyReluDerivatives, MatchCentralDifferencesAwayFromTheKink) {
  constexpr double kSlope = 0.1;
  for (double z : kSmoothPoints) {
    double param = z;
    EXPECT_TRUE(GradientMatches(
        check_gradient("z", param, calc::relu_prime(z), [&] { return calc::relu(param); })))
        << "  for relu_prime(z) at z = " << bp::testing::show(z);
    EXPECT_TRUE(GradientMatches(check_gradient("z", param, calc::leaky_relu_prime(z, kSlope),
                                               [&] { return calc::leaky_relu(param, kSlope); })))
        << "  for leaky_relu_prime(z, 0.1) at z = " << bp::testing::show(z);
  }
}

// The slope belongs to the negative side: LeakyReLU'(z) = slope for z < 0 and 1 for z > 0.
TEST(ReluAndLeakyReluDerivatives, LeakyReluSlopeIsOnTheNegativeSide) {
  EXPECT_TRUE(IsNear("leaky_relu_prime(-3, 0.2)", calc::leaky_relu_prime(-3.0, 0.2), 0.2, 0.0));
  EXPECT_TRUE(IsNear("leaky_relu_prime(3, 0.2)", calc::leaky_relu_prime(3.0, 0.2), 1.0, 0.0));
}

}  // namespace
