// Task ch02.1: + − × ÷ and negation. In each backward rule, `node` is the output o, node.grad is
// ∂root/∂o (already final), and each operand x receives x.grad += node.grad · ∂o/∂x. It is `+=`,
// never `=`: an operand used by several nodes (b = a + a) collects a contribution from each use.
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "value.h"

namespace bp::autograd {

double arithmetic_forward(Op op, double a, double b) {
  // [ch02.1/forward]
  bp::todo("ch02.1", "return a + b, a - b, a * b, a / b or -a, as op says");
  // [ch02.1/forward]
}

void arithmetic_backward(Node& node) {
  // [ch02.1/backward]
  bp::todo("ch02.1", "add node.grad times d(node)/d(operand) to each operand's grad");
  // [ch02.1/backward]
}

}  // namespace bp::autograd
