#include "activations.h"

#include <cmath>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {

template <typename T>
Matrix<T> Sigmoid<T>::forward(const Matrix<T>& Z) {
  // [ch04.1/forward]
  bp::todo("ch04.1", "store and return A = sigmoid(Z) entry by entry, without overflow");
  // [ch04.1/forward]
}

template <typename T>
Matrix<T> Sigmoid<T>::backward(const Matrix<T>& dA) {
  require_same_shape("Sigmoid::backward", "dA", dA, "the last output", A_);
  // [ch04.1/backward]
  bp::todo("ch04.1", "return dZ = dA * A * (1 - A), entry by entry");
  // [ch04.1/backward]
}

template <typename T>
Matrix<T> Tanh<T>::forward(const Matrix<T>& Z) {
  // [ch04.2/forward]
  bp::todo("ch04.2", "store and return A = tanh(Z) entry by entry");
  // [ch04.2/forward]
}

template <typename T>
Matrix<T> Tanh<T>::backward(const Matrix<T>& dA) {
  require_same_shape("Tanh::backward", "dA", dA, "the last output", A_);
  // [ch04.2/backward]
  bp::todo("ch04.2", "return dZ = dA * (1 - A^2), entry by entry");
  // [ch04.2/backward]
}

template <typename T>
Matrix<T> Relu<T>::forward(const Matrix<T>& Z) {
  Z_ = Z;
  // [ch04.3/relu_forward]
  bp::todo("ch04.3", "return max(0, Z) entry by entry");
  // [ch04.3/relu_forward]
}

template <typename T>
Matrix<T> Relu<T>::backward(const Matrix<T>& dA) {
  require_same_shape("Relu::backward", "dA", dA, "the last input", Z_);
  // [ch04.3/relu_backward]
  bp::todo("ch04.3", "return dA where Z > 0, and 0 elsewhere (0 at the kink too)");
  // [ch04.3/relu_backward]
}

template <typename T>
Matrix<T> LeakyRelu<T>::forward(const Matrix<T>& Z) {
  Z_ = Z;
  // [ch04.3/leaky_forward]
  bp::todo("ch04.3", "return Z where Z > 0, and slope * Z elsewhere");
  // [ch04.3/leaky_forward]
}

template <typename T>
Matrix<T> LeakyRelu<T>::backward(const Matrix<T>& dA) {
  require_same_shape("LeakyRelu::backward", "dA", dA, "the last input", Z_);
  // [ch04.3/leaky_backward]
  bp::todo("ch04.3", "return dA where Z > 0, and slope * dA elsewhere (and at 0)");
  // [ch04.3/leaky_backward]
}

template <typename T>
Matrix<T> Softmax<T>::forward(const Matrix<T>& Z) {
  // [ch04.4/forward]
  bp::todo("ch04.4", "store and return the softmax of each column, max subtracted first");
  // [ch04.4/forward]
}

template <typename T>
Matrix<T> Softmax<T>::backward(const Matrix<T>& dS) {
  require_same_shape("Softmax::backward", "dS", dS, "the last output", S_);
  // [ch04.4/backward]
  bp::todo("ch04.4", "return s * (ds - sum(s * ds)) per column, without the Jacobian");
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
