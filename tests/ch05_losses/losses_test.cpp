// Tasks ch05.1–ch05.4: losses and their gradients. Every gradient is checked against central
// differences of the loss's own value; known values pin each convention.
#include "losses.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "bp/gradient_check.h"
#include "bp/random.h"
#include "bp/shape.h"
#include "bp/testing/assertions.h"

namespace {

using bp::nn::Matrix;
using bp::nn::Reduction;
using bp::testing::AgreesTo;
using bp::testing::GradientMatches;
using bp::testing::MatrixNear;

// --- ch05.1 -------------------------------------------------------------------------------------

// ŷ − y = [[1, 0], [−2, 1]]: Σ(ŷ − y)² = 6, so ½Σ = 3 and the mean over 4 entries is 1.5.
TEST(MseLoss, HasBothConventionsKnownValues) {
  const Matrix<double> pred = (Matrix<double>(2, 2) << 1, 2, 3, 4).finished();
  const Matrix<double> target = (Matrix<double>(2, 2) << 0, 2, 5, 3).finished();
  const auto half = bp::nn::mse(pred, target, Reduction::HalfSum);
  const auto mean = bp::nn::mse(pred, target, Reduction::Mean);
  EXPECT_TRUE(AgreesTo("mse(HalfSum)", half.value, 3.0, 6)) << "½ Σ (ŷ − y)²";
  EXPECT_TRUE(AgreesTo("mse(Mean)", mean.value, 1.5, 6))
      << "(1/m) Σ (ŷ − y)² with m = 4 entries and no ½ (PyTorch's MSELoss)";
  EXPECT_TRUE(MatrixNear("d mse(HalfSum)", half.gradient, pred - target, 1e-15))
      << "the ½ cancels the square's 2: the gradient is ŷ − y (not y − ŷ)";
  EXPECT_TRUE(MatrixNear("d mse(Mean)", mean.gradient, 0.5 * (pred - target), 1e-15))
      << "(2/m)(ŷ − y) = (2/4)(ŷ − y)";
}

// Both gradients against central differences, on a non-square batch.
TEST(MseLoss, GradientsMatchCentralDifferences) {
  Matrix<double> pred = bp::random_uniform(3, 5, 1u);
  const Matrix<double> target = bp::random_uniform(3, 5, 2u);
  for (Reduction r : {Reduction::HalfSum, Reduction::Mean}) {
    const auto result = bp::nn::mse(pred, target, r);
    EXPECT_TRUE(GradientMatches(bp::check_gradient("prediction", pred, result.gradient, [&] {
      return bp::nn::mse(pred, target, r).value;
    }))) << (r == Reduction::Mean ? "Mean" : "HalfSum");
  }
}

// float and double agree in both conventions, so chapter 7 can train in float.
TEST(MseLoss, FloatAgreesWithDouble) {
  const Matrix<double> pred = bp::random_uniform(2, 5, 3u), target = bp::random_uniform(2, 5, 4u);
  for (Reduction r : {Reduction::HalfSum, Reduction::Mean}) {
    const auto d = bp::nn::mse(pred, target, r);
    const auto f = bp::nn::mse<float>(pred.cast<float>(), target.cast<float>(), r);
    EXPECT_TRUE(bp::testing::IsNear("mse in float", f.value, d.value, 1e-6));
    EXPECT_TRUE(MatrixNear("gradient in float", f.gradient.cast<double>(), d.gradient, 1e-6));
  }
}

// Shapes that differ are an error naming both; the mean of an empty batch is undefined.
TEST(MseLoss, RejectsMismatchedShapesAndEmptyMeans) {
  const Matrix<double> a = Matrix<double>::Zero(2, 3);
  EXPECT_EQ(bp::nn::mse(Matrix<double>(2, 0), Matrix<double>(2, 0), Reduction::HalfSum).value, 0.0);
  EXPECT_THROW(bp::nn::mse(a, Matrix<double>(Matrix<double>::Zero(3, 2)), Reduction::Mean),
               bp::ShapeError);
  EXPECT_THROW(bp::nn::mse(Matrix<double>(2, 0), Matrix<double>(2, 0), Reduction::Mean),
               bp::ValueError);
}

// --- ch05.2 -------------------------------------------------------------------------------------

// z = 0, y = 1 costs log 2; z = 2, y = 0 costs 2 + log(1 + e⁻²); the mean is 1.41004.
TEST(BinaryCrossEntropy, HasKnownValuesFromLogits) {
  const Matrix<double> z = (Matrix<double>(1, 2) << 0.0, 2.0).finished();
  const Matrix<double> y = (Matrix<double>(1, 2) << 1.0, 0.0).finished();
  const auto result = bp::nn::binary_cross_entropy_with_logits(z, y);
  EXPECT_TRUE(AgreesTo("BCE", result.value, 1.41004, 6))
      << "the inputs are logits: σ(z) is computed inside. Treating z as a probability fails here";
  const double s2 = 1.0 / (1.0 + std::exp(-2.0));
  EXPECT_TRUE(MatrixNear("dBCE/dz", result.gradient,
                         (Matrix<double>(1, 2) << (0.5 - 1.0) / 2, (s2 - 0.0) / 2).finished(),
                         1e-15))
      << "∂L/∂z = (σ(z) − y)/m";
}

// On a (2, 3) batch the mean runs over all m = 6 entries (PyTorch's BCEWithLogitsLoss), not over
// the 3 samples (columns): L = 7.344263/6 = 1.22404, and ∂L/∂z = (σ(z) − y)/6. A one-row batch
// cannot tell the two apart, nor can a gradient check when loss and gradient share the mistake.
TEST(BinaryCrossEntropy, AveragesOverEveryEntryOfASeveralRowBatch) {
  Matrix<double> z(2, 3), y(2, 3);
  z << 0.0, 2.0, -1.0,  //
      1.0, -3.0, 0.5;
  y << 1.0, 0.0, 0.0,  //
      1.0, 1.0, 0.25;
  const auto result = bp::nn::binary_cross_entropy_with_logits(z, y);
  EXPECT_TRUE(AgreesTo("BCE of a (2, 3) batch", result.value, 1.22404, 6))
      << "the sum over the 6 entries divided by m = 6 (2.44809 would be a mean over the 3 "
         "samples)";
  const Matrix<double> sigma = z.unaryExpr([](double v) { return 1.0 / (1.0 + std::exp(-v)); });
  EXPECT_TRUE(MatrixNear("dBCE/dz of a (2, 3) batch", result.gradient, (sigma - y) / 6.0, 1e-15))
      << "(σ(z) − y)/m with m = 6";
}

// float and double agree, so chapter 7 can train in float.
TEST(BinaryCrossEntropy, FloatAgreesWithDouble) {
  const Matrix<double> z = bp::random_uniform(3, 4, 5u, -6.0, 6.0);
  const Matrix<double> y = bp::random_uniform(3, 4, 6u, 0.0, 1.0);
  const auto d = bp::nn::binary_cross_entropy_with_logits(z, y);
  const auto f = bp::nn::binary_cross_entropy_with_logits<float>(z.cast<float>(), y.cast<float>());
  EXPECT_TRUE(bp::testing::IsNear("BCE in float", f.value, d.value, 1e-5));
  EXPECT_TRUE(MatrixNear("gradient in float", f.gradient.cast<double>(), d.gradient, 1e-6));
}

// The gradient against central differences, with targets strictly between 0 and 1 too.
TEST(BinaryCrossEntropy, GradientMatchesCentralDifferences) {
  Matrix<double> z = bp::random_uniform(2, 4, 3u, -4.0, 4.0);
  const Matrix<double> y = bp::random_uniform(2, 4, 4u, 0.0, 1.0);
  const auto result = bp::nn::binary_cross_entropy_with_logits(z, y);
  EXPECT_TRUE(GradientMatches(bp::check_gradient("logits", z, result.gradient, [&] {
    return bp::nn::binary_cross_entropy_with_logits(z, y).value;
  })));
}

// Logits of ±1000, where σ is exactly 0 or 1 in double: the loss is finite (about 1000 when
// wrong, 0 when right) and so is the gradient. log(σ(z)) would be log(0) = −∞ here.
TEST(BinaryCrossEntropy, StaysFiniteForSaturatedLogits) {
  const Matrix<double> z = (Matrix<double>(1, 4) << 1000, -1000, 1000, -1000).finished();
  const Matrix<double> y = (Matrix<double>(1, 4) << 1, 1, 0, 0).finished();
  const auto result = bp::nn::binary_cross_entropy_with_logits(z, y);
  EXPECT_TRUE(AgreesTo("BCE at ±1000", result.value, 500.0, 6))
      << "(0 + 1000 + 1000 + 0)/4. A NaN or inf here means log σ(z) was computed: σ(−1000) is 0 "
         "in double and log 0 = −∞; use the stable form from logits";
  EXPECT_TRUE(result.gradient.allFinite()) << result.gradient;
  EXPECT_THROW(bp::nn::binary_cross_entropy_with_logits(
                   z, Matrix<double>(Matrix<double>::Constant(1, 4, 2.0))),
               bp::ValueError)
      << "a target outside [0, 1] is not a probability";
}

// --- ch05.3 -------------------------------------------------------------------------------------

// Column (1, 2, 3) with label 2 costs logsumexp − 3 = 0.407606; column (1000, 0, −1000) with
// label 1 costs 1000. The mean over the two samples is 500.204.
TEST(SoftmaxCrossEntropy, HasKnownValuesAndSurvivesHugeLogits) {
  Matrix<double> Z(3, 2);
  Z << 1, 1000,  //
      2, 0,      //
      3, -1000;
  const auto result = bp::nn::softmax_cross_entropy(Z, {2, 1});
  EXPECT_TRUE(AgreesTo("CE", result.value, 500.204, 6))
      << "log(e^1000 / …) overflows: compute log-softmax as z − logsumexp(z), with the max "
         "subtracted inside the logsumexp";
  EXPECT_TRUE(result.gradient.allFinite()) << "the gradient has entries that are not finite";
  Matrix<double> expected(3, 2);
  expected << 0.09003057317038046 / 2, 1.0 / 2,  //
      0.24472847105479767 / 2, -1.0 / 2,         //
      (0.6652409557748219 - 1.0) / 2, 0.0;
  EXPECT_TRUE(MatrixNear("dCE/dZ", result.gradient, expected, 1e-12))
      << "(softmax(Z) − onehot(labels)) / N, with N = 2 samples";
}

// The fused gradient against central differences on a random (4, 5) batch.
TEST(SoftmaxCrossEntropy, GradientMatchesCentralDifferences) {
  Matrix<double> Z = bp::random_uniform(4, 5, 7u, -3.0, 3.0);
  const std::vector<int> labels = {0, 3, 1, 1, 2};
  const auto result = bp::nn::softmax_cross_entropy(Z, labels);
  EXPECT_TRUE(GradientMatches(bp::check_gradient("logits", Z, result.gradient, [&] {
    return bp::nn::softmax_cross_entropy(Z, labels).value;
  })));
}

// A label outside [0, classes), a label count that does not match the batch, and an empty batch
// are errors that say what is wrong.
TEST(SoftmaxCrossEntropy, RejectsBadLabels) {
  const Matrix<double> Z = Matrix<double>::Zero(3, 2);
  EXPECT_TRUE(AgreesTo("CE of equal logits", bp::nn::softmax_cross_entropy(Z, {0, 2}).value,
                       std::log(3.0), 6));
  try {
    bp::nn::softmax_cross_entropy(Z, {0, 3});
    FAIL() << "label 3 with 3 classes was accepted";
  } catch (const bp::ValueError& e) {
    EXPECT_STREQ(e.what(), "softmax_cross_entropy: sample 1 has label 3, outside [0, 3)");
  }
  EXPECT_THROW(bp::nn::softmax_cross_entropy(Z, {0, -1}), bp::ValueError);
  EXPECT_THROW(bp::nn::softmax_cross_entropy(Z, {0}), bp::ShapeError);
  EXPECT_THROW(bp::nn::softmax_cross_entropy(Matrix<double>(3, 0), {}), bp::ValueError);
}

// --- ch05.4 -------------------------------------------------------------------------------------

// (λ/2)‖W‖² with λ = 0.1 and ‖W‖² = 30 is 1.5; its gradient λW, against central differences.
TEST(L2Penalty, HasItsValueAndGradient) {
  Matrix<double> W = (Matrix<double>(2, 2) << 1, -2, 3, 4).finished();
  const auto result = bp::nn::l2_penalty(W, 0.1);
  EXPECT_TRUE(AgreesTo("penalty", result.value, 1.5, 6)) << "(λ/2) Σ W²";
  EXPECT_TRUE(GradientMatches(bp::check_gradient("W", W, result.gradient, [&] {
    return bp::nn::l2_penalty(W, 0.1).value;
  }))) << "the ½ makes the gradient λW, which is what PyTorch's weight_decay adds";
  EXPECT_THROW(bp::nn::l2_penalty(W, -1.0), bp::ValueError);
  const auto in_float = bp::nn::l2_penalty<float>(W.cast<float>(), 0.1f);
  EXPECT_TRUE(bp::testing::IsNear("penalty in float", in_float.value, 1.5, 1e-6));
  EXPECT_TRUE(MatrixNear("gradient in float", in_float.gradient.cast<double>(), 0.1 * W, 1e-6));
}

// float and double agree for the fused loss, so chapter 7 can train in float.
TEST(SoftmaxCrossEntropy, FloatAgreesWithDouble) {
  const Matrix<double> Z = bp::random_uniform(4, 3, 9u, -5.0, 5.0);
  const auto d = bp::nn::softmax_cross_entropy(Z, {1, 0, 3});
  const auto f = bp::nn::softmax_cross_entropy<float>(Z.cast<float>(), {1, 0, 3});
  EXPECT_NEAR(f.value, d.value, 1e-5);
  EXPECT_TRUE(MatrixNear("gradient in float", f.gradient.cast<double>(), d.gradient, 1e-6));
}

}  // namespace
