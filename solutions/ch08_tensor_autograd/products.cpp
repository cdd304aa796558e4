// Task ch08.3: the entrywise product and the scalar multiple. Both act on each entry alone, so
// their Jacobians are diagonal and each vector–Jacobian product is an entrywise product again,
// like chapter 4's activations.
#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "tensor_ops.h"

namespace bp::autograd {
namespace {

// Y = A ⊙ B.  A, B, Y (r, c).
template <typename T>
Matrix<T> mul_forward(const Matrix<T>& A, const Matrix<T>& B) {
  // [ch08.3/mul_forward]
  return A.cwiseProduct(B);
  // [ch08.3/mul_forward]
}

// In the forward pass Yᵢⱼ = Aᵢⱼ·Bᵢⱼ, so ∂Yᵢⱼ/∂Aᵢⱼ = Bᵢⱼ and ∂Yᵢⱼ/∂Bᵢⱼ = Aᵢⱼ:
//   dA = dY ⊙ B,  dB = dY ⊙ A  (r, c).
template <typename T>
void mul_backward(const TensorNode<T>& Y, TensorNode<T>& A, TensorNode<T>& B) {
  // [ch08.3/mul_backward]
  if (A.requires_grad) A.grad += Y.grad.cwiseProduct(B.value);
  if (B.requires_grad) B.grad += Y.grad.cwiseProduct(A.value);
  // [ch08.3/mul_backward]
}

// Y = s·X.  X, Y (r, c); s a constant.
template <typename T>
Matrix<T> scale_forward(const Matrix<T>& X, T s) {
  // [ch08.3/scale_forward]
  return s * X;
  // [ch08.3/scale_forward]
}

// In the forward pass Y = s·X, so dX = s·dY. The constant s is Y.scalar.
template <typename T>
void scale_backward(const TensorNode<T>& Y, TensorNode<T>& X) {
  // [ch08.3/scale_backward]
  X.grad += Y.scalar * Y.grad;
  // [ch08.3/scale_backward]
}

}  // namespace

template <typename T>
Tensor<T> mul(const Tensor<T>& A, const Tensor<T>& B) {
  if (A.rows() != B.rows() || A.cols() != B.cols()) {
    throw ShapeError("mul: A has shape " + shape_of(A.value()) + " and B has shape " +
                     shape_of(B.value()) + ": an entrywise product needs equal shapes");
  }
  return record("mul", mul_forward(A.value(), B.value()), &mul_backward<T>, A, B);
}

template <typename T>
Tensor<T> operator*(double s, const Tensor<T>& X) {
  const T constant = static_cast<T>(s);
  Tensor<T> Y = record("scale", scale_forward(X.value(), constant), &scale_backward<T>, X);
  Y.node().scalar = constant;
  return Y;
}

template Tensor<double> mul(const Tensor<double>&, const Tensor<double>&);
template Tensor<float> mul(const Tensor<float>&, const Tensor<float>&);
template Tensor<double> operator*(double, const Tensor<double>&);
template Tensor<float> operator*(double, const Tensor<float>&);

}  // namespace bp::autograd
