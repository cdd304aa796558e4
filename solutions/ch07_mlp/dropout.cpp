#include "dropout.h"

#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {

template <typename T>
Dropout<T>::Dropout(double p, std::uint64_t seed) : p_(p), rng_(seed) {
  if (!(p >= 0.0 && p < 1.0)) {
    throw ValueError("Dropout: p must be in [0, 1), got " + std::to_string(p));
  }
}

template <typename T>
Matrix<T> Dropout<T>::forward(const Matrix<T>& X) {
  if (!this->training()) {
    mask_.resize(0, 0);
    return X;
  }
  // [ch07.4/forward]
  const T keep_scale = T(1.0 / (1.0 - p_));  // so that E[kept · scale] = the input
  mask_ =
      random_uniform(X.rows(), X.cols(), rng_, 0.0, 1.0).unaryExpr([this, keep_scale](double u) {
        return u >= p_ ? keep_scale : T(0);
      });
  return X.cwiseProduct(mask_);
  // [ch07.4/forward]
}

template <typename T>
Matrix<T> Dropout<T>::backward(const Matrix<T>& dY) {
  if (mask_.size() == 0 && dY.size() != 0) {
    return dY;  // the last forward ran in evaluation mode: the identity
  }
  require_same_shape("Dropout::backward", "dY", dY, "the last output", mask_);
  // [ch07.4/backward]
  return dY.cwiseProduct(mask_);  // Y = X ⊙ M, so ∂L/∂X = ∂L/∂Y ⊙ M
  // [ch07.4/backward]
}

template class Dropout<double>;
template class Dropout<float>;

}  // namespace bp::nn
