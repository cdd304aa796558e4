#include "training.h"

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::autograd {

LossAndAccuracy svm_loss(const MLP& model, const data::Points2D& data, double alpha) {
  if (data.size() == 0) {
    throw ValueError("svm_loss: the data set is empty");
  }
  // [ch02.9]
  bp::todo("ch02.9", "return the mean hinge loss plus alpha * sum of p^2, and the accuracy");
  // [ch02.9]
}

LossAndAccuracy train_step(MLP& model, const data::Points2D& data, double alpha,
                           double learning_rate) {
  // [ch02.10]
  bp::todo("ch02.10", "loss, then zero_grad, then backward, then p -= lr * p.grad for every p");
  // [ch02.10]
}

LossAndAccuracy train(MLP& model, const data::Points2D& data, std::size_t steps, double alpha) {
  LossAndAccuracy last{Value(0.0), 0.0};
  for (std::size_t k = 0; k < steps; ++k) {
    const double learning_rate = 1.0 - 0.9 * static_cast<double>(k) / static_cast<double>(steps);
    last = train_step(model, data, alpha, learning_rate);
  }
  return last;
}

}  // namespace bp::autograd
