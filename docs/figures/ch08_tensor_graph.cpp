// Writes the picture of worked example (C)'s tensor graph (a DOT file) into the folder given as the
// first argument: the graph MlpModule's forward pass and the loss record for one batch of 32,
// after backward(), with the shape of every value and gradient. The notes build draws it.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "module.h"
#include "tensor_graphviz.h"
#include "tensor_ops.h"

int main(int argc, char** argv) {
  using bp::autograd::Tensor;
  if (argc != 2) {
    std::cerr << "usage: ch08_tensor_graph OUTPUT_DIR\n";
    return 2;
  }
  bp::nn::MlpSpec spec;
  spec.sizes = {784, 64, 64, 10};  // (C)
  bp::Rng rng(2);
  const bp::nn::MlpModule<float> model(spec, rng);
  const Tensor<float> X(bp::random_uniform(784, 32, rng, 0.0, 1.0).cast<float>(), {.label = "X"});
  std::vector<int> labels(32);
  for (std::size_t n = 0; n < labels.size(); ++n) labels[n] = static_cast<int>(n % 10);
  Tensor<float> loss = softmax_cross_entropy(model.forward(X), labels);
  loss.set_label("L");
  loss.backward();

  // Name the intermediate results by layer: W1 X, Z1 = W1 X + b1, H1 = relu(Z1), …
  int layer = 0;
  for (bp::autograd::TensorNode<float>* node : bp::autograd::topological_order(loss.node())) {
    const std::string op = node->op, k = std::to_string(layer);
    if (op == "matmul") {
      ++layer;
      node->label = "W" + std::to_string(layer) + (layer == 1 ? " X" : " H" + k);
    } else if (op == "+") {
      node->label = "Z" + k;
    } else if (op == "relu") {
      node->label = "H" + k;
    }
  }
  const std::string dot = bp::autograd::to_dot(loss);
  std::ofstream out(std::string(argv[1]) + "/ch08_tensor_graph.dot");
  out << dot;
  if (!out) {
    std::cerr << "ch08_tensor_graph: cannot write into " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
