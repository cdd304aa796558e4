// Task ch08.5: ReLU, sigmoid and tanh as tensor operations: the values of chapter 4's layers, and
// rules dX = dY ⊙ f′ written from the input (ReLU's mask) or the output (σ(1 − σ), 1 − tanh²).
#include <gtest/gtest.h>

#include "activations.h"
#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::testing::MatrixNear;

// Entries from −1000 to 1000, zero included: the same values as chapter 4's layers, all finite.
TEST(TensorActivations, MatchChapterFoursLayers) {
  Matrix X(2, 4);
  X << -1000, -2, 0, 0.5,  //
      3, 1000, -0.25, 1e-3;
  EXPECT_TRUE(MatrixNear("relu", relu(leaf(X)).value(), bp::nn::Relu<double>().forward(X), 0));
  const Matrix s = sigmoid(leaf(X)).value();
  EXPECT_TRUE(s.allFinite()) << "σ(±1000) must be 0 and 1, not NaN: compute e^(−|x|) only";
  EXPECT_TRUE(MatrixNear("sigmoid", s, bp::nn::Sigmoid<double>().forward(X), 1e-15));
  EXPECT_TRUE(MatrixNear("tanh", tanh(leaf(X)).value(), bp::nn::Tanh<double>().forward(X), 1e-15));
}

// Away from ReLU's kink at 0, each rule against central differences on a (3, 4) input.
TEST(TensorActivations, RulesMatchCentralDifferencesAwayFromTheKink) {
  Matrix X = uniform(3, 4, 81, 0.2, 2.0);
  X.row(1) *= -1.0;  // some negative entries, none within 0.2 of the kink
  EXPECT_TRUE(
      RuleMatchesCentralDifferences("relu(X)", [](const auto& x) { return relu(x[0]); }, {X}));
  EXPECT_TRUE(RuleMatchesCentralDifferences(
      "sigmoid(X)", [](const auto& x) { return sigmoid(x[0]); }, {X}, 2));
  EXPECT_TRUE(RuleMatchesCentralDifferences(
      "tanh(X)", [](const auto& x) { return tanh(x[0]); }, {X}, 3));
}

// ReLU passes dY where x > 0 and nothing at x ≤ 0, the kink included (chapter 1's convention).
TEST(TensorActivations, ReluPassesNoGradientAtOrBelowZero) {
  Matrix X(1, 4), G(1, 4), expected(1, 4);
  X << -1.5, 0.0, 1e-9, 2.0;
  G << 0.3, -0.7, 0.9, -1.1;
  expected << 0.0, 0.0, 0.9, -1.1;
  const Tensor<double> x = leaf(X);
  apply_rule(relu(x), G);
  EXPECT_TRUE(MatrixNear("d relu / dx", x.grad(), expected, 0)) << "the mask is [x > 0]";
}

// Far out on both sides the rules give tiny finite gradients, not NaN.
TEST(TensorActivations, RulesStayFiniteForLargeInputs) {
  Matrix X(1, 3);
  X << -800, 40, 800;
  for (const auto& f : {+[](const Tensor<double>& x) { return sigmoid(x); },
                        +[](const Tensor<double>& x) { return tanh(x); }}) {
    const Tensor<double> x = leaf(X);
    apply_rule(f(x), Matrix::Ones(1, 3));
    EXPECT_TRUE(x.grad().allFinite()) << x.grad();
    EXPECT_LT(x.grad().cwiseAbs().maxCoeff(), 1e-15);
  }
}

}  // namespace
