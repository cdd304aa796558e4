// Measures, for chapter 7, what the tests of its seeded runs assert only as bounds, so that the
// chapter can quote the numbers themselves: the signal through ten ReLU layers under He and under
// PyTorch's default initialisation (the test's seed 13, and seeds 1 to 20); worked example (D)'s
// prediction at (0.1, 0.9) for several batch sizes and numbers of epochs; and the loss of the XOR
// network after epochs 1, 50 and 200. Each run is the test's own setup. Writes ch07_runs.dat and
// checks the numbers chapter 7 quotes (ch07_runs_values.h).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "activations.h"
#include "bp/random.h"
#include "ch07_runs_values.h"
#include "losses.h"
#include "minibatch.h"
#include "network.h"
#include "optimizers.h"
#include "quoted.h"

namespace {

using bp::nn::Matrix;

// HeInit.KeepsTheSignalOfADeepReluNetwork: ‖Y‖² / ‖X‖² after ten ReLU layers of width 256.
double signal_after_ten_relu_layers(bp::nn::Init init, unsigned seed) {
  bp::Rng rng(seed);
  bp::nn::MlpSpec spec;
  spec.sizes.assign(11, 256);
  spec.init = init;
  bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  net.emplace<bp::nn::Relu<double>>();
  const Matrix<double> X = bp::random_normal(256, 200, rng);
  return net.forward(X).squaredNorm() / X.squaredNorm();
}

// WorkedExampleD.TheTwoFourOneReluNetworkLearnsXOneMinusXTwo, with a given batch size and number
// of epochs: the prediction at (0.1, 0.9).
double example_d(int batch_size, int epochs) {
  bp::Rng rng(3);
  const Matrix<double> X = bp::random_uniform(2, 1000, rng, 0.0, 1.0);
  const Matrix<double> y = X.row(0) - X.row(1);
  bp::nn::MlpSpec spec;
  spec.sizes = {2, 4, 1};
  bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  bp::optim::Sgd<double> sgd(0.01);
  const bp::nn::Objective<double, Matrix<double>> mse = [](const Matrix<double>& out,
                                                           const Matrix<double>& target) {
    return bp::nn::mse(out, target, bp::nn::Reduction::Mean);
  };
  bp::nn::fit(net, mse, sgd, X, y, static_cast<std::size_t>(epochs),
              static_cast<Eigen::Index>(batch_size), rng);
  Matrix<double> probe(2, 1);
  probe << 0.1, 0.9;
  return net.forward(probe)(0, 0);
}

// TrainingOnXor.ReachesFullAccuracy: the mean loss of every epoch.
std::vector<double> xor_losses() {
  Matrix<double> X(2, 4);
  X << 0, 0, 1, 1,  //
      0, 1, 0, 1;
  const std::vector<int> labels = {0, 1, 1, 0};
  bp::Rng rng(1);
  bp::nn::MlpSpec spec;
  spec.sizes = {2, 8, 2};
  spec.hidden = bp::nn::Hidden::Tanh;
  spec.init = bp::nn::Init::Xavier;
  bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  bp::optim::Adam<double> adam(0.05);
  const bp::nn::Objective<double, std::vector<int>> loss = [](const Matrix<double>& logits,
                                                              const std::vector<int>& y) {
    return bp::nn::softmax_cross_entropy(logits, y);
  };
  return bp::nn::fit(net, loss, adam, X, labels, 200, 4, rng);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch07_runs OUTPUT_DIR\n");
    return 2;
  }
  namespace v = ch07_runs_values;
  bp::figures::Quoted q("ch07_runs", "docs/figures/ch07_runs_values.h");
  const std::string path = std::string(argv[1]) + "/ch07_runs.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch07_runs: cannot write %s\n", path.c_str());
    return 1;
  }

  q.check("He's signal ratio, seed 13", signal_after_ten_relu_layers(bp::nn::Init::He, 13),
          v::kHeSeed13, 3);
  q.check("PyTorch's default signal ratio, seed 13",
          signal_after_ten_relu_layers(bp::nn::Init::PyTorch, 13), v::kDefaultSeed13, 2);
  double he_lo = 1e300, he_hi = 0.0, default_lo = 1e300, default_hi = 0.0;
  std::fprintf(out, "# seed  signal ratio (He)  signal ratio (PyTorch's default)\n");
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const double he = signal_after_ten_relu_layers(bp::nn::Init::He, seed);
    const double pytorch = signal_after_ten_relu_layers(bp::nn::Init::PyTorch, seed);
    std::fprintf(out, "%u %.6e %.6e\n", seed, he, pytorch);
    he_lo = std::min(he_lo, he);
    he_hi = std::max(he_hi, he);
    default_lo = std::min(default_lo, pytorch);
    default_hi = std::max(default_hi, pytorch);
  }
  q.check("He's smallest signal ratio over seeds 1 to 20", he_lo, v::kHeSeedsMin, 2);
  q.check("He's largest signal ratio over seeds 1 to 20", he_hi, v::kHeSeedsMax, 3);
  q.check("the default's smallest signal ratio over seeds 1 to 20", default_lo, v::kDefaultSeedsMin,
          2);
  q.check("the default's largest signal ratio over seeds 1 to 20", default_hi, v::kDefaultSeedsMax,
          2);

  std::fprintf(out, "# batch size  epochs  prediction at (0.1, 0.9)\n");
  for (const auto& run : v::kExampleD) {
    const double prediction = example_d(run.batch_size, run.epochs);
    std::fprintf(out, "%d %d %.6f\n", run.batch_size, run.epochs, prediction);
    q.check("(D)'s prediction with batches of " + std::to_string(run.batch_size) + " after " +
                std::to_string(run.epochs) + " epochs",
            prediction, run.prediction, 4);
  }

  const std::vector<double> losses = xor_losses();
  std::fprintf(out, "# XOR: epoch  mean loss\n");
  for (std::size_t e = 0; e < losses.size(); ++e) std::fprintf(out, "%zu %.6e\n", e + 1, losses[e]);
  std::fclose(out);
  q.check("the XOR loss of epoch 1", losses[0], v::kXorLossEpoch1, 3);
  q.check("the XOR loss of epoch 50", losses[49], v::kXorLossEpoch50, 2);
  q.check("the XOR loss of epoch 200", losses[199], v::kXorLossEpoch200, 2);
  return q.status();
}
