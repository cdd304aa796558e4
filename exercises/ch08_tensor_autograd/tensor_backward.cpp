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
  bp::todo("ch08.7", "order the graph, zero intermediate grads, seed 1, propagate root to leaves");
  // [ch08.7/backward]
}

template <typename T>
void Tensor<T>::zero_grad() const {
  // [ch08.7/zero_grad]
  bp::todo("ch08.7", "zero the grad of every reachable node that requires one");
  // [ch08.7/zero_grad]
}

template void Tensor<double>::backward() const;
template void Tensor<float>::backward() const;
template void Tensor<double>::zero_grad() const;
template void Tensor<float>::zero_grad() const;

}  // namespace bp::autograd
