// Tasks ch06.6 (gradient clipping by the global norm) and ch06.7 (learning-rate schedules).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "bp/shape.h"
#include "bp/testing/assertions.h"
#include "gradient_clipping.h"
#include "lr_schedules.h"
#include "optimizers.h"

namespace {

using bp::nn::Matrix;
using bp::testing::AgreesTo;
using bp::testing::IsNear;

// --- ch06.6 -------------------------------------------------------------------------------------

// Gradients (3, 0) and (0, 4): global norm 5. Clipped to 1, both scale by 1/5 (PyTorch's
// 1/(5 + 1e-6)), so the direction of the whole update is kept.
TEST(GradientClipping, ScalesEveryGradientByTheSameFactor) {
  Matrix<double> w1 = Matrix<double>::Zero(2, 1), g1 = Eigen::Vector2d(3.0, 0.0);
  Matrix<double> w2 = Matrix<double>::Zero(2, 1), g2 = Eigen::Vector2d(0.0, 4.0);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("a", w1, g1),
                                                   bp::nn::view_of("b", w2, g2)};
  const double norm = bp::optim::clip_grad_norm(params, 1.0);
  EXPECT_TRUE(AgreesTo("the norm before clipping", norm, 5.0, 6))
      << "√(3² + 4²), over ALL gradients";
  EXPECT_TRUE(AgreesTo("a's gradient", g1(0), 0.6, 6))
      << "one factor 1/5 for every parameter; clipping each parameter to norm 1 on its own would "
         "give a = (1, 0) and b = (0, 1), a different direction";
  EXPECT_TRUE(AgreesTo("b's gradient", g2(1), 0.8, 6));
}

// The global norm runs over every entry of every parameter, whatever their shapes: gradients
// [[1, −2, 2], [0, 4, −2]] (2, 3) and (2, 0, −4) (3, 1) have squares summing to 29 + 20 = 49, so
// the norm is 7. Clipped to 3.5, every entry of both halves (factor 3.5/(7 + 1e-6)); clipped
// again, the norm is 3.5 and nothing changes. The same in float.
TEST(GradientClipping, UsesTheNormOfEveryEntryOfEveryParameter) {
  Matrix<double> w1 = Matrix<double>::Zero(2, 3), g1(2, 3);
  Matrix<double> w2 = Matrix<double>::Zero(3, 1), g2(3, 1);
  g1 << 1, -2, 2,  //
      0, 4, -2;
  g2 << 2, 0, -4;
  const Matrix<double> before1 = g1, before2 = g2;
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("W", w1, g1),
                                                   bp::nn::view_of("b", w2, g2)};
  EXPECT_TRUE(AgreesTo("the global norm", bp::optim::clip_grad_norm(params, 3.5), 7.0, 6))
      << "√(Σ over every parameter of the sum of its squared entries), every row and column";
  const double factor = 3.5 / (7.0 + 1e-6);
  EXPECT_TRUE(bp::testing::MatrixNear("W's gradient", g1, factor * before1, 1e-15));
  EXPECT_TRUE(bp::testing::MatrixNear("b's gradient", g2, factor * before2, 1e-15));
  const Matrix<double> once1 = g1, once2 = g2;
  EXPECT_TRUE(AgreesTo("the norm after clipping", bp::optim::clip_grad_norm(params, 3.5), 3.5, 6));
  EXPECT_TRUE(bp::testing::MatrixNear("W's gradient clipped twice", g1, once1, 0.0));
  EXPECT_TRUE(bp::testing::MatrixNear("b's gradient clipped twice", g2, once2, 0.0));
  Matrix<float> v1 = Matrix<float>::Zero(2, 3), f1 = before1.cast<float>();
  Matrix<float> v2 = Matrix<float>::Zero(3, 1), f2 = before2.cast<float>();
  std::vector<bp::nn::Parameter<float>> params_f = {bp::nn::view_of("W", v1, f1),
                                                    bp::nn::view_of("b", v2, f2)};
  EXPECT_TRUE(
      AgreesTo("the global norm in float", bp::optim::clip_grad_norm(params_f, 3.5f), 7.0, 6));
  EXPECT_TRUE(bp::testing::MatrixNear("W's gradient in float", f1.cast<double>(), g1, 1e-6));
}

// A norm already below the maximum, or exactly at it, is left alone, and the maximum must be
// positive.
TEST(GradientClipping, LeavesSmallGradientsAlone) {
  Matrix<double> w = Matrix<double>::Zero(2, 1), g = Eigen::Vector2d(0.3, 0.4);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("w", w, g)};
  EXPECT_TRUE(AgreesTo("norm", bp::optim::clip_grad_norm(params, 1.0), 0.5, 6));
  EXPECT_EQ(g(0), 0.3);
  g << 3.0, 4.0;  // norm exactly 5: at most max_norm = 5, so nothing to clip
  EXPECT_EQ(bp::optim::clip_grad_norm(params, 5.0), 5.0);
  EXPECT_EQ(g(0), 3.0) << "a norm equal to max_norm is already at most max_norm: scale only when "
                          "norm > max_norm";
  EXPECT_EQ(g(1), 4.0);
  EXPECT_THROW(bp::optim::clip_grad_norm(params, 0.0), bp::ValueError);
}

// --- ch06.7 -------------------------------------------------------------------------------------

// StepLR(η₀ = 0.1, step_size = 10, γ = 0.5): 0.1 for steps 0–9, 0.05 for 10–19, 0.025 at 20.
TEST(LearningRateSchedules, StepDecayHalvesEveryTenSteps) {
  EXPECT_TRUE(IsNear("step 0", bp::optim::step_lr(0.1, 0, 10, 0.5), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("step 9", bp::optim::step_lr(0.1, 9, 10, 0.5), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("step 10", bp::optim::step_lr(0.1, 10, 10, 0.5), 0.05, 1e-15));
  EXPECT_TRUE(IsNear("step 25", bp::optim::step_lr(0.1, 25, 10, 0.5), 0.025, 1e-15));
  EXPECT_THROW(bp::optim::step_lr(0.1, 1, 0, 0.5), bp::ValueError);
}

// At the boundaries of a decay: with step size s = 3 the rate is η₀ at t = s − 1 = 2 and η₀γ at
// t = s and s + 1; with the smallest step sizes, s = 1 decays at every step and s = 2 at every
// second one.
TEST(LearningRateSchedules, StepDecayChangesExactlyAtMultiplesOfTheStepSize) {
  using bp::optim::step_lr;
  EXPECT_TRUE(IsNear("s = 3, t = 2", step_lr(0.1, 2, 3, 0.5), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("s = 3, t = 3", step_lr(0.1, 3, 3, 0.5), 0.05, 1e-15));
  EXPECT_TRUE(IsNear("s = 3, t = 4", step_lr(0.1, 4, 3, 0.5), 0.05, 1e-15));
  EXPECT_TRUE(IsNear("s = 3, t = 6", step_lr(0.1, 6, 3, 0.5), 0.025, 1e-15));
  EXPECT_TRUE(IsNear("s = 1, t = 0", step_lr(0.1, 0, 1, 0.5), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("s = 1, t = 1", step_lr(0.1, 1, 1, 0.5), 0.05, 1e-15));
  EXPECT_TRUE(IsNear("s = 1, t = 2", step_lr(0.1, 2, 1, 0.5), 0.025, 1e-15));
  EXPECT_TRUE(IsNear("s = 2, t = 1", step_lr(0.1, 1, 2, 0.5), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("s = 2, t = 2", step_lr(0.1, 2, 2, 0.5), 0.05, 1e-15));
}

// At the end of the schedule: t = T − 1 is still on the cosine (just above η_min), T and T + 1
// are η_min. The smallest totals: T = 1 gives η₀ then η_min; T = 2 gives η₀, the midpoint, η_min.
TEST(LearningRateSchedules, CosineIsExactAtItsEndAndForTheSmallestTotals) {
  using bp::optim::cosine_lr;
  const double last = 0.001 + 0.099 * (1 + std::cos(std::numbers::pi * 0.99)) / 2;  // 0.00102443
  EXPECT_TRUE(AgreesTo("T = 100, t = 99", cosine_lr(0.1, 99, 100, 0.001), last, 6))
      << "t = T − 1 is the last step on the cosine: (1 + cos(π·99/100))/2 of the way";
  EXPECT_TRUE(IsNear("T = 100, t = 100", cosine_lr(0.1, 100, 100, 0.001), 0.001, 1e-15));
  EXPECT_TRUE(IsNear("T = 100, t = 101", cosine_lr(0.1, 101, 100, 0.001), 0.001, 1e-15));
  EXPECT_TRUE(IsNear("T = 1, t = 0", cosine_lr(0.1, 0, 1, 0.001), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("T = 1, t = 1", cosine_lr(0.1, 1, 1, 0.001), 0.001, 1e-15));
  EXPECT_TRUE(IsNear("T = 2, t = 0", cosine_lr(0.1, 0, 2, 0.001), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("T = 2, t = 1", cosine_lr(0.1, 1, 2, 0.001), 0.0505, 1e-15))
      << "progress t/T = 1/2, so halfway: divide by T, not by T − 1";
  EXPECT_TRUE(IsNear("T = 2, t = 2", cosine_lr(0.1, 2, 2, 0.001), 0.001, 1e-15));
}

// Cosine annealing's default minimum is 0, where PyTorch keeps stepping: an optimizer takes the
// rate 0, and a step at 0 moves nothing but still updates the state (here momentum's velocity,
// which the next step uses). Momentum (η = 0.1, μ = 0.9) from p = 1 with g = 0.5, −1, 2 and the
// rate 0 for the second step: 0.95, 0.95, then v = 0.9·(−0.55) + 2 = 1.505 and p = 0.7995.
TEST(LearningRateSchedules, EndAtZeroWhereAnOptimizerStillSteps) {
  const double end = bp::optim::cosine_lr(0.1, 50, 50);
  EXPECT_EQ(end, 0.0) << "the default minimum is 0";
  EXPECT_EQ(bp::optim::step_lr(0.1, 20, 10, 0.0), 0.0) << "γ = 0 decays to 0";
  bp::optim::Momentum<double> momentum(0.1, 0.9);
  Matrix<double> p = Matrix<double>::Ones(1, 1), g(1, 1);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("p", p, g)};
  const double rates[] = {0.1, end, 0.1}, gradients[] = {0.5, -1.0, 2.0},
               after[] = {0.95, 0.95, 0.7995};
  for (std::size_t k = 0; k < 3; ++k) {
    momentum.set_learning_rate(rates[k]);
    g(0, 0) = gradients[k];
    momentum.step(params);
    EXPECT_TRUE(AgreesTo("p after step " + std::to_string(k + 1), p(0, 0), after[k], 6))
        << "at η = 0 the parameter stays, but v = μv + g is still updated";
  }
}

// Rates must be >= 0 and finite; a decay factor γ lies in [0, 1]; cosine's minimum lies in
// [0, η₀] (a larger one is a swapped argument); the step size and the total are at least 1.
TEST(LearningRateSchedules, RejectBadHyperparameters) {
  using bp::optim::cosine_lr;
  using bp::optim::step_lr;
  EXPECT_TRUE(IsNear("a valid step_lr", step_lr(0.1, 0, 10, 0.5), 0.1, 1e-15));
  EXPECT_TRUE(IsNear("a valid cosine_lr", cosine_lr(0.1, 0, 10, 0.01), 0.1, 1e-15));
  EXPECT_THROW(step_lr(-0.1, 0, 10, 0.5), bp::ValueError);
  EXPECT_THROW(step_lr(std::nan(""), 0, 10, 0.5), bp::ValueError);
  EXPECT_THROW(step_lr(0.1, 0, 10, 1.5), bp::ValueError);
  EXPECT_THROW(step_lr(0.1, 0, 10, -0.5), bp::ValueError);
  EXPECT_THROW(step_lr(0.1, 0, 10, std::nan("")), bp::ValueError);
  EXPECT_THROW(cosine_lr(-0.1, 0, 10), bp::ValueError);
  EXPECT_THROW(cosine_lr(0.1, 0, 10, -0.001), bp::ValueError);
  EXPECT_THROW(cosine_lr(0.1, 0, 10, std::nan("")), bp::ValueError);
  try {
    cosine_lr(0.001, 0, 10, 0.1);
    FAIL() << "a minimum above the base rate was accepted";
  } catch (const bp::ValueError& e) {
    EXPECT_STREQ(e.what(), "cosine_lr: the minimum 0.100000 is larger than the base rate 0.001000");
  }
}

// Cosine from η₀ = 0.1 to η_min = 0.001 over 100 steps: η₀ at 0, the midpoint at 50, η_min at
// 100 and after.
TEST(LearningRateSchedules, CosineAnnealsFromBaseToMinimum) {
  EXPECT_TRUE(IsNear("t = 0", bp::optim::cosine_lr(0.1, 0, 100, 0.001), 0.1, 1e-15))
      << "(1 + cos 0)/2 = 1: the schedule starts at the base rate (is the /2 missing?)";
  EXPECT_TRUE(IsNear("t = 50", bp::optim::cosine_lr(0.1, 50, 100, 0.001), 0.0505, 1e-15));
  EXPECT_TRUE(AgreesTo("t = 25", bp::optim::cosine_lr(0.1, 25, 100, 0.001),
                       0.001 + 0.099 * (1 + std::cos(std::numbers::pi / 4)) / 2, 6));
  EXPECT_TRUE(IsNear("t = 100", bp::optim::cosine_lr(0.1, 100, 100, 0.001), 0.001, 1e-15));
  EXPECT_TRUE(IsNear("t = 150", bp::optim::cosine_lr(0.1, 150, 100, 0.001), 0.001, 1e-15));
  EXPECT_THROW(bp::optim::cosine_lr(0.1, 0, 0), bp::ValueError);
}

}  // namespace
