// The gradient checker is the referee of the whole course, so it is tested first.
#include "bp/gradient_check.h"

#include <gtest/gtest.h>

#include <cmath>

#include "bp/testing/assertions.h"

namespace {

// L(W) = Σ W(i,j)³ has gradient 3·W²: a correct analytic gradient passes.
TEST(GradientCheck, AcceptsACorrectGradient) {
  Eigen::MatrixXd W(2, 3);
  W << 0.5, -1.0, 2.0, 0.1, -0.3, 1.5;
  const Eigen::MatrixXd dW = 3.0 * W.array().square().matrix();
  auto L = [&] { return W.array().cube().sum(); };
  const auto result = bp::check_gradient("W", W, dW, L);
  EXPECT_TRUE(result.passed) << result.describe();
}

// A gradient wrong in one entry fails, and the report names that entry and both values.
TEST(GradientCheck, NamesTheWorstEntryOfAWrongGradient) {
  Eigen::MatrixXd W(2, 3);
  W << 0.5, -1.0, 2.0, 0.1, -0.3, 1.5;
  Eigen::MatrixXd dW = 3.0 * W.array().square().matrix();
  dW(1, 2) += 0.5;
  auto L = [&] { return W.array().cube().sum(); };
  const auto result = bp::check_gradient("W", W, dW, L);
  EXPECT_FALSE(result.passed);
  EXPECT_EQ(result.worst_row, 1);
  EXPECT_EQ(result.worst_col, 2);
  EXPECT_NEAR(result.numeric, 3.0 * 1.5 * 1.5, 1e-8);
  EXPECT_NE(result.describe().find("d/dW(1, 2)"), std::string::npos) << result.describe();
}

// A transposed gradient has the wrong shape; the report says so instead of comparing entries.
TEST(GradientCheck, ReportsAGradientOfTheWrongShape) {
  Eigen::MatrixXd W = Eigen::MatrixXd::Ones(2, 3);
  const Eigen::MatrixXd dW = Eigen::MatrixXd::Ones(3, 2);
  const auto result = bp::check_gradient("W", W, dW, [&] { return W.sum(); });
  EXPECT_FALSE(result.passed);
  EXPECT_TRUE(result.shape_mismatch);
  EXPECT_NE(result.describe().find("(3, 2)"), std::string::npos) << result.describe();
  EXPECT_NE(result.describe().find("(2, 3)"), std::string::npos) << result.describe();
}

// The parameter is restored exactly after checking, entry by entry.
TEST(GradientCheck, RestoresTheParameter) {
  Eigen::MatrixXd W(1, 2);
  W << 0.1, 0.7;
  const Eigen::MatrixXd saved = W;
  bp::check_gradient("W", W, Eigen::MatrixXd::Ones(1, 2), [&] { return W.sum(); });
  EXPECT_EQ(W, saved);
  double s = 0.3;
  bp::check_gradient("s", s, 1.0, [&] { return s; });
  EXPECT_EQ(s, 0.3);
}

// Around a zero gradient, rounding noise is not mistaken for an error; a real error is.
TEST(GradientCheck, TreatsRoundingNoiseAroundZeroAsZero) {
  double w = 1.0;
  auto flat = [&] { return 10.0 + 0.0 * w; };
  EXPECT_TRUE(bp::check_gradient("w", w, 0.0, flat).passed);
  EXPECT_FALSE(bp::check_gradient("w", w, 1e-6, flat).passed);
}

// A NaN in the analytic gradient is reported, never silently passed.
TEST(GradientCheck, ReportsNaN) {
  double w = 1.0;
  const auto result = bp::check_gradient("w", w, std::nan(""), [&] { return w * w; });
  EXPECT_FALSE(result.passed);
}

// The relative error is symmetric and scale-free.
TEST(GradientCheck, RelativeErrorIsScaleFree) {
  EXPECT_NEAR(bp::relative_error(1.0, 1.1, 1e-3), bp::relative_error(1e3, 1.1e3, 1e-3), 1e-12);
  EXPECT_EQ(bp::relative_error(2.0, 3.0, 1e-3), bp::relative_error(3.0, 2.0, 1e-3));
  EXPECT_NEAR(bp::relative_error(2.0, 3.0, 1e-3), 0.2, 1e-15);
}

}  // namespace
