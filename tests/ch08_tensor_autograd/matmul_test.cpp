// Task ch08.1: the matrix product. Its rule is chapter 3's pair of products, dA = dY·Bᵀ and
// dB = Aᵀ·dY, checked on shapes where every dimension differs, so that a transpose in the wrong
// place cannot fit by accident.
#include <gtest/gtest.h>

#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::testing::HasShape;
using bp::testing::MatrixNear;

// A (2, 3)·B (3, 4) is (2, 4), the product Eigen computes, and it requires a gradient because A
// does.
TEST(TensorMatMul, ComputesTheProductOfNonSquareMatrices) {
  const Matrix A = uniform(2, 3, 11), B = uniform(3, 4, 12);
  const Tensor<double> Y = matmul(leaf(A), data(B));
  ASSERT_TRUE(HasShape("matmul(A, B)", Y.value(), 2, 4));
  EXPECT_TRUE(MatrixNear("matmul(A, B)", Y.value(), A * B, 1e-15));
  EXPECT_STREQ(Y.op(), "matmul");
  EXPECT_TRUE(Y.requires_grad()) << "A requires a gradient, so a result computed from it does.";
  EXPECT_FALSE(matmul(data(A), data(B)).requires_grad()) << "nothing here needs a gradient";
}

// dA = dY·Bᵀ (3, 2)·(2, 4) and dB = Aᵀ·dY (4, 3)·(3, 2), against central differences.
TEST(TensorMatMul, RuleMatchesCentralDifferencesForBothOperands) {
  EXPECT_TRUE(RuleMatchesCentralDifferences("matmul(A (3, 4), B (4, 2))",
                                            [](const auto& x) { return matmul(x[0], x[1]); },
                                            {uniform(3, 4, 13), uniform(4, 2, 14)}));
  EXPECT_TRUE(RuleMatchesCentralDifferences(
      "matmul(A (1, 5), B (5, 3))", [](const auto& x) { return matmul(x[0], x[1]); },
      {uniform(1, 5, 15), uniform(5, 3, 16)}, 2));
}

// matmul(A, A) uses A twice: A receives dY·Aᵀ + Aᵀ·dY, both contributions, so each must be
// added (+=) to A's gradient, not assigned.
TEST(TensorMatMul, AnOperandUsedTwiceGetsBothContributions) {
  EXPECT_TRUE(RuleMatchesCentralDifferences(
      "matmul(A, A)", [](const auto& x) { return matmul(x[0], x[0]); }, {uniform(3, 3, 17)}));
}

// W X with X data: only W's gradient is computed. X's stays empty, and its product Wᵀ dY is never
// formed (chapter 3's first layer skipped it for the same reason).
TEST(TensorMatMul, SkipsTheGradientOfDataThatNeedsNone) {
  const Matrix W = uniform(2, 3, 18), X = uniform(3, 5, 19), G = uniform(2, 5, 20);
  const Tensor<double> w = leaf(W), x = data(X);
  const Tensor<double> Y = matmul(w, x);
  ASSERT_NO_THROW(apply_rule(Y, G))
      << "X does not require a gradient, so its grad is an empty (0, 0) matrix: check "
         "requires_grad before adding to an operand's gradient.";
  EXPECT_TRUE(MatrixNear("dW", w.grad(), G * X.transpose(), 1e-14));
  EXPECT_EQ(x.grad().size(), 0) << "data gets no gradient";
}

// Shapes that do not fit are refused with both shapes in the message.
TEST(TensorMatMul, RejectsShapesThatDoNotFitNamingBoth) {
  const Tensor<double> A = leaf(uniform(2, 3, 21));
  EXPECT_TRUE(HasShape("A·Aᵀ", matmul(A, leaf(uniform(3, 2, 22))).value(), 2, 2));
  try {
    matmul(A, A);
    FAIL() << "a (2, 3) by (2, 3) product was accepted";
  } catch (const bp::ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("matmul: A has shape (2, 3) and B has shape (2, 3)"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
