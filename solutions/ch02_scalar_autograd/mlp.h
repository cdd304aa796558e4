/// \file
/// \brief Task ch02.8: a scalar neural network (Neuron, Layer, MLP) built from Values.
///
/// The shapes are micrograd's: a Neuron with n inputs has n weights and one bias; a Layer of m
/// neurons maps n inputs to m outputs; an MLP chains layers. Every layer but the last applies
/// ReLU; the last is linear (its outputs are scores).
#pragma once

#include <cstddef>
#include <vector>

#include "bp/random.h"
#include "value.h"

namespace bp::autograd {

/// One unit: relu(Σᵢ wᵢxᵢ + b), or Σᵢ wᵢxᵢ + b when linear.
class Neuron {
 public:
  /// Weights uniform in [−1, 1), bias 0 (micrograd's initialisation).
  /// \param inputs     n, the number of inputs
  /// \param nonlinear  apply ReLU to the output
  /// \param rng        the seeded engine the weights are drawn from
  Neuron(std::size_t inputs, bool nonlinear, Rng& rng);

  /// The neuron's output for one input. Task ch02.8.
  /// \param x  n inputs
  /// \return   one Value
  /// \throws bp::ShapeError if x does not have n entries
  Value operator()(const std::vector<Value>& x) const;

  /// \return the n weights, then the bias
  std::vector<Value> parameters() const;

 private:
  std::vector<Value> w_;  // (n)
  Value b_;
  bool nonlinear_;
};

/// m neurons that see the same n inputs.
class Layer {
 public:
  /// \param inputs     n, the number of inputs
  /// \param outputs    m, the number of neurons
  /// \param nonlinear  apply ReLU to every output
  /// \param rng        the seeded engine the weights are drawn from
  Layer(std::size_t inputs, std::size_t outputs, bool nonlinear, Rng& rng);

  /// Every neuron's output for one input. Task ch02.8.
  /// \param x  n inputs
  /// \return   m outputs
  std::vector<Value> operator()(const std::vector<Value>& x) const;

  /// \return every neuron's parameters, neuron by neuron
  std::vector<Value> parameters() const;

 private:
  std::vector<Neuron> neurons_;  // (m)
};

/// A multilayer perceptron: sizes n → h₁ → … → out, ReLU between layers, linear at the end.
class MLP {
 public:
  /// \param inputs  n, the number of inputs
  /// \param sizes   the width of each layer, the last being the number of outputs
  /// \param rng     the seeded engine the weights are drawn from
  MLP(std::size_t inputs, const std::vector<std::size_t>& sizes, Rng& rng);

  /// The network's outputs for one input, layer after layer. Task ch02.8.
  /// \param x  n inputs
  /// \return   one Value per output
  std::vector<Value> operator()(const std::vector<Value>& x) const;

  /// \return every parameter, layer by layer
  std::vector<Value> parameters() const;

  /// Sets the gradient of every parameter to 0 (before the next backward()).
  void zero_grad() const;

 private:
  std::vector<Layer> layers_;
};

}  // namespace bp::autograd
