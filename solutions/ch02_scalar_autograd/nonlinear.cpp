// Task ch02.3: tanh, ReLU and sigmoid, the activations of chapter 1, now as graph nodes. In each
// backward rule, `node` is the output o and the operand x receives x.grad += node.grad · ∂o/∂x.
#include <cmath>

#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "value.h"

namespace bp::autograd {

double nonlinear_forward(Op op, double x) {
  // [ch02.3/forward]
  switch (op) {
    case Op::Tanh:
      return std::tanh(x);
    case Op::Relu:
      return x > 0.0 ? x : 0.0;
    case Op::Sigmoid: {
      // e^(−x) overflows for very negative x; e^x / (1 + e^x) is the same number and does not.
      const double e = std::exp(-std::abs(x));
      return x >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }
    default:
      return 0.0;
  }
  // [ch02.3/forward]
}

void nonlinear_backward(Node& node) {
  // [ch02.3/backward]
  Node& x = *node.lhs;
  switch (node.op) {
    case Op::Tanh:  // o = tanh x: ∂o/∂x = 1 − o², from the output
      x.grad += (1.0 - node.data * node.data) * node.grad;
      break;
    case Op::Relu:  // o = max(0, x): ∂o/∂x = [x > 0], 0 at the kink (as in chapter 1)
      x.grad += (x.data > 0.0 ? 1.0 : 0.0) * node.grad;
      break;
    case Op::Sigmoid:  // o = σ(x): ∂o/∂x = o(1 − o), from the output
      x.grad += node.data * (1.0 - node.data) * node.grad;
      break;
    default:
      break;
  }
  // [ch02.3/backward]
}

}  // namespace bp::autograd
