// Task ch08.2: addition and subtraction, including the bias: a column added to every column of a
// batch. Its gradient is chapter 3's db = dY 1, the sum over the batch.
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "tensor_ops.h"

namespace bp::autograd {
namespace {

// Y = A + s·B with s = +1 (A + B) or −1 (A − B).  A, Y (r, c); B (r, c), or a column (r, 1)
// added to every one of the c columns, as the bias in W X + b.
template <typename T>
Matrix<T> add_forward(const Matrix<T>& A, const Matrix<T>& B, T s) {
  // [ch08.2/forward]
  if (B.cols() == A.cols()) {
    return A + s * B;
  }
  Matrix<T> Y = A;
  Y.colwise() += s * B.col(0);  // the column B goes into every column of Y
  return Y;
  // [ch08.2/forward]
}

// dY brought back to B's shape. An operand of Y's shape gets dY itself. A column (r, 1) that was
// added to all N columns of Y affects each of them, so its gradient is the sum of theirs:
// (r, N) → (r, 1). ([[maybe_unused]]: the stub of the backward pass does not call it yet.)
template <typename T>
[[maybe_unused]] Matrix<T> sum_to_shape_of(const Matrix<T>& dY, const Matrix<T>& B) {
  // [ch08.2/broadcast]
  if (B.cols() == dY.cols()) {
    return dY;
  }
  return dY.rowwise().sum();  // Σₙ dY⋅ₙ, over the batch
  // [ch08.2/broadcast]
}

// In the forward pass this was Y = A + s·B, so dA = dY and dB = s·dY, summed back to B's shape.
// The sign s is Y.scalar.
template <typename T>
void add_backward(const TensorNode<T>& Y, TensorNode<T>& A, TensorNode<T>& B) {
  // [ch08.2/backward]
  if (A.requires_grad) A.grad += Y.grad;
  if (B.requires_grad) B.grad += Y.scalar * sum_to_shape_of(Y.grad, B.value);
  // [ch08.2/backward]
}

template <typename T>
Tensor<T> add_or_subtract(const char* function, const char* op, const Tensor<T>& A,
                          const Tensor<T>& B, T s) {
  const bool same_shape = A.rows() == B.rows() && A.cols() == B.cols();
  const bool column = A.rows() == B.rows() && B.cols() == 1;
  if (!same_shape && !column) {
    throw ShapeError(std::string(function) + ": A has shape " + shape_of(A.value()) +
                     " and B has shape " + shape_of(B.value()) + ": B must have A's shape, or be " +
                     "a column " + shape_string(A.rows(), 1) + " added to every column of A");
  }
  Tensor<T> Y = record(op, add_forward(A.value(), B.value(), s), &add_backward<T>, A, B);
  Y.node().scalar = s;
  return Y;
}

}  // namespace

template <typename T>
Tensor<T> operator+(const Tensor<T>& A, const Tensor<T>& B) {
  return add_or_subtract("operator+", "+", A, B, T(1));
}

template <typename T>
Tensor<T> operator-(const Tensor<T>& A, const Tensor<T>& B) {
  return add_or_subtract("operator-", "-", A, B, T(-1));
}

template Tensor<double> operator+(const Tensor<double>&, const Tensor<double>&);
template Tensor<float> operator+(const Tensor<float>&, const Tensor<float>&);
template Tensor<double> operator-(const Tensor<double>&, const Tensor<double>&);
template Tensor<float> operator-(const Tensor<float>&, const Tensor<float>&);

}  // namespace bp::autograd
