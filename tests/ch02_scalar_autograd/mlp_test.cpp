// Task ch02.8: Neuron, Layer and MLP from Values.
#include "mlp.h"

#include <gtest/gtest.h>

#include "bp/shape.h"
#include "engine_testing.h"

namespace {

using bp::autograd::Layer;
using bp::autograd::MLP;
using bp::autograd::Neuron;
using bp::autograd::Value;
using bp::testing::IsNear;

// relu(w·x + b) by hand from the neuron's own parameters, for a nonlinear and a linear neuron.
TEST(ScalarMLP, ANeuronComputesReluOfWeightedSumPlusBias) {
  bp::Rng rng(7);
  const Neuron relu_unit(3, true, rng), linear_unit(3, false, rng);
  const std::vector<Value> x = {0.5, -1.0, 2.0};
  for (const Neuron* unit : {&relu_unit, &linear_unit}) {
    const auto p = unit->parameters();  // w0, w1, w2, b
    ASSERT_EQ(p.size(), 4u);
    p[3].node().data = 0.25;  // a non-zero bias, so a forgotten bias shows
    const double sum = p[0].data() * 0.5 - p[1].data() + p[2].data() * 2.0 + 0.25;
    const double expected = unit == &relu_unit ? std::max(0.0, sum) : sum;
    EXPECT_TRUE(IsNear("neuron output", (*unit)(x).data(), expected, 1e-12))
        << (unit == &relu_unit ? "relu(w·x + b)" : "w·x + b, no ReLU on a linear neuron");
  }
}

// A layer of m neurons gives m outputs; an MLP(2, [16, 16, 1]) has 337 parameters and 1 output.
TEST(ScalarMLP, LayersAndNetworksHaveTheRightShapes) {
  bp::Rng rng(1);
  const Layer layer(2, 5, true, rng);
  EXPECT_EQ(layer({1.0, 2.0}).size(), 5u);
  const MLP net(2, {16, 16, 1}, rng);
  EXPECT_EQ(net.parameters().size(), 337u) << "(2+1)·16 + (16+1)·16 + (16+1)·1";
  EXPECT_EQ(net({0.3, -0.7}).size(), 1u);
}

// The network's output is the last layer applied to the previous ones' outputs, and gradients
// flow from it to every parameter.
TEST(ScalarMLP, ChainsItsLayersAndPassesGradientsToEveryParameter) {
  bp::Rng rng(3);
  const MLP net(2, {4, 1}, rng);
  for (const Value& p : net.parameters()) {
    p.node().data += 0.5;  // bias the units on, so no ReLU blocks a parameter
  }
  Value out = net({1.0, 1.0})[0];
  out.backward();
  for (const Value& p : net.parameters()) {
    EXPECT_NE(p.grad(), 0.0) << "a parameter that the output does not depend on";
  }
}

// An input of the wrong size is an error naming both sizes.
TEST(ScalarMLP, RejectsAnInputOfTheWrongSize) {
  bp::Rng rng(1);
  const Neuron unit(3, true, rng);
  EXPECT_TRUE(IsNear("neuron(0, 0, 0) with bias 0", unit({0.0, 0.0, 0.0}).data(), 0.0, 0.0));
  EXPECT_THROW(unit({1.0, 2.0}), bp::ShapeError);
}

}  // namespace
