// Tasks ch03.3 (the mean squared error and its gradient) and ch03.4 (gradient descent):
// worked example (B), a linear model on XOR.
#include "xor_regression.h"

#include <gtest/gtest.h>

#include "bp/gradient_check.h"
#include "bp/shape.h"
#include "bp/testing/assertions.h"
#include "worked_example_values.h"

namespace {

using bp::nn::Linear;
using bp::nn::Matrix;
using bp::nn::Vector;
using bp::testing::AgreesTo;
using bp::testing::GradientMatches;
using bp::testing::IsNear;
using namespace ch03_values;

// --- ch03.3 -------------------------------------------------------------------------------------

// A model that predicts 0.5 everywhere is off by ½ on every XOR point: L = 0.25.
TEST(XorLoss, IsTheMeanOfTheSquaredResiduals) {
  const Matrix<double> Y = bp::nn::xor_targets();
  EXPECT_TRUE(AgreesTo("L(0.5 everywhere)",
                       bp::nn::mean_squared_error(Matrix<double>::Constant(1, 4, kB_b_best), Y),
                       kB_loss_best, 6));
  const Matrix<double> Z = (Matrix<double>(1, 4) << 1, 1, 0, 0).finished();
  EXPECT_TRUE(AgreesTo("L(1, 1, 0, 0)", bp::nn::mean_squared_error(Z, Y), 0.5, 6))
      << "residuals (−1, 0, 1, 0): (1 + 0 + 1 + 0) / 4";
}

// On a (2, 3) batch the mean runs over all m = 6 entries, not over the 3 samples (columns) or
// the 2 rows: Y − Z = [[1, −2, 0], [3, 1, −1]] gives L = 16/6 and ∂L/∂Z = −(2/6)(Y − Z). A
// one-row batch cannot tell these apart, and the central-difference check below cannot either
// when the loss and its gradient make the same mistake.
TEST(XorLoss, AveragesOverEveryEntryOfASeveralRowBatch) {
  const Matrix<double> Z = (Matrix<double>(2, 3) << 0.5, 1, -1, -2, 0, 2).finished();
  const Matrix<double> Y = Z + (Matrix<double>(2, 3) << 1, -2, 0, 3, 1, -1).finished();
  EXPECT_TRUE(AgreesTo("L of a (2, 3) batch", bp::nn::mean_squared_error(Z, Y), 16.0 / 6.0, 6))
      << "(1 + 4 + 0 + 9 + 1 + 1) / 6: m = rows × columns = 6 (16/3 would be a mean over the 3 "
         "samples)";
  const Matrix<double> expected =
      -(2.0 / 6.0) * (Matrix<double>(2, 3) << 1, -2, 0, 3, 1, -1).finished();
  EXPECT_TRUE(bp::testing::MatrixNear("dL/dZ of a (2, 3) batch",
                                      bp::nn::mean_squared_error_gradient(Z, Y), expected, 1e-15))
      << "−(2/m)(Y − Z) with m = 6";
}

// ∂L/∂Z = −(2/m)(Y − Z), against central differences of L on a non-square batch.
TEST(XorLoss, GradientMatchesCentralDifferences) {
  Matrix<double> Z = bp::random_uniform(2, 3, 4u);
  const Matrix<double> Y = bp::random_uniform(2, 3, 5u);
  const Matrix<double> dZ = bp::nn::mean_squared_error_gradient(Z, Y);
  EXPECT_TRUE(GradientMatches(
      bp::check_gradient("Z", Z, dZ, [&] { return bp::nn::mean_squared_error(Z, Y); })))
      << "the mean divides by m = 6, and the square gives the 2; the sign: L grows as Z moves "
         "away from Y";
}

// Shapes that differ, and an empty batch, are errors.
TEST(XorLoss, RejectsMismatchedShapesAndEmptyBatches) {
  const Matrix<double> Y = bp::nn::xor_targets();
  EXPECT_GE(bp::nn::mean_squared_error(Y, Y), 0.0);
  // Example (B)'s published model has three outputs per sample for one target. The loss refuses
  // it itself, naming both shapes, before any arithmetic.
  try {
    bp::nn::mean_squared_error(Matrix<double>::Zero(3, 4), Y);
    FAIL() << "Z of shape (3, 4) was compared with Y of shape (1, 4)";
  } catch (const bp::ShapeError& e) {
    EXPECT_STREQ(e.what(), "mean_squared_error: Z has shape (3, 4) but Y has shape (1, 4)");
  }
  EXPECT_THROW(bp::nn::mean_squared_error_gradient(Matrix<double>(1, 0), Matrix<double>(1, 0)),
               bp::ValueError);
}

// --- ch03.4 -------------------------------------------------------------------------------------

// Every step lowers the loss (the learning rate is small enough), starting from the first.
TEST(XorFit, LowersTheLossAtEveryStep) {
  Linear<double> layer((Matrix<double>(1, 2) << 0.3, -0.7).finished(),
                       (Vector<double>(1) << 0.1).finished());
  const auto losses = bp::nn::fit(layer, bp::nn::xor_inputs(), bp::nn::xor_targets(), 0.5, 50);
  for (std::size_t i = 1; i < losses.size(); ++i) {
    EXPECT_LE(losses[i], losses[i - 1])
        << "the loss rose at step " << i << ": is the update going uphill?";
  }
  EXPECT_LT(losses.back(), losses.front());
}

// fit takes exactly `steps` steps and returns one loss per step, the loss before that step:
// none for 0 (the layer is untouched), then 1 and 2, each the curve's value after as many updates.
TEST(XorFit, TakesExactlyTheRequestedNumberOfSteps) {
  for (int steps : {0, 1, 2}) {
    Linear<double> layer((Matrix<double>(1, 2) << 0.3, -0.7).finished(),
                         (Vector<double>(1) << 0.1).finished());
    const auto losses = bp::nn::fit(layer, bp::nn::xor_inputs(), bp::nn::xor_targets(), 0.5, steps);
    ASSERT_EQ(losses.size(), static_cast<std::size_t>(steps))
        << "fit(..., steps = " << steps << ") returns one loss per step";
    for (std::size_t k = 0; k < losses.size(); ++k) {
      EXPECT_TRUE(AgreesTo(("L before step " + std::to_string(k + 1)).c_str(), losses[k],
                           kB_curve_loss[k], 6));
    }
    const double after =
        bp::nn::mean_squared_error(layer.forward(bp::nn::xor_inputs()), bp::nn::xor_targets());
    EXPECT_TRUE(AgreesTo(("L after " + std::to_string(steps) + " steps").c_str(), after,
                         kB_curve_loss[steps], 6))
        << "the layer took " << steps << " updates, no more, no fewer";
  }
}

// The loss curve of the notes' table ("The published update climbs the loss"), step by step:
// from the same start, correct gradient descent brings L from 0.755 towards 0.25.
TEST(XorFit, FollowsTheWorkedCurve) {
  Linear<double> layer((Matrix<double>(1, 2) << 0.3, -0.7).finished(),
                       (Vector<double>(1) << 0.1).finished());
  const auto losses = bp::nn::fit(layer, bp::nn::xor_inputs(), bp::nn::xor_targets(), 0.5, 21);
  ASSERT_EQ(losses.size(), 21u);
  for (std::size_t i = 0; i < std::size(kB_curve_steps); ++i) {
    const auto k = static_cast<std::size_t>(kB_curve_steps[i]);
    EXPECT_TRUE(AgreesTo(("L after " + std::to_string(k) + " steps").c_str(), losses[k],
                         kB_curve_loss[i], 6))
        << "losses[k] is the loss before step k + 1, that is after k updates";
  }
}

// Trained by gradient descent, the linear model converges to W = 0, b = 0.5, L = 0.25: the best
// a linear model can do on XOR.
TEST(XorFit, ConvergesToTheBestLinearModel) {
  Linear<double> layer((Matrix<double>(1, 2) << 0.3, -0.7).finished(),
                       (Vector<double>(1) << 0.1).finished());
  const auto losses = bp::nn::fit(layer, bp::nn::xor_inputs(), bp::nn::xor_targets(), 0.5, 2000);
  ASSERT_EQ(losses.size(), 2000u);
  EXPECT_TRUE(IsNear("W(0, 0)", layer.W()(0, 0), kB_w_best, 1e-6));
  EXPECT_TRUE(IsNear("W(0, 1)", layer.W()(0, 1), kB_w_best, 1e-6));
  EXPECT_TRUE(IsNear("b", layer.b()(0), kB_b_best, 1e-6));
  EXPECT_TRUE(AgreesTo("final L", losses.back(), kB_loss_best, 6));
}

}  // namespace
