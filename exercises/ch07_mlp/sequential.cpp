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
  bp::todo("ch07.1", "run each layer on the previous output, first to last; return the last");
  // [ch07.1/forward]
}

template <typename T>
Matrix<T> Sequential<T>::backward(const Matrix<T>& dY) {
  // [ch07.1/backward]
  bp::todo("ch07.1", "run each layer's backward on the next one's result, last to first");
  // [ch07.1/backward]
}

template <typename T>
std::vector<Parameter<T>> Sequential<T>::parameters() {
  // [ch07.1/parameters]
  bp::todo("ch07.1", "collect every layer's parameters(), first layer first");
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
