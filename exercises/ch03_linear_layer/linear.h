/// \file
/// \brief Tasks ch03.1 and ch03.2: the fully connected (linear) layer, Y = W X + b 1ᵀ.
#pragma once

#include <vector>

#include "bp/random.h"
#include "layer.h"
#include "parameter.h"

namespace bp::nn {

/// A linear layer with `in` inputs and `out` outputs, on batches whose samples are columns.
///
/// Shapes: X (in, N), W (out, in), b (out), Y (out, N), and each gradient has its variable's
/// shape: dY (out, N), dX (in, N), dW (out, in), db (out).
/// \tparam T  double (gradient-checked) or float
template <typename T = double>
class Linear : public Layer<T> {
 public:
  /// Weights and bias uniform in [−1/√in, 1/√in), PyTorch's default for nn.Linear.
  /// \param in   the number of input features, ≥ 1
  /// \param out  the number of output features, ≥ 1
  /// \param rng  the seeded engine the parameters are drawn from
  Linear(Eigen::Index in, Eigen::Index out, Rng& rng);

  /// A layer with the given parameters.
  /// \param W  (out, in)
  /// \param b  (out)
  /// \throws bp::ShapeError if b does not have W.rows() entries
  Linear(Matrix<T> W, Vector<T> b);

  /// Y = W X + b 1ᵀ; keeps X for backward. Task ch03.1.
  /// \param X  (in, N), N ≥ 0
  /// \return   Y, (out, N)
  /// \throws bp::ShapeError if X does not have `in` rows
  Matrix<T> forward(const Matrix<T>& X) override;

  /// From dY = ∂L/∂Y, stores dW = dY Xᵀ and db = dY 1 (row sums) and returns dX = Wᵀ dY.
  /// Task ch03.2.
  /// \param dY  (out, N), the same N as the last forward
  /// \return    dX, (in, N); (0, N) if set_input_gradient(false) was called
  /// \throws bp::ShapeError if dY is not (out, N); std::logic_error before any forward
  Matrix<T> backward(const Matrix<T>& dY) override;

  /// \return W, (out, in)
  const Matrix<T>& W() const { return W_; }
  /// \return b, (out)
  const Vector<T>& b() const { return b_; }
  /// \return dW from the last backward, (out, in)
  const Matrix<T>& dW() const { return dW_; }
  /// \return db from the last backward, (out)
  const Vector<T>& db() const { return db_; }
  /// \return the number of input features
  Eigen::Index in_features() const { return W_.cols(); }
  /// \return the number of output features
  Eigen::Index out_features() const { return W_.rows(); }

  /// \return views of W and b with their gradients, for an optimizer (valid while the layer
  ///         lives; moving the layer keeps them valid, copying does not)
  std::vector<Parameter<T>> parameters() override;

 private:
  Matrix<T> W_;   // (out, in)
  Vector<T> b_;   // (out)
  Matrix<T> dW_;  // (out, in)
  Vector<T> db_;  // (out)
  Matrix<T> X_;   // (in, N), the input of the last forward
  bool has_input_ = false;
};

extern template class Linear<double>;
extern template class Linear<float>;

}  // namespace bp::nn
