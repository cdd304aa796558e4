// Task ch08.9: training with the engine. One step is chapter 7's step with zero_grad() in it (the
// parameters are leaves, and leaves accumulate); a float32 run of (C) gives chapter 7's losses
// step for step, and every step's graph is freed.
#include <gtest/gtest.h>

#include <vector>

#include "bp/datasets.h"
#include "evaluation.h"
#include "losses.h"
#include "minibatch.h"
#include "proof_values.h"
#include "tensor_testing.h"
#include "tensor_training.h"

namespace {

using namespace ch08_testing;
using bp::nn::MlpModule;
using bp::nn::MlpSpec;
namespace v = bp::values::proof;

template <typename T>
const bp::nn::Objective<T, std::vector<int>> kCrossEntropy =
    [](const bp::nn::Matrix<T>& logits, const std::vector<int>& labels) {
      return bp::nn::softmax_cross_entropy(logits, labels);
    };

// A 3-4-3 network with non-zero biases, and chapter 7's copy of it.
MlpSpec small_spec() {
  MlpSpec spec;
  spec.sizes = {3, 4, 3};
  spec.init = bp::nn::Init::PyTorch;
  return spec;
}

void expect_same_parameters(bp::nn::MlpModule<double>& engine, bp::nn::Sequential<double>& by_hand,
                            const std::string& when) {
  const auto actual = engine.parameters(), expected = by_hand.parameters();
  for (std::size_t k = 0; k < actual.size(); ++k) {
    EXPECT_TRUE(
        RelativelyEqual(actual[k].name + " " + when, actual[k].value, expected[k].value, 1e-13))
        << "a step is: the loss of the forward pass, zero_grad(), backward(), the optimizer's "
           "step, in that order (zero_grad after backward would erase the gradients)";
  }
}

// One step: the same loss and the same updated parameters as chapter 7's train_step.
TEST(TensorTraining, AStepIsForwardLossZeroGradBackwardUpdate) {
  bp::Rng rng(151), same(151);
  MlpModule<double> engine(small_spec(), rng);
  bp::nn::Sequential<double> by_hand = bp::nn::make_mlp<double>(small_spec(), same);
  bp::optim::Sgd<double> sgd(0.1), sgd_by_hand(0.1);
  const Matrix X = uniform(3, 5, 152);
  const std::vector<int> labels = {0, 2, 1, 1, 0};
  const double loss = bp::nn::train_step(engine, sgd, data(X), labels);
  const double expected =
      bp::nn::train_step(by_hand, kCrossEntropy<double>, sgd_by_hand, X, labels);
  EXPECT_TRUE(bp::testing::IsNear("the step's loss", loss, expected, 1e-14))
      << "the loss before the update";
  expect_same_parameters(engine, by_hand, "after one step");
}

// Two steps on different batches: the second must use the second batch's gradient alone. Without
// zero_grad() the leaves would still hold the first step's gradient, and the second update would
// use the sum of both.
TEST(TensorTraining, TwoStepsUseEachStepsOwnGradient) {
  bp::Rng rng(153), same(153);
  MlpModule<double> engine(small_spec(), rng);
  bp::nn::Sequential<double> by_hand = bp::nn::make_mlp<double>(small_spec(), same);
  bp::optim::Sgd<double> sgd(0.1), sgd_by_hand(0.1);
  for (std::uint64_t step = 0; step < 2; ++step) {
    const Matrix X = uniform(3, 4, 154 + step);
    const std::vector<int> labels = {static_cast<int>(step), 2, 1, 0};
    bp::nn::train_step(engine, sgd, data(X), labels);
    bp::nn::train_step(by_hand, kCrossEntropy<double>, sgd_by_hand, X, labels);
  }
  expect_same_parameters(engine, by_hand, "after two steps (zero_grad before each backward)");
}

// Worked example (C) in float32, trained for 40 steps in both engines from the same weights, on
// the same shuffled batches of 32 generated images: the same loss at every step, to float
// precision.
TEST(TensorTraining, AFloatRunOfExampleCGivesChapterSevensLossesStepForStep) {
  const bp::data::ImageSet images = bp::data::synthetic_images(v::kFloatSteps * 32, v::kImageSeed);
  const bp::nn::Matrix<float> X =
      Eigen::Map<const bp::nn::Matrix<float>>(images.pixels.data(), 784, v::kFloatSteps * 32);
  MlpSpec spec;
  spec.sizes = {784, 64, 64, 10};
  bp::Rng rng(v::kWeightSeed), same(v::kWeightSeed);
  MlpModule<float> engine(spec, rng);
  bp::nn::Sequential<float> by_hand = bp::nn::make_mlp<float>(spec, same);
  bp::optim::Sgd<float> sgd(0.01f), sgd_by_hand(0.01f);
  bp::Rng order(v::kWeightSeed + 1), same_order(v::kWeightSeed + 1);
  const std::vector<float> losses = bp::nn::train_epoch(engine, sgd, X, images.labels, 32, order);
  const std::vector<float> expected = bp::nn::train_epoch(
      by_hand, kCrossEntropy<float>, sgd_by_hand, X, images.labels, 32, same_order);
  ASSERT_EQ(losses.size(), expected.size());
  for (std::size_t k = 0; k < losses.size(); ++k) {
    const auto expected_loss = static_cast<double>(expected[k]);
    EXPECT_TRUE(bp::testing::IsNear("the loss of step " + std::to_string(k + 1),
                                    static_cast<double>(losses[k]), expected_loss,
                                    v::kFloatTolerance * expected_loss));
  }
  EXPECT_LT(losses.back(), losses.front()) << "and training makes progress";
}

// After every step only the parameters' leaves are left: the step's graph is gone.
TEST(TensorTraining, FreesEveryStepsGraph) {
  const std::size_t before = bp::autograd::live_tensor_nodes();
  bp::Rng rng(156);
  MlpModule<double> engine(small_spec(), rng);
  EXPECT_EQ(bp::autograd::live_tensor_nodes(), before + 4) << "W1, b1, W2, b2";
  bp::optim::Sgd<double> sgd(0.1);
  for (std::uint64_t step = 0; step < 3; ++step) {
    bp::nn::train_step(engine, sgd, data(uniform(3, 4, 157 + step)), {0, 1, 2, 0});
    EXPECT_EQ(bp::autograd::live_tensor_nodes(), before + 4) << "after step " << step + 1;
  }
}

// A small network learns the generated images: above 90% on images it has not seen.
TEST(TensorTraining, LearnsTheGeneratedImages) {
  const bp::data::ImageSet train = bp::data::synthetic_images(2000, 158);
  const bp::data::ImageSet test = bp::data::synthetic_images(500, 159);
  const auto as_matrix = [](const bp::data::ImageSet& set) {
    return bp::nn::Matrix<float>(Eigen::Map<const bp::nn::Matrix<float>>(
        set.pixels.data(), 784, static_cast<Eigen::Index>(set.size())));
  };
  MlpSpec spec;
  spec.sizes = {784, 32, 10};
  bp::Rng rng(160);
  MlpModule<float> engine(spec, rng);
  bp::optim::Adam<float> adam(0.001f);
  for (int epoch = 0; epoch < 3; ++epoch) {
    bp::nn::train_epoch(engine, adam, as_matrix(train), train.labels, 32, rng);
  }
  const std::vector<int> predicted =
      bp::nn::predicted_classes(engine.forward(Tensor<float>(as_matrix(test))).value());
  std::size_t correct = 0;
  for (std::size_t n = 0; n < predicted.size(); ++n) correct += predicted[n] == test.labels[n];
  EXPECT_GT(static_cast<double>(correct) / static_cast<double>(predicted.size()), 0.9);
}

}  // namespace
