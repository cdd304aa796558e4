// Task ch02.1: + − × ÷ and negation. In each backward rule, `node` is the output o, node.grad is
// ∂root/∂o (already final), and each operand x receives x.grad += node.grad · ∂o/∂x. It is `+=`,
// never `=`: an operand used by several nodes (b = a + a) collects a contribution from each use.
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "value.h"

namespace bp::autograd {

double arithmetic_forward(Op op, double a, double b) {
  // [ch02.1/forward]
  switch (op) {
    case Op::Add:
      return a + b;
    case Op::Sub:
      return a - b;
    case Op::Mul:
      return a * b;
    case Op::Div:
      return a / b;
    case Op::Neg:
      return -a;
    default:
      return 0.0;
  }
  // [ch02.1/forward]
}

void arithmetic_backward(Node& node) {
  // [ch02.1/backward]
  Node& a = *node.lhs;
  switch (node.op) {
    case Op::Add:  // o = a + b
      a.grad += node.grad;
      node.rhs->grad += node.grad;
      break;
    case Op::Sub:  // o = a − b
      a.grad += node.grad;
      node.rhs->grad -= node.grad;
      break;
    case Op::Mul:  // o = a·b
      a.grad += node.rhs->data * node.grad;
      node.rhs->grad += a.data * node.grad;
      break;
    case Op::Div:  // o = a / b: ∂o/∂a = 1/b, ∂o/∂b = −a/b²
      a.grad += node.grad / node.rhs->data;
      node.rhs->grad -= node.grad * a.data / (node.rhs->data * node.rhs->data);
      break;
    case Op::Neg:  // o = −a
      a.grad -= node.grad;
      break;
    default:
      break;
  }
  // [ch02.1/backward]
}

}  // namespace bp::autograd
