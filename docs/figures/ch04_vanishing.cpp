// Measures vanishing gradients for chapter 4: a stack of 10 Linear(64, 64) layers, each followed
// by sigmoid, tanh or ReLU, at initialisation (PyTorch's default U(±1/√64)), on a batch of 128
// standard normal inputs. It back-propagates a random ∂L/∂(output) and writes the norm ‖dW‖ of
// each layer's weight gradient to ch04_vanishing.dat (one row per layer, first layer first).
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "activations.h"
#include "bp/random.h"
#include "linear.h"

namespace {

using bp::nn::Layer;
using bp::nn::Linear;
using bp::nn::Matrix;

constexpr std::size_t kDepth = 10;
constexpr Eigen::Index kWidth = 64, kBatch = 128;

template <typename Activation>
std::vector<double> weight_gradient_norms() {
  bp::Rng rng(1);
  std::vector<Linear<double>> linears;
  std::vector<Activation> activations(kDepth);
  linears.reserve(kDepth);
  for (std::size_t l = 0; l < kDepth; ++l) linears.emplace_back(kWidth, kWidth, rng);
  Matrix<double> h = bp::random_normal(kWidth, kBatch, rng);
  for (std::size_t l = 0; l < kDepth; ++l) h = activations[l].forward(linears[l].forward(h));
  Matrix<double> grad = bp::random_normal(kWidth, kBatch, rng);
  std::vector<double> norms(kDepth);
  for (std::size_t l = kDepth; l-- > 0;) {
    grad = linears[l].backward(activations[l].backward(grad));
    norms[l] = linears[l].dW().norm();
  }
  return norms;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch04_vanishing OUTPUT_DIR\n");
    return 2;
  }
  const auto sigmoid = weight_gradient_norms<bp::nn::Sigmoid<double>>();
  const auto tanh = weight_gradient_norms<bp::nn::Tanh<double>>();
  const auto relu = weight_gradient_norms<bp::nn::Relu<double>>();
  const std::string path = std::string(argv[1]) + "/ch04_vanishing.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch04_vanishing: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out, "# layer  |dW| sigmoid  |dW| tanh  |dW| relu\n");
  for (std::size_t l = 0; l < kDepth; ++l) {
    std::fprintf(out, "%zu %.6e %.6e %.6e\n", l + 1, sigmoid[l], tanh[l], relu[l]);
  }
  std::fclose(out);
  return 0;
}
