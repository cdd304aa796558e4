/// \file
/// \brief Task ch08.8: layers built from tensor operations, so that worked example (C)'s network
/// is a few lines and its backward pass is the engine's.
///
/// Shapes: X (in, N) → Y (out, N); W (out, in); b (out, 1). A module's parameters are leaf
/// tensors that require a gradient. Chapter 6's optimizers update them through the same
/// nn::Parameter views that chapter 7's Sequential hands out: each view aliases the leaf's value
/// and gradient, which never move or change shape, so every optimizer works unchanged.
#pragma once

#include <vector>

#include "bp/random.h"
#include "network.h"
#include "tensor.h"

namespace bp::nn {

/// A layer of the tensor engine: a forward pass made of tensor operations, and its parameters.
/// There is no backward(): the graph that forward() records is differentiated by
/// Tensor::backward().
/// \tparam T  double or float
template <typename T>
class Module {
 public:
  virtual ~Module() = default;
  /// \param X  (in, N)
  /// \return   (out, N), recorded in X's graph
  virtual autograd::Tensor<T> forward(const autograd::Tensor<T>& X) const = 0;
  /// \return the parameter leaves, in order (W, b of the first layer, then the next layer's, …)
  virtual std::vector<autograd::Tensor<T>> parameter_tensors() const = 0;

  /// \return views of every parameter's value and gradient, for chapter 6's optimizers, in the
  ///         order of parameter_tensors(); valid while the module lives
  std::vector<Parameter<T>> parameters();
  /// Sets every parameter's gradient to zero: leaves accumulate, so training does this before
  /// each backward(), as with chapter 2's MLP and PyTorch's optimizer.zero_grad().
  void zero_grad();
};

/// Y = W X + b 1ᵀ, chapter 3's linear layer with W and b as leaf tensors.
/// \tparam T  double or float
template <typename T>
class LinearModule : public Module<T> {
 public:
  /// \param W  (out, in)
  /// \param b  (out)
  /// \throws bp::ShapeError if b does not have W.rows() entries
  LinearModule(const Matrix<T>& W, const Vector<T>& b);
  /// matmul(W, X) + b. Task ch08.8.
  /// \param X  (in, N)
  /// \return   Y, (out, N)
  /// \throws bp::ShapeError (from matmul) if X does not have `in` rows
  autograd::Tensor<T> forward(const autograd::Tensor<T>& X) const override;
  /// \return {W, b}
  std::vector<autograd::Tensor<T>> parameter_tensors() const override { return {W_, b_}; }
  /// \return W, (out, in)
  const autograd::Tensor<T>& W() const { return W_; }
  /// \return b, (out, 1)
  const autograd::Tensor<T>& b() const { return b_; }

 private:
  autograd::Tensor<T> W_;  // (out, in)
  autograd::Tensor<T> b_;  // (out, 1)
};

/// Linear, activation, Linear, activation, …, Linear: the network chapter 7's make_mlp builds,
/// with the last layer's logits left for the loss.
/// \tparam T  double or float
template <typename T>
class MlpModule : public Module<T> {
 public:
  /// The network make_mlp(spec, rng) builds, with the same weights: it draws them by calling
  /// make_mlp, so the same seed gives chapter 7's network number for number.
  /// \param spec  the sizes, the hidden activation and the initialisation (no dropout)
  /// \param rng   the seeded engine the weights are drawn from
  /// \throws bp::ValueError if the spec asks for dropout, or as make_mlp does
  MlpModule(const MlpSpec& spec, Rng& rng);
  /// Every layer in order, the activation after each but the last. Task ch08.8.
  /// \param X  (sizes.front(), N)
  /// \return   the logits, (sizes.back(), N)
  autograd::Tensor<T> forward(const autograd::Tensor<T>& X) const override;
  /// \return W and b of every layer, first layer first
  std::vector<autograd::Tensor<T>> parameter_tensors() const override;
  /// \return the linear layers, first to last
  const std::vector<LinearModule<T>>& layers() const { return layers_; }

 private:
  std::vector<LinearModule<T>> layers_;
  Hidden hidden_;
};

extern template class Module<double>;
extern template class Module<float>;
extern template class LinearModule<double>;
extern template class LinearModule<float>;
extern template class MlpModule<double>;
extern template class MlpModule<float>;

}  // namespace bp::nn
