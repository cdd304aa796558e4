// Task ch07.1: Sequential runs its layers forward in order and backward in reverse, and hands an
// optimizer every layer's parameters. The last suite checks a whole network, gradient by
// gradient, against central differences.
#include "sequential.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "activations.h"
#include "bp/gradient_check.h"
#include "bp/random.h"
#include "bp/testing/assertions.h"
#include "dropout.h"
#include "linear.h"
#include "losses.h"
#include "network.h"

namespace {

using bp::nn::Linear;
using bp::nn::Matrix;
using bp::nn::Relu;
using bp::nn::Sequential;
using bp::nn::Tanh;
using bp::nn::Vector;
using bp::testing::GradientMatches;
using bp::testing::HasShape;
using bp::testing::MatrixNear;

// A 2-3-2 network with round weights: Linear(2→3), ReLU, Linear(3→2).
Sequential<double> small_network() {
  Matrix<double> W1(3, 2), W2(2, 3);
  W1 << 1, -1, 0.5, 2, -1, 1;
  W2 << 1, 2, -1, 0, 1, 3;
  Vector<double> b1(3), b2(2);
  b1 << 0, -1, 0.5;
  b2 << 0.25, -0.5;
  Sequential<double> net;
  net.emplace<Linear<double>>(W1, b1);
  net.emplace<Relu<double>>();
  net.emplace<Linear<double>>(W2, b2);
  return net;
}

Matrix<double> two_samples() {
  Matrix<double> X(2, 2);  // columns (1, 2) and (−1, 0.5)
  X << 1, -1, 2, 0.5;
  return X;
}

TEST(SequentialModel, ForwardAppliesTheLayersInOrder) {
  Sequential<double> net = small_network();
  const Matrix<double> X = two_samples();
  // By hand: H = ReLU(W1 X + b1), Y = W2 H + b2.
  Linear<double> first(dynamic_cast<Linear<double>&>(net.layer(0)).W(),
                       dynamic_cast<Linear<double>&>(net.layer(0)).b());
  Linear<double> last(dynamic_cast<Linear<double>&>(net.layer(2)).W(),
                      dynamic_cast<Linear<double>&>(net.layer(2)).b());
  const Matrix<double> expected = last.forward(first.forward(X).cwiseMax(0.0));
  const Matrix<double> Y = net.forward(X);
  ASSERT_TRUE(HasShape("Y", Y, 2, 2));
  EXPECT_TRUE(MatrixNear("Y", Y, expected, 1e-12))
      << "Each layer must run on the previous layer's output, first layer first.";
}

TEST(SequentialModel, BackwardRunsTheLayersInReverseOrder) {
  Sequential<double> net = small_network();
  const Matrix<double> X = two_samples();
  net.forward(X);
  Matrix<double> dY(2, 2);
  dY << 1, -2, 0.5, 1;
  const Matrix<double> dX = net.backward(dY);
  ASSERT_TRUE(HasShape("dX", dX, 2, 2));

  // By hand: dH = W2ᵀ dY, dZ = dH ⊙ [Z > 0], dX = W1ᵀ dZ.
  auto& first = dynamic_cast<Linear<double>&>(net.layer(0));
  auto& last = dynamic_cast<Linear<double>&>(net.layer(2));
  const Matrix<double> Z = first.W() * X + first.b().replicate(1, 2);
  const Matrix<double> dZ = (Z.array() > 0).select(last.W().transpose() * dY, 0.0);
  EXPECT_TRUE(MatrixNear("dX", dX, first.W().transpose() * dZ, 1e-12))
      << "backward must start at the last layer and give each layer the gradient the layer "
         "after it returned.";
  EXPECT_TRUE(MatrixNear("dW of layer 0", first.dW(), dZ * X.transpose(), 1e-12));
}

TEST(SequentialModel, ParametersListEveryLayersParametersInOrder) {
  Sequential<double> net = small_network();
  std::vector<bp::nn::Parameter<double>> params = net.parameters();
  ASSERT_EQ(params.size(), 4u) << "Two Linear layers with W and b each, and ReLU has none.";
  EXPECT_EQ(params[0].name, "W");
  EXPECT_EQ(params[1].name, "b");
  EXPECT_TRUE(HasShape("first W", params[0].value, 3, 2));
  EXPECT_TRUE(HasShape("second W", params[2].value, 2, 3));
  // The views alias the layers: writing through them changes the network.
  params[3].value.setConstant(10.0);
  EXPECT_EQ(dynamic_cast<Linear<double>&>(net.layer(2)).b()(0), 10.0)
      << "parameters() must return the layers' own views, not copies.";
}

TEST(SequentialModel, AnEmptyNetworkIsTheIdentityAndNetworksNest) {
  Sequential<double> empty;
  const Matrix<double> X = two_samples();
  EXPECT_TRUE(MatrixNear("empty forward", empty.forward(X), X, 0));
  EXPECT_TRUE(MatrixNear("empty backward", empty.backward(X), X, 0));
  EXPECT_TRUE(empty.parameters().empty());

  Sequential<double> outer;
  outer.add(std::make_unique<Sequential<double>>(small_network()));
  outer.emplace<Tanh<double>>();
  Sequential<double> reference = small_network();
  EXPECT_TRUE(MatrixNear("nested forward", outer.forward(X),
                         reference.forward(X).array().tanh().matrix(), 1e-12));
  EXPECT_EQ(outer.parameters().size(), 4u) << "A nested network's parameters count too.";
}

TEST(SequentialModel, ALayerThatDoesNotFitNamesItsShapes) {
  Sequential<double> net = small_network();
  const Matrix<double> wrong = Matrix<double>::Ones(5, 2);  // 5 features, the network takes 2
  try {
    net.forward(wrong);
    FAIL() << "a (5, N) input reached a layer that takes 2 features";
  } catch (const bp::ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("Linear::forward"), std::string::npos) << e.what();
  }
  EXPECT_THROW(net.add(nullptr), bp::ValueError);
}

// set_training reaches every layer, in both directions, and the EvaluationMode guard restores the
// mode it found, whichever it was: training stays training, evaluation stays evaluation.
TEST(SequentialModel, TrainingModeReachesEveryLayer) {
  Sequential<double> net = small_network();
  net.forward(two_samples());
  net.set_training(false);
  for (std::size_t i = 0; i < net.size(); ++i) {
    EXPECT_FALSE(net.layer(i).training()) << "layer " << i;
  }
  net.set_training(true);
  for (std::size_t i = 0; i < net.size(); ++i) {
    EXPECT_TRUE(net.layer(i).training()) << "layer " << i << " back in training mode";
  }
  for (bool before : {true, false}) {
    net.set_training(before);
    {
      bp::nn::EvaluationMode<double> eval(net);
      EXPECT_FALSE(net.training()) << "inside the guard, starting from training = " << before;
      EXPECT_FALSE(net.layer(1).training()) << "inside the guard, starting from " << before;
    }
    EXPECT_EQ(net.training(), before) << "the guard restores the mode it found";
    EXPECT_EQ(net.layer(1).training(), before) << "in every layer";
  }
}

TEST(SequentialModel, AFirstLayerWithoutInputGradientStillGetsItsParameterGradients) {
  // make_mlp's first layer skips ∂L/∂X (nobody needs the gradient of the data); every
  // parameter gradient must be the same as with it.
  bp::nn::MlpSpec spec;
  spec.sizes = {3, 4, 2};
  spec.init = bp::nn::Init::PyTorch;  // Linear's own initialisation: this test needs only ch07.1
  bp::Rng rng(3), same(3);
  Sequential<double> skipping = bp::nn::make_mlp<double>(spec, rng);
  spec.input_gradient = true;
  Sequential<double> full = bp::nn::make_mlp<double>(spec, same);
  Matrix<double> X = bp::random_normal(3, 5, rng), dY = bp::random_normal(2, 5, rng);
  skipping.forward(X);
  full.forward(X);
  EXPECT_TRUE(HasShape("dX when skipped", skipping.backward(dY), 0, 5));
  EXPECT_TRUE(HasShape("dX", full.backward(dY), 3, 5));
  const auto a = skipping.parameters(), b = full.parameters();
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_TRUE(MatrixNear(a[k].name + " gradient", a[k].grad, b[k].grad, 0)) << "parameter " << k;
  }
}

// make_mlp's dropout option puts a Dropout(p) after every hidden activation, never after the
// output layer; in evaluation mode the network computes what its Linear and ReLU layers alone
// compute.
TEST(SequentialModel, MakeMlpPutsDropoutAfterEveryHiddenActivation) {
  bp::nn::MlpSpec spec;
  spec.sizes = {3, 5, 4, 2};
  spec.init = bp::nn::Init::PyTorch;
  spec.dropout = 0.3;
  bp::Rng rng(8);
  Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  net.set_training(false);
  const Matrix<double> X = bp::random_normal(3, 4, rng);
  const Matrix<double> Y = net.forward(X);
  ASSERT_EQ(net.size(), 7u) << "Linear, ReLU, Dropout, Linear, ReLU, Dropout, Linear";
  for (std::size_t i : {2u, 5u}) {
    const auto* dropout = dynamic_cast<bp::nn::Dropout<double>*>(&net.layer(i));
    ASSERT_NE(dropout, nullptr) << "layer " << i << " should be a Dropout";
    EXPECT_EQ(dropout->p(), 0.3);
  }
  Matrix<double> A = X;
  for (std::size_t i : {0u, 1u, 3u, 4u, 6u}) A = net.layer(i).forward(A);
  EXPECT_TRUE(MatrixNear("the network in evaluation mode", Y, A, 1e-12))
      << "in evaluation mode every Dropout is the identity";
}

// The whole network, every parameter and the input, against central differences: a 3-4-4-3
// network with tanh and ReLU layers and the softmax cross-entropy of chapter 5 on top.
TEST(WholeNetworkGradientCheck, EveryParameterAndTheInputMatchCentralDifferences) {
  bp::Rng rng(7);
  Sequential<double> net;
  net.emplace<Linear<double>>(3, 4, rng);
  net.emplace<Tanh<double>>();
  net.emplace<Linear<double>>(4, 4, rng);
  net.emplace<Relu<double>>();
  net.emplace<Linear<double>>(4, 3, rng);
  Matrix<double> X = bp::random_normal(3, 5, rng);
  const std::vector<int> labels = {0, 2, 1, 1, 0};
  const auto loss = [&] { return bp::nn::softmax_cross_entropy(net.forward(X), labels).value; };

  const Matrix<double> dX =
      net.backward(bp::nn::softmax_cross_entropy(net.forward(X), labels).gradient);
  // Copy the analytic gradients before the numeric check runs more forward passes.
  std::vector<Matrix<double>> analytic;
  std::vector<bp::nn::Parameter<double>> params = net.parameters();
  ASSERT_EQ(params.size(), 6u);
  for (const auto& p : params) analytic.emplace_back(p.grad);

  for (std::size_t k = 0; k < params.size(); ++k) {
    Matrix<double> value = params[k].value;  // perturb a copy, written back through the view
    const auto loss_at = [&] {
      params[k].value = value;
      return loss();
    };
    const std::string name = params[k].name + " of layer " + std::to_string(k / 2 * 2);
    EXPECT_TRUE(GradientMatches(bp::check_gradient(name, value, analytic[k], loss_at)));
    params[k].value = value;
  }
  EXPECT_TRUE(GradientMatches(bp::check_gradient("X", X, dX, loss)));
}

}  // namespace
