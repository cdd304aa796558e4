// Task ch08.1: the matrix product, forward and backward. Chapter 3's linear layer computed
// Y = W X and, backwards, dW = dY Xᵀ and dX = Wᵀ dY: the same two products, now the rule of a node.
#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "tensor_ops.h"

namespace bp::autograd {
namespace {

// Y = A·B.  A (m, k), B (k, n), Y (m, n).
template <typename T>
Matrix<T> matmul_forward(const Matrix<T>& A, const Matrix<T>& B) {
  // [ch08.1/forward]
  bp::todo("ch08.1", "return the matrix product A·B, (m, n)");
  // [ch08.1/forward]
}

// In the forward pass this was Y = A·B, so Yᵢⱼ = Σₖ Aᵢₖ Bₖⱼ and
//   dA = dY·Bᵀ  (m, n)·(n, k) = (m, k),     dB = Aᵀ·dY  (k, m)·(m, n) = (k, n).
// An operand that does not require a gradient (data) has no grad to add to: skip its product.
template <typename T>
void matmul_backward(const TensorNode<T>& Y, TensorNode<T>& A, TensorNode<T>& B) {
  // [ch08.1/backward]
  bp::todo("ch08.1", "add dY·Bᵀ to A.grad and Aᵀ·dY to B.grad, each if it requires_grad");
  // [ch08.1/backward]
}

}  // namespace

template <typename T>
Tensor<T> matmul(const Tensor<T>& A, const Tensor<T>& B) {
  if (A.cols() != B.rows()) {
    throw ShapeError("matmul: A has shape " + shape_of(A.value()) + " and B has shape " +
                     shape_of(B.value()) + ": A's columns must equal B's rows");
  }
  return record("matmul", matmul_forward(A.value(), B.value()), &matmul_backward<T>, A, B);
}

template Tensor<double> matmul(const Tensor<double>&, const Tensor<double>&);
template Tensor<float> matmul(const Tensor<float>&, const Tensor<float>&);

}  // namespace bp::autograd
