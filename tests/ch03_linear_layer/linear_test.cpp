// Tasks ch03.1 (forward) and ch03.2 (backward) of the linear layer. Shapes are never square here,
// so a transposed result cannot pass by having the right size.
#include "linear.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "bp/gradient_check.h"
#include "bp/shape.h"
#include "bp/testing/assertions.h"

namespace {

using bp::nn::Linear;
using bp::nn::Matrix;
using bp::nn::Vector;
using bp::testing::GradientMatches;
using bp::testing::HasShape;
using bp::testing::MatrixNear;

// A layer with 3 inputs and 2 outputs, and a batch of N = 4 samples.
class LinearLayer : public ::testing::Test {
 protected:
  Matrix<double> W = (Matrix<double>(2, 3) << 1, -2, 0.5, 0, 3, -1).finished();
  Vector<double> b = (Vector<double>(2) << 0.25, -0.5).finished();
  Matrix<double> X = (Matrix<double>(3, 4) << 1, 0, -1, 2,  //
                      0, 1, 2, -1,                          //
                      3, 1, 0, 0.5)
                         .finished();
};

using LinearForward = LinearLayer;
using LinearBackward = LinearLayer;

// --- ch03.1 -------------------------------------------------------------------------------------

// Y = W X + b 1ᵀ is (out, N) = (2, 4).
TEST_F(LinearForward, GivesOneOutputColumnPerSample) {
  Linear<double> layer(W, b);
  EXPECT_TRUE(HasShape("Y", layer.forward(X), 2, 4));
}

// The first sample x = (1, 0, 3): y = (1 − 0 + 1.5 + 0.25, 0 + 0 − 3 − 0.5) = (2.75, −3.5).
TEST_F(LinearForward, MatchesTheProductComputedByHand) {
  Linear<double> layer(W, b);
  Matrix<double> expected(2, 4);
  expected << 2.75, -1.25, -4.75, 4.5,  //
      -3.5, 1.5, 5.5, -4.0;
  EXPECT_TRUE(MatrixNear("Y", layer.forward(X), expected, 1e-12))
      << "each column is W·x + b: the bias is added to every sample";
}

// An empty batch gives an empty output; an input with the wrong number of features is an error
// naming the function and both shapes.
TEST_F(LinearForward, HandlesEmptyBatchesAndRejectsWrongShapes) {
  Linear<double> layer(W, b);
  EXPECT_TRUE(HasShape("Y of an empty batch", layer.forward(Matrix<double>(3, 0)), 2, 0));
  try {
    layer.forward(Matrix<double>::Zero(2, 4));
    FAIL() << "a (2, 4) input to a layer with 3 inputs was accepted";
  } catch (const bp::ShapeError& e) {
    EXPECT_STREQ(e.what(), "Linear::forward: X has shape (2, 4) but (3, ?) was expected");
  }
  bp::Rng rng(1);
  EXPECT_THROW(Linear<double>(0, 2, rng), bp::ValueError) << "a layer needs at least one input";
  EXPECT_THROW(Linear<double>(W, Vector<double>::Zero(3)), bp::ShapeError)
      << "b must have one entry per output (W's rows)";
}

// Linear(in, out, rng) draws W and b uniformly from [−1/√in, 1/√in), PyTorch's default: with
// in = 400 the bound is 0.05, and the 1200 weights reach within 1% of it on both sides. The
// gradients start at zero, with their variables' shapes. Y = W·0 + b is b in every column.
TEST_F(LinearForward, ADrawnLayerHasPyTorchsInitialisation) {
  bp::Rng rng(4);
  Linear<double> layer(400, 3, rng);
  const Matrix<double> Y = layer.forward(Matrix<double>::Zero(400, 2));
  EXPECT_TRUE(MatrixNear("Y of a zero input", Y, layer.b().replicate(1, 2), 0.0));
  EXPECT_TRUE(HasShape("W", layer.W(), 3, 400));
  const double bound = 1.0 / std::sqrt(400.0);
  EXPECT_LT(layer.W().cwiseAbs().maxCoeff(), bound);
  EXPECT_GT(layer.W().maxCoeff(), 0.99 * bound);
  EXPECT_LT(layer.W().minCoeff(), -0.99 * bound);
  EXPECT_LT(layer.b().cwiseAbs().maxCoeff(), bound);
  EXPECT_TRUE(MatrixNear("dW before any backward", layer.dW(), Matrix<double>::Zero(3, 400), 0.0));
  EXPECT_TRUE(MatrixNear("db before any backward", layer.db(), Vector<double>::Zero(3), 0.0));
}

// Non-finite inputs are not an error: they propagate as IEEE arithmetic says (NaN stays NaN).
TEST_F(LinearForward, PropagatesNonFiniteInputs) {
  Linear<double> layer(W, b);
  Matrix<double> bad = X;
  bad(0, 0) = std::numeric_limits<double>::quiet_NaN();
  const Matrix<double> Y = layer.forward(bad);
  EXPECT_TRUE(std::isnan(Y(0, 0)));
  EXPECT_TRUE(std::isfinite(Y(0, 1)));
}

// --- ch03.2 -------------------------------------------------------------------------------------

// The fake-loss trick: L = Σ G ⊙ Y for a fixed random G has ∂L/∂Y = G, so backward(G) must
// return ∂L/∂X and store ∂L/∂W and ∂L/∂b. Each is checked against central differences.
TEST_F(LinearBackward, AllThreeGradientsMatchCentralDifferences) {
  const Matrix<double> G = bp::random_uniform(2, 4, 11u);
  Linear<double> layer(W, b);
  layer.forward(X);
  Matrix<double> dX = layer.backward(G);
  Matrix<double> x = X, w = W;
  Vector<double> bias = b;
  auto L = [&] { return (G.array() * Linear<double>(w, bias).forward(x).array()).sum(); };
  EXPECT_TRUE(GradientMatches(bp::check_gradient("X", x, dX, L)));
  EXPECT_TRUE(GradientMatches(bp::check_gradient("W", w, layer.dW(), L)));
  Matrix<double> bias_as_matrix = bias;
  auto Lb = [&] {
    return (G.array() * Linear<double>(W, bias_as_matrix.col(0)).forward(X).array()).sum();
  };
  EXPECT_TRUE(GradientMatches(bp::check_gradient("b", bias_as_matrix, layer.db(), Lb)));
}

// Each gradient has its variable's shape: dX (3, 4), dW (2, 3), db (2).
TEST_F(LinearBackward, GradientsHaveTheShapesOfTheirVariables) {
  Linear<double> layer(W, b);
  layer.forward(X);
  EXPECT_TRUE(HasShape("dX", layer.backward(Matrix<double>::Ones(2, 4)), 3, 4));
  EXPECT_TRUE(HasShape("dW", layer.dW(), 2, 3)) << "dW = dY Xᵀ is (out, N)·(N, in) = (out, in)";
  EXPECT_TRUE(HasShape("db", layer.db(), 2, 1)) << "db sums dY over the batch: one per output";
}

// Worked example (D): the gradient of a summed loss over a batch is the sum of the per-sample
// gradients, and of a mean loss, their mean. Here ℓ(y) = ½‖y − t‖², so ∂ℓ/∂y = y − t.
TEST_F(LinearBackward, BatchGradientIsTheSumOfPerSampleGradients) {
  bp::Rng rng(21);
  Linear<double> layer(5, 3, rng);
  const Matrix<double> inputs = bp::random_uniform(5, 7, rng);
  const Matrix<double> targets = bp::random_uniform(3, 7, rng);
  layer.forward(inputs);
  layer.backward(layer.forward(inputs) - targets);  // summed loss: dY = Y − T
  const Matrix<double> batch_dW = layer.dW();
  const Vector<double> batch_db = layer.db();
  Matrix<double> sum_dW = Matrix<double>::Zero(3, 5);
  Vector<double> sum_db = Vector<double>::Zero(3);
  for (Eigen::Index n = 0; n < 7; ++n) {
    const Matrix<double> x = inputs.col(n);
    layer.backward(layer.forward(x) - targets.col(n));
    sum_dW += layer.dW();
    sum_db += layer.db();
  }
  EXPECT_TRUE(MatrixNear("dW of the summed loss", batch_dW, sum_dW, 1e-12));
  EXPECT_TRUE(MatrixNear("db of the summed loss", batch_db, sum_db, 1e-12));
  layer.forward(inputs);
  layer.backward((layer.forward(inputs) - targets) / 7.0);  // mean loss: dY = (Y − T)/N
  EXPECT_TRUE(MatrixNear("dW of the mean loss", layer.dW(), sum_dW / 7.0, 1e-12));
}

// With the input gradient switched off (a network's first layer: set_input_gradient(false)),
// backward returns an empty (0, N) dX but must still store dW and db, exactly as with it on:
// chapter 7's make_mlp switches it off, and an optimizer then reads dW and db.
TEST_F(LinearBackward, WithoutTheInputGradientStillStoresDWAndDb) {
  const Matrix<double> G = bp::random_uniform(2, 4, 12u);
  Linear<double> full(W, b), skipping(W, b);
  skipping.set_input_gradient(false);
  full.forward(X);
  skipping.forward(X);
  EXPECT_FALSE(skipping.input_gradient());
  const Matrix<double> dX = full.backward(G);
  EXPECT_TRUE(HasShape("dX with the input gradient off", skipping.backward(G), 0, 4));
  EXPECT_TRUE(MatrixNear("dW with the input gradient off", skipping.dW(), full.dW(), 0.0))
      << "dW and db do not depend on whether dX is wanted: compute them first";
  EXPECT_TRUE(MatrixNear("db with the input gradient off", skipping.db(), full.db(), 0.0));
  skipping.set_input_gradient(true);
  EXPECT_TRUE(MatrixNear("dX once it is switched on again", skipping.backward(G), dX, 0.0));
}

// An empty batch has zero gradients for W and b, and an empty dX.
TEST_F(LinearBackward, HandlesAnEmptyBatch) {
  Linear<double> layer(W, b);
  layer.forward(Matrix<double>(3, 0));
  EXPECT_TRUE(HasShape("dX", layer.backward(Matrix<double>(2, 0)), 3, 0));
  EXPECT_TRUE(MatrixNear("dW", layer.dW(), Matrix<double>::Zero(2, 3), 0.0));
  EXPECT_TRUE(MatrixNear("db", layer.db(), Vector<double>::Zero(2), 0.0));
}

// A gradient whose shape does not match the last forward is an error naming both shapes.
TEST_F(LinearBackward, RejectsAGradientOfTheWrongShape) {
  Linear<double> layer(W, b);
  layer.forward(X);
  EXPECT_TRUE(HasShape("dX", layer.backward(Matrix<double>::Zero(2, 4)), 3, 4));
  EXPECT_THROW(layer.backward(Matrix<double>::Zero(2, 3)), bp::ShapeError);
  EXPECT_THROW(layer.backward(Matrix<double>::Zero(4, 2)), bp::ShapeError);
  Linear<double> fresh(W, b);
  EXPECT_THROW(fresh.backward(Matrix<double>::Zero(2, 4)), std::logic_error)
      << "backward before any forward has no input to differentiate with";
}

// parameters() gives views of W, b and their gradients that alias the layer: what an optimizer
// reads and writes in chapter 6. Moving the layer keeps them valid.
TEST_F(LinearBackward, ParameterViewsAliasTheLayer) {
  Linear<double> layer(W, b);
  layer.forward(X);
  layer.backward(Matrix<double>::Ones(2, 4));
  Linear<double> moved = std::move(layer);
  auto params = moved.parameters();
  ASSERT_EQ(params.size(), 2u);
  EXPECT_TRUE(MatrixNear("the view of dW", params[0].grad, moved.dW(), 0.0));
  EXPECT_TRUE(MatrixNear("the view of db", params[1].grad, moved.db(), 0.0));
  params[0].value(1, 2) = 42.0;
  EXPECT_EQ(moved.W()(1, 2), 42.0) << "writing through the view writes the layer's W";
}

// The same source in float agrees with double to float precision.
TEST_F(LinearBackward, FloatAgreesWithDouble) {
  Linear<double> d(W, b);
  Linear<float> f(W.cast<float>(), b.cast<float>());
  const Matrix<double> G = bp::random_uniform(2, 4, 3u);
  d.forward(X);
  f.forward(X.cast<float>());
  const Matrix<double> dX = d.backward(G);
  const Matrix<double> dXf = f.backward(G.cast<float>()).cast<double>();
  EXPECT_TRUE(MatrixNear("dX in float", dXf, dX, 1e-5));
  EXPECT_TRUE(MatrixNear("dW in float", f.dW().cast<double>(), d.dW(), 1e-5));
}

}  // namespace
