#include "relu_network.h"

#include <string>

#include "activation_derivatives.h"
#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::worked {
namespace {

void require_samples_for_mean(const char* function, std::span<const Sample> batch,
                              LossConvention convention) {
  if (batch.empty() && convention == LossConvention::Mean) {
    throw ValueError(std::string(function) +
                     ": the batch is empty, and the mean of no samples is undefined");
  }
}

}  // namespace

double predict(const ReluNet& net, double x) {
  // [ch01.4/predict]
  const double h = net.W1 * x;
  return calculus::relu(h) * net.W2;
  // [ch01.4/predict]
}

double loss(const ReluNet& net, std::span<const Sample> batch, LossConvention convention) {
  require_samples_for_mean("loss", batch, convention);
  // [ch01.4/loss]
  double sum_of_squares = 0.0;
  for (const Sample& s : batch) {
    const double r = predict(net, s.x) - s.t;
    sum_of_squares += r * r;
  }
  return convention == LossConvention::HalfSum ? 0.5 * sum_of_squares
                                               : sum_of_squares / static_cast<double>(batch.size());
  // [ch01.4/loss]
}

ReluNetGradients gradients(const ReluNet& net, std::span<const Sample> batch,
                           LossConvention convention) {
  require_samples_for_mean("gradients", batch, convention);
  // [ch01.5]
  ReluNetGradients g{0.0, 0.0};
  for (const Sample& s : batch) {
    const double h = net.W1 * s.x;
    const double y = calculus::relu(h) * net.W2;
    const double dy = y - s.t;                // ∂(½(y − t)²)/∂y
    const double mask = h > 0.0 ? 1.0 : 0.0;  // ReLU'(h), 0 at and below the kink
    g.dW2 += dy * calculus::relu(h);          // y = ReLU(h)·W2
    g.dW1 += dy * net.W2 * mask * s.x;        // h = W1·x
  }
  if (convention == LossConvention::Mean) {
    // (1/n)Σ r² = (2/n)·½Σ r²: the same gradients, scaled by 2/n.
    const double scale = 2.0 / static_cast<double>(batch.size());
    g.dW1 *= scale;
    g.dW2 *= scale;
  }
  return g;
  // [ch01.5]
}

ReluNet sgd_step(const ReluNet& net, const ReluNetGradients& grads, double learning_rate) {
  // [ch01.6]
  return {net.W1 - learning_rate * grads.dW1, net.W2 - learning_rate * grads.dW2};
  // [ch01.6]
}

}  // namespace bp::worked
