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
  bp::todo("ch01.4", "return y = ReLU(W1 * x) * W2");
  // [ch01.4/predict]
}

double loss(const ReluNet& net, std::span<const Sample> batch, LossConvention convention) {
  require_samples_for_mean("loss", batch, convention);
  // [ch01.4/loss]
  bp::todo("ch01.4", "return the batch loss in the requested convention (half sum or mean)");
  // [ch01.4/loss]
}

ReluNetGradients gradients(const ReluNet& net, std::span<const Sample> batch,
                           LossConvention convention) {
  require_samples_for_mean("gradients", batch, convention);
  // [ch01.5]
  bp::todo("ch01.5", "return dE/dW1 and dE/dW2 over the batch, scaled for the convention");
  // [ch01.5]
}

ReluNet sgd_step(const ReluNet& net, const ReluNetGradients& grads, double learning_rate) {
  // [ch01.6]
  bp::todo("ch01.6", "return both weights after one gradient-descent step");
  // [ch01.6]
}

}  // namespace bp::worked
