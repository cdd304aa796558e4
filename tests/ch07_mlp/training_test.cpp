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
#include "worked_example_values.h"

namespace {

using bp::nn::Matrix;
using bp::testing::IsNear;
namespace d = bp::values::example_d;

TEST(TrainingOnXor, ReachesFullAccuracy) {
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
  const std::vector<double> means = bp::nn::fit(net, loss, adam, X, labels, 200, 4, rng);
  const std::vector<int> predicted = bp::nn::predicted_classes(net.forward(X));
  EXPECT_EQ(predicted, labels) << "A 2-8-2 tanh network trained with Adam separates XOR.";
  EXPECT_LT(means.back(), 0.05) << "and its loss falls below 0.05 (from ln 2 ≈ 0.69).";
}

TEST(WorkedExampleD, TheTwoFourOneReluNetworkLearnsXOneMinusXTwo) {
  bp::Rng rng(d::kSeed);
  const Matrix<double> X = bp::random_uniform(2, d::kSamples, rng, 0.0, 1.0);  // U[0,1)^(2×1000)
  const Matrix<double> y = X.row(0) - X.row(1);                                // (1, 1000)
  bp::nn::MlpSpec spec;
  spec.sizes = {2, 4, 1};
  bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  bp::optim::Sgd<double> sgd(d::kLearningRate);
  const bp::nn::Objective<double, Matrix<double>> mse = [](const Matrix<double>& out,
                                                           const Matrix<double>& target) {
    return bp::nn::mse(out, target, bp::nn::Reduction::Mean);
  };
  bp::nn::fit(net, mse, sgd, X, y, d::kEpochs, d::kBatchSize, rng);
  Matrix<double> probe(2, 1);
  probe << 0.1, 0.9;
  const double prediction = net.forward(probe)(0, 0);
  EXPECT_TRUE(IsNear("the prediction at (0.1, 0.9)", prediction, d::kTarget, d::kTolerance))
      << "after " << d::kEpochs << " epochs of SGD (lr " << d::kLearningRate << ", batch "
      << d::kBatchSize << ")";
}

}  // namespace
