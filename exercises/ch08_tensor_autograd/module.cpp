#include "module.h"

#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "tensor_ops.h"

namespace bp::nn {

using autograd::Tensor;

template <typename T>
std::vector<Parameter<T>> Module<T>::parameters() {
  std::vector<Parameter<T>> views;
  for (const Tensor<T>& p : parameter_tensors()) {
    autograd::TensorNode<T>& leaf = p.node();  // lives as long as the module holds p
    views.push_back(view_of(leaf.label, leaf.value, leaf.grad));
  }
  return views;
}

template <typename T>
void Module<T>::zero_grad() {
  for (const Tensor<T>& p : parameter_tensors()) {
    p.node().grad.setZero();  // in place: the views keep pointing at the same storage
  }
}

template <typename T>
LinearModule<T>::LinearModule(const Matrix<T>& W, const Vector<T>& b)
    : W_(W, {.requires_grad = true, .label = "W"}), b_(b, {.requires_grad = true, .label = "b"}) {
  require_shape("LinearModule", "b", b, W.rows(), 1);
}

template <typename T>
Tensor<T> LinearModule<T>::forward(const Tensor<T>& X) const {
  // [ch08.8/linear]
  bp::todo("ch08.8", "return W X + b as tensor operations");
  // [ch08.8/linear]
}

template <typename T>
MlpModule<T>::MlpModule(const MlpSpec& spec, Rng& rng) : hidden_(spec.hidden) {
  if (spec.dropout > 0) {
    throw ValueError(
        "MlpModule: dropout is not one of chapter 8's operations; use make_mlp for a "
        "network with dropout");
  }
  Sequential<T> reference = make_mlp<T>(spec, rng);  // the same draws, in the same order
  const std::vector<Parameter<T>> p = reference.parameters();
  for (std::size_t k = 0; k + 1 < p.size(); k += 2) {
    layers_.emplace_back(p[k].value, p[k + 1].value);
    const std::string layer = std::to_string(k / 2 + 1);
    layers_.back().W().node().label = "W" + layer;
    layers_.back().b().node().label = "b" + layer;
  }
}

template <typename T>
Tensor<T> MlpModule<T>::forward(const Tensor<T>& X) const {
  // [ch08.8/mlp]
  bp::todo("ch08.8", "run each layer; apply the hidden activation after every layer but the last");
  // [ch08.8/mlp]
}

template <typename T>
std::vector<Tensor<T>> MlpModule<T>::parameter_tensors() const {
  std::vector<Tensor<T>> all;
  for (const LinearModule<T>& layer : layers_) {
    all.push_back(layer.W());
    all.push_back(layer.b());
  }
  return all;
}

template class Module<double>;
template class Module<float>;
template class LinearModule<double>;
template class LinearModule<float>;
template class MlpModule<double>;
template class MlpModule<float>;

}  // namespace bp::nn
