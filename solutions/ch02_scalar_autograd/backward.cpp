// backward(): order the graph so every node comes after its operands, then apply the local rules
// from the root back to the leaves.
#include <vector>

#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "value.h"

namespace bp::autograd {

std::vector<Node*> topological_order(Node& root) {
  // [ch02.4]
  // Depth-first search with an explicit stack instead of recursion: each entry is a node and how
  // many of its operands (0, 1 or 2) have been pushed. A node is emitted once both are done.
  const std::uint64_t traversal = new_traversal();
  std::vector<Node*> order;
  std::vector<std::pair<Node*, int>> stack;
  root.visit = traversal;
  stack.emplace_back(&root, 0);
  while (!stack.empty()) {
    auto& [node, pushed] = stack.back();
    if (pushed < 2) {
      Node* operand = pushed == 0 ? node->lhs.get() : node->rhs.get();
      ++pushed;  // before emplace_back, which may move the stack (and invalidate `pushed`)
      if (operand != nullptr && operand->visit != traversal) {
        operand->visit = traversal;
        stack.emplace_back(operand, 0);
      }
      continue;
    }
    order.push_back(node);
    stack.pop_back();
  }
  return order;
  // [ch02.4]
}

void Value::backward() {
  // [ch02.5]
  const std::vector<Node*> order = topological_order(*shared());
  for (Node* node : order) {
    if (node->op != Op::Leaf) {
      node->grad = 0.0;  // intermediate results start from zero; leaves accumulate
    }
  }
  shared()->grad += 1.0;  // ∂root/∂root = 1 (the root is an intermediate, or a lone leaf)
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    propagate(**it);  // every node that uses *it comes later in `order`: its grad is final
  }
  // [ch02.5]
}

void Value::zero_grad() {
  // [ch02.6]
  for (Node* node : topological_order(*shared())) {
    node->grad = 0.0;
  }
  // [ch02.6]
}

}  // namespace bp::autograd
