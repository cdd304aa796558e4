// Task ch08.2: addition and subtraction, and the bias: a column (r, 1) added to every column of
// an (r, N) batch, whose gradient is the sum of the batch's gradients, chapter 3's db = dY 1.
#include <gtest/gtest.h>

#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::testing::HasShape;
using bp::testing::MatrixNear;

const auto add = [](const std::vector<Tensor<double>>& x) { return x[0] + x[1]; };
const auto subtract = [](const std::vector<Tensor<double>>& x) { return x[0] - x[1]; };

// Entry by entry, for two (3, 4) matrices.
TEST(TensorAddition, AddsAndSubtractsEntryByEntry) {
  const Matrix A = uniform(3, 4, 31), B = uniform(3, 4, 32);
  EXPECT_TRUE(MatrixNear("A + B", (leaf(A) + leaf(B)).value(), A + B, 1e-15));
  EXPECT_TRUE(MatrixNear("A - B", (leaf(A) - leaf(B)).value(), A - B, 1e-15));
}

// A (3, 4) + b (3, 1) adds b to each of the four columns; A − b subtracts it.
TEST(TensorAddition, AddsAColumnToEveryColumn) {
  const Matrix A = uniform(3, 4, 33), b = uniform(3, 1, 34);
  const char* hint =
      "b (3, 1) goes into each of A's 4 columns: Eigen does not broadcast A + b, but "
      "Y.colwise() += b.col(0) adds a column to every column";
  ASSERT_NO_THROW((void)(leaf(A) + leaf(b))) << hint;
  ASSERT_NO_THROW((void)(leaf(A) - leaf(b))) << hint;
  const Tensor<double> sum = leaf(A) + leaf(b), difference = leaf(A) - leaf(b);
  ASSERT_TRUE(HasShape("A + b", sum.value(), 3, 4));
  EXPECT_TRUE(MatrixNear("A + b", sum.value(), A + b.replicate(1, 4), 1e-15));
  EXPECT_TRUE(MatrixNear("A - b", difference.value(), A - b.replicate(1, 4), 1e-15));
}

// Same shapes: dA = dY and dB = ±dY, for (3, 4) operands.
TEST(TensorAddition, SameShapeRulesMatchCentralDifferences) {
  EXPECT_TRUE(RuleMatchesCentralDifferences("A + B", add, {uniform(3, 4, 35), uniform(3, 4, 36)}));
  EXPECT_TRUE(
      RuleMatchesCentralDifferences("A - B", subtract, {uniform(3, 4, 37), uniform(3, 4, 38)}, 2));
}

// A (3, 5) ± b (3, 1): b moves all five columns, so db is the sum of dY's five columns, a (3, 1)
// column again, and for A − b its negative.
TEST(TensorAddition, TheBiasGradientIsTheSumOverTheBatch) {
  EXPECT_TRUE(RuleMatchesCentralDifferences("A + b", add, {uniform(3, 5, 39), uniform(3, 1, 40)}));
  EXPECT_TRUE(
      RuleMatchesCentralDifferences("A - b", subtract, {uniform(3, 5, 41), uniform(3, 1, 42)}, 3));
  const Matrix G = uniform(3, 5, 43);
  const Tensor<double> A = leaf(uniform(3, 5, 44)), b = leaf(uniform(3, 1, 45));
  ASSERT_NO_THROW(apply_rule(A + b, G))
      << "b (3, 1) was added to all 5 columns: its gradient is the (3, 1) sum of dY's columns, "
         "not dY (3, 5) itself";
  EXPECT_TRUE(MatrixNear("db", b.grad(), G.rowwise().sum(), 1e-14))
      << "db = dY 1: the sum over the batch (not the mean, not the first column)";
}

// x + x uses x twice: it gets dY twice. x − x gets nothing.
TEST(TensorAddition, AnOperandUsedTwiceGetsBothContributions) {
  const Matrix X = uniform(2, 3, 46), G = uniform(2, 3, 47);
  const Tensor<double> x = leaf(X);
  apply_rule(x + x, G);
  EXPECT_TRUE(MatrixNear("d(x + x)/dx", x.grad(), 2 * G, 1e-15))
      << "both operands are x: each adds its dY to x.grad (+=, not =)";
  apply_rule(x - x, G);
  EXPECT_TRUE(MatrixNear("d(x - x)/dx", x.grad(), Matrix::Zero(2, 3), 1e-15));
}

// Only A's shape, or a column with A's rows on the right, fits; the error names both shapes.
TEST(TensorAddition, RejectsShapesThatDoNotFit) {
  const Tensor<double> A = leaf(uniform(3, 4, 48));
  EXPECT_TRUE(HasShape("A + A", (A + A).value(), 3, 4));
  const auto rejects = [&](const Tensor<double>& left, const Tensor<double>& right,
                           const std::string& expected) {
    try {
      (void)(left + right);
      ADD_FAILURE() << "accepted " << expected;
    } catch (const bp::ShapeError& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  };
  rejects(A, leaf(uniform(2, 4, 49)), "operator+: A has shape (3, 4) and B has shape (2, 4)");
  rejects(A, leaf(uniform(3, 2, 50)), "operator+: A has shape (3, 4) and B has shape (3, 2)");
  rejects(A, leaf(uniform(1, 4, 51)), "operator+: A has shape (3, 4) and B has shape (1, 4)");
  rejects(leaf(uniform(3, 1, 52)), A, "operator+: A has shape (3, 1) and B has shape (3, 4)");
  EXPECT_THROW((void)(A - leaf(uniform(4, 1, 53))), bp::ShapeError);
}

}  // namespace
