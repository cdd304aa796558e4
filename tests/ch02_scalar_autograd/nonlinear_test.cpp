// Task ch02.3: tanh, ReLU and sigmoid, forward and local backward rules.
#include <gtest/gtest.h>

#include <cmath>

#include "engine_testing.h"

namespace {

using bp::autograd::Value;
using bp::testing::IsNear;
using ch02_testing::apply_local_rule;
using ch02_testing::LocalRuleMatches;

// The three functions at a few points, and sigmoid far out on both sides without overflow.
TEST(NonlinearOps, ComputeTheirResults) {
  EXPECT_TRUE(IsNear("tanh(0.5)", tanh(Value(0.5)).data(), std::tanh(0.5), 1e-15));
  EXPECT_TRUE(IsNear("tanh(1000)", tanh(Value(1000.0)).data(), 1.0, 0.0))
      << "(e^2x − 1)/(e^2x + 1) is inf/inf = NaN at x = 1000: use std::tanh";
  EXPECT_TRUE(IsNear("tanh(-1000)", tanh(Value(-1000.0)).data(), -1.0, 0.0));
  EXPECT_TRUE(IsNear("relu(-2)", relu(Value(-2.0)).data(), 0.0, 0.0));
  EXPECT_TRUE(IsNear("relu(1.5)", relu(Value(1.5)).data(), 1.5, 0.0));
  EXPECT_TRUE(IsNear("sigmoid(0)", sigmoid(Value(0.0)).data(), 0.5, 0.0));
  EXPECT_TRUE(IsNear("sigmoid(1000)", sigmoid(Value(1000.0)).data(), 1.0, 0.0));
  EXPECT_TRUE(IsNear("sigmoid(-1000)", sigmoid(Value(-1000.0)).data(), 0.0, 0.0))
      << "1 / (1 + e^1000) overflows in the denominator; e^x / (1 + e^x) does not.";
}

// tanh' = 1 − tanh², ReLU' = [x > 0], σ' = σ(1 − σ), against central differences away from
// ReLU's kink.
TEST(NonlinearOps, LocalRulesMatchCentralDifferences) {
  for (double x : {-2.2, -0.4, 0.6, 3.1}) {
    EXPECT_TRUE(LocalRuleMatches("tanh(x)", x, [](Value v) { return tanh(v); }))
        << "tanh'(x) = 1 − tanh²(x): square the output, not the input.";
    EXPECT_TRUE(LocalRuleMatches("relu(x)", x, [](Value v) { return relu(v); }));
    EXPECT_TRUE(LocalRuleMatches("sigmoid(x)", x, [](Value v) { return sigmoid(v); }))
        << "sigmoid'(x) = s(1 − s) with s the output (chapter 1).";
  }
}

// At the kink, ReLU passes no gradient (chapter 1's convention); far out, sigmoid's gradient
// is tiny but finite.
TEST(NonlinearOps, FollowTheConventionsAtTheEdges) {
  const Value zero(0.0);
  apply_local_rule(relu(zero));
  EXPECT_TRUE(IsNear("d relu(x)/dx at x = 0", zero.grad(), 0.0, 0.0));
  const Value far(-800.0);
  apply_local_rule(sigmoid(far));
  EXPECT_TRUE(std::isfinite(far.grad()));
  EXPECT_GE(far.grad(), 0.0);
  for (double x : {-1000.0, 1000.0}) {
    const Value saturated(x);
    apply_local_rule(tanh(saturated));
    EXPECT_TRUE(IsNear("d tanh(x)/dx at x = " + bp::testing::show(x), saturated.grad(), 0.0, 0.0));
  }
}

// With a gradient already in x from another use of x (y = tanh(x) + x), and node.grad ≠ 1 and of
// either sign, each rule adds node.grad · ∂o/∂x to it. ReLU's mask is [x > 0] whatever the sign of
// the gradient that arrives.
TEST(NonlinearOps, LocalRulesAddToGradientsFromOtherUses) {
  using ch02_testing::LocalRuleAccumulates;
  for (double x : {-2.2, 0.6}) {
    EXPECT_TRUE(LocalRuleAccumulates("tanh(x)", x, [](Value v) { return tanh(v); }));
    EXPECT_TRUE(LocalRuleAccumulates("relu(x)", x, [](Value v) { return relu(v); }));
    EXPECT_TRUE(LocalRuleAccumulates("sigmoid(x)", x, [](Value v) { return sigmoid(v); }));
  }
}

}  // namespace
