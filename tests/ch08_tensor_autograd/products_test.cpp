// Task ch08.3: the entrywise product and the scalar multiple. Their Jacobians are diagonal, so
// each rule is an entrywise product: dA = dY ⊙ B, dB = dY ⊙ A, dX = s·dY.
#include <gtest/gtest.h>

#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::testing::MatrixNear;

TEST(TensorProducts, MultiplyEntryByEntryAndByAConstant) {
  const Matrix A = uniform(3, 4, 61), B = uniform(3, 4, 62);
  EXPECT_TRUE(MatrixNear("mul(A, B)", mul(leaf(A), leaf(B)).value(), A.cwiseProduct(B), 1e-15));
  EXPECT_TRUE(MatrixNear("-2.5 * A", (-2.5 * leaf(A)).value(), -2.5 * A, 1e-15));
}

// dA = dY ⊙ B and dB = dY ⊙ A, for (3, 4) operands; mul(x, x) gives x two contributions.
TEST(TensorProducts, EntrywiseProductRuleMatchesCentralDifferences) {
  EXPECT_TRUE(RuleMatchesCentralDifferences("mul(A, B)",
                                            [](const auto& x) { return mul(x[0], x[1]); },
                                            {uniform(3, 4, 63), uniform(3, 4, 64)}));
  EXPECT_TRUE(RuleMatchesCentralDifferences(
      "mul(x, x)", [](const auto& x) { return mul(x[0], x[0]); }, {uniform(3, 4, 65)}, 2));
}

// dX = s·dY, for s = −2.5.
TEST(TensorProducts, ScalarMultipleRuleMatchesCentralDifferences) {
  EXPECT_TRUE(RuleMatchesCentralDifferences("-2.5 * X", [](const auto& x) { return -2.5 * x[0]; },
                                            {uniform(2, 5, 66)}));
}

TEST(TensorProducts, RejectsAnEntrywiseProductOfDifferentShapes) {
  const Tensor<double> A = leaf(uniform(3, 4, 67));
  EXPECT_TRUE(MatrixNear("mul(A, A)", mul(A, A).value(), A.value().cwiseProduct(A.value()), 0));
  try {
    (void)mul(A, leaf(uniform(4, 3, 68)));
    FAIL() << "a (3, 4) ⊙ (4, 3) product was accepted";
  } catch (const bp::ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("mul: A has shape (3, 4) and B has shape (4, 3)"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
