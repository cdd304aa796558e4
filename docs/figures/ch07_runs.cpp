// Measures, for chapter 7, what the tests of its seeded runs assert only as bounds, so that the
// chapter can quote the numbers themselves: the signal through ten ReLU layers under He and under
// PyTorch's default initialisation (the test's seed 13, and seeds 1 to 20); worked example (D)'s
// prediction at (0.1, 0.9) for several batch sizes and numbers of epochs; and the loss of the XOR
// network after epochs 1, 50 and 200. Each run is the tests' own, from
// tests/ch07_mlp/seeded_runs.h. Writes ch07_runs.dat and checks the numbers chapter 7 quotes
// (ch07_runs_values.h).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "ch07_runs_values.h"
#include "quoted.h"
#include "seeded_runs.h"

namespace {

using bp::testing::runs::example_d_prediction;
using bp::testing::runs::signal_after_ten_relu_layers;

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
    const double prediction = example_d_prediction(run.batch_size, run.epochs);
    std::fprintf(out, "%d %d %.6f\n", run.batch_size, run.epochs, prediction);
    q.check("(D)'s prediction with batches of " + std::to_string(run.batch_size) + " after " +
                std::to_string(run.epochs) + " epochs",
            prediction, run.prediction, 4);
  }

  const std::vector<double> losses = bp::testing::runs::train_xor().epoch_losses;
  std::fprintf(out, "# XOR: epoch  mean loss\n");
  for (std::size_t e = 0; e < losses.size(); ++e) std::fprintf(out, "%zu %.6e\n", e + 1, losses[e]);
  std::fclose(out);
  q.check("the XOR loss of epoch 1", losses[0], v::kXorLossEpoch1, 3);
  q.check("the XOR loss of epoch 50", losses[49], v::kXorLossEpoch50, 2);
  q.check("the XOR loss of epoch 200", losses[199], v::kXorLossEpoch200, 2);
  return q.status();
}
