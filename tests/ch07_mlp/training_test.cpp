// Tasks ch07.1–ch07.3 together: seeded training runs that must reach stated results. XOR needs
// the hidden layer that chapter 3's linear model lacked; worked example (D) is the 2-4-1 ReLU
// regression on y = x₁ − x₂.
#include <gtest/gtest.h>

#include <vector>

#include "bp/testing/assertions.h"
#include "evaluation.h"
#include "losses.h"
#include "minibatch.h"
#include "network.h"
#include "optimizers.h"
#include "seeded_runs.h"
#include "worked_example_values.h"

namespace {

using bp::nn::Matrix;
using bp::testing::IsNear;
namespace d = bp::values::example_d;

TEST(TrainingOnXor, ReachesFullAccuracy) {
  const bp::testing::runs::XorRun run = bp::testing::runs::train_xor();
  EXPECT_EQ(run.predicted, run.labels) << "A 2-8-2 tanh network trained with Adam separates XOR.";
  EXPECT_LT(run.epoch_losses.back(), 0.05) << "and its loss falls below 0.05 (from ln 2 ≈ 0.69).";
}

TEST(WorkedExampleD, TheTwoFourOneReluNetworkLearnsXOneMinusXTwo) {
  const double prediction =
      bp::testing::runs::example_d_prediction(d::kBatchSize, d::kEpochs);  // at (0.1, 0.9)
  EXPECT_TRUE(IsNear("the prediction at (0.1, 0.9)", prediction, d::kTarget, d::kTolerance))
      << "after " << d::kEpochs << " epochs of SGD (lr " << d::kLearningRate << ", batch "
      << d::kBatchSize << ")";
}

}  // namespace
