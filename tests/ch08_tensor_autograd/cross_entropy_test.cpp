// Task ch08.6: softmax cross-entropy as one operation with a 1×1 loss: chapter 5's value, and the
// rule dZ = dL·(softmax(Z) − onehot(y))/N.
#include <gtest/gtest.h>

#include <vector>

#include "losses.h"
#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::testing::HasShape;
using bp::testing::IsNear;
using bp::testing::MatrixNear;

const std::vector<int> kLabels = {0, 2, 1, 1, 0};  // N = 5 samples of 3 classes

TEST(TensorCrossEntropy, EqualsChapterFivesLoss) {
  const Matrix Z = uniform(3, 5, 91, -3.0, 3.0);
  const Tensor<double> L = softmax_cross_entropy(leaf(Z), kLabels);
  ASSERT_TRUE(HasShape("the loss", L.value(), 1, 1));
  EXPECT_TRUE(IsNear("loss", L.item(), bp::nn::softmax_cross_entropy(Z, kLabels).value, 1e-14));
}

// With a random upstream dL, against central differences; with dL = 1, chapter 5's gradient,
// divided by N = 5.
TEST(TensorCrossEntropy, RuleMatchesCentralDifferencesAndChapterFive) {
  const Matrix Z = uniform(3, 5, 92, -3.0, 3.0);
  EXPECT_TRUE(RuleMatchesCentralDifferences(
      "softmax_cross_entropy(Z)",
      [](const auto& x) { return softmax_cross_entropy(x[0], kLabels); }, {Z}));
  const Tensor<double> z = leaf(Z);
  apply_rule(softmax_cross_entropy(z, kLabels), Matrix::Ones(1, 1));
  EXPECT_TRUE(MatrixNear("dZ", z.grad(), bp::nn::softmax_cross_entropy(Z, kLabels).gradient, 1e-15))
      << "dZ = (softmax(Z) − onehot(y)) / N: the loss is a mean over the N samples";
}

// Logits of ±1000: a softmax without the maximum subtracted overflows to inf/inf = NaN.
TEST(TensorCrossEntropy, StaysFiniteForHugeLogits) {
  Matrix Z(3, 2);
  Z << 1000, -1000,  //
      -1000, 999,    //
      0, 1000;
  const std::vector<int> labels = {1, 2};
  const Tensor<double> z = leaf(Z);
  const Tensor<double> L = softmax_cross_entropy(z, labels);
  EXPECT_TRUE(IsNear("loss", L.item(), bp::nn::softmax_cross_entropy(Z, labels).value, 1e-12));
  apply_rule(L, Matrix::Ones(1, 1));
  EXPECT_TRUE(z.grad().allFinite()) << z.grad();
}

TEST(TensorCrossEntropy, RejectsLabelsThatDoNotFit) {
  const Tensor<double> z = leaf(uniform(3, 2, 93));
  EXPECT_GT(softmax_cross_entropy(z, {0, 1}).item(), 0.0);
  EXPECT_THROW((void)softmax_cross_entropy(z, {0, 1, 2}), bp::ShapeError);
  try {
    (void)softmax_cross_entropy(z, {0, 3});
    FAIL() << "label 3 of 3 classes was accepted";
  } catch (const bp::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("sample 1 has label 3, outside [0, 3)"), std::string::npos)
        << e.what();
  }
}

}  // namespace
