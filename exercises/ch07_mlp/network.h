/// \file
/// \brief Building a multilayer perceptron from chapters 3, 4 and 7's parts.
#pragma once

#include <vector>

#include "bp/random.h"
#include "sequential.h"

namespace bp::nn {

/// How a network's weights are drawn. Biases start at zero for Xavier and He.
enum class Init {
  PyTorch,  ///< U[−1/√fan_in, 1/√fan_in) for weights and biases: Linear's own constructor
  Xavier,   ///< xavier_uniform: for tanh networks
  He,       ///< he_normal: for ReLU networks
};

/// The nonlinearity between two linear layers.
enum class Hidden { Relu, Tanh };

/// What make_mlp builds.
struct MlpSpec {
  std::vector<Eigen::Index> sizes;  ///< {inputs, hidden…, outputs}, each ≥ 1, at least two
  Hidden hidden = Hidden::Relu;     ///< the activation after every linear layer but the last
  Init init = Init::He;             ///< how weights are drawn
  double dropout = 0;               ///< a Dropout(p) after every activation when p > 0
  /// Whether backward returns ∂L/∂X. The input is data, so by default the first layer skips it
  /// (Layer::set_input_gradient), which saves a third of the first layer's work.
  bool input_gradient = false;
};

/// Linear, activation, [Dropout,] Linear, activation, …, Linear: the last layer outputs
/// logits (no activation; the loss applies softmax or sigmoid itself).
/// \param spec  the layer sizes, activation, initialisation and dropout
/// \param rng   the seeded engine the weights (and dropout seeds) are drawn from
/// \return      the network, in training mode
/// \throws bp::ValueError if there are fewer than two sizes or a size is less than 1
template <typename T>
Sequential<T> make_mlp(const MlpSpec& spec, Rng& rng);

}  // namespace bp::nn
