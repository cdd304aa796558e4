// Tasks ch04.1–ch04.4: activation layers. One test body runs over the whole family
// (ActivationFamily, instantiated once per task), then each activation has its own known values.
#include "activations.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>

#include "bp/gradient_check.h"
#include "bp/random.h"
#include "bp/shape.h"
#include "bp/testing/assertions.h"

namespace {

using bp::nn::Layer;
using bp::nn::Matrix;
using bp::testing::GradientMatches;
using bp::testing::HasShape;
using bp::testing::IsNear;
using bp::testing::MatrixNear;

struct Activation {
  std::string name;
  std::function<std::unique_ptr<Layer<double>>()> make;
  std::function<std::unique_ptr<Layer<float>>()> make_float;  // the same layer in float
};

std::string NameOf(const ::testing::TestParamInfo<Activation>& info) { return info.param.name; }

// A (3, 4) batch whose entries stay at least 0.1 away from 0, ReLU's kink.
Matrix<double> away_from_the_kink(std::uint64_t seed) {
  Matrix<double> Z = bp::random_uniform(3, 4, seed, -2.0, 2.0);
  return Z.unaryExpr([](double z) { return std::abs(z) < 0.1 ? z + (z >= 0 ? 0.2 : -0.2) : z; });
}

class ActivationFamily : public ::testing::TestWithParam<Activation> {};

// The fake-loss trick: with L = Σ G ⊙ f(Z) for a fixed random G, ∂L/∂A = G, so backward(G) must
// equal ∂L/∂Z, which central differences measure entry by entry.
TEST_P(ActivationFamily, BackwardMatchesCentralDifferences) {
  Matrix<double> Z = away_from_the_kink(1);
  const Matrix<double> G = bp::random_uniform(3, 4, 2u);
  auto layer = GetParam().make();
  layer->forward(Z);
  const Matrix<double> dZ = layer->backward(G);
  auto L = [&] { return (G.array() * GetParam().make()->forward(Z).array()).sum(); };
  EXPECT_TRUE(GradientMatches(bp::check_gradient("Z", Z, dZ, L))) << GetParam().name;
}

// Shapes are kept: A and dZ are (features, N); an empty batch gives empty results.
TEST_P(ActivationFamily, KeepsShapesAndHandlesEmptyBatches) {
  auto layer = GetParam().make();
  EXPECT_TRUE(HasShape("A", layer->forward(away_from_the_kink(3)), 3, 4));
  EXPECT_TRUE(HasShape("dZ", layer->backward(Matrix<double>::Ones(3, 4)), 3, 4));
  EXPECT_TRUE(HasShape("A of an empty batch", layer->forward(Matrix<double>(3, 0)), 3, 0));
  EXPECT_TRUE(HasShape("dZ of an empty batch", layer->backward(Matrix<double>(3, 0)), 3, 0));
}

// Inputs of ±1000 give finite outputs and finite gradients: no overflow anywhere.
TEST_P(ActivationFamily, StaysFiniteForHugeInputs) {
  Matrix<double> Z(3, 2);
  Z << 1000, -1000, -1000, 1000, 0.5, -0.5;
  auto layer = GetParam().make();
  const Matrix<double> A = layer->forward(Z);
  const Matrix<double> dZ = layer->backward(Matrix<double>::Ones(3, 2));
  EXPECT_TRUE(A.allFinite()) << GetParam().name << " forward overflowed:\n" << A;
  EXPECT_TRUE(dZ.allFinite()) << GetParam().name << " backward overflowed:\n" << dZ;
}

// A NaN input is not an error: it stays NaN in its own sample (for softmax, its whole column),
// and the other samples are untouched.
TEST_P(ActivationFamily, PropagatesNonFiniteInputsWithinTheirSample) {
  Matrix<double> Z = away_from_the_kink(5);
  Z(0, 0) = std::numeric_limits<double>::quiet_NaN();
  auto layer = GetParam().make();
  const Matrix<double> A = layer->forward(Z);
  EXPECT_TRUE(std::isnan(A(0, 0))) << GetParam().name << " turned NaN into " << A(0, 0);
  EXPECT_TRUE(A.rightCols(3).allFinite()) << "the other samples must not be affected";
}

// A gradient whose shape differs from the last forward is an error naming both shapes.
TEST_P(ActivationFamily, RejectsAGradientOfTheWrongShape) {
  auto layer = GetParam().make();
  EXPECT_TRUE(HasShape("A", layer->forward(away_from_the_kink(4)), 3, 4));
  EXPECT_THROW(layer->backward(Matrix<double>::Ones(4, 3)), bp::ShapeError);
}

// The same source in float (chapter 7 trains in float) agrees with double to float precision,
// forward and backward.
TEST_P(ActivationFamily, FloatAgreesWithDouble) {
  const Matrix<double> Z = away_from_the_kink(6);
  const Matrix<double> G = bp::random_uniform(3, 4, 7u);
  auto d = GetParam().make();
  auto f = GetParam().make_float();
  const Matrix<double> A = d->forward(Z);
  const Matrix<double> Af = f->forward(Z.cast<float>()).cast<double>();
  EXPECT_TRUE(MatrixNear(GetParam().name + " forward in float", Af, A, 1e-6));
  const Matrix<double> dZf = f->backward(G.cast<float>()).cast<double>();
  EXPECT_TRUE(MatrixNear(GetParam().name + " backward in float", dZf, d->backward(G), 1e-6));
}

INSTANTIATE_TEST_SUITE_P(Sigmoid, ActivationFamily,
                         ::testing::Values(Activation{
                             "sigmoid", [] { return std::make_unique<bp::nn::Sigmoid<double>>(); },
                             [] { return std::make_unique<bp::nn::Sigmoid<float>>(); }}),
                         NameOf);
INSTANTIATE_TEST_SUITE_P(Tanh, ActivationFamily,
                         ::testing::Values(Activation{
                             "tanh", [] { return std::make_unique<bp::nn::Tanh<double>>(); },
                             [] { return std::make_unique<bp::nn::Tanh<float>>(); }}),
                         NameOf);
INSTANTIATE_TEST_SUITE_P(
    Relu, ActivationFamily,
    ::testing::Values(Activation{"relu", [] { return std::make_unique<bp::nn::Relu<double>>(); },
                                 [] { return std::make_unique<bp::nn::Relu<float>>(); }},
                      Activation{"leaky_relu",
                                 [] { return std::make_unique<bp::nn::LeakyRelu<double>>(0.1); },
                                 [] { return std::make_unique<bp::nn::LeakyRelu<float>>(0.1f); }}),
    NameOf);
INSTANTIATE_TEST_SUITE_P(Softmax, ActivationFamily,
                         ::testing::Values(Activation{
                             "softmax", [] { return std::make_unique<bp::nn::Softmax<double>>(); },
                             [] { return std::make_unique<bp::nn::Softmax<float>>(); }}),
                         NameOf);

// --- ch04.1 -------------------------------------------------------------------------------------

// σ(0) = ½, σ'(0) = ¼ (the largest it gets), σ(±1000) = 1 and 0 exactly.
TEST(SigmoidLayer, HasTheKnownValues) {
  bp::nn::Sigmoid<double> sigmoid;
  Matrix<double> Z(1, 3);
  Z << 0.0, 1000.0, -1000.0;
  const Matrix<double> A = sigmoid.forward(Z);
  EXPECT_TRUE(IsNear("sigmoid(0)", A(0, 0), 0.5, 0.0));
  EXPECT_TRUE(IsNear("sigmoid(1000)", A(0, 1), 1.0, 0.0));
  EXPECT_TRUE(IsNear("sigmoid(-1000)", A(0, 2), 0.0, 0.0));
  EXPECT_TRUE(IsNear("sigmoid'(0)", sigmoid.backward(Matrix<double>::Ones(1, 3))(0, 0), 0.25, 0.0))
      << "σ'(z) = a(1 − a) with a the OUTPUT σ(z): the layer remembers A, not Z (or, if the value "
         "is garbage, an Eigen expression stored in `auto` outlived its operands)";
}

// --- ch04.2 -------------------------------------------------------------------------------------

// tanh(0) = 0 and tanh'(0) = 1; tanh(±1000) = ±1 exactly, with gradient 0; tanh'(0.5) =
// 0.786448.
TEST(TanhLayer, HasTheKnownValues) {
  bp::nn::Tanh<double> layer;
  Matrix<double> Z(1, 4);
  Z << 0.0, 1000.0, 0.5, -1000.0;
  const Matrix<double> A = layer.forward(Z);
  EXPECT_TRUE(IsNear("tanh(0)", A(0, 0), 0.0, 0.0));
  EXPECT_TRUE(IsNear("tanh(1000)", A(0, 1), 1.0, 0.0))
      << "(e^2z − 1)/(e^2z + 1) is inf/inf = NaN at z = 1000: use Eigen's tanh()";
  EXPECT_TRUE(IsNear("tanh(-1000)", A(0, 3), -1.0, 0.0));
  const Matrix<double> dZ = layer.backward(Matrix<double>::Ones(1, 4));
  EXPECT_TRUE(IsNear("tanh'(0)", dZ(0, 0), 1.0, 0.0)) << "tanh' = 1 − A², from the output";
  EXPECT_TRUE(IsNear("tanh'(1000)", dZ(0, 1), 0.0, 0.0));
  EXPECT_TRUE(IsNear("tanh'(-1000)", dZ(0, 3), 0.0, 0.0));
  EXPECT_TRUE(bp::testing::AgreesTo("tanh'(0.5)", dZ(0, 2), 0.786448, 6))
      << "1 − tanh²(0.5): 0 and 1000 cannot tell 1 − A from 1 − A², 0.5 can";
}

// --- ch04.3 -------------------------------------------------------------------------------------

// At the kink z = 0: ReLU passes nothing back, LeakyReLU passes the slope (chapter 1's
// convention); the slope belongs to the negative side.
TEST(ReluLayers, FollowTheConventionAtTheKink) {
  Matrix<double> Z(1, 3);
  Z << -2.0, 0.0, 3.0;
  bp::nn::Relu<double> relu;
  EXPECT_TRUE(
      MatrixNear("relu(Z)", relu.forward(Z), (Matrix<double>(1, 3) << 0, 0, 3).finished(), 0.0));
  EXPECT_TRUE(MatrixNear("relu backward", relu.backward(Matrix<double>::Ones(1, 3)),
                         (Matrix<double>(1, 3) << 0, 0, 1).finished(), 0.0))
      << "the mask is [z > 0]: 0 at z = 0";
  bp::nn::LeakyRelu<double> leaky(0.1);
  EXPECT_TRUE(MatrixNear("leaky_relu(Z)", leaky.forward(Z),
                         (Matrix<double>(1, 3) << -0.2, 0, 3).finished(), 1e-15));
  EXPECT_TRUE(MatrixNear("leaky_relu backward", leaky.backward(Matrix<double>::Ones(1, 3)),
                         (Matrix<double>(1, 3) << 0.1, 0.1, 1).finished(), 1e-15))
      << "slope for z <= 0, 1 for z > 0";
}

// On a batch whose gradient has both signs, each backward keeps or scales dA by the mask of the
// *input*, [Z > 0]: a mask taken from dA (or a gradient of all ones, as above) would not notice.
// LeakyReLU's default slope is 0.01, PyTorch's.
TEST(ReluLayers, MaskTheGradientByTheSignOfTheInput) {
  Matrix<double> Z(2, 3), dA(2, 3);
  Z << -2.0, 0.5, 3.0,  //
      1.0, -1.0, 0.25;
  dA << 0.7, -1.2, -0.4,  //
      -2.0, 0.3, 1.5;
  bp::nn::Relu<double> relu;
  relu.forward(Z);
  Matrix<double> expected(2, 3);
  expected << 0.0, -1.2, -0.4,  //
      -2.0, 0.0, 1.5;
  EXPECT_TRUE(MatrixNear("relu backward", relu.backward(dA), expected, 0.0))
      << "dZ = dA where Z > 0 and 0 elsewhere, whatever the sign of dA";
  bp::nn::LeakyRelu<double> leaky(0.1);
  leaky.forward(Z);
  expected << 0.07, -1.2, -0.4,  //
      -2.0, 0.03, 1.5;
  EXPECT_TRUE(MatrixNear("leaky_relu backward", leaky.backward(dA), expected, 1e-15))
      << "dZ = dA where Z > 0 and slope·dA elsewhere, whatever the sign of dA";
  bp::nn::LeakyRelu<double> default_slope;
  EXPECT_TRUE(MatrixNear("leaky_relu(Z) with the default slope", default_slope.forward(Z),
                         (Matrix<double>(2, 3) << -0.02, 0.5, 3, 1, -0.01, 0.25).finished(),
                         1e-15));
  expected << 0.007, -1.2, -0.4,  //
      -2.0, 0.003, 1.5;
  EXPECT_TRUE(MatrixNear("leaky_relu backward with the default slope", default_slope.backward(dA),
                         expected, 1e-15))
      << "the layer's own slope_, never a constant";
}

// --- ch04.4 -------------------------------------------------------------------------------------

// Each column of S is positive and sums to 1; softmax(1, 2, 3) has known values; adding a
// constant to a column changes nothing; ±1000 is no problem.
TEST(SoftmaxLayer, GivesADistributionPerColumn) {
  bp::nn::Softmax<double> softmax;
  Matrix<double> Z(3, 3);
  Z << 1, 1001, 1000,  //
      2, 1002, -1000,  //
      3, 1003, 0;
  const Matrix<double> S = softmax.forward(Z);
  EXPECT_TRUE(MatrixNear("column sums", S.colwise().sum(), Matrix<double>::Ones(1, 3), 1e-15));
  EXPECT_TRUE(IsNear("softmax(1, 2, 3)[2]", S(2, 0), 0.665240955774822, 1e-14));
  EXPECT_TRUE(MatrixNear("softmax(z + 1000) = softmax(z)", S.col(1), S.col(0), 1e-14))
      << "subtract each column's maximum before exponentiating: e^1003 overflows";
  EXPECT_TRUE(IsNear("softmax(1000, -1000, 0)[0]", S(0, 2), 1.0, 0.0));
}

// The vector–Jacobian product equals Jᵀ ds with the full Jacobian J = diag(s) − s sᵀ, built
// here column by column as the reference.
TEST(SoftmaxLayer, BackwardIsTheJacobianTransposeTimesTheGradient) {
  bp::nn::Softmax<double> softmax;
  const Matrix<double> Z = bp::random_uniform(4, 3, 8u, -3.0, 3.0);
  const Matrix<double> dS = bp::random_uniform(4, 3, 9u);
  const Matrix<double> S = softmax.forward(Z);
  const Matrix<double> dZ = softmax.backward(dS);
  for (Eigen::Index n = 0; n < 3; ++n) {
    const Eigen::VectorXd s = S.col(n);
    const Eigen::MatrixXd J = Eigen::MatrixXd(s.asDiagonal()) - s * s.transpose();
    ASSERT_TRUE(
        MatrixNear("dZ column " + std::to_string(n), dZ.col(n), J.transpose() * dS.col(n), 1e-14))
        << "each output s_k depends on every z_j of its column: the diagonal alone, s(1 − s), "
           "misses the − s_k s_j terms";
  }
}

// float and double agree: the same source serves both.
TEST(SoftmaxLayer, FloatAgreesWithDouble) {
  bp::nn::Softmax<double> d;
  bp::nn::Softmax<float> f;
  const Matrix<double> Z = bp::random_uniform(5, 2, 10u, -4.0, 4.0);
  EXPECT_TRUE(MatrixNear("softmax in float", f.forward(Z.cast<float>()).cast<double>(),
                         d.forward(Z), 1e-6));
}

}  // namespace
