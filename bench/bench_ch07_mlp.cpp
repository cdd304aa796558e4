// Worked example (C)'s training, timed: 784-64-64-10, ReLU, softmax cross-entropy, SGD 0.01, in
// float32, one thread, on 60,000 random images (speed does not depend on the pixels). For batch
// sizes 32, 128 and 256 it prints samples/s (the median of 3 epochs) and the achieved GFLOP/s,
// counting 2·m·n·k per matrix product: 3 in the forward pass and 5 in the backward pass (dW of
// each Linear layer, dX of all but the first, whose input is data). It then times a large float32
// product (1024³) on this core, so the gap to the machine's limit is a printed ratio. Compare with
// PyTorch: bench/ch07_pytorch.py.
//
//   bench_ch07_mlp [batch ...]   (default: 32 128 256; e.g. `perf record bench_ch07_mlp 32`)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bench_util.h"
#include "losses.h"
#include "minibatch.h"
#include "network.h"
#include "optimizers.h"

namespace {

using bp::bench::batch_sizes;
using bp::bench::median;

using Clock = std::chrono::steady_clock;
using bp::nn::Matrix;

constexpr long kSamples = 60000;
constexpr long kSizes[] = {784, 64, 64, 10};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Floating-point operations of one training sample, counting the products actually computed:
// 2·in·out per product, three per Linear layer (Y = W X, dW = dY Xᵀ, dX = Wᵀ dY) except the
// first, which skips dX (the data needs no gradient: make_mlp's default).
double flops_per_sample() {
  double f = 0;
  for (std::size_t i = 0; i + 1 < std::size(kSizes); ++i) {
    f += (i == 0 ? 2 : 3) * 2.0 * static_cast<double>(kSizes[i] * kSizes[i + 1]);
  }
  return f;
}

double large_product_gflops() {
  constexpr long n = 1024;
  const Matrix<float> A = Matrix<float>::Random(n, n), B = Matrix<float>::Random(n, n);
  Matrix<float> C(n, n);
  C.noalias() = A * B;  // warm-up
  std::vector<double> rates;
  for (int r = 0; r < 5; ++r) {
    const auto start = Clock::now();
    C.noalias() = A * B;
    rates.push_back(2.0 * n * n * n / seconds_since(start) / 1e9);
  }
  std::printf("  (checksum %.3f)\n", static_cast<double>(C(0, 0)));
  return median(rates);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<long> batches = batch_sizes(argc, argv);
  bp::Rng rng(2);
  const Matrix<float> X = bp::random_uniform(784, kSamples, rng, 0.0, 1.0).cast<float>();
  std::vector<int> labels(kSamples);
  for (long n = 0; n < kSamples; ++n)
    labels[static_cast<std::size_t>(n)] = static_cast<int>(n % 10);
  const bp::nn::Objective<float, std::vector<int>> loss = [](const Matrix<float>& logits,
                                                             const std::vector<int>& y) {
    return bp::nn::softmax_cross_entropy(logits, y);
  };

  std::printf("worked example (C), float32, one thread, %ld samples per epoch\n", kSamples);
  std::printf("%8s %14s %10s %12s\n", "batch", "samples/s", "GFLOP/s", "s per epoch");
  double gflops_256 = 0;
  for (const long batch : batches) {
    bp::nn::MlpSpec spec;
    spec.sizes.assign(std::begin(kSizes), std::end(kSizes));
    bp::nn::Sequential<float> net = bp::nn::make_mlp<float>(spec, rng);
    bp::optim::Sgd<float> sgd(0.01f);
    std::vector<double> epochs;
    for (int e = 0; e < 3; ++e) {
      const auto start = Clock::now();
      bp::nn::train_epoch(net, loss, sgd, X, labels, batch, rng);
      epochs.push_back(seconds_since(start));
    }
    const double seconds = median(epochs);
    const double rate = kSamples / seconds;
    const double gflops = rate * flops_per_sample() / 1e9;
    if (batch == 256) gflops_256 = gflops;
    std::printf("%8ld %14.0f %10.1f %12.3f\n", batch, rate, gflops, seconds);
  }
  const double peak = large_product_gflops();
  std::printf("large product: %.1f GFLOP/s (1024 x 1024 x 1024, float32, median of 5)\n", peak);
  if (gflops_256 > 0) {
    std::printf("batch 256 reaches %.0f%% of the large product's GFLOP/s\n",
                100 * gflops_256 / peak);
  }
  return 0;
}
