// Tasks ch06.6 (gradient clipping by the global norm) and ch06.7 (learning-rate schedules).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "bp/shape.h"
#include "bp/testing/assertions.h"
#include "gradient_clipping.h"
#include "lr_schedules.h"

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

// A norm already below the maximum is left alone, and the maximum must be positive.
TEST(GradientClipping, LeavesSmallGradientsAlone) {
  Matrix<double> w = Matrix<double>::Zero(2, 1), g = Eigen::Vector2d(0.3, 0.4);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("w", w, g)};
  EXPECT_TRUE(AgreesTo("norm", bp::optim::clip_grad_norm(params, 1.0), 0.5, 6));
  EXPECT_EQ(g(0), 0.3);
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
