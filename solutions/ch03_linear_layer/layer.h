/// \file
/// \brief The interface every layer of chapters 3–7 implements: forward, backward, parameters.
#pragma once

#include <vector>

#include "parameter.h"

namespace bp::nn {

/// A layer maps a batch X (features_in, N) to Y (features_out, N) and back-propagates
/// dY (features_out, N) to dX (features_in, N), keeping what backward needs from forward.
/// \tparam T  double or float
template <typename T>
class Layer {
 public:
  virtual ~Layer() = default;
  /// \param X  the input batch, one sample per column
  /// \return   the output batch
  virtual Matrix<T> forward(const Matrix<T>& X) = 0;
  /// \param dY  ∂L/∂(output of the last forward), the output's shape
  /// \return    ∂L/∂(input of the last forward), the input's shape
  virtual Matrix<T> backward(const Matrix<T>& dY) = 0;
  /// \return views of the parameters and their gradients (none for an activation)
  virtual std::vector<Parameter<T>> parameters() { return {}; }

  /// Switches between training mode (the default) and evaluation mode. Only layers that
  /// behave differently while training, such as chapter 7's Dropout, look at it.
  /// \param training  true to train, false to evaluate
  virtual void set_training(bool training) { training_ = training; }
  /// \return true in training mode
  bool training() const { return training_; }

  /// Whether backward must return ∂L/∂X (the default). A network's first layer may skip it, as
  /// PyTorch does for data that does not require a gradient: then backward still computes the
  /// parameters' gradients but returns an empty (0, N) matrix, saving the product Wᵀ dY.
  /// \param needed  false to skip ∂L/∂X
  void set_input_gradient(bool needed) { input_gradient_ = needed; }
  /// \return whether backward returns ∂L/∂X
  bool input_gradient() const { return input_gradient_; }

 private:
  bool training_ = true;
  bool input_gradient_ = true;
};

}  // namespace bp::nn
