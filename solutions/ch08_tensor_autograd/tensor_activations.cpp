// Task ch08.5: ReLU, sigmoid and tanh as tensor operations. Each acts on every entry alone, so
// its rule is chapter 4's dX = dY ⊙ f′, written from the node's input (ReLU) or output (σ, tanh).
#include <cmath>

#include "activations.h"  // chapter 4: the stable sigmoid
#include "bp/todo.h"      // bp::todo() marks the unfinished tasks in exercises/
#include "tensor_ops.h"

namespace bp::autograd {
namespace {

// Y = max(0, X).  X, Y (r, c).
template <typename T>
Matrix<T> relu_forward(const Matrix<T>& X) {
  // [ch08.5/relu_forward]
  return X.cwiseMax(T(0));
  // [ch08.5/relu_forward]
}

// In the forward pass Y = max(0, X), so dX = dY ⊙ [X > 0]: the mask of chapter 4, 0 at the kink.
template <typename T>
void relu_backward(const TensorNode<T>& Y, TensorNode<T>& X) {
  // [ch08.5/relu_backward]
  X.grad += (X.value.array() > T(0)).select(Y.grad, T(0));
  // [ch08.5/relu_backward]
}

// Y = σ(X) = 1 / (1 + e⁻ˣ), without overflow for any finite X.  X, Y (r, c).
template <typename T>
Matrix<T> sigmoid_forward(const Matrix<T>& X) {
  // [ch08.5/sigmoid_forward]
  return nn::Sigmoid<T>().forward(X);  // chapter 4's layer: e^(−|x|) ≤ 1 in both branches
  // [ch08.5/sigmoid_forward]
}

// In the forward pass Y = σ(X), so dX = dY ⊙ Y ⊙ (1 − Y), from the output Y.
template <typename T>
void sigmoid_backward(const TensorNode<T>& Y, TensorNode<T>& X) {
  // [ch08.5/sigmoid_backward]
  X.grad.array() += Y.grad.array() * Y.value.array() * (T(1) - Y.value.array());
  // [ch08.5/sigmoid_backward]
}

// Y = tanh(X).  X, Y (r, c).
template <typename T>
Matrix<T> tanh_forward(const Matrix<T>& X) {
  // [ch08.5/tanh_forward]
  return X.array().tanh().matrix();
  // [ch08.5/tanh_forward]
}

// In the forward pass Y = tanh(X), so dX = dY ⊙ (1 − Y²), from the output Y.
template <typename T>
void tanh_backward(const TensorNode<T>& Y, TensorNode<T>& X) {
  // [ch08.5/tanh_backward]
  X.grad.array() += Y.grad.array() * (T(1) - Y.value.array().square());
  // [ch08.5/tanh_backward]
}

}  // namespace

template <typename T>
Tensor<T> relu(const Tensor<T>& X) {
  return record("relu", relu_forward(X.value()), &relu_backward<T>, X);
}

template <typename T>
Tensor<T> sigmoid(const Tensor<T>& X) {
  return record("sigmoid", sigmoid_forward(X.value()), &sigmoid_backward<T>, X);
}

template <typename T>
Tensor<T> tanh(const Tensor<T>& X) {
  return record("tanh", tanh_forward(X.value()), &tanh_backward<T>, X);
}

template Tensor<double> relu(const Tensor<double>&);
template Tensor<float> relu(const Tensor<float>&);
template Tensor<double> sigmoid(const Tensor<double>&);
template Tensor<float> sigmoid(const Tensor<float>&);
template Tensor<double> tanh(const Tensor<double>&);
template Tensor<float> tanh(const Tensor<float>&);

}  // namespace bp::autograd
