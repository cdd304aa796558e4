// Helpers shared by chapter 2's tests.
#pragma once

#include <cmath>
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

// Applies the local rule of `out` as a node in the middle of a larger graph sees it: its
// operands already hold gradients from their other uses (`prior`), and ∂root/∂out is `upstream`,
// not 1. Afterwards each operand's grad must be prior + upstream·∂out/∂operand. A rule that
// writes `=` for `+=`, or forgets to multiply by node.grad, passes apply_local_rule (which starts
// from grad 0 and upstream 1) and fails here.
inline void apply_local_rule_onto(const Value& out, double upstream, double prior) {
  if (out.node().lhs) out.node().lhs->grad = prior;
  if (out.node().rhs) out.node().rhs->grad = prior;
  out.node().grad = upstream;
  bp::autograd::propagate(out.node());
}

// The local rule of forward(x), applied onto a prior gradient with an upstream gradient that is
// not 1, against prior + upstream · (a central difference of `forward` at x).
inline ::testing::AssertionResult LocalRuleAccumulates(const std::string& name, double x,
                                                       const std::function<Value(Value)>& forward) {
  constexpr double kUpstream = -1.75, kPrior = 0.625;
  Value input(x);
  const Value out = forward(input);
  apply_local_rule_onto(out, kUpstream, kPrior);
  double at = x;
  const double local = bp::numeric_derivative(
      at, [&] { return forward(Value(at)).data(); }, 1e-5);
  const double expected = kPrior + kUpstream * local;
  if (std::abs(input.grad() - expected) <= 1e-6 * (1.0 + std::abs(expected))) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "the rule of " << name << " at x = " << bp::testing::show(x) << ", with grad "
         << bp::testing::show(kPrior) << " already in x (from another use of x) "
         << "and node.grad = " << bp::testing::show(kUpstream)
         << ", left x.grad = " << bp::testing::show(input.grad()) << "; expected "
         << bp::testing::show(kPrior) << " + " << bp::testing::show(kUpstream) << " · "
         << bp::testing::show(local) << " = " << bp::testing::show(expected)
         << ". Add (+=) to x.grad, and multiply the local derivative by node.grad.";
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
