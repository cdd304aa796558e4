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
  bp::todo("ch07.4", "keep each entry with probability 1-p, scaled by 1/(1-p); store the mask");
  // [ch07.4/forward]
}

template <typename T>
Matrix<T> Dropout<T>::backward(const Matrix<T>& dY) {
  if (mask_.size() == 0 && dY.size() != 0) {
    return dY;  // the last forward ran in evaluation mode: the identity
  }
  require_same_shape("Dropout::backward", "dY", dY, "the last output", mask_);
  // [ch07.4/backward]
  bp::todo("ch07.4", "return dY times the mask of the last forward, entry by entry");
  // [ch07.4/backward]
}

template class Dropout<double>;
template class Dropout<float>;

}  // namespace bp::nn
