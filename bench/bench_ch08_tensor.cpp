// Worked example (C)'s training with chapter 8's tensor engine, timed side by side with chapter 7's
// hand-written network in the same process: 784-64-64-10, ReLU, softmax cross-entropy, SGD 0.01,
// float32, one thread, 60,000 random images (speed does not depend on the pixels), the same
// batches for both. For batch sizes 32, 128 and 256 it prints samples/s and the time per step of
// each (the median of 3 epochs, the two engines alternating epoch by epoch), and their ratio.
// Then, at the first batch size, where a step's time goes in each, what two of the engine's choices
// buy, and what the graph itself costs: the same graph built, differentiated and freed on 1×1
// matrices, so that only the bookkeeping is left. Every time is the CPU time the process used, not
// the wall clock (see cpu_seconds). Compare with PyTorch: bench/ch08_pytorch.py.
//
//   bench_ch08_tensor [batch ...]   (default: 32 128 256)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>  // clock_gettime
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include "bench_util.h"
#include "losses.h"
#include "minibatch.h"
#include "module.h"
#include "network.h"
#include "optimizers.h"
#include "tensor_ops.h"
#include "tensor_training.h"

namespace {

using bp::bench::batch_sizes;
using bp::bench::median;

// The CPU time of this process, in seconds, not the wall clock. One thread does all the work, and
// the machine the course is developed on is shared: other jobs stretch wall-clock times unevenly,
// from one epoch to the next, but not the CPU time the training itself uses.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}
using bp::autograd::Tensor;
using bp::nn::Matrix;

constexpr long kSamples = 60000;
constexpr long kSizes[] = {784, 64, 64, 10};

double seconds_since(double start) { return cpu_seconds() - start; }

std::string cpu_name() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

bp::nn::MlpSpec example_c() {
  bp::nn::MlpSpec spec;
  spec.sizes.assign(std::begin(kSizes), std::end(kSizes));
  return spec;
}

// Microseconds per step of each phase, over one epoch.
struct Phases {
  double gather = 0, forward = 0, backward = 0, update = 0, free = 0;
};

// One epoch of the engine's step written out (tensor_training.cpp's train_step), timed phase by
// phase.
Phases engine_phases(bp::nn::MlpModule<float>& model, const Matrix<float>& X,
                     const std::vector<int>& labels, long batch, bp::Rng& rng) {
  bp::optim::Sgd<float> sgd(0.01f);
  const std::vector<Eigen::Index> order = bp::nn::shuffled_order(X.cols(), rng);
  Phases sum;
  long steps = 0;
  for (Eigen::Index start = 0; start + batch <= X.cols(); start += batch, ++steps) {
    const std::span<const Eigen::Index> rows(order.data() + start, static_cast<std::size_t>(batch));
    auto t = cpu_seconds();
    std::vector<float> dummy;
    {
      const Tensor<float> inputs(bp::nn::take(X, rows));
      const std::vector<int> y = bp::nn::take(labels, rows);
      sum.gather += seconds_since(t);
      t = cpu_seconds();
      Tensor<float> loss = softmax_cross_entropy(model.forward(inputs), y);
      sum.forward += seconds_since(t);
      t = cpu_seconds();
      model.zero_grad();
      loss.backward();
      sum.backward += seconds_since(t);
      t = cpu_seconds();
      std::vector<bp::nn::Parameter<float>> params = model.parameters();
      sgd.step(params);
      sum.update += seconds_since(t);
      t = cpu_seconds();
    }  // the loss and the batch go: the graph is freed
    sum.free += seconds_since(t);
  }
  const double per_step = 1e6 / static_cast<double>(steps);
  return {sum.gather * per_step, sum.forward * per_step, sum.backward * per_step,
          sum.update * per_step, sum.free * per_step};
}

// The same for chapter 7's network (minibatch.cpp's train_step written out).
Phases hand_written_phases(bp::nn::Sequential<float>& model, const Matrix<float>& X,
                           const std::vector<int>& labels, long batch, bp::Rng& rng) {
  bp::optim::Sgd<float> sgd(0.01f);
  const std::vector<Eigen::Index> order = bp::nn::shuffled_order(X.cols(), rng);
  Phases sum;
  long steps = 0;
  for (Eigen::Index start = 0; start + batch <= X.cols(); start += batch, ++steps) {
    const std::span<const Eigen::Index> rows(order.data() + start, static_cast<std::size_t>(batch));
    auto t = cpu_seconds();
    const Matrix<float> inputs = bp::nn::take(X, rows);
    const std::vector<int> y = bp::nn::take(labels, rows);
    sum.gather += seconds_since(t);
    t = cpu_seconds();
    const bp::nn::LossAndGradient<float> loss =
        bp::nn::softmax_cross_entropy(model.forward(inputs), y);
    sum.forward += seconds_since(t);
    t = cpu_seconds();
    model.backward(loss.gradient);
    sum.backward += seconds_since(t);
    t = cpu_seconds();
    std::vector<bp::nn::Parameter<float>> params = model.parameters();
    sgd.step(params);
    sum.update += seconds_since(t);
  }
  const double per_step = 1e6 / static_cast<double>(steps);
  return {sum.gather * per_step, sum.forward * per_step, sum.backward * per_step,
          sum.update * per_step, 0};
}

// What two of the engine's choices buy, measured by undoing each: one epoch of the engine's step
// with the batch requiring a gradient (so its rule also forms dX = W1ᵀ dY, which nothing reads),
// or with the batch copied into its leaf instead of moved. Returns microseconds per step.
enum class Variant { AsShipped, InputRequiresGrad, BatchCopied };
double engine_step_time(const Matrix<float>& X, const std::vector<int>& labels, long batch,
                        Variant variant) {
  bp::Rng weights(2), rng(3);
  bp::nn::MlpModule<float> model(example_c(), weights);
  bp::optim::Sgd<float> sgd(0.01f);
  const std::vector<Eigen::Index> order = bp::nn::shuffled_order(X.cols(), rng);
  long steps = 0;
  const double start = cpu_seconds();
  for (Eigen::Index first = 0; first + batch <= X.cols(); first += batch, ++steps) {
    const std::span<const Eigen::Index> rows(order.data() + first, static_cast<std::size_t>(batch));
    Matrix<float> gathered = bp::nn::take(X, rows);
    const bp::autograd::LeafOptions options{.requires_grad = variant == Variant::InputRequiresGrad};
    const Tensor<float> inputs = variant == Variant::BatchCopied
                                     ? Tensor<float>(gathered, options)  // a copy
                                     : Tensor<float>(std::move(gathered), options);
    bp::nn::train_step(model, sgd, inputs, bp::nn::take(labels, rows));
  }
  return seconds_since(start) / static_cast<double>(steps) * 1e6;
}

// (C)'s graph on 1×1 "matrices": every node, rule, traversal and allocation of a step, and almost
// no arithmetic. Returns microseconds per step (median of 5 runs of 20,000 steps).
double bookkeeping_per_step(std::size_t& nodes) {
  const auto leaf = [](float v) {
    return Tensor<float>(Matrix<float>::Constant(1, 1, v), {.requires_grad = true});
  };
  const Tensor<float> W1 = leaf(0.5f), b1 = leaf(0.1f), W2 = leaf(0.4f), b2 = leaf(0.1f),
                      W3 = leaf(0.3f), b3 = leaf(0.1f);
  std::vector<double> runs;
  for (int run = 0; run < 5; ++run) {
    const auto start = cpu_seconds();
    for (int step = 0; step < 20000; ++step) {
      const Tensor<float> X(Matrix<float>::Constant(1, 1, 1.0f));
      const Tensor<float> H1 = relu(matmul(W1, X) + b1);
      const Tensor<float> H2 = relu(matmul(W2, H1) + b2);
      const Tensor<float> loss = softmax_cross_entropy(matmul(W3, H2) + b3, {0});
      if (step == 0) nodes = bp::autograd::topological_order(loss.node()).size();
      for (const Tensor<float>& p : {W1, b1, W2, b2, W3, b3}) p.node().grad.setZero();
      loss.backward();
    }
    runs.push_back(seconds_since(start) / 20000 * 1e6);
  }
  return median(runs);
}

void print_phases(const char* name, const Phases& p) {
  std::printf(
      "  %-13s gather %5.1f  forward %5.1f  backward %5.1f  update %4.1f  free %4.1f"
      "  = %5.1f us\n",
      name, p.gather, p.forward, p.backward, p.update, p.free,
      p.gather + p.forward + p.backward + p.update + p.free);
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

  std::printf(
      "worked example (C), float32, one thread, %ld samples per epoch; times are CPU "
      "time, not wall-clock\n",
      kSamples);
  std::printf("machine: %s; products: Eigen %d.%d.%d's own (no BLAS), one thread\n",
              cpu_name().c_str(), EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION);
  std::printf("%8s %16s %16s %14s %14s %10s\n", "batch", "tensor samples/s", "hand samples/s",
              "tensor us/step", "hand us/step", "time ratio");
  for (const long batch : batches) {
    bp::Rng same_weights(2), other(2);
    bp::nn::MlpModule<float> engine(example_c(), same_weights);
    bp::nn::Sequential<float> by_hand = bp::nn::make_mlp<float>(example_c(), other);
    bp::optim::Sgd<float> sgd(0.01f), sgd_by_hand(0.01f);
    std::vector<double> engine_epochs, hand_epochs;
    for (int e = 0; e < 3; ++e) {  // alternating, so that both see the same machine
      auto start = cpu_seconds();
      bp::nn::train_epoch(engine, sgd, X, labels, batch, rng);
      engine_epochs.push_back(seconds_since(start));
      start = cpu_seconds();
      bp::nn::train_epoch(by_hand, loss, sgd_by_hand, X, labels, batch, rng);
      hand_epochs.push_back(seconds_since(start));
    }
    const double steps = static_cast<double>((kSamples + batch - 1) / batch);
    const double engine_s = median(engine_epochs), hand_s = median(hand_epochs);
    std::printf("%8ld %16.0f %16.0f %14.1f %14.1f %9.2fx\n", batch, kSamples / engine_s,
                kSamples / hand_s, engine_s / steps * 1e6, hand_s / steps * 1e6, engine_s / hand_s);
  }

  const long batch = batches.front();
  std::printf("\nwhere a step's time goes at batch %ld (microseconds, one epoch each):\n", batch);
  bp::Rng same_weights(2), other(2);
  bp::nn::MlpModule<float> engine(example_c(), same_weights);
  bp::nn::Sequential<float> by_hand = bp::nn::make_mlp<float>(example_c(), other);
  print_phases("tensor engine", engine_phases(engine, X, labels, batch, rng));
  print_phases("hand-written", hand_written_phases(by_hand, X, labels, batch, rng));
  std::vector<double> shipped, requiring, copied;
  for (int round = 0; round < 3; ++round) {  // alternating, so that all three see the same machine
    shipped.push_back(engine_step_time(X, labels, batch, Variant::AsShipped));
    requiring.push_back(engine_step_time(X, labels, batch, Variant::InputRequiresGrad));
    copied.push_back(engine_step_time(X, labels, batch, Variant::BatchCopied));
  }
  std::printf(
      "what the engine's choices buy (microseconds per step, median of 3 epochs):\n"
      "  as shipped %.1f;  with the batch requiring a gradient %.1f;  with the batch copied "
      "into the graph %.1f\n",
      median(shipped), median(requiring), median(copied));
  std::size_t nodes = 0;
  const double bookkeeping = bookkeeping_per_step(nodes);
  std::printf(
      "the graph alone: %zu nodes per step; built, differentiated and freed on 1x1 "
      "matrices in %.2f us per step\n",
      nodes, bookkeeping);
  return 0;
}
