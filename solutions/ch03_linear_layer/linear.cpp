#include "linear.h"

#include <cmath>
#include <stdexcept>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {

template <typename T>
Linear<T>::Linear(Eigen::Index in, Eigen::Index out, Rng& rng) {
  if (in < 1 || out < 1) {
    throw ValueError("Linear: in and out must be at least 1, got in = " + std::to_string(in) +
                     ", out = " + std::to_string(out));
  }
  const double bound = 1.0 / std::sqrt(static_cast<double>(in));
  W_ = random_uniform(out, in, rng, -bound, bound).template cast<T>();
  b_ = random_uniform(out, 1, rng, -bound, bound).template cast<T>();
  dW_ = Matrix<T>::Zero(out, in);
  db_ = Vector<T>::Zero(out);
}

template <typename T>
Linear<T>::Linear(Matrix<T> W, Vector<T> b) : W_(std::move(W)), b_(std::move(b)) {
  require_shape("Linear", "b", b_, W_.rows(), 1);
  dW_ = Matrix<T>::Zero(W_.rows(), W_.cols());
  db_ = Vector<T>::Zero(b_.rows());
}

template <typename T>
Matrix<T> Linear<T>::forward(const Matrix<T>& X) {
  require_shape("Linear::forward", "X", X, in_features(), -1);
  X_ = X;
  has_input_ = true;
  // [ch03.1]
  // (out, in)·(in, N) = (out, N); b is added to every column.
  Matrix<T> Y = W_ * X;
  Y.colwise() += b_;
  return Y;
  // [ch03.1]
}

template <typename T>
Matrix<T> Linear<T>::backward(const Matrix<T>& dY) {
  if (!has_input_) {
    throw std::logic_error("Linear::backward: called before forward (there is no input to use)");
  }
  require_shape("Linear::backward", "dY", dY, out_features(), X_.cols());
  // [ch03.2/parameters]
  dW_.noalias() = dY * X_.transpose();  // (out, N)·(N, in) = (out, in): Σₙ dYₙ Xₙᵀ
  db_ = dY.rowwise().sum();  // (out): b was added to every column, so its gradient sums them
  // [ch03.2/parameters]
  if (!this->input_gradient()) {
    return Matrix<T>(0, dY.cols());  // the network's input needs no gradient: skip Wᵀ dY
  }
  // [ch03.2/input]
  return W_.transpose() * dY;  // (in, out)·(out, N) = (in, N)
  // [ch03.2/input]
}

template <typename T>
std::vector<Parameter<T>> Linear<T>::parameters() {
  return {view_of("W", W_, dW_), view_of("b", b_, db_)};
}

template class Linear<double>;
template class Linear<float>;

}  // namespace bp::nn
