// Helpers shared by chapter 2's tests.
#pragma once

#include <functional>
#include <string>

#include "bp/gradient_check.h"
#include "bp/testing/assertions.h"
#include "value.h"

namespace ch02_testing {

using bp::autograd::Value;

// Applies the local rule of `out` alone, with ∂root/∂out = 1, starting from zero operand grads:
// afterwards each operand's grad is ∂out/∂operand. Tests the rules without backward().
inline void apply_local_rule(const Value& out) {
  if (out.node().lhs) out.node().lhs->grad = 0.0;
  if (out.node().rhs) out.node().rhs->grad = 0.0;
  out.node().grad = 1.0;
  bp::autograd::propagate(out.node());
}

// Checks d out / d x from the local rule against a central difference of `forward` at x.
inline ::testing::AssertionResult LocalRuleMatches(const std::string& name, double x,
                                                   const std::function<Value(Value)>& forward) {
  Value input(x);
  const Value out = forward(input);
  apply_local_rule(out);
  double at = x;
  return bp::testing::GradientMatches(
      bp::check_gradient(name + " at x = " + bp::testing::show(x), at, input.grad(),
                         [&] { return forward(Value(at)).data(); }));
}

}  // namespace ch02_testing
