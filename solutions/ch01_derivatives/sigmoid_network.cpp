#include "sigmoid_network.h"

#include "activation_derivatives.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::worked {

SigmoidNetForward forward(const SigmoidNet& net, double x1, double x2, double y) {
  // [ch01.7]
  SigmoidNetForward f{};
  f.z = net.w1 * x1 + net.w2 * x2 + net.b1;
  f.a = calculus::sigmoid(f.z);
  f.y_hat = net.w3 * f.a + net.b3;
  f.loss = 0.5 * (y - f.y_hat) * (y - f.y_hat);
  return f;
  // [ch01.7]
}

SigmoidNetGradients backward(const SigmoidNet& net, double x1, double x2, double y,
                             const SigmoidNetForward& fwd) {
  // [ch01.8]
  SigmoidNetGradients g{};
  const double dy_hat = fwd.y_hat - y;  // L = ½(y − ŷ)²; the output is linear, so no σ' here
  g.dw3 = dy_hat * fwd.a;               // ŷ = w3·a + b3
  g.db3 = dy_hat;
  const double da = dy_hat * net.w3;
  const double dz = da * fwd.a * (1.0 - fwd.a);  // σ'(z) = a(1 − a), from the output a
  g.dw1 = dz * x1;                               // z = w1·x1 + w2·x2 + b1
  g.dw2 = dz * x2;
  g.db1 = dz;
  return g;
  // [ch01.8]
}

SigmoidNet sgd_step(const SigmoidNet& net, const SigmoidNetGradients& grads, double eta) {
  // [ch01.9]
  return {net.w1 - eta * grads.dw1, net.w2 - eta * grads.dw2, net.b1 - eta * grads.db1,
          net.w3 - eta * grads.dw3, net.b3 - eta * grads.db3};
  // [ch01.9]
}

}  // namespace bp::worked
