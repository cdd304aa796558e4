#include "tensor_training.h"

#include <algorithm>
#include <span>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "minibatch.h"
#include "tensor_ops.h"

namespace bp::nn {

template <typename T>
T train_step(Module<T>& model, optim::Optimizer<T>& optimizer, const autograd::Tensor<T>& X,
             const std::vector<int>& labels) {
  // [ch08.9]
  const autograd::Tensor<T> loss = softmax_cross_entropy(model.forward(X), labels);
  model.zero_grad();  // the parameters are leaves: they still hold the last step's gradients
  loss.backward();
  std::vector<Parameter<T>> params = model.parameters();
  optimizer.step(params);
  return loss.item();
  // [ch08.9]
}

template <typename T>
std::vector<T> train_epoch(Module<T>& model, optim::Optimizer<T>& optimizer, const Matrix<T>& X,
                           const std::vector<int>& labels, Eigen::Index batch_size, Rng& rng) {
  if (X.cols() == 0 || batch_size < 1 || static_cast<Eigen::Index>(labels.size()) != X.cols()) {
    throw ValueError("train_epoch: need N ≥ 1 samples, batch_size ≥ 1 and N labels; got X " +
                     shape_of(X) + ", batch_size " + std::to_string(batch_size) + ", " +
                     std::to_string(labels.size()) + " labels");
  }
  const Eigen::Index n = X.cols();
  const std::vector<Eigen::Index> order = shuffled_order(n, rng);
  std::vector<T> losses;
  for (Eigen::Index start = 0; start < n; start += batch_size) {
    const std::span<const Eigen::Index> batch(
        order.data() + start, static_cast<std::size_t>(std::min(batch_size, n - start)));
    // The batch's columns move into the graph as a leaf: data, so it requires no gradient.
    const autograd::Tensor<T> inputs(take(X, batch));
    losses.push_back(train_step(model, optimizer, inputs, take(labels, batch)));
  }
  return losses;
}

template float train_step(Module<float>&, optim::Optimizer<float>&, const autograd::Tensor<float>&,
                          const std::vector<int>&);
template double train_step(Module<double>&, optim::Optimizer<double>&,
                           const autograd::Tensor<double>&, const std::vector<int>&);
template std::vector<float> train_epoch(Module<float>&, optim::Optimizer<float>&,
                                        const Matrix<float>&, const std::vector<int>&, Eigen::Index,
                                        Rng&);
template std::vector<double> train_epoch(Module<double>&, optim::Optimizer<double>&,
                                         const Matrix<double>&, const std::vector<int>&,
                                         Eigen::Index, Rng&);

}  // namespace bp::nn
