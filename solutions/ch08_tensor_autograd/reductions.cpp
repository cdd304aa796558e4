// Task ch08.4: sum and mean, the reductions to a 1×1 tensor that a loss ends with. Each entry of X
// moves the result by the same amount, so the rule spreads the one upstream number over X.
#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "tensor_ops.h"

namespace bp::autograd {
namespace {

// Y = Σᵢⱼ Xᵢⱼ.  X (r, c), Y (1, 1).
template <typename T>
Matrix<T> sum_forward(const Matrix<T>& X) {
  // [ch08.4/sum_forward]
  return Matrix<T>::Constant(1, 1, X.sum());
  // [ch08.4/sum_forward]
}

// In the forward pass Y = Σᵢⱼ Xᵢⱼ, so ∂Y/∂Xᵢⱼ = 1: dX = dY·1 (r, c), with dY the (1, 1) Y.grad.
template <typename T>
void sum_backward(const TensorNode<T>& Y, TensorNode<T>& X) {
  // [ch08.4/sum_backward]
  X.grad.array() += Y.grad(0, 0);
  // [ch08.4/sum_backward]
}

// Y = Σᵢⱼ Xᵢⱼ / (r·c), the mean over every entry.  X (r, c), Y (1, 1).
template <typename T>
Matrix<T> mean_forward(const Matrix<T>& X) {
  // [ch08.4/mean_forward]
  return Matrix<T>::Constant(1, 1, X.mean());
  // [ch08.4/mean_forward]
}

// In the forward pass Y = Σᵢⱼ Xᵢⱼ / (r·c), so dX = dY / (r·c) at every entry.
template <typename T>
void mean_backward(const TensorNode<T>& Y, TensorNode<T>& X) {
  // [ch08.4/mean_backward]
  X.grad.array() += Y.grad(0, 0) / static_cast<T>(X.value.size());
  // [ch08.4/mean_backward]
}

}  // namespace

template <typename T>
Tensor<T> sum(const Tensor<T>& X) {
  return record("sum", sum_forward(X.value()), &sum_backward<T>, X);
}

template <typename T>
Tensor<T> mean(const Tensor<T>& X) {
  if (X.value().size() == 0) {
    throw ValueError("mean: X has shape " + shape_of(X.value()) +
                     ", and the mean of no entries is undefined");
  }
  return record("mean", mean_forward(X.value()), &mean_backward<T>, X);
}

template Tensor<double> sum(const Tensor<double>&);
template Tensor<float> sum(const Tensor<float>&);
template Tensor<double> mean(const Tensor<double>&);
template Tensor<float> mean(const Tensor<float>&);

}  // namespace bp::autograd
