#include "mlp.h"

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::autograd {

Neuron::Neuron(std::size_t inputs, bool nonlinear, Rng& rng) : b_(0.0), nonlinear_(nonlinear) {
  w_.reserve(inputs);
  for (std::size_t i = 0; i < inputs; ++i) {
    w_.emplace_back(uniform(rng, -1.0, 1.0));
  }
}

Value Neuron::operator()(const std::vector<Value>& x) const {
  require_same_size("Neuron::operator()", "inputs", x.size(), "weights", w_.size());
  // [ch02.8/neuron]
  Value sum = b_;
  for (std::size_t i = 0; i < w_.size(); ++i) {
    sum += w_[i] * x[i];
  }
  return nonlinear_ ? relu(sum) : sum;
  // [ch02.8/neuron]
}

std::vector<Value> Neuron::parameters() const {
  std::vector<Value> params = w_;
  params.push_back(b_);
  return params;
}

Layer::Layer(std::size_t inputs, std::size_t outputs, bool nonlinear, Rng& rng) {
  neurons_.reserve(outputs);
  for (std::size_t j = 0; j < outputs; ++j) {
    neurons_.emplace_back(inputs, nonlinear, rng);
  }
}

std::vector<Value> Layer::operator()(const std::vector<Value>& x) const {
  // [ch02.8/layer]
  std::vector<Value> out;
  out.reserve(neurons_.size());
  for (const Neuron& neuron : neurons_) {
    out.push_back(neuron(x));
  }
  return out;
  // [ch02.8/layer]
}

std::vector<Value> Layer::parameters() const {
  std::vector<Value> params;
  for (const Neuron& neuron : neurons_) {
    for (const Value& p : neuron.parameters()) {
      params.push_back(p);
    }
  }
  return params;
}

MLP::MLP(std::size_t inputs, const std::vector<std::size_t>& sizes, Rng& rng) {
  std::size_t fan_in = inputs;
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    layers_.emplace_back(fan_in, sizes[k], /*nonlinear=*/k + 1 < sizes.size(), rng);
    fan_in = sizes[k];
  }
}

std::vector<Value> MLP::operator()(const std::vector<Value>& x) const {
  // [ch02.8/mlp]
  std::vector<Value> activations = x;
  for (const Layer& layer : layers_) {
    activations = layer(activations);
  }
  return activations;
  // [ch02.8/mlp]
}

std::vector<Value> MLP::parameters() const {
  std::vector<Value> params;
  for (const Layer& layer : layers_) {
    for (const Value& p : layer.parameters()) {
      params.push_back(p);
    }
  }
  return params;
}

void MLP::zero_grad() const {
  for (const Value& p : parameters()) {
    p.node().grad = 0.0;
  }
}

}  // namespace bp::autograd
