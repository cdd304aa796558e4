// Task ch02.1: + − × ÷ and negation, forward and local backward rules.
#include <gtest/gtest.h>

#include <vector>

#include "bp/shape.h"
#include "engine_testing.h"

namespace {

using bp::autograd::Value;
using bp::testing::IsNear;
using ch02_testing::apply_local_rule;
using ch02_testing::LocalRuleMatches;

// Each operation computes the right number, with scalars on either side of a Value.
TEST(ArithmeticOps, ComputeTheirResults) {
  const Value a(3.0), b(-2.0);
  EXPECT_TRUE(IsNear("a + b", (a + b).data(), 1.0, 0.0));
  EXPECT_TRUE(IsNear("a - b", (a - b).data(), 5.0, 0.0));
  EXPECT_TRUE(IsNear("a * b", (a * b).data(), -6.0, 0.0));
  EXPECT_TRUE(IsNear("a / b", (a / b).data(), -1.5, 0.0));
  EXPECT_TRUE(IsNear("-a", (-a).data(), -3.0, 0.0));
  EXPECT_TRUE(IsNear("2.0 * a + 1.0", (2.0 * a + 1.0).data(), 7.0, 0.0));
  EXPECT_TRUE(IsNear("1.0 - a / 4.0", (1.0 - a / 4.0).data(), 0.25, 0.0));
}

// A binary operation on a and b, and its local derivatives there.
struct BinaryCase {
  const char* op;
  Value out;
  double da, db;
};

// ∂(a+b) = (1, 1), ∂(a−b) = (1, −1), ∂(ab) = (b, a), ∂(a/b) = (1/b, −a/b²) at a = 3, b = −2.
std::vector<BinaryCase> known_derivatives(const Value& a, const Value& b) {
  return {{"a + b", a + b, 1.0, 1.0},
          {"a - b", a - b, 1.0, -1.0},
          {"a * b", a * b, -2.0, 3.0},
          {"a / b", a / b, -0.5, -0.75}};
}

// The local rules at a = 3, b = −2 (the list above), and ∂(−a) = −1.
TEST(ArithmeticOps, LocalRulesGiveTheKnownDerivatives) {
  const Value a(3.0), b(-2.0);
  for (const BinaryCase& c : known_derivatives(a, b)) {
    apply_local_rule(c.out);
    EXPECT_TRUE(IsNear(std::string("d(") + c.op + ")/da", a.grad(), c.da, 1e-15));
    EXPECT_TRUE(IsNear(std::string("d(") + c.op + ")/db", b.grad(), c.db, 1e-15));
  }
  apply_local_rule(-a);
  EXPECT_TRUE(IsNear("d(-a)/da", a.grad(), -1.0, 0.0));
}

// The same rules against central differences, with the operand on either side.
TEST(ArithmeticOps, LocalRulesMatchCentralDifferences) {
  for (double x : {-1.7, 0.4, 2.5}) {
    EXPECT_TRUE(LocalRuleMatches("x + 1.5", x, [](Value v) { return v + 1.5; }));
    EXPECT_TRUE(LocalRuleMatches("0.3 - x", x, [](Value v) { return 0.3 - v; }));
    EXPECT_TRUE(LocalRuleMatches("x * -2.5", x, [](Value v) { return v * -2.5; }));
    EXPECT_TRUE(LocalRuleMatches("x / 0.7", x, [](Value v) { return v / 0.7; }));
    EXPECT_TRUE(LocalRuleMatches("1.2 / x", x, [](Value v) { return 1.2 / v; }));
    EXPECT_TRUE(LocalRuleMatches("-x", x, [](Value v) { return -v; }));
  }
}

// a + a and a·a use the node a twice, so a receives two contributions: the rules must add
// (`+=`) to a.grad, not overwrite it.
TEST(ArithmeticOps, AnOperandUsedTwiceCollectsBothContributions) {
  const Value a(3.0);
  apply_local_rule(a + a);
  EXPECT_TRUE(IsNear("d(a + a)/da", a.grad(), 2.0, 0.0))
      << "a is both operands: each use adds 1. Writing `grad =` keeps only the last one.";
  apply_local_rule(a * a);
  EXPECT_TRUE(IsNear("d(a * a)/da", a.grad(), 6.0, 0.0)) << "d(a²)/da = 2a = 6.";
}

// In a larger graph, a and b already hold gradients from their other uses when this node's rule
// runs, and ∂root/∂o is not 1. Each rule adds ∂root/∂o · ∂o/∂x to what is there: the same
// derivatives as above, at a = 3, b = −2, scaled by node.grad = 1.5 and added to 0.5 and −0.25.
TEST(ArithmeticOps, LocalRulesAddToGradientsFromOtherUses) {
  const Value a(3.0), b(-2.0);
  for (const BinaryCase& c : known_derivatives(a, b)) {
    a.node().grad = 0.5;
    b.node().grad = -0.25;
    c.out.node().grad = 1.5;
    bp::autograd::propagate(c.out.node());
    EXPECT_TRUE(
        IsNear(std::string("a.grad after the rule of ") + c.op, a.grad(), 0.5 + 1.5 * c.da, 1e-15))
        << "a.grad += node.grad · ∂o/∂a: keep what a already had, and scale by node.grad";
    EXPECT_TRUE(IsNear(std::string("b.grad after the rule of ") + c.op, b.grad(),
                       -0.25 + 1.5 * c.db, 1e-15))
        << "b.grad += node.grad · ∂o/∂b: keep what b already had, and scale by node.grad";
  }
  for (double x : {-1.7, 0.4}) {
    EXPECT_TRUE(ch02_testing::LocalRuleAccumulates("-x", x, [](Value v) { return -v; }));
  }
}

// Dividing a finite number by zero is an error naming the operation, not a silent infinity.
TEST(ArithmeticOps, DivisionByZeroIsAnError) {
  EXPECT_TRUE(IsNear("1 / 4", (Value(1.0) / 4.0).data(), 0.25, 0.0));
  EXPECT_THROW(Value(1.0) / 0.0, bp::ValueError);
  EXPECT_THROW(Value(0.0) / Value(0.0), bp::ValueError);
}

}  // namespace
