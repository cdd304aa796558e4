// Task ch02.4: the topological order, iterative.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "engine_testing.h"

namespace {

using bp::autograd::Node;
using bp::autograd::topological_order;
using bp::autograd::Value;

// Where each node sits in `order`, or -1.
long position(const std::vector<Node*>& order, const Node* node) {
  const auto it = std::find(order.begin(), order.end(), node);
  return it == order.end() ? -1 : static_cast<long>(it - order.begin());
}

// d = (a·b) + (a·c): a is reachable along two paths but appears once; every node comes after
// its operands, and the root comes last.
TEST(TopologicalOrder, ListsEveryNodeOnceOperandsFirst) {
  const Value a(2.0), b(-3.0), c(10.0);
  const Value ab = a * b, ac = a * c;
  const Value d = ab + ac;
  const std::vector<Node*> order = topological_order(d.node());
  ASSERT_EQ(order.size(), 6u) << "a, b, c, a·b, a·c and d: each exactly once";
  EXPECT_EQ(std::set<Node*>(order.begin(), order.end()).size(), 6u) << "a node appears twice";
  EXPECT_EQ(order.back(), &d.node()) << "the root comes last";
  for (const Node* node : order) {
    for (const Node* operand : {node->lhs.get(), node->rhs.get()}) {
      if (operand != nullptr) {
        EXPECT_LT(position(order, operand), position(order, node))
            << "an operand must come before the node computed from it";
      }
    }
  }
}

// The same node as both operands (a + a) is still listed once.
TEST(TopologicalOrder, ListsANodeUsedTwiceOnce) {
  const Value a(1.0);
  const Value b = a + a;
  const Value c = b + b;
  EXPECT_EQ(topological_order(c.node()).size(), 3u) << "a, b and c";
}

// Two traversals of the same graph give the same order: marks from the first do not hide nodes
// from the second.
TEST(TopologicalOrder, CanBeRepeated) {
  const Value a(1.0), b(2.0);
  const Value c = a * b + a;
  const auto first = topological_order(c.node());
  const auto second = topological_order(c.node());
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.size(), 4u);
}

// A chain of a million nodes: a recursive depth-first search would need a million stack frames
// (and overflow the stack); an explicit stack does not.
TEST(TopologicalOrder, HandlesAChainOfAMillionNodes) {
  const std::size_t before = bp::autograd::live_nodes();
  {
    Value x(0.5);
    Value y = x;
    for (int i = 0; i < 1'000'000; ++i) {
      y = y + 1.0;  // two new nodes per step: the constant 1.0 and the sum
    }
    const auto order = topological_order(y.node());
    EXPECT_EQ(order.size(), 2'000'001u);
    EXPECT_EQ(order.front(), &x.node());
    EXPECT_EQ(order.back(), &y.node());
  }
  EXPECT_EQ(bp::autograd::live_nodes(), before) << "the chain was not freed";
}

}  // namespace
