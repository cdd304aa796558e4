// Task ch02.2: xⁿ for a constant n, eˣ and ln x. In each backward rule, `node` is the output o
// and the operand x receives x.grad += node.grad · ∂o/∂x.
#include <cmath>

#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "value.h"

namespace bp::autograd {

double power_forward(Op op, double x, double n) {
  // [ch02.2/forward]
  switch (op) {
    case Op::Pow:
      return std::pow(x, n);
    case Op::Exp:
      return std::exp(x);
    case Op::Log:
      return std::log(x);
    default:
      return 0.0;
  }
  // [ch02.2/forward]
}

void power_backward(Node& node) {
  // [ch02.2/backward]
  Node& x = *node.lhs;
  switch (node.op) {
    case Op::Pow:  // o = xⁿ: ∂o/∂x = n·xⁿ⁻¹; for n = 0, o = 1 is constant (0·0⁻¹ would be NaN)
      if (node.exponent != 0.0) {
        x.grad += node.exponent * std::pow(x.data, node.exponent - 1.0) * node.grad;
      }
      break;
    case Op::Exp:  // o = eˣ: ∂o/∂x = eˣ, which is o itself
      x.grad += node.data * node.grad;
      break;
    case Op::Log:  // o = ln x: ∂o/∂x = 1/x
      x.grad += node.grad / x.data;
      break;
    default:
      break;
  }
  // [ch02.2/backward]
}

}  // namespace bp::autograd
