#include "sigmoid_network.h"

#include "activation_derivatives.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::worked {

SigmoidNetForward forward(const SigmoidNet& net, double x1, double x2, double y) {
  // [ch01.7]
  bp::todo("ch01.7", "compute z, a, y_hat and the loss of the forward pass");
  // [ch01.7]
}

SigmoidNetGradients backward(const SigmoidNet& net, double x1, double x2, double y,
                             const SigmoidNetForward& fwd) {
  // [ch01.8]
  bp::todo("ch01.8", "return dL/d(w1, w2, b1, w3, b3) by the chain rule, reusing fwd");
  // [ch01.8]
}

SigmoidNet sgd_step(const SigmoidNet& net, const SigmoidNetGradients& grads, double eta) {
  // [ch01.9]
  bp::todo("ch01.9", "return all five parameters after one gradient-descent step");
  // [ch01.9]
}

}  // namespace bp::worked
