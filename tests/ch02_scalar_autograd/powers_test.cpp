// Task ch02.2: xⁿ, eˣ and ln x, forward and local backward rules.
#include <gtest/gtest.h>

#include <cmath>
#include <utility>

#include "bp/shape.h"
#include "engine_testing.h"

namespace {

using bp::autograd::Value;
using bp::testing::IsNear;
using ch02_testing::LocalRuleMatches;

// x³, x⁻¹, √x, e¹ and ln e.
TEST(PowerOps, ComputeTheirResults) {
  EXPECT_TRUE(IsNear("pow(2, 3)", pow(Value(2.0), 3.0).data(), 8.0, 1e-15));
  EXPECT_TRUE(IsNear("pow(4, -1)", pow(Value(4.0), -1.0).data(), 0.25, 1e-15));
  EXPECT_TRUE(IsNear("pow(9, 0.5)", pow(Value(9.0), 0.5).data(), 3.0, 1e-15));
  EXPECT_TRUE(IsNear("exp(1)", exp(Value(1.0)).data(), std::exp(1.0), 1e-15));
  EXPECT_TRUE(IsNear("log(e)", log(Value(std::exp(1.0))).data(), 1.0, 1e-15));
}

// d(xⁿ)/dx = n·xⁿ⁻¹, d(eˣ)/dx = eˣ, d(ln x)/dx = 1/x, against central differences.
TEST(PowerOps, LocalRulesMatchCentralDifferences) {
  for (double x : {0.3, 1.1, 2.7}) {
    EXPECT_TRUE(LocalRuleMatches("pow(x, 3)", x, [](Value v) { return pow(v, 3.0); }))
        << "d(x^n)/dx = n·x^(n−1), not n·x^n.";
    EXPECT_TRUE(LocalRuleMatches("pow(x, -2)", x, [](Value v) { return pow(v, -2.0); }));
    EXPECT_TRUE(LocalRuleMatches("pow(x, 0.5)", x, [](Value v) { return pow(v, 0.5); }));
    EXPECT_TRUE(LocalRuleMatches("exp(x)", x, [](Value v) { return exp(v); }))
        << "d(e^x)/dx is e^x itself: the node's own data.";
    EXPECT_TRUE(LocalRuleMatches("log(x)", x, [](Value v) { return log(v); }));
  }
  EXPECT_TRUE(LocalRuleMatches("exp(x)", -3.0, [](Value v) { return exp(v); }));
}

// With a gradient already in x from another use of x, and node.grad ≠ 1, each rule adds
// node.grad · ∂o/∂x to it (y = exp(x) + x needs both contributions).
TEST(PowerOps, LocalRulesAddToGradientsFromOtherUses) {
  using ch02_testing::LocalRuleAccumulates;
  for (double x : {0.3, 2.7}) {
    EXPECT_TRUE(LocalRuleAccumulates("pow(x, 3)", x, [](Value v) { return pow(v, 3.0); }));
    EXPECT_TRUE(LocalRuleAccumulates("pow(x, 0.5)", x, [](Value v) { return pow(v, 0.5); }));
    EXPECT_TRUE(LocalRuleAccumulates("exp(x)", x, [](Value v) { return exp(v); }));
    EXPECT_TRUE(LocalRuleAccumulates("log(x)", x, [](Value v) { return log(v); }));
  }
}

// xⁿ at x = 0, where n·xⁿ⁻¹ is still the derivative: 1 for n = 1, 0 for n = 2 and 3 (a rule
// written as n·o/x is 0/0 there). For n = 0, x⁰ = 1 is a constant, so its gradient is 0 at every
// x, also at x = 0, where n·xⁿ⁻¹ = 0·0⁻¹ = 0·∞ would be NaN (PyTorch gives 0 too).
TEST(PowerOps, PowAtZeroHasTheGradientOfItsLimit) {
  for (const auto& [n, expected] :
       {std::pair{1.0, 1.0}, std::pair{2.0, 0.0}, std::pair{3.0, 0.0}, std::pair{0.0, 0.0}}) {
    const Value zero(0.0);
    const Value out = pow(zero, n);
    ch02_testing::apply_local_rule(out);
    EXPECT_TRUE(
        IsNear("d pow(x, " + bp::testing::show(n) + ")/dx at x = 0", zero.grad(), expected, 0.0))
        << (n == 0.0 ? "x^0 = 1 does not depend on x: its rule adds nothing (special-case n = 0)"
                     : "n·x^(n−1), computed with std::pow, not as n·o/x (0/0 at x = 0)");
  }
  const Value x(-3.0);
  const Value one = pow(x, 0.0);
  EXPECT_TRUE(IsNear("pow(-3, 0)", one.data(), 1.0, 0.0));
  ch02_testing::apply_local_rule(one);
  EXPECT_TRUE(IsNear("d pow(x, 0)/dx at x = -3", x.grad(), 0.0, 0.0));
}

// ln of 0 or of a negative number, 0⁻¹ and e¹⁰⁰⁰ have no finite value: each is an error that
// names the operation, raised where it happens.
TEST(PowerOps, ResultsThatAreNotFiniteAreErrors) {
  EXPECT_TRUE(IsNear("log(1)", log(Value(1.0)).data(), 0.0, 0.0));
  EXPECT_THROW(log(Value(0.0)), bp::ValueError);
  EXPECT_THROW(log(Value(-1.0)), bp::ValueError);
  EXPECT_THROW(pow(Value(0.0), -1.0), bp::ValueError);
  EXPECT_THROW(pow(Value(-8.0), 1.0 / 3.0), bp::ValueError);
  EXPECT_THROW(exp(Value(1000.0)), bp::ValueError);
}

}  // namespace
