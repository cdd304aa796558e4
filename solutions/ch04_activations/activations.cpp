#include "activations.h"

#include <cmath>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {

template <typename T>
Matrix<T> Sigmoid<T>::forward(const Matrix<T>& Z) {
  // [ch04.1/forward]
  // e^(−z) overflows for z = −1000; with e = e^(−|z|) ≤ 1, both branches are safe.
  A_ = Z.unaryExpr([](T z) {
    const T e = std::exp(-std::abs(z));
    return z >= T(0) ? T(1) / (T(1) + e) : e / (T(1) + e);
  });
  return A_;
  // [ch04.1/forward]
}

template <typename T>
Matrix<T> Sigmoid<T>::backward(const Matrix<T>& dA) {
  require_same_shape("Sigmoid::backward", "dA", dA, "the last output", A_);
  // [ch04.1/backward]
  return dA.cwiseProduct(A_.cwiseProduct((T(1) - A_.array()).matrix()));  // σ' = σ(1 − σ)
  // [ch04.1/backward]
}

template <typename T>
Matrix<T> Tanh<T>::forward(const Matrix<T>& Z) {
  // [ch04.2/forward]
  A_ = Z.array().tanh().matrix();
  return A_;
  // [ch04.2/forward]
}

template <typename T>
Matrix<T> Tanh<T>::backward(const Matrix<T>& dA) {
  require_same_shape("Tanh::backward", "dA", dA, "the last output", A_);
  // [ch04.2/backward]
  return (dA.array() * (T(1) - A_.array().square())).matrix();  // tanh' = 1 − tanh²
  // [ch04.2/backward]
}

template <typename T>
Matrix<T> Relu<T>::forward(const Matrix<T>& Z) {
  Z_ = Z;
  // [ch04.3/relu_forward]
  return Z.cwiseMax(T(0));
  // [ch04.3/relu_forward]
}

template <typename T>
Matrix<T> Relu<T>::backward(const Matrix<T>& dA) {
  require_same_shape("Relu::backward", "dA", dA, "the last input", Z_);
  // [ch04.3/relu_backward]
  return (Z_.array() > T(0)).select(dA, T(0));  // the mask [Z > 0]: 0 at the kink
  // [ch04.3/relu_backward]
}

template <typename T>
Matrix<T> LeakyRelu<T>::forward(const Matrix<T>& Z) {
  Z_ = Z;
  // [ch04.3/leaky_forward]
  return (Z.array() > T(0)).select(Z, slope_ * Z);
  // [ch04.3/leaky_forward]
}

template <typename T>
Matrix<T> LeakyRelu<T>::backward(const Matrix<T>& dA) {
  require_same_shape("LeakyRelu::backward", "dA", dA, "the last input", Z_);
  // [ch04.3/leaky_backward]
  return (Z_.array() > T(0)).select(dA, slope_ * dA);  // slope on the negative side and at 0
  // [ch04.3/leaky_backward]
}

template <typename T>
Matrix<T> Softmax<T>::forward(const Matrix<T>& Z) {
  // [ch04.4/forward]
  // Subtracting each column's maximum changes nothing mathematically (it cancels between the
  // numerator and the denominator) and keeps every exponent ≤ 0, so nothing overflows.
  const Eigen::Matrix<T, 1, Eigen::Dynamic> max = Z.colwise().maxCoeff();
  Matrix<T> E = (Z.rowwise() - max).array().exp().matrix();
  const Eigen::Matrix<T, 1, Eigen::Dynamic> sums = E.colwise().sum();
  S_ = E.array().rowwise() / sums.array();
  return S_;
  // [ch04.4/forward]
}

template <typename T>
Matrix<T> Softmax<T>::backward(const Matrix<T>& dS) {
  require_same_shape("Softmax::backward", "dS", dS, "the last output", S_);
  // [ch04.4/backward]
  // Per column, J = diag(s) − s sᵀ, so Jᵀ ds = s ⊙ ds − s (sᵀ ds): O(classes), not O(classes²).
  const Eigen::Matrix<T, 1, Eigen::Dynamic> dots = S_.cwiseProduct(dS).colwise().sum();  // (1, N)
  return S_.cwiseProduct((dS.rowwise() - dots).matrix());
  // [ch04.4/backward]
}

template class Sigmoid<double>;
template class Sigmoid<float>;
template class Tanh<double>;
template class Tanh<float>;
template class Relu<double>;
template class Relu<float>;
template class LeakyRelu<double>;
template class LeakyRelu<float>;
template class Softmax<double>;
template class Softmax<float>;

}  // namespace bp::nn
