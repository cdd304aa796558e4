#include "activation_derivatives.h"

#include <cmath>

#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::calculus {

double sigmoid(double z) {
  // For very negative z, e^(−z) overflows; the algebraically equal e^z / (1 + e^z) does not.
  if (z >= 0.0) {
    return 1.0 / (1.0 + std::exp(-z));
  }
  const double e = std::exp(z);
  return e / (1.0 + e);
}

double relu(double z) { return z > 0.0 ? z : 0.0; }

double leaky_relu(double z, double slope) { return z > 0.0 ? z : slope * z; }

double sigmoid_prime(double z) {
  // [ch01.2/sigmoid]
  bp::todo("ch01.2", "return sigma'(z) for the pre-activation z");
  // [ch01.2/sigmoid]
}

double tanh_prime(double z) {
  // [ch01.2/tanh]
  bp::todo("ch01.2", "return tanh'(z) for the pre-activation z");
  // [ch01.2/tanh]
}

double relu_prime(double z) {
  // [ch01.3/relu]
  bp::todo("ch01.3", "return ReLU'(z), with the value at the kink that the chapter fixes");
  // [ch01.3/relu]
}

double leaky_relu_prime(double z, double slope) {
  // [ch01.3/leaky_relu]
  bp::todo("ch01.3", "return LeakyReLU'(z): 1 on the positive side, slope otherwise");
  // [ch01.3/leaky_relu]
}

}  // namespace bp::calculus
