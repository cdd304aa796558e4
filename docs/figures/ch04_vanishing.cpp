// Measures vanishing gradients for chapter 4: a stack of 10 Linear(64, 64) layers, each followed
// by sigmoid, tanh or ReLU, at initialisation (PyTorch's default U(±1/√64)), on a batch of 128
// standard normal inputs. It back-propagates a random ∂L/∂(output) and records, for every layer,
// three Frobenius norms: ‖X‖ of the layer's input, ‖dZ‖ of the back-propagated gradient at its
// pre-activation Z = W X + b 1ᵀ (what the layer's backward receives), and ‖dW‖ = ‖dZ Xᵀ‖ of its
// weight gradient. Writes ch04_vanishing.dat (one row per layer, first layer first) and checks
// the numbers chapter 4 quotes (ch04_vanishing_values.h).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "activations.h"
#include "bp/random.h"
#include "ch04_vanishing_values.h"
#include "linear.h"
#include "quoted.h"

namespace {

using bp::nn::Linear;
using bp::nn::Matrix;

constexpr std::size_t kDepth = 10;
constexpr Eigen::Index kWidth = 64, kBatch = 128;

struct Norms {
  std::vector<double> X, dZ, dW;  // per layer, first layer first
};

template <typename Activation>
Norms measure() {
  bp::Rng rng(1);
  std::vector<Linear<double>> linears;
  std::vector<Activation> activations(kDepth);
  linears.reserve(kDepth);
  for (std::size_t l = 0; l < kDepth; ++l) linears.emplace_back(kWidth, kWidth, rng);
  Norms n{std::vector<double>(kDepth), std::vector<double>(kDepth), std::vector<double>(kDepth)};
  Matrix<double> h = bp::random_normal(kWidth, kBatch, rng);
  for (std::size_t l = 0; l < kDepth; ++l) {
    n.X[l] = h.norm();
    h = activations[l].forward(linears[l].forward(h));
  }
  Matrix<double> grad = bp::random_normal(kWidth, kBatch, rng);
  for (std::size_t l = kDepth; l-- > 0;) {
    const Matrix<double> dZ = activations[l].backward(grad);
    n.dZ[l] = dZ.norm();
    grad = linears[l].backward(dZ);
    n.dW[l] = linears[l].dW().norm();
  }
  return n;
}

// (first / last)^(1/9): the mean factor per layer from the last layer back to the first.
double per_layer(const std::vector<double>& v) {
  return std::pow(v.front() / v.back(), 1.0 / static_cast<double>(kDepth - 1));
}

// The smallest and the largest factor of one step back, v[l] / v[l + 1].
std::pair<double, double> step_range(const std::vector<double>& v) {
  double lo = INFINITY, hi = 0.0;
  for (std::size_t l = 0; l + 1 < v.size(); ++l) {
    lo = std::min(lo, v[l] / v[l + 1]);
    hi = std::max(hi, v[l] / v[l + 1]);
  }
  return {lo, hi};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch04_vanishing OUTPUT_DIR\n");
    return 2;
  }
  const Norms sigmoid = measure<bp::nn::Sigmoid<double>>();
  const Norms tanh = measure<bp::nn::Tanh<double>>();
  const Norms relu = measure<bp::nn::Relu<double>>();
  const std::string path = std::string(argv[1]) + "/ch04_vanishing.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch04_vanishing: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out,
               "# layer  |dW| sigmoid  |dW| tanh  |dW| relu  |dZ| sigmoid  |dZ| tanh  |dZ| relu"
               "  |X| sigmoid  |X| tanh  |X| relu\n");
  for (std::size_t l = 0; l < kDepth; ++l) {
    std::fprintf(out, "%zu %.6e %.6e %.6e %.6e %.6e %.6e %.6e %.6e %.6e\n", l + 1, sigmoid.dW[l],
                 tanh.dW[l], relu.dW[l], sigmoid.dZ[l], tanh.dZ[l], relu.dZ[l], sigmoid.X[l],
                 tanh.X[l], relu.X[l]);
  }
  std::fclose(out);

  namespace v = ch04_vanishing_values;
  bp::figures::Quoted q("ch04_vanishing", "docs/figures/ch04_vanishing_values.h");
  // E[f'(z)²]: at most 1/16 for sigmoid, about 1 for tanh near 0, about 1/2 for ReLU.
  const struct {
    const char* name;
    const Norms& n;
    const v::Row& row;
    double mean_square_slope;
  } rows[] = {{"sigmoid", sigmoid, v::kSigmoid, 1.0 / 16.0},
              {"tanh", tanh, v::kTanh, 1.0},
              {"ReLU", relu, v::kRelu, 0.5}};
  for (const auto& r : rows) {
    const std::string a = r.name;
    q.check(a + " ‖dW‖ of layer 1", r.n.dW.front(), r.row.dW_first, 4);
    q.check(a + " ‖dW‖ of layer 10", r.n.dW.back(), r.row.dW_last, 4);
    q.check(a + " ‖dW‖ per layer", per_layer(r.n.dW), r.row.dW_per_layer, 3);
    q.check(a + " ‖dZ‖ of layer 1", r.n.dZ.front(), r.row.dZ_first, 4);
    q.check(a + " ‖dZ‖ of layer 10", r.n.dZ.back(), r.row.dZ_last, 4);
    q.check(a + " ‖dZ‖ per layer", per_layer(r.n.dZ), r.row.dZ_per_layer, 3);
    const auto [lo, hi] = step_range(r.n.dZ);
    q.check(a + " smallest ‖dZ‖ factor of one layer", lo, r.row.dZ_step_min, 3);
    q.check(a + " largest ‖dZ‖ factor of one layer", hi, r.row.dZ_step_max, 3);
    q.check(a + " ‖X‖ of layer 1", r.n.X[0], r.row.X_first, 3);
    q.check(a + " ‖X‖ of layer 2", r.n.X[1], r.row.X_second, 3);
    q.check(a + " ‖X‖ of layer 10", r.n.X.back(), r.row.X_last, 3);
    q.check(a + "'s estimate √(E[f'²]/3)", std::sqrt(r.mean_square_slope / 3.0), r.row.estimate, 3);
  }
  return q.status();
}
