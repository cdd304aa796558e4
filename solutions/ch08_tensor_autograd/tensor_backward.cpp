// Task ch08.7: backward() and zero_grad(), chapter 2's four steps on a graph of matrices.
#include <vector>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "tensor.h"

namespace bp::autograd {

template <typename T>
void Tensor<T>::backward() const {
  // ∂root/∂root = 1 is a number only for a scalar root; PyTorch refuses any other shape too.
  require_shape("Tensor::backward", "the root", node_->value, 1, 1);
  if (!node_->requires_grad) {
    throw ValueError(
        "Tensor::backward: the root does not require a gradient: it was computed "
        "from no tensor with requires_grad (a parameter), so there is nothing to do");
  }
  // [ch08.7/backward]
  const std::vector<TensorNode<T>*> order = topological_order(*node_);
  for (TensorNode<T>* node : order) {
    if (!node->is_leaf() && node->requires_grad) {
      node->grad.setZero(node->value.rows(), node->value.cols());  // intermediates restart at 0
    }
  }
  node_->grad(0, 0) += T(1);  // ∂root/∂root = 1; a root that is a leaf accumulates like any leaf
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    propagate(**it);  // every node computed from *it comes later in `order`: its grad is final
  }
  // [ch08.7/backward]
}

template <typename T>
void Tensor<T>::zero_grad() const {
  // [ch08.7/zero_grad]
  for (TensorNode<T>* node : topological_order(*node_)) {
    if (node->requires_grad) {
      node->grad.setZero(node->value.rows(), node->value.cols());
    }
  }
  // [ch08.7/zero_grad]
}

template void Tensor<double>::backward() const;
template void Tensor<float>::backward() const;
template void Tensor<double>::zero_grad() const;
template void Tensor<float>::zero_grad() const;

}  // namespace bp::autograd
