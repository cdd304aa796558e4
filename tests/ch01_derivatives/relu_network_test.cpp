// Tasks ch01.4–ch01.6: worked example (A), the 1-1-1 ReLU network, by hand.
#include "relu_network.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "bp/gradient_check.h"
#include "bp/shape.h"
#include "bp/testing/assertions.h"
#include "worked_example_values.h"

namespace {

using namespace ch01_values;
using bp::testing::AgreesTo;
using bp::testing::GradientMatches;
using bp::worked::LossConvention;
using bp::worked::ReluNet;
using bp::worked::Sample;

// The network and batch of worked example (A), shared by every test below.
class ExampleA : public ::testing::Test {
 protected:
  ReluNet net{kA_W1, kA_W2};
  std::vector<Sample> batch{{1.0, -1.0}, {-2.0, 0.5}, {3.0, -2.0}};
  // A second point where the worked example's symmetry is gone: W1 < 0, so h = W1·x is
  // positive for the *negative* inputs, and the samples x = 1.5 and x = 2.5 are the ones ReLU
  // blocks (h = −1.2, −2). A mask or a ReLU taken of x instead of h picks the wrong samples here,
  // and n = 4 is not the worked batch's 3.
  ReluNet other{-0.8, 1.3};
  std::vector<Sample> other_batch{{1.5, 0.4}, {-2.0, -1.0}, {-0.5, 2.0}, {2.5, -0.3}};

  // E written out from its definition, so the gradient checks do not depend on task ch01.4.
  static double reference_loss(double W1, double W2, const std::vector<Sample>& samples,
                               LossConvention convention) {
    double sum = 0.0;
    for (const Sample& s : samples) {
      const double r = std::max(0.0, W1 * s.x) * W2 - s.t;
      sum += r * r;
    }
    return convention == LossConvention::HalfSum ? 0.5 * sum
                                                 : sum / static_cast<double>(samples.size());
  }

  // gradients() of `at` on `samples`, both weights, both conventions, against central differences.
  static void expect_central_differences(const ReluNet& at, const std::vector<Sample>& samples) {
    for (LossConvention convention : {LossConvention::HalfSum, LossConvention::Mean}) {
      const auto g = bp::worked::gradients(at, samples, convention);
      double W1 = at.W1, W2 = at.W2;
      auto E = [&] { return reference_loss(W1, W2, samples, convention); };
      const char* name = convention == LossConvention::HalfSum ? " (half sum)" : " (mean)";
      EXPECT_TRUE(GradientMatches(bp::check_gradient(std::string("W1") + name, W1, g.dW1, E)));
      EXPECT_TRUE(GradientMatches(bp::check_gradient(std::string("W2") + name, W2, g.dW2, E)));
    }
  }
};

using ExampleAForward = ExampleA;
using ExampleAGradients = ExampleA;
using ExampleAStep = ExampleA;

// --- ch01.4 -------------------------------------------------------------------------------------

// y = ReLU(W1·x)·W2 for each sample; the second sample's hidden unit is off (h = −1).
TEST_F(ExampleAForward, PredictsEachSampleOfTheWorkedExample) {
  for (std::size_t i = 0; i < batch.size(); ++i) {
    EXPECT_TRUE(AgreesTo("predict(net, x = " + bp::testing::show(batch[i].x) + ")",
                         bp::worked::predict(net, batch[i].x), kA_y[i], 6));
  }
}

// The same residuals give E = 0.1875 as a half sum and E = 0.125 as a mean.
TEST_F(ExampleAForward, ComputesTheLossInBothConventions) {
  EXPECT_TRUE(AgreesTo("loss(HalfSum)", bp::worked::loss(net, batch, LossConvention::HalfSum),
                       kA_loss_half_sum, 6))
      << "HalfSum is E = ½ Σ (y − t)².";
  EXPECT_TRUE(
      AgreesTo("loss(Mean)", bp::worked::loss(net, batch, LossConvention::Mean), kA_loss_mean, 6))
      << "Mean is E = (1/n) Σ (y − t)², with no ½ (what reduce_mean and PyTorch's MSELoss do).";
}

// At the second point, y = ReLU(W1·x)·W2 = (0, 2.08, 0.52, 0): the ReLU acts on h = W1·x,
// which is negative for the positive inputs. The residuals y − t are (−0.4, 3.08, −1.48, 0.3),
// so ½Σ = 5.9634 and the mean over n = 4 is 2.9817.
TEST_F(ExampleAForward, UsesThePreActivationAtASecondPoint) {
  const double expected[] = {0.0, 2.08, 0.52, 0.0};
  for (std::size_t i = 0; i < other_batch.size(); ++i) {
    const double y = bp::worked::predict(other, other_batch[i].x);
    EXPECT_TRUE(bp::testing::IsNear(
        "predict(W1 = -0.8, W2 = 1.3, x = " + bp::testing::show(other_batch[i].x) + ")", y,
        expected[i], 1e-12))
        << "y = ReLU(h)·W2 with h = W1·x. ReLU(x)·W1·W2 agrees with it only while W1 > 0.";
  }
  EXPECT_TRUE(AgreesTo("loss(HalfSum) at the second point",
                       bp::worked::loss(other, other_batch, LossConvention::HalfSum), 5.9634, 6));
  EXPECT_TRUE(AgreesTo("loss(Mean) at the second point",
                       bp::worked::loss(other, other_batch, LossConvention::Mean), 2.9817, 6))
      << "the mean divides by the batch's own n = 4";
}

// An empty batch has a half-sum loss of 0, but no mean: that is an error, not a NaN.
TEST_F(ExampleAForward, HandlesAnEmptyBatch) {
  const std::vector<Sample> none;
  EXPECT_EQ(bp::worked::loss(net, none, LossConvention::HalfSum), 0.0);
  EXPECT_THROW(bp::worked::loss(net, none, LossConvention::Mean), bp::ValueError);
}

// --- ch01.5 -------------------------------------------------------------------------------------

// ∂E/∂W1 = Σ (y − t)·W2·[h > 0]·x and ∂E/∂W2 = Σ (y − t)·ReLU(h), the worked numbers.
TEST_F(ExampleAGradients, MatchTheWorkedNumbersForTheHalfSumLoss) {
  const auto g = bp::worked::gradients(net, batch, LossConvention::HalfSum);
  EXPECT_TRUE(AgreesTo("dE/dW1 (half sum)", g.dW1, kA_dW1_half_sum, 6))
      << "Sample x = -2 has h = W1·x = -1 < 0, so ReLU passes no gradient back from it. Keeping "
         "its term (dropping the ReLU mask [h > 0]) gives -0.75 instead of 0.75.";
  EXPECT_TRUE(AgreesTo("dE/dW2 (half sum)", g.dW2, kA_dW2_half_sum, 6));
}

// The mean loss is (2/n) times the half-sum loss, and so are its gradients.
TEST_F(ExampleAGradients, MatchTheWorkedNumbersForTheMeanLoss) {
  const auto g = bp::worked::gradients(net, batch, LossConvention::Mean);
  EXPECT_TRUE(AgreesTo("dE/dW1 (mean)", g.dW1, kA_dW1_mean, 6))
      << "d/dW (1/n)Σ r² = (2/n)Σ r·dr/dW: the 2 from the square does not cancel here.";
  EXPECT_TRUE(AgreesTo("dE/dW2 (mean)", g.dW2, kA_dW2_mean, 6));
}

// Both gradients, both conventions, against central differences of E itself.
TEST_F(ExampleAGradients, MatchCentralDifferencesInBothConventions) {
  expect_central_differences(net, batch);
}

// At the second point the mask [h > 0] keeps the samples x = −2 and x = −0.5 (h = 1.6, 0.4)
// and blocks x = 1.5 and 2.5 (h = −1.2, −2): ∂E/∂W2 = 3.08·1.6 − 1.48·0.4 = 4.336 and
// ∂E/∂W1 = 3.08·1.3·(−2) − 1.48·1.3·(−0.5) = −7.046 (half sum); both conventions against
// central differences too.
TEST_F(ExampleAGradients, UseTheMaskOfThePreActivationAtASecondPoint) {
  const auto g = bp::worked::gradients(other, other_batch, LossConvention::HalfSum);
  EXPECT_TRUE(AgreesTo("dE/dW1 at the second point (half sum)", g.dW1, -7.046, 6))
      << "The mask is ReLU'(h) = [W1·x > 0], not [x > 0]: with W1 < 0 they pick opposite samples.";
  EXPECT_TRUE(AgreesTo("dE/dW2 at the second point (half sum)", g.dW2, 4.336, 6))
      << "dE/dW2 = Σ (y − t)·ReLU(h), with h = W1·x.";
  expect_central_differences(other, other_batch);
}

// A sample whose hidden unit is off contributes nothing: its gradient is exactly zero.
TEST_F(ExampleAGradients, ASampleBlockedByReluContributesNothing) {
  const std::vector<Sample> blocked{{-2.0, 0.5}};  // h = 0.5 · (−2) = −1
  const auto g = bp::worked::gradients(net, blocked, LossConvention::HalfSum);
  EXPECT_EQ(g.dW1, 0.0) << "ReLU'(h) = 0 for h = -1: no gradient reaches W1 through it.";
  EXPECT_EQ(g.dW2, 0.0) << "y = ReLU(h)·W2 = 0·W2 does not depend on W2.";
}

// --- ch01.6 -------------------------------------------------------------------------------------

// θ ← θ − η·∂E/∂θ with η = 0.02 and the half-sum gradients (0.75, −0.25).
TEST_F(ExampleAStep, OneStepMatchesTheHandComputation) {
  const ReluNet after =
      bp::worked::sgd_step(net, {kA_dW1_half_sum, kA_dW2_half_sum}, kA_learning_rate);
  EXPECT_TRUE(AgreesTo("W1 after one step", after.W1, kA_W1_after_step, 6))
      << "0.5 − 0.02·0.75 = 0.485. Gradient descent *subtracts* the gradient.";
  EXPECT_TRUE(AgreesTo("W2 after one step", after.W2, kA_W2_after_step, 6));
}

// A small step against the gradient lowers the loss, from 0.1875 to 0.178144.
TEST_F(ExampleAStep, OneSmallStepLowersTheLoss) {
  const ReluNet after =
      bp::worked::sgd_step(net, {kA_dW1_half_sum, kA_dW2_half_sum}, kA_learning_rate);
  const double after_loss = reference_loss(after.W1, after.W2, batch, LossConvention::HalfSum);
  EXPECT_TRUE(AgreesTo("E after one step with eta = 0.02", after_loss, kA_loss_after_step, 6))
      << (after_loss > kA_loss_half_sum ? "The loss went up: is the step going uphill?" : "");
}

// The same step five times longer overshoots the valley: the loss rises to 0.201736.
// The gradient is right; the learning rate is too large (chapter 6 measures this properly).
TEST_F(ExampleAStep, ATooLargeStepOvershootsAndRaisesTheLoss) {
  const ReluNet after =
      bp::worked::sgd_step(net, {kA_dW1_half_sum, kA_dW2_half_sum}, kA_large_learning_rate);
  const double after_loss = reference_loss(after.W1, after.W2, batch, LossConvention::HalfSum);
  EXPECT_TRUE(AgreesTo("E after one step with eta = 0.1", after_loss, kA_loss_after_large_step, 6));
}

}  // namespace
