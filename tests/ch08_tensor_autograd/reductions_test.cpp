// Task ch08.4: sum and mean to a 1×1 tensor. The rule spreads one upstream number over every
// entry: dX = dY·1 for the sum, dY/(r·c) for the mean of r·c entries.
#include <gtest/gtest.h>

#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::testing::HasShape;
using bp::testing::IsNear;

// Over a (3, 4) matrix: 12 entries, so a mean over the rows (3) or the columns (4) is wrong.
TEST(TensorReductions, SumAndMeanGiveOneByOneTensors) {
  const Matrix X = uniform(3, 4, 71);
  const Tensor<double> s = sum(leaf(X)), m = mean(leaf(X));
  ASSERT_TRUE(HasShape("sum(X)", s.value(), 1, 1));
  ASSERT_TRUE(HasShape("mean(X)", m.value(), 1, 1));
  EXPECT_TRUE(IsNear("sum(X)", s.item(), X.sum(), 1e-14));
  EXPECT_TRUE(IsNear("mean(X)", m.item(), X.sum() / 12.0, 1e-15)) << "the mean of all 12 entries";
}

// dX = dY·1, with a random dY (not 1, so a rule that ignores dY fails).
TEST(TensorReductions, SumRuleSpreadsTheUpstreamGradient) {
  EXPECT_TRUE(RuleMatchesCentralDifferences("sum(X)", [](const auto& x) { return sum(x[0]); },
                                            {uniform(3, 4, 72)}));
}

// dX = dY/12 at every entry of a (3, 4) X.
TEST(TensorReductions, MeanRuleDividesByEveryEntry) {
  EXPECT_TRUE(RuleMatchesCentralDifferences(
      "mean(X)", [](const auto& x) { return mean(x[0]); }, {uniform(3, 4, 73)}, 2));
}

TEST(TensorReductions, RejectsTheMeanOfNothing) {
  EXPECT_TRUE(IsNear("mean of one entry", mean(leaf(Matrix::Constant(1, 1, 2.5))).item(), 2.5, 0));
  EXPECT_THROW((void)mean(leaf(Matrix(0, 3))), bp::ValueError);
}

}  // namespace
