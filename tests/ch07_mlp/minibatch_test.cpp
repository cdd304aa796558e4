// Task ch07.3: one training step, and an epoch of shuffled mini-batches. The objectives here are
// spies: besides returning a loss, they look at every batch the loop hands them and check that
// each input arrived with its own target.
#include "minibatch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bp/testing/assertions.h"
#include "linear.h"
#include "optimizers.h"

namespace {

using bp::nn::Linear;
using bp::nn::LossAndGradient;
using bp::nn::Matrix;
using bp::nn::Sequential;
using bp::testing::IsNear;
using bp::testing::MatrixNear;

// N samples whose only feature is the sample's number n, with label n % 3 and regression target
// 10·n: the objective can tell from a batch which samples it holds and whether they are paired.
constexpr int kSamples = 10;
Matrix<double> numbered_inputs() {
  Matrix<double> X(1, kSamples);
  for (int n = 0; n < kSamples; ++n) X(0, n) = n;
  return X;
}
std::vector<int> numbered_labels() {
  std::vector<int> labels(kSamples);
  for (std::size_t n = 0; n < labels.size(); ++n) labels[n] = static_cast<int>(n % 3);
  return labels;
}

// An identity network: one Linear(1→1) with W = 1, b = 0; the spies return a zero gradient, so
// the model's output is its input, batch after batch.
Sequential<double> identity_network() {
  Sequential<double> net;
  net.emplace<Linear<double>>(Matrix<double>::Ones(1, 1), bp::nn::Vector<double>::Zero(1));
  return net;
}

// Records the sample numbers of each batch and counts pairs whose label is not n % 3.
struct Spy {
  std::vector<std::vector<int>> batches;
  int mismatched = 0;
  bp::nn::Objective<double, std::vector<int>> objective() {
    return [this](const Matrix<double>& output, const std::vector<int>& labels) {
      std::vector<int> ids;
      for (Eigen::Index j = 0; j < output.cols(); ++j) {
        const int n = static_cast<int>(std::lround(output(0, j)));
        ids.push_back(n);
        const auto k = static_cast<std::size_t>(j);
        if (k >= labels.size() || labels[k] != n % 3) ++mismatched;
      }
      batches.push_back(ids);
      return LossAndGradient<double>{static_cast<double>(batches.size()),
                                     Matrix<double>::Zero(output.rows(), output.cols())};
    };
  }
};

// An objective whose k-th call (k = 1, 2, …) returns the loss loss(k) and a zero gradient.
bp::nn::Objective<double, std::vector<int>> scripted_objective(std::function<double(int)> loss) {
  auto calls = std::make_shared<int>(0);
  return [calls, loss](const Matrix<double>& out, const std::vector<int>&) {
    return LossAndGradient<double>{loss(++*calls), Matrix<double>::Zero(out.rows(), out.cols())};
  };
}

TEST(MinibatchEpoch, VisitsEverySampleOnceWithItsOwnLabel) {
  Sequential<double> net = identity_network();
  bp::optim::Sgd<double> sgd(0.1);
  bp::Rng rng(5);
  Spy spy;
  const std::vector<double> losses =
      bp::nn::train_epoch(net, spy.objective(), sgd, numbered_inputs(), numbered_labels(), 4, rng);

  ASSERT_EQ(spy.batches.size(), 3u) << "10 samples in batches of 4: 4, 4 and a last batch of 2.";
  EXPECT_EQ(spy.batches[0].size(), 4u);
  EXPECT_EQ(spy.batches[2].size(), 2u) << "The last batch holds the samples that are left.";
  std::multiset<int> seen;
  for (const auto& batch : spy.batches) seen.insert(batch.begin(), batch.end());
  std::multiset<int> all;
  for (int n = 0; n < kSamples; ++n) all.insert(n);
  EXPECT_EQ(seen, all) << "An epoch visits every sample exactly once.";
  EXPECT_EQ(spy.mismatched, 0)
      << "Some inputs arrived with another sample's label: shuffle the inputs and the targets "
         "with the same order, or the network learns noise.";
  EXPECT_EQ(losses, (std::vector<double>{1, 2, 3})) << "train_epoch returns every batch's loss.";
}

// At every boundary of the batch size, an epoch of N = 10 makes ⌈N/B⌉ batches, all full but
// perhaps the last, and visits every sample once: B = 1 (10 batches), 5 (two of 5), 9 (9 and 1),
// 10 (one of 10) and 11 (one of 10). A loop that runs while start <= N adds an empty batch
// whenever B divides N.
TEST(MinibatchEpoch, MakesOneBatchPerBSamplesAtEveryBoundary) {
  for (Eigen::Index B : {1, 5, 9, 10, 11}) {
    Sequential<double> net = identity_network();
    bp::optim::Sgd<double> sgd(0.1);
    bp::Rng rng(7);
    Spy spy;
    const std::vector<double> losses = bp::nn::train_epoch(
        net, spy.objective(), sgd, numbered_inputs(), numbered_labels(), B, rng);
    const std::size_t expected = static_cast<std::size_t>((kSamples + B - 1) / B);
    ASSERT_EQ(spy.batches.size(), expected) << "batch size " << B << ": ⌈10/" << B << "⌉ batches";
    EXPECT_EQ(losses.size(), expected) << "batch size " << B;
    std::multiset<int> seen;
    for (std::size_t k = 0; k < spy.batches.size(); ++k) {
      const std::size_t full = static_cast<std::size_t>(B < kSamples ? B : kSamples);
      const std::size_t size = spy.batches[k].size();
      EXPECT_TRUE(k + 1 < spy.batches.size() ? size == full : size >= 1 && size <= full)
          << "batch " << k << " of size " << size << " with batch size " << B;
      seen.insert(spy.batches[k].begin(), spy.batches[k].end());
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(kSamples)) << "batch size " << B;
    EXPECT_EQ(std::set<int>(seen.begin(), seen.end()).size(), static_cast<std::size_t>(kSamples))
        << "every sample exactly once, batch size " << B;
  }
}

TEST(MinibatchEpoch, ShufflesWithTheSeedAndDifferentlyEachEpoch) {
  const auto order_of_epochs = [](std::uint64_t seed) {
    Sequential<double> net = identity_network();
    bp::optim::Sgd<double> sgd(0.1);
    bp::Rng rng(seed);
    Spy spy;
    for (int epoch = 0; epoch < 2; ++epoch) {
      bp::nn::train_epoch(net, spy.objective(), sgd, numbered_inputs(), numbered_labels(), kSamples,
                          rng);
    }
    return spy.batches;  // one batch per epoch: that epoch's order
  };
  const auto first = order_of_epochs(5), again = order_of_epochs(5);
  std::vector<int> in_order(kSamples);
  std::iota(in_order.begin(), in_order.end(), 0);
  EXPECT_NE(first[0], in_order) << "The samples must be shuffled, not visited in file order.";
  EXPECT_NE(first[0], first[1]) << "Each epoch draws a new order from the engine.";
  EXPECT_EQ(first, again) << "The same seed must give the same orders (draw only from rng).";
}

TEST(MinibatchEpoch, KeepsRegressionTargetsWithTheirInputs) {
  Sequential<double> net = identity_network();
  bp::optim::Sgd<double> sgd(0.1);
  bp::Rng rng(6);
  const Matrix<double> targets = 10.0 * numbered_inputs();
  int mismatched = 0, seen = 0;
  const bp::nn::Objective<double, Matrix<double>> objective = [&](const Matrix<double>& output,
                                                                  const Matrix<double>& target) {
    mismatched += static_cast<int>(((target - 10.0 * output).cwiseAbs().array() > 1e-9).count());
    seen += static_cast<int>(output.cols());
    return LossAndGradient<double>{0.0, Matrix<double>::Zero(1, output.cols())};
  };
  bp::nn::train_epoch(net, objective, sgd, numbered_inputs(), targets, 3, rng);
  EXPECT_EQ(seen, kSamples);
  EXPECT_EQ(mismatched, 0) << "Target columns must be taken in the same order as input columns.";
}

TEST(MinibatchEpoch, CallsTheObserverAfterEveryStep) {
  Sequential<double> net = identity_network();
  bp::optim::Sgd<double> sgd(0.1);
  bp::Rng rng(5);
  Spy spy;
  std::vector<std::pair<std::size_t, Eigen::Index>> calls;
  bp::nn::train_epoch<double, std::vector<int>>(
      net, spy.objective(), sgd, numbered_inputs(), numbered_labels(), 4, rng,
      [&](std::size_t step, Eigen::Index samples, double) { calls.emplace_back(step, samples); });
  const std::vector<std::pair<std::size_t, Eigen::Index>> expected = {{0, 4}, {1, 4}, {2, 2}};
  EXPECT_EQ(calls, expected) << "observe(step, samples in the batch, loss) after each step.";
}

TEST(MinibatchEpoch, RejectsMismatchedOrEmptyData) {
  Sequential<double> net = identity_network();
  bp::optim::Sgd<double> sgd(0.1);
  bp::Rng rng(1);
  Spy spy;
  bp::nn::train_epoch(net, spy.objective(), sgd, numbered_inputs(), numbered_labels(), 4, rng);
  ASSERT_EQ(spy.batches.size(), 3u) << "first, a valid epoch";
  std::vector<int> too_few = numbered_labels();
  too_few.pop_back();
  EXPECT_THROW(bp::nn::train_epoch(net, spy.objective(), sgd, numbered_inputs(), too_few, 4, rng),
               bp::ValueError);
  EXPECT_THROW(
      bp::nn::train_epoch(net, spy.objective(), sgd, numbered_inputs(), numbered_labels(), 0, rng),
      bp::ValueError);
  EXPECT_THROW(bp::nn::train_epoch(net, spy.objective(), sgd, Matrix<double>(1, 0),
                                   std::vector<int>{}, 4, rng),
               bp::ValueError);
}

// A 2→1 linear model, MSE (mean), SGD with η = 0.1, one batch of two samples, in T, against the
// step by hand in double: ŷ = W X + b, ∂L/∂ŷ = (2/2)(ŷ − y), dW = ∂L/∂ŷ Xᵀ, db = Σ ∂L/∂ŷ.
template <typename T>
void expect_one_step_by_hand(double tolerance) {
  Matrix<double> W(1, 2), X(2, 2), y(1, 2);
  W << 0.5, -1;
  X << 1, 2, 3, -1;
  y << 1, 0;
  Sequential<T> net;
  auto& layer =
      net.template emplace<Linear<T>>(W.cast<T>(), bp::nn::Vector<T>::Constant(1, T(0.25)));
  bp::optim::Sgd<T> sgd(T(0.1));
  const bp::nn::Objective<T, Matrix<T>> mse_mean = [](const Matrix<T>& out,
                                                      const Matrix<T>& target) {
    return bp::nn::mse(out, target, bp::nn::Reduction::Mean);
  };
  const Matrix<double> y_hat = W * X + Matrix<double>::Constant(1, 2, 0.25);  // (−2.25, 2.25)
  const Matrix<double> dy = y_hat - y;
  const T loss =
      bp::nn::train_step(net, mse_mean, sgd, Matrix<T>(X.cast<T>()), Matrix<T>(y.cast<T>()));
  EXPECT_TRUE(
      IsNear("the returned loss", static_cast<double>(loss), dy.squaredNorm() / 2, tolerance))
      << "train_step returns the batch's loss, computed before the update.";
  EXPECT_TRUE(MatrixNear("W after one step", layer.W().template cast<double>(),
                         W - 0.1 * dy * X.transpose(), tolerance))
      << "One step is forward, loss, backward, then optimizer.step on model.parameters(), in "
         "that order: a step before backward uses gradients that are not this batch's (here, "
         "zero: W would not move), and a step that misses a parameter leaves it unchanged.";
  EXPECT_TRUE(IsNear("b after one step", static_cast<double>(layer.b()(0)), 0.25 - 0.1 * dy.sum(),
                     tolerance));
}

TEST(TrainingStep, IsForwardLossBackwardAndOneOptimizerStep) {
  expect_one_step_by_hand<double>(1e-12);
}

// The same step in float, the type chapter 7 trains in, agrees with the hand computation to float
// precision.
TEST(TrainingStep, WorksInFloat) { expect_one_step_by_hand<float>(1e-6); }

TEST(TrainingStep, TwoStepsUseEachStepsOwnGradient) {
  // Two steps on two different batches: the second step must use the second batch's gradient
  // alone. Gradients are assigned by backward (chapter 3), never summed across steps.
  Matrix<double> W(1, 2), X1(2, 1), X2(2, 1), y(1, 1);
  W << 0.5, -1;
  X1 << 1, 2;
  X2 << -3, 1;
  y << 0;
  Sequential<double> net;
  auto& layer = net.emplace<Linear<double>>(W, bp::nn::Vector<double>::Zero(1));
  bp::optim::Sgd<double> sgd(0.1);
  const bp::nn::Objective<double, Matrix<double>> half_sum = [](const Matrix<double>& out,
                                                                const Matrix<double>& target) {
    return bp::nn::mse(out, target, bp::nn::Reduction::HalfSum);
  };
  bp::nn::train_step(net, half_sum, sgd, X1, y);
  bp::nn::train_step(net, half_sum, sgd, X2, y);
  // By hand, with r = W x + b − y, ∂L/∂W = r xᵀ and ∂L/∂b = r:
  const Matrix<double> r1 = W * X1 - y;  // b = 0 at first
  const Matrix<double> W1 = W - 0.1 * r1 * X1.transpose();
  const Matrix<double> r2 = W1 * X2 + (-0.1 * r1) - y;  // b after step 1 is −0.1·r1
  const Matrix<double> expected = W1 - 0.1 * r2 * X2.transpose();
  EXPECT_TRUE(MatrixNear("W after two steps", layer.W(), expected, 1e-12))
      << "The second step used a gradient that still contained the first batch's.";
}

// fit reports each epoch's mean loss over its samples: batches of 4, 4 and 2 with losses 1, 2
// and 3 (the spy's batch count) average to (4·1 + 4·2 + 2·3)/10 = 1.8, not (1 + 2 + 3)/3 = 2:
// the small last batch counts for its 2 samples. after_epoch receives the same numbers.
TEST(TrainingStep, FitReportsEachEpochsMeanWeightedByBatchSize) {
  Sequential<double> net = identity_network();
  bp::optim::Sgd<double> sgd(0.1);
  bp::Rng rng(5);
  const auto objective =
      scripted_objective([](int call) { return static_cast<double>((call - 1) % 3 + 1); });
  std::vector<std::pair<int, double>> reported;
  const std::vector<double> means = bp::nn::fit<double, std::vector<int>>(
      net, objective, sgd, numbered_inputs(), numbered_labels(), 2, 4, rng,
      [&](int epoch, double mean) { reported.emplace_back(epoch, mean); });
  ASSERT_EQ(means.size(), 2u) << "one mean per epoch";
  for (std::size_t e = 0; e < 2; ++e) {
    EXPECT_TRUE(IsNear("the mean loss of epoch " + std::to_string(e + 1), means[e], 1.8, 1e-12));
  }
  const std::vector<std::pair<int, double>> expected = {{0, 1.8}, {1, 1.8}};
  EXPECT_EQ(reported, expected);
}

TEST(TrainingStep, FitStopsAtTheStepWhereTheLossIsNotFinite) {
  Sequential<double> net = identity_network();
  bp::optim::Sgd<double> sgd(0.1);
  bp::Rng rng(5);
  const auto objective =
      scripted_objective([](int call) { return call == 5 ? std::nan("") : 1.0; });
  try {
    bp::nn::fit(net, objective, sgd, numbered_inputs(), numbered_labels(), 3, 4, rng);
    FAIL() << "a NaN loss must stop training";
  } catch (const bp::ValueError& e) {
    // 3 steps per epoch: the fifth step is epoch 2, step 2.
    EXPECT_NE(std::string(e.what()).find("epoch 2, step 2"), std::string::npos) << e.what();
  }
}

}  // namespace
