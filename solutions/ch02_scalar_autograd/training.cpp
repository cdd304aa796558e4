#include "training.h"

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::autograd {

LossAndAccuracy svm_loss(const MLP& model, const data::Points2D& data, double alpha) {
  if (data.size() == 0) {
    throw ValueError("svm_loss: the data set is empty");
  }
  // [ch02.9]
  Value hinge_sum = 0.0;
  std::size_t correct = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const Value score = model({data.x1[i], data.x2[i]})[0];
    hinge_sum += relu(1.0 - data.y[i] * score);  // 0 once the margin y·s reaches 1
    if (data.y[i] * score.data() > 0.0) {
      ++correct;
    }
  }
  Value l2 = 0.0;
  for (const Value& p : model.parameters()) {
    l2 += p * p;
  }
  const double n = static_cast<double>(data.size());
  return {hinge_sum / n + alpha * l2, static_cast<double>(correct) / n};
  // [ch02.9]
}

LossAndAccuracy train_step(MLP& model, const data::Points2D& data, double alpha,
                           double learning_rate) {
  // [ch02.10]
  LossAndAccuracy result = svm_loss(model, data, alpha);
  model.zero_grad();  // parameters accumulate gradients: clear last step's first
  result.loss.backward();
  for (const Value& p : model.parameters()) {
    p.node().data -= learning_rate * p.grad();
  }
  return result;
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
