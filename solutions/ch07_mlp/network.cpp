#include "network.h"

#include <string>

#include "activations.h"
#include "bp/shape.h"
#include "dropout.h"
#include "init.h"
#include "linear.h"

namespace bp::nn {

template <typename T>
Sequential<T> make_mlp(const MlpSpec& spec, Rng& rng) {
  if (spec.sizes.size() < 2) {
    throw ValueError("make_mlp: need at least two sizes (inputs and outputs), got " +
                     std::to_string(spec.sizes.size()));
  }
  Sequential<T> net;
  for (std::size_t i = 0; i + 1 < spec.sizes.size(); ++i) {
    const Eigen::Index in = spec.sizes[i], out = spec.sizes[i + 1];
    if (in < 1 || out < 1) {
      throw ValueError("make_mlp: layer sizes must be at least 1, got " + std::to_string(in) +
                       " -> " + std::to_string(out) + " for layer " + std::to_string(i));
    }
    switch (spec.init) {
      case Init::PyTorch:
        net.template emplace<Linear<T>>(in, out, rng);
        break;
      case Init::Xavier:
        net.template emplace<Linear<T>>(xavier_uniform<T>(out, in, rng), Vector<T>::Zero(out));
        break;
      case Init::He:
        net.template emplace<Linear<T>>(he_normal<T>(out, in, rng), Vector<T>::Zero(out));
        break;
    }
    if (i == 0) {
      net.layer(0).set_input_gradient(spec.input_gradient);
    }
    if (i + 2 == spec.sizes.size()) break;  // the output layer: logits, no activation
    if (spec.hidden == Hidden::Relu) {
      net.template emplace<Relu<T>>();
    } else {
      net.template emplace<Tanh<T>>();
    }
    if (spec.dropout > 0) {
      net.template emplace<Dropout<T>>(spec.dropout, rng());
    }
  }
  return net;
}

template Sequential<double> make_mlp<double>(const MlpSpec&, Rng&);
template Sequential<float> make_mlp<float>(const MlpSpec&, Rng&);

}  // namespace bp::nn
