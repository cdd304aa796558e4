// Task ch02.2: xⁿ, eˣ and ln x, forward and local backward rules.
#include <gtest/gtest.h>

#include <cmath>

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
