/// \file
/// \brief Tasks ch04.1–ch04.4: activation layers on batches, forward and backward.
///
/// Each maps Z (features, N) to A (features, N) and back-propagates dA (features, N) to
/// dZ (features, N). Sigmoid, Tanh, ReLU and LeakyReLU act on every entry alone, so their
/// backward is dZ = dA ⊙ f'(Z). Softmax mixes the entries of each column (each sample); its
/// backward is a vector–Jacobian product computed without building the Jacobian.
///
/// Empty batches (N = 0) give empty results. Non-finite inputs are not errors: they propagate
/// as IEEE arithmetic says. Every finite input, however large (±1000), gives finite outputs and
/// gradients.
#pragma once

#include "layer.h"

namespace bp::nn {

/// σ(z) = 1 / (1 + e⁻ᶻ), entry by entry; remembers A = σ(Z). Task ch04.1.
/// \tparam T  double or float
template <typename T = double>
class Sigmoid : public Layer<T> {
 public:
  /// \param Z  (features, N)
  /// \return   A = σ(Z), (features, N), every entry in [0, 1], finite for any finite Z
  Matrix<T> forward(const Matrix<T>& Z) override;
  /// \param dA  (features, N), the shape of the last forward's output
  /// \return    dZ = dA ⊙ A ⊙ (1 − A), (features, N)
  /// \throws bp::ShapeError if dA does not have the last output's shape
  Matrix<T> backward(const Matrix<T>& dA) override;

 private:
  Matrix<T> A_;  // (features, N), the last output
};

/// tanh, entry by entry; remembers A = tanh(Z). Task ch04.2.
/// \tparam T  double or float
template <typename T = double>
class Tanh : public Layer<T> {
 public:
  /// \param Z  (features, N)
  /// \return   A = tanh(Z), (features, N)
  Matrix<T> forward(const Matrix<T>& Z) override;
  /// \param dA  (features, N)
  /// \return    dZ = dA ⊙ (1 − A²), (features, N)
  /// \throws bp::ShapeError if dA does not have the last output's shape
  Matrix<T> backward(const Matrix<T>& dA) override;

 private:
  Matrix<T> A_;  // (features, N)
};

/// max(0, z), entry by entry; remembers Z. ReLU'(0) = 0, as in chapter 1. Task ch04.3.
/// \tparam T  double or float
template <typename T = double>
class Relu : public Layer<T> {
 public:
  /// \param Z  (features, N)
  /// \return   A = max(0, Z), (features, N)
  Matrix<T> forward(const Matrix<T>& Z) override;
  /// \param dA  (features, N)
  /// \return    dZ = dA ⊙ [Z > 0], (features, N)
  /// \throws bp::ShapeError if dA does not have the last input's shape
  Matrix<T> backward(const Matrix<T>& dA) override;

 private:
  Matrix<T> Z_;  // (features, N), the last input
};

/// z for z > 0, slope·z otherwise; LeakyReLU'(0) = slope, as in chapter 1. Task ch04.3.
/// \tparam T  double or float
template <typename T = double>
class LeakyRelu : public Layer<T> {
 public:
  /// \param slope  the gradient on the negative side, such as 0.01
  explicit LeakyRelu(T slope = T(0.01)) : slope_(slope) {}
  /// \param Z  (features, N)
  /// \return   A, (features, N)
  Matrix<T> forward(const Matrix<T>& Z) override;
  /// \param dA  (features, N)
  /// \return    dZ = dA ⊙ ([Z > 0] + slope·[Z ≤ 0]), (features, N)
  /// \throws bp::ShapeError if dA does not have the last input's shape
  Matrix<T> backward(const Matrix<T>& dA) override;

 private:
  T slope_;
  Matrix<T> Z_;  // (features, N)
};

/// Softmax of each column: sₖ = e^(zₖ − m) / Σⱼ e^(zⱼ − m), with m the column's maximum so that
/// no exponential overflows. Remembers S. Task ch04.4.
/// \tparam T  double or float
template <typename T = double>
class Softmax : public Layer<T> {
 public:
  /// \param Z  (classes, N)
  /// \return   S, (classes, N), each column positive and summing to 1
  Matrix<T> forward(const Matrix<T>& Z) override;
  /// The vector–Jacobian product, column by column: dz = s ⊙ (ds − (sᵀds)·1), without the
  /// (classes × classes) Jacobian diag(s) − s sᵀ.
  /// \param dS  (classes, N)
  /// \return    dZ, (classes, N)
  /// \throws bp::ShapeError if dS does not have the last output's shape
  Matrix<T> backward(const Matrix<T>& dS) override;

 private:
  Matrix<T> S_;  // (classes, N)
};

extern template class Sigmoid<double>;
extern template class Sigmoid<float>;
extern template class Tanh<double>;
extern template class Tanh<float>;
extern template class Relu<double>;
extern template class Relu<float>;
extern template class LeakyRelu<double>;
extern template class LeakyRelu<float>;
extern template class Softmax<double>;
extern template class Softmax<float>;

}  // namespace bp::nn
