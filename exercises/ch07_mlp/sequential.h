/// \file
/// \brief Task ch07.1: a network as a sequence of layers, run forward and then backward.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "layer.h"

namespace bp::nn {

/// Layers applied one after another: Y = f_L(… f_2(f_1(X))). It is itself a Layer, so a
/// Sequential can hold another, and an optimizer sees every layer's parameters in one list.
///
/// Shapes: X (features_in, N) → Y (features_out, N); dY (features_out, N) → dX (features_in, N).
/// The layers must fit: each layer's output rows are the next layer's input rows.
/// \tparam T  double (gradient-checked) or float (trained)
template <typename T = double>
class Sequential : public Layer<T> {
 public:
  Sequential() = default;
  /// Moves the network with its layers (it owns them, so it cannot be copied).
  Sequential(Sequential&&) noexcept = default;
  /// Moves the network with its layers (it owns them, so it cannot be copied).
  /// \return *this
  Sequential& operator=(Sequential&&) noexcept = default;

  /// Appends a layer; the network owns it.
  /// \param layer  any Layer<T>, not null
  /// \return       *this, so that calls chain
  /// \throws bp::ValueError if layer is null
  Sequential& add(std::unique_ptr<Layer<T>> layer);

  /// Constructs a layer in place and appends it: net.emplace<Linear<float>>(784, 64, rng).
  /// \tparam L     the layer's type, derived from Layer<T>
  /// \param args   the layer constructor's arguments
  /// \return       the new layer, owned by the network
  template <typename L, typename... Args>
  L& emplace(Args&&... args) {
    auto layer = std::make_unique<L>(std::forward<Args>(args)...);
    L& ref = *layer;
    add(std::move(layer));
    return ref;
  }

  /// Runs every layer in order, each on the previous one's output. Task ch07.1.
  /// \param X  (features_in, N)
  /// \return   the last layer's output, (features_out, N); X itself if there are no layers
  /// \throws bp::ShapeError if a layer does not accept its input (the layer's own message)
  Matrix<T> forward(const Matrix<T>& X) override;

  /// Runs every layer's backward in reverse order, each on the gradient the next one returned.
  /// Task ch07.1.
  /// \param dY  ∂L/∂Y, (features_out, N)
  /// \return    ∂L/∂X, (features_in, N)
  Matrix<T> backward(const Matrix<T>& dY) override;

  /// \return every layer's parameter views, first layer first (W, b of layer 0, then layer 1's,
  ///         …); activations contribute none. Task ch07.1.
  std::vector<Parameter<T>> parameters() override;

  /// Sets the mode of the network and of every layer in it (Dropout drops only in training).
  /// \param training  true to train, false to evaluate
  void set_training(bool training) override;

  /// \return the number of layers
  std::size_t size() const { return layers_.size(); }
  /// \param i  0 ≤ i < size()
  /// \return   layer i
  /// \throws std::out_of_range if i ≥ size()
  Layer<T>& layer(std::size_t i) { return *layers_.at(i); }

 private:
  std::vector<std::unique_ptr<Layer<T>>> layers_;
};

/// Puts a layer in evaluation mode for as long as the guard lives, then restores its mode:
/// `EvaluationMode eval(model);` at the top of a function that evaluates.
template <typename T>
class EvaluationMode {
 public:
  /// \param layer  the layer or network to evaluate; it must outlive the guard
  explicit EvaluationMode(Layer<T>& layer) : layer_(layer), was_training_(layer.training()) {
    layer_.set_training(false);
  }
  ~EvaluationMode() { layer_.set_training(was_training_); }
  EvaluationMode(const EvaluationMode&) = delete;
  EvaluationMode& operator=(const EvaluationMode&) = delete;

 private:
  Layer<T>& layer_;
  bool was_training_;
};

extern template class Sequential<double>;
extern template class Sequential<float>;

}  // namespace bp::nn
