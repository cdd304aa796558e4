// Task ch08.8: LinearModule and MlpModule, chapter 7's network written with tensor operations;
// its parameters are leaves that chapter 6's optimizers update through Parameter views.
#include "module.h"

#include <gtest/gtest.h>

#include <vector>

#include "optimizers.h"
#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::nn::LinearModule;
using bp::nn::MlpModule;
using bp::nn::MlpSpec;
using bp::testing::HasShape;
using bp::testing::MatrixNear;

// Y = W X + b 1ᵀ for W (2, 3), b (2), X (3, 4), with a non-zero bias so that a forgotten one
// shows; the gradient of sum(Y) reaches both parameters.
TEST(TensorModules, LinearModuleComputesWXPlusB) {
  const Matrix W = uniform(2, 3, 131), X = uniform(3, 4, 132);
  const bp::nn::Vector<double> b = uniform(2, 1, 133);
  const LinearModule<double> layer(W, b);
  const Tensor<double> Y = layer.forward(data(X));
  ASSERT_TRUE(HasShape("Y", Y.value(), 2, 4));
  EXPECT_TRUE(MatrixNear("Y", Y.value(), W * X + b.replicate(1, 4), 1e-15));
  sum(Y).backward();
  EXPECT_TRUE(MatrixNear("dW", layer.W().grad(), Matrix::Ones(2, 4) * X.transpose(), 1e-14));
  EXPECT_TRUE(MatrixNear("db", layer.b().grad(), Matrix::Constant(2, 1, 4.0), 1e-15));
}

// The same spec and seed as make_mlp: the same weights, and the same forward pass, for a ReLU
// network with He initialisation and a tanh network with PyTorch's (non-zero biases).
TEST(TensorModules, MlpModuleIsMakeMlpsNetworkWithTheSameWeights) {
  for (const bp::nn::Hidden hidden : {bp::nn::Hidden::Relu, bp::nn::Hidden::Tanh}) {
    MlpSpec spec;
    spec.sizes = {3, 5, 4, 2};
    spec.hidden = hidden;
    spec.init = hidden == bp::nn::Hidden::Relu ? bp::nn::Init::He : bp::nn::Init::PyTorch;
    bp::Rng rng(134), same(134);
    const MlpModule<double> module(spec, rng);
    bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, same);
    const Matrix X = uniform(3, 6, 135);
    const Tensor<double> Y = module.forward(data(X));
    ASSERT_TRUE(HasShape("logits", Y.value(), 2, 6));
    EXPECT_TRUE(MatrixNear("logits", Y.value(), net.forward(X), 1e-14))
        << (hidden == bp::nn::Hidden::Relu ? "ReLU" : "tanh")
        << " network: an activation after every layer but the last, whose logits go to the loss";
    EXPECT_EQ(module.layers().size(), 3u);
  }
}

// parameters() are views of the leaves: W1, b1, W2, b2 with their shapes; an SGD step through
// them moves the module's own W by −η dW.
TEST(TensorModules, ParametersAreViewsThatAnOptimizerUpdates) {
  MlpSpec spec;
  spec.sizes = {3, 4, 2};
  bp::Rng rng(136);
  MlpModule<double> module(spec, rng);
  const Tensor<double> L = sum(module.forward(data(uniform(3, 5, 137))));
  L.backward();
  std::vector<bp::nn::Parameter<double>> params = module.parameters();
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(params[0].name, "W1");
  EXPECT_EQ(params[3].name, "b2");
  EXPECT_TRUE(HasShape("W1", params[0].value, 4, 3));
  EXPECT_TRUE(HasShape("b2", params[3].value, 2, 1));
  const Matrix W1 = module.layers()[0].W().value(), dW1 = module.layers()[0].W().grad();
  EXPECT_TRUE(MatrixNear("the view of dW1", params[0].grad, dW1, 0));
  bp::optim::Sgd<double> sgd(0.5);
  sgd.step(params);
  EXPECT_TRUE(MatrixNear("W1 after a step", module.layers()[0].W().value(), W1 - 0.5 * dW1, 0))
      << "the optimizer writes through the views into the leaf tensors";
  module.zero_grad();
  EXPECT_TRUE(MatrixNear("dW1 after zero_grad", module.layers()[0].W().grad(), 0 * dW1, 0));
}

// An input with 5 features for a network that takes 3: matmul names both shapes.
TEST(TensorModules, RejectsAnInputOfTheWrongSize) {
  MlpSpec spec;
  spec.sizes = {3, 4, 2};
  bp::Rng rng(138);
  const MlpModule<double> module(spec, rng);
  EXPECT_TRUE(HasShape("logits", module.forward(data(uniform(3, 2, 139))).value(), 2, 2));
  try {
    (void)module.forward(data(uniform(5, 2, 140)));
    FAIL() << "a (5, 2) input reached a layer that takes 3 features";
  } catch (const bp::ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("matmul: A has shape (4, 3) and B has shape (5, 2)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(MlpModule<double>({.sizes = {3, 2}, .dropout = 0.5}, rng), bp::ValueError);
}

}  // namespace
