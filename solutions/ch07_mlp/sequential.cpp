#include "sequential.h"

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {

template <typename T>
Sequential<T>& Sequential<T>::add(std::unique_ptr<Layer<T>> layer) {
  if (layer == nullptr) {
    throw ValueError("Sequential::add: the layer is null");
  }
  layers_.push_back(std::move(layer));
  return *this;
}

template <typename T>
Matrix<T> Sequential<T>::forward(const Matrix<T>& X) {
  // [ch07.1/forward]
  if (layers_.empty()) {
    return X;
  }
  Matrix<T> A = layers_.front()->forward(X);  // the first layer reads X itself: no copy of it
  for (std::size_t i = 1; i < layers_.size(); ++i) {
    A = layers_[i]->forward(A);  // (features of layer i's output, N)
  }
  return A;
  // [ch07.1/forward]
}

template <typename T>
Matrix<T> Sequential<T>::backward(const Matrix<T>& dY) {
  // [ch07.1/backward]
  Matrix<T> dA = dY;  // ∂L/∂(output of layer i), from the last layer back to the first
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
    dA = (*it)->backward(dA);
  }
  return dA;
  // [ch07.1/backward]
}

template <typename T>
std::vector<Parameter<T>> Sequential<T>::parameters() {
  // [ch07.1/parameters]
  std::vector<Parameter<T>> all;
  for (auto& layer : layers_) {
    for (Parameter<T>& p : layer->parameters()) {
      all.push_back(std::move(p));
    }
  }
  return all;
  // [ch07.1/parameters]
}

template <typename T>
void Sequential<T>::set_training(bool training) {
  Layer<T>::set_training(training);
  for (auto& layer : layers_) {
    layer->set_training(training);
  }
}

template class Sequential<double>;
template class Sequential<float>;

}  // namespace bp::nn
