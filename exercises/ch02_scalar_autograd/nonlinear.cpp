// Task ch02.3: tanh, ReLU and sigmoid, the activations of chapter 1, now as graph nodes. In each
// backward rule, `node` is the output o and the operand x receives x.grad += node.grad · ∂o/∂x.
#include <cmath>

#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "value.h"

namespace bp::autograd {

double nonlinear_forward(Op op, double x) {
  // [ch02.3/forward]
  bp::todo("ch02.3", "return tanh(x), relu(x) or sigmoid(x), as op says, without overflow");
  // [ch02.3/forward]
}

void nonlinear_backward(Node& node) {
  // [ch02.3/backward]
  bp::todo("ch02.3", "add node.grad times d(node)/dx to the operand's grad");
  // [ch02.3/backward]
}

}  // namespace bp::autograd
