// Task ch07.4: inverted dropout. In training mode it zeroes a fraction p of the entries and
// scales the rest by 1/(1 − p); backward uses the same mask; in evaluation mode it is the
// identity.
#include "dropout.h"

#include <gtest/gtest.h>

#include "bp/gradient_check.h"
#include "bp/testing/assertions.h"

namespace {

using bp::nn::Dropout;
using bp::nn::Matrix;
using bp::testing::IsNear;
using bp::testing::MatrixNear;

// Over 10,000 entries the fraction dropped has standard deviation √(0.25·0.75/10⁴) = 0.0043, so
// the tolerance 0.02 is 4.6 of them: a correct layer fails with probability below 4e-6 for a
// random seed, and one that drops with probability 1 − p (0.75) fails with certainty.
TEST(DropoutLayer, DropsAboutPAndScalesTheRestSoTheMeanIsKept) {
  Dropout<double> dropout(0.25, 1);
  const Matrix<double> X = Matrix<double>::Constant(100, 100, 2.0);
  const Matrix<double> Y = dropout.forward(X);
  const double dropped = static_cast<double>((Y.array() == 0.0).count()) / 10000.0;
  EXPECT_TRUE(IsNear("the fraction dropped", dropped, 0.25, 0.02));
  EXPECT_TRUE(((Y.array() == 0.0) || (Y.array() == 2.0 / 0.75)).all())
      << "A kept entry is scaled by 1/(1 − p) = 4/3, so that E[Y] = X without rescaling at test "
         "time.";
  EXPECT_TRUE(IsNear("the mean of Y", Y.mean(), 2.0, 0.05));
}

// Each entry is kept or dropped on its own draw, not one draw per unit (row) or per sample
// (column). With p = 0.25 and 100 entries per row, a row of independent draws is all kept with
// probability 0.75¹⁰⁰ ≈ 3e-13 (all dropped: 0.25¹⁰⁰), so a correct layer shows a uniform row or
// column among these 200 with probability below 1e-10; a mask drawn per unit makes all 100 rows
// uniform, one drawn per sample all 100 columns: each fails with certainty, whatever the seed.
TEST(DropoutLayer, DrawsEveryEntryOnItsOwn) {
  Dropout<double> dropout(0.25, 5);
  const Matrix<double> Y = dropout.forward(Matrix<double>::Ones(100, 100));
  const Eigen::ArrayXXd dropped = (Y.array() == 0.0).cast<double>();
  const Eigen::ArrayXd per_row = dropped.rowwise().sum(), per_column = dropped.colwise().sum();
  const auto uniform = [](const Eigen::ArrayXd& counts) {
    return ((counts == 0.0) || (counts == 100.0)).count();
  };
  EXPECT_EQ(uniform(per_row), 0)
      << "rows (units) that are entirely kept or entirely dropped: draw one number per entry, "
         "random_uniform(X.rows(), X.cols(), ...), not one per unit";
  EXPECT_EQ(uniform(per_column), 0)
      << "columns (samples) that are entirely kept or entirely dropped: draw one number per "
         "entry, not one per sample";
}

TEST(DropoutLayer, BackwardUsesTheForwardPassesMask) {
  Dropout<double> dropout(0.5, 2);
  bp::Rng rng(3);
  Matrix<double> X = bp::random_normal(4, 6, rng);
  const Matrix<double> Y = dropout.forward(X);
  const Matrix<double> dY = Matrix<double>::Ones(4, 6);
  const Matrix<double> dX = dropout.backward(dY);
  // Y = X ⊙ M with M fixed by the forward pass, so dX = dY ⊙ M = Y ⊘ X entry by entry.
  EXPECT_TRUE(MatrixNear("dX", dX, Y.cwiseQuotient(X), 1e-12))
      << "dX = dY ⊙ M: the mask (and the 1/(1 − p) scale) that forward drew, applied again to "
         "dY; neither a new mask nor dY passed through unmasked.";
  EXPECT_THROW(dropout.backward(Matrix<double>::Ones(3, 6)), bp::ShapeError);
}

// Two independent masks of 64 entries at p = 0.5 agree everywhere with probability 2⁻⁶⁴.
TEST(DropoutLayer, DrawsNewMasksAndRepeatsWithTheSeed) {
  Dropout<double> a(0.5, 9), b(0.5, 9);
  const Matrix<double> X = Matrix<double>::Ones(8, 8);
  const Matrix<double> first = a.forward(X);
  EXPECT_TRUE(MatrixNear("the same seed", b.forward(X), first, 0));
  EXPECT_FALSE(first.isApprox(a.forward(X))) << "Each forward pass draws a fresh mask.";
}

// In evaluation mode, whichever mode the layer was in before, forward and backward are the
// identity; back in training mode it draws masks again.
TEST(DropoutLayer, IsTheIdentityInEvaluationMode) {
  Dropout<double> dropout(0.5, 4);
  bp::Rng rng(4);
  const Matrix<double> X = bp::random_normal(3, 4, rng);
  const Matrix<double> trained = dropout.forward(X);  // training mode first: a mask is drawn
  EXPECT_FALSE(trained.isApprox(X));
  dropout.set_training(false);
  EXPECT_TRUE(MatrixNear("Y in evaluation mode", dropout.forward(X), X, 0));
  EXPECT_TRUE(MatrixNear("dX in evaluation mode", dropout.backward(X), X, 0));
  dropout.set_training(true);
  EXPECT_FALSE(dropout.forward(X).isApprox(X)) << "back in training mode, a mask is drawn";
  Dropout<double> evaluated_first(0.5, 4);
  evaluated_first.set_training(false);
  EXPECT_TRUE(MatrixNear("Y of a layer that never trained", evaluated_first.forward(X), X, 0));
  EXPECT_TRUE(MatrixNear("dX of a layer that never trained", evaluated_first.backward(X), X, 0));
}

TEST(DropoutLayer, RejectsAProbabilityOutsideZeroToOne) {
  Dropout<double> ok(0.0, 1);
  EXPECT_TRUE(MatrixNear("p = 0 keeps everything", ok.forward(Matrix<double>::Ones(2, 2)),
                         Matrix<double>::Ones(2, 2), 0));
  EXPECT_THROW(Dropout<double>(1.0), bp::ValueError);
  EXPECT_THROW(Dropout<double>(-0.1), bp::ValueError);
}

}  // namespace
