// backward(): order the graph so every node comes after its operands, then apply the local rules
// from the root back to the leaves.
#include <vector>

#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "value.h"

namespace bp::autograd {

std::vector<Node*> topological_order(Node& root) {
  // [ch02.4]
  bp::todo("ch02.4", "return each reachable node once, operands first, with an explicit stack");
  // [ch02.4]
}

void Value::backward() {
  // [ch02.5]
  bp::todo("ch02.5", "zero the intermediate grads, seed the root's grad, apply rules root first");
  // [ch02.5]
}

void Value::zero_grad() {
  // [ch02.6]
  bp::todo("ch02.6", "set grad = 0 on every node reachable from this one");
  // [ch02.6]
}

}  // namespace bp::autograd
