// Task ch02.6: zero_grad() clears every gradient of a graph.
#include <gtest/gtest.h>

#include "engine_testing.h"

namespace {

using bp::autograd::Node;
using bp::autograd::Value;
using bp::testing::IsNear;

// After zero_grad(), every node of the graph (leaves and intermediates) has grad 0.
TEST(ZeroGrad, ClearsEveryNodeOfTheGraph) {
  const Value x(1.5), w(-0.8);
  Value y = tanh(x * w) + w;
  y.backward();
  ASSERT_NE(x.grad(), 0.0);
  y.zero_grad();
  for (const Node* node : bp::autograd::topological_order(y.node())) {
    EXPECT_EQ(node->grad, 0.0) << "a node with data " << node->data << " kept grad " << node->grad
                               << " (intermediates too, not only leaves)";
  }
}

// zero_grad() between two backward() calls gives the same gradients twice.
TEST(ZeroGrad, MakesTheNextBackwardStartFresh) {
  const Value x(0.4);
  Value y = pow(x, 3.0) - x;
  y.backward();
  const double first = x.grad();
  y.zero_grad();
  y.backward();
  EXPECT_TRUE(IsNear("d(x^3 - x)/dx after zero_grad", x.grad(), first, 0.0));
  EXPECT_TRUE(IsNear("d(x^3 - x)/dx", first, 3.0 * 0.16 - 1.0, 1e-15));
}

}  // namespace
